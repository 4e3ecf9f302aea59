// `kubectl create -f` and `kubectl create namespace` in a Podlab world. Expected texts quote the
// facts file (§6.1, §7.1) or the real kubectl 1.32 (applyFidelity.test.ts compares the same
// client logic with the binary where it is installed).

import { describe, expect, it } from 'vitest'
import type { Namespace, Pod } from '../../../api/types'
import { runTranscript } from '../../../sim/transcript'
import { createWorld, type World } from '../../../world'
import { LAST_APPLIED_CONFIG_ANNOTATION } from './applyAnnotation'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.25
`

function world(files: Record<string, string>): World {
  const w = createWorld({ seed: 1 })
  for (const [name, text] of Object.entries(files)) {
    const abs = `/root/${name}`
    w.host.fs.mkdirAll(abs.slice(0, abs.lastIndexOf('/')))
    w.host.fs.writeFile(abs, text)
  }
  return w
}

describe('kubectl create -f', () => {
  it('created, then AlreadyExists with the file named (facts §7.1)', () => {
    const w = world({ 'pod.yaml': POD })
    expect(runTranscript(w, 'kubectl create -f pod.yaml\nkubectl create -f pod.yaml\necho $?\n')).toBe(
      '$ kubectl create -f pod.yaml\npod/nginx created\n' +
        '$ kubectl create -f pod.yaml\nError from server (AlreadyExists): error when creating "pod.yaml": pods "nginx" already exists\n' +
        '$ echo $?\n1\n',
    )
    // Without --save-config there is no last-applied annotation.
    expect(w.cluster!.client('test').get<Pod>('pods', 'default', 'nginx').metadata?.annotations).toBeUndefined()
  })

  it('--save-config writes the annotation apply reads', () => {
    const w = world({ 'pod.yaml': POD })
    expect(runTranscript(w, 'kubectl create -f pod.yaml --save-config\nkubectl apply -f pod.yaml\n')).toBe(
      '$ kubectl create -f pod.yaml --save-config\npod/nginx created\n$ kubectl apply -f pod.yaml\npod/nginx unchanged\n',
    )
    expect(w.cluster!.client('test').get<Pod>('pods', 'default', 'nginx').metadata?.annotations?.[LAST_APPLIED_CONFIG_ANNOTATION]).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"nginx","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}\n',
    )
  })

  it('several objects: the errors after the objects that worked, one per line', () => {
    const multi = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n---\n${POD}---\n${POD.replace('image: nginx:1.25\n', '')}`
    const w = world({ 'multi.yaml': multi, 'pod.yaml': POD })
    expect(runTranscript(w, 'kubectl create -f pod.yaml\nkubectl create -f multi.yaml\n')).toBe(
      '$ kubectl create -f pod.yaml\npod/nginx created\n' +
        '$ kubectl create -f multi.yaml\nconfigmap/cfg created\n' +
        'Error from server (AlreadyExists): error when creating "multi.yaml": pods "nginx" already exists\n' +
        'Error from server (Invalid): error when creating "multi.yaml": Pod "nginx" is invalid: spec.containers[0].image: Required value\n',
    )
  })

  it('--dry-run=client -o yaml prints the object as the builder leaves it (namespace set)', () => {
    const w = world({ 'pod.yaml': POD })
    expect(runTranscript(w, 'kubectl create -f pod.yaml --dry-run=client -o yaml\n')).toBe(
      '$ kubectl create -f pod.yaml --dry-run=client -o yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  namespace: default\nspec:\n  containers:\n  - image: nginx:1.25\n    name: nginx\n',
    )
    expect(w.cluster!.client('test').find('pods', 'default', 'nginx')).toBeUndefined()
  })

  it('flag errors in kubectl 1.32 order', () => {
    const w = world({})
    expect(runTranscript(w, 'kubectl create foo --dry-run=foo\nkubectl create --validate=foo --dry-run=foo -f x\nkubectl create -o foo --validate=foo\nkubectl create\nkubectl create -f x -o foo\n')).toBe(
      "$ kubectl create foo --dry-run=foo\nerror: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n" +
        '$ kubectl create --validate=foo --dry-run=foo -f x\nerror: Invalid dry-run value (foo). Must be "none", "server", or "client".\n' +
        '$ kubectl create -o foo --validate=foo\nerror: invalid - validate option "foo"; must be one of: strict (or true), warn, ignore (or false)\n' +
        '$ kubectl create\nerror: must specify one of -f and -k\n' +
        '$ kubectl create -f x -o foo\nerror: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    )
  })

  it('no objects in the file', () => {
    const w = world({ 'empty.yaml': '# nothing here\n---\n' })
    expect(runTranscript(w, 'kubectl create -f empty.yaml\n')).toBe('$ kubectl create -f empty.yaml\nerror: no objects passed to create\n')
  })
})

describe('kubectl create namespace', () => {
  it('namespace/dev created (facts §7.1), then AlreadyExists', () => {
    const w = world({})
    expect(runTranscript(w, 'kubectl create namespace dev\nkubectl create ns dev\n')).toBe(
      '$ kubectl create namespace dev\nnamespace/dev created\n$ kubectl create ns dev\nError from server (AlreadyExists): namespaces "dev" already exists\n',
    )
    const ns = w.cluster!.client('test').get<Namespace>('namespaces', undefined, 'dev')
    expect(ns.status?.phase).toBe('Active')
  })

  it('--dry-run=client -o yaml (facts §6.1), -o name, and the argument errors', () => {
    const w = world({})
    expect(runTranscript(w, 'kubectl create namespace dev --dry-run=client -o yaml\nkubectl create namespace dev --dry-run=server -o name\nkubectl create namespace\nkubectl create namespace a b\n')).toBe(
      '$ kubectl create namespace dev --dry-run=client -o yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev\nspec: {}\nstatus: {}\n' +
        '$ kubectl create namespace dev --dry-run=server -o name\nnamespace/dev\n' +
        "$ kubectl create namespace\nerror: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n" +
        "$ kubectl create namespace a b\nerror: exactly one NAME is required, got 2\nSee 'kubectl create namespace -h' for help and examples\n",
    )
    expect(w.cluster!.client('test').find('namespaces', undefined, 'dev')).toBeUndefined()
  })

  it('-o json prints the v1.Namespace the typed client decoded, in field order', () => {
    const w = world({})
    const out = runTranscript(w, 'kubectl create namespace dev -o json\n')
    expect(out).toMatch(/^\$ kubectl create namespace dev -o json\n\{\n {4}"kind": "Namespace",\n {4}"apiVersion": "v1",\n {4}"metadata": \{\n {8}"name": "dev",\n {8}"uid": "/)
    expect(out).toContain('"spec": {\n        "finalizers": [\n            "kubernetes"\n        ]\n    },\n    "status": {\n        "phase": "Active"\n    }\n}\n')
  })
})
