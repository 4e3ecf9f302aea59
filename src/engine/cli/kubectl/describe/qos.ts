// The QoS class kubectl describe prints: status.qosClass, else computed from the containers.
// Mirrors: kubectl pkg/util/qos/qos.go (GetPodQOS, ComputePodQOS, isSupportedQoSComputeResource).
// Dropped: pod-level resources (an alpha feature in 1.32).

import { addQuantity, cmpQuantity, parseQuantity, quantitySign, type Quantity } from '../../../api/quantity'
import type { Container, Pod } from '../../../api/types'

const SUPPORTED_QOS_COMPUTE_RESOURCES = new Set(['cpu', 'memory'])

/** ComputePodQOS: BestEffort, Guaranteed (every container limits cpu and memory, requests = limits) or Burstable. */
export function computePodQOS(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let isGuaranteed = true
  const all: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  for (const container of all) {
    for (const [name, value] of Object.entries(container.resources?.requests ?? {})) {
      if (!SUPPORTED_QOS_COMPUTE_RESOURCES.has(name)) continue
      const q = parseQuantity(value)
      if (quantitySign(q) > 0) requests.set(name, requests.has(name) ? addQuantity(q, requests.get(name)!) : q)
    }
    const limitsFound = new Set<string>()
    for (const [name, value] of Object.entries(container.resources?.limits ?? {})) {
      if (!SUPPORTED_QOS_COMPUTE_RESOURCES.has(name)) continue
      const q = parseQuantity(value)
      if (quantitySign(q) > 0) {
        limitsFound.add(name)
        limits.set(name, limits.has(name) ? addQuantity(q, limits.get(name)!) : q)
      }
    }
    if (!limitsFound.has('memory') || !limitsFound.has('cpu')) isGuaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name)
      if (!lim || cmpQuantity(lim, req) !== 0) {
        isGuaranteed = false
        break
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}

/** GetPodQOS: the persisted status.qosClass when set. */
export function getPodQOS(pod: Pod): string {
  return pod.status?.qosClass || computePodQOS(pod)
}
