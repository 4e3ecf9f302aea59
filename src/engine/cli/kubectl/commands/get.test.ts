// Scenario tests of `kubectl get` on the default kind world: the exact terminal text. Layouts
// follow kubernetes-docker-facts.md §1 (columns, AGE, the blank line and `kind/name` between
// resource types, "No resources found") and §7 (errors); the watch behaviour (no repeated
// header, widths that only grow, exit 1 on Ctrl-C) was checked against the real kubectl 1.32.
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
nginx   1/1     Running             0          9s
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
nginx   1/1     Running             0          9s
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
MODIFIED   nginx   1/1     Running   0          9s
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
