// The API calls each `kubectl describe` describer makes before it formats: fetch the object, the
// related objects it shows (a node's pods and lease, a namespace's quotas and limit ranges) and
// the events about it. The formatting itself is in ../describe.
// Mirrors: k8s.io/kubectl pkg/describe/describe.go v0.32 (Describer/DescriberFor: the
// describerMap by GroupKind, PodDescriber.Describe, NodeDescriber.Describe,
// NamespaceDescriber.Describe, searchEvents) and client-go typed/core/v1 event_expansion.go
// (GetFieldSelector).
// Left out: the describers of every other kind (Deployment, ReplicaSet, Service, ConfigMap, ...):
// until they are written, describerFor answers undefined and the command says the kind is not
// simulated rather than printing a generic description kubectl would never print for it. Also
// left out: the generic describer for kinds without a describer (Event, Lease), the pod
// describer's "Pod 'x': error '...', but found events." answer (only reachable when a pod
// disappears between the builder's GET and the describer's), FollowContinue chunking (the
// apiserver answers whole lists).

import { StatusError } from '../../../api/errors'
import type { ResourceInfo } from '../../../api/resources'
import type { Event, KubeList, Lease, Namespace, Node, Pod } from '../../../api/types'
import type { LimitRange, ResourceQuota } from 'kubernetes-types/core/v1'
import type { Client } from '../../../client/client'
import { describeNamespace, describeNode, describePod } from '../describe'

/** DescriberSettings. */
export interface DescriberSettings {
  showEvents: boolean
}

/** ResourceDescriber.Describe(namespace, name, settings): the text, or a thrown StatusError. */
export type ResourceDescriber = (client: Client, namespace: string, name: string, settings: DescriberSettings, nowMs: number) => string

/** The reference searchEvents looks events up by (reference.GetReference of the object). */
export interface EventReference {
  kind?: string
  namespace: string
  name: string
  uid?: string
}

/**
 * GetFieldSelector: fields.Set{...}.AsSelector().String(), keys sorted. A nil kind or uid is
 * left out; an empty namespace (cluster-scoped objects) is still a term, `involvedObject.namespace=`.
 */
export function eventFieldSelector(ref: EventReference): string {
  const terms: [string, string][] = [
    ['involvedObject.name', ref.name],
    ['involvedObject.namespace', ref.namespace],
  ]
  if (ref.kind) terms.push(['involvedObject.kind', ref.kind])
  if (ref.uid) terms.push(['involvedObject.uid', ref.uid])
  terms.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return terms.map(([k, v]) => `${k}=${escapeFieldValue(v)}`).join(',')
}

/** fields.EscapeValue: backslash, comma and equals sign are escaped with a backslash. */
function escapeFieldValue(v: string): string {
  return v.replace(/[\\,=]/g, (c) => `\\${c}`)
}

/**
 * searchEvents: the events about `ref`, listed in ref's namespace (all namespaces for a
 * cluster-scoped object). Errors give the events found so far (none), as `events, _ :=` does.
 */
export function searchEvents(client: Client, ref: EventReference): Event[] {
  try {
    return client.list<Event>('events', ref.namespace || undefined, { fieldSelector: eventFieldSelector(ref) }).items
  } catch (e) {
    if (e instanceof StatusError) return []
    throw e
  }
}

/** corev1.MirrorPodAnnotationKey: a static pod's mirror carries the static pod's UID here. */
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/**
 * PodDescriber.Describe. The reference's kind is cleared so events about the pod by any kind
 * match; a mirror pod's events are the static pod's, found by the UID in its annotation.
 */
const podDescriber: ResourceDescriber = (client, namespace, name, settings, nowMs) => {
  const pod = client.get<Pod>('pods', namespace, name)
  let events: Event[] | null = null
  if (settings.showEvents) {
    const annotations = pod.metadata?.annotations ?? {}
    const uid = MIRROR_POD_ANNOTATION in annotations ? annotations[MIRROR_POD_ANNOTATION] : pod.metadata?.uid
    events = searchEvents(client, { namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', uid })
  }
  return describePod(pod, events, nowMs)
}

/**
 * NodeDescriber.Describe: the node, its non-terminated pods (all namespaces), its lease, and
 * the events of two searches merged: the controllers' (uid = node uid) and the kubelet's
 * (uid = node name).
 */
const nodeDescriber: ResourceDescriber = (client, namespace, name, settings, nowMs) => {
  const node = client.get<Node>('nodes', undefined, name)
  const fieldSelector = `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`
  const pods = client.list<Pod>('pods', namespace || undefined, { fieldSelector }).items
  let events: Event[] | null = null
  if (settings.showEvents) {
    const ref: EventReference = { kind: 'Node', namespace: node.metadata?.namespace ?? '', name: node.metadata?.name ?? '', uid: node.metadata?.uid }
    events = [...searchEvents(client, ref), ...searchEvents(client, { ...ref, uid: ref.name })]
  }
  let lease: Lease | null = null
  try {
    lease = client.get<Lease>('leases', 'kube-node-lease', node.metadata?.name ?? '')
  } catch (e) {
    if (!(e instanceof StatusError)) throw e
  }
  return describeNode(node, pods, events, nowMs, { lease })
}

/**
 * NamespaceDescriber.Describe: the namespace, then its resource quotas and limit ranges. A server
 * that does not serve one of those lists (404) gets that section left out.
 */
const namespaceDescriber: ResourceDescriber = (client, _namespace, name, _settings, nowMs) => {
  const ns = client.get<Namespace>('namespaces', undefined, name)
  const quotas = listOrNullWhenNotFound<ResourceQuota>(client, `/api/v1/namespaces/${name}/resourcequotas`)
  const limitRanges = listOrNullWhenNotFound<LimitRange>(client, `/api/v1/namespaces/${name}/limitranges`)
  return describeNamespace(ns, nowMs, quotas, limitRanges)
}

/** A raw list request (the resource may not be served at all): null for 404, else the items. */
function listOrNullWhenNotFound<T>(client: Client, path: string): T[] | null {
  const res = client.request({ method: 'GET', path })
  if (res.code === 404) return null
  if (res.code >= 400) throw new StatusError(res.body as StatusError['status'])
  return (res.body as KubeList).items as T[]
}

/** describerMap, by GroupKind ("Pod", "Node.", ...): the describers Podlab has so far. */
const DESCRIBERS: Record<string, ResourceDescriber> = {
  '/Pod': podDescriber,
  '/Node': nodeDescriber,
  '/Namespace': namespaceDescriber,
}

/** DescriberFor: the describer of a resource's kind, if Podlab has one. */
export function describerFor(info: ResourceInfo): ResourceDescriber | undefined {
  return DESCRIBERS[`${info.group}/${info.kind}`]
}
