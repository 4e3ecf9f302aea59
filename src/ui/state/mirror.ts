// The pure half of the mirror store: how one batch of object changes turns the previous mirror
// into the next. Unchanged objects and untouched kinds keep their identity, so components that
// select them do not re-render (STYLE.md §8).
import type { ObjectChange } from '../../worker/protocol'
import type { KubeObject } from './kube'

export interface Mirror {
  byUid: Readonly<Record<string, KubeObject>>
  /** uids per kind, in arrival order. */
  uidsByKind: Readonly<Record<string, readonly string[]>>
}

export const EMPTY_MIRROR: Mirror = { byUid: {}, uidsByKind: {} }

export function applyObjectChanges(prev: Mirror, changes: readonly ObjectChange[]): Mirror {
  if (changes.length === 0) return prev
  const byUid: Record<string, KubeObject> = { ...prev.byUid }
  const touched = new Map<string, string[]>()
  const kindList = (kind: string) => {
    let list = touched.get(kind)
    if (!list) touched.set(kind, (list = [...(prev.uidsByKind[kind] ?? [])]))
    return list
  }
  for (const c of changes) {
    const before = byUid[c.uid]
    const kind = c.object.kind ?? before?.kind ?? ''
    if (c.type === 'delete') {
      if (!before) continue
      delete byUid[c.uid]
      const list = kindList(before.kind ?? kind)
      const i = list.indexOf(c.uid)
      if (i >= 0) list.splice(i, 1)
      continue
    }
    byUid[c.uid] = c.object
    if (!before) kindList(kind).push(c.uid)
  }
  if (touched.size === 0) return { byUid, uidsByKind: prev.uidsByKind }
  const uidsByKind: Record<string, readonly string[]> = { ...prev.uidsByKind }
  for (const [kind, list] of touched) uidsByKind[kind] = list
  return { byUid, uidsByKind }
}
