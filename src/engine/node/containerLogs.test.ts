// The texts of pods/log's refusals: the apiserver's LogLocation (strategy.go validateContainer)
// and the kubelet's validateContainerLogStatus (kubelet_pods.go), quoted from upstream; the
// `kubectl logs` answers they give are well known ("... is waiting to start: trying and failing
// to pull image", "previous terminated container ... not found").
import { describe, expect, it } from 'vitest'
import type { Pod, PodStatus } from '../api/types'
import { logTimestamp, readLogs, validateContainer, validateContainerLogStatus } from './containerLogs'

const pod = (containers: string[], init: string[] = []): Pod => ({
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers: containers.map((name) => ({ name })), initContainers: init.map((name) => ({ name })) },
})

describe('validateContainer (LogLocation)', () => {
  it('picks the only container, or names every container, init ones first', () => {
    expect(validateContainer(undefined, pod(['a']))).toBe('a')
    expect(() => validateContainer(undefined, pod(['a', 'b'], ['i']))).toThrow('a container name must be specified for pod p, choose one of: [i a b]')
    expect(() => validateContainer('x', pod(['a'], ['i']))).toThrow('container x is not valid for pod p')
    expect(validateContainer('i', pod(['a'], ['i']))).toBe('i')
  })
})

describe('validateContainerLogStatus', () => {
  const status = (s: object, last: object = {}, containerID?: string, init = false): PodStatus => {
    const cs = { name: 'c', image: '', imageID: '', ready: false, restartCount: 0, state: s, lastState: last, ...(containerID ? { containerID } : {}) }
    return init ? { initContainerStatuses: [cs], containerStatuses: [] } : { containerStatuses: [cs] }
  }
  const cases: [string, PodStatus | undefined, boolean, string][] = [
    ['no status', undefined, false, 'error: container "c" in pod "p" is not available'],
    ['running', status({ running: {} }, {}, 'containerd://1'), false, 'containerd://1'],
    ['running, previous of none', status({ running: {} }, {}, 'containerd://1'), true, 'error: previous terminated container "c" in pod "p" not found'],
    ['running, previous', status({ running: {} }, { terminated: { exitCode: 1, containerID: 'containerd://0' } }, 'containerd://1'), true, 'containerd://0'],
    ['crash-looping', status({ waiting: { reason: 'CrashLoopBackOff' } }, { terminated: { exitCode: 1, containerID: 'containerd://0' } }), false, 'containerd://0'],
    ['terminated init container', status({ terminated: { exitCode: 0, containerID: 'containerd://9' } }, {}, undefined, true), false, 'containerd://9'],
    ['never started, pod gone', status({ terminated: { exitCode: 137, reason: 'ContainerStatusUnknown' } }), false, 'error: container "c" in pod "p" is terminated'],
    ['creating', status({ waiting: { reason: 'ContainerCreating' } }), false, 'error: container "c" in pod "p" is waiting to start: ContainerCreating'],
    ['initializing', status({ waiting: { reason: 'PodInitializing' } }), false, 'error: container "c" in pod "p" is waiting to start: PodInitializing'],
    ['ErrImagePull', status({ waiting: { reason: 'ErrImagePull' } }), false, `error: container "c" in pod "p" is waiting to start: image can't be pulled`],
    ['ImagePullBackOff', status({ waiting: { reason: 'ImagePullBackOff' } }), false, 'error: container "c" in pod "p" is waiting to start: trying and failing to pull image'],
    ['no state', status({}), false, 'error: container "c" in pod "p" is waiting to start - no logs yet'],
  ]
  for (const [name, st, previous, want] of cases) {
    it(name, () => {
      let got: string
      try {
        got = validateContainerLogStatus('p', st, 'c', previous)
      } catch (e) {
        got = `error: ${(e as Error).message}`
      }
      expect(got).toBe(want)
    })
  }
})

describe('readLogs', () => {
  const t = Date.UTC(2026, 10, 22, 9, 0, 10, 685)
  const lines = [0, 1, 2].map((i) => ({ time: t + i * 1000, stream: 'stdout' as const, text: `line ${i}` }))
  it('keeps the lines since sinceSeconds, the last tailLines, with RFC3339Nano timestamps', () => {
    expect(logTimestamp(t)).toBe('2026-11-22T09:00:10.685000000Z')
    expect(readLogs(lines, {}, t + 2000)).toBe('line 0\nline 1\nline 2\n')
    expect(readLogs(lines, { tailLines: '1', timestamps: 'true' }, t + 2000)).toBe('2026-11-22T09:00:12.685000000Z line 2\n')
    expect(readLogs(lines, { sinceSeconds: '1' }, t + 2000)).toBe('line 1\nline 2\n')
    expect(readLogs(lines, { tailLines: '0' }, t + 2000)).toBe('')
  })
})
