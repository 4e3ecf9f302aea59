// The kube-apiserver in miniature: the only component that touches the store. It serves
// Kubernetes REST semantics on plain API objects: create, get, list, update, patch, delete,
// deletecollection and watch, the status/binding/log subresources, defaulting, admission and
// validation through per-resource strategies (registry/), resourceVersion conflicts,
// server-side table printing, and an audit trail of every request. Bodies are decoded into their
// kind's type (fields it does not have are dropped; fieldValidation decides whether they are an
// error or a warning); the non-resource paths /version and discovery are served too.
// Mirrors k8s.io/apiserver pkg/endpoints/handlers (create.go, update.go, patch.go, delete.go,
// rest.go) and pkg/registry/generic/registry/store.go.

import { deepCopy } from '../api/deepCopy'
import { typeForKind, ANY, LEAF, type TypeRef } from '../api/fieldSchema'
import { goQuote, invalid, newPath } from '../api/validation/field'
import type { Clock } from '../clock/virtualClock'
import type { Rng } from '../clock/random'
import { ModRevisionMismatch, type Store, type StoreEvent, CompactedError } from '../store/store'
import { listPrefix, objectKey } from '../store/keys'
import { findByResource, groupVersion, type ResourceInfo } from '../api/resources'
import type { KubeObject, Status, Table } from '../api/types'
import {
  StatusError,
  newAlreadyExists,
  newBadRequest,
  newConflict,
  newResourceExpired,
  newInternalError,
  newInvalid,
  newMethodNotSupported,
  newNotFound,
} from '../api/errors'
import { parseSelector, type Selector } from '../api/labels'
import { printTable } from '../api/printers'
import type { AuditEvent } from '../publicTypes'
import { parseRequestInfo, type RequestInfo } from './requestInfo'
import { sameObject } from './jsonEqual'
import { FieldSelectorError, matchesFields, parseFieldSelector, validateFieldSelector, watchTriggerFor, type FieldRequirement } from './fieldSelector'
import { applyMergePatch } from './patch/mergePatch'
import { applyJsonPatch, JsonPatchError, type JsonPatchOp } from './patch/jsonPatch'
import { applyStrategicMergePatch } from './patch/strategicMergePatch'
import { patchSchemaFor } from '../api/strategicpatch/meta'
import { strategyFor, type StrategyContext } from './registry/strategies'
import { admit, admitDelete } from './admission'
import { rfc3339 } from '../api/time'
import { utf8Bytes } from '../api/utf8'
import { JsonSyntaxError, nodeFromValue, nodeValue, parseJsonText, type JsonNode } from './jsonText'
import { decodeValue, strictDecode, strictDecodingErrorMessage } from './strictDecode'
import { goJsonMarshal, goSprintV } from './goFormat'
import {
  deleteOptionsFrom,
  dryRunValues,
  fieldValidationDirective,
  isDryRun,
  validateDeleteOptions,
  validateWriteOptions,
  type DeleteOptions,
  type FieldValidation,
  type WriteOptionsKind,
} from './requestOptions'
import { apiGroup, apiGroupList, apiResourceList, apiVersions, methodNotAllowed, pageNotFound, routeNotFound, servesGroupVersion } from './discovery'
import { kubeApiserverVersion } from './version'
import type { VersionInfo } from '../api/versionInfo'

export type { DeleteOptions } from './requestOptions'

export interface ApiRequest {
  method: string
  path: string
  query?: Record<string, string>
  body?: unknown
  /** For PATCH: application/merge-patch+json, application/strategic-merge-patch+json, application/json-patch+json. */
  contentType?: string
  /** `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: answer with a server-side printed Table. */
  asTable?: boolean
  /** The authenticated user, for the audit trail. */
  user: string
}

export interface ApiResponse {
  code: number
  body: unknown
  /**
   * The response's `Warning: 299 - "<text>"` headers, in order (unknown and duplicate fields with
   * fieldValidation=Warn). kubectl prints each as `Warning: <text>` on stderr.
   */
  warnings?: string[]
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR'
export interface WatchEvent {
  type: WatchEventType
  object: KubeObject
}

export interface WatchHandle {
  /** 200 when the watch started; otherwise the error status is in `error`. */
  code: number
  error?: Status
  stop(): void
}

/** How the apiserver reaches kubelets (pods/log; later exec and port-forward). */
export interface NodeProxy {
  logs(nodeName: string, pod: KubeObject, query: Record<string, string>): string
  /** `onEnd` when the stream closes: the container exited (it may come before this returns). */
  followLogs(nodeName: string, pod: KubeObject, query: Record<string, string>, onData: (chunk: string) => void, onEnd?: () => void): () => void
}

type Obj = KubeObject & { metadata: NonNullable<KubeObject['metadata']> }

export interface ApiServerOptions {
  store: Store
  clock: Clock
  rng: Rng
  /** The release the server runs (its gitVersion, e.g. "v1.32.2"): /version reports its build. */
  version?: string
  /** host:port the server advertises (--advertise-address and the secure port): /api lists it. */
  advertiseAddress?: string
}

export class ApiServer {
  private readonly store: Store
  private readonly clock: Clock
  private readonly rng: Rng
  private auditListeners = new Set<(e: AuditEvent) => void>()
  private auditSeq = 0
  private nodeProxy: NodeProxy | undefined
  private readonly version: VersionInfo | undefined
  private readonly advertiseAddress: string | undefined
  /** Recent audit events, newest last (`kubectl --v=8`-style traces read this). */
  readonly auditLog: AuditEvent[] = []

  constructor(opts: ApiServerOptions) {
    this.store = opts.store
    this.clock = opts.clock
    this.rng = opts.rng
    this.version = opts.version === undefined ? undefined : kubeApiserverVersion(opts.version)
    this.advertiseAddress = opts.advertiseAddress
  }

  setNodeProxy(proxy: NodeProxy): void {
    this.nodeProxy = proxy
  }

  onAudit(listener: (e: AuditEvent) => void): () => void {
    this.auditListeners.add(listener)
    return () => this.auditListeners.delete(listener)
  }

  /** Serve one request. Never throws: errors come back as a metav1.Status body with its code. */
  handle(req: ApiRequest): ApiResponse {
    const info = parseRequestInfo(req.method, req.path, req.query)
    let res: ApiResponse
    try {
      res = this.serve(req, info)
    } catch (e) {
      res = { code: 0, body: toStatus(e) }
      res.code = (res.body as Status).code ?? 500
    }
    this.audit(req, info, res.code)
    return res
  }

  /** Start a watch. Events are delivered synchronously as the store changes. */
  watch(req: ApiRequest, listener: (e: WatchEvent) => void): WatchHandle {
    const info = parseRequestInfo(req.method, req.path, { ...req.query, watch: 'true' })
    try {
      const handle = this.startWatch(req, info, listener)
      this.audit(req, info, 200)
      return handle
    } catch (e) {
      const status = toStatus(e)
      this.audit(req, info, status.code ?? 500)
      return { code: status.code ?? 500, error: status, stop: () => {} }
    }
  }

  /** Stream a container's log (`kubectl logs -f`). */
  followLogs(req: ApiRequest, onData: (chunk: string) => void, onEnd?: () => void): WatchHandle {
    const info = parseRequestInfo('GET', req.path, req.query)
    try {
      const pod = this.getObject(this.resourceInfo(info), info.namespace, info.name ?? '')
      const proxy = this.requireProxy(pod)
      const stop = proxy.followLogs(pod.spec ? ((pod.spec as { nodeName?: string }).nodeName ?? '') : '', pod, req.query ?? {}, onData, onEnd)
      this.audit(req, info, 200)
      return { code: 200, stop }
    } catch (e) {
      const status = toStatus(e)
      this.audit(req, info, status.code ?? 500)
      return { code: status.code ?? 500, error: status, stop: () => {} }
    }
  }

  // ---------------------------------------------------------------------------------------

  private serve(req: ApiRequest, info: RequestInfo): ApiResponse {
    if (!info.isResourceRequest) return this.serveNonResource(req, info)
    const ri = this.resourceInfo(info)
    const query = req.query ?? {}
    switch (info.verb) {
      case 'get':
        if (info.subresource === 'log') return { code: 200, body: this.logs(ri, info, query) }
        return this.respondObject(req, ri, this.getObject(ri, info.namespace, info.name!))
      case 'list':
        return this.list(req, ri, info)
      case 'create': {
        const dryRun = this.writeOptions('CreateOptions', query)
        if (info.subresource === 'binding' || (ri.resource === 'bindings' && !info.name)) return this.bind(ri, info, req.body, dryRun)
        if (info.name && ri.resource !== 'bindings') throw new StatusError(newMethodNotSupported({ group: ri.group, resource: ri.resource }, 'create'))
        const { obj, warnings } = this.decodeBody(ri, req.body, fieldValidationDirective(query))
        return withWarnings({ code: 201, body: this.create(ri, info, obj, dryRun) }, warnings)
      }
      case 'update': {
        const dryRun = this.writeOptions('UpdateOptions', query)
        const { obj, warnings } = this.decodeBody(ri, req.body, fieldValidationDirective(query))
        return withWarnings({ code: 200, body: this.update(ri, info, obj, dryRun) }, warnings)
      }
      case 'patch': {
        // The content type is checked before anything else (PatchResource).
        const type = patchTypeOf(req.contentType ?? 'application/strategic-merge-patch+json')
        const dryRun = this.writeOptions('PatchOptions', query)
        const { obj, warnings } = this.patch(ri, info, req.body, type, dryRun, fieldValidationDirective(query))
        return withWarnings({ code: 200, body: obj }, warnings)
      }
      case 'delete':
        return this.delete(ri, info, deleteOptionsFrom(req.body, query))
      case 'deletecollection':
        return this.deleteCollection(req, ri, info, deleteOptionsFrom(req.body, query))
      default:
        throw new StatusError(newMethodNotSupported({ group: ri.group, resource: ri.resource }, info.verb))
    }
  }

  /** The query's CreateOptions/UpdateOptions/PatchOptions, rejected as the handlers do; whether it is a dry run. */
  private writeOptions(kind: WriteOptionsKind, query: Record<string, string>): boolean {
    const invalidStatus = validateWriteOptions(kind, query)
    if (invalidStatus) throw new StatusError(invalidStatus)
    return isDryRun(dryRunValues(query))
  }

  /** /version and the discovery documents; any other path is the final 404. */
  private serveNonResource(req: ApiRequest, info: RequestInfo): ApiResponse {
    const p = info.parts
    let body: unknown
    if (p.length === 1 && p[0] === 'version') body = this.version
    else if (p.length === 1 && p[0] === 'api') body = apiVersions(this.advertiseAddress)
    else if (p.length === 1 && p[0] === 'apis') body = apiGroupList()
    else if (p.length === 2 && p[0] === 'api') body = apiResourceList('', p[1])
    else if (p.length === 2 && p[0] === 'apis') body = apiGroup(p[1])
    else if (p.length === 3 && p[0] === 'apis') body = apiResourceList(p[1], p[2])
    if (body === undefined) throw new StatusError(pageNotFound())
    const method = req.method.toUpperCase()
    if (method !== 'GET' && method !== 'HEAD') throw new StatusError(methodNotAllowed())
    return { code: 200, body }
  }

  /**
   * The served resource a request is for. A group-version the server does not serve is a path no
   * handler has (the final 404); within a served one, a resource, subresource or scope it has no
   * route for is go-restful's 404.
   */
  private resourceInfo(info: RequestInfo): ResourceInfo {
    if (!servesGroupVersion(info.apiGroup, info.apiVersion)) throw new StatusError(pageNotFound())
    const ri = findByResource(info.resource, info.apiGroup)
    if (!ri || ri.version !== info.apiVersion) throw new StatusError(routeNotFound())
    if (info.namespace && !ri.namespaced) throw new StatusError(routeNotFound())
    // A namespaced resource has no route for one object outside a namespace (/api/v1/pods/x).
    if (ri.namespaced && !info.namespace && info.name !== undefined) throw new StatusError(routeNotFound())
    if (info.subresource !== undefined && !ri.subresources.includes(info.subresource)) throw new StatusError(routeNotFound())
    return ri
  }

  private ctx(): StrategyContext {
    return {
      now: this.clock.now(),
      rng: this.rng,
      get: (resource, namespace, name) => {
        const kv = this.store.get<KubeObject>(objectKey(resource, namespace, name))
        return kv?.value
      },
      list: (resource, namespace) => this.store.range<KubeObject>(listPrefix(resource, namespace)).map((kv) => kv.value),
    }
  }

  private getObject(ri: ResourceInfo, namespace: string | undefined, name: string): Obj {
    const kv = this.store.get<Obj>(objectKey(ri.resource, ri.namespaced ? namespace : undefined, name))
    if (!kv) throw new StatusError(newNotFound({ group: ri.group, resource: ri.resource }, name))
    return kv.value
  }

  private respondObject(req: ApiRequest, ri: ResourceInfo, obj: Obj): ApiResponse {
    if (req.asTable) return { code: 200, body: this.table(ri, [obj], String(obj.metadata.resourceVersion ?? '')) }
    return { code: 200, body: obj }
  }

  private table(ri: ResourceInfo, objects: KubeObject[], resourceVersion: string): Table {
    const t = printTable(ri.resource, objects, this.clock.now())
    return { ...t, metadata: { resourceVersion } }
  }

  private selectors(query: Record<string, string>, ri: ResourceInfo): { labels?: Selector; fields: FieldRequirement[] } {
    try {
      const labels = query.labelSelector ? parseSelector(query.labelSelector) : undefined
      const fields = parseFieldSelector(query.fieldSelector)
      validateFieldSelector(ri.resource, fields)
      return { labels, fields }
    } catch (e) {
      if (e instanceof FieldSelectorError) throw new StatusError(newBadRequest(e.message))
      if (e instanceof StatusError) throw e
      throw new StatusError(newBadRequest((e as Error).message))
    }
  }

  private matches(obj: KubeObject, sel: { labels?: Selector; fields: FieldRequirement[] }): boolean {
    if (sel.labels && !sel.labels.matches(obj.metadata?.labels ?? {})) return false
    return matchesFields(obj, sel.fields)
  }

  private list(req: ApiRequest, ri: ResourceInfo, info: RequestInfo): ApiResponse {
    const sel = this.selectors(req.query ?? {}, ri)
    const kvs = this.store.range<Obj>(listPrefix(ri.resource, ri.namespaced ? info.namespace : undefined))
    const items = kvs.map((kv) => kv.value).filter((o) => this.matches(o, sel))
    const resourceVersion = String(this.store.revision())
    if (req.asTable) return { code: 200, body: this.table(ri, items, resourceVersion) }
    // Items of a typed list carry no apiVersion/kind on the wire.
    const bare = items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest)
    return { code: 200, body: { apiVersion: groupVersion(ri), kind: ri.listKind, metadata: { resourceVersion }, items: bare } }
  }

  private startWatch(req: ApiRequest, info: RequestInfo, listener: (e: WatchEvent) => void): WatchHandle {
    const ri = this.resourceInfo(info)
    const query = req.query ?? {}
    const sel = this.selectors(query, ri)
    const single = info.name
    const prefix = single
      ? objectKey(ri.resource, ri.namespaced ? info.namespace : undefined, single)
      : listPrefix(ri.resource, ri.namespaced ? info.namespace : undefined)
    const rv = query.resourceVersion
    // Like the watch cache's indexers: a pod watch on one spec.nodeName hears only that node's pods.
    const trigger = watchTriggerFor(ri.resource, sel.fields)
    const matches = (o: KubeObject | undefined) =>
      !!o && this.matches(o, sel) && (!single || o.metadata?.name === single)
    const onEvent = (e: StoreEvent) => {
      const now = e.kv.value as Obj
      const prev = e.prevKv?.value as Obj | undefined
      if (e.type === 'DELETE') {
        if (matches(prev)) listener({ type: 'DELETED', object: withResourceVersion(prev!, e.kv.modRevision) })
        return
      }
      const was = !e.created && matches(prev)
      const is = matches(now)
      if (was && is) listener({ type: 'MODIFIED', object: now })
      else if (is) listener({ type: 'ADDED', object: now })
      else if (was) listener({ type: 'DELETED', object: now })
    }
    if (!rv || rv === '0') {
      // "Start at most recent": synthetic ADDED events for what exists, then changes.
      for (const kv of this.store.range<Obj>(prefix)) {
        if (matches(kv.value)) listener({ type: 'ADDED', object: kv.value })
      }
      const w = this.store.watch(prefix, onEvent, undefined, trigger)
      return { code: 200, stop: () => w.cancel() }
    }
    const from = Number(rv)
    if (!Number.isFinite(from)) throw new StatusError(newBadRequest(`invalid resource version: ${rv}`))
    try {
      const w = this.store.watch(prefix, onEvent, from, trigger)
      return { code: 200, stop: () => w.cancel() }
    } catch (e) {
      if (e instanceof CompactedError) throw new StatusError(newResourceExpired(`too old resource version: ${from} (${e.compactRevision})`))
      throw e
    }
  }

  /** A request body given as text (the bytes on the wire), as JSON tokens. */
  private parseBody(ri: ResourceInfo, text: string): JsonNode {
    try {
      return parseJsonText(text)
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e
      // json.go's Decode fails in meta.Interpret, before a kind is known (transformDecodeError).
      throw new StatusError(
        newBadRequest(`the object provided is unrecognized (must be of type ${ri.kind}): couldn't get version/kind; json parse error: ${e.message} (${summarizeData(text)})`),
      )
    }
  }

  /**
   * Decode a create or update body into its kind's type (fields the type does not have are
   * dropped). With fieldValidation=Strict unknown or repeated fields fail the request as the
   * handlers' transformDecodeError words it; with Warn they come back as warnings.
   */
  private decodeBody(ri: ResourceInfo, body: unknown, directive: FieldValidation): { obj: Obj; warnings: string[] } {
    const ref = typeForKind(ri.group, ri.version, ri.kind)
    let d: { value: unknown; errors: string[] }
    if (typeof body === 'string') {
      const node = this.parseBody(ri, body)
      d = ref ? strictDecode(node, ref) : { value: nodeValue(node), errors: [] }
    } else {
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new StatusError(unknownFormat())
      d = ref ? decodeValue(body, ref) : { value: deepCopy(body), errors: [] }
    }
    if (d.errors.length > 0 && directive === 'Strict') {
      throw new StatusError(newBadRequest(`${ri.kind} in version ${goQuote(ri.version)} cannot be handled as a ${ri.kind}: ${strictDecodingErrorMessage(d.errors)}`))
    }
    return { obj: this.typed(ri, d.value), warnings: directive === 'Warn' ? d.errors : [] }
  }

  /** What every decoded object gets: its apiVersion and kind checked and set, metadata, the scheme's defaults. */
  private typed(ri: ResourceInfo, value: unknown): Obj {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new StatusError(unknownFormat())
    const obj = value as Obj
    const gv = groupVersion(ri)
    if (obj.kind !== undefined && obj.kind !== ri.kind) {
      throw new StatusError(newBadRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${gv})`))
    }
    if (obj.apiVersion !== undefined && obj.apiVersion !== gv) {
      throw new StatusError(newBadRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${gv})`))
    }
    obj.apiVersion = gv
    obj.kind = ri.kind
    obj.metadata = obj.metadata ?? {}
    // The scheme's defaulting runs as the body is decoded (create, update and patch results alike).
    strategyFor(ri.resource).setDefaults?.(obj)
    return obj
  }

  private create(ri: ResourceInfo, info: RequestInfo, obj: Obj, dryRun: boolean): Obj {
    const meta = obj.metadata
    if (ri.namespaced) {
      if (meta.namespace && info.namespace && meta.namespace !== info.namespace) {
        throw new StatusError(newBadRequest('the namespace of the provided object does not match the namespace sent on the request'))
      }
      meta.namespace = info.namespace ?? meta.namespace
    } else delete meta.namespace
    const strategy = strategyFor(ri.resource)
    const ctx = this.ctx()
    // Mutating admission sees the decoded, defaulted object before the registry fills in metadata
    // (handlers/create.go, then Store.create).
    admit('create', ri, obj, undefined, ctx)
    // SimpleNameGenerator: the prefix is cut to 58 characters before the 5 random ones.
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName.slice(0, 58)}${this.rng.nameSuffix(5)}`
    // Fields the server owns.
    meta.uid = this.rng.uid()
    meta.creationTimestamp = rfc3339(ctx.now)
    delete meta.deletionTimestamp
    delete meta.deletionGracePeriodSeconds
    delete meta.resourceVersion
    delete meta.managedFields
    if (strategy.hasGeneration) meta.generation = 1
    else delete meta.generation
    strategy.prepareForCreate?.(obj, ctx)
    const errs = strategy.validate?.(obj, ctx) ?? []
    if (errs.length) throw new StatusError(newInvalid({ group: ri.group, kind: ri.kind }, meta.name ?? '', errs))
    strategy.canonicalize?.(obj)
    const key = objectKey(ri.resource, ri.namespaced ? meta.namespace : undefined, meta.name!)
    if (this.store.get(key)) throw new StatusError(newAlreadyExists({ group: ri.group, resource: ri.resource }, meta.name!))
    if (dryRun) return obj
    meta.resourceVersion = String(this.store.revision() + 1)
    const kv = this.store.put(key, obj, 0)
    strategy.afterCreate?.(kv.value as Obj, ctx, this.scheduleDelete(ri))
    return kv.value as Obj
  }

  private scheduleDelete(ri: ResourceInfo) {
    return (namespace: string | undefined, name: string, afterMs: number) => {
      this.clock.setTimer(afterMs, () => {
        const key = objectKey(ri.resource, namespace, name)
        if (this.store.get(key)) this.store.delete(key)
      }, `ttl ${ri.resource}/${name}`)
    }
  }

  private update(ri: ResourceInfo, info: RequestInfo, obj: Obj, dryRun: boolean): Obj {
    if (obj.metadata.name && obj.metadata.name !== info.name) {
      throw new StatusError(newBadRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${info.name})`))
    }
    return this.writeUpdate(ri, info, obj, dryRun)
  }

  /** GuaranteedUpdate: check the resourceVersion precondition, run the strategy, write with a txn. */
  private writeUpdate(ri: ResourceInfo, info: RequestInfo, obj: Obj, dryRun: boolean): Obj {
    const name = info.name!
    const namespace = ri.namespaced ? info.namespace : undefined
    const key = objectKey(ri.resource, namespace, name)
    const kv = this.store.get<Obj>(key)
    const qr = { group: ri.group, resource: ri.resource }
    if (!kv) throw new StatusError(newNotFound(qr, name))
    const old = kv.value
    const rv = obj.metadata.resourceVersion
    if (rv && rv !== String(kv.modRevision)) {
      throw new StatusError(newConflict(qr, name, 'the object has been modified; please apply your changes to the latest version and try again'))
    }
    const strategy = strategyFor(ri.resource)
    const ctx = this.ctx()
    let meta = obj.metadata
    // Immutable server-owned metadata.
    meta.name = old.metadata.name
    if (ri.namespaced) meta.namespace = old.metadata.namespace
    meta.uid = old.metadata.uid
    meta.creationTimestamp = old.metadata.creationTimestamp
    meta.deletionTimestamp = old.metadata.deletionTimestamp
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds
    if (meta.deletionTimestamp === undefined) delete meta.deletionTimestamp
    if (meta.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds
    delete meta.managedFields
    if (info.subresource === 'finalize') {
      // Only spec.finalizers changes (namespaces' finalize subresource).
      const finalizers = (obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []
      Object.assign(obj, deepCopy({ ...old, metadata: obj.metadata }))
      obj.spec = { ...(old.spec as object), finalizers }
      delete meta.generation
    } else if (info.subresource === 'status') {
      strategy.prepareForStatusUpdate?.(obj, old, ctx)
      if (!strategy.prepareForStatusUpdate) {
        const status = obj.status
        Object.assign(obj, deepCopy({ ...old, metadata: obj.metadata }), { status })
      }
      meta.generation = old.metadata.generation
      if (meta.generation === undefined) delete meta.generation
      const errs = strategy.validateStatusUpdate?.(obj, old, ctx) ?? []
      if (errs.length) throw new StatusError(newInvalid({ group: ri.group, kind: ri.kind }, name, errs))
    } else {
      strategy.prepareForUpdate?.(obj, old, ctx)
      if (strategy.hasStatus !== false && 'status' in old && !strategy.prepareForUpdate) obj.status = deepCopy(old.status)
      if (strategy.hasGeneration) {
        const gen = old.metadata.generation ?? 1
        meta.generation = JSON.stringify(obj.spec) !== JSON.stringify(old.spec) ? gen + 1 : gen
      } else delete meta.generation
      admit('update', ri, obj, old, ctx)
      const errs = strategy.validateUpdate?.(obj, old, ctx) ?? []
      if (errs.length) throw new StatusError(newInvalid({ group: ri.group, kind: ri.kind }, name, errs))
      strategy.canonicalize?.(obj)
    }
    // Strategies may have replaced the metadata object.
    meta = obj.metadata
    // A deleting object whose last finalizer is gone is removed, as the registry's deleteForEmptyFinalizers
    // does: only once its grace period is over (shouldDeleteDuringUpdate: deletionGracePeriodSeconds 0 or
    // unset). A pod in its grace period stays while the kubelet updates its status; the kubelet deletes it.
    const finalizers = meta.finalizers ?? []
    const specFinalizers = (obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []
    if (meta.deletionTimestamp && finalizers.length === 0 && !old.metadata.deletionGracePeriodSeconds && (ri.resource !== 'namespaces' || specFinalizers.length === 0)) {
      if (!dryRun) {
        try {
          this.store.delete(key, kv.modRevision)
        } catch (e) {
          if (e instanceof ModRevisionMismatch) throw new StatusError(newConflict(qr, name, 'the object has been modified; please apply your changes to the latest version and try again'))
          throw e
        }
      }
      return { ...obj, metadata: { ...meta, resourceVersion: String(this.store.revision()) } }
    }
    if (sameObject(obj, old)) {
      // A no-op update writes nothing and keeps the resourceVersion, as the real apiserver does.
      return old
    }
    if (dryRun) return obj
    meta.resourceVersion = String(this.store.revision() + 1)
    try {
      return this.store.put(key, obj, kv.modRevision).value as Obj
    } catch (e) {
      if (e instanceof ModRevisionMismatch) throw new StatusError(newConflict(qr, name, 'the object has been modified; please apply your changes to the latest version and try again'))
      throw e
    }
  }

  /**
   * PATCH: apply the patch to the stored object, then decode the result into the kind's type.
   * With fieldValidation Strict or Warn the patch's own repeated keys (and a JSON patch's unknown
   * operation fields) and the patched object's unknown fields are strict errors; Strict answers
   * them with patch.go's Invalid on the field "patch", whose value is the patched object's JSON
   * (JSON and merge patches) or the patch as Go prints a map (strategic merge patches).
   */
  private patch(ri: ResourceInfo, info: RequestInfo, body: unknown, type: PatchType, dryRun: boolean, directive: FieldValidation): { obj: Obj; warnings: string[] } {
    const current = this.getObject(ri, info.namespace, info.name!)
    const strict = directive !== 'Ignore'
    let patchValue: unknown = body
    let patchErrors: string[] = []
    // Repeated keys can only come in text; a JSON patch given as a value can still name unknown
    // operation fields.
    if (typeof body === 'string' || (strict && type === 'json')) {
      const node = this.patchNode(body, type, strict)
      if (strict) {
        const d = strictDecode(node, type === 'json' ? JSON_PATCH_OPERATIONS : ANY, type === 'json' ? 'json patch ' : '')
        patchErrors = d.errors
        patchValue = type === 'json' ? nodeValue(node) : d.value
      } else patchValue = nodeValue(node)
    }
    let patched: unknown
    try {
      if (type === 'json') patched = applyJsonPatch(current, patchValue as JsonPatchOp[])
      else if (type === 'merge') patched = applyMergePatch(current, patchValue)
      else patched = applyStrategicMergePatch(current, patchValue, patchSchemaFor(groupVersion(ri), ri.kind))
    } catch (e) {
      if (e instanceof StatusError) throw e
      if (e instanceof JsonPatchError) throw new StatusError({ ...newInternalError(e.message), code: 422, reason: 'Invalid', message: e.message })
      throw new StatusError(newBadRequest((e as Error).message))
    }
    // JSON and merge patches decode the patched JSON (keys sorted) strictly; a strategic merge
    // patch converts the patched map, whose unknown fields come back sorted.
    const ref = typeForKind(ri.group, ri.version, ri.kind)
    const decoded = ref ? decodeValue(patched, ref, type === 'strategic') : { value: deepCopy(patched), errors: [] }
    const errors = strict ? [...patchErrors, ...decoded.errors] : []
    if (errors.length > 0 && directive === 'Strict') {
      const shown = type === 'strategic' ? goSprintV(patchValue) : goJsonMarshal(patched)
      throw new StatusError(newInvalid({ group: '', kind: '' }, '', [invalid(newPath('patch'), shown, strictDecodingErrorMessage(errors))]))
    }
    const obj = this.typed(ri, decoded.value)
    // A patch that does not name a resourceVersion applies to the version it was computed on.
    if (obj.metadata.resourceVersion === current.metadata.resourceVersion) delete obj.metadata.resourceVersion
    return { obj: this.writeUpdate(ri, info, obj, dryRun), warnings: directive === 'Warn' ? errors : [] }
  }

  /** A patch document as JSON tokens; text that does not parse is a BadRequest, worded as patch.go's. */
  private patchNode(body: unknown, type: PatchType, strict: boolean): JsonNode {
    if (typeof body !== 'string') return nodeFromValue(body)
    try {
      return parseJsonText(body)
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e
      throw new StatusError(newBadRequest(strict && type !== 'strategic' ? `error decoding patch: ${e.message}` : e.message))
    }
  }

  private bind(ri: ResourceInfo, info: RequestInfo, body: unknown, dryRun: boolean): ApiResponse {
    // POST /namespaces/{ns}/pods/{name}/binding or /namespaces/{ns}/bindings (pkg/registry/core/pod/storage BindingREST).
    const binding = (body ?? {}) as { metadata?: { name?: string }; target?: { name?: string; kind?: string } }
    const name = info.subresource === 'binding' ? info.name! : binding.metadata?.name ?? ''
    const podsRi = findByResource('pods', '')!
    const key = objectKey('pods', info.namespace, name)
    const kv = this.store.get<Obj>(key)
    if (!kv) throw new StatusError(newNotFound({ group: '', resource: 'pods' }, name))
    const pod = kv.value
    const target = binding.target?.name ?? ''
    const spec = pod.spec as { nodeName?: string }
    if (pod.metadata.deletionTimestamp) {
      throw new StatusError(newConflict({ group: '', resource: 'pods/binding' }, name, `pod ${name} is being deleted, cannot be assigned to a host`))
    }
    if (spec.nodeName) {
      throw new StatusError(newConflict({ group: '', resource: 'pods/binding' }, name, `pod ${name} is already assigned to node "${spec.nodeName}"`))
    }
    if (!dryRun) {
      const now = rfc3339(this.clock.now())
      const status = (pod.status ?? {}) as { conditions?: { type: string; status: string; lastProbeTime: null; lastTransitionTime: string }[] }
      const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
      conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now })
      const next = {
        ...pod,
        metadata: { ...pod.metadata, resourceVersion: String(this.store.revision() + 1) },
        spec: { ...(pod.spec as object), nodeName: target },
        status: { ...status, conditions },
      }
      this.store.put(key, next, kv.modRevision)
    }
    void podsRi
    void ri
    return { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } }
  }

  /**
   * DELETE one object (Store.Delete with rest.BeforeDelete): the options are validated and the
   * preconditions checked once the object is found; a grace period, finalizers or the
   * propagation policy's GC finalizer make it a graceful deletion that only marks the object.
   */
  private delete(ri: ResourceInfo, info: RequestInfo, opts: DeleteOptions): ApiResponse {
    const name = info.name!
    // The delete handler admits before the registry looks the object up.
    admitDelete(ri, name)
    const namespace = ri.namespaced ? info.namespace : undefined
    const key = objectKey(ri.resource, namespace, name)
    const kv = this.store.get<Obj>(key)
    const qr = { group: ri.group, resource: ri.resource }
    if (!kv) throw new StatusError(newNotFound(qr, name))
    const obj = kv.value
    const invalidOptions = validateDeleteOptions(opts)
    if (invalidOptions) throw new StatusError(invalidOptions)
    // BeforeDelete names the kind, not the resource, in these conflicts ("Pod", "Deployment.apps").
    const byKind = { group: ri.group, resource: ri.kind }
    const pre = opts.preconditions
    if (pre?.uid !== undefined && pre.uid !== obj.metadata.uid) {
      throw new StatusError(
        newConflict(byKind, name, `the UID in the precondition (${pre.uid}) does not match the UID in record (${obj.metadata.uid ?? ''}). The object might have been deleted and then recreated`),
      )
    }
    if (pre?.resourceVersion !== undefined && pre.resourceVersion !== obj.metadata.resourceVersion) {
      throw new StatusError(
        newConflict(
          byKind,
          name,
          `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${obj.metadata.resourceVersion ?? ''}). The object might have been modified`,
        ),
      )
    }
    const dryRun = isDryRun(opts.dryRun)
    const strategy = strategyFor(ri.resource)
    const ctx = this.ctx()
    // Negative values are treated as 1s on the delete path.
    const requestedGrace = opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < 0 ? 1 : opts.gracePeriodSeconds
    const grace = strategy.gracePeriod?.(obj, requestedGrace, ctx) ?? 0
    const finalizers = deletionFinalizers(obj.metadata.finalizers ?? [], opts)
    const pendingFinalize = strategy.finalizeOnDelete?.(obj) ?? false
    if (grace > 0 || finalizers.length > 0 || pendingFinalize) {
      // Graceful deletion: mark the object; the kubelet (pods) or a finalizer's owner removes it.
      const existing = obj.metadata.deletionTimestamp
      const deadline = ctx.now + grace * 1000
      const currentGrace = obj.metadata.deletionGracePeriodSeconds
      const sameFinalizers = JSON.stringify(finalizers) === JSON.stringify(obj.metadata.finalizers ?? [])
      // 202 when the caller asked for cascading deletion the old way and the object stays for now.
      const code = opts.orphanDependents === false ? 202 : 200
      if (existing && currentGrace !== undefined && grace >= currentGrace && sameFinalizers) {
        return { code, body: obj }
      }
      const next: Obj = {
        ...obj,
        metadata: {
          ...obj.metadata,
          deletionTimestamp: existing && currentGrace !== undefined && grace >= currentGrace ? existing : rfc3339(deadline),
          deletionGracePeriodSeconds: grace,
          finalizers: finalizers.length ? finalizers : undefined,
          resourceVersion: String(this.store.revision() + 1),
        },
      }
      if (!next.metadata.finalizers) delete next.metadata.finalizers
      // The first mark bumps a generation the object keeps (BeforeDelete, markAsDeleting).
      if (!existing && (obj.metadata.generation ?? 0) > 0) next.metadata.generation = obj.metadata.generation! + 1
      strategy.prepareForDelete?.(next, ctx)
      if (dryRun) return { code, body: next }
      return { code, body: this.store.put(key, next, kv.modRevision).value }
    }
    if (dryRun) return { code: 200, body: obj }
    this.store.delete(key)
    return { code: 200, body: strategy.returnDeletedObject === false ? successStatus(ri, obj) : obj }
  }

  private deleteCollection(req: ApiRequest, ri: ResourceInfo, info: RequestInfo, opts: DeleteOptions): ApiResponse {
    const listed = this.list({ ...req, asTable: false }, ri, info).body as { items: Obj[] }
    for (const item of listed.items) {
      this.delete(ri, { ...info, name: item.metadata.name, namespace: item.metadata.namespace }, opts)
    }
    return { code: 200, body: { ...listed, items: listed.items } }
  }

  private requireProxy(pod: Obj): NodeProxy {
    if (!this.nodeProxy) throw new StatusError(newInternalError('no kubelet connection'))
    void pod
    return this.nodeProxy
  }

  private logs(ri: ResourceInfo, info: RequestInfo, query: Record<string, string>): string {
    const pod = this.getObject(ri, info.namespace, info.name!)
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? ''
    return this.requireProxy(pod).logs(nodeName, pod, query)
  }

  private audit(req: ApiRequest, info: RequestInfo, code: number): void {
    const e: AuditEvent = {
      id: ++this.auditSeq,
      time: this.clock.now(),
      user: req.user,
      verb: info.verb,
      method: req.method.toUpperCase(),
      path: req.path + queryString(req.query),
      resource: info.resource,
      code,
    }
    if (info.subresource) e.subresource = info.subresource
    if (info.namespace) e.namespace = info.namespace
    if (info.name) e.name = info.name
    this.auditLog.push(e)
    if (this.auditLog.length > 2000) this.auditLog.splice(0, this.auditLog.length - 1000)
    for (const l of this.auditListeners) l(e)
  }
}

type PatchType = 'json' | 'merge' | 'strategic'

/** The patch types the server accepts, by Content-Type (a "; charset=" suffix is ignored); 415 otherwise. */
function patchTypeOf(contentType: string): PatchType {
  if (contentType.startsWith('application/json-patch+json')) return 'json'
  if (contentType.startsWith('application/merge-patch+json')) return 'merge'
  if (contentType.startsWith('application/strategic-merge-patch+json')) return 'strategic'
  throw new StatusError({ ...newBadRequest(`the content type ${contentType} is not supported`), code: 415, reason: 'UnsupportedMediaType' })
}

/** patch.go's jsonPatchOp, as a JSON patch is strictly decoded into []jsonPatchOp. */
const JSON_PATCH_OPERATIONS: TypeRef = {
  kind: 'list',
  elem: {
    kind: 'struct',
    name: 'jsonPatchOp',
    fields: new Map<string, TypeRef>([
      ['op', LEAF],
      ['path', LEAF],
      ['from', LEAF],
      ['value', ANY],
    ]),
  },
}

/**
 * deletionFinalizersForGarbageCollection: a policy named on the request (propagationPolicy, or
 * the older orphanDependents) replaces the object's orphan/foregroundDeletion finalizers;
 * without one they stay as they are.
 */
function deletionFinalizers(current: readonly string[], opts: DeleteOptions): string[] {
  const policy = opts.orphanDependents !== undefined ? (opts.orphanDependents ? 'Orphan' : 'Background') : opts.propagationPolicy
  if (policy === undefined) return [...current]
  const out = current.filter((f) => f !== 'orphan' && f !== 'foregroundDeletion')
  if (policy === 'Orphan') out.push('orphan')
  if (policy === 'Foreground' && opts.orphanDependents === undefined) out.push('foregroundDeletion')
  return out
}

function withWarnings(res: ApiResponse, warnings: readonly string[]): ApiResponse {
  return warnings.length > 0 ? { ...res, warnings: [...warnings] } : res
}

function unknownFormat(): Status {
  return newBadRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf')
}

/** summarizeData(body, 30): an object body's first 30 bytes (then " ..."), anything else in hex. */
function summarizeData(data: string, maxLength = 30): string {
  if (data.length === 0) return '<empty>'
  const bytes = utf8Bytes(data)
  const more = bytes.length > maxLength ? ' ...' : ''
  if (data[0] !== '{') return bytes.slice(0, maxLength).map((b) => b.toString(16).padStart(2, '0')).join('') + more
  let text = ''
  let n = 0
  for (const ch of data) {
    n += utf8Bytes(ch).length
    if (n > maxLength) break
    text += ch
  }
  return text + more
}

function queryString(q: Record<string, string> | undefined): string {
  if (!q) return ''
  const parts = Object.entries(q).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function withResourceVersion(obj: Obj, rev: number): Obj {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rev) } }
}

function successStatus(ri: ResourceInfo, obj: Obj): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name: obj.metadata.name, group: ri.group || undefined, kind: ri.resource, uid: obj.metadata.uid },
  } as Status
}

export function toStatus(e: unknown): Status {
  if (e instanceof StatusError) return e.status
  return newInternalError(e instanceof Error ? e.message : String(e))
}

