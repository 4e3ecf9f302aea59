// Parse a request path into what is being asked for, like k8s.io/apiserver
// pkg/endpoints/request/requestinfo.go (RequestInfoFactory.NewRequestInfo).

export interface RequestInfo {
  isResourceRequest: boolean
  /** "" for the core group. */
  apiGroup: string
  apiVersion: string
  namespace?: string
  resource: string
  name?: string
  subresource?: string
  verb: string
  parts: string[]
}

/** Subresources of a namespace that are addressed as /namespaces/{name}/{sub}. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize'])

export function parseRequestInfo(method: string, path: string, query: Record<string, string> = {}): RequestInfo {
  const parts = path.replace(/^\/+|\/+$/g, '').split('/').filter(Boolean)
  const info: RequestInfo = { isResourceRequest: false, apiGroup: '', apiVersion: '', resource: '', verb: method.toLowerCase(), parts }
  let rest: string[]
  if (parts[0] === 'api' && parts.length >= 2) {
    info.apiVersion = parts[1]
    rest = parts.slice(2)
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    info.apiGroup = parts[1]
    info.apiVersion = parts[2]
    rest = parts.slice(3)
  } else {
    return info
  }
  if (rest.length === 0) return info
  info.isResourceRequest = true
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1]
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) rest = rest.slice(2)
    else {
      // /namespaces/{name}[/status]: the namespace object itself.
      info.namespace = undefined
      info.resource = 'namespaces'
      info.name = rest[1]
      info.subresource = rest[2]
      info.verb = verbFor(method, true, query)
      return info
    }
  }
  info.resource = rest[0]
  info.name = rest[1]
  info.subresource = rest[2]
  info.verb = verbFor(method, info.name !== undefined, query)
  return info
}

function verbFor(method: string, hasName: boolean, query: Record<string, string>): string {
  switch (method.toUpperCase()) {
    case 'GET':
    case 'HEAD':
      if (query.watch === 'true' || query.watch === '1') return 'watch'
      return hasName ? 'get' : 'list'
    case 'POST':
      return 'create'
    case 'PUT':
      return 'update'
    case 'PATCH':
      return 'patch'
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection'
    default:
      return method.toLowerCase()
  }
}
