import { describe, expect, it } from 'vitest'
import type { Pod } from '../types'
import { formatKubectlError, newInvalid } from '../errors'
import { setDefaultsPod } from '../defaults/pod'
import { admitDefaultTolerationSeconds, admitPriority, admitServiceAccount, SYSTEM_PRIORITY_CLASSES } from '../defaults/admission'
import { validatePodCreate, validatePodTemplateSpec, validatePodUpdate } from './pod'
import { validateNamespace, validateNamespaceStatusUpdate } from './namespace'
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'
import { nameIsDNSSubdomain } from './names'
import { newPath } from './field'
import { computePodQOS } from './qos'

/** The pod the apiserver validates: defaulted, admitted, in namespace "default". */
function stored(pod: Pod): Pod {
  const withNs = { ...pod, metadata: { namespace: 'default', ...pod.metadata } }
  const sa = admitServiceAccount(setDefaultsPod(withNs), {
    namespace: 'default',
    serviceAccount: { metadata: { name: 'default', namespace: 'default' } },
    suffix: 'x7k2p',
  })
  if ('status' in sa) throw new Error(sa.status.message)
  const pr = admitPriority(sa.pod, SYSTEM_PRIORITY_CLASSES)
  if ('status' in pr) throw new Error(pr.status.message)
  return admitDefaultTolerationSeconds(pr.pod)
}

function kubectlSays(pod: Pod): string {
  const s = stored(pod)
  return formatKubectlError(newInvalid({ group: '', kind: 'Pod' }, s.metadata?.name ?? '', validatePodCreate(s)))
}

const errorsOf = (pod: Pod): string[] => validatePodCreate(stored(pod)).map((e) => e.error())

describe('facts §7.2 (kubectl 1.32 against the apiserver)', () => {
  it('noimage.yaml', () => {
    expect(kubectlSays({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'noimage' }, spec: { containers: [{ name: 'app' }] } })).toBe(
      'The Pod "noimage" is invalid: spec.containers[0].image: Required value',
    )
  })

  it('badname.yaml: errors in upstream order', () => {
    expect(kubectlSays({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'My_Pod' }, spec: { containers: [{ name: 'app' }] } })).toBe(
      'The Pod "My_Pod" is invalid: \n' +
        "* metadata.name: Invalid value: \"My_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" +
        '* spec.containers[0].image: Required value',
    )
  })

  it('kubectl run Bad_Name --image=nginx', () => {
    const sent: Pod = {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'Bad_Name', labels: { run: 'Bad_Name' } },
      spec: { containers: [{ name: 'Bad_Name', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
    }
    // The container name is invalid too, which the §7.2 capture (from a fake server that only
    // checked the pod name) did not show; the real apiserver reports both.
    expect(errorsOf(sent)).toEqual([
      'metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
      "spec.containers[0].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ])
  })

  it('a valid pod has no errors', () => {
    expect(errorsOf({ metadata: { name: 'nginx' }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } })).toEqual([])
  })
})

describe('pod spec rules', () => {
  const pod = (spec: Record<string, unknown>, name = 'p'): Pod => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } as Pod['spec'] })

  it('policies: Unsupported value lists', () => {
    expect(errorsOf(pod({ restartPolicy: 'Sometimes', dnsPolicy: 'Magic' }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "Magic": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ])
    expect(errorsOf(pod({ containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Foo' }] }))).toEqual([
      'spec.containers[0].imagePullPolicy: Unsupported value: "Foo": supported values: "Always", "IfNotPresent", "Never"',
    ])
  })

  it('containers: required, names, duplicates, ports', () => {
    expect(errorsOf(pod({ containers: [] }))).toEqual(['spec.containers: Required value'])
    expect(
      errorsOf(
        pod({
          containers: [
            { name: 'web', image: 'nginx', ports: [{ containerPort: 70000, protocol: 'HTTP', name: 'Http' }] },
            { name: 'web', image: 'nginx', ports: [{ containerPort: 0 }] },
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].ports[0].name: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[1].ports[0].containerPort: Required value',
      'spec.containers[1].name: Duplicate value: "web"',
    ])
  })

  it('env: relaxed names (1.32), valueFrom sources', () => {
    expect(
      errorsOf(
        pod({
          containers: [
            {
              name: 'c',
              image: 'nginx',
              env: [{ name: '' }, { name: 'A=B' }, { name: '1A' }, { name: 'X', valueFrom: {} }, { name: 'Y', value: 'v', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'Z', valueFrom: { fieldRef: { fieldPath: 'spec.foo' } } }],
            },
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].env[0].name: Required value',
      'spec.containers[0].env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
      'spec.containers[0].env[3].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      'spec.containers[0].env[4].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      'spec.containers[0].env[5].valueFrom.fieldRef.fieldPath: Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo',
    ])
  })

  it('volumes and mounts', () => {
    expect(
      errorsOf(
        pod({
          volumes: [{ name: 'data', hostPath: { path: '/d' }, emptyDir: {} }, { name: 'cfg', configMap: {} }, { name: 'Bad_Vol', emptyDir: {} }],
          containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'nope', mountPath: '/a' }, { name: 'nope', mountPath: '/a' }] }],
        }),
      ),
    ).toEqual([
      'spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type',
      'spec.volumes[1].configMap.name: Required value',
      "spec.volumes[2].name: Invalid value: \"Bad_Vol\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      'spec.containers[0].volumeMounts[0].name: Not found: "nope"',
      'spec.containers[0].volumeMounts[1].name: Not found: "nope"',
      'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/a": must be unique',
    ])
  })

  it('resources: names, requests over limits, negative', () => {
    expect(
      errorsOf(pod({ containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '500m' }, requests: { cpu: '1', cpus: '1', memory: '-1Mi' } } }] })),
    ).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
      'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      'spec.containers[0].resources.requests[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
    ])
  })

  it('probes and lifecycle handlers', () => {
    expect(
      errorsOf(
        pod({
          containers: [
            {
              name: 'c',
              image: 'nginx',
              livenessProbe: { httpGet: { port: 'http-port-too-long' }, exec: { command: [] }, successThreshold: 2 },
              readinessProbe: {},
            },
          ],
        }),
      ),
    ).toEqual([
      'spec.containers[0].livenessProbe.exec.command: Required value',
      'spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].readinessProbe: Required value: must specify a handler type',
    ])
  })

  it('tolerations, nodeSelector, hostname, activeDeadlineSeconds', () => {
    expect(
      errorsOf(
        pod({
          nodeSelector: { 'bad key': 'v' },
          hostname: 'Host',
          activeDeadlineSeconds: 0,
          tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }, { operator: 'Equal' }, { key: 'a', effect: 'Never', tolerationSeconds: 5 }],
        }),
      ),
    ).toEqual([
      "spec.nodeSelector: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
      "spec.hostname: Invalid value: \"Host\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      "spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
      'spec.tolerations[1].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      "spec.tolerations[2].effect: Invalid value: \"Never\": effect must be 'NoExecute' when `tolerationSeconds` is set",
      'spec.tolerations[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ])
  })

  it('init containers share names with containers', () => {
    expect(errorsOf(pod({ initContainers: [{ name: 'c', image: 'busybox', readinessProbe: { exec: { command: ['true'] } } }] }))).toEqual([
      'spec.initContainers[0].name: Duplicate value: "c"',
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers',
    ])
  })

  it('pod templates validate labels at <path>.labels', () => {
    const errs = validatePodTemplateSpec({ metadata: { labels: { app: 'bad value' } }, spec: setDefaultsPod({ spec: { containers: [{ name: 'c', image: 'x' }] } }).spec }, newPath('spec', 'template'))
    expect(errs.map((e) => e.field)).toEqual(['spec.template.labels'])
  })
})

describe('pod updates', () => {
  const base = stored({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] } })
  const old: Pod = { ...base, metadata: { ...base.metadata, resourceVersion: '5', uid: 'u1' }, status: { qosClass: 'BestEffort' } }
  const withSpec = (mutate: (p: Pod) => void): Pod => {
    const p = JSON.parse(JSON.stringify(old)) as Pod
    mutate(p)
    return p
  }

  it('an image change is allowed', () => {
    expect(validatePodUpdate(withSpec((p) => (p.spec!.containers[0].image = 'nginx:1.26')), old)).toEqual([])
  })

  it('other changes are Forbidden with the 1.32 list of updatable fields and the go-cmp diff of the specs', () => {
    const errs = validatePodUpdate(withSpec((p) => (p.spec!.containers[0].ports![0].containerPort = 8080)), old).map((e) => e.error())
    expect(errs).toEqual([
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n' +
        [
          '  core.PodSpec{',
          '  \tVolumes:        {{Name: "kube-api-access-x7k2p", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},',
          '  \tInitContainers: nil,',
          '  \tContainers: []core.Container{',
          '  \t\t{',
          '  \t\t\t... // 3 identical fields',
          '  \t\t\tArgs:       nil,',
          '  \t\t\tWorkingDir: "",',
          '  \t\t\tPorts: []core.ContainerPort{',
          '  \t\t\t\t{',
          '  \t\t\t\t\tName:          "",',
          '  \t\t\t\t\tHostPort:      0,',
          '- \t\t\t\t\tContainerPort: 80,',
          '+ \t\t\t\t\tContainerPort: 8080,',
          '  \t\t\t\t\tProtocol:      "TCP",',
          '  \t\t\t\t\tHostIP:        "",',
          '  \t\t\t\t},',
          '  \t\t\t},',
          '  \t\t\tEnvFrom: nil,',
          '  \t\t\tEnv:     nil,',
          '  \t\t\t... // 16 identical fields',
          '  \t\t},',
          '  \t},',
          '  \tEphemeralContainers: nil,',
          '  \tRestartPolicy:       "Always",',
          '  \t... // 29 identical fields',
          '  }',
          '',
        ].join('\n'),
    ])
  })

  it('a resources change also reports the QoS class (as kubectl edit shows)', () => {
    const errs = validatePodUpdate(withSpec((p) => (p.spec!.containers[0].resources = { requests: { cpu: '700m' } })), old).map((e) => e.error())
    expect(errs[0]).toBe('metadata: Invalid value: "BestEffort": Pod QoS is immutable')
    expect(errs[1]).toMatch(/^spec: Forbidden: pod updates may not change fields other than /)
  })

  it('containers cannot be added; tolerations only added; resourceVersion required; name immutable', () => {
    expect(validatePodUpdate(withSpec((p) => p.spec!.containers.push({ name: 'x', image: 'y', terminationMessagePolicy: 'File', imagePullPolicy: 'Always', resources: {} })), old).map((e) => e.error())).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ])
    expect(validatePodUpdate(withSpec((p) => p.spec!.tolerations!.pop()), old).map((e) => e.error())).toEqual([
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ])
    expect(validatePodUpdate(withSpec((p) => p.spec!.tolerations!.push({ key: 'x', operator: 'Exists' })), old)).toEqual([])
    expect(validatePodUpdate(withSpec((p) => delete p.metadata!.resourceVersion), old).map((e) => e.error())).toEqual([
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
    ])
  })
})

describe('object metadata and namespaces', () => {
  it('name or generateName, namespace required, labels and annotations', () => {
    const errs = validateObjectMeta({ generateName: 'Web-', labels: { 'a/b/c': 'x' }, annotations: { Good: '1', 'x/': '2' } }, true, nameIsDNSSubdomain).map((e) => e.error())
    expect(errs[0]).toMatch(/^metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/)
    expect(errs[1]).toBe('metadata.name: Required value: name or generateName is required')
    expect(errs[2]).toBe('metadata.namespace: Required value')
    expect(errs[3]).toMatch(/^metadata\.labels: Invalid value: "a\/b\/c": a qualified name must consist of/)
    expect(errs[4]).toMatch(/^metadata\.annotations: Invalid value: "x\/": name part must be non-empty/)
  })

  it('annotations larger than 256 KiB', () => {
    const errs = validateObjectMeta({ name: 'a', namespace: 'b', annotations: { big: 'x'.repeat(262142) } }, true, nameIsDNSSubdomain)
    expect(errs.map((e) => e.error())).toEqual(['metadata.annotations: Too long: must have at most 262144 bytes'])
  })

  it('immutable fields on update', () => {
    const errs = validateObjectMetaUpdate({ name: 'b', namespace: 'n', resourceVersion: '2', uid: 'x' }, { name: 'a', namespace: 'n', uid: 'u' }).map((e) => e.error())
    expect(errs).toEqual(['metadata.name: Invalid value: "b": field is immutable', 'metadata.uid: Invalid value: "x": field is immutable'])
  })

  it('namespaces: DNS-1123 labels and finalizer names', () => {
    expect(validateNamespace({ metadata: { name: 'Bad_Name' } }).map((e) => e.error())).toEqual([
      "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ])
    expect(validateNamespace({ metadata: { name: 'a.b' } }).map((e) => e.error())).toEqual(['metadata.name: Invalid value: "a.b": must not contain dots'])
    expect(validateNamespace({ metadata: { name: 'ok', namespace: 'x' }, spec: { finalizers: ['custom'] } }).map((e) => e.error())).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
      'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ])
    expect(validateNamespaceStatusUpdate({ metadata: { name: 'a', resourceVersion: '1' }, status: { phase: 'Terminating' } }, { metadata: { name: 'a' } }).map((e) => e.error())).toEqual([
      "status.Phase: Invalid value: \"Terminating\": may only be 'Active' if `deletionTimestamp` is empty",
    ])
  })
})

describe('QoS', () => {
  it('BestEffort, Burstable, Guaranteed', () => {
    expect(computePodQOS({ spec: { containers: [{ name: 'a' }] } })).toBe('BestEffort')
    expect(computePodQOS({ spec: { containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }] } })).toBe('Burstable')
    expect(computePodQOS({ spec: { containers: [{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } } }] } })).toBe('Guaranteed')
  })
})
