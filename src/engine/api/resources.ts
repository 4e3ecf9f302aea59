// The RESTMapper: which resources the apiserver serves, their kinds, groups, versions, short
// names and scope, as `kubectl api-resources` lists them (k8s.io/apimachinery/pkg/api/meta
// RESTMapper, and each resource's registry in pkg/registry). Adding a kind to the engine starts
// here.

export interface ResourceInfo {
  /** Plural lower-case name, as in the URL: "pods", "deployments". */
  resource: string
  singular: string
  kind: string
  listKind: string
  /** "" for the core group. */
  group: string
  version: string
  namespaced: boolean
  shortNames: string[]
  categories: string[]
  verbs: string[]
  subresources: string[]
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

function r(
  resource: string,
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
  subresources: string[] = [],
  verbs: string[] = ALL_VERBS,
): ResourceInfo {
  return {
    resource,
    singular: kind.toLowerCase(),
    kind,
    listKind: `${kind}List`,
    group,
    version,
    namespaced,
    shortNames,
    categories,
    verbs,
    subresources,
  }
}

/** Served resources, in the order `kubectl api-resources` prints them (core first, then by group). */
export const RESOURCES: readonly ResourceInfo[] = [
  r('bindings', 'Binding', '', 'v1', true, [], [], [], ['create']),
  r('configmaps', 'ConfigMap', '', 'v1', true, ['cm']),
  r('endpoints', 'Endpoints', '', 'v1', true, ['ep']),
  r('events', 'Event', '', 'v1', true, ['ev']),
  r('namespaces', 'Namespace', '', 'v1', false, ['ns'], [], ['status', 'finalize'], ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  r('nodes', 'Node', '', 'v1', false, ['no'], [], ['status', 'proxy']),
  r('pods', 'Pod', '', 'v1', true, ['po'], ['all'], ['status', 'binding', 'log', 'eviction', 'exec', 'attach', 'portforward', 'ephemeralcontainers', 'resize']),
  r('secrets', 'Secret', '', 'v1', true),
  r('serviceaccounts', 'ServiceAccount', '', 'v1', true, ['sa']),
  r('services', 'Service', '', 'v1', true, ['svc'], ['all'], ['status', 'proxy'], ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']),
  r('daemonsets', 'DaemonSet', 'apps', 'v1', true, ['ds'], ['all'], ['status']),
  r('deployments', 'Deployment', 'apps', 'v1', true, ['deploy'], ['all'], ['status', 'scale']),
  r('replicasets', 'ReplicaSet', 'apps', 'v1', true, ['rs'], ['all'], ['status', 'scale']),
  r('leases', 'Lease', 'coordination.k8s.io', 'v1', true),
  r('endpointslices', 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
]

export function groupVersion(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version
}

/** "deployments.apps", or "pods" for the core group: how errors and `-o name` name a resource. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource
}

export function findByResource(resource: string, group?: string): ResourceInfo | undefined {
  return RESOURCES.find((i) => i.resource === resource && (group === undefined || i.group === group))
}

export function findByKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((i) => groupVersion(i) === apiVersion && i.kind === kind)
}

/**
 * Resolve what a user typed (`po`, `pods`, `pod`, `Pod`, `deployments.apps`, `deploy.apps`,
 * `deployment.v1.apps`) the way kubectl's RESTMapper does: plural, singular, short name or kind,
 * optionally qualified by group (and version).
 */
export function resolveResourceArg(arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase()
  const dot = lower.indexOf('.')
  const name = dot < 0 ? lower : lower.slice(0, dot)
  let rest = dot < 0 ? undefined : lower.slice(dot + 1)
  let version: string | undefined
  if (rest) {
    const parts = rest.split('.')
    if (/^v\d+((alpha|beta)\d+)?$/.test(parts[0])) {
      version = parts[0]
      rest = parts.slice(1).join('.')
    }
  }
  const matches = (i: ResourceInfo) =>
    (rest === undefined || i.group === rest || (rest === '' && i.group === '')) &&
    (version === undefined || i.version === version)
  const exact = RESOURCES.filter((i) => matches(i) && (i.resource === name || i.singular === name || i.kind.toLowerCase() === name))
  if (exact.length) return exact[0]
  return RESOURCES.find((i) => matches(i) && i.shortNames.includes(name))
}
