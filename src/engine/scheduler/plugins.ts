// The default profile's filter and score plugins, as pure functions (kube-scheduler
// pkg/scheduler/framework/plugins: nodeunschedulable, tainttoleration, nodeaffinity,
// nodeports, noderesources; scoring by LeastAllocated, BalancedAllocation and a default
// spreading of pods that share an owner). Filters run in upstream order and a node is rejected
// by the first that fails, with upstream's reason text.

import type { Node, Pod } from '../api/types'
import { nonZeroRequests, podRequests, toleratesTaint, type PodRequests } from '../api/podutil'
import { quantityMilliValue, quantityOf, quantityValue } from '../api/quantity'

export interface NodeInfo {
  node: Node
  requested: PodRequests
  nonZeroRequested: PodRequests
  podCount: number
  /** hostPort/protocol pairs in use */
  usedPorts: Set<string>
  /** count of pods per controller owner uid, for spreading */
  ownerCounts: Map<string, number>
  allocatable: { cpu: number; memory: number; pods: number }
}

/**
 * What the PreFilter extension points compute once per scheduling cycle and the per-node
 * Filter and Score calls read (upstream keeps them in the CycleState: noderesources'
 * preFilterState from computePodResourceRequest, nodeports' container ports, nodeaffinity's
 * nodeSelector): without it, the pod's quantities would be parsed again for every node.
 */
export interface PreFilterState {
  requests: PodRequests
  nonZeroRequests: PodRequests
  hostPorts: string[]
  /** spec.nodeSelector's entries. */
  nodeSelector: [string, string][]
}

export function preFilter(pod: Pod): PreFilterState {
  return {
    requests: podRequests(pod),
    nonZeroRequests: nonZeroRequests(pod),
    hostPorts: hostPortsOf(pod),
    nodeSelector: Object.entries(pod.spec?.nodeSelector ?? {}),
  }
}

export interface FilterResult {
  /** Reason text as FitError counts it, e.g. "Insufficient cpu". */
  reasons: string[]
  /** UnschedulableAndUnresolvable: preemption cannot help. */
  unresolvable: boolean
}

export function allocatableOf(node: Node): NodeInfo['allocatable'] {
  const a = node.status?.allocatable ?? {}
  return {
    cpu: a.cpu !== undefined ? Number(quantityMilliValue(quantityOf(String(a.cpu)))) : 0,
    memory: a.memory !== undefined ? Number(quantityValue(quantityOf(String(a.memory)))) : 0,
    pods: a.pods !== undefined ? Number(quantityValue(quantityOf(String(a.pods)))) : 110,
  }
}

function nodeUnschedulable(pod: Pod, info: NodeInfo, _state: PreFilterState): FilterResult | undefined {
  if (!info.node.spec?.unschedulable) return undefined
  const tolerated = toleratesTaint(pod.spec?.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })
  return tolerated ? undefined : { reasons: ['node(s) were unschedulable'], unresolvable: true }
}

function taintToleration(pod: Pod, info: NodeInfo, _state: PreFilterState): FilterResult | undefined {
  for (const taint of info.node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
    if (!toleratesTaint(pod.spec?.tolerations, taint)) {
      return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true }
    }
  }
  return undefined
}

function matchesNodeSelectorTerms(node: Node, terms: { matchExpressions?: { key: string; operator: string; values?: string[] }[]; matchFields?: { key: string; operator: string; values?: string[] }[] }[]): boolean {
  const labels = node.metadata?.labels ?? {}
  return terms.some((term) => {
    const exprs = term.matchExpressions ?? []
    const fields = term.matchFields ?? []
    if (!exprs.length && !fields.length) return false
    const ok = (value: string | undefined, op: string, values: string[] = []) => {
      switch (op) {
        case 'In':
          return value !== undefined && values.includes(value)
        case 'NotIn':
          return value === undefined || !values.includes(value)
        case 'Exists':
          return value !== undefined
        case 'DoesNotExist':
          return value === undefined
        case 'Gt':
          return value !== undefined && Number(value) > Number(values[0])
        case 'Lt':
          return value !== undefined && Number(value) < Number(values[0])
        default:
          return false
      }
    }
    return (
      exprs.every((e) => ok(labels[e.key], e.operator, e.values)) &&
      fields.every((f) => ok(f.key === 'metadata.name' ? node.metadata?.name : undefined, f.operator, f.values))
    )
  })
}

function nodeAffinity(pod: Pod, info: NodeInfo, state: PreFilterState): FilterResult | undefined {
  const labels = info.node.metadata?.labels ?? {}
  let ok = state.nodeSelector.every(([k, v]) => labels[k] === v)
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (ok && required) ok = matchesNodeSelectorTerms(info.node, required.nodeSelectorTerms ?? [])
  return ok ? undefined : { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true }
}

export function hostPortsOf(pod: Pod): string[] {
  const out: string[] = []
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`)
  }
  return out
}

function nodePorts(_pod: Pod, info: NodeInfo, state: PreFilterState): FilterResult | undefined {
  const conflict = state.hostPorts.some((p) => info.usedPorts.has(p))
  return conflict ? { reasons: ["node(s) didn't have free ports for the requested pod ports"], unresolvable: false } : undefined
}

function nodeResourcesFit(_pod: Pod, info: NodeInfo, state: PreFilterState): FilterResult | undefined {
  const req = state.requests
  const reasons: string[] = []
  if (info.podCount + 1 > info.allocatable.pods) reasons.push('Too many pods')
  if (req.cpu > 0 && req.cpu > info.allocatable.cpu - info.requested.cpu) reasons.push('Insufficient cpu')
  if (req.memory > 0 && req.memory > info.allocatable.memory - info.requested.memory) reasons.push('Insufficient memory')
  return reasons.length ? { reasons, unresolvable: false } : undefined
}

const FILTERS = [nodeUnschedulable, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit]

export function runFilterPlugins(pod: Pod, info: NodeInfo, state: PreFilterState = preFilter(pod)): FilterResult | undefined {
  for (const f of FILTERS) {
    const r = f(pod, info, state)
    if (r) return r
  }
  return undefined
}

const MAX_NODE_SCORE = 100

/** Sum of weighted scores: LeastAllocated (1), BalancedAllocation (1), spreading of siblings (2). */
export function runScorePlugins(
  pod: Pod,
  info: NodeInfo,
  ownerUid: string | undefined,
  maxOwnerCount: number,
  state: PreFilterState = preFilter(pod),
): number {
  const req = state.nonZeroRequests
  const cpuCap = info.allocatable.cpu || 1
  const memCap = info.allocatable.memory || 1
  const cpuFrac = Math.min(1, (info.nonZeroRequested.cpu + req.cpu) / cpuCap)
  const memFrac = Math.min(1, (info.nonZeroRequested.memory + req.memory) / memCap)
  const leastAllocated = Math.floor((((1 - cpuFrac) + (1 - memFrac)) / 2) * MAX_NODE_SCORE)
  const balanced = Math.floor((1 - Math.abs(cpuFrac - memFrac) / 2) * MAX_NODE_SCORE)
  let spread = MAX_NODE_SCORE
  if (ownerUid && maxOwnerCount > 0) {
    const n = info.ownerCounts.get(ownerUid) ?? 0
    spread = Math.floor(((maxOwnerCount - n) / maxOwnerCount) * MAX_NODE_SCORE)
  }
  return leastAllocated + balanced + 2 * spread
}

/** FitError.Error(): "0/3 nodes are available: 1 node(s) had ..., 2 Insufficient cpu. preemption: ..." */
export function fitErrorMessage(numNodes: number, results: FilterResult[]): string {
  const counts = new Map<string, number>()
  const preemption = new Map<string, number>()
  for (const r of results) {
    for (const reason of r.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1)
    const p = r.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'
    preemption.set(p, (preemption.get(p) ?? 0) + 1)
  }
  const fmt = (m: Map<string, number>) =>
    [...m.entries()]
      .map(([reason, n]) => `${n} ${reason}`)
      .sort()
      .join(', ')
  const head = numNodes === 0 ? `0/0 nodes are available` : `0/${numNodes} nodes are available: ${fmt(counts)}`
  if (numNodes === 0) return `no nodes available to schedule pods`
  return `${head}. preemption: 0/${numNodes} nodes are available: ${fmt(preemption)}.`
}
