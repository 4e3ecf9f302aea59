import { describe, it, expect } from 'vitest'
import { COLUMNS, HEADER_H, MACHINE_GAP, MACHINE_W, PAD, POD_H, POD_W, GAP, UNSCHEDULED, assignSlots, layoutCluster, type ClusterModel, type PodInput } from './layout'

const machines = [
  { uid: 'n3', name: 'kind-worker2' },
  { uid: 'n1', name: 'kind-control-plane' },
  { uid: 'n2', name: 'kind-worker' },
]
const pod = (uid: string, name: string, nodeName: string, namespace = 'kube-system'): PodInput => ({ uid, name, namespace, nodeName })

describe('layoutCluster', () => {
  it('puts machines side by side sorted by name, parents before their pods', () => {
    const model: ClusterModel = { machines, pods: [pod('p1', 'etcd-kind-control-plane', 'kind-control-plane')] }
    const l = layoutCluster(model, {})
    expect(l.nodes.map((n) => [n.id, n.type, n.x])).toEqual([
      ['n1', 'machine', 0],
      ['n2', 'machine', MACHINE_W + MACHINE_GAP],
      ['n3', 'machine', 2 * (MACHINE_W + MACHINE_GAP)],
      ['p1', 'pod', PAD],
    ])
    expect(l.nodes[3]).toMatchObject({ parentId: 'n1', y: HEADER_H + PAD, width: POD_W, height: POD_H })
    expect(l.width).toBe(3 * MACHINE_W + 2 * MACHINE_GAP)
  })

  it('fills a grid in namespace/name order on the first layout', () => {
    const pods = [
      pod('a', 'kube-proxy-x', 'kind-worker'),
      pod('b', 'nginx', 'kind-worker', 'default'),
      pod('c', 'kindnet-y', 'kind-worker'),
    ]
    const l = layoutCluster({ machines, pods }, {})
    expect(l.slots).toEqual({ b: { host: 'n2', slot: 0 }, c: { host: 'n2', slot: 1 }, a: { host: 'n2', slot: 2 } })
    const c = l.nodes.find((n) => n.id === 'c')!
    expect([c.x, c.y]).toEqual([PAD + POD_W + GAP, HEADER_H + PAD])
    const a = l.nodes.find((n) => n.id === 'a')!
    expect([a.x, a.y]).toEqual([PAD, HEADER_H + PAD + POD_H + GAP])
  })

  it('keeps existing pods in place when one comes and one goes', () => {
    const first = layoutCluster({ machines, pods: [pod('a', 'a', 'kind-worker'), pod('b', 'b', 'kind-worker'), pod('c', 'c', 'kind-worker')] }, {})
    // b goes, a newcomer whose name sorts first arrives: it takes b's free slot, a and c stay.
    const second = layoutCluster({ machines, pods: [pod('a', 'a', 'kind-worker'), pod('c', 'c', 'kind-worker'), pod('z', '0-first', 'kind-worker')] }, first.slots)
    expect(second.slots).toEqual({ a: { host: 'n2', slot: 0 }, z: { host: 'n2', slot: 1 }, c: { host: 'n2', slot: 2 } })
  })

  it('puts pods without a known node in an Unscheduled lane after the machines', () => {
    const l = layoutCluster({ machines, pods: [pod('p', 'nginx', '', 'default'), pod('q', 'ghost', 'no-such-node')] }, {})
    const lane = l.nodes.find((n) => n.id === UNSCHEDULED)!
    expect(lane).toMatchObject({ type: 'lane', x: 3 * (MACHINE_W + MACHINE_GAP) })
    expect(l.nodes.filter((n) => n.parentId === UNSCHEDULED).map((n) => n.id)).toEqual(['p', 'q'])
  })

  it('moves a pod from the lane into its machine once scheduled', () => {
    const before = layoutCluster({ machines, pods: [pod('p', 'nginx', '', 'default')] }, {})
    const after = layoutCluster({ machines, pods: [pod('p', 'nginx', 'kind-worker2', 'default')] }, before.slots)
    expect(after.slots.p).toEqual({ host: 'n3', slot: 0 })
    expect(after.nodes.some((n) => n.id === UNSCHEDULED)).toBe(false)
  })

  it('gives every machine the height of the fullest one', () => {
    const pods = Array.from({ length: 5 }, (_, i) => pod(`p${i}`, `p${i}`, 'kind-control-plane'))
    const l = layoutCluster({ machines, pods }, {})
    const rows = Math.ceil(5 / COLUMNS)
    const h = HEADER_H + 2 * PAD + rows * POD_H + (rows - 1) * GAP
    expect(l.nodes.filter((n) => n.type === 'machine').map((n) => n.height)).toEqual([h, h, h])
    expect(l.height).toBe(h)
  })

  it('is deterministic', () => {
    const model = { machines, pods: [pod('a', 'x', 'kind-worker'), pod('b', 'y', 'kind-worker2')] }
    expect(layoutCluster(model, {})).toEqual(layoutCluster(model, {}))
  })
})

describe('assignSlots', () => {
  it('reassigns a pod that moved to another host', () => {
    const slots = assignSlots({ machines, pods: [pod('a', 'a', 'kind-worker2')] }, { a: { host: 'n2', slot: 3 } })
    expect(slots).toEqual({ a: { host: 'n3', slot: 0 } })
  })
})
