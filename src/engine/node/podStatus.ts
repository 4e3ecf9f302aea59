// Pure: the pod status a kubelet reports for its containers' states (kubelet_pods.go
// generateAPIPodStatus + getPhase, and the status manager's conditions). Conditions are written
// in the kubelet's order: PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled.

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

/** kubelet getPhase for regular containers. */
export function getPhase(pod: Pod, states: ContainerRuntimeState[]): PodStatus['phase'] {
  const policy = pod.spec?.restartPolicy ?? 'Always'
  let waiting = 0
  let running = 0
  let stopped = 0
  let succeeded = 0
  for (const s of states) {
    if (s.state?.running) running++
    else if (s.state?.terminated) {
      stopped++
      if (s.state.terminated.exitCode === 0) succeeded++
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++
      else waiting++
    } else waiting++
  }
  const n = pod.spec?.containers?.length ?? 0
  if (waiting > 0 || states.length < n) return 'Pending'
  if (running > 0) return 'Running'
  if (stopped === n) {
    if (policy === 'Always') return 'Running'
    if (succeeded === n) return 'Succeeded'
    if (policy === 'OnFailure') return 'Running'
    return 'Failed'
  }
  return 'Pending'
}

function cond(type: string, ok: boolean, at: string, old: PodCondition[] | undefined, reason?: string, message?: string): PodCondition {
  const prev = old?.find((c) => c.type === type)
  const status = ok ? 'True' : 'False'
  const c: PodCondition = {
    type,
    status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : at,
  }
  if (!ok && reason) c.reason = reason
  if (!ok && message) c.message = message
  return c
}

export function computePodStatus(
  pod: Pod,
  states: ContainerRuntimeState[],
  opts: { now: string; sandboxReady: boolean; hostIP: string; podIP?: string; startTime: string },
): PodStatus {
  const old = pod.status?.conditions
  const phase = getPhase(pod, states)
  const done = phase === 'Succeeded' || phase === 'Failed'
  const unready = states.filter((s) => !s.ready).map((s) => s.name)
  const allReady = unready.length === 0 && states.length === (pod.spec?.containers?.length ?? 0)
  const reason = done ? 'PodCompleted' : 'ContainersNotReady'
  const message = done ? undefined : `containers with unready status: [${unready.join(' ')}]`
  const conditions: PodCondition[] = [
    cond('PodReadyToStartContainers', opts.sandboxReady && !done, opts.now, old),
    cond('Initialized', true, opts.now, old, done ? 'PodCompleted' : undefined),
    cond('Ready', allReady && !done, opts.now, old, reason, message),
    cond('ContainersReady', allReady && !done, opts.now, old, reason, message),
    old?.find((c) => c.type === 'PodScheduled') ?? cond('PodScheduled', true, opts.now, old),
  ]
  const status: PodStatus = {
    phase,
    conditions,
    hostIP: opts.hostIP,
    hostIPs: [{ ip: opts.hostIP }],
    startTime: opts.startTime,
    containerStatuses: states.map((s) => {
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
    }),
    qosClass: pod.status?.qosClass,
  }
  if (opts.podIP) {
    status.podIP = opts.podIP
    status.podIPs = [{ ip: opts.podIP }]
  }
  if (!status.qosClass) delete status.qosClass
  return status
}
