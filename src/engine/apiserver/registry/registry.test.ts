import { describe, expect, it } from 'vitest'
import { ApiServer } from '../apiServer'
import { Client } from '../../client/client'
import { Store } from '../../store/store'
import { VirtualClock } from '../../clock/virtualClock'
import { Rng } from '../../clock/random'
import { formatKubectlError, StatusError } from '../../api/errors'
import { toKubectlYaml } from '../../cli/kubectl/printers/yamlPrinter'
import type { KubeObject, Namespace, Pod, Status } from '../../api/types'

/** An apiserver with the default namespace and its default ServiceAccount, as a fresh cluster has. */
function cluster() {
  const api = new ApiServer({ store: new Store(), clock: new VirtualClock(Date.UTC(2025, 0, 1)), rng: new Rng(7) })
  const c = new Client(api, 'kubectl')
  for (const ns of ['default', 'kube-system', 'kube-public']) c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
  c.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } })
  return { api, c }
}

function failure(f: () => unknown): Status {
  try {
    f()
  } catch (e) {
    if (e instanceof StatusError) return e.status
    throw e
  }
  throw new Error('expected the request to fail')
}

const pod = (name: string, spec: Pod['spec'], extra: Partial<Pod['metadata']> = {}): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...extra }, spec })

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

describe('creating invalid pods (facts §7.2: the 422 Status and what kubectl prints)', () => {
  it('noimage.yaml', () => {
    const { c } = cluster()
    const s = failure(() => c.create('pods', 'default', pod('noimage', { containers: [{ name: 'app' } as never] })))
    expect(s).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Pod "noimage" is invalid: spec.containers[0].image: Required value',
      reason: 'Invalid',
      details: { name: 'noimage', kind: 'Pod', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }] },
      code: 422,
    })
    expect(formatKubectlError(s)).toBe('The Pod "noimage" is invalid: spec.containers[0].image: Required value')
  })

  it('badname.yaml: two causes, metadata first', () => {
    const { c } = cluster()
    const s = failure(() => c.create('pods', 'default', pod('My_Pod', { containers: [{ name: 'app' } as never] })))
    expect(s.message).toBe(`Pod "My_Pod" is invalid: [metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN}, spec.containers[0].image: Required value]`)
    expect(s.details?.causes).toEqual([
      { reason: 'FieldValueInvalid', message: `Invalid value: "My_Pod": ${SUBDOMAIN}`, field: 'metadata.name' },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' },
    ])
    expect(formatKubectlError(s)).toBe(`The Pod "My_Pod" is invalid: \n* metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN}\n* spec.containers[0].image: Required value`)
  })

  it('kubectl run Bad_Name --image=nginx: the pod name, and the container name run derives from it', () => {
    const { c } = cluster()
    // What `kubectl run Bad_Name --image=nginx` sends (facts §6.1 shape).
    const sent = pod('Bad_Name', { containers: [{ name: 'Bad_Name', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' }, { labels: { run: 'Bad_Name' } })
    const s = failure(() => c.create('pods', 'default', sent))
    // §7.2 shows only the first cause (captured against a server that checked names only); the
    // real apiserver's ValidatePodCreate also rejects the container name.
    expect(s.details?.causes?.map((x) => `${x.field}: ${x.message}`)).toEqual([
      `metadata.name: Invalid value: "Bad_Name": ${SUBDOMAIN}`,
      `spec.containers[0].name: Invalid value: "Bad_Name": ${LABEL}`,
    ])
  })

  it.each([
    ['a namespace that does not exist', 'nope', 'NotFound', 404, 'namespaces "nope" not found'],
  ])('rejects a pod in %s', (_what, ns, reason, code, message) => {
    const { c } = cluster()
    const s = failure(() => c.create('pods', ns, pod('web', { containers: [{ name: 'web', image: 'nginx' }] })))
    expect([s.reason, s.code, s.message]).toEqual([reason, code, message])
  })

  it('admission: a missing service account, PriorityClass or RuntimeClass is Forbidden', () => {
    const { c } = cluster()
    const cases: [Partial<NonNullable<Pod['spec']>>, string][] = [
      [{ serviceAccountName: 'robot' }, 'pods "web" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found'],
      [{ priorityClassName: 'high' }, 'pods "web" is forbidden: no PriorityClass with name high was found'],
      [{ priority: 5 }, 'pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name'],
      [{ runtimeClassName: 'gvisor' }, 'pods "web" is forbidden: pod rejected: RuntimeClass "gvisor" not found'],
    ]
    for (const [extra, message] of cases) {
      const s = failure(() => c.create('pods', 'default', pod('web', { containers: [{ name: 'web', image: 'nginx' }], ...extra })))
      expect([s.reason, s.code, s.message, s.details]).toEqual(['Forbidden', 403, message, { name: 'web', kind: 'pods' }])
    }
    // Before its name is generated, a generateName pod is named by its prefix.
    const s = failure(() => c.create('pods', 'default', pod('', { containers: [{ name: 'web', image: 'nginx' }], serviceAccountName: 'robot' }, { name: undefined, generateName: 'web-' })))
    expect(s.message).toBe('pods "web-" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found')
  })

  it('admission: no new content in a terminating namespace', () => {
    const { c } = cluster()
    c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old' } })
    c.create('serviceaccounts', 'old', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } })
    c.delete('namespaces', undefined, 'old')
    const s = failure(() => c.create('pods', 'old', pod('web', { containers: [{ name: 'web', image: 'nginx' }] })))
    expect(s).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "web" is forbidden: unable to create new content in namespace old because it is being terminated',
      reason: 'Forbidden',
      details: { name: 'web', kind: 'pods', causes: [{ reason: 'NamespaceTerminating', message: 'namespace old is being terminated', field: 'metadata.namespace' }] },
      code: 403,
    })
  })
})

describe('a created pod (facts §6: defaulting and admission)', () => {
  it('kubectl run nginx --image=nginx: the stored object, as `kubectl get pod nginx -o yaml` prints its spec and status', () => {
    const { c } = cluster()
    const sent: Pod = {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'nginx', creationTimestamp: null as unknown as string, labels: { run: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
      status: {},
    }
    const created = c.create('pods', 'default', sent)
    const vol = created.spec!.volumes![0].name
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    const yaml = toKubectlYaml({ spec: created.spec, status: created.status })
    expect(yaml).toBe(
      `spec:
  containers:
  - image: nginx
    imagePullPolicy: Always
    name: nginx
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: ${vol}
      readOnly: true
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  preemptionPolicy: PreemptLowerPriority
  priority: 0
  restartPolicy: Always
  schedulerName: default-scheduler
  securityContext: {}
  serviceAccount: default
  serviceAccountName: default
  terminationGracePeriodSeconds: 30
  tolerations:
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
    tolerationSeconds: 300
  - effect: NoExecute
    key: node.kubernetes.io/unreachable
    operator: Exists
    tolerationSeconds: 300
  volumes:
  - name: ${vol}
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken:
          expirationSeconds: 3607
          path: token
      - configMap:
          items:
          - key: ca.crt
            path: ca.crt
          name: kube-root-ca.crt
      - downwardAPI:
          items:
          - fieldRef:
              apiVersion: v1
              fieldPath: metadata.namespace
            path: namespace
status:
  phase: Pending
  qosClass: BestEffort
`,
    )
    expect(Object.keys(created.metadata!).sort()).toEqual(['creationTimestamp', 'labels', 'name', 'namespace', 'resourceVersion', 'uid'])
    expect(created.metadata!.creationTimestamp).toBe('2025-01-01T00:00:00Z')
  })

  it('imagePullPolicy: Always for :latest or no tag, IfNotPresent for a tag or digest; ports default to TCP', () => {
    const { c } = cluster()
    const images = ['nginx', 'nginx:latest', 'nginx:1.27', `nginx@sha256:${'a'.repeat(64)}`]
    const created = c.create('pods', 'default', pod('p', { containers: images.map((image, i) => ({ name: `c${i}`, image, ports: [{ containerPort: 80 + i }] })) }))
    expect(created.spec!.containers.map((x) => x.imagePullPolicy)).toEqual(['Always', 'Always', 'IfNotPresent', 'IfNotPresent'])
    expect(created.spec!.containers.map((x) => x.ports![0].protocol)).toEqual(['TCP', 'TCP', 'TCP', 'TCP'])
  })

  it('a Guaranteed pod keeps its QoS class; mirror pods get no service account', () => {
    const { c } = cluster()
    const g = c.create('pods', 'default', pod('g', { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] }))
    expect(g.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' })
    expect(g.spec!.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } })
    const mirror = c.create('pods', 'default', pod('m', { containers: [{ name: 'c', image: 'nginx' }], nodeName: 'kind-worker' }, { annotations: { 'kubernetes.io/config.mirror': 'abc' } }))
    expect(mirror.spec!.serviceAccountName).toBeUndefined()
    expect(mirror.spec!.volumes).toBeUndefined()
  })
})

describe('updating pods', () => {
  function created() {
    const { c } = cluster()
    const p = c.create('pods', 'default', pod('web', { containers: [{ name: 'web', image: 'nginx:1.25' }] }))
    return { c, p }
  }

  it('an image change is allowed; anything else is Forbidden with the diff of the specs', () => {
    const { c, p } = created()
    const vol = p.spec!.volumes![0].name
    const moved = c.update('pods', { ...p, spec: { ...p.spec!, containers: [{ ...p.spec!.containers[0], image: 'nginx:1.26' }] } })
    expect(moved.spec!.containers[0].image).toBe('nginx:1.26')
    const s = failure(() => c.update('pods', { ...moved, spec: { ...moved.spec!, restartPolicy: 'Never' } }))
    expect(s.reason).toBe('Invalid')
    expect(s.details?.causes).toEqual([
      {
        reason: 'FieldValueForbidden',
        message: [
          'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
          '  core.PodSpec{',
          '  \t... // 2 identical fields',
          '  \tContainers:                    {{Name: "web", Image: "nginx:1.26", VolumeMounts: {{Name: "' + vol + '", ReadOnly: true, MountPath: "/var/run/secrets/kubernetes.io/serviceaccount"}}, TerminationMessagePath: "/dev/termination-log", ...}},',
          '  \tEphemeralContainers:           nil,',
          '- \tRestartPolicy:                 "Always",',
          '+ \tRestartPolicy:                 "Never",',
          '  \tTerminationGracePeriodSeconds: &30,',
          '  \tActiveDeadlineSeconds:         nil,',
          '  \t... // 27 identical fields',
          '  }',
          '',
        ].join('\n'),
        field: 'spec',
      },
    ])
  })

  it('status updates: a terminated container of a Never pod stays terminated; custom conditions are qualified names', () => {
    const { c } = cluster()
    const p = c.create('pods', 'default', pod('job', { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' }))
    const done = c.updateStatus('pods', {
      ...p,
      status: { ...p.status, phase: 'Succeeded', containerStatuses: [{ name: 'c', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0 } } }] },
    } as Pod)
    const s = failure(() =>
      c.updateStatus('pods', {
        ...done,
        status: { ...done.status, conditions: [{ type: 'my condition', status: 'True' }], containerStatuses: [{ name: 'c', image: 'busybox', imageID: '', ready: true, restartCount: 0, state: { running: {} } }] },
      } as Pod),
    )
    expect(s.details?.causes?.map((x) => `${x.field}: ${x.message}`)).toEqual([
      "metadata.conditions[0].Type: Invalid value: \"my condition\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state',
    ])
  })
})

describe('namespaces', () => {
  it('are created with the name label, the kubernetes finalizer and phase Active (facts §6)', () => {
    const { c } = cluster()
    const ns = c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev', creationTimestamp: null as unknown as string }, spec: {}, status: {} } as Namespace)
    expect([ns.metadata!.labels, ns.spec, ns.status]).toEqual([{ 'kubernetes.io/metadata.name': 'dev' }, { finalizers: ['kubernetes'] }, { phase: 'Active' }])
    const generated = c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { generateName: 'team-' } } as Namespace)
    expect(generated.metadata!.name).toMatch(/^team-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(generated.metadata!.labels).toEqual({ 'kubernetes.io/metadata.name': generated.metadata!.name })
  })

  it.each([
    ['Dev', `metadata.name: Invalid value: "Dev": ${LABEL}`],
    ['my.ns', 'metadata.name: Invalid value: "my.ns": must not contain dots'],
  ])('%s is not a valid namespace name', (name, cause) => {
    const { c } = cluster()
    const s = failure(() => c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as Namespace))
    expect(formatKubectlError(s)).toBe(`The Namespace "${name}" is invalid: ${cause}`)
  })

  it('spec.finalizers must be standard or qualified', () => {
    const { c } = cluster()
    const s = failure(() => c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'f' }, spec: { finalizers: ['cleanup'] } } as Namespace))
    expect(s.message).toBe('Namespace "f" is invalid: spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified')
  })

  it.each(['default', 'kube-system', 'kube-public'])('%s may not be deleted', (name) => {
    const { c } = cluster()
    const s = failure(() => c.delete('namespaces', undefined, name))
    expect(formatKubectlError(s)).toBe(`Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted`)
  })
})

describe('object metadata, for every kind', () => {
  const cases: [string, string, KubeObject, string][] = [
    ['configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { app: 'bad value' } } }, "ConfigMap \"cfg\" is invalid: metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
    ['services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } }, "Service \"1web\" is invalid: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"],
    ['deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'Web' } }, `Deployment.apps "Web" is invalid: metadata.name: Invalid value: "Web": ${SUBDOMAIN}`],
    ['events', 'default', { apiVersion: 'v1', kind: 'Event', metadata: { name: 'a%b' }, involvedObject: { namespace: 'default' } } as KubeObject, `Event "a%b" is invalid: metadata.name: Invalid value: "a%b": may not contain '%'`],
    ['nodes', '', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', annotations: { 'a/b/c': 'x' } } }, "Node \"n1\" is invalid: metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"],
    ['configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big', annotations: { big: 'x'.repeat(262144) } } }, 'ConfigMap "big" is invalid: metadata.annotations: Too long: must have at most 262144 bytes'],
    ['secrets', 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', finalizers: ['cleanup'] } }, 'Secret "s" is invalid: metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified'],
  ]
  it.each(cases)('%s: %j', (resource, ns, obj, message) => {
    const { c } = cluster()
    const s = failure(() => c.create(resource, ns || undefined, obj))
    expect([s.code, s.message]).toEqual([422, message])
  })

  it('an update without a resourceVersion applies to the stored one; metadata errors are reported by each check', () => {
    const { c } = cluster()
    const cm = c.create<KubeObject>('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' } })
    const { resourceVersion: _rv, ...meta } = cm.metadata!
    const updated = c.update('configmaps', { ...cm, metadata: { ...meta, labels: { a: 'b' } } })
    expect(updated.metadata!.labels).toEqual({ a: 'b' })
    const s = failure(() => c.update('configmaps', { ...updated, metadata: { ...updated.metadata, labels: { a: '-b' } } }))
    // BeforeUpdate's validateCommonFields (ValidateObjectMeta + ValidateObjectMetaUpdate) and
    // ValidateConfigMapUpdate (ValidateObjectMetaUpdate + ValidateConfigMap) each report it; the
    // aggregated message names it once.
    expect(s.details?.causes?.length).toBe(4)
    expect(s.message).toMatch(/^ConfigMap "cfg" is invalid: metadata\.labels: Invalid value: "-b": /)
  })
})

describe('configmaps and secrets', () => {
  it('data keys must be config keys', () => {
    const { c } = cluster()
    // kubectl create configmap cfg --from-literal='bad key=v'
    const s = failure(() => c.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { 'bad key': 'v' } } as KubeObject))
    expect(formatKubectlError(s)).toBe(
      "The ConfigMap \"cfg\" is invalid: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    )
  })

  it('an immutable configmap keeps its data', () => {
    const { c } = cluster()
    const cm = c.create<KubeObject & { data?: Record<string, string> }>('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' }, immutable: true } as KubeObject)
    const s = failure(() => c.update('configmaps', { ...cm, data: { a: '2' } }))
    expect(s.message).toBe('ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set')
  })

  it('stringData is folded into data, and the type defaults to Opaque', () => {
    const { c } = cluster()
    const secret = c.create<KubeObject & Record<string, unknown>>('secrets', 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 's3cr3t' } } as KubeObject)
    expect([secret.type, secret.data, secret.stringData]).toEqual(['Opaque', { password: 'czNjcjN0' }, undefined])
  })

  it('each secret type requires its keys; the type cannot change', () => {
    const { c } = cluster()
    const s = failure(() => c.create('secrets', 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 't' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } } as KubeObject))
    expect(s.message).toBe('Secret "t" is invalid: data[tls.key]: Required value')
    const opaque = c.create<KubeObject & Record<string, unknown>>('secrets', 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'o' }, data: { a: 'eA==' } } as KubeObject)
    const s2 = failure(() => c.update('secrets', { ...opaque, type: 'kubernetes.io/basic-auth' }))
    expect(s2.details?.causes?.map((x) => `${x.field}: ${x.message}`)).toEqual([
      'type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
      'data[username]: Required value',
      'data[password]: Required value',
    ])
  })
})
