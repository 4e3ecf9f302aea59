// The apiserver's etcd key layout (k8s.io/apiserver registry/generic: /registry/<resource>/<ns>/<name>).
// A few resources keep historic key names, as the real apiserver does: nodes live under
// /registry/minions, services under /registry/services/specs.

const KEY_PREFIX: Record<string, string> = {
  nodes: 'minions',
  services: 'services/specs',
  endpoints: 'services/endpoints',
}

/** The registry folder of a resource, e.g. "pods", "deployments" (apps group is not in the key). */
export function resourcePrefix(resource: string): string {
  return `/registry/${KEY_PREFIX[resource] ?? resource}/`
}

export function objectKey(resource: string, namespace: string | undefined, name: string): string {
  return namespace ? `${resourcePrefix(resource)}${namespace}/${name}` : `${resourcePrefix(resource)}${name}`
}

export function listPrefix(resource: string, namespace: string | undefined): string {
  return namespace ? `${resourcePrefix(resource)}${namespace}/` : resourcePrefix(resource)
}
