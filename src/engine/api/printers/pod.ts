// The pods table: NAME READY STATUS RESTARTS AGE (+ IP NODE NOMINATED NODE READINESS GATES).
// Mirrors: kubernetes pkg/printers/internalversion/printers.go printPod, hasPodReadyCondition,
// isPodInitializedConditionTrue, and podutil.IsRestartableInitContainer.
// Dropped: the row `conditions` (Completed for Succeeded/Failed pods): our TableRow type has no
// such field and kubectl 1.32 does not use it when printing.

import { humanDuration, parseTimestamp, translateTimestampSince } from '../duration'
import type { Container, Pod, PodCondition, PodStatus } from '../types'
import { ageColumn, column, nameColumn, SWAGGER_DOC } from './columns'
import type { Cell, TableHandler } from './handler'

/** node.NodeUnreachablePodReason: set by the node lifecycle controller on unreachable nodes. */
export const NODE_UNREACHABLE_POD_REASON = 'NodeLost'

export const podColumnDefinitions = [
  nameColumn(),
  column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'string', 'The aggregate status of the containers in this pod.'),
  column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  ageColumn(),
  column('IP', 'string', SWAGGER_DOC['PodStatus.podIP'], 1),
  column('Node', 'string', SWAGGER_DOC['PodSpec.nodeName'], 1),
  column('Nominated Node', 'string', SWAGGER_DOC['PodStatus.nominatedNodeName'], 1),
  column('Readiness Gates', 'string', SWAGGER_DOC['PodSpec.readinessGates'], 1),
]

/** A sidecar: an init container with restartPolicy Always. */
export function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always'
}

function hasPodReadyCondition(conditions: readonly PodCondition[] | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}

function isPodInitializedConditionTrue(status: PodStatus | undefined): boolean {
  return (status?.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True')
}

/** The later of two times, Go `if last.Before(&t) { last = t }` (a zero time never wins). */
function later(last: number | undefined, finishedAt: string | undefined): number | undefined {
  const t = parseTimestamp(finishedAt)
  if (t === undefined) return last
  return last === undefined || last < t ? t : last
}

/**
 * printPod: READY, STATUS (the reason logic below is kubectl's, line for line), RESTARTS with
 * "(95s ago)" when a last termination time is known, AGE, then the wide cells.
 */
export function printPod(pod: Pod, nowMs: number): Cell[] {
  const spec = pod.spec
  const status = pod.status ?? {}
  let restarts = 0
  let restartableInitContainerRestarts = 0
  let totalContainers = spec?.containers?.length ?? 0
  let readyContainers = 0
  let lastRestartDate: number | undefined
  let lastRestartableInitContainerRestartDate: number | undefined

  const podPhase = status.phase ?? ''
  let reason: string = podPhase
  if (status.reason) reason = status.reason

  // A Pod carrying {type: PodScheduled, reason: SchedulingGated} shows SchedulingGated.
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated'
  }

  const initContainers = new Map<string, Container>()
  for (const c of spec?.initContainers ?? []) {
    initContainers.set(c.name, c)
    if (isRestartableInitContainer(c)) totalContainers++
  }

  let initializing = false
  const initStatuses = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i]
    restarts += container.restartCount ?? 0
    lastRestartDate = later(lastRestartDate, container.lastState?.terminated?.finishedAt)
    const restartable = isRestartableInitContainer(initContainers.get(container.name))
    if (restartable) {
      restartableInitContainerRestarts += container.restartCount ?? 0
      lastRestartableInitContainerRestartDate = later(lastRestartableInitContainerRestartDate, container.lastState?.terminated?.finishedAt)
    }
    const terminated = container.state?.terminated
    const waiting = container.state?.waiting
    if (terminated && terminated.exitCode === 0) {
      continue
    } else if (restartable && container.started === true) {
      if (container.ready) readyContainers++
      continue
    } else if (terminated) {
      // initialization failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`
      } else {
        reason = 'Init:' + terminated.reason
      }
      initializing = true
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = 'Init:' + waiting.reason
      initializing = true
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`
      initializing = true
    }
    break
  }

  if (!initializing || isPodInitializedConditionTrue(status)) {
    restarts = restartableInitContainerRestarts
    lastRestartDate = lastRestartableInitContainerRestartDate
    let hasRunning = false
    const statuses = status.containerStatuses ?? []
    // Last to first: the first container with a reason wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]
      restarts += container.restartCount ?? 0
      lastRestartDate = later(lastRestartDate, container.lastState?.terminated?.finishedAt)
      const waiting = container.state?.waiting
      const terminated = container.state?.terminated
      if (waiting && waiting.reason) {
        reason = waiting.reason
      } else if (terminated && terminated.reason) {
        reason = terminated.reason
      } else if (terminated && !terminated.reason) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`
      } else if (container.ready && container.state?.running) {
        hasRunning = true
        readyContainers++
      }
    }
    // Back to "Running" if at least one container still runs.
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(status.conditions) ? 'Running' : 'NotReady'
    }
  }

  const deleting = !!pod.metadata?.deletionTimestamp
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown'
  } else if (deleting && podPhase !== 'Succeeded' && podPhase !== 'Failed') {
    reason = 'Terminating'
  }

  let restartsStr = String(restarts)
  if (restarts !== 0 && lastRestartDate !== undefined) {
    restartsStr = `${restarts} (${humanDuration(nowMs - lastRestartDate)} ago)`
  }

  const cells: Cell[] = [
    pod.metadata?.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsStr,
    translateTimestampSince(pod.metadata?.creationTimestamp, nowMs),
  ]

  // Wide cells (the apiserver always generates them; kubectl hides priority-1 columns).
  const podIP = status.podIPs?.[0]?.ip || '<none>'
  const nodeName = spec?.nodeName || '<none>'
  const nominatedNodeName = status.nominatedNodeName || '<none>'
  let readinessGates = '<none>'
  const gates = spec?.readinessGates ?? []
  if (gates.length > 0) {
    let trueConditions = 0
    for (const gate of gates) {
      const condition = (status.conditions ?? []).find((c) => c.type === gate.conditionType)
      if (condition?.status === 'True') trueConditions++
    }
    readinessGates = `${trueConditions}/${gates.length}`
  }
  cells.push(podIP, nodeName, nominatedNodeName, readinessGates)
  return cells
}

export const podTableHandler: TableHandler<Pod> = { columns: podColumnDefinitions, printRow: printPod }
