// The resource arguments of get, describe, delete and friends: `pods`, `pods a b`, `pod/a svc/b`,
// `pods,services`, resolved through the RESTMapper (short names, singular, kind, `deployments.apps`).
// Mirrors k8s.io/cli-runtime/pkg/resource builder.go (ResourceTypeOrNameArgs,
// splitResourceTypeName, normalizeMultipleResourcesArgs, mappingFor) and the discovery
// mapper's error for an unknown type.
// Left out: `type1/name1,type2/name2` in one argument (kubectl accepts it; rare in courses).

import { resolveResourceArg, type ResourceInfo } from '../../../api/resources'

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

/**
 * Splits and resolves resource arguments. `kubectl get pods,svc` gives two requests without
 * names; `kubectl get pod/a svc/b` two with one name each (typeNameForm).
 */
export function parseResourceArgs(args: readonly string[]): ResourceArgsResult {
  if (args.length === 0) return { ok: true, requests: [], typeNameForm: false }
  const slashed = args.filter((a) => a.includes('/'))
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      return {
        ok: false,
        error:
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      }
    }
    const requests: ResourceRequest[] = []
    for (const a of args) {
      const slash = a.indexOf('/')
      const type = a.slice(0, slash)
      const name = a.slice(slash + 1)
      if (type === '' || name === '' || name.includes('/')) return { ok: false, error: 'arguments in resource/name form must have a single resource and name' }
      const info = mappingFor(type)
      if ('error' in info) return { ok: false, error: info.error }
      const same = requests.find((r) => r.info === info)
      if (same) same.names.push(name)
      else requests.push({ info, names: [name] })
    }
    return { ok: true, requests, typeNameForm: true }
  }
  const types = args[0]!.split(',').filter((t) => t !== '')
  const names = args.slice(1)
  const requests: ResourceRequest[] = []
  for (const t of types) {
    const info = mappingFor(t)
    if ('error' in info) return { ok: false, error: info.error }
    if (!requests.some((r) => r.info === info)) requests.push({ info, names: [...names] })
  }
  return { ok: true, requests, typeNameForm: false }
}
