// Test support (imported by *.test.ts only): one fake API server that answers both the real
// kubectl 1.32 (over loopback HTTP) and Podlab's kubectl (in process), so the two can be given
// the same cluster state and the same server answers and their outputs compared byte for byte.
// The fake serves discovery, stores what is created, returns NotFound/AlreadyExists as the
// apiserver words them, answers chosen requests with chosen errors, and logs every request.

import { newAlreadyExists, newNotFound } from '../../../api/errors'
import { findByResource } from '../../../api/resources'
import type { KubeObject, Status } from '../../../api/types'
import type { ApiRequest, ApiResponse, ApiServer } from '../../../apiserver/apiServer'
import { Client } from '../../../client/client'
import { VirtualClock } from '../../../clock/virtualClock'
import { Host } from '../../../host/host'
import { Proc } from '../../../shell/proc'
import { kubectlProgram } from '../kubectl'

export interface LoggedRequest {
  method: string
  path: string
  query: Record<string, string>
  contentType: string
  body: string
}

const res = (name: string, kind: string, namespaced = true) => ({ name, singularName: '', namespaced, kind, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update'] })

const DISCOVERY: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
  },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [res('pods', 'Pod'), res('services', 'Service'), res('namespaces', 'Namespace', false), res('configmaps', 'ConfigMap')],
  },
  '/apis/apps/v1': { kind: 'APIResourceList', groupVersion: 'apps/v1', resources: [res('deployments', 'Deployment')] },
}

/**
 * A minimal OpenAPI v3 document per group-version: for each resource a PATCH operation with its
 * GVK and the fieldValidation query parameter, which is all kubectl's QueryParamVerifierV3 needs
 * to send `fieldValidation=Strict` instead of validating client-side. (No request body: kubectl
 * then computes apply patches from its compiled-in types, as Podlab does.)
 */
function openAPIV3(path: string): unknown {
  const gvPaths: Record<string, { serverRelativeURL: string }> = {}
  for (const gv of Object.keys(DISCOVERY).filter((p) => p === '/api/v1' || p.startsWith('/apis/'))) {
    gvPaths[gv.slice(1)] = { serverRelativeURL: `/openapi/v3${gv}?hash=0` }
  }
  if (path === '/openapi/v3') return { paths: gvPaths }
  const gv = path.slice('/openapi/v3'.length)
  const list = DISCOVERY[gv] as { groupVersion: string; resources: { name: string; kind: string; namespaced: boolean }[] } | undefined
  if (!list) return undefined
  const [group, version] = list.groupVersion.includes('/') ? list.groupVersion.split('/') : ['', list.groupVersion]
  const paths: Record<string, unknown> = {}
  for (const r of list.resources) {
    const op = {
      'x-kubernetes-group-version-kind': { group, version, kind: r.kind },
      parameters: [{ name: 'fieldValidation', in: 'query', schema: { type: 'string' } }],
      responses: {},
    }
    const base = `${gv}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.name}`
    paths[base] = { post: op }
    paths[`${base}/{name}`] = { patch: op }
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths, components: { schemas: {} } }
}

/** Protobuf fields of a message: field number → the last length-delimited value (bytes). */
function protobufFields(bytes: Uint8Array): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>()
  let i = 0
  const varint = () => {
    let v = 0
    let shift = 0
    for (;;) {
      const b = bytes[i++]
      v += (b & 0x7f) * 2 ** shift
      if (b < 0x80) return v
      shift += 7
    }
  }
  while (i < bytes.length) {
    const key = varint()
    const wire = key & 7
    if (wire === 0) varint()
    else if (wire === 2) {
      const len = varint()
      out.set(Math.floor(key / 8), bytes.slice(i, i + len))
      i += len
    } else if (wire === 1) i += 8
    else if (wire === 5) i += 4
    else break
  }
  return out
}

/**
 * The one typed (protobuf) request kubectl makes here: `create namespace` through the clientset.
 * runtime.Unknown{raw: v1.Namespace{metadata: ObjectMeta{name}}} after the "k8s\0" magic; the
 * result is the JSON kubectl would have sent for the same struct.
 */
function decodeProtobufNamespace(body: string): KubeObject {
  const bytes = Uint8Array.from(body.slice(4), (c) => c.charCodeAt(0))
  const raw = protobufFields(bytes).get(2) ?? new Uint8Array()
  const meta = protobufFields(raw).get(1) ?? new Uint8Array()
  const name = String.fromCharCode(...(protobufFields(meta).get(1) ?? []))
  return { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null as unknown as string }, spec: {}, status: {} }
}

/** `/api/v1/namespaces/default/pods/web` → its resource info and name. */
function parsePath(path: string): { resource: string; group: string; name?: string; collection: string } {
  const parts = path.split('/').filter(Boolean)
  const core = parts[0] === 'api'
  const group = core ? '' : parts[1]
  let rest = parts.slice(core ? 2 : 3)
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2)
  const resource = rest[0]
  const name = rest[1]
  const collection = name === undefined ? path : path.slice(0, path.length - name.length - 1)
  return { resource, group, name, collection }
}

export class FakeApi {
  readonly objects = new Map<string, KubeObject>()
  /** `METHOD path` → the Status to answer with. */
  readonly errors = new Map<string, Status>()
  readonly log: LoggedRequest[] = []
  private seq = 0

  handle(method: string, path: string, query: Record<string, string>, contentType: string, body: string): ApiResponse {
    if (DISCOVERY[path]) return { code: 200, body: DISCOVERY[path] }
    const openapi = path.startsWith('/openapi/v3') ? openAPIV3(path) : undefined
    if (openapi) return { code: 200, body: openapi }
    if (path.startsWith('/openapi')) return { code: 404, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 } }
    this.log.push({ method, path, query, contentType, body })
    const err = this.errors.get(`${method} ${path}`)
    if (err) return { code: err.code ?? 500, body: err }
    const { resource, group, name, collection } = parsePath(path)
    const qr = { group, resource }
    if (method === 'GET') {
      const obj = this.objects.get(path)
      return obj ? { code: 200, body: obj } : { code: 404, body: newNotFound(qr, name ?? '') }
    }
    if (method === 'POST') {
      const obj = contentType.includes('protobuf') ? decodeProtobufNamespace(body) : (JSON.parse(body) as KubeObject)
      if (contentType.includes('protobuf')) this.log[this.log.length - 1] = { ...this.log[this.log.length - 1], contentType: 'application/json', body: JSON.stringify(obj) }
      const objName = obj.metadata?.name ?? ''
      const objPath = `${collection}/${objName}`
      if (this.objects.has(objPath)) return { code: 409, body: newAlreadyExists(qr, objName) }
      const ri = findByResource(resource, group)
      const ns = ri?.namespaced ? path.split('/')[path.split('/').indexOf('namespaces') + 1] : undefined
      const stored = {
        ...obj,
        metadata: { ...obj.metadata, ...(ns ? { namespace: ns } : {}), uid: `uid-${++this.seq}`, resourceVersion: String(100 + this.seq), creationTimestamp: '2026-11-22T09:00:00Z' },
      } as KubeObject
      if (query.dryRun !== 'All') this.objects.set(objPath, stored)
      return { code: 201, body: stored }
    }
    if (method === 'PATCH') {
      const obj = this.objects.get(path)
      return obj ? { code: 200, body: obj } : { code: 404, body: newNotFound(qr, name ?? '') }
    }
    return { code: 405, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'not supported', reason: 'MethodNotAllowed', code: 405 } }
  }

  /** The in-process face of the server, for Podlab's Client. */
  asApiServer(): ApiServer {
    return {
      handle: (req: ApiRequest) => {
        const body = req.body === undefined ? '' : JSON.stringify(req.body)
        return this.handle(req.method, req.path, req.query ?? {}, req.contentType ?? (req.body === undefined ? '' : 'application/json'), body)
      },
    } as unknown as ApiServer
  }
}

export const KUBECONFIG_SERVER = 'https://127.0.0.1:6443'

/** A kubeconfig pointing at `server`, namespace default. */
export function kubeconfigFor(server: string): string {
  return `apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "${server}"}\n  name: fake\ncontexts:\n- context: {cluster: fake, user: u, namespace: default}\n  name: fake\ncurrent-context: fake\nusers:\n- name: u\n  user: {}\n`
}

export interface RunResult {
  stdout: string
  stderr: string
  code: number
}

/** A Podlab host whose kubectl talks to `api`, with the given files in /root. */
export function podlabHost(api: FakeApi, files: Record<string, string>): { host: Host; run: (argv: string[], stdin?: string) => RunResult } {
  const clock = new VirtualClock(Date.UTC(2026, 10, 22, 9, 0, 0))
  const host = new Host('podlab', clock)
  host.fs.mkdirAll('/root/.kube')
  host.fs.writeFile('/root/.kube/config', kubeconfigFor(KUBECONFIG_SERVER))
  for (const [name, text] of Object.entries(files)) {
    const abs = `/root/${name}`
    host.fs.mkdirAll(abs.slice(0, abs.lastIndexOf('/')))
    host.fs.writeFile(abs, text)
  }
  const client = new Client(api.asApiServer(), 'kubectl')
  const program = kubectlProgram({ clientFor: (server) => (server === KUBECONFIG_SERVER ? client : undefined), now: () => clock.now() })
  const run = (argv: string[], stdin?: string): RunResult => {
    let stdout = ''
    let stderr = ''
    let code = -1
    const proc = new Proc(
      host,
      ['kubectl', ...argv],
      stdin,
      { HOME: '/root', PATH: '/usr/bin:/bin' },
      '/root',
      80,
      { stdout: (d) => (stdout += d), stderr: (d) => (stderr += d) },
      (c) => (code = c),
      () => {
        throw new Error('no programs')
      },
    )
    program(proc)
    return { stdout, stderr, code }
  }
  return { host, run }
}
