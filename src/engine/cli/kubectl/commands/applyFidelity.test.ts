// Fidelity of `kubectl apply`, `create -f`, `create namespace` and `run` against the real kubectl
// 1.32 (skipped, with the reason printed, where there is none). The real binary and Podlab's
// kubectl each talk to their own copy of the same fake API server (applyTestHarness.ts), set up
// with the same objects and the same chosen errors; their stdout, stderr and exit codes must be
// byte-identical, and so must the requests that change objects (the POST bodies and the strategic
// merge patches, which exercises applyPatch.ts's three-way merge against the real one).

import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newInvalid } from '../../../api/errors'
import type { KubeObject, Status } from '../../../api/types'
import { FieldError } from '../../../api/validation/field'
import { LAST_APPLIED_CONFIG_ANNOTATION } from './applyAnnotation'
import { FakeApi, kubeconfigFor, podlabHost, type LoggedRequest, type RunResult } from './applyTestHarness'

function realKubectl(): { bin?: string; reason?: string } {
  const candidates = [process.env.KUBECTL_BIN, '/usr/bin/kubectl'].filter((c): c is string => !!c && existsSync(c))
  for (const c of candidates) {
    for (const bin of [join(dirname(realpathSync(c)), 'kubectl.1.32'), c]) {
      if (!existsSync(bin)) continue
      const v = spawnSync(bin, ['version', '--client'], { encoding: 'utf8' }).stdout ?? ''
      if (/^Client Version: v1\.32\.\d+\n/.test(v)) return { bin }
    }
  }
  return { reason: 'no real kubectl v1.32 binary found (set KUBECTL_BIN or install /usr/bin/kubectl)' }
}

const real = realKubectl()
if (!real.bin) console.log(`skipping kubectl apply/create/run fidelity tests: ${real.reason}`)

// ---- inputs ----

const lastApplied = (obj: unknown) => `${JSON.stringify(obj)}\n`

const podFile = (image: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: ${image}
${extra}`

const podLive = (last: unknown, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'u-1',
    resourceVersion: '7',
    creationTimestamp: '2026-11-22T09:00:00Z',
    labels: { app: 'web' },
    ...(last === undefined ? {} : { annotations: { [LAST_APPLIED_CONFIG_ANNOTATION]: lastApplied(last) } }),
    ...meta,
  },
  spec,
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
})

const podLast = (image: string, containerExtra: Record<string, unknown> = {}, labels: Record<string, string> = { app: 'web' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { annotations: {}, labels, name: 'web', namespace: 'default' },
  spec: { containers: [{ image, name: 'web', ...containerExtra }] },
})

const defaultedContainer = (image: string, extra: Record<string, unknown> = {}) => ({
  name: 'web',
  image,
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  imagePullPolicy: 'IfNotPresent',
  volumeMounts: [{ name: 'kube-api-access-abcde', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
  ...extra,
})

const podPath = '/api/v1/namespaces/default/pods/web'
const deployPath = '/apis/apps/v1/namespaces/default/deployments/web'

const deployFile = (replicas: number, strategy: string, image = 'nginx:1.25') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
${strategy}  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`

const deployLast = (replicas: number, strategy: Record<string, unknown> | undefined) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { annotations: {}, name: 'web', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    ...(strategy ? { strategy } : {}),
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx:1.25', name: 'nginx', ports: [{ containerPort: 80 }] }] } },
  },
})

const deployLive = (last: unknown, replicas: number, strategy: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'u-2', resourceVersion: '9', generation: 1, annotations: { [LAST_APPLIED_CONFIG_ANNOTATION]: lastApplied(last), 'deployment.kubernetes.io/revision': '1' } },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    strategy,
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {}, imagePullPolicy: 'IfNotPresent' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
    },
  },
  status: { replicas, conditions: [{ type: 'Available', status: 'True' }] },
})

const rolling = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }

const status = (code: number, reason: string, message: string): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code })

const podUpdateForbidden = newInvalid({ group: '', kind: 'Pod' }, 'web', [
  new FieldError(
    'FieldValueForbidden',
    'spec',
    undefined,
    'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
  ),
])

interface Case {
  name: string
  argv: string[]
  /** Files in the working directory. */
  files?: Record<string, string>
  stdin?: string
  /** Objects the server has, by path. */
  objects?: Record<string, KubeObject>
  /** Errors the server answers with, by `METHOD path`. */
  errors?: Record<string, Status>
}

const applyPatchCases: Case[] = [
  { name: 'apply: a new pod is created', argv: ['apply', '-f', 'pod.yaml'], files: { 'pod.yaml': podFile('nginx') } },
  {
    name: 'apply: unchanged, the live object only has server defaults',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25') },
    objects: { [podPath]: podLive(podLast('nginx:1.25'), { containers: [defaultedContainer('nginx:1.25')], restartPolicy: 'Always' }) },
  },
  {
    name: 'apply: a new image',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.27') },
    objects: { [podPath]: podLive(podLast('nginx:1.25'), { containers: [defaultedContainer('nginx:1.25')] }) },
  },
  {
    name: 'apply: no last-applied annotation, the warning and the whole configuration',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25') },
    objects: { [podPath]: podLive(undefined, { containers: [defaultedContainer('nginx:1.25')] }) },
  },
  {
    name: 'apply: a label removed and one added',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25').replace('app: web', 'tier: fe') },
    objects: { [podPath]: podLive(podLast('nginx:1.25'), { containers: [defaultedContainer('nginx:1.25')] }) },
  },
  {
    name: 'apply: a second container added in front',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: side\n    image: busybox\n  - name: web\n    image: nginx:1.25\n` },
    objects: { [podPath]: podLive(podLast('nginx:1.25'), { containers: [defaultedContainer('nginx:1.25')] }) },
  },
  {
    name: 'apply: a container removed',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25') },
    objects: {
      [podPath]: podLive(
        { ...podLast('nginx:1.25'), spec: { containers: [{ image: 'nginx:1.25', name: 'web' }, { image: 'busybox', name: 'side' }] } },
        { containers: [defaultedContainer('nginx:1.25'), { ...defaultedContainer('busybox'), name: 'side' }] },
      ),
    },
  },
  {
    name: 'apply: containers reordered',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25\n  - name: side\n    image: busybox\n` },
    objects: {
      [podPath]: podLive(
        { ...podLast('nginx:1.25'), spec: { containers: [{ image: 'busybox', name: 'side' }, { image: 'nginx:1.25', name: 'web' }] } },
        { containers: [{ ...defaultedContainer('busybox'), name: 'side' }, defaultedContainer('nginx:1.25')] },
      ),
    },
  },
  {
    name: 'apply: env vars and ports merged by their keys',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25', '    env:\n    - name: B\n      value: "2"\n    - name: A\n      value: "1"\n    ports:\n    - containerPort: 8080\n') },
    objects: {
      [podPath]: podLive(podLast('nginx:1.25', { env: [{ name: 'A', value: '0' }, { name: 'C', value: '3' }], ports: [{ containerPort: 80 }] }), {
        containers: [defaultedContainer('nginx:1.25', { env: [{ name: 'A', value: '0' }, { name: 'C', value: '3' }], ports: [{ containerPort: 80, protocol: 'TCP' }] })],
      }),
    },
  },
  {
    name: 'apply: args are an atomic list',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('busybox', '    args:\n    - sleep\n    - "3600"\n') },
    objects: { [podPath]: podLive(podLast('busybox', { args: ['sleep', '60'] }), { containers: [defaultedContainer('busybox', { args: ['sleep', '60'] })] }) },
  },
  {
    name: 'apply: resources.limits removed, requests changed, a null in the file',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25', '    resources:\n      requests:\n        cpu: 200m\n    workingDir: null\n') },
    objects: {
      [podPath]: podLive(podLast('nginx:1.25', { resources: { limits: { cpu: '1' }, requests: { cpu: '100m' } } }), {
        containers: [defaultedContainer('nginx:1.25', { resources: { limits: { cpu: '1' }, requests: { cpu: '100m' } } })],
      }),
    },
  },
  {
    name: 'apply: finalizers, a primitive list that merges',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25').replace('  labels:', '  finalizers:\n  - example.com/b\n  labels:') },
    objects: {
      [podPath]: podLive({ ...podLast('nginx:1.25'), metadata: { ...podLast('nginx:1.25').metadata, finalizers: ['example.com/a'] } }, { containers: [defaultedContainer('nginx:1.25')] }, {
        finalizers: ['example.com/a', 'example.com/server'],
      }),
    },
  },
  {
    name: 'apply: finalizers unchanged but not sorted (upstream sorts the live list in place)',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25').replace('  labels:', '  finalizers:\n  - example.com/b\n  - example.com/a\n  labels:') },
    objects: {
      [podPath]: podLive({ ...podLast('nginx:1.25'), metadata: { ...podLast('nginx:1.25').metadata, finalizers: ['example.com/b', 'example.com/a'] } }, { containers: [defaultedContainer('nginx:1.25')] }, {
        finalizers: ['example.com/b', 'example.com/a'],
      }),
    },
  },
  {
    name: 'apply: volumes, retainKeys when a volume changes its source',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25', '  volumes:\n  - name: data\n    hostPath:\n      path: /data\n') },
    objects: {
      [podPath]: podLive(
        { ...podLast('nginx:1.25'), spec: { containers: [{ image: 'nginx:1.25', name: 'web' }], volumes: [{ emptyDir: {}, name: 'data' }] } },
        { containers: [defaultedContainer('nginx:1.25')], volumes: [{ name: 'data', emptyDir: {} }, { name: 'kube-api-access-abcde', projected: { defaultMode: 420 } }] },
      ),
    },
  },
  {
    name: 'apply: unchanged file, but the server added a volume and a volumeMount (the service account token)',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25', '    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    emptyDir: {}\n') },
    objects: {
      [podPath]: podLive(
        { ...podLast('nginx:1.25', { volumeMounts: [{ mountPath: '/data', name: 'data' }] }), spec: { containers: [{ image: 'nginx:1.25', name: 'web', volumeMounts: [{ mountPath: '/data', name: 'data' }] }], volumes: [{ emptyDir: {}, name: 'data' }] } },
        {
          containers: [
            defaultedContainer('nginx:1.25', {
              volumeMounts: [
                { name: 'data', mountPath: '/data' },
                { name: 'kube-api-access-abcde', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
              ],
            }),
          ],
          volumes: [{ name: 'data', emptyDir: {} }, { name: 'kube-api-access-abcde', projected: { defaultMode: 420 } }],
        },
      ),
    },
  },
  {
    name: 'apply: service ports merged by port',
    argv: ['apply', '-f', 'svc.yaml'],
    files: { 'svc.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - name: https\n    port: 443\n    targetPort: 8443\n  - name: http\n    port: 80\n` },
    objects: {
      '/api/v1/namespaces/default/services/web': {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: 'web',
          namespace: 'default',
          annotations: {
            [LAST_APPLIED_CONFIG_ANNOTATION]: lastApplied({
              apiVersion: 'v1',
              kind: 'Service',
              metadata: { annotations: {}, name: 'web', namespace: 'default' },
              spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }], selector: { app: 'web' } },
            }),
          },
        },
        spec: { ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'web' }, clusterIP: '10.96.0.20', type: 'ClusterIP', sessionAffinity: 'None' },
        status: { loadBalancer: {} },
      },
    },
  },
  {
    name: 'apply: deployment replicas',
    argv: ['apply', '-f', 'deploy.yaml'],
    files: { 'deploy.yaml': deployFile(3, '') },
    objects: { [deployPath]: deployLive(deployLast(2, undefined), 2, rolling) },
  },
  {
    name: 'apply: deployment strategy switched to Recreate (retainKeys)',
    argv: ['apply', '-f', 'deploy.yaml'],
    files: { 'deploy.yaml': deployFile(2, '  strategy:\n    type: Recreate\n') },
    objects: { [deployPath]: deployLive(deployLast(2, rolling), 2, rolling) },
  },
  {
    name: 'apply: deployment template image, dry run on the server',
    argv: ['apply', '-f', 'deploy.yaml', '--dry-run=server'],
    files: { 'deploy.yaml': deployFile(2, '', 'nginx:1.27') },
    objects: { [deployPath]: deployLive(deployLast(2, undefined), 2, rolling) },
  },
  {
    name: 'apply: deployment unchanged',
    argv: ['apply', '-f', 'deploy.yaml'],
    files: { 'deploy.yaml': deployFile(2, '') },
    objects: { [deployPath]: deployLive(deployLast(2, undefined), 2, rolling) },
  },
]

const twoDocs = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n---\n${podFile('nginx')}`

const errorCases: Case[] = [
  {
    name: 'apply: the patch is Invalid (pod spec is immutable)',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25', '    workingDir: /w\n') },
    objects: { [podPath]: podLive(podLast('nginx:1.25'), { containers: [defaultedContainer('nginx:1.25')] }) },
    errors: { [`PATCH ${podPath}`]: podUpdateForbidden },
  },
  {
    name: 'apply: the patch is a BadRequest (strict decoding)',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx:1.25', '    imagee: x\n') },
    objects: { [podPath]: podLive(podLast('nginx:1.25'), { containers: [defaultedContainer('nginx:1.25')] }) },
    errors: { [`PATCH ${podPath}`]: status(400, 'BadRequest', 'strict decoding error: unknown field "spec.containers[0].imagee"') },
  },
  {
    name: 'apply: getting the live object is forbidden',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx') },
    errors: { [`GET ${podPath}`]: status(403, 'Forbidden', 'pods "web" is forbidden: User "u" cannot get resource "pods" in API group "" in the namespace "default"') },
  },
  {
    name: 'apply: an object in a namespace that does not exist',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx').replace('  name: web\n', '  name: web\n  namespace: nope\n') },
  },
  {
    name: 'apply: create fails Invalid',
    argv: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': podFile('nginx') },
    errors: {
      'POST /api/v1/namespaces/default/pods': newInvalid({ group: '', kind: 'Pod' }, 'web', [new FieldError('FieldValueRequired', 'spec.containers[0].image', undefined, '')]),
    },
  },
  {
    name: 'apply: two documents, one fails, -o yaml prints nothing',
    argv: ['apply', '-f', 'two.yaml', '-o', 'yaml'],
    files: { 'two.yaml': twoDocs },
    errors: { 'POST /api/v1/namespaces/default/configmaps': status(403, 'Forbidden', 'configmaps "cfg" is forbidden: nope') },
  },
  { name: 'apply: two documents, -o yaml prints a List', argv: ['apply', '-f', 'two.yaml', '-o', 'yaml'], files: { 'two.yaml': twoDocs } },
  { name: 'apply: two documents, -o json', argv: ['apply', '-f', 'two.yaml', '-o', 'json'], files: { 'two.yaml': twoDocs } },
  { name: 'apply: -o name', argv: ['apply', '-f', 'two.yaml', '-o', 'name'], files: { 'two.yaml': twoDocs } },
  { name: 'apply: --dry-run=client -o yaml shows the annotation', argv: ['apply', '-f', 'pod.yaml', '--dry-run=client', '-o', 'yaml'], files: { 'pod.yaml': podFile('nginx') } },
  { name: 'apply: an unknown -o fails when printing, after creating', argv: ['apply', '-f', 'pod.yaml', '-o', 'foo'], files: { 'pod.yaml': podFile('nginx') } },
  { name: 'apply: -n other with an object in default', argv: ['apply', '-f', 'pod.yaml', '-n', 'other'], files: { 'pod.yaml': podFile('nginx').replace('  name: web\n', '  name: web\n  namespace: default\n') } },
  { name: 'apply: a directory, only manifest files', argv: ['apply', '-f', 'dir'], files: { 'dir/b.yaml': podFile('nginx'), 'dir/a.json': '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"dev"}}', 'dir/notes.txt': 'x', 'dir/sub/c.yaml': podFile('x') } },
  { name: 'apply: a directory, -R', argv: ['apply', '-f', 'dir', '-R'], files: { 'dir/b.yaml': podFile('nginx'), 'dir/sub/c.yaml': podFile('nginx').replace('name: web\n', 'name: c\n') } },
  { name: 'apply: stdin', argv: ['apply', '-f', '-'], stdin: podFile('nginx') },
  { name: 'apply: a glob', argv: ['apply', '-f', '*.yaml'], files: { 'a.yaml': podFile('nginx'), 'b.yaml': twoDocs.split('---\n')[0] } },
  { name: 'apply: empty stdin', argv: ['apply', '-f', '-'], stdin: '' },
  { name: 'apply: bad yaml and a good file', argv: ['apply', '-f', 'bad.yaml', '-f', 'pod.yaml'], files: { 'bad.yaml': 'a: b\n c: d\n', 'pod.yaml': podFile('nginx') } },
  // With validation on, kubectl first asks OpenAPI v2 about the kind (this fake serves only v3);
  // a real server has no schema for it either, and kubectl goes on to the same mapping error.
  { name: 'apply: a kind the server does not have', argv: ['apply', '-f', 'x.yaml', '--validate=false'], files: { 'x.yaml': 'apiVersion: v1\nkind: Deploymnt\nmetadata:\n  name: x\n' } },
  { name: 'apply: generateName', argv: ['apply', '-f', 'x.yaml'], files: { 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: x-\n' } },
  { name: 'create: created', argv: ['create', '-f', 'two.yaml'], files: { 'two.yaml': twoDocs } },
  { name: 'create: AlreadyExists', argv: ['create', '-f', 'pod.yaml'], files: { 'pod.yaml': podFile('nginx') }, objects: { [podPath]: podLive(undefined, {}) } },
  {
    name: 'create: one Invalid, one created, -o name',
    argv: ['create', '-f', 'two.yaml', '-o', 'name'],
    files: { 'two.yaml': twoDocs },
    errors: {
      'POST /api/v1/namespaces/default/pods': newInvalid({ group: '', kind: 'Pod' }, 'web', [
        new FieldError('FieldValueInvalid', 'metadata.name', 'web', 'bad'),
        new FieldError('FieldValueRequired', 'spec.containers[0].image', undefined, ''),
      ]),
    },
  },
  { name: 'create: -o yaml of two objects', argv: ['create', '-f', 'two.yaml', '-o', 'yaml'], files: { 'two.yaml': twoDocs } },
  { name: 'create: --dry-run=server', argv: ['create', '-f', 'two.yaml', '--dry-run=server'], files: { 'two.yaml': twoDocs } },
  { name: 'create: --save-config', argv: ['create', '-f', 'pod.yaml', '--save-config', '-o', 'json'], files: { 'pod.yaml': podFile('nginx') } },
  { name: 'create: two missing files', argv: ['create', '-f', 'a.yaml', '-f', 'b.yaml'] },
  { name: 'create namespace', argv: ['create', 'namespace', 'dev'] },
  { name: 'create namespace -o json', argv: ['create', 'namespace', 'dev', '-o', 'json'] },
  { name: 'create namespace AlreadyExists', argv: ['create', 'namespace', 'dev'], objects: { '/api/v1/namespaces/dev': { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } } } },
  { name: 'run', argv: ['run', 'web', '--image=nginx'] },
  { name: 'run: --dry-run=client -o yaml', argv: ['run', 'nginx', '--image=nginx', '--port=80', '--env=A=1', '--labels=app=web', '--restart=Never', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', 'echo hi'] },
  { name: 'run: --expose --dry-run=client -o yaml', argv: ['run', 'web', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'yaml'] },
  { name: 'run: --dry-run=server', argv: ['run', 'web', '--image=nginx', '--dry-run=server'] },
  { name: 'run: -n team-a --dry-run=client -o json', argv: ['run', 'web', '--image=nginx', '-n', 'team-a', '--dry-run=client', '-o', 'json'] },
  { name: 'run: -i with --dry-run=client is refused', argv: ['run', 'web', '--image=nginx', '-i', '--dry-run=client'] },
  { name: 'run: -o json prints the Go struct', argv: ['run', 'web', '--image=nginx', '--port=80', '-o', 'json'] },
  { name: 'run: AlreadyExists', argv: ['run', 'web', '--image=nginx'], objects: { [podPath]: podLive(undefined, {}) } },
  {
    name: 'run --expose: the service fails after the pod',
    argv: ['run', 'web', '--image=nginx', '--port=80', '--expose'],
    objects: { '/api/v1/namespaces/default/services/web': { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } } },
  },
  { name: 'run --save-config', argv: ['run', 'web', '--image=nginx', '--save-config', '-o', 'yaml'] },
]

// ---- the two sides ----

function setUp(c: Case): FakeApi {
  const api = new FakeApi()
  for (const [path, obj] of Object.entries(c.objects ?? {})) api.objects.set(path, obj)
  for (const [key, err] of Object.entries(c.errors ?? {})) api.errors.set(key, err)
  return api
}

/** What changed the server's state: the non-GET requests. */
const writes = (log: LoggedRequest[]) =>
  log.filter((r) => r.method !== 'GET').map((r) => ({ method: r.method, path: r.path, query: r.query, contentType: r.contentType, body: r.body ? (JSON.parse(r.body) as unknown) : undefined }))

describe.skipIf(!real.bin)('kubectl apply/create/run against the real kubectl 1.32 (same fake API server)', () => {
  let server: Server
  let current: FakeApi = new FakeApi()
  let env: Record<string, string>
  let root: string

  beforeAll(async () => {
    server = createServer((req, out) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        // Typed clients send protobuf, which the harness reads byte by byte.
        const body = Buffer.concat(chunks).toString(String(req.headers['content-type'] ?? '').includes('protobuf') ? 'latin1' : 'utf8')
        const url = new URL(req.url ?? '/', 'http://localhost')
        const query: Record<string, string> = {}
        url.searchParams.forEach((v, k) => {
          if (k !== 'timeout') query[k] = v
        })
        const answer = current.handle(req.method ?? '', url.pathname, query, String(req.headers['content-type'] ?? ''), body)
        out.writeHead(answer.code, { 'content-type': 'application/json' })
        out.end(JSON.stringify(answer.body))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    const port = (server.address() as { port: number }).port
    root = mkdtempSync(join(tmpdir(), 'podlab-apply-'))
    writeFileSync(join(root, 'config'), kubeconfigFor(`http://127.0.0.1:${port}`))
  })
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )

  const runReal = (argv: string[], cwd: string, stdin: string | undefined) =>
    new Promise<RunResult>((resolve) => {
      env = { PATH: '/usr/bin:/bin', HOME: root, KUBECONFIG: join(root, 'config') }
      const child = execFile(real.bin as string, argv, { env, cwd }, (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }))
      child.stdin?.end(stdin ?? '')
    })

  ;[...applyPatchCases, ...errorCases].forEach((c, i) => {
    it(c.name, async () => {
      const cwd = join(root, `case${i}`)
      mkdirSync(cwd, { recursive: true })
      for (const [name, text] of Object.entries(c.files ?? {})) {
        mkdirSync(dirname(join(cwd, name)), { recursive: true })
        writeFileSync(join(cwd, name), text)
      }
      current = setUp(c)
      const got = await runReal(c.argv, cwd, c.stdin)
      const realWrites = writes(current.log)
      const ours = setUp(c)
      const podlab = podlabHost(ours, c.files ?? {}).run(c.argv, c.stdin ?? (c.argv.includes('-') ? '' : undefined))
      expect(podlab).toEqual(got)
      expect(writes(ours.log)).toEqual(realWrites)
    })
  })
})
