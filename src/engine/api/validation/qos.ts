// A Pod's QoS class as the apiserver computes it (status.qosClass on create, and the
// "Pod QoS is immutable" check on update).
// Mirrors: kubernetes pkg/apis/core/helper/qos/qos.go (ComputePodQOS, GetPodQOS) at 1.32.
// Left out: pod-level resources (alpha in 1.32).

import type { Pod } from '../types'
import { addQuantity, cmpQuantity, parseQuantity, quantitySign, type Quantity } from '../quantity'

export type PodQOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort'

const SUPPORTED = new Set(['cpu', 'memory'])

function quantity(v: unknown): Quantity | undefined {
  try {
    return parseQuantity(String(v))
  } catch {
    return undefined
  }
}

/** ComputePodQOS over containers and init containers (ephemeral ones cannot set resources). */
export function computePodQOS(pod: Pod): PodQOSClass {
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let isGuaranteed = true
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  for (const c of all) {
    for (const [name, raw] of Object.entries(c.resources?.requests ?? {})) {
      const q = SUPPORTED.has(name) ? quantity(raw) : undefined
      if (!q || quantitySign(q) <= 0) continue
      const prev = requests.get(name)
      requests.set(name, prev ? addQuantity(q, prev) : q)
    }
    const found = new Set<string>()
    for (const [name, raw] of Object.entries(c.resources?.limits ?? {})) {
      const q = SUPPORTED.has(name) ? quantity(raw) : undefined
      if (!q || quantitySign(q) <= 0) continue
      found.add(name)
      const prev = limits.get(name)
      limits.set(name, prev ? addQuantity(q, prev) : q)
    }
    if (!found.has('memory') || !found.has('cpu')) isGuaranteed = false
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

/** GetPodQOS: the stored status.qosClass when set, else computed. */
export function getPodQOS(pod: Pod): PodQOSClass {
  const stored = pod.status?.qosClass
  return stored ? (stored as PodQOSClass) : computePodQOS(pod)
}
