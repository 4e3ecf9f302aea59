import { describe, it, expect } from 'vitest'
import { parseStructure, selectClusterStructure } from './clusterView'
import { EMPTY_MIRROR, applyObjectChanges } from '../../state/mirror'
import type { ObjectChange } from '../../../worker/protocol'

const up = (uid: string, object: Record<string, unknown>): ObjectChange => ({ type: 'upsert', uid, object })

const mirror = applyObjectChanges(EMPTY_MIRROR, [
  up('n1', { kind: 'Node', metadata: { uid: 'n1', name: 'kind-worker' } }),
  up('p1', { kind: 'Pod', metadata: { uid: 'p1', name: 'nginx', namespace: 'default' }, spec: { nodeName: 'kind-worker' }, status: { phase: 'Pending' } }),
  up('p2', { kind: 'Pod', metadata: { uid: 'p2', name: 'web', namespace: 'default' }, spec: {} }),
  up('e1', { kind: 'Event', metadata: { uid: 'e1', name: 'nginx.1', namespace: 'default' } }),
])

describe('cluster view', () => {
  it('turns the mirror into machines and pods', () => {
    expect(parseStructure(selectClusterStructure(mirror))).toEqual({
      machines: [{ uid: 'n1', name: 'kind-worker' }],
      pods: [
        { uid: 'p1', namespace: 'default', name: 'nginx', nodeName: 'kind-worker' },
        { uid: 'p2', namespace: 'default', name: 'web', nodeName: '' },
      ],
    })
  })

  it('does not change when only a status changes', () => {
    const next = applyObjectChanges(mirror, [
      up('p1', { kind: 'Pod', metadata: { uid: 'p1', name: 'nginx', namespace: 'default' }, spec: { nodeName: 'kind-worker' }, status: { phase: 'Running' } }),
    ])
    expect(selectClusterStructure(next)).toEqual(selectClusterStructure(mirror))
  })

  it('changes when a pod is scheduled', () => {
    const next = applyObjectChanges(mirror, [up('p2', { kind: 'Pod', metadata: { uid: 'p2', name: 'web', namespace: 'default' }, spec: { nodeName: 'kind-worker' } })])
    expect(selectClusterStructure(next)).not.toEqual(selectClusterStructure(mirror))
  })
})
