// `kubectl describe node`.
// Mirrors: kubectl 1.32 pkg/describe/describe.go describeNode, describeNodeLease,
// describeNodeResource, getPodsTotalRequestsAndLimits (NodeDescriber.Describe does the
// fetching: the caller passes the node's non-terminated pods, i.e. spec.nodeName=<node>,
// phase not Succeeded/Failed, in API order; its events; and its Lease from kube-node-lease).
// Kept: percentages are float64 divisions truncated by int64(), including Go's amd64 result for
// a division by a zero allocatable (-9223372036854775808%) in the per-pod rows.

import { translateTimestampSince } from '../../../api/duration'
import { findNodeRoles } from '../../../api/printers/node'
import { compareGoStrings } from '../../../api/printers/helpers'
import {
  addQuantity,
  parseQuantity,
  quantityMilliValue,
  quantityString,
  quantityValue,
  type Quantity,
} from '../../../api/quantity'
import type { Event, Lease, Node, Pod } from '../../../api/types'
import {
  formatRFC1123Z,
  LEVEL_0,
  LEVEL_1,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printNodeTaintsMultiline,
  tabbedString,
  type PrefixWriter,
} from './describe'
import { describeEvents } from './events'
import { isHugePageResourceName, isStandardContainerResourceName, podRequestsAndLimits, resourceOf, type ResourceList } from './resourceHelper'

/** Go's int64(float64) on amd64: NaN, infinities and out-of-range values become MinInt64. */
function goInt64(f: number): string {
  if (!Number.isFinite(f) || f >= 9223372036854775807 || f < -9223372036854775808) return '-9223372036854775808'
  return String(Math.trunc(f))
}

function percent(num: bigint, den: bigint): string {
  return goInt64((Number(num) / Number(den)) * 100)
}

function describeNodeLease(lease: Lease, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Lease:\n')
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`)
  w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? formatRFC1123Z(lease.spec.acquireTime) : '<unset>'}\n`)
  w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? formatRFC1123Z(lease.spec.renewTime) : '<unset>'}\n`)
}

function toList(raw: Readonly<Record<string, string>> | undefined): ResourceList {
  return new Map(Object.entries(raw ?? {}).map(([k, v]) => [k, parseQuantity(v)]))
}

function totalRequestsAndLimits(pods: readonly Pod[]): { reqs: ResourceList; limits: ResourceList } {
  const reqs: ResourceList = new Map()
  const limits: ResourceList = new Map()
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod)
    for (const [name, q] of r.reqs) reqs.set(name, reqs.has(name) ? addQuantity(reqs.get(name)!, q) : q)
    for (const [name, q] of r.limits) limits.set(name, limits.has(name) ? addQuantity(limits.get(name)!, q) : q)
  }
  return { reqs, limits }
}

function describeNodeResource(pods: readonly Pod[], node: Node, nowMs: number, w: PrefixWriter): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const allocatable = toList(Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity)
  const allocCpuMilli = quantityMilliValue(resourceOf(allocatable, 'cpu'))
  const allocMemory = quantityValue(resourceOf(allocatable, 'memory'))

  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod)
    const cpuReq = resourceOf(reqs, 'cpu')
    const cpuLimit = resourceOf(limits, 'cpu')
    const memoryReq = resourceOf(reqs, 'memory')
    const memoryLimit = resourceOf(limits, 'memory')
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t` +
        `${quantityString(cpuReq)} (${percent(quantityMilliValue(cpuReq), allocCpuMilli)}%)\t` +
        `${quantityString(cpuLimit)} (${percent(quantityMilliValue(cpuLimit), allocCpuMilli)}%)\t` +
        `${quantityString(memoryReq)} (${percent(quantityValue(memoryReq), allocMemory)}%)\t` +
        `${quantityString(memoryLimit)} (${percent(quantityValue(memoryLimit), allocMemory)}%)\t` +
        `${translateTimestampSince(pod.metadata?.creationTimestamp, nowMs)}\n`,
    )
  }

  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  const { reqs, limits } = totalRequestsAndLimits(pods)
  // The totals guard against a zero allocatable (the per-pod rows above do not).
  const row = (name: string, req: Quantity, limit: Quantity, value: (q: Quantity) => bigint, alloc: bigint): void => {
    const fr = alloc !== 0n ? percent(value(req), alloc) : '0'
    const fl = alloc !== 0n ? percent(value(limit), alloc) : '0'
    w.write(LEVEL_1, `${name}\t${quantityString(req)} (${fr}%)\t${quantityString(limit)} (${fl}%)\n`)
  }
  row('cpu', resourceOf(reqs, 'cpu'), resourceOf(limits, 'cpu'), quantityMilliValue, allocCpuMilli)
  row('memory', resourceOf(reqs, 'memory'), resourceOf(limits, 'memory'), quantityValue, allocMemory)
  row(
    'ephemeral-storage',
    resourceOf(reqs, 'ephemeral-storage'),
    resourceOf(limits, 'ephemeral-storage'),
    quantityValue,
    quantityValue(resourceOf(allocatable, 'ephemeral-storage')),
  )

  const extResources: string[] = []
  const hugePageResources: string[] = []
  for (const name of allocatable.keys()) {
    if (isHugePageResourceName(name)) hugePageResources.push(name)
    else if (!isStandardContainerResourceName(name) && name !== 'pods') extResources.push(name)
  }
  extResources.sort(compareGoStrings)
  hugePageResources.sort(compareGoStrings)
  for (const name of hugePageResources) {
    row(name, resourceOf(reqs, name), resourceOf(limits, name), quantityValue, quantityValue(resourceOf(allocatable, name)))
  }
  for (const name of extResources) {
    w.write(LEVEL_1, `${name}\t${quantityString(resourceOf(reqs, name))}\t${quantityString(resourceOf(limits, name))}\n`)
  }
}

export interface DescribeNodeOptions {
  /** The node's Lease in kube-node-lease; null prints the "not found" error kubectl would get. */
  lease?: Lease | null
  /** False when the user may not list pods ("Pods:  not authorized"). */
  canViewPods?: boolean
}

/**
 * describeNode: the whole `kubectl describe node` text. `events` null means
 * --show-events=false.
 */
export function describeNode(node: Node, pods: readonly Pod[], events: readonly Event[] | null, nowMs: number, options: DescribeNodeOptions = {}): string {
  return tabbedString((w) => {
    const meta = node.metadata ?? {}
    const status = node.status ?? {}
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    const roles = findNodeRoles(node)
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`)
    printNodeTaintsMultiline(w, 'Taints', node.spec?.taints)
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`)

    if (options.lease) describeNodeLease(options.lease, w)
    else w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${meta.name ?? ''}" not found\n`)

    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        )
      }
    }

    w.write(LEVEL_0, 'Addresses:\n')
    for (const address of status.addresses ?? []) w.write(LEVEL_1, `${address.type}:\t${address.address}\n`)

    const printResourceList = (list: Readonly<Record<string, string>>): void => {
      for (const name of Object.keys(list).sort(compareGoStrings)) {
        w.write(LEVEL_0, `  ${name}:\t${quantityString(parseQuantity(list[name]))}\n`)
      }
    }
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n')
      printResourceList(status.capacity ?? {})
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n')
      printResourceList(status.allocatable ?? {})
    }

    const info = status.nodeInfo
    w.write(LEVEL_0, 'System Info:\n')
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`)
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`)
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`)
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`)
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`)
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`)
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`)
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`)
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`)
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`)

    // remove when .PodCIDR is deprecated (upstream comment)
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`)
    if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`)
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`)
    if (options.canViewPods === false) w.write(LEVEL_0, 'Pods:\tnot authorized\n')
    else describeNodeResource(pods, node, nowMs, w)
    if (events) describeEvents(events, nowMs, w)
  })
}
