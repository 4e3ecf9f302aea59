// The manifest kinds the editor validates against (monaco-yaml schema). `npm run gen:schema`
// turns this union into src/ui/editor/k8s.schema.json with ts-json-schema-generator; the
// generated file is committed, so builds never need to regenerate it.
// Source of the shapes: the kubernetes-types package (Kubernetes 1.30 OpenAPI). Caveat: the TS
// types lose OpenAPI `integer`, so `replicas: 1.5` passes the schema; the apiserver's dry-run
// (editor markers with owner 'apiserver') catches what the schema cannot.
import type {
  ConfigMap, Namespace, PersistentVolumeClaim, Pod, Secret, Service,
} from 'kubernetes-types/core/v1'
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1'
import type { CronJob, Job } from 'kubernetes-types/batch/v1'
import type { Ingress } from 'kubernetes-types/networking/v1'

// kubernetes-types marks apiVersion and kind optional and as plain strings; a manifest needs
// both, with the exact values, so monaco-yaml can pick the right branch of the union and offer
// the right completions.
type Typed<T, A extends string, K extends string> = Omit<T, 'apiVersion' | 'kind'> & { apiVersion: A; kind: K }

export type Manifest =
  | Typed<Pod, 'v1', 'Pod'>
  | Typed<Namespace, 'v1', 'Namespace'>
  | Typed<Service, 'v1', 'Service'>
  | Typed<ConfigMap, 'v1', 'ConfigMap'>
  | Typed<Secret, 'v1', 'Secret'>
  | Typed<PersistentVolumeClaim, 'v1', 'PersistentVolumeClaim'>
  | Typed<Deployment, 'apps/v1', 'Deployment'>
  | Typed<ReplicaSet, 'apps/v1', 'ReplicaSet'>
  | Typed<DaemonSet, 'apps/v1', 'DaemonSet'>
  | Typed<StatefulSet, 'apps/v1', 'StatefulSet'>
  | Typed<Job, 'batch/v1', 'Job'>
  | Typed<CronJob, 'batch/v1', 'CronJob'>
  | Typed<Ingress, 'networking.k8s.io/v1', 'Ingress'>
