// `kubectl run` in a Podlab world, through the terminal. Expected texts are the real kubectl
// 1.32's (its --dry-run=client output was captured from the binary, and applyFidelity.test.ts
// compares the same command lines with the binary where it is installed) or quote the facts
// file §6.1 and §7.1.

import { describe, expect, it } from 'vitest'
import type { Pod, Service } from '../../../api/types'
import { runTranscript } from '../../../sim/transcript'
import { createWorld } from '../../../world'

describe('kubectl run', () => {
  it('creates the pod, which the API then serves and the scheduler places', () => {
    const world = createWorld({ seed: 1 })
    expect(runTranscript(world, 'kubectl run nginx --image=nginx\n')).toBe('$ kubectl run nginx --image=nginx\npod/nginx created\n')
    const pod = world.cluster!.client('test').get<Pod>('pods', 'default', 'nginx')
    expect(pod.metadata?.labels).toEqual({ run: 'nginx' })
    expect(pod.spec?.containers.map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx']])
    expect(pod.spec?.dnsPolicy).toBe('ClusterFirst')
    expect(pod.spec?.restartPolicy).toBe('Always')
    world.advance(60_000)
    expect(world.cluster!.client('test').get<Pod>('pods', 'default', 'nginx').spec?.nodeName).toMatch(/^kind-worker2?$/)
  })

  it('AlreadyExists the second time (facts §7.1)', () => {
    const world = createWorld({ seed: 1 })
    expect(runTranscript(world, 'kubectl run nginx --image=nginx\nkubectl run nginx --image=nginx\necho $?\n')).toBe(
      '$ kubectl run nginx --image=nginx\npod/nginx created\n' +
        '$ kubectl run nginx --image=nginx\nError from server (AlreadyExists): pods "nginx" already exists\n' +
        '$ echo $?\n1\n',
    )
  })

  it('--dry-run=client -o yaml prints what the real kubectl 1.32 prints, and creates nothing', () => {
    const world = createWorld({ seed: 1 })
    const line = `kubectl run nginx --image=nginx --port=80 --env=A=1 --labels=app=web --restart=Never --dry-run=client -o yaml -- sh -c 'echo hi'`
    // Captured from /usr/lib/google-cloud-sdk/bin/kubectl.1.32 (v1.32.5).
    const real = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: nginx
spec:
  containers:
  - args:
    - sh
    - -c
    - echo hi
    env:
    - name: A
      value: "1"
    image: nginx
    name: nginx
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`
    expect(runTranscript(world, `${line}\n`)).toBe(`$ ${line}\n${real}`)
    expect(world.cluster!.client('test').find('pods', 'default', 'nginx')).toBeUndefined()
  })

  it('--dry-run=client without -o (facts §6.1) and --dry-run=server', () => {
    const world = createWorld({ seed: 1 })
    expect(runTranscript(world, 'kubectl run nginx --image=nginx --dry-run=client\nkubectl run nginx --image=nginx --dry-run=server\n')).toBe(
      '$ kubectl run nginx --image=nginx --dry-run=client\npod/nginx created (dry run)\n' +
        '$ kubectl run nginx --image=nginx --dry-run=server\npod/nginx created (server dry run)\n',
    )
    expect(world.cluster!.client('test').find('pods', 'default', 'nginx')).toBeUndefined()
  })

  it('--expose creates the service too, printed first', () => {
    const world = createWorld({ seed: 1 })
    expect(runTranscript(world, 'kubectl run web --image=nginx --port=80 --expose\n')).toBe('$ kubectl run web --image=nginx --port=80 --expose\nservice/web created\npod/web created\n')
    const svc = world.cluster!.client('test').get<Service>('services', 'default', 'web')
    expect(svc.spec?.selector).toEqual({ run: 'web' })
    expect(svc.spec?.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }])
  })

  it('-o name and -o yaml after a real create print the server object', () => {
    const world = createWorld({ seed: 1 })
    const out = runTranscript(world, 'kubectl run a --image=nginx -o name\nkubectl run b --image=busybox -o yaml\n')
    expect(out.startsWith('$ kubectl run a --image=nginx -o name\npod/a\n$ kubectl run b --image=busybox -o yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2026-11-22T')).toBe(true)
    expect(out).toContain('  namespace: default\n  resourceVersion: "')
    expect(out).toContain('    terminationMessagePath: /dev/termination-log\n')
    expect(out).not.toContain('managedFields')
  })

  it('validation by the apiserver: an invalid name (facts §7.2 wording)', () => {
    const world = createWorld({ seed: 1 })
    const out = runTranscript(world, 'kubectl run Bad_Name --image=nginx\n')
    expect(out).toContain(
      `metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    )
    expect(out.startsWith('$ kubectl run Bad_Name --image=nginx\nThe Pod "Bad_Name" is invalid: ')).toBe(true)
  })

  it('client-side errors come from the generator, in kubectl order', () => {
    const world = createWorld({ seed: 1 })
    expect(runTranscript(world, 'kubectl run x --image=nginx --dry-run=foo --restart=Foo\nkubectl run x --image=nginx -o foo\nkubectl run x --image=nginx --restart=Foo\nkubectl run --image=nginx\n')).toBe(
      '$ kubectl run x --image=nginx --dry-run=foo --restart=Foo\nerror: Invalid dry-run value (foo). Must be "none", "server", or "client".\n' +
        '$ kubectl run x --image=nginx -o foo\nerror: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n' +
        "$ kubectl run x --image=nginx --restart=Foo\nerror: invalid restart policy: Foo\nSee 'kubectl run -h' for help and examples\n" +
        "$ kubectl run --image=nginx\nerror: NAME is required for run\nSee 'kubectl run -h' for help and examples\n",
    )
  })

  it("the required --image flag is the parser's", () => {
    const world = createWorld({ seed: 1 })
    expect(runTranscript(world, 'kubectl run nginx\n')).toBe('$ kubectl run nginx\nerror: required flag(s) "image" not set\n')
  })

  it('attaching (-i/-t) says plainly that Podlab does not simulate it, and creates nothing', () => {
    const world = createWorld({ seed: 1 })
    expect(runTranscript(world, 'kubectl run -it box --image=busybox --restart=Never -- sh\nkubectl run box --image=busybox --rm\n')).toBe(
      '$ kubectl run -it box --image=busybox --restart=Never -- sh\nerror: attaching to a container (-i/--stdin, -t/--tty, --attach) is not simulated by Podlab yet\n' +
        "$ kubectl run box --image=busybox --rm\nerror: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n",
    )
    expect(world.cluster!.client('test').find('pods', 'default', 'box')).toBeUndefined()
  })

  it('-n puts the pod in that namespace, which must exist', () => {
    const world = createWorld({ seed: 1 })
    expect(runTranscript(world, 'kubectl run p --image=nginx -n kube-public\nkubectl run p --image=nginx -n nope\n')).toBe(
      '$ kubectl run p --image=nginx -n kube-public\npod/p created\n$ kubectl run p --image=nginx -n nope\nError from server (NotFound): namespaces "nope" not found\n',
    )
  })
})
