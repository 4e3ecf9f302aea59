// Which log streams `kubectl logs` opens for an object: a pod's container (the one named, the
// annotated default, or the first), every container with --all-containers, each pod of a list,
// or for a workload (deployment, replica set, ...) the pod kubectl would pick to show.
// Mirrors: k8s.io/kubectl pkg/polymorphichelpers/logsforobject.go v0.32 (logsForObjectWithClient),
// helpers.go (GetFirstPod's choice), objectselectors.go (SelectorsForObject), pkg/cmd/util/podcmd
// podcmd.go (DefaultContainerAnnotationName, FindContainerByName, AllContainerNames), and
// pkg/util/podutils podutils.go (ByLogging).
// Kept: upstream returns the requests in a Go map, so several streams come in random order; we
// keep the pod's order (init containers, containers, ephemeral containers) instead.
// Left out: ReplicationController and StatefulSet/Job/CronJob objects (not served yet).

import { labelSelectorAsSelectorString } from '../../../api/printers/helpers'
import { isPodReady } from '../../../api/podutil'
import type { KubeObject, LabelSelector, Pod } from '../../../api/types'

/** corev1.PodLogOptions, as kubectl sets it. */
export interface PodLogOptions {
  container: string
  follow: boolean
  previous: boolean
  timestamps: boolean
  sinceSeconds?: number
  sinceTime?: string
  tailLines?: number
  limitBytes?: number
  insecureSkipTLSVerifyBackend: boolean
}

/** One log stream: GET pods/<name>/log for one container (its ObjectReference and the request). */
export interface LogRequest {
  namespace: string
  podName: string
  /** `spec.containers{nginx}`: what --prefix reads the container name from. */
  fieldPath: string
  options: PodLogOptions
}

export type LogRequestsResult = { ok: true; requests: LogRequest[] } | { ok: false; error: string }

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

/** FindContainerByName: containers, then init containers, then ephemeral containers. */
export function findContainerByName(pod: Pod, name: string): string | undefined {
  const spec = pod.spec
  if (spec?.containers?.some((c) => c.name === name)) return `spec.containers{${name}}`
  if (spec?.initContainers?.some((c) => c.name === name)) return `spec.initContainers{${name}}`
  if (spec?.ephemeralContainers?.some((c) => c.name === name)) return `spec.ephemeralContainers{${name}}`
  return undefined
}

/** AllContainerNames: "a, b, dbg (ephem), setup (init)". */
export function allContainerNames(pod: Pod): string {
  const spec = pod.spec
  return [
    ...(spec?.containers ?? []).map((c) => c.name),
    ...(spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ')
}

/**
 * logsForObjectWithClient for a pod: the container's stream, choosing the container as kubectl
 * does; `warn` receives what kubectl writes to stderr on the way ("Defaulted container ...").
 */
export function podLogRequests(pod: Pod, options: PodLogOptions, allContainers: boolean, warn: (text: string) => void): LogRequestsResult {
  const namespace = pod.metadata?.namespace ?? ''
  const podName = pod.metadata?.name ?? ''
  if (!allContainers) {
    const opts = { ...options }
    const annotations = pod.metadata?.annotations
    if (annotations && opts.container === '') {
      const defaultContainer = annotations[DEFAULT_CONTAINER_ANNOTATION] ?? ''
      if (defaultContainer.length > 0) {
        if (!findContainerByName(pod, defaultContainer)) warn(`Default container name "${defaultContainer}" not found in pod ${podName}\n`)
        else opts.container = defaultContainer
      }
    }
    if (opts.container === '') {
      const spec = pod.spec
      opts.container = spec?.containers?.[0]?.name ?? ''
      if ((spec?.containers?.length ?? 0) > 1 || (spec?.initContainers?.length ?? 0) > 0 || (spec?.ephemeralContainers?.length ?? 0) > 0) {
        warn(`Defaulted container "${opts.container}" out of: ${allContainerNames(pod)}\n`)
      }
    }
    const fieldPath = findContainerByName(pod, opts.container)
    if (!fieldPath) return { ok: false, error: `container ${opts.container} is not valid for pod ${podName}` }
    return { ok: true, requests: [{ namespace, podName, fieldPath, options: opts }] }
  }
  const requests: LogRequest[] = []
  const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name)
  for (const name of names) {
    const r = podLogRequests(pod, { ...options, container: name }, false, warn)
    if (!r.ok) return r
    requests.push(...r.requests)
  }
  return { ok: true, requests }
}

/** %T of a typed object kubectl cannot take logs from: every served group's package is "v1". */
function goTypeName(obj: KubeObject): string {
  return `*v1.${obj.kind ?? ''}`
}

/**
 * SelectorsForObject: the namespace and label selector of a workload's pods, or the error
 * kubectl reports for objects without one.
 */
export function selectorsForObject(obj: KubeObject): { ok: true; namespace: string; selector: string } | { ok: false; error: string } {
  const namespace = obj.metadata?.namespace ?? ''
  const spec = (obj.spec ?? {}) as { selector?: LabelSelector | Record<string, string> }
  switch (obj.kind) {
    case 'ReplicaSet':
    case 'Deployment':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job': {
      const s = labelSelectorAsSelectorString(spec.selector as LabelSelector | undefined)
      if (!s.ok) return { ok: false, error: `invalid label selector: ${s.error}` }
      return { ok: true, namespace, selector: s.selector }
    }
    case 'Service': {
      const sel = (spec.selector ?? {}) as Record<string, string>
      if (Object.keys(sel).length === 0) return { ok: false, error: `invalid service '${obj.metadata?.name ?? ''}': Service is defined without a selector` }
      const keys = Object.keys(sel).sort()
      return { ok: true, namespace, selector: keys.map((k) => `${k}=${sel[k]}`).join(',') }
    }
    default:
      return { ok: false, error: `selector for ${goTypeName(obj)} not implemented` }
  }
}

/** The wrapper logsForObjectWithClient puts around SelectorsForObject's error. */
export function cannotGetLogsError(obj: KubeObject, err: string): string {
  return `cannot get the logs from ${goTypeName(obj)}: ${err}`
}

/** podReadyTime: when the Ready condition last turned True; undefined (Go's zero time) otherwise. */
function podReadyTime(pod: Pod): number | undefined {
  const c = (pod.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True')
  return parseTime(c?.lastTransitionTime)
}

function maxContainerRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
}

/** afterOrZero: t1 after t2, or t1 zero while t2 is not. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined
  return t1 > t2
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 }

/**
 * ByLogging.Less: the pod logs are most useful for first. Assigned before unassigned, Running
 * before Unknown before Pending, ready before not, ready longer before ready shorter, more
 * restarts before fewer, older before newer.
 */
export function byLogging(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? ''
  const nb = b.spec?.nodeName ?? ''
  if (na !== nb && (na.length === 0 || nb.length === 0)) return na.length > 0
  const ra = PHASE_RANK[a.status?.phase ?? ''] ?? 0
  const rb = PHASE_RANK[b.status?.phase ?? ''] ?? 0
  if (ra !== rb) return ra < rb
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a)
  if (isPodReady(a) && isPodReady(b)) {
    const t1 = podReadyTime(a)
    const t2 = podReadyTime(b)
    if (t1 !== t2) return afterOrZero(t2, t1)
  }
  if (maxContainerRestarts(a) !== maxContainerRestarts(b)) return maxContainerRestarts(a) > maxContainerRestarts(b)
  const ca = parseTime(a.metadata?.creationTimestamp)
  const cb = parseTime(b.metadata?.creationTimestamp)
  if (ca !== cb) return afterOrZero(cb, ca)
  return false
}

function parseTime(t: string | undefined): number | undefined {
  if (!t) return undefined
  const ms = Date.parse(t)
  return Number.isNaN(ms) ? undefined : ms
}

/** PodLogOptions as URL query parameters (only what is set, as the parameter codec writes them). */
export function logQuery(o: PodLogOptions): Record<string, string> {
  const q: Record<string, string> = {}
  if (o.container) q.container = o.container
  if (o.follow) q.follow = 'true'
  if (o.previous) q.previous = 'true'
  if (o.sinceSeconds !== undefined) q.sinceSeconds = String(o.sinceSeconds)
  if (o.sinceTime !== undefined) q.sinceTime = o.sinceTime
  if (o.timestamps) q.timestamps = 'true'
  if (o.tailLines !== undefined) q.tailLines = String(o.tailLines)
  if (o.limitBytes !== undefined) q.limitBytes = String(o.limitBytes)
  if (o.insecureSkipTLSVerifyBackend) q.insecureSkipTLSVerifyBackend = 'true'
  return q
}
