// The pod status the kubelet computes (kubelet_pods.go getPhase, status/generate.go): the facts'
// myapp-pod (§2.1: init container Running, app container PodInitializing, Initialized False) and
// the completed and failed pods' conditions (PodCompleted, PodFailed).
import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/types'
import { computePodStatus, terminatedState, type ContainerRuntimeState } from './podStatus'

const NOW = '2026-11-22T09:00:00Z'
const opts = { now: NOW, sandboxReady: true, hostIP: '172.18.0.3', podIP: '10.244.1.12', startTime: NOW }

const state = (name: string, s: ContainerRuntimeState['state'], ready = false, last: ContainerRuntimeState['lastState'] = {}): ContainerRuntimeState => ({
  name,
  image: 'busybox:1.28',
  imageID: '',
  containerID: '',
  state: s,
  lastState: last,
  restartCount: 0,
  ready,
  started: !!s?.running,
})

const pod = (restartPolicy: string, init: string[] = []): Pod => ({
  metadata: { name: 'myapp-pod', namespace: 'default', uid: 'u' },
  spec: { restartPolicy, initContainers: init.map((name) => ({ name })), containers: [{ name: 'myapp-container' }] },
})

function conditions(p: Pod, init: ContainerRuntimeState[], app: ContainerRuntimeState[], extra = {}) {
  const s = computePodStatus(p, init, app, { ...opts, ...extra })
  return [s.phase, ...(s.conditions ?? []).map((c) => [c.type, c.status, c.reason ?? '', c.message ?? ''].join(' ').trim())]
}

describe('computePodStatus', () => {
  it('while an init container runs: Pending, not Initialized (the facts myapp-pod)', () => {
    const s = computePodStatus(pod('Always', ['init-myservice']), [state('init-myservice', { running: { startedAt: NOW } })], [state('myapp-container', { waiting: { reason: 'PodInitializing' } })], opts)
    expect(s.phase).toBe('Pending')
    expect(s.conditions?.map((c) => [c.type, c.status, c.reason ?? '', c.message ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'True', '', ''],
      ['Initialized', 'False', 'ContainersNotInitialized', 'containers with incomplete status: [init-myservice]'],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [myapp-container]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [myapp-container]'],
      ['PodScheduled', 'True', '', ''],
    ])
    expect(s.initContainerStatuses?.map((c) => c.name)).toEqual(['init-myservice'])
  })

  it('after the init container succeeded, with the app running: Running, Initialized', () => {
    const done = state('init-myservice', { terminated: { exitCode: 0, reason: 'Completed' } }, true)
    expect(conditions(pod('Always', ['init-myservice']), [done], [state('myapp-container', { running: { startedAt: NOW } }, true)])).toEqual([
      'Running',
      'PodReadyToStartContainers True',
      'Initialized True',
      'Ready True',
      'ContainersReady True',
      'PodScheduled True',
    ])
  })

  it('a completed pod is Succeeded, Initialized with PodCompleted, not Ready with PodCompleted', () => {
    const app = [state('myapp-container', { terminated: { exitCode: 0, reason: 'Completed' } })]
    expect(conditions(pod('Never'), [], app, { sandboxReady: false })).toEqual([
      'Succeeded',
      'PodReadyToStartContainers False',
      'Initialized True PodCompleted',
      'Ready False PodCompleted',
      'ContainersReady False PodCompleted',
      'PodScheduled True',
    ])
  })

  it('a failed pod (restartPolicy Never) is not Ready with PodFailed; so is one whose init container failed', () => {
    const failed = [state('myapp-container', { terminated: { exitCode: 1, reason: 'Error' } })]
    expect(conditions(pod('Never'), [], failed).slice(0, 4)).toEqual(['Failed', 'PodReadyToStartContainers False', 'Initialized True', 'Ready False PodFailed'])
    const init = [state('init-myservice', { terminated: { exitCode: 1, reason: 'Error' } })]
    expect(conditions(pod('Never', ['init-myservice']), init, [state('myapp-container', { waiting: { reason: 'PodInitializing' } })]).slice(0, 3)).toEqual([
      'Failed',
      'PodReadyToStartContainers False',
      'Initialized False ContainersNotInitialized containers with incomplete status: [init-myservice]',
    ])
  })

  it('a crash-looping init container keeps the pod Pending under restartPolicy Always', () => {
    const init = [state('init-myservice', { waiting: { reason: 'CrashLoopBackOff' } }, false, { terminated: { exitCode: 1 } })]
    expect(conditions(pod('Always', ['init-myservice']), init, [state('myapp-container', { waiting: { reason: 'PodInitializing' } })])[0]).toBe('Pending')
  })

  it('terminating: every container stopped makes the pod Succeeded or Failed, whatever restartPolicy says', () => {
    const stopped = [state('myapp-container', { terminated: { exitCode: 0, reason: 'Completed' } })]
    expect(conditions(pod('Always'), [], stopped)[0]).toBe('Running')
    expect(conditions(pod('Always'), [], stopped, { podIsTerminal: true })[0]).toBe('Succeeded')
    expect(conditions(pod('Always'), [], stopped, { podIsTerminal: true, isStatic: true })[0]).toBe('Running')
    const unknown = terminatedState(state('myapp-container', { waiting: { reason: 'ContainerCreating' } }))
    expect(unknown).toEqual({ terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } })
    expect(conditions(pod('Always'), [], [{ ...stopped[0], state: unknown }], { podIsTerminal: true })[0]).toBe('Failed')
  })
})
