// Pod resource totals for `kubectl describe node` and env values from resourceFieldRef.
// Mirrors: kubectl pkg/util/resource/resource.go (PodRequestsAndLimits, podRequests, podLimits,
// addResourceList, maxResourceList, ExtractContainerResourceValue, IsHugePageResourceName,
// IsStandardContainerResourceName).
// Dropped: the in-place-resize inputs (containerStatuses[].resources / status.resize), which
// the 1.32 kubelet only fills with the alpha InPlacePodVerticalScaling gate on.

import { addQuantity, cmpQuantity, parseQuantity, quantityMilliValue, quantityValue, ZERO_QUANTITY, type Quantity } from '../../../api/quantity'
import type { Container, Pod } from '../../../api/types'

export type ResourceList = Map<string, Quantity>

function toList(raw: Readonly<Record<string, string>> | undefined): ResourceList {
  return new Map(Object.entries(raw ?? {}).map(([k, v]) => [k, parseQuantity(v)]))
}

/** addResourceList: list += add, per resource (a first entry is copied as is, string cache included). */
function addResourceList(list: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) list.set(name, list.has(name) ? addQuantity(list.get(name)!, q) : q)
}

/** maxResourceList: list = max(list, other), per resource. */
function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const cur = list.get(name)
    if (!cur || cmpQuantity(q, cur) > 0) list.set(name, q)
  }
}

const isSidecar = (c: Container): boolean => c.restartPolicy === 'Always'

function podRequests(pod: Pod): ResourceList {
  const reqs: ResourceList = new Map()
  for (const c of pod.spec?.containers ?? []) addResourceList(reqs, toList(c.resources?.requests))
  const restartableInitContainerReqs: ResourceList = new Map()
  const initContainerReqs: ResourceList = new Map()
  for (const c of pod.spec?.initContainers ?? []) {
    let containerReqs = toList(c.resources?.requests)
    if (isSidecar(c)) {
      addResourceList(reqs, containerReqs)
      addResourceList(restartableInitContainerReqs, containerReqs)
      containerReqs = new Map(restartableInitContainerReqs)
    } else {
      const tmp: ResourceList = new Map()
      addResourceList(tmp, containerReqs)
      addResourceList(tmp, restartableInitContainerReqs)
      containerReqs = tmp
    }
    maxResourceList(initContainerReqs, containerReqs)
  }
  maxResourceList(reqs, initContainerReqs)
  if (pod.spec?.overhead) addResourceList(reqs, toList(pod.spec.overhead))
  return reqs
}

function podLimits(pod: Pod): ResourceList {
  const limits: ResourceList = new Map()
  for (const c of pod.spec?.containers ?? []) addResourceList(limits, toList(c.resources?.limits))
  const restartableInitContainerLimits: ResourceList = new Map()
  const initContainerLimits: ResourceList = new Map()
  for (const c of pod.spec?.initContainers ?? []) {
    let containerLimits = toList(c.resources?.limits)
    if (isSidecar(c)) {
      addResourceList(limits, containerLimits)
      addResourceList(restartableInitContainerLimits, containerLimits)
      containerLimits = new Map(restartableInitContainerLimits)
    } else {
      const tmp: ResourceList = new Map()
      addResourceList(tmp, containerLimits)
      addResourceList(tmp, restartableInitContainerLimits)
      containerLimits = tmp
    }
    maxResourceList(initContainerLimits, containerLimits)
  }
  maxResourceList(limits, initContainerLimits)
  // overhead is added only to limits that are set
  for (const [name, q] of toList(pod.spec?.overhead)) {
    if (limits.has(name)) limits.set(name, addQuantity(limits.get(name)!, q))
  }
  return limits
}

/** PodRequestsAndLimits: all containers summed, init containers as a floor, plus overhead. */
export function podRequestsAndLimits(pod: Pod): { reqs: ResourceList; limits: ResourceList } {
  return { reqs: podRequests(pod), limits: podLimits(pod) }
}

/** ResourceList lookup with Go's zero Quantity for a missing entry. */
export function resourceOf(list: ResourceList, name: string): Quantity {
  return list.get(name) ?? ZERO_QUANTITY
}

export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-')
}

/** IsStandardContainerResourceName: cpu, memory, ephemeral-storage and hugepages-*. */
export function isStandardContainerResourceName(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || isHugePageResourceName(name)
}

/**
 * ExtractContainerResourceValue for a resourceFieldRef env var: the ceiling of the value in
 * units of the divisor. Undefined for an unsupported resource (upstream returns an error).
 */
export function extractContainerResourceValue(
  ref: { resource: string; divisor?: string },
  container: Container,
): string | undefined {
  let divisor = ref.divisor === undefined ? ZERO_QUANTITY : parseQuantity(ref.divisor)
  if (cmpQuantity(ZERO_QUANTITY, divisor) === 0) divisor = parseQuantity('1')
  const limits = toList(container.resources?.limits)
  const requests = toList(container.resources?.requests)
  const cpu = (q: Quantity): string => String(Math.ceil(Number(quantityMilliValue(q)) / Number(quantityMilliValue(divisor))))
  const bytes = (q: Quantity): string => String(Math.ceil(Number(quantityValue(q)) / Number(quantityValue(divisor))))
  switch (ref.resource) {
    case 'limits.cpu':
      return cpu(resourceOf(limits, 'cpu'))
    case 'limits.memory':
      return bytes(resourceOf(limits, 'memory'))
    case 'limits.ephemeral-storage':
      return bytes(resourceOf(limits, 'ephemeral-storage'))
    case 'requests.cpu':
      return cpu(resourceOf(requests, 'cpu'))
    case 'requests.memory':
      return bytes(resourceOf(requests, 'memory'))
    case 'requests.ephemeral-storage':
      return bytes(resourceOf(requests, 'ephemeral-storage'))
  }
  for (const [prefix, list] of [['requests.', requests], ['limits.', limits]] as const) {
    if (ref.resource.startsWith(prefix)) {
      const name = ref.resource.slice(prefix.length)
      if (isHugePageResourceName(name)) return bytes(resourceOf(list, name))
    }
  }
  return undefined
}
