// A typed client over the apiserver (client-go's rest client and typed clientsets, in-process).
// Every component talks to the API through one of these, named after who it is, so the audit
// trail shows who asked for what. Errors surface as StatusError, as client-go returns them.

import type { ApiRequest, ApiResponse, ApiServer, WatchEvent, WatchHandle, DeleteOptions } from '../apiserver/apiServer'
import { findByResource, groupVersion, type ResourceInfo } from '../api/resources'
import { StatusError } from '../api/errors'
import type { KubeList, KubeObject, Status, Table } from '../api/types'

export interface ListOptions {
  labelSelector?: string
  fieldSelector?: string
  resourceVersion?: string
}

export type PatchType = 'merge' | 'strategic' | 'json'

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
}

export class Client {
  constructor(
    private readonly api: ApiServer,
    /** The user the apiserver sees: "kubectl", "system:kube-scheduler", "system:node:kind-worker", ... */
    readonly user: string,
  ) {}

  /** The path of a collection or object, e.g. /apis/apps/v1/namespaces/default/deployments/web. */
  static path(resource: string, namespace?: string, name?: string, subresource?: string): string {
    const ri = mustFind(resource)
    const base = ri.group ? `/apis/${ri.group}/${ri.version}` : `/api/${ri.version}`
    let p = ri.namespaced && namespace ? `${base}/namespaces/${namespace}/${ri.resource}` : `${base}/${ri.resource}`
    if (name !== undefined) p += `/${name}`
    if (subresource) p += `/${subresource}`
    return p
  }

  /** A raw request; returns the response without throwing. */
  request(req: Omit<ApiRequest, 'user'>): ApiResponse {
    return this.api.handle({ ...req, user: this.user })
  }

  private must<T>(res: ApiResponse): T {
    if (res.code >= 400) throw new StatusError(res.body as Status)
    return res.body as T
  }

  get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T {
    return this.must<T>(this.request({ method: 'GET', path: Client.path(resource, namespace, name) }))
  }

  /** Like get, but undefined for NotFound. */
  find<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined {
    const res = this.request({ method: 'GET', path: Client.path(resource, namespace, name) })
    if (res.code === 404) return undefined
    return this.must<T>(res)
  }

  list<T extends KubeObject>(resource: string, namespace?: string, opts: ListOptions = {}): KubeList<T> {
    return this.must<KubeList<T>>(this.request({ method: 'GET', path: Client.path(resource, namespace), query: query(opts) }))
  }

  listTable(resource: string, namespace?: string, opts: ListOptions = {}): Table {
    return this.must<Table>(this.request({ method: 'GET', path: Client.path(resource, namespace), query: query(opts), asTable: true }))
  }

  create<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T, opts: { dryRun?: boolean } = {}): T {
    return this.must<T>(
      this.request({ method: 'POST', path: Client.path(resource, namespace), body: obj, query: opts.dryRun ? { dryRun: 'All' } : undefined }),
    )
  }

  update<T extends KubeObject>(resource: string, obj: T, opts: { dryRun?: boolean; subresource?: string } = {}): T {
    const m = obj.metadata ?? {}
    return this.must<T>(
      this.request({
        method: 'PUT',
        path: Client.path(resource, m.namespace, m.name ?? '', opts.subresource),
        body: obj,
        query: opts.dryRun ? { dryRun: 'All' } : undefined,
      }),
    )
  }

  updateStatus<T extends KubeObject>(resource: string, obj: T): T {
    return this.update(resource, obj, { subresource: 'status' })
  }

  patch<T extends KubeObject>(
    resource: string,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    type: PatchType,
    opts: { dryRun?: boolean; subresource?: string } = {},
  ): T {
    return this.must<T>(
      this.request({
        method: 'PATCH',
        path: Client.path(resource, namespace, name, opts.subresource),
        body: patch,
        contentType: PATCH_CONTENT_TYPES[type],
        query: opts.dryRun ? { dryRun: 'All' } : undefined,
      }),
    )
  }

  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions & { dryRun?: boolean } = {}): KubeObject {
    const { dryRun, ...body } = opts
    return this.must<KubeObject>(
      this.request({ method: 'DELETE', path: Client.path(resource, namespace, name), body, query: dryRun ? { dryRun: 'All' } : undefined }),
    )
  }

  /** POST a subresource (pods/binding). */
  createSubresource(resource: string, namespace: string | undefined, name: string, subresource: string, body: unknown): unknown {
    return this.must<unknown>(this.request({ method: 'POST', path: Client.path(resource, namespace, name, subresource), body }))
  }

  watch(resource: string, namespace: string | undefined, opts: ListOptions, listener: (e: WatchEvent) => void): WatchHandle {
    return this.api.watch({ method: 'GET', path: Client.path(resource, namespace), query: query(opts), user: this.user }, listener)
  }

  /** Raw watch on a path (kubectl get -w on one object uses a fieldSelector on the collection). */
  watchPath(path: string, q: Record<string, string>, listener: (e: WatchEvent) => void): WatchHandle {
    return this.api.watch({ method: 'GET', path, query: q, user: this.user }, listener)
  }

  followLogs(path: string, q: Record<string, string>, onData: (chunk: string) => void, onEnd?: () => void): WatchHandle {
    return this.api.followLogs({ method: 'GET', path, query: q, user: this.user }, onData, onEnd)
  }
}

function query(opts: ListOptions): Record<string, string> | undefined {
  const q: Record<string, string> = {}
  if (opts.labelSelector) q.labelSelector = opts.labelSelector
  if (opts.fieldSelector) q.fieldSelector = opts.fieldSelector
  if (opts.resourceVersion) q.resourceVersion = opts.resourceVersion
  return Object.keys(q).length ? q : undefined
}

function mustFind(resource: string): ResourceInfo {
  const ri = findByResource(resource)
  if (!ri) throw new Error(`unknown resource ${resource}`)
  return ri
}

export function apiVersionOf(resource: string): string {
  return groupVersion(mustFind(resource))
}

export function isNotFound(e: unknown): boolean {
  return e instanceof StatusError && e.status.code === 404
}

export function isConflict(e: unknown): boolean {
  return e instanceof StatusError && e.status.code === 409
}

export function isAlreadyExists(e: unknown): boolean {
  return e instanceof StatusError && e.status.reason === 'AlreadyExists'
}
