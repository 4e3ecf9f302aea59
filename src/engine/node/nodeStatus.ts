// Pure: the Node object a kubelet registers, and the node conditions its status setters compute
// with the events they record.
// Mirrors pkg/kubelet/kubelet_node_status.go (initialNode, setNodeStatus, recordNodeStatusEvent:
// "Node <name> status is now: <event>") and pkg/kubelet/nodestatus/setters.go
// (MemoryPressureCondition, DiskPressureCondition, PIDPressureCondition: a condition the node
// lacks is created and its event recorded; ReadyCondition: an event only on a transition, never
// for a new condition). The runtime's network error text is containerd's when /etc/cni/net.d is
// empty, as the kubelet wraps it (kubelet.go updateRuntimeUp).
// Left out: pressure (the simulated nodes never run short of memory, disk or PIDs), the
// NodeNetworkUnavailable condition (cloud routes), images and volumes in the status.

import type { Node, NodeCondition } from '../api/types'
import type { NodeSpecification } from './kubelet'

/** runtimeState.networkErrors() while the CNI plugin has not written its configuration. */
export const NETWORK_NOT_READY_ERROR =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized'

/** The kubelet's nodeRef: events about the node carry the node's name as its UID (kubelet.go). */
export function nodeRef(nodeName: string): { kind: string; metadata: { name: string; uid: string } } {
  return { kind: 'Node', metadata: { name: nodeName, uid: nodeName } }
}

/** recordNodeStatusEvent's message. */
export function nodeStatusEventMessage(nodeName: string, event: string): string {
  return `Node ${nodeName} status is now: ${event}`
}

interface PressureSetter {
  type: string
  reason: string
  message: string
  event: string
}

/** The three pressure setters, in defaultNodeStatusFuncs' order, for a node without pressure. */
const PRESSURE_SETTERS: readonly PressureSetter[] = [
  { type: 'MemoryPressure', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
]

export interface NodeConditionsResult {
  conditions: NodeCondition[]
  /** The node status events the setters recorded, in order (all Normal). */
  events: string[]
}

/**
 * setNodeStatus's condition setters over the node's current conditions: heartbeats move to `now`;
 * a missing pressure condition is created (False) and its event recorded; Ready follows the
 * runtime's network error, with NodeReady/NodeNotReady recorded only when its status changes.
 */
export function setNodeConditions(old: readonly NodeCondition[] | undefined, now: string, networkError: string | undefined): NodeConditionsResult {
  const events: string[] = []
  const conditions: NodeCondition[] = []
  for (const setter of PRESSURE_SETTERS) {
    const prev = old?.find((c) => c.type === setter.type)
    if (prev && prev.status === 'False') {
      conditions.push({ ...prev, lastHeartbeatTime: now })
      continue
    }
    conditions.push({ type: setter.type, status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: setter.reason, message: setter.message })
    events.push(setter.event)
  }
  const ready = networkError === undefined
  const status = ready ? 'True' : 'False'
  const prev = old?.find((c) => c.type === 'Ready')
  conditions.push({
    type: 'Ready',
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
    reason: ready ? 'KubeletReady' : 'KubeletNotReady',
    message: ready ? 'kubelet is posting ready status' : networkError,
  })
  if (prev && prev.status !== status) events.push(ready ? 'NodeReady' : 'NodeNotReady')
  return { conditions, events }
}

export interface MachineIds {
  machineID: string
  systemUUID: string
  bootID: string
}

/** initialNode plus the setters' first run: the Node the kubelet registers, and the events recorded. */
export function initialNode(spec: NodeSpecification, now: string, ids: MachineIds, networkError: string | undefined): { node: Node; events: string[] } {
  const resources = {
    cpu: String(spec.cpu),
    'ephemeral-storage': '102625208Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${spec.memoryKi}Ki`,
    pods: '110',
  }
  const { conditions, events } = setNodeConditions(undefined, now, networkError)
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: spec.labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        ...(spec.annotations ?? {}),
      },
    },
    spec: { podCIDR: spec.podCIDR, podCIDRs: [spec.podCIDR], providerID: spec.providerID, ...(spec.taints?.length ? { taints: spec.taints } : {}) },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions,
      addresses: [
        { type: 'InternalIP', address: spec.internalIP },
        { type: 'Hostname', address: spec.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: ids.machineID,
        systemUUID: ids.systemUUID,
        bootID: ids.bootID,
        kernelVersion: '6.8.0-45-generic',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: spec.kubeletVersion,
        kubeProxyVersion: spec.kubeletVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  }
  return { node, events }
}
