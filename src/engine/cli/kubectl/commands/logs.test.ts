// Scenario tests of `kubectl logs` over a booted kind world (seed 1). Log lines come from the
// simulated programs (nginx's entrypoint and start-up notices, a busybox shell loop); kubectl's
// own texts (errors, "Defaulted container", prefixes) were checked against the real kubectl
// 1.32 pointed at this simulated apiserver.
import { describe, expect, it } from 'vitest'
import { createWorld, type World } from '../../../world'
import { runTranscript } from '../../../sim/transcript'
import type { Pod } from '../../../api/types'
import { allContainerNames, byLogging, logQuery, podLogRequests, selectorsForObject } from './logsForObject'

function world(pods: { name: string; containers: { name: string; image: string; command?: string[] }[]; labels?: Record<string, string> }[]): World {
  const w = createWorld({ seed: 1 })
  const admin = w.cluster!.client('kubernetes-admin')
  for (const p of pods) {
    admin.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name, labels: p.labels }, spec: { containers: p.containers } })
  }
  return w
}

const nginxPod = { name: 'nginx', labels: { run: 'nginx' }, containers: [{ name: 'nginx', image: 'nginx' }] }

/**
 * What nginx:latest writes when it starts on an 8-CPU node (stdout, then its notices on stderr).
 * The "built by gcc" line ends with a space: NGX_COMPILER is `gcc -v`'s version text, which does.
 */
const NGINX_STARTUP = `/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
2026/11/22 09:00:09 [notice] 1#1: using the "epoll" event method
2026/11/22 09:00:09 [notice] 1#1: nginx/1.27.3
2026/11/22 09:00:09 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) 
2026/11/22 09:00:09 [notice] 1#1: OS: Linux 6.8.0-45-generic
2026/11/22 09:00:09 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576
2026/11/22 09:00:09 [notice] 1#1: start worker processes
2026/11/22 09:00:09 [notice] 1#1: start worker process 29
2026/11/22 09:00:09 [notice] 1#1: start worker process 30
2026/11/22 09:00:09 [notice] 1#1: start worker process 31
2026/11/22 09:00:09 [notice] 1#1: start worker process 32
2026/11/22 09:00:09 [notice] 1#1: start worker process 33
2026/11/22 09:00:09 [notice] 1#1: start worker process 34
2026/11/22 09:00:09 [notice] 1#1: start worker process 35
2026/11/22 09:00:09 [notice] 1#1: start worker process 36
`

describe('kubectl logs', () => {
  it("prints nginx's start-up lines, the last ones with --tail, with the kubelet's timestamps", () => {
    const w = world([nginxPod])
    expect(runTranscript(w, 'sleep 20\nkubectl logs nginx\nkubectl logs pod/nginx --tail=2 --timestamps\n')).toBe(
      `$ sleep 20\n$ kubectl logs nginx\n${NGINX_STARTUP}` +
        '$ kubectl logs pod/nginx --tail=2 --timestamps\n' +
        '2026-11-22T09:00:09.468000000Z 2026/11/22 09:00:09 [notice] 1#1: start worker process 35\n' +
        '2026-11-22T09:00:09.468000000Z 2026/11/22 09:00:09 [notice] 1#1: start worker process 36\n',
    )
  })

  it('says the container is waiting to start, and that there is no previous container', () => {
    const w = world([nginxPod])
    expect(runTranscript(w, 'sleep 1\nkubectl logs nginx\nsleep 19\nkubectl logs nginx -p\n')).toBe(
      '$ sleep 1\n$ kubectl logs nginx\n' +
        'Error from server (BadRequest): container "nginx" in pod "nginx" is waiting to start: ContainerCreating\n' +
        '$ sleep 19\n$ kubectl logs nginx -p\n' +
        'Error from server (BadRequest): previous terminated container "nginx" in pod "nginx" not found\n',
    )
  })

  it('defaults to the first container of a pod with several, and prefixes lines with --prefix', () => {
    const w = world([
      { name: 'two', containers: [{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox', command: ['sh', '-c', 'echo side ready; sleep 3600'] }] },
    ])
    expect(runTranscript(w, 'sleep 20\nkubectl logs two --tail=1\nkubectl logs two -c side\nkubectl logs two side\nkubectl logs two --all-containers --tail=1 --prefix\n')).toBe(
      '$ sleep 20\n$ kubectl logs two --tail=1\n' +
        'Defaulted container "web" out of: web, side\n' +
        '2026/11/22 09:00:09 [notice] 1#1: start worker process 36\n' +
        '$ kubectl logs two -c side\nside ready\n' +
        '$ kubectl logs two side\nside ready\n' +
        '$ kubectl logs two --all-containers --tail=1 --prefix\n' +
        '[pod/two/web] 2026/11/22 09:00:09 [notice] 1#1: start worker process 36\n' +
        '[pod/two/side] side ready\n',
    )
  })

  it('picks one pod of a deployment and says which', () => {
    const w = world([])
    const out = runTranscript(w, 'kubectl logs -n kube-system deploy/coredns\n')
    expect(out).toMatch(/^\$ kubectl logs -n kube-system deploy\/coredns\nFound 2 pods, using pod\/coredns-[a-z0-9]+-[a-z0-9]{5}\n/)
  })

  it('shows the last 10 lines of each pod with -l', () => {
    const w = world([nginxPod])
    const out = runTranscript(w, 'sleep 20\nkubectl logs -l run=nginx\nkubectl logs -l run=nope\n')
    expect(out).toBe(
      '$ sleep 20\n$ kubectl logs -l run=nginx\n' +
        NGINX_STARTUP.split('\n').slice(-11).join('\n') +
        '$ kubectl logs -l run=nope\nNo resources found in default namespace.\n',
    )
  })

  it('answers the errors of kubectl 1.32 (facts §7.1 and the real binary)', () => {
    const w = world([nginxPod])
    w.advance(20_000)
    const cases: [string, string][] = [
      ['kubectl logs nosuch', 'error: error from server (NotFound): pods "nosuch" not found in namespace "default"\n'],
      ['kubectl logs deploy/nope', 'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n'],
      ['kubectl logs nginx -c foo', 'error: container foo is not valid for pod nginx\n'],
      ['kubectl logs nginx nginx -c nginx', 'error: only one of -c or an inline [CONTAINER] arg is allowed\n'],
      ['kubectl logs node/kind-worker', 'error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n'],
      ['kubectl logs nginx --since=-5s', 'error: --since must be greater than 0\n'],
      ['kubectl logs nginx --tail=-2', 'error: --tail must be greater than or equal to -1\n'],
      ['kubectl logs nginx --pod-running-timeout=0', 'error: --pod-running-timeout must be higher than zero\n'],
      [
        'kubectl logs',
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      ],
      ['kubectl logs nginx -l a=b', "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n"],
    ]
    for (const [line, expected] of cases) expect(runTranscript(w, `${line}\n`)).toBe(`$ ${line}\n${expected}`)
  })

  it('follows a log with -f until Ctrl-C', () => {
    const w = world([{ name: 'ticker', containers: [{ name: 'ticker', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 2; done'] }] }])
    w.advance(20_000)
    const term = w.terminal('follow')
    let screen = ''
    term.onOutput((t) => (screen += t))
    term.runLine('kubectl logs -f ticker --tail=1')
    expect(term.foregroundMode).toBe('stream')
    expect(screen).toBe('tick\n')
    // The loop prints every 2 seconds: three more lines in the next 5.
    w.advance(5_000)
    expect(screen).toBe('tick\ntick\ntick\ntick\n')
    term.interrupt()
    expect(term.busy).toBe(false)
    w.advance(5_000)
    expect(screen).toBe('tick\ntick\ntick\ntick\n')
  })

  it('in a transcript, the next line interrupts the stream', () => {
    const w = world([nginxPod])
    w.advance(20_000)
    expect(runTranscript(w, 'kubectl logs -f nginx --tail=1\necho after\n')).toBe(
      '$ kubectl logs -f nginx --tail=1\n2026/11/22 09:00:09 [notice] 1#1: start worker process 36\n^C\n$ echo after\nafter\n',
    )
  })
})

describe('logs helpers', () => {
  const pod = (name: string, extra: Partial<Pod> = {}): Pod => ({ metadata: { name, namespace: 'default', creationTimestamp: '2026-11-22T09:00:00Z' }, ...extra })

  it('names all containers as podcmd.AllContainerNames does', () => {
    const p = pod('p', { spec: { containers: [{ name: 'a' }, { name: 'b' }], initContainers: [{ name: 'i' }], ephemeralContainers: [{ name: 'e' }] } })
    expect(allContainerNames(p)).toBe('a, b, e (ephem), i (init)')
  })

  it('honours the default-container annotation, and warns when it names nothing', () => {
    const opts = { container: '', follow: false, previous: false, timestamps: false, insecureSkipTLSVerifyBackend: false }
    const warnings: string[] = []
    const p = pod('p', { spec: { containers: [{ name: 'a' }, { name: 'b' }] } })
    p.metadata!.annotations = { 'kubectl.kubernetes.io/default-container': 'b' }
    expect(podLogRequests(p, opts, false, (t) => warnings.push(t))).toEqual({
      ok: true,
      requests: [{ namespace: 'default', podName: 'p', fieldPath: 'spec.containers{b}', options: { ...opts, container: 'b' } }],
    })
    p.metadata!.annotations = { 'kubectl.kubernetes.io/default-container': 'zzz' }
    podLogRequests(p, opts, false, (t) => warnings.push(t))
    expect(warnings).toEqual(['Default container name "zzz" not found in pod p\n', 'Defaulted container "a" out of: a, b\n'])
  })

  it('orders pods ByLogging: scheduled, running, ready, then more restarts, then older', () => {
    const ready = { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-11-22T09:01:00Z' }] }
    const pending = pod('pending', { spec: { nodeName: 'n', containers: [] }, status: { phase: 'Pending' } })
    const unassigned = pod('unassigned', { spec: { containers: [] }, status: { phase: 'Running' } })
    const running = pod('running', { spec: { nodeName: 'n', containers: [] }, status: { phase: 'Running', ...ready } })
    const sorted = [unassigned, pending, running].sort((a, b) => (byLogging(a, b) ? -1 : byLogging(b, a) ? 1 : 0))
    expect(sorted.map((p) => p.metadata!.name)).toEqual(['running', 'pending', 'unassigned'])
  })

  it('finds the pods of workloads, and refuses objects without a selector', () => {
    expect(selectorsForObject({ kind: 'Deployment', metadata: { namespace: 'd' }, spec: { selector: { matchLabels: { b: '2', a: '1' } } } })).toEqual({
      ok: true,
      namespace: 'd',
      selector: 'a=1,b=2',
    })
    expect(selectorsForObject({ kind: 'Service', metadata: { name: 's', namespace: 'd' }, spec: {} })).toEqual({
      ok: false,
      error: "invalid service 's': Service is defined without a selector",
    })
    expect(selectorsForObject({ kind: 'ConfigMap', metadata: { name: 'c' } })).toEqual({ ok: false, error: 'selector for *v1.ConfigMap not implemented' })
  })

  it('writes only the options that are set as query parameters', () => {
    expect(logQuery({ container: 'c', follow: true, previous: false, timestamps: true, tailLines: 10, insecureSkipTLSVerifyBackend: false })).toEqual({
      container: 'c',
      follow: 'true',
      timestamps: 'true',
      tailLines: '10',
    })
  })
})
