// The node status setters (nodestatus/setters.go): pressure conditions created with their events
// ("Node <name> status is now: NodeHasSufficientMemory", as real nodes record), Ready's events only
// on a transition, and the runtime's network error as the NotReady message kubeadm clusters show
// before their CNI plugin is installed.
import { describe, expect, it } from 'vitest'
import { NETWORK_NOT_READY_ERROR, nodeStatusEventMessage, setNodeConditions } from './nodeStatus'

const T0 = '2026-11-22T09:00:00Z'
const T1 = '2026-11-22T09:00:20Z'

describe('setNodeConditions', () => {
  it('creates the pressure conditions with their events, and a new Ready condition without one', () => {
    const { conditions, events } = setNodeConditions(undefined, T0, NETWORK_NOT_READY_ERROR)
    expect(events).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID'])
    expect(conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'False', 'KubeletNotReady'],
    ])
    expect(conditions[3].message).toBe(
      'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
    )
  })

  it('records NodeReady when the network turns ready, moving only Ready\'s transition time', () => {
    const first = setNodeConditions(undefined, T0, NETWORK_NOT_READY_ERROR).conditions
    const { conditions, events } = setNodeConditions(first, T1, undefined)
    expect(events).toEqual(['NodeReady'])
    expect(conditions.map((c) => [c.type, c.status, c.lastHeartbeatTime, c.lastTransitionTime])).toEqual([
      ['MemoryPressure', 'False', T1, T0],
      ['DiskPressure', 'False', T1, T0],
      ['PIDPressure', 'False', T1, T0],
      ['Ready', 'True', T1, T1],
    ])
    expect(conditions[3].message).toBe('kubelet is posting ready status')
    expect(setNodeConditions(conditions, T1, undefined).events).toEqual([])
    expect(nodeStatusEventMessage('kind-worker', 'NodeReady')).toBe('Node kind-worker status is now: NodeReady')
  })
})
