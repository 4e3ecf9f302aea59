import { describe, expect, it } from 'vitest'
import { createWorld } from './world'
import type { Node, Pod } from './api/types'
import { isPodReady } from './api/podutil'

function snapshot(seed: number) {
  const world = createWorld({ seed })
  const c = world.cluster!.client('test')
  const nodes = c.list<Node>('nodes').items
  const pods = c.list<Pod>('pods').items
  return { world, nodes, pods }
}

describe('the default kind world', () => {
  it('boots three Ready nodes with the kube-system pods of a kind cluster Running', () => {
    const { nodes, pods } = snapshot(1)
    expect(nodes.map((n) => n.metadata!.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2'])
    expect(nodes.every((n) => n.status!.conditions!.find((x) => x.type === 'Ready')!.status === 'True')).toBe(true)
    const names = pods.map((p) => `${p.metadata!.namespace}/${p.metadata!.name}`)
    for (const n of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
      expect(names).toContain(`kube-system/${n}-kind-control-plane`)
    }
    expect(names.filter((n) => n.startsWith('kube-system/kube-proxy-'))).toHaveLength(3)
    expect(names.filter((n) => n.startsWith('kube-system/kindnet-'))).toHaveLength(3)
    expect(names.filter((n) => n.startsWith('kube-system/coredns-'))).toHaveLength(2)
    expect(pods.every((p) => p.status!.phase === 'Running')).toBe(true)
    expect(pods.filter((p) => !isPodReady(p)).map((p) => p.metadata!.name)).toEqual([])
    expect(pods.every((p) => p.status!.containerStatuses!.every((s) => s.restartCount === 0))).toBe(true)
  })

  it('is deterministic: the same seed gives the same objects', () => {
    const a = snapshot(7)
    const b = snapshot(7)
    expect(JSON.stringify(b.pods)).toBe(JSON.stringify(a.pods))
    expect(a.world.now()).toBe(b.world.now())
  })

  it('schedules a new pod onto a worker and runs it through pull, create and start', () => {
    const { world } = snapshot(3)
    const c = world.cluster!.client('kubectl')
    c.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx', labels: { run: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } })
    world.runUntilIdle()
    let pod = c.get<Pod>('pods', 'default', 'nginx')
    expect(pod.spec!.nodeName).toMatch(/^kind-worker2?$/)
    world.advance(1000)
    pod = c.get<Pod>('pods', 'default', 'nginx')
    expect(pod.status!.containerStatuses![0].state!.waiting!.reason).toBe('ContainerCreating')
    world.advance(15_000)
    pod = c.get<Pod>('pods', 'default', 'nginx')
    expect(pod.status!.phase).toBe('Running')
    expect(pod.status!.podIP).toMatch(/^10\.244\.[12]\.\d+$/)
    // The nodes' own events (kubelet registration, kube-proxy's Starting) live in default too.
    const events = c
      .list('events', 'default')
      .items.map((e) => e as { reason?: string; involvedObject?: { kind?: string } })
      .filter((e) => e.involvedObject?.kind === 'Pod')
      .map((e) => e.reason)
    expect(events).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'])
  })
})
