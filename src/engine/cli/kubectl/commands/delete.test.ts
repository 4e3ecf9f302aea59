// Scenario tests of `kubectl delete` over a booted kind world (seed 1): the message per object,
// the wait until the object is gone on virtual time, and kubectl 1.32's errors and warnings
// (facts §7.1, and the real kubectl 1.32 pointed at this simulated apiserver).
import { describe, expect, it } from 'vitest'
import { createWorld, type World } from '../../../world'
import { runTranscript } from '../../../sim/transcript'
import { findByResource } from '../../../api/resources'
import type { Pod } from '../../../api/types'
import { cascadingStrategy, deletedMessage, dryRunStrategy } from './delete'

/** nginx (exits at once on SIGTERM) and two busybox sleepers (a shell as PID 1 ignores SIGTERM). */
function world(): World {
  const w = createWorld({ seed: 1 })
  const admin = w.cluster!.client('kubernetes-admin')
  const pod = (name: string, image: string, labels: Record<string, string>, command?: string[]) =>
    admin.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name, image, command }] } })
  pod('nginx', 'nginx', { run: 'nginx' })
  pod('sleeper', 'busybox', { app: 'sleepy' }, ['sh', '-c', 'sleep 3600'])
  pod('sleeper2', 'busybox', { app: 'sleepy' }, ['sh', '-c', 'sleep 3600'])
  w.advance(20_000)
  return w
}

function pod(w: World, name: string): Pod | undefined {
  return w.cluster!.client('test').find<Pod>('pods', 'default', name)
}

describe('kubectl delete', () => {
  it('deletes nginx and returns once the pod is gone (nginx stops at once on SIGTERM)', () => {
    const w = world()
    const t0 = w.now()
    expect(runTranscript(w, 'kubectl delete pod nginx\necho $?\n')).toBe('$ kubectl delete pod nginx\npod "nginx" deleted\n$ echo $?\n0\n')
    expect(pod(w, 'nginx')).toBeUndefined()
    expect(w.now() - t0).toBeLessThan(1_000)
  })

  it('waits while the pod is Terminating, through its 30s grace period', () => {
    const w = world()
    const term = w.terminal('del')
    let screen = ''
    term.onOutput((t) => (screen += t))
    term.runLine('kubectl delete pod sleeper')
    expect(screen).toBe('pod "sleeper" deleted\n')
    expect(term.busy).toBe(true)
    expect(term.foregroundMode).toBe('wait')
    expect(pod(w, 'sleeper')?.metadata?.deletionTimestamp).toBeDefined()
    w.advance(29_000)
    expect(term.busy).toBe(true)
    w.advance(1_000)
    expect(term.busy).toBe(false)
    expect(term.lastStatus).toBe(0)
    expect(pod(w, 'sleeper')).toBeUndefined()
    expect(screen).toBe('pod "sleeper" deleted\n')
  })

  it('gives up after --timeout', () => {
    const w = world()
    const t0 = w.now()
    expect(runTranscript(w, 'kubectl delete pod sleeper --timeout=5s\necho $?\n')).toBe(
      '$ kubectl delete pod sleeper --timeout=5s\npod "sleeper" deleted\nerror: timed out waiting for the condition on pods/sleeper\n$ echo $?\n1\n',
    )
    expect(w.now() - t0).toBe(5_000)
    expect(pod(w, 'sleeper')?.metadata?.deletionGracePeriodSeconds).toBe(30)
  })

  it('stops waiting on Ctrl-C; the deletion goes on', () => {
    const w = world()
    const term = w.terminal('del')
    let screen = ''
    term.onOutput((t) => (screen += t))
    term.runLine('kubectl delete pod sleeper')
    w.advance(3_000)
    term.interrupt()
    expect(term.busy).toBe(false)
    expect(screen).toBe('pod "sleeper" deleted\n')
    w.advance(30_000)
    expect(pod(w, 'sleeper')).toBeUndefined()
  })

  it('--now is a grace period of 1 second; --force deletes at once, with its warning', () => {
    const w = world()
    let t0 = w.now()
    expect(runTranscript(w, 'kubectl delete pod sleeper --now\n')).toBe('$ kubectl delete pod sleeper --now\npod "sleeper" deleted\n')
    expect(w.now() - t0).toBe(1_000)
    t0 = w.now()
    expect(runTranscript(w, 'kubectl delete pod sleeper2 --force\n')).toBe(
      '$ kubectl delete pod sleeper2 --force\n' +
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' +
        'pod "sleeper2" force deleted\n',
    )
    expect(w.now() - t0).toBe(0)
    expect(pod(w, 'sleeper2')).toBeUndefined()
  })

  it('does nothing with --dry-run, and prints names with -o name', () => {
    const w = world()
    expect(runTranscript(w, 'kubectl delete pod nginx --dry-run=client\nkubectl delete pod nginx --dry-run=server\nkubectl delete pod nginx --dry-run=client -o name\n')).toBe(
      '$ kubectl delete pod nginx --dry-run=client\npod "nginx" deleted (dry run)\n' +
        '$ kubectl delete pod nginx --dry-run=server\npod "nginx" deleted (server dry run)\n' +
        '$ kubectl delete pod nginx --dry-run=client -o name\npod/nginx\n',
    )
    expect(pod(w, 'nginx')?.metadata?.deletionTimestamp).toBeUndefined()
  })

  it('deletes by label selector and with --all, and says when nothing matched', () => {
    const w = world()
    const out = runTranscript(w, 'kubectl delete pods -l app=sleepy --now\nkubectl delete pods -l app=sleepy\nkubectl delete pods --all -n kube-node-lease\n')
    expect(out).toBe(
      '$ kubectl delete pods -l app=sleepy --now\npod "sleeper" deleted\npod "sleeper2" deleted\n' +
        '$ kubectl delete pods -l app=sleepy\nNo resources found\n' +
        '$ kubectl delete pods --all -n kube-node-lease\nNo resources found\n',
    )
  })

  it('deletes a namespace and waits for its finalization', () => {
    const w = world()
    w.cluster!.client('kubernetes-admin').create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } })
    expect(runTranscript(w, 'kubectl delete ns dev\n')).toBe('$ kubectl delete ns dev\nnamespace "dev" deleted\n')
    expect(w.cluster!.client('test').find('namespaces', undefined, 'dev')).toBeUndefined()
  })

  it('warns before deleting a cluster-scoped object when -n was given', () => {
    const w = world()
    expect(runTranscript(w, 'kubectl delete node kind-worker -n default --dry-run=server\n')).toBe(
      '$ kubectl delete node kind-worker -n default --dry-run=server\n' +
        'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n' +
        'node "kind-worker" deleted (server dry run)\n',
    )
  })

  it('answers the errors of kubectl 1.32 (facts §7.1 and the real binary)', () => {
    const w = world()
    const cases: [string, string][] = [
      ['kubectl delete pod nosuch', 'Error from server (NotFound): pods "nosuch" not found\n'],
      ['kubectl delete pod nosuch --ignore-not-found', ''],
      ['kubectl delete pod a b', 'Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\n'],
      ['kubectl delete pod', 'error: resource(s) were provided, but no name was specified\n'],
      [
        'kubectl delete',
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      ],
      ['kubectl delete --all pod x', 'error: name cannot be provided when a selector is specified\n'],
      ['kubectl delete pods --all -l a=b', "error: setting 'all' parameter but found a non empty selector. \n"],
      ['kubectl delete pod x -o yaml', "error: unexpected -o output mode: yaml. We only support '-o name'\n"],
      ['kubectl delete pod x --now --grace-period=3', 'error: --now and --grace-period cannot be specified together\n'],
      ['kubectl delete pod x --force --grace-period=3', 'error: --force and --grace-period greater than 0 cannot be specified together\n'],
      ['kubectl delete pod x --dry-run=foo', 'error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n'],
      ['kubectl delete pod x --cascade=foo', 'error: invalid cascade value (foo). Must be "background", "foreground", or "orphan"\n'],
      ['kubectl delete pod x -A', 'error: a resource cannot be retrieved by name across all namespaces\n'],
      ['kubectl delete foo x', 'error: the server doesn\'t have a resource type "foo"\n'],
    ]
    for (const [line, expected] of cases) expect(runTranscript(w, `${line}\n`)).toBe(`$ ${line}\n${expected}`)
    expect(pod(w, 'nginx')?.metadata?.deletionTimestamp).toBeUndefined()
  })
})

describe('delete helpers', () => {
  it('reads --dry-run as GetDryRunStrategy does', () => {
    expect(dryRunStrategy('unchanged')).toEqual({ ok: true, strategy: 'client' })
    expect(dryRunStrategy('true')).toEqual({ ok: true, strategy: 'client' })
    expect(dryRunStrategy('False')).toEqual({ ok: true, strategy: 'none' })
    expect(dryRunStrategy('server')).toEqual({ ok: true, strategy: 'server' })
  })

  it('reads --cascade, warning about booleans', () => {
    const warnings: string[] = []
    expect(cascadingStrategy('true', (t) => warnings.push(t))).toEqual({ ok: true, policy: 'Background' })
    expect(cascadingStrategy('false', (t) => warnings.push(t))).toEqual({ ok: true, policy: 'Orphan' })
    expect(cascadingStrategy('foreground', (t) => warnings.push(t))).toEqual({ ok: true, policy: 'Foreground' })
    expect(warnings).toEqual([
      'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n',
      'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    ])
  })

  it('words the result as PrintObj does (facts §7.1)', () => {
    const deploy = findByResource('deployments')!
    const pods = findByResource('pods')!
    expect(deletedMessage(deploy, 'web', { gracePeriod: -1, dryRun: 'none', output: '' })).toBe('deployment.apps "web" deleted\n')
    expect(deletedMessage(pods, 'x', { gracePeriod: 0, dryRun: 'server', output: '' })).toBe('pod "x" force deleted (server dry run)\n')
    expect(deletedMessage(deploy, 'web', { gracePeriod: -1, dryRun: 'client', output: 'name' })).toBe('deployment.apps/web\n')
  })
})
