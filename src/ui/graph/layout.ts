// Cluster view layout: a small, deterministic domain layout instead of a generic graph layout
// library. Machines (Nodes) stand side by side, sorted by name; each holds its pods in a grid.
//
// Stability (STYLE.md §8: "existing positions are reused so nodes do not jump"): a pod keeps
// its grid slot for as long as it stays on the same machine. New pods take the lowest free
// slots in namespace/name order, so the first layout is sorted and later ones only fill in.
// Pods with no (known) node wait in an "Unscheduled" lane to the right of the machines.
// Every machine box has the same height (the tallest one's), so rows line up.

export interface MachineInput {
  uid: string
  name: string
}

export interface PodInput {
  uid: string
  namespace: string
  name: string
  /** spec.nodeName; empty while unscheduled. */
  nodeName: string
}

export interface ClusterModel {
  machines: MachineInput[]
  pods: PodInput[]
}

/** Where each pod sits: host is a machine uid or UNSCHEDULED. */
export type Slots = Record<string, { host: string; slot: number }>

export const UNSCHEDULED = 'lane:unscheduled'

export const POD_W = 180
export const POD_H = 58
export const GAP = 8
export const PAD = 12
export const HEADER_H = 64
export const COLUMNS = 2
export const MACHINE_GAP = 40
export const MACHINE_W = PAD * 2 + COLUMNS * POD_W + (COLUMNS - 1) * GAP

export interface LaidOutNode {
  id: string
  type: 'machine' | 'pod' | 'lane'
  parentId?: string
  x: number
  y: number
  width: number
  height: number
}

export interface ClusterLayout {
  /** Parents before children, as React Flow requires. */
  nodes: LaidOutNode[]
  slots: Slots
  width: number
  height: number
}

const byNamespaceName = (a: PodInput, b: PodInput) =>
  a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function assignSlots(model: ClusterModel, prev: Slots): Slots {
  const machineByName = new Map(model.machines.map((m) => [m.name, m.uid]))
  const hostOf = (p: PodInput) => (p.nodeName && machineByName.get(p.nodeName)) || UNSCHEDULED
  const slots: Slots = {}
  const taken = new Map<string, Set<number>>()
  const newcomers = new Map<string, PodInput[]>()
  for (const p of model.pods) {
    const host = hostOf(p)
    const before = prev[p.uid]
    if (before && before.host === host) {
      slots[p.uid] = before
      let used = taken.get(host)
      if (!used) taken.set(host, (used = new Set()))
      used.add(before.slot)
    } else {
      const list = newcomers.get(host) ?? []
      list.push(p)
      newcomers.set(host, list)
    }
  }
  for (const [host, pods] of newcomers) {
    const used = taken.get(host) ?? new Set<number>()
    let next = 0
    for (const p of [...pods].sort(byNamespaceName)) {
      while (used.has(next)) next++
      used.add(next)
      slots[p.uid] = { host, slot: next }
    }
  }
  return slots
}

export function layoutCluster(model: ClusterModel, prev: Slots): ClusterLayout {
  const slots = assignSlots(model, prev)
  const rowsByHost = new Map<string, number>()
  for (const { host, slot } of Object.values(slots)) {
    rowsByHost.set(host, Math.max(rowsByHost.get(host) ?? 0, Math.floor(slot / COLUMNS) + 1))
  }
  const machines = [...model.machines].sort((a, b) => cmp(a.name, b.name))
  const rows = Math.max(1, ...machines.map((m) => rowsByHost.get(m.uid) ?? 0))
  const boxH = (r: number) => HEADER_H + PAD + r * POD_H + (r - 1) * GAP + PAD

  const nodes: LaidOutNode[] = []
  let x = 0
  for (const m of machines) {
    nodes.push({ id: m.uid, type: 'machine', x, y: 0, width: MACHINE_W, height: boxH(rows) })
    x += MACHINE_W + MACHINE_GAP
  }
  const laneRows = rowsByHost.get(UNSCHEDULED) ?? 0
  if (laneRows > 0) {
    nodes.push({ id: UNSCHEDULED, type: 'lane', x, y: 0, width: MACHINE_W, height: boxH(laneRows) })
    x += MACHINE_W + MACHINE_GAP
  }
  const parents = new Set(nodes.map((n) => n.id))
  for (const p of model.pods) {
    const s = slots[p.uid]!
    if (!parents.has(s.host)) continue
    nodes.push({
      id: p.uid,
      type: 'pod',
      parentId: s.host,
      x: PAD + (s.slot % COLUMNS) * (POD_W + GAP),
      y: HEADER_H + PAD + Math.floor(s.slot / COLUMNS) * (POD_H + GAP),
      width: POD_W,
      height: POD_H,
    })
  }
  const height = Math.max(0, ...nodes.filter((n) => !n.parentId).map((n) => n.height))
  return { nodes, slots, width: Math.max(0, x - MACHINE_GAP), height }
}
