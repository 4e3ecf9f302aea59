import { describe, it, expect } from 'vitest'
import { EMPTY_MIRROR, applyObjectChanges } from './mirror'
import type { ObjectChange } from '../../worker/protocol'

const up = (uid: string, kind: string, extra: Record<string, unknown> = {}): ObjectChange => ({
  type: 'upsert',
  uid,
  object: { kind, metadata: { uid, name: uid }, ...extra },
})
const del = (uid: string, kind: string): ObjectChange => ({ ...up(uid, kind), type: 'delete' })

describe('applyObjectChanges', () => {
  it('adds objects by uid and lists them per kind', () => {
    const m = applyObjectChanges(EMPTY_MIRROR, [up('n1', 'Node'), up('p1', 'Pod'), up('p2', 'Pod')])
    expect(Object.keys(m.byUid)).toEqual(['n1', 'p1', 'p2'])
    expect(m.uidsByKind).toEqual({ Node: ['n1'], Pod: ['p1', 'p2'] })
  })

  it('keeps the identity of unchanged objects and untouched kinds', () => {
    const a = applyObjectChanges(EMPTY_MIRROR, [up('n1', 'Node'), up('p1', 'Pod'), up('p2', 'Pod')])
    const b = applyObjectChanges(a, [up('p1', 'Pod', { status: { phase: 'Running' } })])
    expect(b.byUid.p2).toBe(a.byUid.p2)
    expect(b.byUid.p1).not.toBe(a.byUid.p1)
    // An update does not change the set of pods: even the Pod list keeps its identity.
    expect(b.uidsByKind).toBe(a.uidsByKind)
  })

  it('removes deleted objects from both indexes', () => {
    const a = applyObjectChanges(EMPTY_MIRROR, [up('n1', 'Node'), up('p1', 'Pod'), up('p2', 'Pod')])
    const b = applyObjectChanges(a, [del('p1', 'Pod')])
    expect(b.byUid.p1).toBeUndefined()
    expect(b.uidsByKind.Pod).toEqual(['p2'])
    expect(b.uidsByKind.Node).toBe(a.uidsByKind.Node)
  })

  it('ignores the delete of an unknown uid', () => {
    const a = applyObjectChanges(EMPTY_MIRROR, [up('n1', 'Node')])
    const b = applyObjectChanges(a, [del('zz', 'Pod')])
    expect(b.uidsByKind).toBe(a.uidsByKind)
  })

  it('returns the same mirror for an empty batch', () => {
    const a = applyObjectChanges(EMPTY_MIRROR, [up('n1', 'Node')])
    expect(applyObjectChanges(a, [])).toBe(a)
  })
})
