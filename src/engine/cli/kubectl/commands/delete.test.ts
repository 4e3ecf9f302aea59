// Scenario tests of `kubectl delete` over a booted kind world (seed 1): the message per object,
// the wait until the object is gone on virtual time, and kubectl 1.32's errors and warnings
// (facts §7.1, and the real kubectl 1.32 pointed at this simulated apiserver); `delete -f` over
// files in the home directory, and its errors with no server compared with the real binary run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
    // SIGKILL when the 30 s run out; then the kubelet stops the sandbox (0.2 s), reports the final
    // status and, once the volumes are unmounted (0.6 s), deletes the object: gone at 30.8 s.
    w.advance(1_700)
    expect(term.busy).toBe(true)
    expect(pod(w, 'sleeper')?.status?.containerStatuses?.[0].state?.terminated?.exitCode).toBe(137)
    w.advance(100)
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
    // The kubelet never gives a container under 2 s (minimumGracePeriodInSeconds) before SIGKILL,
    // then 0.8 s of sandbox and volume teardown before its final delete.
    expect(w.now() - t0).toBe(2_800)
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

// ---- -f/--filename ----

const POD_YAML = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n'
const MULTI_YAML =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n'
const SLEEPER_YAML =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sleeper\nspec:\n  containers:\n  - name: sleeper\n    image: busybox\n    command: ["sh", "-c", "sleep 3600"]\n'
const LABELLED_YAML =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n  labels:\n    app: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n  labels:\n    app: b\n'
const OTHER_NS_YAML = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: other\n'
const NAMESPACE_YAML = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n'
const BAD_YAML = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n'
const BAD_YAML_ERROR = 'error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'

/** The files every -f test reads, in the home directory (the shell's working directory). */
const FILES: Record<string, string> = {
  'pod.yaml': POD_YAML,
  'multi.yaml': MULTI_YAML,
  'sleeper.yaml': SLEEPER_YAML,
  'lab.yaml': LABELLED_YAML,
  'nsother.yaml': OTHER_NS_YAML,
  'ns-other.yaml': NAMESPACE_YAML,
  'bad.yaml': BAD_YAML,
  'empty.yaml': '',
  'dir/pod.yaml': POD_YAML,
  'dir/notes.txt': 'hi\n',
  'dir/sub/multi.yaml': MULTI_YAML,
}

function fileWorld(scenario?: string): World {
  const w = createWorld({ seed: 1, scenario })
  const home = w.host.home
  w.host.fs.mkdirAll(`${home}/dir/sub`)
  for (const [name, text] of Object.entries(FILES)) w.host.fs.writeFile(`${home}/${name}`, text)
  return w
}

/** Each line with its output, as the terminal shows them. */
function session(lines: [string, string][]): { input: string; screen: string } {
  return { input: lines.map(([l]) => `${l}\n`).join(''), screen: lines.map(([l, out]) => `$ ${l}\n${out}`).join('') }
}

describe('kubectl delete -f', () => {
  it('deletes what a file describes, then its errors say which file (facts §7.1)', () => {
    const w = fileWorld()
    const { input, screen } = session([
      ['kubectl apply -f pod.yaml', 'pod/nginx created\n'],
      ['kubectl delete -f pod.yaml', 'pod "nginx" deleted\n'],
      ['kubectl delete -f pod.yaml', 'Error from server (NotFound): error when deleting "pod.yaml": pods "nginx" not found\n'],
      ['kubectl delete -f pod.yaml --ignore-not-found', ''],
      ['echo $?', '0\n'],
      ['kubectl apply -f multi.yaml', 'configmap/cfg created\nservice/web created\n'],
      ['kubectl delete -f multi.yaml', 'configmap "cfg" deleted\nservice "web" deleted\n'],
      [
        'kubectl delete -f multi.yaml',
        'Error from server (NotFound): error when deleting "multi.yaml": configmaps "cfg" not found\n' +
          'Error from server (NotFound): error when deleting "multi.yaml": services "web" not found\n',
      ],
    ])
    expect(runTranscript(w, input)).toBe(screen)
  })

  it('waits for the objects to go, as delete by name does', () => {
    const w = fileWorld()
    runTranscript(w, 'kubectl apply -f sleeper.yaml\nsleep 20\n')
    const t0 = w.now()
    expect(runTranscript(w, 'kubectl delete -f sleeper.yaml\n')).toBe('$ kubectl delete -f sleeper.yaml\npod "sleeper" deleted\n')
    expect(pod(w, 'sleeper')).toBeUndefined()
    // A shell as PID 1 ignores SIGTERM: the kubelet kills it at the end of the 30s grace period,
    // and kubectl returns once the pod object is gone.
    expect(w.now() - t0).toBeGreaterThanOrEqual(30_000)
    expect(w.now() - t0).toBeLessThan(40_000)
  })

  it('reads directories (-R for their subdirectories) and standard input', () => {
    const w = fileWorld()
    const { input, screen } = session([
      ['kubectl apply -f dir -R', 'pod/nginx created\nconfigmap/cfg created\nservice/web created\n'],
      ['cat pod.yaml | kubectl delete -f - --dry-run=client', 'pod "nginx" deleted (dry run)\n'],
      ['kubectl delete -f dir', 'pod "nginx" deleted\n'],
      ['kubectl delete -f dir -R -o name --ignore-not-found', 'configmap/cfg\nservice/web\n'],
      ['kubectl delete -f empty.yaml', 'No resources found\n'],
    ])
    expect(runTranscript(w, input)).toBe(screen)
  })

  // Checked against the real kubectl 1.32 pointed at Podlab's apiserver.
  it('filters by label, and --all or -l make NotFound quiet', () => {
    const w = fileWorld()
    const { input, screen } = session([
      ['kubectl apply -f lab.yaml', 'configmap/one created\nconfigmap/two created\n'],
      ['kubectl delete -f lab.yaml -l app=a --dry-run=client', 'configmap "one" deleted (dry run)\n'],
      ['kubectl delete -f lab.yaml -l app=b -o name', 'configmap/two\n'],
      ['kubectl delete -f lab.yaml', 'configmap "one" deleted\nError from server (NotFound): error when deleting "lab.yaml": configmaps "two" not found\n'],
      ['kubectl delete -f lab.yaml -l app=b', ''],
      ['kubectl delete -f lab.yaml --all', ''],
      ['echo $?', '0\n'],
    ])
    expect(runTranscript(w, input)).toBe(screen)
  })

  it('takes the namespace from the file, or -n for objects without one; -n must agree with the file', () => {
    const w = fileWorld()
    const { input, screen } = session([
      [
        'kubectl delete -f nsother.yaml -n foo',
        'error: the namespace from the provided object "other" does not match the namespace "foo". You must pass \'--namespace=other\' to perform this operation.\n',
      ],
      ['kubectl delete -f nsother.yaml', 'Error from server (NotFound): error when deleting "nsother.yaml": pods "a" not found\n'],
      [
        'kubectl delete -f nsother.yaml -f pod.yaml -n foo',
        'the namespace from the provided object "other" does not match the namespace "foo". You must pass \'--namespace=other\' to perform this operation.\n' +
          'Error from server (NotFound): error when deleting "pod.yaml": pods "nginx" not found\n',
      ],
      ['kubectl apply -f ns-other.yaml', 'namespace/other created\n'],
      [
        'kubectl delete -f ns-other.yaml -f pod.yaml -n default --dry-run=client',
        'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\nnamespace "other" deleted (dry run)\npod "nginx" deleted (dry run)\n',
      ],
    ])
    expect(runTranscript(w, input)).toBe(screen)
  })

  it('reports the errors of reading the files after the others', () => {
    const w = fileWorld()
    runTranscript(w, 'kubectl apply -f multi.yaml\n')
    const { input, screen } = session([
      ['kubectl delete -f multi.yaml -f bad.yaml', `configmap "cfg" deleted\nservice "web" deleted\nerror: ${BAD_YAML_ERROR}\n`],
      [
        'kubectl delete -f multi.yaml -f bad.yaml',
        'Error from server (NotFound): error when deleting "multi.yaml": configmaps "cfg" not found\n' +
          `Error from server (NotFound): error when deleting "multi.yaml": services "web" not found\n${BAD_YAML_ERROR}\n`,
      ],
      // FilterOut keeps the aggregate: the file's error is one of its lines, without "error: ".
      ['kubectl delete -f multi.yaml -f bad.yaml --ignore-not-found', `${BAD_YAML_ERROR}\n`],
      ['kubectl delete -f bad.yaml', `error: ${BAD_YAML_ERROR}\n`],
    ])
    expect(runTranscript(w, input)).toBe(screen)
  })

  it('answers the builder errors of kubectl 1.32 before reading anything', () => {
    const w = fileWorld()
    const cases: [string, string][] = [
      ['kubectl delete -f nosuch.yaml', 'error: the path "nosuch.yaml" does not exist\n'],
      ['kubectl delete -f nosuch.yaml -o yaml', 'error: the path "nosuch.yaml" does not exist\n'],
      ['kubectl delete -f pod.yaml pod/x', 'error: resource/name arguments cannot be provided when a path is specified\n'],
      ['kubectl delete -f pod.yaml pods', 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n'],
      ['kubectl delete -f pod.yaml pod x', 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n'],
      ['kubectl delete -f pod.yaml --all -l a=b', "error: setting 'all' parameter but found a non empty selector. \n"],
      ['kubectl delete -f pod.yaml -l a=(', 'error: the provided selector "a=(" is not valid: unable to parse requirement: found \'(\', expected: identifier\n'],
      ['kubectl delete -f pod.yaml -o yaml', "error: unexpected -o output mode: yaml. We only support '-o name'\n"],
      ['kubectl delete -f pod.yaml --force --grace-period=5', 'error: --force and --grace-period greater than 0 cannot be specified together\n'],
      ['kubectl delete -f pod.yaml -k dir', 'error: only one of -f or -k can be specified\n'],
      ['kubectl delete -f - -f pod.yaml -f -', 'error: standard input cannot be used for multiple arguments\n'],
      ['kubectl delete -f empty', 'error: the path "empty" does not exist\n'],
    ]
    for (const [line, expected] of cases) expect(runTranscript(w, `${line.replace('a=(', "'a=('")}\n`)).toBe(`$ ${line.replace('a=(', "'a=('")}\n${expected}`)
  })
})

// ---- -f with nobody at the API server's address, against the real kubectl 1.32 ----

const REAL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32'
const hasReal = existsSync(REAL)

/** klog's time and pid differ from run to run. */
function maskKlog(s: string): string {
  return s.replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, 'E<time> <pid> ')
}

/** The real kubectl's output for `args` in a directory holding FILES, nothing on localhost:8080. */
function realKubectl(dir: string, args: string[]): string {
  const r = spawnSync(REAL, args, { cwd: dir, encoding: 'utf8', input: '', env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent-home', KUBECONFIG: '/nonexistent/kubeconfig' } })
  return `${r.stdout}${r.stderr}[exit ${r.status}]\n`
}

describe.skipIf(!hasReal)('kubectl delete -f with no server, against the real kubectl 1.32', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-delete-f-'))
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  it.each([
    [['delete', '-f', 'pod.yaml']],
    [['delete', '-f', 'multi.yaml']],
    [['delete', '-f', 'dir']],
    [['delete', '-f', 'dir', '-R', '-l', 'a=b']],
    [['delete', '-f', 'nsother.yaml', '-n', 'foo']],
    [['delete', '-f', 'dir/notes.txt', '-f', 'pod.yaml']],
    [['delete', '-f', 'bad.yaml']],
    [['delete', '-f', 'empty.yaml']],
    [['delete', '-f', 'pod.yaml', 'pods']],
    [['delete', '-f', 'pod.yaml', '--all', '-l', 'a=b', 'pods']],
  ])('kubectl %j', (args) => {
    const line = `kubectl ${args.join(' ')}`
    const ours = runTranscript(fileWorld('empty'), `${line}\necho "[exit $?]"\n`).replace(`$ ${line}\n`, '').replace('$ echo "[exit $?]"\n', '')
    expect(maskKlog(ours)).toBe(maskKlog(realKubectl(dir, args)))
  })
})
