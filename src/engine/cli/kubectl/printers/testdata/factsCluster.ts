// Test fixtures: the objects behind the captured `kubectl get` / `kubectl describe` outputs of
// /work/shared/reference/kubernetes-docker-facts.md §1.5 and §2.1 (a kind cluster with a worker,
// an nginx Deployment, crashing / unpullable / pending / init / OOM / terminating pods, a Job).
// Times are chosen so that, at each capture's own "now", every age in the capture comes out
// (the captures were taken a few seconds apart; the dates match the describe outputs).
// Used only by tests.

import type {
  ConfigMap,
  Container,
  DaemonSet,
  Deployment,
  Event,
  Lease,
  Namespace,
  Node,
  Pod,
  PodCondition,
  ReplicaSet,
  Service,
  ServiceAccount,
  Volume,
} from '../../../../api/types'
import type { Endpoints, Secret } from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import type { StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job } from 'kubernetes-types/batch/v1'

export const at = (hms: string, day = 22): string => `2026-11-${day}T${hms}Z`
export const ms = (hms: string, day = 22): number => Date.parse(at(hms, day))

/** The "now" of each capture. */
export const NOW = {
  getPods: ms('03:57:44'),
  getEvents: ms('03:57:48'),
  getAll: ms('03:57:48'),
  describeNginx: ms('03:57:44'),
  describeCrasher: ms('03:57:40'),
  describeBadimage: ms('03:57:41'),
  describePending: ms('03:57:41'),
  describeNode: ms('03:57:43'),
}

const CLUSTER_BIRTH = at('03:57:29', 19)

const kubeApiAccessVolume: Volume = {
  name: 'kube-api-access-x7k2p',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
        },
      },
    ],
  },
}

const kubeApiAccessMount = { name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }

const defaultTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
]

function conditions(values: [type: string, status: string][]): PodCondition[] {
  return values.map(([type, status]) => ({ type, status, lastProbeTime: null as unknown as undefined, lastTransitionTime: at('03:00:00') }))
}

const runningConditions = conditions([
  ['PodReadyToStartContainers', 'True'],
  ['Initialized', 'True'],
  ['Ready', 'True'],
  ['ContainersReady', 'True'],
  ['PodScheduled', 'True'],
])
const notReadyConditions = conditions([
  ['PodReadyToStartContainers', 'True'],
  ['Initialized', 'True'],
  ['Ready', 'False'],
  ['ContainersReady', 'False'],
  ['PodScheduled', 'True'],
])

function container(name: string, image: string, extra: Partial<Container> = {}): Container {
  return {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [kubeApiAccessMount],
    ...extra,
  }
}

interface PodArgs {
  name: string
  namespace?: string
  uid?: string
  created: string
  labels: Record<string, string>
  containers: Container[]
  initContainers?: Container[]
  owner?: { kind: string; name: string; apiVersion: string }
  nodeName?: string
  status: Pod['status']
  deletionTimestamp?: string
}

function pod(a: PodArgs): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: a.name,
      namespace: a.namespace ?? 'default',
      uid: a.uid ?? `uid-${a.name}`,
      creationTimestamp: a.created,
      labels: a.labels,
      ...(a.owner ? { ownerReferences: [{ ...a.owner, uid: `uid-${a.owner.name}`, controller: true, blockOwnerDeletion: true }] } : {}),
      ...(a.deletionTimestamp ? { deletionTimestamp: a.deletionTimestamp, deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: {
      containers: a.containers,
      ...(a.initContainers ? { initContainers: a.initContainers } : {}),
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      ...(a.nodeName === undefined ? { nodeName: 'kind-worker' } : a.nodeName ? { nodeName: a.nodeName } : {}),
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: defaultTolerations,
      volumes: [kubeApiAccessVolume],
    },
    status: a.status,
  }
}

const NGINX_IMAGE_ID = 'docker.io/library/nginx@sha256:d20aa6d1cae56fd17cd458f4807e0de462caf2336f0b70b5eeb69fcaaf30dd9c'
const NGINX_CONTAINER_ID = 'containerd://4c3f0e6bd6d1a6d0a2e0f6b0b2b8a6b5f9e7d8c1a2b3c4d5e6f708192a3b4c5d'
const nginxPort = { containerPort: 80, protocol: 'TCP' }

function nginxReplica(name: string, created: string, ip: string): Pod {
  return pod({
    name,
    created,
    labels: { app: 'nginx', 'pod-template-hash': '86dcfdf4c6' },
    owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'nginx-deployment-86dcfdf4c6' },
    containers: [container('nginx', 'nginx:1.16.1', { ports: [nginxPort] })],
    status: {
      phase: 'Running',
      conditions: runningConditions,
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: created,
      qosClass: 'BestEffort',
      containerStatuses: [
        {
          name: 'nginx',
          containerID: NGINX_CONTAINER_ID,
          image: 'docker.io/library/nginx:1.16.1',
          imageID: NGINX_IMAGE_ID,
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: at('01:57:49') } },
          lastState: {},
        },
      ],
    },
  })
}

export const nginx7xk2p = nginxReplica('nginx-deployment-86dcfdf4c6-7xk2p', at('01:57:39'), '10.244.1.5')
export const nginxB9r4s = nginxReplica('nginx-deployment-86dcfdf4c6-b9r4s', at('01:58:30'), '10.244.1.6')
export const nginxQwz5m = nginxReplica('nginx-deployment-86dcfdf4c6-qwz5m', at('01:58:31'), '10.244.1.7')

export const badimage = pod({
  name: 'badimage',
  created: at('03:55:29'),
  labels: { run: 'badimage' },
  containers: [container('badimage', 'nginx:doesnotexist')],
  status: {
    phase: 'Pending',
    conditions: notReadyConditions,
    hostIP: '172.18.0.3',
    podIP: '10.244.1.10',
    podIPs: [{ ip: '10.244.1.10' }],
    startTime: at('03:55:29'),
    qosClass: 'BestEffort',
    containerStatuses: [
      {
        name: 'badimage',
        image: 'nginx:doesnotexist',
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:doesnotexist"' } },
        lastState: {},
      },
    ],
  },
})

export const crasher = pod({
  name: 'crasher',
  uid: '51111111-2222-3333-4444-555555555555',
  created: at('03:52:29'),
  labels: { run: 'crasher' },
  containers: [container('crasher', 'busybox', { command: ['sh', '-c', 'echo boom; exit 1'], imagePullPolicy: 'Always' })],
  status: {
    phase: 'Running',
    conditions: notReadyConditions,
    hostIP: '172.18.0.3',
    podIP: '10.244.1.9',
    podIPs: [{ ip: '10.244.1.9' }],
    startTime: at('03:52:29'),
    qosClass: 'BestEffort',
    containerStatuses: [
      {
        name: 'crasher',
        containerID: 'containerd://9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0',
        image: 'docker.io/library/busybox:latest',
        imageID: 'docker.io/library/busybox@sha256:a5d0ce49aa801d475da48f8cb163c354ab95cab073cd3c138bd458fc8257fbf1',
        ready: false,
        restartCount: 5,
        started: false,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: 'back-off 2m40s restarting failed container=crasher pod=crasher_default(51111111-2222-3333-4444-555555555555)',
          },
        },
        lastState: {
          terminated: {
            exitCode: 1,
            reason: 'Error',
            startedAt: at('03:55:54'),
            finishedAt: at('03:55:55'),
            containerID: 'containerd://9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0',
          },
        },
      },
    ],
  },
})

export const goingaway = pod({
  name: 'goingaway',
  created: at('03:49:09'),
  labels: { run: 'goingaway' },
  // deletionTimestamp = delete time + 30s grace: still in the future, hence "<invalid>"
  deletionTimestamp: at('03:58:10'),
  containers: [container('nginx', 'nginx:1.16.1', { ports: [nginxPort] })],
  status: {
    phase: 'Running',
    conditions: runningConditions,
    hostIP: '172.18.0.3',
    podIP: '10.244.1.14',
    podIPs: [{ ip: '10.244.1.14' }],
    startTime: at('03:49:09'),
    qosClass: 'BestEffort',
    containerStatuses: [
      {
        name: 'nginx',
        containerID: NGINX_CONTAINER_ID,
        image: 'docker.io/library/nginx:1.16.1',
        imageID: NGINX_IMAGE_ID,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: at('03:49:09') } },
        lastState: {},
      },
    ],
  },
})

export const memhog = pod({
  name: 'memhog',
  created: at('03:56:29'),
  labels: { run: 'memhog' },
  containers: [
    container('memhog', 'polinux/stress', {
      command: ['stress'],
      args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
      resources: { limits: { cpu: '500m', memory: '100Mi' }, requests: { cpu: '500m', memory: '100Mi' } },
      livenessProbe: {
        httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
        initialDelaySeconds: 3,
        periodSeconds: 3,
        timeoutSeconds: 1,
        successThreshold: 1,
        failureThreshold: 3,
      },
      readinessProbe: {
        tcpSocket: { port: 8080 },
        initialDelaySeconds: 5,
        periodSeconds: 10,
        timeoutSeconds: 1,
        successThreshold: 1,
        failureThreshold: 3,
      },
      env: [
        { name: 'MODE', value: 'hog' },
        { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      ],
    }),
  ],
  status: {
    phase: 'Running',
    conditions: notReadyConditions,
    hostIP: '172.18.0.3',
    podIP: '10.244.1.13',
    podIPs: [{ ip: '10.244.1.13' }],
    startTime: at('03:56:29'),
    qosClass: 'Guaranteed',
    containerStatuses: [
      {
        name: 'memhog',
        containerID: 'containerd://cccc',
        image: 'docker.io/polinux/stress:latest',
        imageID: 'docker.io/polinux/stress@sha256:b6144f84f9c15dac80deb48d3a646b55c7043ab1d83ea0a697c09097aaad21aa',
        ready: false,
        restartCount: 2,
        started: false,
        state: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: at('03:57:17'), finishedAt: at('03:57:19') } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: at('03:56:49'), finishedAt: at('03:56:51') } },
      },
    ],
  },
})

export const myappPod = pod({
  name: 'myapp-pod',
  created: at('03:55:59'),
  labels: { 'app.kubernetes.io/name': 'MyApp' },
  initContainers: [
    container('init-myservice', 'busybox:1.28', {
      command: [
        'sh',
        '-c',
        'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done',
      ],
    }),
  ],
  containers: [container('myapp-container', 'busybox:1.28', { command: ['sh', '-c', 'echo The app is running! && sleep 3600'] })],
  status: {
    phase: 'Pending',
    conditions: conditions([
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'False'],
      ['Ready', 'False'],
      ['ContainersReady', 'False'],
      ['PodScheduled', 'True'],
    ]),
    hostIP: '172.18.0.3',
    podIP: '10.244.1.12',
    podIPs: [{ ip: '10.244.1.12' }],
    startTime: at('03:55:59'),
    qosClass: 'BestEffort',
    initContainerStatuses: [
      {
        name: 'init-myservice',
        containerID: 'containerd://bbbb',
        image: 'docker.io/library/busybox:1.28',
        imageID: 'docker.io/library/busybox@sha256:141c253bc4c3fd0a201d32dc1f493bcf3fff003b6df416dea4f41046e0f37d47',
        ready: false,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: at('03:56:04') } },
        lastState: {},
      },
    ],
    containerStatuses: [
      {
        name: 'myapp-container',
        image: 'busybox:1.28',
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'PodInitializing' } },
        lastState: {},
      },
    ],
  },
})

export const pending = pod({
  name: 'pending',
  created: at('03:56:44'),
  labels: { run: 'pending' },
  nodeName: '',
  containers: [container('nginx', 'nginx', { ports: [nginxPort], resources: { requests: { cpu: '64' } }, imagePullPolicy: 'Always' })],
  status: {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: '0/2 nodes are available: 1 Insufficient cpu.',
        lastTransitionTime: at('03:56:44'),
      },
    ],
    qosClass: 'Burstable',
  },
})

const JOB_UID = '91111111-2222-3333-4444-555555555555'

export const piPod = pod({
  name: 'pi-x8k2d',
  created: at('03:47:29'),
  labels: {
    'batch.kubernetes.io/controller-uid': JOB_UID,
    'batch.kubernetes.io/job-name': 'pi',
    'controller-uid': JOB_UID,
    'job-name': 'pi',
  },
  owner: { apiVersion: 'batch/v1', kind: 'Job', name: 'pi' },
  containers: [container('pi', 'perl:5.34.0', { command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] })],
  status: {
    phase: 'Succeeded',
    conditions: conditions([
      ['PodReadyToStartContainers', 'False'],
      ['Initialized', 'True'],
      ['Ready', 'False'],
      ['ContainersReady', 'False'],
      ['PodScheduled', 'True'],
    ]),
    hostIP: '172.18.0.3',
    podIP: '10.244.1.11',
    podIPs: [{ ip: '10.244.1.11' }],
    startTime: at('03:47:29'),
    qosClass: 'BestEffort',
    containerStatuses: [
      {
        name: 'pi',
        containerID: 'containerd://aaaabbbbccccddddeeeeffff0000111122223333444455556666777788889999',
        image: 'docker.io/library/perl:5.34.0',
        imageID: 'docker.io/library/perl@sha256:2584f46a92d1042b25320131219e5832c5b3e75086dfaaff33e4fda7a9f47d99',
        ready: false,
        restartCount: 0,
        started: false,
        state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at('03:47:49'), finishedAt: at('03:47:59') } },
        lastState: {},
      },
    ],
  },
})

/** `kubectl get pods` in default, in etcd key (name) order. */
export const defaultPods: Pod[] = [badimage, crasher, goingaway, memhog, myappPod, nginx7xk2p, nginxB9r4s, nginxQwz5m, pending, piPod]

function systemPod(name: string, created: string, restarts = 0, nodeName = 'kind-control-plane'): Pod {
  return pod({
    name,
    namespace: 'kube-system',
    created,
    labels: {},
    nodeName,
    containers: [container(name.replace(/-[a-z0-9]{5}$|-[a-z0-9]{10}-[a-z0-9]{5}$/, ''), 'registry.k8s.io/pause:3.10')],
    status: {
      phase: 'Running',
      conditions: runningConditions,
      hostIP: '172.18.0.2',
      podIP: '10.244.0.2',
      podIPs: [{ ip: '10.244.0.2' }],
      startTime: created,
      qosClass: 'BestEffort',
      containerStatuses: [
        {
          name: 'c',
          image: 'registry.k8s.io/pause:3.10',
          imageID: '',
          ready: true,
          restartCount: restarts,
          started: true,
          state: { running: { startedAt: created } },
          lastState: {},
        },
      ],
    },
  })
}

const threeDaysAgo = at('03:50:00', 19)
const almostThreeDaysAgo = at('04:00:00', 19)

export const kindnetWq8bb = systemPod('kindnet-wq8bb', almostThreeDaysAgo, 1, 'kind-worker')
export const kubeProxyM2ljd = systemPod('kube-proxy-m2ljd', almostThreeDaysAgo, 0, 'kind-worker')

/** kube-system pods as `kubectl get pods -A` saw them. */
export const kubeSystemPods: Pod[] = [
  systemPod('coredns-668d6bf9bc-4xk8d', threeDaysAgo),
  systemPod('coredns-668d6bf9bc-z7mnp', threeDaysAgo),
  systemPod('etcd-kind-control-plane', threeDaysAgo),
  systemPod('kindnet-5dwqm', threeDaysAgo),
  kindnetWq8bb,
  systemPod('kube-apiserver-kind-control-plane', threeDaysAgo),
  systemPod('kube-controller-manager-kind-control-plane', threeDaysAgo),
  systemPod('kube-proxy-7x9kq', threeDaysAgo),
  kubeProxyM2ljd,
  systemPod('kube-scheduler-kind-control-plane', threeDaysAgo),
]

function node(name: string, ip: string, podCIDR: string, labels: Record<string, string>, extra: Partial<Node['spec']> = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: CLUSTER_BIRTH,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR, podCIDRs: [podCIDR], providerID: `kind://docker/kind/${name}`, ...extra },
    status: {
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      allocatable: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16365432Ki', pods: '110' },
      capacity: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16365432Ki', pods: '110' },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          lastHeartbeatTime: at('03:56:29'),
          lastTransitionTime: CLUSTER_BIRTH,
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          lastHeartbeatTime: at('03:56:29'),
          lastTransitionTime: CLUSTER_BIRTH,
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          lastHeartbeatTime: at('03:56:29'),
          lastTransitionTime: CLUSTER_BIRTH,
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: at('03:56:29'),
          lastTransitionTime: at('03:57:49', 19),
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '5c1a9a66-0f0e-4f5e-9a3c-0d6e1b1f6a11',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-45-generic',
        kubeProxyVersion: 'v1.32.2',
        kubeletVersion: 'v1.32.2',
        machineID: 'e0b8b4c5f7d94d7e9a1c1b0a3c2d4e5f',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '6a1f0c1e-3b2d-4c5e-8f9a-0b1c2d3e4f5a',
      },
    },
  }
}

const baseNodeLabels = (name: string): Record<string, string> => ({
  'beta.kubernetes.io/arch': 'amd64',
  'beta.kubernetes.io/os': 'linux',
  'kubernetes.io/arch': 'amd64',
  'kubernetes.io/hostname': name,
  'kubernetes.io/os': 'linux',
})

export const controlPlane = node(
  'kind-control-plane',
  '172.18.0.2',
  '10.244.0.0/24',
  { ...baseNodeLabels('kind-control-plane'), 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' },
  { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
)
export const worker = node('kind-worker', '172.18.0.3', '10.244.1.0/24', baseNodeLabels('kind-worker'))

export const workerLease: Lease = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'kind-worker', namespace: 'kube-node-lease', creationTimestamp: CLUSTER_BIRTH },
  spec: { holderIdentity: 'kind-worker', leaseDurationSeconds: 40, renewTime: '2026-11-22T03:57:24.123456Z' },
}

export const namespaces: Namespace[] = ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((name) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, creationTimestamp: CLUSTER_BIRTH, labels: { 'kubernetes.io/metadata.name': name } },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
}))

interface EventArgs {
  involved: { kind: string; name: string; namespace?: string; fieldPath?: string }
  reason: string
  type?: 'Normal' | 'Warning'
  message: string
  first: string
  last?: string
  count?: number
  component: string
}

let eventSeq = 0
export function event(a: EventArgs): Event {
  eventSeq++
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${a.involved.name}.${(0x180000000000 + eventSeq).toString(16)}`, namespace: a.involved.namespace ?? 'default', creationTimestamp: a.first },
    involvedObject: { apiVersion: 'v1', kind: a.involved.kind, name: a.involved.name, namespace: a.involved.namespace ?? 'default', fieldPath: a.involved.fieldPath },
    reason: a.reason,
    type: a.type ?? 'Normal',
    message: a.message,
    firstTimestamp: a.first,
    lastTimestamp: a.last ?? a.first,
    count: a.count ?? 1,
    source: a.component === 'kubelet' ? { component: 'kubelet', host: 'kind-worker' } : { component: a.component },
    reportingComponent: a.component,
    reportingInstance: a.component === 'kubelet' ? 'kind-worker' : '',
  }
}

const podRef = (name: string, container?: string): EventArgs['involved'] => ({
  kind: 'Pod',
  name,
  fieldPath: container ? `spec.containers{${container}}` : undefined,
})

const PULL_ERROR =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found'

export const badimageEvents: Event[] = [
  event({ involved: podRef('badimage'), reason: 'Scheduled', message: 'Successfully assigned default/badimage to kind-worker', first: at('03:55:29'), component: 'default-scheduler' }),
  event({ involved: podRef('badimage', 'badimage'), reason: 'Pulling', message: 'Pulling image "nginx:doesnotexist"', first: at('03:55:30'), last: at('03:56:59'), count: 4, component: 'kubelet' }),
  event({ involved: podRef('badimage', 'badimage'), reason: 'Failed', type: 'Warning', message: `Failed to pull image "nginx:doesnotexist": ${PULL_ERROR}`, first: at('03:55:31'), last: at('03:57:00'), count: 4, component: 'kubelet' }),
  event({ involved: podRef('badimage', 'badimage'), reason: 'Failed', type: 'Warning', message: 'Error: ErrImagePull', first: at('03:55:31'), last: at('03:57:00'), count: 4, component: 'kubelet' }),
  event({ involved: podRef('badimage', 'badimage'), reason: 'BackOff', message: 'Back-off pulling image "nginx:doesnotexist"', first: at('03:55:32'), last: at('03:57:25'), count: 6, component: 'kubelet' }),
  event({ involved: podRef('badimage', 'badimage'), reason: 'Failed', type: 'Warning', message: 'Error: ImagePullBackOff', first: at('03:55:32'), last: at('03:57:25'), count: 6, component: 'kubelet' }),
]

export const crasherEvents: Event[] = [
  event({ involved: podRef('crasher'), reason: 'Scheduled', message: 'Successfully assigned default/crasher to kind-worker', first: at('03:52:29'), component: 'default-scheduler' }),
  event({
    involved: podRef('crasher', 'crasher'),
    reason: 'Pulled',
    message: 'Successfully pulled image "busybox" in 1.223s (1.223s including waiting). Image size: 2167089 bytes.',
    first: at('03:52:31'),
    component: 'kubelet',
  }),
  event({ involved: podRef('crasher', 'crasher'), reason: 'Pulling', message: 'Pulling image "busybox"', first: at('03:52:30'), last: at('03:55:53'), count: 6, component: 'kubelet' }),
  event({ involved: podRef('crasher', 'crasher'), reason: 'Created', message: 'Created container: crasher', first: at('03:52:32'), last: at('03:55:54'), count: 6, component: 'kubelet' }),
  event({ involved: podRef('crasher', 'crasher'), reason: 'Started', message: 'Started container crasher', first: at('03:52:32'), last: at('03:55:54'), count: 6, component: 'kubelet' }),
  event({
    involved: podRef('crasher', 'crasher'),
    reason: 'BackOff',
    type: 'Warning',
    message: 'Back-off restarting failed container crasher in pod crasher_default(51111111-2222-3333-4444-555555555555)',
    first: at('03:52:39'),
    last: at('03:57:24'),
    count: 25,
    component: 'kubelet',
  }),
]

export const nginx7xk2pEvents: Event[] = [
  event({
    involved: podRef('nginx-deployment-86dcfdf4c6-7xk2p'),
    reason: 'Scheduled',
    message: 'Successfully assigned default/nginx-deployment-86dcfdf4c6-7xk2p to kind-worker',
    first: at('01:57:39'),
    component: 'default-scheduler',
  }),
  event({ involved: podRef('nginx-deployment-86dcfdf4c6-7xk2p', 'nginx'), reason: 'Pulling', message: 'Pulling image "nginx:1.16.1"', first: at('01:57:40'), component: 'kubelet' }),
  event({
    involved: podRef('nginx-deployment-86dcfdf4c6-7xk2p', 'nginx'),
    reason: 'Pulled',
    message: 'Successfully pulled image "nginx:1.16.1" in 7.826s (7.826s including waiting). Image size: 44826545 bytes.',
    first: at('01:57:48'),
    component: 'kubelet',
  }),
  event({ involved: podRef('nginx-deployment-86dcfdf4c6-7xk2p', 'nginx'), reason: 'Created', message: 'Created container: nginx', first: at('01:57:48'), component: 'kubelet' }),
  event({ involved: podRef('nginx-deployment-86dcfdf4c6-7xk2p', 'nginx'), reason: 'Started', message: 'Started container nginx', first: at('01:57:49'), component: 'kubelet' }),
]

export const pendingEvents: Event[] = [
  event({
    involved: podRef('pending'),
    reason: 'FailedScheduling',
    type: 'Warning',
    message:
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    first: at('03:56:44'),
    component: 'default-scheduler',
  }),
]

const deploymentRef = { kind: 'Deployment', name: 'nginx-deployment' }
const jobRef = { kind: 'Job', name: 'pi' }

/** `kubectl get events` in default, in API order. */
export const defaultEvents: Event[] = [
  ...badimageEvents,
  ...crasherEvents,
  ...nginx7xk2pEvents,
  event({ involved: deploymentRef, reason: 'ScalingReplicaSet', message: 'Scaled up replica set nginx-deployment-77b4fdf86c from 0 to 3', first: at('01:52:29'), component: 'deployment-controller' }),
  event({ involved: deploymentRef, reason: 'ScalingReplicaSet', message: 'Scaled up replica set nginx-deployment-86dcfdf4c6 from 0 to 1', first: at('01:57:39'), component: 'deployment-controller' }),
  event({ involved: deploymentRef, reason: 'ScalingReplicaSet', message: 'Scaled down replica set nginx-deployment-77b4fdf86c from 3 to 2', first: at('01:57:47'), component: 'deployment-controller' }),
  event({ involved: deploymentRef, reason: 'ScalingReplicaSet', message: 'Scaled up replica set nginx-deployment-86dcfdf4c6 from 1 to 2', first: at('01:57:47'), component: 'deployment-controller' }),
  ...pendingEvents,
  event({ involved: jobRef, reason: 'SuccessfulCreate', message: 'Created pod: pi-x8k2d', first: at('03:47:29'), component: 'job-controller' }),
  event({ involved: jobRef, reason: 'Completed', message: 'Job completed', first: at('03:48:04'), component: 'job-controller' }),
]

const nginxTemplate = (image: string, hash: string) => ({
  metadata: { labels: { app: 'nginx', 'pod-template-hash': hash } },
  spec: { containers: [{ name: 'nginx', image, ports: [nginxPort] }] },
})

export const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx-deployment', namespace: 'default', creationTimestamp: at('01:52:29'), labels: { app: 'nginx' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.16.1', ports: [nginxPort] }] } },
  },
  status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
}

function replicaSet(hash: string, image: string, created: string, replicas: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `nginx-deployment-${hash}`, namespace: 'default', creationTimestamp: created, labels: { app: 'nginx', 'pod-template-hash': hash } },
    spec: { replicas, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': hash } }, template: nginxTemplate(image, hash) },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
  }
}

export const replicaSets: ReplicaSet[] = [
  replicaSet('77b4fdf86c', 'nginx:1.14.2', at('01:52:29'), 0),
  replicaSet('86dcfdf4c6', 'nginx:1.16.1', at('01:57:39'), 3),
]

function service(name: string, created: string, spec: Service['spec'], status: Service['status'] = { loadBalancer: {} }): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', creationTimestamp: created }, spec, status }
}

export const services: Service[] = [
  service('kubernetes', CLUSTER_BIRTH, { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }),
  service('my-ext', at('03:54:09'), { type: 'ExternalName', externalName: 'my.database.example.com' }),
  service('my-lb', at('03:54:09'), {
    type: 'LoadBalancer',
    clusterIP: '10.96.88.5',
    clusterIPs: ['10.96.88.5'],
    selector: { app: 'web' },
    ports: [{ port: 80, nodePort: 30527, protocol: 'TCP', targetPort: 8080 }],
  }),
  service('nginx', at('03:42:00'), { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'nginx-sts' }, ports: [{ port: 80, protocol: 'TCP', name: 'web' }] }),
  service('nginx-svc', at('02:57:00'), {
    type: 'NodePort',
    clusterIP: '10.96.142.17',
    clusterIPs: ['10.96.142.17'],
    selector: { app: 'nginx' },
    ports: [{ port: 80, nodePort: 31234, protocol: 'TCP', targetPort: 80 }],
  }),
]

export const endpoints: Endpoints[] = [
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', creationTimestamp: CLUSTER_BIRTH },
    subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  },
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'nginx-svc', namespace: 'default', creationTimestamp: at('02:57:00') },
    subsets: [{ addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.1.6' }, { ip: '10.244.1.7' }], ports: [{ port: 80, protocol: 'TCP' }] }],
  },
]

export const kubeDnsEndpoints: Endpoints = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'kube-dns', namespace: 'kube-system', creationTimestamp: CLUSTER_BIRTH },
  subsets: [
    {
      addresses: [{ ip: '10.244.0.2' }, { ip: '10.244.0.3' }],
      ports: [
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    },
  ],
}

export const endpointSlice: EndpointSlice = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'nginx-svc-x5qzt', namespace: 'default', creationTimestamp: at('02:57:00'), labels: { 'kubernetes.io/service-name': 'nginx-svc' } },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }],
  ports: [{ port: 80, protocol: 'TCP', name: '' }],
}

function daemonSet(name: string, container: string, image: string, selectorKey: string, nodeSelector?: Record<string, string>): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', creationTimestamp: CLUSTER_BIRTH },
    spec: {
      selector: { matchLabels: { [selectorKey]: name } },
      template: { metadata: { labels: { [selectorKey]: name } }, spec: { containers: [{ name: container, image }], ...(nodeSelector ? { nodeSelector } : {}) } },
    },
    status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0 },
  }
}

export const daemonSets: DaemonSet[] = [
  daemonSet('kindnet', 'kindnet-cni', 'docker.io/kindest/kindnetd:v20250214-acbabc1a', 'app'),
  daemonSet('kube-proxy', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.32.2', 'k8s-app', { 'kubernetes.io/os': 'linux' }),
]

export const statefulSet: StatefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: at('03:42:00') },
  spec: {
    replicas: 3,
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx-sts' } },
    template: { metadata: { labels: { app: 'nginx-sts' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' }] } },
  },
  status: { replicas: 3, readyReplicas: 2 },
}

export const job: Job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi', namespace: 'default', creationTimestamp: at('03:47:29') },
  spec: {
    completions: 1,
    parallelism: 1,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': JOB_UID } },
    template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34.0' }], restartPolicy: 'Never' } },
  },
  status: {
    startTime: at('03:47:29'),
    completionTime: at('03:48:04'),
    succeeded: 1,
    conditions: [
      { type: 'SuccessCriteriaMet', status: 'True' },
      { type: 'Complete', status: 'True' },
    ],
  },
}

export const cronJob: CronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'hello', namespace: 'default', creationTimestamp: at('03:52:29') },
  spec: {
    schedule: '* * * * *',
    suspend: false,
    jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28' }], restartPolicy: 'OnFailure' } } } },
  },
  status: { active: [{ kind: 'Job', name: 'hello-29400000', namespace: 'default' }], lastScheduleTime: at('03:57:09') },
}

export const configMaps: ConfigMap[] = [
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'game-config', namespace: 'default', creationTimestamp: at('03:49:09') },
    data: { 'game.properties': 'enemies=aliens\nlives=3\n', 'ui.properties': 'color.good=purple\n' },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-root-ca.crt', namespace: 'default', creationTimestamp: CLUSTER_BIRTH },
    data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n' },
  },
]

export const secrets: Secret[] = [
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db-pass', namespace: 'default', creationTimestamp: at('03:49:09') },
    type: 'Opaque',
    data: { password: 'MWYyZDFl', username: 'YWRtaW4=' },
  },
]

export const serviceAccounts: ServiceAccount[] = [
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default', creationTimestamp: CLUSTER_BIRTH } },
]
