// The apiserver's paths that are not resources: legacy discovery (/api, /apis, /api/v1,
// /apis/<group>, /apis/<group>/<version>) built from the served resources, and the 404s for
// paths nothing serves.
// Mirrors: k8s.io/apiserver pkg/endpoints/discovery (legacy.go APIVersions, root.go and
// group.go APIGroupList/APIGroup, version.go APIResourceList with each resource's verbs, short
// names, categories and storageVersionHash (storageversionhash.go), subresources as
// "pods/status" entries), pkg/util/notfoundhandler (the final 404) and go-restful's 404 for a
// group-version it serves but a route it does not have (a Status built by
// NewGenericServerResponse).
// The discovery documents list what src/engine/api/resources.ts declares, in the sorted order
// the real server writes them. Left out: aggregated discovery (apidiscovery.k8s.io/v2, which
// kubectl 1.32 asks for first), resources Podlab does not serve, and the pods/resize subresource
// resources.ts lists (it is served from 1.33 on).

import { RESOURCES, groupVersion, type ResourceInfo } from '../api/resources'
import type { Status } from '../api/types'
import { encodeBase64 } from '../api/base64'
import { sha256 } from './sha256'

/** Subresources as the 1.32 discovery documents describe them (kind when not the parent's). */
const SUBRESOURCES: Readonly<Record<string, { kind?: string; group?: string; version?: string; verbs: readonly string[] }>> = {
  status: { verbs: ['get', 'patch', 'update'] },
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
  finalize: { verbs: ['update'] },
  binding: { kind: 'Binding', verbs: ['create'] },
  log: { verbs: ['get'] },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  ephemeralcontainers: { verbs: ['get', 'patch', 'update'] },
}

/** The kind of a /proxy subresource: NodeProxyOptions, ServiceProxyOptions, PodProxyOptions. */
const PROXY_VERBS = ['create', 'delete', 'get', 'patch', 'update'] as const

/** Resources that are not kept in storage have no storageVersionHash (bindings). */
const NOT_STORED = new Set(['bindings'])

/** discovery.StorageVersionHash: the first 8 bytes of sha256("group/version/kind"), base64. */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return encodeBase64([...sha256(`${group}/${version}/${kind}`).subarray(0, 8)])
}

/** The group-versions the server serves, in the order its groups are listed. */
function servedGroupVersions(): { group: string; version: string }[] {
  const out: { group: string; version: string }[] = []
  for (const ri of RESOURCES) if (!out.some((gv) => gv.group === ri.group && gv.version === ri.version)) out.push({ group: ri.group, version: ri.version })
  return out
}

export function servesGroupVersion(group: string, version: string): boolean {
  return RESOURCES.some((ri) => ri.group === group && ri.version === version)
}

/** GET /api. `serverAddress` is the advertised host:port (serverAddressByClientCIDRs). */
export function apiVersions(serverAddress: string | undefined): object {
  const out: Record<string, unknown> = { kind: 'APIVersions', versions: servedGroupVersions().filter((gv) => gv.group === '').map((gv) => gv.version) }
  if (serverAddress !== undefined) out.serverAddressByClientCIDRs = [{ clientCIDR: '0.0.0.0/0', serverAddress }]
  return out
}

function groupEntry(group: string): Record<string, unknown> {
  const versions = servedGroupVersions()
    .filter((gv) => gv.group === group)
    .map((gv) => ({ groupVersion: `${group}/${gv.version}`, version: gv.version }))
  return { name: group, versions, preferredVersion: versions[0] }
}

/** GET /apis. */
export function apiGroupList(): object {
  const groups: string[] = []
  for (const gv of servedGroupVersions()) if (gv.group !== '' && !groups.includes(gv.group)) groups.push(gv.group)
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(groupEntry) }
}

/** GET /apis/<group>, or undefined when the group is not served. */
export function apiGroup(group: string): object | undefined {
  if (group === '' || !servedGroupVersions().some((gv) => gv.group === group)) return undefined
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group) }
}

function resourceEntry(ri: ResourceInfo): Record<string, unknown> {
  const e: Record<string, unknown> = { name: ri.resource, singularName: ri.singular, namespaced: ri.namespaced, kind: ri.kind, verbs: [...ri.verbs] }
  if (ri.shortNames.length > 0) e.shortNames = [...ri.shortNames]
  if (ri.categories.length > 0) e.categories = [...ri.categories]
  if (!NOT_STORED.has(ri.resource)) e.storageVersionHash = storageVersionHash(ri.group, ri.version, ri.kind)
  return e
}

function subresourceEntry(ri: ResourceInfo, sub: string): Record<string, unknown> | undefined {
  const d = sub === 'proxy' ? { kind: `${ri.kind}ProxyOptions`, verbs: PROXY_VERBS } : SUBRESOURCES[sub]
  if (!d) return undefined
  const e: Record<string, unknown> = { name: `${ri.resource}/${sub}`, singularName: '', namespaced: ri.namespaced }
  if ('group' in d && d.group !== undefined) e.group = d.group
  if ('version' in d && d.version !== undefined) e.version = d.version
  e.kind = d.kind ?? ri.kind
  e.verbs = [...d.verbs]
  return e
}

/** GET /api/v1 or /apis/<group>/<version>, or undefined when that group-version is not served. */
export function apiResourceList(group: string, version: string): object | undefined {
  if (!servesGroupVersion(group, version)) return undefined
  const entries: Record<string, unknown>[] = []
  for (const ri of RESOURCES) {
    if (ri.group !== group || ri.version !== version) continue
    entries.push(resourceEntry(ri))
    for (const sub of ri.subresources) {
      const e = subresourceEntry(ri, sub)
      if (e) entries.push(e)
    }
  }
  entries.sort((a, b) => ((a.name as string) < (b.name as string) ? -1 : (a.name as string) > (b.name as string) ? 1 : 0))
  // The legacy group's list is written without an apiVersion; the named groups' with "v1".
  const head = group === '' ? { kind: 'APIResourceList' } : { kind: 'APIResourceList', apiVersion: 'v1' }
  return { ...head, groupVersion: groupVersion({ group, version } as ResourceInfo), resources: entries }
}

/**
 * A path nothing serves. The server answers with the text "404 page not found"; this is the
 * Status client-go makes of it (NewGenericServerResponse with the body as an unexpected response),
 * which is what every client of this apiserver works with.
 */
export function pageNotFound(): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: { causes: [{ reason: 'UnexpectedServerResponse', message: '404 page not found' }] },
    code: 404,
  } as Status
}

/**
 * A served group-version without that route (an unknown resource or subresource, a namespaced
 * path to a cluster-scoped resource): go-restful's 404, a Status with empty details.
 */
export function routeNotFound(): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  } as Status
}

/**
 * A non-resource path asked with another method than its route has: go-restful's 405, turned into
 * a Status by the apiserver's serviceErrorHandler (NewGenericServerResponse, no causes).
 */
export function methodNotAllowed(): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server does not allow this method on the requested resource',
    reason: 'MethodNotAllowed',
    details: {},
    code: 405,
  } as Status
}
