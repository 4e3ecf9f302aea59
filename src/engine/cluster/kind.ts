// A kind cluster as `kind create cluster --config` with one control-plane and two workers builds
// it (kubernetes-sigs/kind, kindest/node:v1.32.2): node names, labels, taints, addresses and pod
// CIDRs; the kubeadm static pods on the control plane; and the add-ons kind installs (kube-proxy,
// kindnet, CoreDNS, local-path-provisioner). The objects are created through the API, and the
// controllers, scheduler and kubelets bring them up as on a real cluster.

import type { DaemonSet, Deployment, Pod, Service } from '../api/types'
import type { NodeSpecification } from '../node/kubelet'

export const KUBERNETES_VERSION = 'v1.32.2'
const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }

export function kindNodes(cluster = 'kind', workers = 2): NodeSpecification[] {
  const nodes: NodeSpecification[] = []
  const base = (name: string) => ({
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  })
  const preloaded = [
    `registry.k8s.io/etcd:3.5.16-0`,
    `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
    `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
    `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
    `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
    'registry.k8s.io/coredns/coredns:v1.11.3',
    'registry.k8s.io/pause:3.10',
    'docker.io/kindest/kindnetd:v20250214-acbabc1a',
    'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a',
  ]
  const cp = `${cluster}-control-plane`
  nodes.push({
    name: cp,
    internalIP: '172.18.0.2',
    podCIDR: '10.244.0.0/24',
    labels: { ...base(cp), 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' },
    taints: workers > 0 ? [CP_TAINT] : [],
    cpu: 8,
    memoryKi: 16365432,
    providerID: `kind://docker/${cluster}/${cp}`,
    kubeletVersion: KUBERNETES_VERSION,
    preloadedImages: preloaded,
    staticPods: controlPlaneStaticPods('172.18.0.2'),
  })
  for (let i = 0; i < workers; i++) {
    const name = `${cluster}-worker${i === 0 ? '' : i + 1}`
    nodes.push({
      name,
      internalIP: `172.18.0.${3 + i}`,
      podCIDR: `10.244.${i + 1}.0/24`,
      labels: base(name),
      cpu: 8,
      memoryKi: 16365432,
      providerID: `kind://docker/${cluster}/${name}`,
      kubeletVersion: KUBERNETES_VERSION,
      preloadedImages: preloaded,
      staticPods: [],
    })
  }
  return nodes
}

function staticPod(name: string, image: string, command: string[], cpu: string, labels: Record<string, string>, extra: Partial<Pod['spec']> = {}, memory?: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', labels: { component: name, tier: 'control-plane', ...labels } },
    spec: {
      containers: [{ name, image, command, resources: { requests: { cpu, ...(memory ? { memory } : {}) } }, imagePullPolicy: 'IfNotPresent' }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      ...extra,
    },
  }
}

function controlPlaneStaticPods(ip: string): Pod[] {
  return [
    staticPod('etcd', 'registry.k8s.io/etcd:3.5.16-0', ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd'], '100m', {}, {}, '100Mi'),
    staticPod('kube-apiserver', `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, ['kube-apiserver', `--advertise-address=${ip}`, '--service-cluster-ip-range=10.96.0.0/16'], '250m', {}),
    staticPod('kube-controller-manager', `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`, ['kube-controller-manager', '--cluster-cidr=10.244.0.0/16', '--allocate-node-cidrs=true'], '200m', {}),
    staticPod('kube-scheduler', `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, ['kube-scheduler', '--kubeconfig=/etc/kubernetes/scheduler.conf'], '100m', {}),
  ]
}

function daemonSet(name: string, labels: Record<string, string>, container: NonNullable<Pod['spec']>['containers'][number], extra: Partial<NonNullable<Pod['spec']>> = {}): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [container], priorityClassName: 'system-node-critical', tolerations: [{ operator: 'Exists' }], ...extra },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
  }
}

/** The objects kubeadm and kind create through the API once the control plane is up. */
export function kindAddons(): { daemonSets: DaemonSet[]; deployments: Deployment[]; services: Service[] } {
  const kubeProxy = daemonSet(
    'kube-proxy',
    { 'k8s-app': 'kube-proxy' },
    { name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`, command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], imagePullPolicy: 'IfNotPresent', securityContext: { privileged: true } },
    { hostNetwork: true, serviceAccountName: 'kube-proxy', nodeSelector: { 'kubernetes.io/os': 'linux' } },
  )
  const kindnet = daemonSet(
    'kindnet',
    { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' },
    { name: 'kindnet-cni', image: 'docker.io/kindest/kindnetd:v20250214-acbabc1a', command: ['/bin/kindnetd'], resources: { requests: { cpu: '100m', memory: '50Mi' }, limits: { cpu: '100m', memory: '50Mi' } } },
    { hostNetwork: true, serviceAccountName: 'kindnet' },
  )
  kindnet.metadata!.labels = { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }
  kindnet.spec!.selector = { matchLabels: { app: 'kindnet' } }
  const coredns: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              args: ['-conf', '/etc/coredns/Corefile'],
              imagePullPolicy: 'IfNotPresent',
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            },
          ],
          dnsPolicy: 'Default',
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
        },
      },
    },
  }
  const localPath: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'local-path-provisioner', namespace: 'local-path-storage' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'local-path-provisioner' } },
      template: {
        metadata: { labels: { app: 'local-path-provisioner' } },
        spec: {
          containers: [{ name: 'local-path-provisioner', image: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a', command: ['local-path-provisioner', '--debug', 'start'], imagePullPolicy: 'IfNotPresent' }],
          serviceAccountName: 'local-path-provisioner-service-account',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [
            { key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' },
            { key: 'node-role.kubernetes.io/master', operator: 'Equal', effect: 'NoSchedule' },
          ],
        },
      },
    },
  }
  const services: Service[] = [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
      spec: {
        clusterIP: '10.96.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    },
  ]
  return { daemonSets: [kubeProxy, kindnet], deployments: [coredns, localPath], services }
}

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']
export const SYSTEM_SERVICE_ACCOUNTS: [string, string][] = [
  ['kube-system', 'kube-proxy'],
  ['kube-system', 'kindnet'],
  ['kube-system', 'coredns'],
  ['local-path-storage', 'local-path-provisioner-service-account'],
]
