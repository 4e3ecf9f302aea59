// The requests `kubectl get` makes for its resource arguments, and the objects ("infos") it gets
// back: one list per type (a Selector), one GET per name.
// Mirrors: k8s.io/cli-runtime/pkg/resource selector.go (Selector.Visit, Selector.Watch),
// helper.go (List, Get, WatchSingle), visitor.go (Info, EagerVisitorList / VisitorList,
// FlattenListVisitor, RetrieveLatest), result.go (Result.Infos, Object, Watch; IgnoreErrors),
// interfaces.go (the Accept header kubectl get sets when the server prints the table),
// apimachinery unstructured.go (decodeToList: a typed list's items get the list's apiVersion
// and their kind) and kubectl's EnhanceListError; Info.Get (a NotFound in a namespace other than
// default reports a missing namespace instead) and RetrieveLatest, which fetches the objects
// `get -f` read from files.
// Left out: chunking (`--chunk-size`: the pages a list would be fetched in print the same).

import type { KubectlError } from '../../../api/errors'
import type { ResourceInfo } from '../../../api/resources'
import type { Status } from '../../../api/types'
import type { WatchEvent, WatchHandle } from '../../../apiserver/apiServer'
import type { Client } from '../../../client/client'
import { goQuote } from '../../../api/goValues'
import { namespaceNotFound } from './describeTargets'
import type { VisitedObject } from './filenames'
import type { ResourceSource, SelectorSource } from './resourceArgs'

/** resource.Info: what one request returned. */
export interface GetInfo {
  mapping: ResourceInfo
  namespace: string
  /** Set for objects fetched by name. */
  name?: string
  /** A Table, a list (with `items`), or one object. */
  object: Record<string, unknown>
  resourceVersion: string
}

export interface VisitOptions {
  /** Accept: ...;as=Table (human-readable output with server-side printing). */
  asTable: boolean
  /** Flatten(): a list's items become infos of their own. */
  flatten: boolean
  /** ContinueOnError(): every request is made and errors collected (EagerVisitorList). */
  continueOnError: boolean
}

export interface VisitResult {
  infos: GetInfo[]
  errors: KubectlError[]
}

function collectionPath(info: ResourceInfo, namespace: string): string {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`
  return info.namespaced && namespace ? `${base}/namespaces/${namespace}/${info.resource}` : `${base}/${info.resource}`
}

/** GroupVersionResource.String(): `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
function gvrString(info: ResourceInfo): string {
  return `${info.group}/${info.version}, Resource=${info.resource}`
}

function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status'
}

/** EnhanceListError: BadRequest and NotFound from a list say what was being listed. */
function enhanceListError(status: Status, src: SelectorSource): Status {
  if (status.reason !== 'BadRequest' && status.reason !== 'NotFound') return status
  const subj = goQuote(gvrString(src.info))
  const message =
    src.labelSelector.length === 0 && src.fieldSelector.length === 0
      ? `Unable to list ${subj}: ${status.message ?? ''}`
      : `Unable to find ${subj} that match label selector ${goQuote(src.labelSelector)}, field selector ${goQuote(src.fieldSelector)}: ${status.message ?? ''}`
  return { ...status, message }
}

/** decodeToList: the items of a typed list carry no apiVersion/kind on the wire. */
function withItemKinds(list: Record<string, unknown>): Record<string, unknown> {
  const listKind = String(list.kind ?? '')
  const itemKind = listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : listKind
  const items = (list.items as Record<string, unknown>[]).map((item) =>
    item.kind === undefined && item.apiVersion === undefined ? { apiVersion: list.apiVersion, kind: itemKind, ...item } : item,
  )
  return { ...list, items }
}

function resourceVersionOf(obj: Record<string, unknown>): string {
  const meta = obj.metadata as { resourceVersion?: unknown } | undefined
  return typeof meta?.resourceVersion === 'string' ? meta.resourceVersion : ''
}

/** One source's request: a list or a GET, as a Table or as objects. */
function fetchSource(client: Client, src: ResourceSource, asTable: boolean): GetInfo | Status {
  if (src.kind === 'selector') {
    const query: Record<string, string> = {}
    if (src.labelSelector) query.labelSelector = src.labelSelector
    if (src.fieldSelector) query.fieldSelector = src.fieldSelector
    const res = client.request({ method: 'GET', path: collectionPath(src.info, src.namespace), query, asTable })
    if (isStatus(res.body) && res.code >= 400) return enhanceListError(res.body, src)
    const body = res.body as Record<string, unknown>
    const object = Array.isArray(body.items) ? withItemKinds(body) : body
    return { mapping: src.info, namespace: src.namespace, object, resourceVersion: resourceVersionOf(body) }
  }
  return infoGet(client, src.info, src.namespace, src.name, asTable)
}

/** Info.Get: the object by name (a Table when asked), or the error, checked as kubectl checks it. */
function infoGet(client: Client, mapping: ResourceInfo, namespace: string, name: string, asTable: boolean): GetInfo | Status {
  const res = client.request({ method: 'GET', path: `${collectionPath(mapping, namespace)}/${name}`, asTable })
  if (isStatus(res.body) && res.code >= 400) return namespaceNotFound(client, namespace, res.body)
  const body = res.body as Record<string, unknown>
  return { mapping, namespace, name, object: body, resourceVersion: resourceVersionOf(body) }
}

/**
 * RetrieveLatest for an object read from a file: the server's copy by name (a Table when asked);
 * an object without a name stays as read; a namespaced one without a namespace (-A) is an error.
 */
export function retrieveLatest(client: Client, o: VisitedObject, asTable: boolean): { info: GetInfo } | { error: KubectlError } {
  const object = o.object as Record<string, unknown>
  if (o.name === '') return { info: { mapping: o.mapping, namespace: o.namespace, object, resourceVersion: resourceVersionOf(object) } }
  if (o.mapping.namespaced && o.namespace === '') return { error: `no namespace set on resource ${gvrString(o.mapping)} ${goQuote(o.name)}` }
  const got = infoGet(client, o.mapping, o.namespace, o.name, asTable)
  return isStatus(got) ? { error: got } : { info: got }
}

/** Result.Infos: every source fetched in order (or up to the first error without ContinueOnError). */
export function visitSources(client: Client, sources: readonly ResourceSource[], opts: VisitOptions): VisitResult {
  const infos: GetInfo[] = []
  const errors: KubectlError[] = []
  for (const src of sources) {
    const got = fetchSource(client, src, opts.asTable)
    if ((got as Status).kind === 'Status') {
      errors.push(got as Status)
      if (!opts.continueOnError) break
      continue
    }
    const info = got as GetInfo
    if (opts.flatten && Array.isArray(info.object.items)) {
      for (const item of info.object.items as Record<string, unknown>[]) {
        infos.push({ mapping: info.mapping, namespace: info.namespace, object: item, resourceVersion: info.resourceVersion })
      }
    } else {
      infos.push(info)
    }
  }
  return { infos, errors }
}

/**
 * Result.Object: one object when a single item was asked for, the list itself when the only
 * info is a list, otherwise a v1 List of the objects (resourceVersion set when they all agree).
 */
export function resultObject(infos: readonly GetInfo[], singleItemImplied: boolean): { object: Record<string, unknown>; isList: boolean; resourceVersion: string } {
  if (infos.length === 1) {
    const only = infos[0]!.object
    if (singleItemImplied) return { object: only, isList: Array.isArray(only.items), resourceVersion: resourceVersionOf(only) }
    if (Array.isArray(only.items)) return { object: only, isList: true, resourceVersion: resourceVersionOf(only) }
  }
  const versions = new Set(infos.map((i) => i.resourceVersion))
  const version = versions.size === 1 ? [...versions][0]! : ''
  return {
    object: { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: version }, items: infos.map((i) => i.object) },
    isList: true,
    resourceVersion: version,
  }
}

/**
 * Result.Watch for the one source of a `get -w`: the collection with the list's selectors, or
 * one object by a metadata.name field selector (Helper.WatchSingle). Returns the apiserver's
 * error Status when the watch does not start.
 */
export function watchSource(
  client: Client,
  src: ResourceSource,
  resourceVersion: string,
  listener: (e: WatchEvent) => void,
): { handle: WatchHandle } | { error: Status } {
  const query: Record<string, string> = {}
  if (resourceVersion) query.resourceVersion = resourceVersion
  if (src.kind === 'selector') {
    if (src.labelSelector) query.labelSelector = src.labelSelector
    if (src.fieldSelector) query.fieldSelector = src.fieldSelector
  } else {
    query.fieldSelector = `metadata.name=${src.name}`
  }
  const handle = client.watchPath(collectionPath(src.info, src.namespace), query, listener)
  if (handle.code !== 200) return { error: handle.error! }
  return { handle }
}

/** utilerrors.FilterOut with IsNotFound (--ignore-not-found). */
export function withoutNotFound(errors: readonly KubectlError[]): KubectlError[] {
  return errors.filter((e) => typeof e === 'string' || e.reason !== 'NotFound')
}
