import { describe, it, expect } from 'vitest'
import type { Node, Pod } from '../api/types'
import { nonZeroRequests, podRequests } from '../api/podutil'
import { allocatableOf, hostPortsOf, preFilter, runFilterPlugins, runScorePlugins, type NodeInfo } from './plugins'

const node = (name: string, extra: { cpu?: string; memory?: string; labels?: Record<string, string>; taint?: boolean; unschedulable?: boolean } = {}): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(extra.labels ?? {}) } },
  spec: {
    ...(extra.taint ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    ...(extra.unschedulable ? { unschedulable: true } : {}),
  },
  status: { allocatable: { cpu: extra.cpu ?? '4', memory: extra.memory ?? '8Gi', pods: '110' } },
})

const info = (n: Node, used: { cpu?: number; memory?: number; ports?: string[] } = {}): NodeInfo => ({
  node: n,
  requested: { cpu: used.cpu ?? 0, memory: used.memory ?? 0 },
  nonZeroRequested: { cpu: used.cpu ?? 0, memory: used.memory ?? 0 },
  podCount: 0,
  usedPorts: new Set(used.ports ?? []),
  ownerCounts: new Map([['rs-1', 2]]),
  allocatable: allocatableOf(n),
})

const pod = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
})

const PODS: Pod[] = [
  pod({}),
  pod({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] }),
  pod({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3', memory: '1Gi' } }, ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
  pod({ initContainers: [{ name: 'i', image: 'busybox', resources: { requests: { cpu: '5' } } }] }),
  pod({ nodeSelector: { disk: 'ssd' } }),
  pod({ tolerations: [{ operator: 'Exists' }], containers: [{ name: 'c', image: 'nginx', resources: { requests: { memory: '9Gi' } } }] }),
]

const NODES: NodeInfo[] = [
  info(node('a')),
  info(node('b', { labels: { disk: 'ssd' } }), { cpu: 1500, memory: 1 << 30, ports: ['TCP/0.0.0.0/8080'] }),
  info(node('cp', { taint: true })),
  info(node('off', { unschedulable: true })),
  info(node('small', { cpu: '500m', memory: '512Mi' })),
]

describe('preFilter', () => {
  it('computes once what the filters and scores computed for every node', () => {
    for (const p of PODS) {
      expect(preFilter(p)).toEqual({
        requests: podRequests(p),
        nonZeroRequests: nonZeroRequests(p),
        hostPorts: hostPortsOf(p),
        nodeSelector: Object.entries(p.spec?.nodeSelector ?? {}),
      })
    }
    expect(preFilter(PODS[3]).requests).toEqual({ cpu: 5000, memory: 0 })
    expect(preFilter(PODS[0]).nonZeroRequests).toEqual({ cpu: 100, memory: 200 * 1024 * 1024 })
  })

  it('gives the same filter and score results as computing per node', () => {
    for (const p of PODS) {
      const state = preFilter(p)
      for (const n of NODES) {
        expect(runFilterPlugins(p, n, state)).toEqual(runFilterPlugins(p, n))
        expect(runScorePlugins(p, n, 'rs-1', 3, state)).toBe(runScorePlugins(p, n, 'rs-1', 3))
      }
    }
  })

  it('filters with upstream reasons', () => {
    const reasons = (p: Pod) => NODES.map((n) => runFilterPlugins(p, n, preFilter(p))?.reasons.join('; ') ?? 'fits')
    expect(reasons(PODS[2])).toEqual([
      'fits',
      "node(s) didn't have free ports for the requested pod ports",
      'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
      'node(s) were unschedulable',
      'Insufficient cpu; Insufficient memory',
    ])
    expect(reasons(PODS[4])).toEqual([
      "node(s) didn't match Pod's node affinity/selector",
      'fits',
      'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
      'node(s) were unschedulable',
      "node(s) didn't match Pod's node affinity/selector",
    ])
    expect(reasons(PODS[5])).toEqual(['Insufficient memory', 'Insufficient memory', 'Insufficient memory', 'Insufficient memory', 'Insufficient memory'])
  })
})
