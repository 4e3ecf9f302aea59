// What STATUS a drawn object shows and which colour that status carries (DESIGN.md §6: Running
// green, Pending and ContainerCreating amber, failing red, Terminating and Completed grey). The
// graph, the events list and anything else that colours state use this one module.
//
// podDisplayStatus mirrors kubectl's STATUS column: kubernetes/kubernetes
// pkg/printers/internalversion/printers.go `printPod` (facts §1.4), the reason part only.
// nodeDisplayStatus mirrors `printNode`'s STATUS cell.
import type { ContainerStatus, Node, Pod } from '../state/kube'

/** kubelet's pod reason for a pod whose node stopped answering (node.NodeUnreachablePodReason). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost'

export function podDisplayStatus(pod: Pod): string {
  const status = pod.status ?? {}
  let reason: string = status.phase ?? ''
  if (status.reason) reason = status.reason

  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled')
  if (scheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated'

  const initContainers = pod.spec?.initContainers ?? []
  let initializing = false
  const initStatuses = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!
    const terminated = c.state?.terminated
    const waiting = c.state?.waiting
    const restartable = initContainers.find((s) => s.name === c.name)?.restartPolicy === 'Always'
    if (terminated && terminated.exitCode === 0) continue
    if (restartable && c.started) continue
    if (terminated) {
      if (terminated.reason) reason = `Init:${terminated.reason}`
      else if (terminated.signal) reason = `Init:Signal:${terminated.signal}`
      else reason = `Init:ExitCode:${terminated.exitCode}`
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`
    } else {
      reason = `Init:${i}/${initContainers.length}`
    }
    initializing = true
    break
  }

  const initializedTrue = status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initializedTrue) {
    let hasRunning = false
    const statuses: ContainerStatus[] = status.containerStatuses ?? []
    // printPod walks the containers from the last to the first, so the FIRST container with a
    // reason wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!
      const waiting = c.state?.waiting
      const terminated = c.state?.terminated
      if (waiting?.reason) reason = waiting.reason
      else if (terminated?.reason) reason = terminated.reason
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`
      else if (c.ready && c.state?.running) hasRunning = true
    }
    if (reason === 'Completed' && hasRunning) {
      const hasReady = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
      reason = hasReady ? 'Running' : 'NotReady'
    }
  }

  const phase = status.phase
  if (pod.metadata?.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown'
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating'
  }
  return reason
}

export function nodeDisplayStatus(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')
  let s = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'
  if (node.spec?.unschedulable) s += ',SchedulingDisabled'
  return s
}

/** The four colours of state, plus 'unknown' for what we cannot tell. */
export type StatusTone = 'running' | 'pending' | 'failing' | 'done' | 'unknown'

const PENDING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated', 'NotReady'])
const DONE = new Set(['Terminating', 'Completed', 'Succeeded'])

export function podTone(status: string): StatusTone {
  if (status === 'Running') return 'running'
  if (PENDING.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'pending'
  if (DONE.has(status)) return 'done'
  if (status === '' || status === 'Unknown') return 'unknown'
  // Everything else kubectl can print here is a failure: CrashLoopBackOff, ErrImagePull,
  // ImagePullBackOff, Error, OOMKilled, Evicted, Failed, ExitCode:N, Init:Error, ...
  return 'failing'
}

export function nodeTone(status: string): StatusTone {
  if (status === 'Ready') return 'running'
  if (status.startsWith('Ready,')) return 'pending' // cordoned: healthy but not taking pods
  if (status.startsWith('NotReady')) return 'failing'
  return 'unknown'
}
