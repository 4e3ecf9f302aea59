import { describe, expect, it } from 'vitest'
import type { Pod } from '../types'
import { defaultImagePullPolicy, defaultResourceList, setDefaultsPod, setDefaultsPodSpec } from './pod'
import { admitDefaultTolerationSeconds, admitPriority, admitPriorityUpdate, admitServiceAccount, SYSTEM_PRIORITY_CLASSES } from './admission'
import { parseImageName, referenceRegexp } from './parsers'

/** What `kubectl run nginx --image=nginx` sends (facts §6.1, real kubectl 1.32). */
const runPod = (): Pod =>
  deepFreeze({
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'nginx', creationTimestamp: null as unknown as string, labels: { run: 'nginx' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  } as Pod)

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze)
    Object.freeze(o)
  }
  return o
}

const defaultSA = { apiVersion: 'v1' as const, kind: 'ServiceAccount' as const, metadata: { name: 'default', namespace: 'default' } }

function createPipeline(pod: Pod, suffix = 'x7k2p'): Pod {
  const defaulted = setDefaultsPod(pod)
  const sa = admitServiceAccount(defaulted, { namespace: 'default', serviceAccount: defaultSA, suffix })
  if ('status' in sa) throw new Error(sa.status.message)
  const pr = admitPriority(sa.pod, SYSTEM_PRIORITY_CLASSES)
  if ('status' in pr) throw new Error(pr.status.message)
  return admitDefaultTolerationSeconds(pr.pod)
}

describe('a Pod through defaulting and admission (facts §6)', () => {
  it('kubectl run nginx --image=nginx becomes the well-known stored pod, keys in v1 order', () => {
    const pod = createPipeline(runPod())
    expect(JSON.stringify(pod.spec, null, 1)).toBe(
      JSON.stringify(
        {
          volumes: [
            {
              name: 'kube-api-access-x7k2p',
              projected: {
                sources: [
                  { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                  { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                  { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
                ],
                defaultMode: 420,
              },
            },
          ],
          containers: [
            {
              name: 'nginx',
              image: 'nginx',
              resources: {},
              volumeMounts: [{ name: 'kube-api-access-x7k2p', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              imagePullPolicy: 'Always',
            },
          ],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          serviceAccountName: 'default',
          serviceAccount: 'default',
          securityContext: {},
          schedulerName: 'default-scheduler',
          tolerations: [
            { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
            { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          ],
          priority: 0,
          enableServiceLinks: true,
          preemptionPolicy: 'PreemptLowerPriority',
        },
        null,
        1,
      ),
    )
    expect(Object.keys(pod)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status'])
  })

  it('never mutates its (frozen) input', () => {
    const input = runPod()
    createPipeline(input)
    expect(input.spec?.containers[0]).toEqual({ name: 'nginx', image: 'nginx', resources: {} })
  })

  it('keeps what the user set', () => {
    const pod = setDefaultsPod({
      metadata: { name: 'p' },
      spec: {
        containers: [{ name: 'c', image: 'nginx:1.25', imagePullPolicy: 'Never', terminationMessagePolicy: 'FallbackToLogsOnError' }],
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 0,
        enableServiceLinks: false,
      },
    })
    expect(pod.spec?.restartPolicy).toBe('Never')
    expect(pod.spec?.terminationGracePeriodSeconds).toBe(0)
    expect(pod.spec?.enableServiceLinks).toBe(false)
    expect(pod.spec?.containers[0].imagePullPolicy).toBe('Never')
    expect(pod.spec?.containers[0].terminationMessagePolicy).toBe('FallbackToLogsOnError')
  })
})

describe('container defaults', () => {
  it('imagePullPolicy: Always for latest or no tag, IfNotPresent otherwise (docs: Default image pull policy)', () => {
    expect(defaultImagePullPolicy('nginx')).toBe('Always')
    expect(defaultImagePullPolicy('nginx:latest')).toBe('Always')
    expect(defaultImagePullPolicy('registry.k8s.io/pause:3.10')).toBe('IfNotPresent')
    expect(defaultImagePullPolicy('nginx:1.25')).toBe('IfNotPresent')
    expect(defaultImagePullPolicy(`nginx@sha256:${'a'.repeat(64)}`)).toBe('IfNotPresent')
    expect(defaultImagePullPolicy(`nginx:latest@sha256:${'a'.repeat(64)}`)).toBe('Always')
    expect(defaultImagePullPolicy('localhost:5000/app')).toBe('Always')
    // unparsable references default to IfNotPresent (ParseImageName's tag is empty)
    expect(defaultImagePullPolicy('NGINX')).toBe('IfNotPresent')
    expect(defaultImagePullPolicy('')).toBe('IfNotPresent')
  })

  it('ports, probes, env fieldRefs, requests from limits, canonical quantities', () => {
    const pod = setDefaultsPod({
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'busybox',
            ports: [{ containerPort: 80 }],
            env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
            livenessProbe: { httpGet: { port: 80 } as never },
            readinessProbe: { grpc: { port: 9000 } },
            resources: { limits: { cpu: '0.5', memory: '1024Mi' }, requests: { cpu: 0.25 as unknown as string } },
          },
        ],
      },
    })
    const c = pod.spec!.containers[0]
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }])
    expect(c.env?.[0].valueFrom?.fieldRef).toEqual({ apiVersion: 'v1', fieldPath: 'metadata.namespace' })
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })
    expect(c.readinessProbe?.grpc).toEqual({ port: 9000, service: '' })
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '250m', memory: '1Gi' } })
  })

  it('rounds sub-milli quantities up (SetDefaults_ResourceList)', () => {
    expect(defaultResourceList({ cpu: '100u', memory: '128974848', x: 'bogus' })).toEqual({ cpu: '1m', memory: '128974848', x: 'bogus' })
  })

  it('volumes: emptyDir when no source, modes and hostPath type', () => {
    const spec = setDefaultsPodSpec({
      containers: [{ name: 'c' }],
      volumes: [{ name: 'a' }, { name: 'b', secret: { secretName: 's' } }, { name: 'c', configMap: { name: 'cm' } }, { name: 'd', hostPath: { path: '/x' } }],
    })
    expect(spec.volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'c', configMap: { name: 'cm', defaultMode: 420 } },
      { name: 'd', hostPath: { path: '/x', type: '' } },
    ])
  })

  it('templates do not get Pod-only defaults', () => {
    const spec = setDefaultsPodSpec({ containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1' } } }] })
    expect(spec.enableServiceLinks).toBeUndefined()
    expect(spec.containers[0].resources).toEqual({ limits: { cpu: '1' } })
  })

  it('serviceAccount mirrors serviceAccountName (v1 conversion)', () => {
    expect(setDefaultsPodSpec({ containers: [], serviceAccount: 'old' }).serviceAccountName).toBe('old')
    expect(setDefaultsPodSpec({ containers: [], serviceAccountName: 'sa' }).serviceAccount).toBe('sa')
  })
})

describe('admission', () => {
  it('a missing ServiceAccount is Forbidden', () => {
    const pod = setDefaultsPod({ metadata: { name: 'x' }, spec: { serviceAccountName: 'foo', containers: [{ name: 'c', image: 'nginx' }] } })
    const r = admitServiceAccount(pod, { namespace: 'default', serviceAccount: undefined, suffix: 'abcde' })
    expect('status' in r && r.status.message).toBe('pods "x" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found')
  })

  it('automount false, existing mounts and every container', () => {
    const base = setDefaultsPod({
      metadata: { name: 'x' },
      spec: {
        initContainers: [{ name: 'i', image: 'busybox' }],
        containers: [
          { name: 'a', image: 'nginx' },
          { name: 'b', image: 'nginx', volumeMounts: [{ name: 'own', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] },
        ],
      },
    })
    const r = admitServiceAccount(base, { namespace: 'default', serviceAccount: defaultSA, suffix: 'q2w3e' })
    if ('status' in r) throw new Error()
    expect(r.pod.spec?.initContainers?.[0].volumeMounts?.[0].name).toBe('kube-api-access-q2w3e')
    expect(r.pod.spec?.containers[0].volumeMounts?.[0].name).toBe('kube-api-access-q2w3e')
    expect(r.pod.spec?.containers[1].volumeMounts).toHaveLength(1)
    const off = admitServiceAccount(base, { namespace: 'default', serviceAccount: { ...defaultSA, automountServiceAccountToken: false }, suffix: 'q2w3e' })
    if ('status' in off) throw new Error()
    expect(off.pod.spec?.volumes).toBeUndefined()
    expect(off.pod.spec?.serviceAccountName).toBe('default')
  })

  it('tolerations are not duplicated', () => {
    const pod: Pod = { spec: { containers: [], tolerations: [{ operator: 'Exists' }] } }
    expect(admitDefaultTolerationSeconds(pod)).toBe(pod)
    const half: Pod = { spec: { containers: [], tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] } }
    expect(admitDefaultTolerationSeconds(half).spec?.tolerations?.map((t) => t.key)).toEqual(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'])
  })

  it('priority classes', () => {
    const pod: Pod = { metadata: { name: 'x' }, spec: { containers: [], priorityClassName: 'system-node-critical' } }
    const r = admitPriority(pod, SYSTEM_PRIORITY_CLASSES)
    expect('pod' in r && r.pod.spec?.priority).toBe(2000001000)
    const missing = admitPriority({ metadata: { name: 'x' }, spec: { containers: [], priorityClassName: 'nope' } }, SYSTEM_PRIORITY_CLASSES)
    expect('status' in missing && missing.status.message).toBe('pods "x" is forbidden: no PriorityClass with name nope was found')
    const wrong = admitPriority({ metadata: { name: 'x' }, spec: { containers: [], priority: 5 } }, [])
    expect('status' in wrong && wrong.status.message).toBe(
      'pods "x" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    )
    const def = admitPriority({ spec: { containers: [] } }, [{ metadata: { name: 'low' }, value: 10, globalDefault: true, preemptionPolicy: 'Never' }])
    expect('pod' in def && def.pod.spec).toMatchObject({ priorityClassName: 'low', priority: 10, preemptionPolicy: 'Never' })
    expect(admitPriorityUpdate({ spec: { containers: [] } }, { spec: { containers: [], priority: 0, preemptionPolicy: 'PreemptLowerPriority' } }).spec).toMatchObject({
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    })
  })
})

describe('image references', () => {
  it('the grammar kubectl run checks --image against', () => {
    for (const ok of ['nginx', 'nginx:1.25', 'library/nginx', 'registry.k8s.io/pause:3.10', 'localhost:5000/a/b:c', `a@sha256:${'f'.repeat(64)}`]) {
      expect(referenceRegexp.test(ok), ok).toBe(true)
    }
    for (const bad of ['NGINX', 'nginx:', ':tag', 'a//b', 'nginx:-x', '']) expect(referenceRegexp.test(bad), bad).toBe(false)
  })

  it('normalizes Docker Hub names', () => {
    expect(parseImageName('nginx')).toEqual({ repoToPull: 'docker.io/library/nginx', tag: 'latest', digest: '' })
    expect(parseImageName('bitnami/redis:7')).toEqual({ repoToPull: 'docker.io/bitnami/redis', tag: '7', digest: '' })
    expect(parseImageName('NGINX')).toEqual({ error: 'couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase' })
  })
})
