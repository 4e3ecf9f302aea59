// Pure helpers over Pods (k8s.io/kubernetes pkg/api/v1/pod/util.go and resource helpers).
import type { Pod, Node, Toleration, Taint } from './types'
import { quantityMilliValue, quantityOf, quantityValue } from './quantity'

export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}

export function isNodeReady(node: Node): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}

export interface PodRequests {
  /** millicores */
  cpu: number
  /** bytes */
  memory: number
}

/** Sum of container requests, max'd with init containers (resourcehelper.PodRequests, simplified: no overhead). */
export function podRequests(pod: Pod): PodRequests {
  const sum = { cpu: 0, memory: 0 }
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests ?? {}
    if (r.cpu !== undefined) sum.cpu += Number(quantityMilliValue(quantityOf(String(r.cpu))))
    if (r.memory !== undefined) sum.memory += Number(quantityValue(quantityOf(String(r.memory))))
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = c.resources?.requests ?? {}
    if (r.cpu !== undefined) sum.cpu = Math.max(sum.cpu, Number(quantityMilliValue(quantityOf(String(r.cpu)))))
    if (r.memory !== undefined) sum.memory = Math.max(sum.memory, Number(quantityValue(quantityOf(String(r.memory)))))
  }
  return sum
}

/** The scheduler's non-zero requests for scoring: 100m CPU and 200Mi memory per container that sets none. */
export function nonZeroRequests(pod: Pod): PodRequests {
  let cpu = 0
  let memory = 0
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests ?? {}
    cpu += r.cpu !== undefined ? Number(quantityMilliValue(quantityOf(String(r.cpu)))) : 100
    memory += r.memory !== undefined ? Number(quantityValue(quantityOf(String(r.memory)))) : 200 * 1024 * 1024
  }
  return { cpu, memory }
}

/** v1helper.TolerationsTolerateTaint */
export function toleratesTaint(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false
    if (t.key && t.key !== taint.key) return false
    if (!t.key && t.operator !== 'Exists') return false
    if (t.operator === 'Exists') return true
    return (t.value ?? '') === (taint.value ?? '')
  })
}

export function podFullName(pod: Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`
}
