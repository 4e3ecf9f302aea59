import { describe, expect, it } from 'vitest'
import { createWorld } from '../../world'
import { runTranscript } from '../../sim/transcript'
import { unsimulatedCommand } from './unsimulated'

describe('real kubectl commands Podlab does not simulate yet', () => {
  const has = (path: string) => ['get', 'create', 'create namespace', 'config', 'config view'].includes(path)
  it.each([
    [['exec', '-it', 'x', '--', 'sh'], 'exec'],
    [['-n', 'kube-system', 'rollout', 'status', 'deploy/x'], 'rollout'],
    [['create', 'deployment', 'web', '--image=nginx'], 'create deployment'],
    [['config', 'set-cluster', 'x'], 'config set-cluster'],
    [['get', 'pods'], undefined],
    [['create', 'namespace', 'dev'], undefined],
    [['gett'], undefined],
    [['create', 'nonsense'], undefined],
  ])('%j', (argv, expected) => {
    expect(unsimulatedCommand(argv, has)).toBe(expected)
  })

  it('says so plainly instead of "unknown command"', () => {
    expect(runTranscript(createWorld({ scenario: 'empty' }), 'kubectl exec -it web -- sh\necho $?\n')).toBe(
      '$ kubectl exec -it web -- sh\nerror: "kubectl exec" is not simulated by Podlab yet\n$ echo $?\n1\n',
    )
  })
})
