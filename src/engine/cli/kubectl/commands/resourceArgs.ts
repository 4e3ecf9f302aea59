// The resource arguments of get, describe, delete and friends: `pods`, `pods a b`, `pod/a svc/b`,
// `pods,services`, `all`, resolved through the RESTMapper (short names, singular, kind,
// `deployments.apps`), and what the resource Builder decides to visit for them.
// Mirrors k8s.io/cli-runtime/pkg/resource builder.go: ResourceTypeOrNameArgs,
// normalizeMultipleResourcesArgs, hasCombinedTypeArgs, splitResourceTypeName,
// SplitResourceArgument, ReplaceAliases (category expansion over discovery), mappingFor,
// resourceMappings, resourceTupleMappings and visitorResult's choice between visitBySelector,
// visitByResource and visitByName with their errors; plus the discovery mapper's error for an
// unknown type.
// Left out: paths (-f, -k), which visitorResult tries first; the `--all` flag (selectAll) and
// subresources.

import { RESOURCES, resolveResourceArg, type ResourceInfo } from '../../../api/resources'

export interface ResourceRequest {
  info: ResourceInfo
  /** Object names; empty means "all of this type". */
  names: string[]
}

export type ResourceArgsResult = { ok: true; requests: ResourceRequest[]; typeNameForm: boolean } | { ok: false; error: string }

/** mappingFor: a type argument to its resource, or the discovery error kubectl prints. */
export function mappingFor(arg: string): ResourceInfo | { error: string } {
  const info = resolveResourceArg(arg)
  return info ?? { error: `the server doesn't have a resource type "${arg}"` }
}

/** SplitResourceArgument: `pods,svc,,pods` → [pods, svc] (empty and repeated words dropped). */
export function splitResourceArgument(arg: string): string[] {
  const out: string[] = []
  for (const s of arg.split(',')) {
    if (s.length === 0 || out.includes(s)) continue
    out.push(s)
  }
  return out
}

/**
 * normalizeMultipleResourcesArgs: `pods,svc a b` becomes `pods/a pods/b svc/a svc/b`, so that
 * several types with names are fetched by type/name.
 */
export function normalizeMultipleResourcesArgs(args: readonly string[]): string[] {
  if (args.length >= 2) {
    const resources = splitResourceArgument(args[0]!)
    if (resources.length > 1) {
      const names = args.slice(1)
      return resources.flatMap((resource) => names.map((name) => `${resource}/${name}`))
    }
  }
  return [...args]
}

/** The base name kubectl reports itself by (os.Args[0]'s last path element). */
const BASE_CMD = 'kubectl'

/** hasCombinedTypeArgs: whether the arguments are in type/name form (all of them, or an error). */
function hasCombinedTypeArgs(args: readonly string[]): { combined: boolean; error?: string } {
  const slashes = args.filter((a) => a.includes('/')).length
  if (slashes > 0 && slashes === args.length) return { combined: true }
  if (slashes > 0) {
    return {
      combined: true,
      error: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${BASE_CMD} get resource/<resource_name>' instead of '${BASE_CMD} get resource resource/<resource_name>'`,
    }
  }
  return { combined: false }
}

export interface ResourceTuple {
  resource: string
  name: string
}

/** splitResourceTypeName: `pod/nginx` → {pod, nginx}, with the builder's errors. */
export function splitResourceTypeName(s: string): { tuple?: ResourceTuple; error?: string } {
  if (!s.includes('/')) return {}
  const seg = s.split('/')
  if (seg.length !== 2) return { error: 'arguments in resource/name form may not have more than one slash' }
  const [resource, name] = seg as [string, string]
  if (resource.length === 0 || name.length === 0 || splitResourceArgument(resource).length !== 1) {
    return { error: 'arguments in resource/name form must have a single resource and name' }
  }
  return { tuple: { resource, name } }
}

/**
 * The resources of a discovery category (`all`), as `resource[.group]` in discovery order;
 * undefined when no served resource lists the category.
 */
export function expandCategory(category: string): string[] | undefined {
  const found = RESOURCES.filter((r) => r.categories.includes(category)).map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource))
  return found.length > 0 ? found : undefined
}

/** ReplaceAliases: each comma-separated word that names a category is replaced by its resources. */
export function replaceAliases(input: string): string {
  return input
    .split(',')
    .map((arg) => expandCategory(arg)?.join(',') ?? arg)
    .join(',')
}

/** What ResourceTypeOrNameArgs records on the Builder. */
export interface ResourceBuilderArgs {
  /** Resource types, after category expansion (`all` → pods,services,...). */
  resources: string[]
  names: string[]
  tuples: ResourceTuple[]
  /** Errors the builder collected; visiting reports the first batch before anything else. */
  errors: string[]
  /** The label selector afterwards: a single type with no selector selects everything (""). */
  labelSelector: string | undefined
  /**
   * How many comma-separated words ReplaceAliases looked up in discovery's categories (each
   * lookup is a discovery request, which an unreachable server turns into a logged error).
   */
  aliasLookups: number
}

/**
 * ResourceTypeOrNameArgs(allowEmptySelector, args...). `labelSelector` is what
 * LabelSelectorParam set before (trimmed, undefined when empty).
 */
export function resourceTypeOrNameArgs(
  args: readonly string[],
  opts: { allowEmptySelector: boolean; labelSelector?: string },
): ResourceBuilderArgs {
  const b: ResourceBuilderArgs = { resources: [], names: [], tuples: [], errors: [], labelSelector: opts.labelSelector, aliasLookups: 0 }
  const normalized = normalizeMultipleResourcesArgs(args)
  const combined = hasCombinedTypeArgs(normalized)
  if (combined.combined) {
    if (combined.error) {
      b.errors.push(combined.error)
      return b
    }
    for (const s of normalized) {
      const split = splitResourceTypeName(s)
      if (split.error) {
        b.errors.push(split.error)
        return b
      }
      if (split.tuple) b.tuples.push(split.tuple)
    }
    return b
  }
  if (normalized.length > 0) {
    b.aliasLookups = normalized[0]!.split(',').length
    normalized[0] = replaceAliases(normalized[0]!)
  }
  if (normalized.length >= 2) {
    b.names.push(...normalized.slice(1))
    b.resources.push(...splitResourceArgument(normalized[0]!))
  } else if (normalized.length === 1) {
    b.resources.push(...splitResourceArgument(normalized[0]!))
    if (b.labelSelector === undefined && opts.allowEmptySelector) b.labelSelector = ''
  }
  return b
}

/** builder.go missingResourceError. */
export const MISSING_RESOURCE_ERROR =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"

/** One list request of visitBySelector (a Selector visitor). */
export interface SelectorSource {
  kind: 'selector'
  info: ResourceInfo
  /** "" for cluster-scoped resources and -A. */
  namespace: string
  labelSelector: string
  fieldSelector: string
}

/** One object of visitByResource / visitByName (an Info to fetch). */
export interface NameSource {
  kind: 'name'
  info: ResourceInfo
  namespace: string
  name: string
}

export type ResourceSource = SelectorSource | NameSource

export type ResourceVisit = { ok: true; sources: ResourceSource[]; singleItemImplied: boolean } | { ok: false; error: string }

export interface ResourceVisitOptions {
  /** FieldSelectorParam (trimmed, undefined when empty). */
  fieldSelector?: string
  /** NamespaceParam; "" with AllNamespaces. */
  namespace: string
  allNamespaces: boolean
  /** SingleResourceType(): `get -w` watches one type. */
  singleResourceType?: boolean
  /**
   * The RESTMapper. kubectl asks discovery here, so a caller that must reach the server first
   * (and fail with the connection error) does it in this function.
   */
  mapping?: (arg: string) => ResourceInfo | { error: string }
}

/**
 * visitorResult: which requests the Builder makes for its arguments, in order, or the error it
 * stops with. Selectors win over names (`get pods -l app=x`), then type/name tuples, then names.
 */
export function resourceVisit(b: ResourceBuilderArgs, opts: ResourceVisitOptions): ResourceVisit {
  const mapping = opts.mapping ?? mappingFor
  if (b.errors.length > 0) return { ok: false, error: b.errors.join('\n') }
  const namespaceFor = (info: ResourceInfo): string | { error: string } => {
    if (!info.namespaced) return ''
    if (opts.namespace.length === 0) {
      return {
        error: opts.allNamespaces
          ? 'a resource cannot be retrieved by name across all namespaces'
          : 'namespace may not be empty when retrieving a resource by name',
      }
    }
    return opts.namespace
  }

  if (b.labelSelector !== undefined || opts.fieldSelector !== undefined) {
    if (b.names.length !== 0) return { ok: false, error: 'name cannot be provided when a selector is specified' }
    if (b.tuples.length !== 0) return { ok: false, error: 'selectors and the all flag cannot be used when passing resource/name arguments' }
    if (b.resources.length === 0) return { ok: false, error: 'at least one resource must be specified to use a selector' }
    const mappings = resourceMappings(b.resources, opts.singleResourceType ?? false, mapping)
    if ('error' in mappings) return { ok: false, error: mappings.error }
    return {
      ok: true,
      singleItemImplied: false,
      sources: mappings.map((info) => ({
        kind: 'selector',
        info,
        namespace: info.namespaced ? opts.namespace : '',
        labelSelector: b.labelSelector ?? '',
        fieldSelector: opts.fieldSelector ?? '',
      })),
    }
  }

  if (b.tuples.length !== 0) {
    if (b.resources.length !== 0) return { ok: false, error: 'you may not specify individual resources and bulk resources in the same call' }
    const mappings = new Map<string, ResourceInfo>()
    for (const t of b.tuples) {
      if (mappings.has(t.resource)) continue
      const info = mapping(t.resource)
      if ('error' in info) return { ok: false, error: info.error }
      mappings.set(t.resource, info)
    }
    if (opts.singleResourceType && new Set(mappings.values()).size > 1) return { ok: false, error: 'you may only specify a single resource type' }
    const sources: ResourceSource[] = []
    for (const t of b.tuples) {
      const info = mappings.get(t.resource)!
      const namespace = namespaceFor(info)
      if (typeof namespace !== 'string') return { ok: false, error: namespace.error }
      sources.push({ kind: 'name', info, namespace, name: t.name })
    }
    return { ok: true, sources, singleItemImplied: b.tuples.length === 1 }
  }

  if (b.names.length !== 0) {
    if (b.resources.length === 0) return { ok: false, error: 'you must provide a resource and a resource name together' }
    if (b.resources.length > 1) return { ok: false, error: 'you must specify only one resource' }
    const mappings = resourceMappings(b.resources, opts.singleResourceType ?? false, mapping)
    if ('error' in mappings) return { ok: false, error: mappings.error }
    const info = mappings[0]!
    const namespace = namespaceFor(info)
    if (typeof namespace !== 'string') return { ok: false, error: namespace.error }
    return {
      ok: true,
      singleItemImplied: b.names.length === 1,
      sources: b.names.map((name) => ({ kind: 'name', info, namespace, name })),
    }
  }

  if (b.resources.length !== 0) {
    for (const r of b.resources) {
      const info = mapping(r)
      if ('error' in info) return { ok: false, error: info.error }
    }
    return { ok: false, error: 'resource(s) were provided, but no name was specified' }
  }
  return { ok: false, error: MISSING_RESOURCE_ERROR }
}

/** resourceMappings: one mapping per distinct kind, in argument order. */
function resourceMappings(
  resources: readonly string[],
  singleResourceType: boolean,
  mapping: (arg: string) => ResourceInfo | { error: string },
): ResourceInfo[] | { error: string } {
  if (resources.length > 1 && singleResourceType) return { error: 'you may only specify a single resource type' }
  const out: ResourceInfo[] = []
  for (const r of resources) {
    const info = mapping(r)
    if ('error' in info) return info
    if (!out.includes(info)) out.push(info)
  }
  return out
}

/**
 * Splits and resolves resource arguments, grouped by type. `kubectl get pods,svc` gives two
 * requests without names; `kubectl get pod/a svc/b` two with one name each (typeNameForm).
 */
export function parseResourceArgs(args: readonly string[]): ResourceArgsResult {
  if (args.length === 0) return { ok: true, requests: [], typeNameForm: false }
  const b = resourceTypeOrNameArgs(args, { allowEmptySelector: false })
  if (b.errors.length > 0) return { ok: false, error: b.errors[0]! }
  const requests: ResourceRequest[] = []
  if (b.tuples.length > 0) {
    for (const t of b.tuples) {
      const info = mappingFor(t.resource)
      if ('error' in info) return { ok: false, error: info.error }
      const same = requests.find((r) => r.info === info)
      if (same) same.names.push(t.name)
      else requests.push({ info, names: [t.name] })
    }
    return { ok: true, requests, typeNameForm: true }
  }
  for (const t of b.resources) {
    const info = mappingFor(t)
    if ('error' in info) return { ok: false, error: info.error }
    if (!requests.some((r) => r.info === info)) requests.push({ info, names: [...b.names] })
  }
  return { ok: true, requests, typeNameForm: false }
}
