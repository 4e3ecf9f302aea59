// Which objects `kubectl describe` describes: the resource builder's answer for its arguments.
// Mirrors: k8s.io/cli-runtime pkg/resource builder.go v0.32 as describe configures it
// (Unstructured, ContinueOnError, NamespaceParam/DefaultNamespace/AllNamespaces,
// LabelSelectorParam, ResourceTypeOrNameArgs(true, ...): a bare type means "every object",
// visitBySelector, visitByName, visitByResource, RetrieveLazy), selector.go (the list and
// EnhanceListError) and EagerVisitorList (every error is collected, the visit goes on).
// For -f/--filename (delete, describe, get): FilenameParam's errors and StdinMultiUseError,
// SelectAllParam, ResourceTypeOrNameArgs' errors and the discovery requests ReplaceAliases makes,
// visitByPaths (its argument errors, the label selector it filters with), the decorators
// SetNamespace, RequireNamespace and FilterNamespace, and the mapper's infoForData failing for
// every object with `unable to recognize "<file>": <dial error>` when nobody answers at the
// server's address (each try a logged discovery refresh, as kubectl 1.32 prints them).
// Info.Get (RetrieveLazy): a NotFound in a namespace other than default asks whether the
// namespace exists and reports `namespaces "x" not found` when it does not.
// Left out: -k/--kustomize and --chunk-size paging (lists come whole). With no server, the
// errors of one file keep their order among files, but within a file the objects' errors come
// before the file's own (decode) errors; kinds the Podlab apiserver does not serve are reported
// as they would be with a server.

import { isNotFound, StatusError } from '../../../api/errors'
import { parseSelector, type Selector } from '../../../api/labels'
import type { ResourceInfo } from '../../../api/resources'
import { goQuote } from '../../../api/validation/field'
import type { KubeObject, Status } from '../../../api/types'
import type { Client } from '../../../client/client'
import { dialErrorText, discoveryErrorLine, kubectlPid } from '../connectionErrors'
import { KubectlExit, type Factory } from '../factory'
import type { CmdError } from './createCmdutil'
import { expandFilenames, visitFilenames, type FilenameOptions, type ManifestSource, type VisitEntry, type VisitedObject } from './filenames'
import { parseResourceArgs, resourceTypeOrNameArgs } from './resourceArgs'

/** One object the builder found (resource.Info without the object: describers fetch it again). */
export interface Target {
  info: ResourceInfo
  /** "" for cluster-scoped objects. */
  namespace: string
  name: string
}

/** The builder's errors, in the order kubectl reports them: Status from the server or client text. */
export type TargetError = Status | string

export interface TargetsResult {
  targets: Target[]
  errors: TargetError[]
}

export interface BuilderParams {
  args: readonly string[]
  namespace: string
  allNamespaces: boolean
  /** -l, as typed (LabelSelectorParam trims it; empty means none). */
  labelSelector: string
  /** --field-selector (delete); empty means none. */
  fieldSelector?: string
  /** ResourceTypeOrNameArgs(allowEmptySelector): a lone type selects everything (describe, get). */
  allowEmptySelector: boolean
  /** SelectAllParam (delete --all). */
  selectAll?: boolean
}

/** The builder's plan: list by selector, or visit named objects. Errors it finds without the server. */
export type BuilderPlan =
  | { kind: 'selector'; requests: { info: ResourceInfo }[]; labelSelector: string; fieldSelector: string }
  | { kind: 'names'; targets: Target[] }
  | { kind: 'error'; error: string }

const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

/**
 * Builder.Do's checks that need no server (visitorResult, visitBySelector, visitByName): the
 * errors for a name given with a selector and friends. Run before resolving types, which would
 * ask the server (discovery).
 */
export function builderStructureError(p: BuilderParams): string | undefined {
  const labelSelector = p.labelSelector.trim()
  const fieldSelector = (p.fieldSelector ?? '').trim()
  if (p.selectAll && (labelSelector !== '' || fieldSelector !== '')) return "setting 'all' parameter but found a non empty selector. "
  const slashed = p.args.some((a) => a.includes('/'))
  const hasSelector = labelSelector !== '' || fieldSelector !== '' || p.selectAll === true || (p.allowEmptySelector && p.args.length === 1 && !slashed)
  // normalizeMultipleResourcesArgs: `pods,svc a b` becomes pods/a pods/b svc/a svc/b.
  const multiType = p.args.length >= 2 && new Set(p.args[0]!.split(',')).size > 1
  if (slashed && !p.args.every((a) => a.includes('/'))) return undefined // parseResourceArgs words this one
  if (hasSelector && (slashed || multiType)) return 'selectors and the all flag cannot be used when passing resource/name arguments'
  if (hasSelector && p.args.length >= 2) return 'name cannot be provided when a selector is specified'
  if (p.args.length === 0) return hasSelector ? 'at least one resource must be specified to use a selector' : MISSING_RESOURCE
  // A lone type without a selector ("resource(s) were provided, but no name was specified") is
  // only reported once the type resolves, as visitorResult maps it first.
  return undefined
}

/**
 * Builder.Do after discovery: resolves the types and says what to visit. The caller has checked
 * builderStructureError first.
 */
export function planBuilder(p: BuilderParams): BuilderPlan {
  const parsed = parseResourceArgs(p.args)
  if (!parsed.ok) return { kind: 'error', error: parsed.error }
  const labelSelector = p.labelSelector.trim()
  const fieldSelector = (p.fieldSelector ?? '').trim()
  const names = parsed.requests.some((r) => r.names.length > 0)
  const hasSelector = labelSelector !== '' || fieldSelector !== '' || p.selectAll === true || (p.allowEmptySelector && !names)
  if (hasSelector) return { kind: 'selector', requests: parsed.requests.map((r) => ({ info: r.info })), labelSelector, fieldSelector }
  if (!names) return { kind: 'error', error: 'resource(s) were provided, but no name was specified' }
  const targets: Target[] = []
  for (const r of parsed.requests) {
    let namespace = ''
    if (r.info.namespaced) {
      if (p.allNamespaces) return { kind: 'error', error: 'a resource cannot be retrieved by name across all namespaces' }
      namespace = p.namespace
    }
    for (const name of r.names) targets.push({ info: r.info, namespace, name })
  }
  return { kind: 'names', targets }
}

/**
 * The Selector visitor: lists each type (in the namespace, or everywhere for -A and for
 * cluster-scoped types) and yields the items; a failed list is an error, and the visit goes on.
 */
export function listTargets(
  client: Client,
  plan: Extract<BuilderPlan, { kind: 'selector' }>,
  namespace: string,
  allNamespaces: boolean,
): TargetsResult & { objects: KubeObject[] } {
  const out: TargetsResult & { objects: KubeObject[] } = { targets: [], errors: [], objects: [] }
  for (const { info } of plan.requests) {
    const ns = info.namespaced && !allNamespaces ? namespace : undefined
    try {
      const list = client.list(info.resource, ns, { labelSelector: plan.labelSelector, fieldSelector: plan.fieldSelector })
      for (const item of list.items) {
        out.targets.push({ info, namespace: info.namespaced ? (item.metadata?.namespace ?? '') : '', name: item.metadata?.name ?? '' })
        out.objects.push(item)
      }
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
      out.errors.push(enhanceListError(e.status, info, plan.labelSelector, plan.fieldSelector))
    }
  }
  return out
}

/**
 * RetrieveLazy for named objects: a GET of each; the ones that answer are the targets, the
 * others' errors are collected.
 */
export function getTargets(client: Client, targets: readonly Target[]): TargetsResult {
  const out: TargetsResult = { targets: [], errors: [] }
  for (const t of targets) {
    try {
      client.get(t.info.resource, t.namespace || undefined, t.name)
      out.targets.push(t)
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
      out.errors.push(namespaceNotFound(client, t.namespace, e.status))
    }
  }
  return out
}

/**
 * Info.Get's second look after a NotFound: in a namespace other than "default" (and not all
 * namespaces), a missing namespace is the error kubectl reports; otherwise `err` stands.
 */
export function namespaceNotFound(client: Client, namespace: string, err: Status): Status {
  if (!isNotFound(err) || namespace === '' || namespace === 'default') return err
  const res = client.request({ method: 'GET', path: `/api/v1/namespaces/${namespace}` })
  const status = res.body as Status
  if (res.code >= 400 && status?.kind === 'Status' && status.reason === 'NotFound') return status
  return err
}

/** GroupVersionResource.String(): "/v1, Resource=pods", "apps/v1, Resource=deployments". */
export function groupVersionResourceString(info: ResourceInfo): string {
  return `${info.group}/${info.version}, Resource=${info.resource}`
}

/**
 * EnhanceListError: a BadRequest or NotFound list error says what was being listed; other
 * errors pass unchanged.
 */
export function enhanceListError(status: Status, info: ResourceInfo, labelSelector: string, fieldSelector: string): Status {
  if (status.reason === 'Expired') return status
  if (status.reason !== 'BadRequest' && status.reason !== 'NotFound') return status
  const subj = groupVersionResourceString(info)
  const message =
    labelSelector === '' && fieldSelector === ''
      ? `Unable to list ${goQuote(subj)}: ${status.message ?? ''}`
      : `Unable to find ${goQuote(subj)} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${status.message ?? ''}`
  return { ...status, message }
}

// ---- -f/--filename: FilenameParam and visitByPaths ----

/** What the Builder is given besides the files. */
export interface FilenameBuilderParams {
  args: readonly string[]
  /** -l as typed (LabelSelectorParam trims it). */
  labelSelector: string
  /** --field-selector as typed (visitByPaths ignores it; SelectAllParam does not). */
  fieldSelector?: string
  /** SelectAllParam (delete --all). */
  selectAll?: boolean
  /** ResourceTypeOrNameArgs(allowEmptySelector, ...). */
  allowEmptySelector: boolean
}

/** What visitByPaths will visit: the sources, and the label selector it filters with. */
export interface FilenamePlan {
  sources: ManifestSource[]
  /** undefined when no selector was given; Everything for --all. */
  selector: Selector | undefined
  /** visitByPaths' singleItemImplied: one source, not standard input, not a directory's files. */
  singleItemImplied: boolean
}

/** cli-runtime's StdinMultiUseError. */
const STDIN_MULTI_USE = 'standard input cannot be used for multiple arguments'

/** cmdutil.CheckErr of Result{err: NewAggregate(errs)}: one error with "error: ", several a line each. */
function aggregateText(errs: readonly string[]): string {
  return errs.length === 1 ? `error: ${errs[0]}\n` : errs.map((e) => `${e}\n`).join('')
}

/**
 * f.client(), or undefined when nobody listens at the server's address. The kubeconfig is read
 * first, so that its errors are reported as they are.
 */
export function reachableClient(f: Factory): Client | undefined {
  f.namespace()
  try {
    return f.client()
  } catch (e) {
    if (!(e instanceof KubectlExit)) throw e
    return undefined
  }
}

/** memcache.go's logged error for each of `count` failed discovery refreshes. */
function discoveryFailures(f: Factory, count: number): string {
  return discoveryErrorLine(f.server(), f.now(), kubectlPid(f.p, f.p.host)).repeat(count)
}

/**
 * The Builder's checks for -f before any file is read, in kubectl's order: the errors collected
 * while it was configured (FilenameParam's bad paths, a second `-f -`, SelectAllParam,
 * ResourceTypeOrNameArgs), then visitByPaths' refusal of resource arguments and its label
 * selector. Ends the command with kubectl's error; with no server, preceded by the failed
 * discovery requests ReplaceAliases made for the type argument.
 */
export function planFilenames(f: Factory, files: FilenameOptions, p: FilenameBuilderParams): FilenamePlan {
  const expanded = expandFilenames(f, files)
  const errs = [...expanded.errors]
  if (files.kustomize === '') {
    // Stdin() records an error at each `-` after the first, after the errors of the paths before it.
    let stdinSeen = false
    let recorded = 0
    files.filenames.forEach((name, i) => {
      if (name !== '-') return
      if (stdinSeen) {
        const before = expandFilenames(f, { ...files, filenames: files.filenames.slice(0, i) }).errors.length
        errs.splice(before + recorded, 0, STDIN_MULTI_USE)
        recorded++
      }
      stdinSeen = true
    })
  }
  const labelSelector = p.labelSelector.trim()
  const fieldSelector = (p.fieldSelector ?? '').trim()
  if (p.selectAll && (labelSelector !== '' || fieldSelector !== '')) errs.push("setting 'all' parameter but found a non empty selector. ")
  const b = resourceTypeOrNameArgs(p.args, { allowEmptySelector: p.allowEmptySelector, labelSelector: labelSelector || undefined })
  errs.push(...b.errors)
  const fail = (text: string): never => {
    const logged = b.aliasLookups > 0 && !reachableClient(f) ? discoveryFailures(f, b.aliasLookups) : ''
    throw new KubectlExit(logged + text, 1)
  }
  if (errs.length > 0) fail(aggregateText(errs))
  if (files.kustomize !== '') throw new KubectlExit('error: -k/--kustomize is not simulated by Podlab\n', 1)
  // visitorResult: paths come first, and take no resource arguments.
  if (b.resources.length > 0) fail('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n')
  if (b.names.length > 0) fail('error: name cannot be provided when a path is specified\n')
  if (b.tuples.length > 0) fail('error: resource/name arguments cannot be provided when a path is specified\n')
  const selectorText = p.selectAll ? '' : b.labelSelector
  let selector: Selector | undefined
  if (selectorText !== undefined) {
    try {
      selector = parseSelector(selectorText)
    } catch (e) {
      if (!(e instanceof Error)) throw e
      fail(`error: the provided selector ${goQuote(selectorText)} is not valid: ${e.message}\n`)
    }
  }
  const sources = expanded.sources
  return { sources, selector, singleItemImplied: sources.length === 1 && sources[0]!.kind !== 'stdin' }
}

/** One source's visit: what the callbacks see, in order, and the errors of reading it. */
export interface SourceVisit {
  source: ManifestSource
  entries: VisitEntry[]
  fileErrors: CmdError[]
}

/**
 * The objects of each source with SetNamespace(namespace) and FilterNamespace applied, read one
 * source at a time so that a file's read errors keep their place among the errors of the objects
 * before and after it. RequireNamespace is left to the caller (`requireNamespace`), which runs
 * it where its command does; visitByPaths' label filter is applied when `selector` is given.
 */
export function visitFileSources(f: Factory, sources: readonly ManifestSource[], namespace: string, selector?: Selector): SourceVisit[] {
  // The Builder as NamespaceParam(namespace).DefaultNamespace() configures it, without enforcing.
  const builder = Object.create(f, { namespace: { value: () => ({ namespace, explicit: false }) } }) as Factory
  const out: SourceVisit[] = []
  let stdinRead = false
  for (const source of sources) {
    if (source.kind === 'stdin') {
      // planFilenames refused a second `-f -`; this only guards the reading.
      if (stdinRead) continue
      stdinRead = true
    }
    const name = source.kind === 'stdin' ? '-' : source.source
    const visit = visitFilenames(builder, { filenames: [name], recursive: false, kustomize: '' }, { validate: false })
    const entries = selector ? visit.entries.filter((e) => e.kind !== 'object' || selector.matches(objectLabels(e.object.object))) : visit.entries
    out.push({ source, entries, fileErrors: visit.fileErrors })
  }
  return out
}

/** An object's labels (a Table's: none). */
export function objectLabels(obj: unknown): Record<string, string> {
  const meta = (obj as { metadata?: { labels?: unknown } } | undefined)?.metadata
  const labels = meta?.labels
  return typeof labels === 'object' && labels !== null && !Array.isArray(labels) ? (labels as Record<string, string>) : {}
}

/** RequireNamespace(namespace) for one object: the error when its namespace is another one. */
export function requireNamespace(o: VisitedObject, namespace: string): string | undefined {
  if (!o.mapping.namespaced || o.namespace === '' || o.namespace === namespace) return undefined
  return `the namespace from the provided object ${goQuote(o.namespace)} does not match the namespace ${goQuote(namespace)}. You must pass '--namespace=${o.namespace}' to perform this operation.`
}

/**
 * Reading the files with nobody at the server's address: each object's RESTMapping fails after
 * a discovery refresh (logged), `unable to recognize "<source>": <dial error>`. Returns the
 * errors EagerVisitorList collects, in order, after writing the logged lines to stderr.
 */
export function unrecognizedObjects(f: Factory, sources: readonly ManifestSource[]): CmdError[] {
  const dial = dialErrorText('GET', f.server(), '/api?timeout=32s')
  const errs: CmdError[] = []
  let tries = 0
  for (const v of visitFileSources(f, sources, '')) {
    for (let i = 0; i < v.entries.length; i++) {
      tries++
      errs.push(`unable to recognize ${goQuote(v.source.source)}: ${dial}`)
    }
    errs.push(...v.fileErrors)
  }
  if (tries > 0) f.p.err(discoveryFailures(f, tries))
  return errs
}

/** ContinueOnErrorVisitor's error: the callbacks' errors, then the reading's (EagerVisitorList) aggregate. */
export function continueOnErrorResult(callbackErrors: readonly CmdError[], eagerErrors: readonly CmdError[]): CmdError | undefined {
  const errs: CmdError[] = [...callbackErrors]
  if (eagerErrors.length > 0) errs.push([...eagerErrors])
  if (errs.length === 0) return undefined
  return errs.length === 1 ? errs[0] : errs
}
