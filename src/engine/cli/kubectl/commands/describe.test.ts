// Scenario tests of `kubectl describe` over a booted kind world (seed 1). The expected texts are
// what the real kubectl 1.32 prints for the same objects: the layout was checked line for line
// by pointing the real binary at this simulated apiserver (see the report of this command).
// `describe -f` likewise; with no server, the real binary is run beside Podlab and compared.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorld, type World } from '../../../world'
import { runTranscript } from '../../../sim/transcript'
import { eventFieldSelector } from './describeDescribers'
import { builderStructureError } from './describeTargets'

/** A kind world with an nginx pod created as `kubectl run nginx --image=nginx` would. */
function nginxWorld(): World {
  const world = createWorld({ seed: 1 })
  world.cluster!.client('kubernetes-admin').create('pods', 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx', labels: { run: 'nginx' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
  })
  return world
}

/** `kubectl describe pod nginx` 20 seconds after the pod was created. */
const DESCRIBE_NGINX = `Name:             nginx
Namespace:        default
Priority:         0
Service Account:  default
Node:             kind-worker/172.18.0.3
Start Time:       Sun, 22 Nov 2026 09:00:01 +0000
Labels:           run=nginx
Annotations:      <none>
Status:           Running
IP:               10.244.1.3
IPs:
  IP:  10.244.1.3
Containers:
  nginx:
    Container ID:   containerd://dac0c9efb09685656514d269363ff3a1f1fa5539731c5d97a58fc7e3a4ebad34
    Image:          nginx
    Image ID:       docker.io/library/nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      Sun, 22 Nov 2026 09:00:09 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-hcg6l (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-hcg6l:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  20s   default-scheduler  Successfully assigned default/nginx to kind-worker
  Normal  Pulling    20s   kubelet            Pulling image "nginx"
  Normal  Pulled     13s   kubelet            Successfully pulled image "nginx" in 7.068s (7.068s including waiting). Image size: 72099410 bytes.
  Normal  Created    13s   kubelet            Created container: nginx
  Normal  Started    12s   kubelet            Started container nginx
`

/** The same description without its Events section (--show-events=false). */
const DESCRIBE_NGINX_NO_EVENTS = DESCRIBE_NGINX.slice(0, DESCRIBE_NGINX.indexOf('Events:\n'))

/** `kubectl describe node kind-worker` at the same moment. */
const DESCRIBE_NODE = `Name:               kind-worker
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=kind-worker
                    kubernetes.io/os=linux
Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Sun, 22 Nov 2026 09:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  kind-worker
  AcquireTime:     <unset>
  RenewTime:       Sun, 22 Nov 2026 09:00:20 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Sun, 22 Nov 2026 09:00:00 +0000   Sun, 22 Nov 2026 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Sun, 22 Nov 2026 09:00:00 +0000   Sun, 22 Nov 2026 09:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Sun, 22 Nov 2026 09:00:00 +0000   Sun, 22 Nov 2026 09:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Sun, 22 Nov 2026 09:00:00 +0000   Sun, 22 Nov 2026 09:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    kind-worker
Capacity:
  cpu:                8
  ephemeral-storage:  102625208Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             16365432Ki
  pods:               110
Allocatable:
  cpu:                8
  ephemeral-storage:  102625208Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             16365432Ki
  pods:               110
System Info:
  Machine ID:                 afbb54b2acb658053783ffed9f4194df
  System UUID:                40fd1ddd-5304-4095-886e-f305edda543e
  Boot ID:                    af8ef016-2418-491f-9638-137c315ceafa
  Kernel Version:             6.8.0-45-generic
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.32.2
  Kube-Proxy Version:         v1.32.2
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   kind://docker/kind/kind-worker
Non-terminated Pods:          (4 in total)
  Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                        ------------  ----------  ---------------  -------------  ---
  default                     nginx                       0 (0%)        0 (0%)      0 (0%)           0 (0%)         20s
  kube-system                 coredns-fhhjhmkfmf-9kndh    100m (1%)     0 (0%)      70Mi (0%)        170Mi (1%)     21s
  kube-system                 kindnet-tc6lb               100m (1%)     100m (1%)   50Mi (0%)        50Mi (0%)      21s
  kube-system                 kube-proxy-g78n8            0 (0%)        0 (0%)      0 (0%)           0 (0%)         21s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                200m (2%)   100m (1%)
  memory             120Mi (0%)  220Mi (1%)
  ephemeral-storage  0 (0%)      0 (0%)
  hugepages-1Gi      0 (0%)      0 (0%)
  hugepages-2Mi      0 (0%)      0 (0%)
Events:
  Type    Reason                   Age                From        Message
  ----    ------                   ----               ----        -------
  Normal  Starting                 20s                kube-proxy  
  Normal  Starting                 21s                kubelet     Starting kubelet.
  Normal  NodeHasSufficientMemory  21s (x2 over 21s)  kubelet     Node kind-worker status is now: NodeHasSufficientMemory
  Normal  NodeHasNoDiskPressure    21s (x2 over 21s)  kubelet     Node kind-worker status is now: NodeHasNoDiskPressure
  Normal  NodeHasSufficientPID     21s (x2 over 21s)  kubelet     Node kind-worker status is now: NodeHasSufficientPID
  Normal  NodeAllocatableEnforced  21s                kubelet     Updated Node Allocatable limit across pods
`

describe('kubectl describe pod', () => {
  // kubectl 1.32 sorts events by lastTimestamp alone (pkg/util/event SortableEvents), so the
  // scheduler's Scheduled event, which has only an eventTime, comes first. This fails until
  // describe/events.ts sorts that way (measured against the real kubectl 1.32.5).
  it('describes a running nginx pod with its events', () => {
    const world = nginxWorld()
    expect(runTranscript(world, 'sleep 20\nkubectl describe pod nginx\n')).toBe(`$ sleep 20\n$ kubectl describe pod nginx\n${DESCRIBE_NGINX}`)
  })

  it('leaves the events out with --show-events=false, and takes TYPE/NAME', () => {
    const world = nginxWorld()
    world.advance(20_000)
    expect(runTranscript(world, 'kubectl describe po/nginx --show-events=false\n')).toBe(`$ kubectl describe po/nginx --show-events=false\n${DESCRIBE_NGINX_NO_EVENTS}`)
  })

  it('falls back to the pods whose name starts with the argument, each followed by a blank line', () => {
    const world = nginxWorld()
    world.advance(20_000)
    expect(runTranscript(world, 'kubectl describe pods ngi --show-events=false\n')).toBe(
      `$ kubectl describe pods ngi --show-events=false\n${DESCRIBE_NGINX_NO_EVENTS}\n`,
    )
  })

  it('separates several descriptions with two blank lines', () => {
    const world = nginxWorld()
    world.cluster!.client('kubernetes-admin').create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { run: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    })
    world.advance(20_000)
    const out = runTranscript(world, 'kubectl describe pods --show-events=false\n')
    const parts = out.slice(out.indexOf('\n') + 1).split('\n\n\n')
    expect(parts.map((p) => p.split('\n')[0])).toEqual(['Name:             nginx', 'Name:             web'])
  })

  it('prints what it found, then the NotFound errors, and exits 1', () => {
    const world = nginxWorld()
    world.advance(20_000)
    expect(runTranscript(world, 'kubectl describe pod nope nginx --show-events=false\necho $?\n')).toBe(
      '$ kubectl describe pod nope nginx --show-events=false\n' +
        DESCRIBE_NGINX_NO_EVENTS +
        'Error from server (NotFound): pods "nope" not found\n' +
        '$ echo $?\n1\n',
    )
  })

  it('answers the errors of kubectl 1.32 (facts §7.1 and the real binary)', () => {
    const world = nginxWorld()
    const cases: [string, string][] = [
      ['kubectl describe pod nosuch', 'Error from server (NotFound): pods "nosuch" not found\n'],
      ['kubectl describe foo', 'error: the server doesn\'t have a resource type "foo"\n'],
      ['kubectl describe pods -l run=nope', 'No resources found in default namespace.\n'],
      ['kubectl describe pods -A -l run=nope', 'No resources found\n'],
      ['kubectl describe pods x -l a=b', 'error: name cannot be provided when a selector is specified\n'],
      ['kubectl describe pod/x -l a=b', 'error: selectors and the all flag cannot be used when passing resource/name arguments\n'],
      ['kubectl describe pod nginx -A', 'error: a resource cannot be retrieved by name across all namespaces\n'],
      [
        'kubectl describe',
        'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      ],
      [
        'kubectl describe pods -l \'a in (b\'',
        'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in (b", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n',
      ],
    ]
    for (const [line, expected] of cases) expect(runTranscript(world, `${line}\n`)).toBe(`$ ${line}\n${expected}`)
  })

  it('says so for a kind Podlab has no describer for yet', () => {
    const world = nginxWorld()
    expect(runTranscript(world, 'kubectl describe deploy coredns -n kube-system\n')).toBe(
      '$ kubectl describe deploy coredns -n kube-system\nerror: "kubectl describe deployments.apps" is not simulated by Podlab yet\n',
    )
  })
})

describe('kubectl describe node and namespace', () => {
  it('describes node kind-worker: lease, conditions, its non-terminated pods and their requests', () => {
    const world = nginxWorld()
    expect(runTranscript(world, 'sleep 20\nkubectl describe node kind-worker\n')).toBe(`$ sleep 20\n$ kubectl describe node kind-worker\n${DESCRIBE_NODE}`)
  })

  it('describes a namespace (this apiserver serves no resource quotas or limit ranges, so those sections are left out)', () => {
    const world = nginxWorld()
    expect(runTranscript(world, 'kubectl describe ns default\n')).toBe(
      '$ kubectl describe ns default\n' +
        'Name:         default\n' +
        'Labels:       kubernetes.io/metadata.name=default\n' +
        'Annotations:  <none>\n' +
        'Status:       Active\n',
    )
  })
})

describe('describe helpers', () => {
  it('builds the events field selector as client-go GetFieldSelector does (keys sorted)', () => {
    expect(eventFieldSelector({ namespace: 'default', name: 'nginx', uid: 'u-1' })).toBe(
      'involvedObject.name=nginx,involvedObject.namespace=default,involvedObject.uid=u-1',
    )
    expect(eventFieldSelector({ kind: 'Node', namespace: '', name: 'kind-worker', uid: 'kind-worker' })).toBe(
      'involvedObject.kind=Node,involvedObject.name=kind-worker,involvedObject.namespace=,involvedObject.uid=kind-worker',
    )
  })

  it('reports the builder errors that need no server', () => {
    const base = { namespace: 'default', allNamespaces: false, labelSelector: '', allowEmptySelector: false }
    expect(builderStructureError({ ...base, args: [] })).toBe(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    )
    expect(builderStructureError({ ...base, args: ['pod', 'x'], selectAll: true })).toBe('name cannot be provided when a selector is specified')
    expect(builderStructureError({ ...base, args: ['pods'], selectAll: true, labelSelector: 'a=b' })).toBe(
      "setting 'all' parameter but found a non empty selector. ",
    )
    expect(builderStructureError({ ...base, args: [], labelSelector: 'a=b' })).toBe('at least one resource must be specified to use a selector')
    expect(builderStructureError({ ...base, args: ['pods', 'x'] })).toBeUndefined()
  })
})

// ---- -f/--filename ----

const NAMESPACE_OTHER = `Name:         other
Labels:       kubernetes.io/metadata.name=other
Annotations:  <none>
Status:       Active
`
const BAD_YAML_ERROR = 'error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'

/** The files the -f tests read, in the home directory (the shell's working directory). */
const FILES: Record<string, string> = {
  'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n',
  'nsother.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: other\n',
  'ns-other.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n',
  'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n',
  'empty.yaml': '',
  'dir/notes.txt': 'hi\n',
}

function withFiles(world: World): World {
  world.host.fs.mkdirAll(`${world.host.home}/dir`)
  for (const [name, text] of Object.entries(FILES)) world.host.fs.writeFile(`${world.host.home}/${name}`, text)
  return world
}

// Checked against the real kubectl 1.32 pointed at Podlab's apiserver.
describe('kubectl describe -f', () => {
  it('describes the objects the files name, as describe by name does', () => {
    // The same text as `describe pod nginx` at the same moment (DESCRIBE_NGINX's test checks it).
    const world = withFiles(nginxWorld())
    runTranscript(world, 'sleep 20\n')
    const byName = runTranscript(world, 'kubectl describe pod nginx\n').replace('$ kubectl describe pod nginx\n', '')
    expect(byName.startsWith('Name:             nginx\n')).toBe(true)
    expect(runTranscript(world, 'kubectl describe -f pod.yaml\n')).toBe(`$ kubectl describe -f pod.yaml\n${byName}`)
    const noEvents = runTranscript(world, 'kubectl describe pod nginx --show-events=false\n').replace('$ kubectl describe pod nginx --show-events=false\n', '')
    expect(runTranscript(world, 'cat pod.yaml | kubectl describe -f - --show-events=false\n')).toBe(`$ cat pod.yaml | kubectl describe -f - --show-events=false\n${noEvents}`)
  })

  it('separates descriptions with two blank lines, and reports errors after them', () => {
    const world = withFiles(createWorld({ seed: 1 }))
    const lines: [string, string][] = [
      ['kubectl apply -f ns-other.yaml', 'namespace/other created\n'],
      ['kubectl describe -f ns-other.yaml -f ns-other.yaml', `${NAMESPACE_OTHER}\n\n${NAMESPACE_OTHER}`],
      ['kubectl describe -f ns-other.yaml -f nsother.yaml -f ns-other.yaml', `${NAMESPACE_OTHER}\n\n${NAMESPACE_OTHER}Error from server (NotFound): pods "a" not found\n`],
      // The files' errors are Infos()' error, reported before the describers'.
      ['kubectl describe -f bad.yaml -f ns-other.yaml', `${NAMESPACE_OTHER}${BAD_YAML_ERROR}\n`],
      ['kubectl describe -f bad.yaml -f nsother.yaml', `${BAD_YAML_ERROR}\nError from server (NotFound): pods "a" not found\n`],
      [
        'kubectl describe -f nsother.yaml -f pod.yaml -n foo',
        'the namespace from the provided object "other" does not match the namespace "foo". You must pass \'--namespace=other\' to perform this operation.\n' +
          'Error from server (NotFound): pods "nginx" not found\n',
      ],
      ['kubectl describe -f empty.yaml', 'No resources found in default namespace.\n'],
      ['kubectl describe pod nosuch -n nons', 'Error from server (NotFound): namespaces "nons" not found\n'],
    ]
    expect(runTranscript(world, lines.map(([l]) => `${l}\n`).join(''))).toBe(lines.map(([l, out]) => `$ ${l}\n${out}`).join(''))
  })

  it('answers the builder errors of kubectl 1.32 before reading anything', () => {
    const world = withFiles(createWorld({ seed: 1 }))
    const cases: [string, string][] = [
      ['kubectl describe -f nosuch.yaml', 'error: the path "nosuch.yaml" does not exist\n'],
      ['kubectl describe -f nosuch.yaml -f bad.yaml', 'error: the path "nosuch.yaml" does not exist\n'],
      ['kubectl describe -f pod.yaml pod x', 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n'],
      ['kubectl describe -f pod.yaml pod/x', 'error: resource/name arguments cannot be provided when a path is specified\n'],
      ['kubectl describe -f bad.yaml', `${BAD_YAML_ERROR}\n`],
    ]
    for (const [line, expected] of cases) expect(runTranscript(world, `${line}\n`)).toBe(`$ ${line}\n${expected}`)
  })
})

const REAL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32'

describe.skipIf(!existsSync(REAL))('kubectl describe -f with no server, against the real kubectl 1.32', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-describe-f-'))
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  /** klog's time and pid differ from run to run. */
  const mask = (s: string) => s.replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, 'E<time> <pid> ')
  it.each([
    [['describe', '-f', 'pod.yaml']],
    [['describe', '-f', 'pod.yaml', '-f', 'nsother.yaml', '-n', 'foo']],
    [['describe', '-f', 'pod.yaml', '-l', 'a=b']],
    [['describe', '-f', 'dir/notes.txt']],
    [['describe', '-f', 'empty.yaml']],
    [['describe', '-f', 'pod.yaml', 'pod', 'x']],
  ])('kubectl %j', (args) => {
    const line = `kubectl ${args.join(' ')}`
    const world = withFiles(createWorld({ seed: 1, scenario: 'empty' }))
    const ours = runTranscript(world, `${line}\necho "[exit $?]"\n`).replace(`$ ${line}\n`, '').replace('$ echo "[exit $?]"\n', '')
    const env = { PATH: '/usr/bin:/bin', HOME: '/nonexistent-home', KUBECONFIG: '/nonexistent/kubeconfig' }
    const r = spawnSync(REAL, args, { cwd: dir, encoding: 'utf8', input: '', env })
    expect(mask(ours)).toBe(mask(`${r.stdout}${r.stderr}[exit ${r.status}]\n`))
  })
})
