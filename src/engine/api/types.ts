// API object shapes. Everything the engine stores and serves is plain JSON shaped exactly like
// the Kubernetes API (the `kubernetes-types` package); nothing here is a class.
import type { DeepMutable } from './deepCopy'
import type { Binding as K8sBinding, ConfigMap as K8sConfigMap, Container as K8sContainer, ContainerStatus as K8sContainerStatus, ContainerState as K8sContainerState, Event as K8sEvent, EventSource as K8sEventSource, Namespace as K8sNamespace, Node as K8sNode, NodeCondition as K8sNodeCondition, NodeSpec as K8sNodeSpec, NodeStatus as K8sNodeStatus, ObjectReference as K8sObjectReference, Pod as K8sPod, PodCondition as K8sPodCondition, PodSpec as K8sPodSpec, PodStatus as K8sPodStatus, Service as K8sService, ServiceAccount as K8sServiceAccount, Toleration as K8sToleration, Taint as K8sTaint, Volume as K8sVolume, EnvVar as K8sEnvVar, ContainerPort as K8sContainerPort } from 'kubernetes-types/core/v1'
import type { DaemonSet as K8sDaemonSet, Deployment as K8sDeployment, ReplicaSet as K8sReplicaSet } from 'kubernetes-types/apps/v1'
import type { Lease as K8sLease } from 'kubernetes-types/coordination/v1'
import type { ObjectMeta as K8sObjectMeta, OwnerReference as K8sOwnerReference, LabelSelector as K8sLabelSelector, LabelSelectorRequirement as K8sLabelSelectorRequirement, Status as K8sStatus, StatusDetails as K8sStatusDetails, StatusCause as K8sStatusCause, ListMeta as K8sListMeta, Time as K8sTime, MicroTime as K8sMicroTime } from 'kubernetes-types/meta/v1'

// kubernetes-types declares every field readonly; the engine builds and fills objects in place.
export type Binding = DeepMutable<K8sBinding>
export type ConfigMap = DeepMutable<K8sConfigMap>
export type Container = DeepMutable<K8sContainer>
export type ContainerStatus = DeepMutable<K8sContainerStatus>
export type ContainerState = DeepMutable<K8sContainerState>
export type Event = DeepMutable<K8sEvent>
export type EventSource = DeepMutable<K8sEventSource>
export type Namespace = DeepMutable<K8sNamespace>
export type Node = DeepMutable<K8sNode>
export type NodeCondition = DeepMutable<K8sNodeCondition>
export type NodeSpec = DeepMutable<K8sNodeSpec>
export type NodeStatus = DeepMutable<K8sNodeStatus>
export type ObjectReference = DeepMutable<K8sObjectReference>
export type Pod = DeepMutable<K8sPod>
export type PodCondition = DeepMutable<K8sPodCondition>
export type PodSpec = DeepMutable<K8sPodSpec>
export type PodStatus = DeepMutable<K8sPodStatus>
export type Service = DeepMutable<K8sService>
export type ServiceAccount = DeepMutable<K8sServiceAccount>
export type Toleration = DeepMutable<K8sToleration>
export type Taint = DeepMutable<K8sTaint>
export type Volume = DeepMutable<K8sVolume>
export type EnvVar = DeepMutable<K8sEnvVar>
export type ContainerPort = DeepMutable<K8sContainerPort>
export type DaemonSet = DeepMutable<K8sDaemonSet>
export type Deployment = DeepMutable<K8sDeployment>
export type ReplicaSet = DeepMutable<K8sReplicaSet>
export type Lease = DeepMutable<K8sLease>
export type ObjectMeta = DeepMutable<K8sObjectMeta>
export type OwnerReference = DeepMutable<K8sOwnerReference>
export type LabelSelector = DeepMutable<K8sLabelSelector>
export type LabelSelectorRequirement = DeepMutable<K8sLabelSelectorRequirement>
export type Status = DeepMutable<K8sStatus>
export type StatusDetails = DeepMutable<K8sStatusDetails>
export type StatusCause = DeepMutable<K8sStatusCause>
export type ListMeta = DeepMutable<K8sListMeta>
export type Time = DeepMutable<K8sTime>
export type MicroTime = DeepMutable<K8sMicroTime>


/** Any API object: apiVersion, kind, metadata and whatever else its kind carries. */
export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata?: ObjectMeta
  [field: string]: unknown
}

/** A list as the apiserver returns it (`PodList`, `NodeList`, ...). */
export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion: string
  kind: string
  metadata: ListMeta
  items: T[]
}

/** meta.k8s.io/v1 Table, what the apiserver returns for `Accept: ...;as=Table` (server-side printing). */
export interface TableColumnDefinition {
  name: string
  type: string
  format: string
  description: string
  priority: number
}
export interface TableRow {
  cells: (string | number | boolean)[]
  object?: KubeObject
}
export interface Table {
  apiVersion: 'meta.k8s.io/v1'
  kind: 'Table'
  metadata: ListMeta
  columnDefinitions: TableColumnDefinition[]
  rows: TableRow[]
}
