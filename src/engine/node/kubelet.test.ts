// Scenario tests of the kubelet over a booted kind world (seed 1), through kubectl and the
// headless runner. Expected texts: the events a real kubelet records (facts §3.3; the node events
// of real kind clusters' `kubectl describe node`: "Starting kubelet.", "NodeHasSufficientMemory
// (x2 over ...)", "Updated Node Allocatable limit across pods", "NodeReady", kube-proxy's
// "Starting" with no message), the kubelet's log errors (kubelet_pods.go), nginx's graceful
// shutdown, and the init container flow of the facts' myapp-pod (§2.1).
import { afterEach, describe, expect, it } from 'vitest'
import { createWorld, type World } from '../world'
import { runTranscript } from '../sim/transcript'
import { kindNodes } from '../cluster/kind'
import { findImage, parseImageRef } from '../runtime/imageCatalog'
import type { Pod } from '../api/types'
import { Kubelet } from './kubelet'

function world(pods: Pod[] = []): World {
  const w = createWorld({ seed: 1 })
  const admin = w.cluster!.client('kubernetes-admin')
  for (const p of pods) admin.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', ...p })
  // As kubectl's writes let the controllers react: the scheduler binds them.
  w.runUntilIdle()
  return w
}

/** Everything from `Events:` on, of a describe's output. */
function events(text: string): string {
  return text.slice(text.indexOf('Events:'))
}

/** A terminal whose screen the test reads while its command streams. */
function terminal(w: World, id: string) {
  const term = w.terminal(id)
  let screen = ''
  term.onOutput((t) => (screen += t))
  return { term, screen: () => screen }
}

describe('kubelet: node registration events', () => {
  it('records what a starting kubelet records, found by `kubectl describe node` under the node name as UID', () => {
    const w = world()
    expect(events(runTranscript(w, 'kubectl describe node kind-worker\n'))).toBe(
      [
        'Events:',
        '  Type    Reason                   Age              From        Message',
        '  ----    ------                   ----             ----        -------',
        // kube-proxy (Running at boot) records on the events.k8s.io API: no lastTimestamp, so first.
        '  Normal  Starting                 0s               kube-proxy  ',
        '  Normal  Starting                 1s               kubelet     Starting kubelet.',
        '  Normal  NodeHasSufficientMemory  1s (x2 over 1s)  kubelet     Node kind-worker status is now: NodeHasSufficientMemory',
        '  Normal  NodeHasNoDiskPressure    1s (x2 over 1s)  kubelet     Node kind-worker status is now: NodeHasNoDiskPressure',
        '  Normal  NodeHasSufficientPID     1s (x2 over 1s)  kubelet     Node kind-worker status is now: NodeHasSufficientPID',
        '  Normal  NodeAllocatableEnforced  1s               kubelet     Updated Node Allocatable limit across pods',
        '',
      ].join('\n'),
    )
    const all = runTranscript(w, 'kubectl get events -A\n').split('\n')
    expect(all.filter((l) => l.startsWith('default ') && l.includes('node/kind-worker '))).toEqual([
      'default              1s          Normal   Starting                  node/kind-worker                                 Starting kubelet.',
      'default              1s          Normal   NodeHasSufficientMemory   node/kind-worker                                 Node kind-worker status is now: NodeHasSufficientMemory',
      'default              1s          Normal   NodeHasNoDiskPressure     node/kind-worker                                 Node kind-worker status is now: NodeHasNoDiskPressure',
      'default              1s          Normal   NodeHasSufficientPID      node/kind-worker                                 Node kind-worker status is now: NodeHasSufficientPID',
      'default              1s          Normal   NodeAllocatableEnforced   node/kind-worker                                 Updated Node Allocatable limit across pods',
      // kube-proxy's: LAST SEEN from its eventTime, an empty MESSAGE; get keeps the server's (name) order.
      'default              0s          Normal   Starting                  node/kind-worker                                 ',
    ])
    const ev = w.cluster!.client('test').list<{ involvedObject: { kind: string; name: string; uid: string }; source: object }>('events', 'default').items[0]
    expect([ev.involvedObject, ev.source]).toEqual([{ kind: 'Node', name: 'kind-control-plane', uid: 'kind-control-plane' }, { component: 'kubelet', host: 'kind-control-plane' }])
  })

  it('keeps a node that waits for its CNI plugin NotReady, then records NodeReady; only host-network pods start before', () => {
    const w = world()
    const cluster = w.cluster!
    // A node joining the cluster: kind's node image has no CNI configuration until kindnet writes it.
    const spec = { ...kindNodes('kind', 3)[3], awaitsCniConfig: true }
    const kubelet = new Kubelet(cluster.client(`system:node:${spec.name}`), w.clock, w.rng, spec, { clientFor: (user) => cluster.client(user) })
    cluster.kubelets.set(spec.name, kubelet)
    cluster.register(kubelet)
    cluster.client('kubernetes-admin').create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'pinned' },
      spec: { nodeName: spec.name, containers: [{ name: 'nginx', image: 'nginx' }] },
    })
    const out = runTranscript(w, 'kubectl get node kind-worker3\nsleep 20\nkubectl get node kind-worker3\nkubectl describe node kind-worker3\nkubectl describe pod pinned\n')
    expect(out).toContain('$ kubectl get node kind-worker3\nNAME           STATUS     ROLES    AGE   VERSION\nkind-worker3   NotReady   <none>   0s    v1.32.2\n')
    expect(out).toContain('$ kubectl get node kind-worker3\nNAME           STATUS   ROLES    AGE   VERSION\nkind-worker3   Ready    <none>   20s   v1.32.2\n')
    expect(out).toContain(
      '  Ready            True    Sun, 22 Nov 2026 09:00:02 +0000   Sun, 22 Nov 2026 09:00:02 +0000   KubeletReady                 kubelet is posting ready status\n',
    )
    const [node, pod] = out.split('$ kubectl describe pod pinned\n')
    expect(events(node)).toBe(
      [
        'Events:',
        '  Type    Reason                   Age                From        Message',
        '  ----    ------                   ----               ----        -------',
        // kube-proxy records on the events.k8s.io API: no lastTimestamp, so kubectl 1.32 sorts it first.
        '  Normal  Starting                 18s                kube-proxy  ',
        '  Normal  Starting                 20s                kubelet     Starting kubelet.',
        '  Normal  NodeHasSufficientMemory  20s (x2 over 20s)  kubelet     Node kind-worker3 status is now: NodeHasSufficientMemory',
        '  Normal  NodeHasNoDiskPressure    20s (x2 over 20s)  kubelet     Node kind-worker3 status is now: NodeHasNoDiskPressure',
        '  Normal  NodeHasSufficientPID     20s (x2 over 20s)  kubelet     Node kind-worker3 status is now: NodeHasSufficientPID',
        '  Normal  NodeAllocatableEnforced  20s                kubelet     Updated Node Allocatable limit across pods',
        '  Normal  NodeReady                19s                kubelet     Node kind-worker3 status is now: NodeReady',
        '',
      ].join('\n'),
    )
    expect(events(pod)).toBe(
      [
        'Events:',
        '  Type     Reason           Age   From     Message',
        '  ----     ------           ----  ----     -------',
        '  Warning  NetworkNotReady  20s   kubelet  network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
        // The pod worker's retry: backOffPeriod 10s jittered by up to 50% after the network error.
        '  Normal   Pulling          6s    kubelet  Pulling image "nginx"',
        '',
      ].join('\n'),
    )
    // One per node: the three booted nodes' kube-proxies too.
    const proxyEvents = cluster.client('test').list<Record<string, unknown>>('events', 'default').items.filter((e) => e.reportingComponent === 'kube-proxy')
    expect(proxyEvents.map((e) => [e.action, e.reportingInstance, e.involvedObject])).toEqual(
      ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3'].map((n) => ['StartKubeProxy', `kube-proxy-${n}`, { kind: 'Node', name: n, uid: n }]),
    )
  })
})

describe('kubelet: static pods', () => {
  it("records a static pod's events against the static pod, whose UID the mirror carries, so describe finds them", () => {
    const w = world()
    const out = runTranscript(w, 'kubectl describe pod etcd-kind-control-plane -n kube-system\n')
    expect(out).toContain(
      'Annotations:          kubernetes.io/config.hash: 313e41c670c6a5c8e3ce00b6e36e3887\n' +
        '                      kubernetes.io/config.mirror: 313e41c670c6a5c8e3ce00b6e36e3887\n' +
        '                      kubernetes.io/config.seen: 2026-11-22T09:00:00Z\n' +
        '                      kubernetes.io/config.source: file\n',
    )
    expect(events(out)).toBe(
      [
        'Events:',
        '  Type    Reason   Age   From     Message',
        '  ----    ------   ----  ----     -------',
        '  Normal  Pulled   1s    kubelet  Container image "registry.k8s.io/etcd:3.5.16-0" already present on machine',
        '  Normal  Created  1s    kubelet  Created container: etcd',
        '  Normal  Started  0s    kubelet  Started container etcd',
        '',
      ].join('\n'),
    )
    const client = w.cluster!.client('test')
    const mirror = client.get<Pod>('pods', 'kube-system', 'etcd-kind-control-plane')
    const ev = client.list<{ involvedObject: Record<string, unknown> }>('events', 'kube-system', { fieldSelector: 'involvedObject.name=etcd-kind-control-plane' }).items[0]
    expect(ev.involvedObject).toEqual({ kind: 'Pod', namespace: 'kube-system', name: 'etcd-kind-control-plane', uid: '313e41c670c6a5c8e3ce00b6e36e3887', apiVersion: 'v1', fieldPath: 'spec.containers{etcd}' })
    expect(mirror.metadata?.uid).not.toBe('313e41c670c6a5c8e3ce00b6e36e3887')
  })

  it('recreates a deleted mirror pod; the static pod runs on, its events unchanged', () => {
    const w = world()
    expect(
      runTranscript(
        w,
        'sleep 10\nkubectl delete pod kube-scheduler-kind-control-plane -n kube-system\nkubectl get pod kube-scheduler-kind-control-plane -n kube-system\nkubectl get events -n kube-system --field-selector involvedObject.name=kube-scheduler-kind-control-plane\n',
      ),
    ).toBe(`$ sleep 10
$ kubectl delete pod kube-scheduler-kind-control-plane -n kube-system
pod "kube-scheduler-kind-control-plane" deleted
$ kubectl get pod kube-scheduler-kind-control-plane -n kube-system
NAME                                READY   STATUS    RESTARTS   AGE
kube-scheduler-kind-control-plane   1/1     Running   0          0s
$ kubectl get events -n kube-system --field-selector involvedObject.name=kube-scheduler-kind-control-plane
LAST SEEN   TYPE     REASON    OBJECT                                  MESSAGE
11s         Normal   Pulled    pod/kube-scheduler-kind-control-plane   Container image "registry.k8s.io/kube-scheduler:v1.32.2" already present on machine
11s         Normal   Created   pod/kube-scheduler-kind-control-plane   Created container: kube-scheduler
10s         Normal   Started   pod/kube-scheduler-kind-control-plane   Started container kube-scheduler
`)
  })
})

describe('kubelet: init containers', () => {
  const myapp: Pod = {
    metadata: { name: 'myapp-pod' },
    spec: {
      initContainers: [{ name: 'init-myservice', image: 'busybox:1.28', command: ['sh', '-c', 'echo waiting for myservice; sleep 4; echo done'] }],
      containers: [{ name: 'myapp-container', image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'] }],
    },
  }

  it('runs them before the containers; their logs, and the waiting errors before', () => {
    const w = world([myapp])
    expect(
      runTranscript(
        w,
        'kubectl logs myapp-pod -c init-myservice\nkubectl get pod myapp-pod\nsleep 3\nkubectl logs myapp-pod -c init-myservice\nkubectl logs myapp-pod -c myapp-container\nsleep 5\nkubectl get pod myapp-pod\nkubectl logs myapp-pod -c init-myservice\nkubectl logs myapp-pod -c myapp-container\n',
      ),
    ).toBe(`$ kubectl logs myapp-pod -c init-myservice
Error from server (BadRequest): container "init-myservice" in pod "myapp-pod" is waiting to start: PodInitializing
$ kubectl get pod myapp-pod
NAME        READY   STATUS     RESTARTS   AGE
myapp-pod   0/1     Init:0/1   0          0s
$ sleep 3
$ kubectl logs myapp-pod -c init-myservice
waiting for myservice
$ kubectl logs myapp-pod -c myapp-container
Error from server (BadRequest): container "myapp-container" in pod "myapp-pod" is waiting to start: PodInitializing
$ sleep 5
$ kubectl get pod myapp-pod
NAME        READY   STATUS    RESTARTS   AGE
myapp-pod   1/1     Running   0          8s
$ kubectl logs myapp-pod -c init-myservice
waiting for myservice
done
$ kubectl logs myapp-pod -c myapp-container
The app is running!
`)
    const out = runTranscript(w, 'kubectl describe pod myapp-pod\n')
    expect(out).toContain('    State:          Terminated\n      Reason:       Completed\n      Exit Code:    0\n      Started:      Sun, 22 Nov 2026 09:00:03 +0000\n      Finished:     Sun, 22 Nov 2026 09:00:07 +0000\n    Ready:          True\n')
    expect(events(out)).toBe(
      [
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  8s    default-scheduler  Successfully assigned default/myapp-pod to kind-worker',
        '  Normal  Pulling    8s    kubelet            Pulling image "busybox:1.28"',
        '  Normal  Pulled     7s    kubelet            Successfully pulled image "busybox:1.28" in 609ms (609ms including waiting). Image size: 727869 bytes.',
        '  Normal  Created    7s    kubelet            Created container: init-myservice',
        '  Normal  Started    6s    kubelet            Started container init-myservice',
        '  Normal  Pulled     2s    kubelet            Container image "busybox:1.28" already present on machine',
        '  Normal  Created    2s    kubelet            Created container: myapp-container',
        '  Normal  Started    2s    kubelet            Started container myapp-container',
        '',
      ].join('\n'),
    )
    const init = w.cluster!.client('test').get<Pod>('pods', 'default', 'myapp-pod').status?.initContainerStatuses?.[0]
    expect([init?.ready, init?.started, init?.state?.terminated?.reason]).toEqual([true, false, 'Completed'])
  })

  it('fails the pod when an init container fails under restartPolicy Never', () => {
    const w = world([{ metadata: { name: 'broken' }, spec: { restartPolicy: 'Never', initContainers: [{ name: 'check', image: 'busybox', command: ['sh', '-c', 'echo no; exit 3'] }], containers: [{ name: 'app', image: 'busybox' }] } }])
    expect(runTranscript(w, 'sleep 10\nkubectl get pod broken\nkubectl logs broken -c check\nkubectl logs broken -c app\n')).toBe(`$ sleep 10
$ kubectl get pod broken
NAME     READY   STATUS       RESTARTS   AGE
broken   0/1     Init:Error   0          10s
$ kubectl logs broken -c check
no
$ kubectl logs broken -c app
Error from server (BadRequest): container "app" in pod "broken" is waiting to start: PodInitializing
`)
  })
})

describe('kubelet: logs', () => {
  const ticker: Pod = { metadata: { name: 'ticker' }, spec: { containers: [{ name: 'ticker', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 2; done'] }] } }

  it('keeps --timestamps on the lines that follow the first chunk', () => {
    const w = world([ticker])
    w.advance(20_000)
    const { term, screen } = terminal(w, 'follow')
    term.runLine('kubectl logs -f ticker --timestamps --tail=1')
    w.advance(4_100)
    expect(screen()).toBe('2026-11-22T09:00:19.219000000Z tick\n2026-11-22T09:00:21.229000000Z tick\n2026-11-22T09:00:23.239000000Z tick\n2026-11-22T09:00:25.249000000Z tick\n')
  })

  it('ends a follow stream when the container exits, with the lines written until then', () => {
    const w = world([{ metadata: { name: 'job' }, spec: { restartPolicy: 'Never', containers: [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 30; echo two'] }] } }])
    w.advance(10_000)
    const client = w.cluster!.client('test')
    let pod = client.get<Pod>('pods', 'default', 'job')
    const kubelet = w.cluster!.kubelets.get(pod.spec!.nodeName!)!
    let data = ''
    let ended = false
    kubelet.followLogs(pod, { follow: 'true' }, (d) => (data += d), () => (ended = true))
    expect([data, ended]).toEqual(['one\n', false])
    w.advance(30_000)
    expect([data, ended]).toEqual(['one\ntwo\n', true])
    // Following an exited container gives its log and the end at once.
    pod = client.get<Pod>('pods', 'default', 'job')
    let again = ''
    let endedAgain = false
    kubelet.followLogs(pod, { follow: 'true', timestamps: 'true' }, (d) => (again += d), () => (endedAgain = true))
    expect(endedAgain).toBe(true)
    expect(again.split('\n').length).toBe(3)
  })

  it('reads the last run of a crash-looping container, for logs and --previous alike', () => {
    const w = world([{ metadata: { name: 'crasher' }, spec: { containers: [{ name: 'crasher', image: 'busybox', command: ['sh', '-c', 'echo boom; exit 1'] }] } }])
    expect(runTranscript(w, 'sleep 15\nkubectl logs crasher\nkubectl logs crasher --previous\nkubectl get pod crasher\n')).toBe(`$ sleep 15
$ kubectl logs crasher
boom
$ kubectl logs crasher --previous
boom
$ kubectl get pod crasher
NAME      READY   STATUS             RESTARTS     AGE
crasher   0/1     CrashLoopBackOff   1 (2s ago)   15s
`)
  })
})

describe('kubelet: deletion', () => {
  const nginx = findImage(parseImageRef('nginx')!)!
  afterEach(() => {
    delete (nginx.config as { stopSignal?: string }).stopSignal
  })

  it("stops nginx with the image's STOPSIGNAL, then takes the sandbox and volume teardown before the final delete", () => {
    // nginx's Dockerfile says STOPSIGNAL SIGQUIT; the image catalog is to carry it (see the report).
    ;(nginx.config as { stopSignal?: string }).stopSignal = 'SIGQUIT'
    // A finalizer keeps the object after the kubelet's delete, to watch what the kubelet does.
    const w = world([{ metadata: { name: 'web', finalizers: ['podlab.test/keep'] }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }])
    w.advance(20_000)
    const kubeletWrites: string[] = []
    w.onAudit((e) => {
      if (e.user.startsWith('system:node:') && e.resource === 'pods' && (e.verb === 'update' || e.verb === 'delete')) kubeletWrites.push(`${new Date(e.time).toISOString()} ${e.verb}${e.subresource ? `/${e.subresource}` : ''}`)
    })
    const { term, screen } = terminal(w, 'follow')
    term.runLine('kubectl logs -f web --tail=1')
    const t0 = w.now()
    expect(runTranscript(w, 'kubectl delete pod web --wait=false\nkubectl get pod web\n')).toBe(
      '$ kubectl delete pod web --wait=false\npod "web" deleted\n$ kubectl get pod web\nNAME   READY   STATUS        RESTARTS   AGE\nweb    1/1     Terminating   0          20s\n',
    )
    w.advance(1_000)
    expect(screen().split('\n').slice(0, 4)).toEqual([
      '2026/11/22 09:00:09 [notice] 1#1: start worker process 36',
      '2026/11/22 09:00:21 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
      '2026/11/22 09:00:21 [notice] 29#29: gracefully shutting down',
      '2026/11/22 09:00:21 [notice] 29#29: exiting',
    ])
    expect(screen().endsWith('2026/11/22 09:00:21 [notice] 1#1: worker process 36 exited with code 0\n2026/11/22 09:00:21 [notice] 1#1: exit\n')).toBe(true)
    expect(new Date(t0).toISOString()).toBe('2026-11-22T09:00:21.200Z')
    // The terminal status once the sandbox is stopped, then the delete once the volumes are unmounted.
    expect(kubeletWrites).toEqual(['2026-11-22T09:00:21.400Z update/status', '2026-11-22T09:00:22.000Z delete'])
    const pod = w.cluster!.client('test').get<Pod>('pods', 'default', 'web')
    expect([pod.status?.phase, pod.status?.containerStatuses?.[0].state?.terminated?.reason, pod.metadata?.deletionGracePeriodSeconds]).toEqual(['Succeeded', 'Completed', 0])
  })

  it('gives a shell that ignores SIGTERM at least 2 seconds (minimumGracePeriodInSeconds), then SIGKILL: exit 137', () => {
    const w = world([{ metadata: { name: 'sleeper', finalizers: ['podlab.test/keep'] }, spec: { containers: [{ name: 'sleeper', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }] } }])
    w.advance(20_000)
    runTranscript(w, 'kubectl delete pod sleeper --grace-period=1 --wait=false\n')
    const client = w.cluster!.client('test')
    w.advance(1_900)
    expect(client.get<Pod>('pods', 'default', 'sleeper').status?.phase).toBe('Running')
    w.advance(300)
    const state = client.get<Pod>('pods', 'default', 'sleeper').status?.containerStatuses?.[0].state?.terminated
    expect([state?.exitCode, state?.reason]).toEqual([137, 'Error'])
  })
})

describe('kubelet: redis and httpd', () => {
  it('run their programs: the redis banner, httpd with the pod IP', () => {
    const w = world()
    const out = runTranscript(w, 'kubectl run cache --image=redis:7.4.1\nkubectl run web --image=httpd:2.4\nsleep 20\nkubectl get pods -o wide\nkubectl logs cache --tail=2\nkubectl logs web\n')
    // Both pods tie in the scheduler's scores after cache lands on kind-worker; seed 1 puts web there too,
    // so its pull waits behind redis's (serialized image pulls) and httpd starts later.
    expect(out).toContain(`$ kubectl logs cache --tail=2
1:M 22 Nov 2026 09:00:07.022 * Server initialized
1:M 22 Nov 2026 09:00:07.022 * Ready to accept connections tcp
$ kubectl logs web
AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.4. Set the 'ServerName' directive globally to suppress this message
AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.4. Set the 'ServerName' directive globally to suppress this message
[Sun Nov 22 09:00:13.651000 2026] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations
[Sun Nov 22 09:00:13.651000 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'
`)
    expect(out).toContain('web     1/1     Running   0          20s   10.244.1.4   kind-worker ')
  })

  it('gives the same transcript for the same seed', () => {
    const session = 'kubectl run cache --image=redis\nsleep 15\nkubectl logs cache\nkubectl describe node kind-worker\nkubectl delete pod cache\nkubectl get events\n'
    expect(runTranscript(world(), session)).toBe(runTranscript(world(), session))
  })
})
