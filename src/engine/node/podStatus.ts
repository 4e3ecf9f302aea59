// Pure: the pod status a kubelet reports for its containers' states.
// Mirrors pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase, convertToAPIContainerStatuses'
// default waiting states), pkg/kubelet/status/generate.go (GeneratePodInitializedCondition,
// GeneratePodReadyCondition, GenerateContainersReadyCondition and the terminal-phase variants) and
// status_manager.go TerminatePod (containers never seen running end as ContainerStatusUnknown).
// Conditions are written in the kubelet's order: PodReadyToStartContainers, Initialized, Ready,
// ContainersReady, PodScheduled.
// Left out: restartable init containers (sidecars, `restartPolicy: Always` on an init container),
// readiness gates and probes (a running container is ready), ephemeral containers, resize status.

import type { ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types'

export interface ContainerRuntimeState {
  name: string
  image: string
  imageID: string
  containerID: string
  state: ContainerStatus['state']
  lastState: ContainerStatus['lastState']
  restartCount: number
  ready: boolean
  started: boolean
}

/** status.PodCompleted, status.PodFailed, status.ContainersNotReady, status.ContainersNotInitialized. */
const PodCompleted = 'PodCompleted'
const PodFailed = 'PodFailed'
const ContainersNotReady = 'ContainersNotReady'
const ContainersNotInitialized = 'ContainersNotInitialized'

/** The message status_manager.go TerminatePod gives containers that never reached a terminated state. */
export const CONTAINER_STATUS_UNKNOWN_MESSAGE = 'The container could not be located when the pod was terminated'

/** Go's %s of a []string: "[a b]". */
function goList(names: readonly string[]): string {
  return `[${names.join(' ')}]`
}

/** kubecontainer.HasAnyRegularContainerStarted: a regular container is running or has terminated. */
function hasAnyRegularContainerStarted(states: readonly ContainerRuntimeState[]): boolean {
  return states.some((s) => s.state?.running || s.state?.terminated)
}

/**
 * getPhase (kubelet_pods.go), for regular init containers and containers. `podIsTerminal` is
 * set while the pod worker terminates the pod: its containers will not be restarted, so a pod
 * whose containers all stopped is Succeeded or Failed whatever its restart policy (not for static pods).
 */
export function getPhase(pod: Pod, init: readonly ContainerRuntimeState[], states: readonly ContainerRuntimeState[], podIsTerminal = false, isStatic = false): PodStatus['phase'] {
  const spec = pod.spec
  let pendingInitialization = 0
  let failedInitialization = 0
  for (const c of spec?.initContainers ?? []) {
    const s = init.find((x) => x.name === c.name)
    if (!s) {
      pendingInitialization++
      continue
    }
    if (s.state?.running) pendingInitialization++
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInitialization++
      } else pendingInitialization++
    } else pendingInitialization++
  }
  let unknown = 0
  let running = 0
  let waiting = 0
  let stopped = 0
  let succeeded = 0
  for (const c of spec?.containers ?? []) {
    const s = states.find((x) => x.name === c.name)
    if (!s) {
      unknown++
      continue
    }
    if (s.state?.running) running++
    else if (s.state?.terminated) {
      stopped++
      if (s.state.terminated.exitCode === 0) succeeded++
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++
      else waiting++
    } else unknown++
  }
  const restartPolicy = spec?.restartPolicy ?? 'Always'
  if (failedInitialization > 0 && restartPolicy === 'Never') return 'Failed'
  if ((pendingInitialization > 0 && !hasAnyRegularContainerStarted(states)) || waiting > 0) return 'Pending'
  if (running > 0 && unknown === 0) return 'Running'
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal && !isStatic) return stopped === succeeded ? 'Succeeded' : 'Failed'
    if (restartPolicy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (restartPolicy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}

function condition(type: string, ok: boolean, at: string, old: readonly PodCondition[] | undefined, reason?: string, message?: string): PodCondition {
  const prev = old?.find((c) => c.type === type)
  const status = ok ? 'True' : 'False'
  const c: PodCondition = {
    type,
    status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : at,
  }
  if (reason) c.reason = reason
  if (message) c.message = message
  return c
}

/** GeneratePodInitializedCondition: [status, reason, message]. */
function initializedCondition(pod: Pod, init: readonly ContainerRuntimeState[], states: readonly ContainerRuntimeState[], phase: PodStatus['phase']): [boolean, string?, string?] {
  const unknown: string[] = []
  const incomplete: string[] = []
  for (const c of pod.spec?.initContainers ?? []) {
    const s = init.find((x) => x.name === c.name)
    if (!s) unknown.push(c.name)
    else if (!s.ready) incomplete.push(c.name)
  }
  if (phase === 'Succeeded' && unknown.length === 0) return [true, PodCompleted]
  if (hasAnyRegularContainerStarted(states)) return [true]
  const messages: string[] = []
  if (unknown.length) messages.push(`containers with unknown status: ${goList(unknown)}`)
  if (incomplete.length) messages.push(`containers with incomplete status: ${goList(incomplete)}`)
  return messages.length ? [false, ContainersNotInitialized, messages.join(', ')] : [true]
}

/** GenerateContainersReadyCondition (and GeneratePodReadyCondition, which copies it): [status, reason, message]. */
function containersReadyCondition(pod: Pod, states: readonly ContainerRuntimeState[], phase: PodStatus['phase']): [boolean, string?, string?] {
  const unknown: string[] = []
  const unready: string[] = []
  for (const c of pod.spec?.containers ?? []) {
    const s = states.find((x) => x.name === c.name)
    if (!s) unknown.push(c.name)
    else if (!s.ready) unready.push(c.name)
  }
  if (phase === 'Succeeded' && unknown.length === 0) return [false, PodCompleted]
  if (phase === 'Failed') return [false, PodFailed]
  const messages: string[] = []
  if (unknown.length) messages.push(`containers with unknown status: ${goList(unknown)}`)
  if (unready.length) messages.push(`containers with unready status: ${goList(unready)}`)
  return messages.length ? [false, ContainersNotReady, messages.join(', ')] : [true]
}

function toContainerStatus(s: ContainerRuntimeState): ContainerStatus {
  const cs: ContainerStatus = {
    name: s.name,
    image: s.image,
    imageID: s.imageID,
    ready: s.ready,
    restartCount: s.restartCount,
    started: s.started,
    state: s.state,
    lastState: s.lastState ?? {},
  }
  if (s.containerID) cs.containerID = s.containerID
  return cs
}

export interface PodStatusOptions {
  now: string
  sandboxReady: boolean
  hostIP: string
  podIP?: string
  startTime: string
  /** The pod worker is terminating the pod (syncTerminatingPod): no container will be restarted. */
  podIsTerminal?: boolean
  /** A static pod keeps its phase when terminal (kubelet_pods.go TODO #116484). */
  isStatic?: boolean
}

export function computePodStatus(pod: Pod, init: readonly ContainerRuntimeState[], states: readonly ContainerRuntimeState[], opts: PodStatusOptions): PodStatus {
  const old = pod.status?.conditions
  const phase = getPhase(pod, init, states, opts.podIsTerminal, opts.isStatic)
  const done = phase === 'Succeeded' || phase === 'Failed'
  const [initialized, initReason, initMessage] = initializedCondition(pod, init, states, phase)
  const [ready, readyReason, readyMessage] = containersReadyCondition(pod, states, phase)
  const conditions: PodCondition[] = [
    condition('PodReadyToStartContainers', opts.sandboxReady && !done, opts.now, old),
    condition('Initialized', initialized, opts.now, old, initReason, initMessage),
    condition('Ready', ready, opts.now, old, readyReason, readyMessage),
    condition('ContainersReady', ready, opts.now, old, readyReason, readyMessage),
    old?.find((c) => c.type === 'PodScheduled') ?? condition('PodScheduled', true, opts.now, old),
  ]
  // Fields in the order of the Go struct (PodStatus), as the apiserver serializes them.
  const status: PodStatus = { phase, conditions, hostIP: opts.hostIP, hostIPs: [{ ip: opts.hostIP }] }
  if (opts.podIP) {
    status.podIP = opts.podIP
    status.podIPs = [{ ip: opts.podIP }]
  }
  status.startTime = opts.startTime
  if (pod.spec?.initContainers?.length) status.initContainerStatuses = init.map(toContainerStatus)
  status.containerStatuses = states.map(toContainerStatus)
  if (pod.status?.qosClass) status.qosClass = pod.status.qosClass
  return status
}

/**
 * status_manager.go TerminatePod: every container without a terminated state gets
 * ContainerStatusUnknown (exit 137), since whether it succeeded is not known.
 */
export function terminatedState(s: ContainerRuntimeState): ContainerStatus['state'] {
  if (s.state?.terminated) return s.state
  return { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: CONTAINER_STATUS_UNKNOWN_MESSAGE } }
}
