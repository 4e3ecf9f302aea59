// Scenario tests of `kubectl get` on the default kind world: the exact terminal text. Layouts
// follow kubernetes-docker-facts.md §1 (columns, AGE, the blank line and `kind/name` between
// resource types, "No resources found") and §7 (errors); the watch behaviour (no repeated
// header, widths that only grow, exit 1 on Ctrl-C) was checked against the real kubectl 1.32.
// `get -f`: the expected screens are the real kubectl 1.32's, pointed at Podlab's apiserver (ages
// aside); with no server, the real binary is run beside Podlab and the outputs compared.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorld, type World } from '../../../world'
import { runTranscript } from '../../../sim/transcript'

function createNginx(world: World): void {
  world.cluster!.client('kubernetes-admin').create('pods', 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx', labels: { run: 'nginx' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
  })
}

/** The session's lines and the expected screen, written as one text. */
function expectSession(world: World, screen: string): void {
  const lines = screen.split('\n').filter((l) => l.startsWith('$ ')).map((l) => l.slice(2))
  expect(runTranscript(world, lines.join('\n') + '\n')).toBe(screen)
}

describe('kubectl get on a fresh kind cluster', () => {
  it('lists nodes with roles, age and kubelet version', () => {
    expectSession(
      createWorld({ seed: 1 }),
      `$ kubectl get nodes
NAME                 STATUS   ROLES           AGE   VERSION
kind-control-plane   Ready    control-plane   1s    v1.32.2
kind-worker          Ready    <none>          1s    v1.32.2
kind-worker2         Ready    <none>          1s    v1.32.2
$ kubectl get no kind-worker -o wide
NAME          STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME
kind-worker   Ready    <none>   1s    v1.32.2   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://1.7.24
`,
    )
  })

  it('lists pods of every namespace with a NAMESPACE column', () => {
    const world = createWorld({ seed: 1 })
    const out = runTranscript(world, 'kubectl get pods -A\n')
    const lines = out.split('\n')
    expect(lines[1]).toBe('NAMESPACE            NAME                                         READY   STATUS    RESTARTS   AGE')
    expect(lines).toContain('kube-system          etcd-kind-control-plane                      1/1     Running   0          1s')
    expect(lines).toContain('kube-system          kube-scheduler-kind-control-plane            1/1     Running   0          1s')
    expect(lines.filter((l) => / {3}1\/1 {5}Running {3}0 {10}1s$/.test(l))).toHaveLength(lines.length - 3)
  })

  it('says there is nothing, on stderr, and errors as kubectl does', () => {
    expectSession(
      createWorld({ seed: 1 }),
      `$ kubectl get pods
No resources found in default namespace.
$ kubectl get pods -n kube-public
No resources found in kube-public namespace.
$ kubectl get pods -A --field-selector metadata.namespace=default
No resources found
$ kubectl get po nginx
Error from server (NotFound): pods "nginx" not found
$ kubectl get pods a b
Error from server (NotFound): pods "a" not found
Error from server (NotFound): pods "b" not found
$ kubectl get foo
error: the server doesn't have a resource type "foo"
$ kubectl get pods --field-selector foo=bar
Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo
$ kubectl get pod nginx -A
error: a resource cannot be retrieved by name across all namespaces
$ kubectl get
You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
$ echo $?
1
`,
    )
  })

  it('prefixes names with the kind and separates types with a blank line', () => {
    expectSession(
      createWorld({ seed: 1 }),
      `$ kubectl get svc,ns
NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   1s

NAME                           STATUS   AGE
namespace/default              Active   1s
namespace/kube-node-lease      Active   1s
namespace/kube-public          Active   1s
namespace/kube-system          Active   1s
namespace/local-path-storage   Active   1s
$ kubectl get pods,nodes
NAME                      STATUS   ROLES           AGE   VERSION
node/kind-control-plane   Ready    control-plane   1s    v1.32.2
node/kind-worker          Ready    <none>          1s    v1.32.2
node/kind-worker2         Ready    <none>          1s    v1.32.2
$ kubectl get all
NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   1s
$ kubectl get ns/default svc/kubernetes ns/kube-public
NAME                STATUS   AGE
namespace/default   Active   1s

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   1s

NAME                    STATUS   AGE
namespace/kube-public   Active   1s
$ kubectl get ns default kube-public --no-headers
default       Active   1s
kube-public   Active   1s
`,
    )
  })

  it('prints one object bare and several as a List', () => {
    const world = createWorld({ seed: 1 })
    const uid = (name: string) => world.cluster!.client('t').get('namespaces', undefined, name).metadata!.uid
    expectSession(
      world,
      `$ kubectl get ns default -o yaml
apiVersion: v1
kind: Namespace
metadata:
  creationTimestamp: "2026-11-22T09:00:00Z"
  labels:
    kubernetes.io/metadata.name: default
  name: default
  resourceVersion: "2"
  uid: ${uid('default')}
spec:
  finalizers:
  - kubernetes
status:
  phase: Active
$ kubectl get ns/kube-public ns/default -o json --sort-by=.metadata.name
{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": {
                "creationTimestamp": "2026-11-22T09:00:00Z",
                "labels": {
                    "kubernetes.io/metadata.name": "default"
                },
                "name": "default",
                "resourceVersion": "2",
                "uid": "${uid('default')}"
            },
            "spec": {
                "finalizers": [
                    "kubernetes"
                ]
            },
            "status": {
                "phase": "Active"
            }
        },
        {
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": {
                "creationTimestamp": "2026-11-22T09:00:00Z",
                "labels": {
                    "kubernetes.io/metadata.name": "kube-public"
                },
                "name": "kube-public",
                "resourceVersion": "4",
                "uid": "${uid('kube-public')}"
            },
            "spec": {
                "finalizers": [
                    "kubernetes"
                ]
            },
            "status": {
                "phase": "Active"
            }
        }
    ],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
$ kubectl get pods -o yaml
apiVersion: v1
items: []
kind: List
metadata:
  resourceVersion: ""
$ kubectl get pods -o name
$ kubectl get ns,nodes -o name
namespace/default
namespace/kube-node-lease
namespace/kube-public
namespace/kube-system
namespace/local-path-storage
node/kind-control-plane
node/kind-worker
node/kind-worker2
$ kubectl get ns -o jsonpath='{.items[*].metadata.name}{"\\n"}'
default kube-node-lease kube-public kube-system local-path-storage
$ kubectl get ns -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,NOPE:.spec.nope
NAME                 PHASE    NOPE
default              Active   <none>
kube-node-lease      Active   <none>
kube-public          Active   <none>
kube-system          Active   <none>
local-path-storage   Active   <none>
`,
    )
  })
})

describe('kubectl get on a running pod', () => {
  function withNginx(): World {
    const world = createWorld({ seed: 1 })
    createNginx(world)
    world.advance(20_000)
    return world
  }

  it('shows -o wide, labels, label columns and sorts', () => {
    expectSession(
      withNginx(),
      `$ kubectl get pods -o wide
NAME    READY   STATUS    RESTARTS   AGE   IP           NODE          NOMINATED NODE   READINESS GATES
nginx   1/1     Running   0          20s   10.244.1.3   kind-worker   <none>           <none>
$ kubectl get pod/nginx
NAME    READY   STATUS    RESTARTS   AGE
nginx   1/1     Running   0          20s
$ kubectl get pods -l run=nginx --show-labels
NAME    READY   STATUS    RESTARTS   AGE   LABELS
nginx   1/1     Running   0          20s   run=nginx
$ kubectl get pods --selector run!=nginx
No resources found in default namespace.
$ kubectl get pods -L run,app
NAME    READY   STATUS    RESTARTS   AGE   RUN     APP
nginx   1/1     Running   0          20s   nginx   
$ kubectl get pods,ns --sort-by=.metadata.name
error: couldn't find any field with path "{.metadata.name}" in the list of objects
$ kubectl get pods --sort-by=.metadata.nope
NAME    READY   STATUS    RESTARTS   AGE
nginx   1/1     Running   0          20s
$ kubectl get pods -o name --show-labels
error: --show-labels option cannot be used with name printer
`,
    )
  })
})

describe('kubectl get -w', () => {
  it('prints the list, then one row per change without a new header', () => {
    const world = createWorld({ seed: 1 })
    createNginx(world)
    expectSession(
      world,
      `$ timeout 20 kubectl get pods -w
NAME    READY   STATUS    RESTARTS   AGE
nginx   0/1     Pending   0          0s
nginx   0/1     Pending   0          0s
nginx   0/1     ContainerCreating   0          0s
nginx   0/1     ContainerCreating   0          0s
nginx   1/1     Running             0          8s
$ echo $?
124
`,
    )
  })

  it('streams until Ctrl-C, exiting as kubectl does', () => {
    const world = createWorld({ seed: 1 })
    const term = world.terminal('host')
    let screen = ''
    term.onOutput((t) => (screen += t))
    term.runLine('kubectl get pods -w')
    expect(term.foregroundMode).toBe('stream')
    expect(screen).toBe('')
    createNginx(world)
    world.advance(30_000)
    expect(screen).toBe(`NAME    READY   STATUS    RESTARTS   AGE
nginx   0/1     Pending   0          0s
nginx   0/1     Pending   0          0s
nginx   0/1     ContainerCreating   0          0s
nginx   0/1     ContainerCreating   0          0s
nginx   1/1     Running             0          8s
`)
    term.interrupt()
    expect(term.busy).toBe(false)
    world.advance(10_000)
    world.cluster!.client('t').delete('pods', 'default', 'nginx')
    world.advance(60_000)
    expect(screen.split('\n')).toHaveLength(7)
  })

  it('watches one object: printed once, then only its changes', () => {
    const world = createWorld({ seed: 1 })
    createNginx(world)
    world.runUntilIdle()
    expectSession(
      world,
      `$ timeout 3 kubectl get pod nginx -w -o name
pod/nginx
pod/nginx
$ timeout 30 kubectl get pods --watch-only --output-watch-events
EVENT      NAME    READY   STATUS    RESTARTS   AGE
MODIFIED   nginx   1/1     Running   0          8s
$ kubectl get pods -w -o jsonpath='{.metadata.name} {.status.phase}{"\\n"}' --sort-by=.metadata.name
warning: --watch requested, --sort-by will be ignored for watch events received
nginx Running
^C
$ kubectl get pods,svc -w
error: you may only specify a single resource type
`,
    )
  })
})

// The real kubectl 1.32.5 with no kubeconfig and nothing listening on localhost:8080: every error
// it finds before (or while) reaching the server. klog headers carry the time and pid, so both
// sides are compared with `E<hdr> `; the binary was named kubectl.1.32, renamed here to kubectl.
const REAL_UNREACHABLE = String.raw`$ kubectl get
You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
[exit 1]
$ kubectl get -w
error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
[exit 1]
$ kubectl get pods
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
$ kubectl get foo
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
$ kubectl get pods -o foo
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
$ kubectl get pod/a b
error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'
[exit 1]
$ kubectl get pod/a/b
error: arguments in resource/name form may not have more than one slash
[exit 1]
$ kubectl get pods,svc/a
error: arguments in resource/name form must have a single resource and name
[exit 1]
$ kubectl get pods a -l x=y
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
error: name cannot be provided when a selector is specified
[exit 1]
$ kubectl get pod/a -l x=y
error: selectors and the all flag cannot be used when passing resource/name arguments
[exit 1]
$ kubectl get pods,svc -w
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
error: you may only specify a single resource type
[exit 1]
$ kubectl get pods --show-labels -o name
error: --show-labels option cannot be used with name printer
[exit 1]
$ kubectl get pods --output-watch-events
error: --output-watch-events option can only be used with --watch or --watch-only
[exit 1]
$ kubectl get pods --raw /api
error: arguments may not be passed when --raw is specified
[exit 1]
$ kubectl get --raw /api -l x
error: --raw may not be specified with other flags that filter the server request or alter the output
[exit 1]
$ kubectl get --raw foo
error: --raw must be a valid URL path: parse "foo": invalid URI for request
[exit 1]
$ kubectl get --raw /api -o yaml
error: --raw and --output are mutually exclusive
[exit 1]
$ kubectl get --raw /api
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
$ kubectl get pods -w --sort-by=.metadata.name
warning: --watch requested, --sort-by will be ignored for watch events received
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
$ kubectl get pods --watch-only --sort-by=.metadata.name
warning: --watch-only requested, --sort-by will be ignored
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
$ kubectl get pods --show-labels -o wide
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
E<hdr> memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://localhost:8080/api?timeout=32s\": dial tcp 127.0.0.1:8080: connect: connection refused"
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
`

describe('kubectl get -w quirks kept from kubectl 1.32', () => {
  it('shows an empty NAMESPACE column when watching cluster-scoped objects with -A', () => {
    expectSession(
      createWorld({ seed: 1 }),
      `$ timeout 1 kubectl get nodes -w -A
NAMESPACE   NAME                 STATUS   ROLES           AGE   VERSION
            kind-control-plane   Ready    control-plane   1s    v1.32.2
            kind-worker          Ready    <none>          1s    v1.32.2
            kind-worker2         Ready    <none>          1s    v1.32.2
`,
    )
  })
})

describe('kubectl get without a server (client-side errors)', () => {
  it('prints what the real kubectl 1.32 prints, in the same order', () => {
    const commands = REAL_UNREACHABLE.split('\n').filter((l) => l.startsWith('$ ')).map((l) => l.slice(2))
    const session = commands.map((c) => `${c}\necho "[exit $?]"`).join('\n') + '\n'
    const screen = runTranscript(createWorld({ seed: 1, scenario: 'empty' }), session)
      .split('\n')
      .filter((l) => !l.startsWith('$ echo'))
      .map((l) => l.replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /, 'E<hdr> '))
      .join('\n')
    expect(screen).toBe(REAL_UNREACHABLE)
  })
})

// ---- -f/--filename ----

const POD_YAML = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n'
const MULTI_YAML =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n'
const LABELLED_YAML =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n  labels:\n    app: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n  labels:\n    app: b\n'

/** The files the -f tests read, in the home directory (the shell's working directory). */
const FILES: Record<string, string> = {
  'pod.yaml': POD_YAML,
  'multi.yaml': MULTI_YAML,
  'lab.yaml': LABELLED_YAML,
  'nsother.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: other\n',
  'ns-other.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n',
  'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n',
  'empty.yaml': '',
  'dir/pod.yaml': POD_YAML,
  'dir/notes.txt': 'hi\n',
  'dir/sub/multi.yaml': MULTI_YAML,
}
const BAD_YAML_ERROR = 'error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'

function fileWorld(scenario?: string): World {
  const w = createWorld({ seed: 1, scenario })
  w.host.fs.mkdirAll(`${w.host.home}/dir/sub`)
  for (const [name, text] of Object.entries(FILES)) w.host.fs.writeFile(`${w.host.home}/${name}`, text)
  return w
}

describe('kubectl get -f', () => {
  it('fetches what the files describe and prints it as get by name does', () => {
    const world = fileWorld()
    expect(runTranscript(world, 'kubectl apply -f pod.yaml\nkubectl apply -f multi.yaml\n')).toBe(
      '$ kubectl apply -f pod.yaml\npod/nginx created\n$ kubectl apply -f multi.yaml\nconfigmap/cfg created\nservice/web created\n',
    )
    // The cluster IP is the allocator's pick; its column is as wide as it.
    const ip = String(world.cluster!.client('test').get<{ spec: { clusterIP: string } }>('services', 'default', 'web').spec.clusterIP)
    const col = (text: string) => text.padEnd(Math.max('CLUSTER-IP'.length, ip.length) + 3)
    const services = `NAME          TYPE        ${col('CLUSTER-IP')}EXTERNAL-IP   PORT(S)   AGE
service/web   ClusterIP   ${col(ip)}<none>        80/TCP    0s`
    expectSession(
      world,
      `$ kubectl get -f pod.yaml
NAME    READY   STATUS              RESTARTS   AGE
nginx   0/1     ContainerCreating   0          0s
$ kubectl get -f multi.yaml
NAME            DATA   AGE
configmap/cfg   0      0s

${services}
$ kubectl get -f pod.yaml -f multi.yaml -o name
pod/nginx
configmap/cfg
service/web
$ kubectl get -f dir -R
NAME        READY   STATUS              RESTARTS   AGE
pod/nginx   0/1     ContainerCreating   0          0s

NAME            DATA   AGE
configmap/cfg   0      0s

${services}
$ cat pod.yaml | kubectl get -f - -o custom-columns=NAME:.metadata.name,KIND:.kind
NAME    KIND
nginx   Pod
$ kubectl get -f pod.yaml -f pod.yaml -o name
pod/nginx
pod/nginx
`,
    )
  })

  it('prints one object bare for one file, a List otherwise', () => {
    const world = fileWorld()
    runTranscript(world, 'kubectl apply -f pod.yaml\nkubectl apply -f multi.yaml\n')
    const single = runTranscript(world, 'kubectl get -f pod.yaml -o yaml\n')
    expect(single.split('\n').slice(1, 3)).toEqual(['apiVersion: v1', 'kind: Pod'])
    const list = runTranscript(world, 'kubectl get -f multi.yaml -o yaml\n')
    expect(list.split('\n').slice(1, 4)).toEqual(['apiVersion: v1', 'items:', '- apiVersion: v1'])
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true)
  })

  it('filters by label what the server answered: a table has no labels, an object has its own', () => {
    expectSession(
      fileWorld(),
      `$ kubectl apply -f lab.yaml
configmap/one created
configmap/two created
$ kubectl get -f lab.yaml -l app=a
No resources found in default namespace.
$ kubectl get -f lab.yaml -l app=a -o name
configmap/one
$ kubectl get -f lab.yaml -l 'x!=y'
NAME   DATA   AGE
one    0      0s
two    0      0s
`,
    )
  })

  it('reports what is missing: the object, or its namespace', () => {
    expectSession(
      fileWorld(),
      `$ kubectl get -f pod.yaml
Error from server (NotFound): pods "nginx" not found
$ kubectl get -f pod.yaml --ignore-not-found
$ kubectl get -f multi.yaml
Error from server (NotFound): configmaps "cfg" not found
Error from server (NotFound): services "web" not found
$ kubectl get -f nsother.yaml
Error from server (NotFound): namespaces "other" not found
$ kubectl get -f nsother.yaml -n foo
Error from server (NotFound): namespaces "other" not found
$ kubectl apply -f ns-other.yaml
namespace/other created
$ kubectl get -f nsother.yaml -n foo
Error from server (NotFound): pods "a" not found
$ kubectl get -f nsother.yaml -f pod.yaml -n foo
Error from server (NotFound): pods "a" not found
Error from server (NotFound): namespaces "foo" not found
$ kubectl get pod nosuch -n nons
Error from server (NotFound): namespaces "nons" not found
`,
    )
  })

  it('checks an explicit namespace against the file only for objects the server has', () => {
    const world = fileWorld()
    runTranscript(world, 'kubectl apply -f ns-other.yaml\n')
    world.cluster!.client('kubernetes-admin').create('pods', 'other', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a' },
      spec: { containers: [{ name: 'a', image: 'nginx' }] },
    })
    expectSession(
      world,
      `$ kubectl get -f nsother.yaml -n foo -o name
error: the namespace from the provided object "other" does not match the namespace "foo". You must pass '--namespace=other' to perform this operation.
$ kubectl get -f nsother.yaml -n other -o name
pod/a
`,
    )
  })

  it('reports the files\' errors after the table, and -A leaves objects without a namespace without one', () => {
    expectSession(
      fileWorld(),
      `$ kubectl apply -f pod.yaml
pod/nginx created
$ kubectl get -f bad.yaml -f pod.yaml
NAME    READY   STATUS              RESTARTS   AGE
nginx   0/1     ContainerCreating   0          0s
${BAD_YAML_ERROR}
$ kubectl get -f bad.yaml -o yaml
error: ${BAD_YAML_ERROR}
$ kubectl get -f multi.yaml -f bad.yaml --ignore-not-found
${BAD_YAML_ERROR}
$ kubectl get -f multi.yaml -f bad.yaml -o name
Error from server (NotFound): configmaps "cfg" not found
Error from server (NotFound): services "web" not found
${BAD_YAML_ERROR}
$ kubectl get -f pod.yaml -f nsother.yaml -A
no namespace set on resource /v1, Resource=pods "nginx"
Error from server (NotFound): namespaces "other" not found
$ kubectl get -f empty.yaml
No resources found in default namespace.
$ kubectl get -f empty.yaml -o yaml
apiVersion: v1
items: []
kind: List
metadata:
  resourceVersion: ""
`,
    )
  })

  it('answers the builder errors of kubectl 1.32 before reading anything', () => {
    expectSession(
      fileWorld(),
      `$ kubectl get -f nosuch.yaml
error: the path "nosuch.yaml" does not exist
$ kubectl get -f nosuch.yaml -f nosuch2.yaml
the path "nosuch.yaml" does not exist
the path "nosuch2.yaml" does not exist
$ kubectl get -f pod.yaml pods
error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well
$ kubectl get -f pod.yaml pod/x
error: resource/name arguments cannot be provided when a path is specified
$ kubectl get -f nosuch.yaml pod/x y
the path "nosuch.yaml" does not exist
there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'
$ kubectl get -f pod.yaml -l 'a=('
error: the provided selector "a=(" is not valid: unable to parse requirement: found '(', expected: identifier
$ kubectl get -f - -f -
error: standard input cannot be used for multiple arguments
$ kubectl get -f dir/sub/../../empty
error: the path "dir/sub/../../empty" does not exist
`,
    )
  })
})

const REAL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32'
const hasReal = existsSync(REAL)

describe.skipIf(!hasReal)('kubectl get -f with no server, against the real kubectl 1.32', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-get-f-'))
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  /** klog's time and pid differ from run to run. */
  const mask = (s: string) => s.replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, 'E<time> <pid> ')
  it.each([
    [['get', '-f', 'pod.yaml']],
    [['get', '-f', 'pod.yaml', '-o', 'yaml']],
    [['get', '-f', 'multi.yaml', '-o', 'name']],
    [['get', '-f', 'pod.yaml', '-f', 'multi.yaml']],
    [['get', '-f', 'dir', '-R', '-l', 'a=b']],
    [['get', '-f', 'dir/notes.txt', '-f', 'pod.yaml']],
    [['get', '-f', 'bad.yaml']],
    [['get', '-f', 'empty.yaml']],
    [['get', '-f', 'empty.yaml', '-o', 'json']],
    [['get', '-f', 'nosuch.yaml', 'pods']],
    [['get', '-f', 'pod.yaml', 'pods,svc']],
    [['get', '-f', 'pod.yaml', '-w']],
    [['get', '-f', 'nsother.yaml', '-n', 'foo', '-A']],
  ])('kubectl %j', (args) => {
    const line = `kubectl ${args.join(' ')}`
    const ours = runTranscript(fileWorld('empty'), `${line}\necho "[exit $?]"\n`).replace(`$ ${line}\n`, '').replace('$ echo "[exit $?]"\n', '')
    const env = { PATH: '/usr/bin:/bin', HOME: '/nonexistent-home', KUBECONFIG: '/nonexistent/kubeconfig' }
    const r = spawnSync(REAL, args, { cwd: dir, encoding: 'utf8', input: '', env })
    expect(mask(ours)).toBe(mask(`${r.stdout}${r.stderr}[exit ${r.status}]\n`.replaceAll('kubectl.1.32', 'kubectl')))
  })
})
