// The requests kubectl makes for an object it read from a manifest or built itself, with the query
// parameters it sends (dryRun, fieldManager, fieldValidation: url.Values.Encode sorts them), and
// the text it uses to name such an object in its error messages.
// Mirrors: k8s.io/cli-runtime pkg/resource/helper.go (Helper.Create with modify=true clearing the
// resourceVersion, Get, Patch; DryRun, WithFieldManager, WithFieldValidation) and visitor.go
// (Info.Get, which asks whether a missing object's namespace exists; Info.String; ObjectName).

import { StatusError } from '../../../api/errors'
import type { ResourceInfo } from '../../../api/resources'
import { goQuote } from '../../../api/validation/field'
import type { KubeObject, Status } from '../../../api/types'
import { Client } from '../../../client/client'

export interface HelperOptions {
  dryRun?: boolean
  fieldManager?: string
  /** metav1.FieldValidation*: Strict, Warn or Ignore. */
  fieldValidation?: string
}

export type PatchType = 'strategic' | 'merge'

const CONTENT_TYPES: Record<PatchType, string> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
}

function query(o: HelperOptions): Record<string, string> | undefined {
  const q: Record<string, string> = {}
  if (o.dryRun) q.dryRun = 'All'
  if (o.fieldManager) q.fieldManager = o.fieldManager
  if (o.fieldValidation) q.fieldValidation = o.fieldValidation
  return Object.keys(q).length > 0 ? q : undefined
}

function must(res: { code: number; body: unknown }): KubeObject {
  if (res.code >= 400) throw new StatusError(res.body as Status)
  return res.body as KubeObject
}

/** Helper.Create(namespace, modify, obj): POST to the collection; with `modify`, no resourceVersion. */
export function helperCreate(client: Client, ri: ResourceInfo, namespace: string, obj: KubeObject, modify: boolean, o: HelperOptions = {}): KubeObject {
  let body = obj
  if (modify && obj.metadata?.resourceVersion) {
    const { resourceVersion: _rv, ...meta } = obj.metadata
    body = { ...obj, metadata: meta }
  }
  const path = Client.path(ri.resource, ri.namespaced ? namespace : undefined)
  return must(client.request({ method: 'POST', path, body, query: query(o) }))
}

/** Helper.Get. */
export function helperGet(client: Client, ri: ResourceInfo, namespace: string, name: string): KubeObject {
  return must(client.request({ method: 'GET', path: Client.path(ri.resource, ri.namespaced ? namespace : undefined, name) }))
}

/** Helper.Patch with the patch as kubectl serialised it. */
export function helperPatch(client: Client, ri: ResourceInfo, namespace: string, name: string, type: PatchType, patch: string, o: HelperOptions = {}): KubeObject {
  return must(
    client.request({
      method: 'PATCH',
      path: Client.path(ri.resource, ri.namespaced ? namespace : undefined, name),
      body: JSON.parse(patch) as unknown,
      contentType: CONTENT_TYPES[type],
      query: query(o),
    }),
  )
}

/**
 * Info.Get: the live object. When it is missing from a namespace other than "default", kubectl
 * asks for the namespace and reports that one missing instead.
 */
export function infoGet(client: Client, ri: ResourceInfo, namespace: string, name: string): KubeObject {
  try {
    return helperGet(client, ri, namespace, name)
  } catch (e) {
    if (e instanceof StatusError && e.status.reason === 'NotFound' && namespace !== '' && namespace !== 'default') {
      const res = client.request({ method: 'GET', path: `/api/v1/namespaces/${namespace}` })
      if (res.code === 404) throw new StatusError(res.body as Status)
    }
    throw e
  }
}

/** Info.String(): `Resource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "x", Namespace: "default"`. */
export function infoString(ri: ResourceInfo, name: string, namespace: string): string {
  const gvr = `${ri.group}/${ri.version}, Resource=${ri.resource}`
  const gvk = `${ri.group}/${ri.version}, Kind=${ri.kind}`
  return `Resource: ${goQuote(gvr)}, GroupVersionKind: ${goQuote(gvk)}\nName: ${goQuote(name)}, Namespace: ${goQuote(namespace)}`
}

/** Info.ObjectName(): `pods/nginx` (the mapping's resource, no group). */
export function infoObjectName(ri: ResourceInfo, name: string): string {
  return `${ri.resource}/${name}`
}
