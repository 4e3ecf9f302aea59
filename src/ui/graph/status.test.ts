import { describe, it, expect } from 'vitest'
import { nodeDisplayStatus, nodeTone, podDisplayStatus, podTone } from './status'
import type { Node, Pod } from '../state/kube'

const pod = (status: Pod['status'], extra: Partial<Pod> = {}): Pod => ({
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers: [{ name: 'app' }] },
  status,
  ...extra,
})
const waiting = (reason: string) => ({ name: 'app', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason } } })
const running = (ready = true) => ({ name: 'app', image: 'x', imageID: '', ready, restartCount: 0, state: { running: { startedAt: '2025-01-01T00:00:00Z' } } })
const terminated = (t: { exitCode: number; reason?: string; signal?: number }) => ({ name: 'app', image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: t } })

describe('podDisplayStatus (kubectl printPod STATUS)', () => {
  it.each<[string, Pod, string]>([
    ['an unscheduled pod shows its phase', pod({ phase: 'Pending' }), 'Pending'],
    ['a waiting reason wins over the phase', pod({ phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] }), 'ContainerCreating'],
    ['a ready running container', pod({ phase: 'Running', containerStatuses: [running()] }), 'Running'],
    ['a crash loop', pod({ phase: 'Running', containerStatuses: [waiting('CrashLoopBackOff')] }), 'CrashLoopBackOff'],
    ['a terminated reason', pod({ phase: 'Succeeded', containerStatuses: [terminated({ exitCode: 0, reason: 'Completed' })] }), 'Completed'],
    ['a terminated container without a reason', pod({ phase: 'Failed', containerStatuses: [terminated({ exitCode: 3 })] }), 'ExitCode:3'],
    ['a signal without a reason', pod({ phase: 'Failed', containerStatuses: [terminated({ exitCode: 137, signal: 9 })] }), 'Signal:9'],
    ['status.reason (Evicted) wins over the phase', pod({ phase: 'Failed', reason: 'Evicted' }), 'Evicted'],
    ['init container waiting', pod({ phase: 'Pending', initContainerStatuses: [waiting('PodInitializing')] }, { spec: { initContainers: [{ name: 'app' }], containers: [{ name: 'b' }] } }), 'Init:0/1'],
    ['init container crash loop', pod({ phase: 'Pending', initContainerStatuses: [waiting('CrashLoopBackOff')] }, { spec: { initContainers: [{ name: 'app' }], containers: [{ name: 'b' }] } }), 'Init:CrashLoopBackOff'],
    ['init container failed', pod({ phase: 'Pending', initContainerStatuses: [terminated({ exitCode: 1, reason: 'Error' })] }, { spec: { initContainers: [{ name: 'app' }], containers: [{ name: 'b' }] } }), 'Init:Error'],
    ['deleting a running pod shows Terminating', pod({ phase: 'Running', containerStatuses: [running()] }, { metadata: { name: 'p', deletionTimestamp: '2025-01-01T00:00:00Z' } }), 'Terminating'],
    ['deleting a finished pod keeps its status', pod({ phase: 'Succeeded', containerStatuses: [terminated({ exitCode: 0, reason: 'Completed' })] }, { metadata: { name: 'p', deletionTimestamp: '2025-01-01T00:00:00Z' } }), 'Completed'],
    ['a NodeLost pod being deleted shows Unknown', pod({ phase: 'Running', reason: 'NodeLost' }, { metadata: { name: 'p', deletionTimestamp: '2025-01-01T00:00:00Z' } }), 'Unknown'],
  ])('%s', (_name, p, want) => {
    expect(podDisplayStatus(p)).toBe(want)
  })

  it('takes the reason of the first container, because printPod walks them backwards', () => {
    const p = pod({ phase: 'Pending', containerStatuses: [{ ...waiting('ErrImagePull'), name: 'a' }, { ...waiting('ContainerCreating'), name: 'b' }] })
    expect(podDisplayStatus(p)).toBe('ErrImagePull')
  })

  it('turns Completed with a running sidecar into Running or NotReady by the Ready condition', () => {
    const statuses = [running(), terminated({ exitCode: 0, reason: 'Completed' })]
    expect(podDisplayStatus(pod({ phase: 'Running', containerStatuses: statuses, conditions: [{ type: 'Ready', status: 'True' }] }))).toBe('Running')
    expect(podDisplayStatus(pod({ phase: 'Running', containerStatuses: statuses }))).toBe('NotReady')
  })
})

describe('nodeDisplayStatus (kubectl printNode STATUS)', () => {
  const node = (ready?: string, unschedulable?: boolean): Node => ({
    metadata: { name: 'n' },
    spec: { unschedulable },
    status: { conditions: ready ? [{ type: 'Ready', status: ready }] : [] },
  })
  it.each<[Node, string]>([
    [node('True'), 'Ready'],
    [node('False'), 'NotReady'],
    [node('Unknown'), 'NotReady'],
    [node(), 'Unknown'],
    [node('True', true), 'Ready,SchedulingDisabled'],
  ])('%#', (n, want) => expect(nodeDisplayStatus(n)).toBe(want))
})

describe('tones', () => {
  it.each([
    ['Running', 'running'],
    ['Pending', 'pending'],
    ['ContainerCreating', 'pending'],
    ['Init:0/2', 'pending'],
    ['CrashLoopBackOff', 'failing'],
    ['ErrImagePull', 'failing'],
    ['Error', 'failing'],
    ['Init:Error', 'failing'],
    ['ExitCode:1', 'failing'],
    ['Terminating', 'done'],
    ['Completed', 'done'],
    ['Unknown', 'unknown'],
  ])('pod %s is %s', (s, tone) => expect(podTone(s)).toBe(tone))

  it.each([
    ['Ready', 'running'],
    ['NotReady', 'failing'],
    ['Ready,SchedulingDisabled', 'pending'],
    ['Unknown', 'unknown'],
  ])('node %s is %s', (s, tone) => expect(nodeTone(s)).toBe(tone))
})
