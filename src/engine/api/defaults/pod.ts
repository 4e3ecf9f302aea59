// The defaults the 1.32 apiserver fills into a Pod (and into pod templates) when it decodes one:
// restartPolicy Always, dnsPolicy ClusterFirst, schedulerName, a 30 s grace period, an empty
// securityContext, enableServiceLinks, per-container terminationMessage*/imagePullPolicy/
// resources {}, port protocol TCP, probe timings, volume defaultModes.
// Mirrors: kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec,
// SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_Volume,
// SetDefaults_*VolumeSource, SetDefaults_ObjectFieldSelector, SetDefaults_ResourceList) in the
// order zz_generated.defaults.go applies them, plus the v1 struct field order the apiserver
// serializes in (so JSON of a defaulted pod lists keys as `kubectl get -o json` does).
// Pure: inputs (possibly frozen) are never mutated; a new object is returned.
// Left out: hostNetwork host-port defaulting, in-place-resize policies (alpha in 1.32),
// pod-level resources (alpha), the rarely used volume plugins' defaults (iSCSI, RBD, ScaleIO,
// AzureDisk, PVC volumeMode in ephemeral volumes). Admission-time mutations (serviceAccount,
// tolerations, priority) are in admission.ts.

import { deepCopy } from '../deepCopy'
import type { Pod, PodSpec } from '../types'
import { parseQuantity, quantityAsScale, quantityString } from '../quantity'
import { parseImageName } from './parsers'

type Obj = Record<string, unknown>

const clone = <T>(v: T): T => deepCopy(v) as T

/** v1.DefaultTerminationGracePeriodSeconds etc. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
export const TERMINATION_MESSAGE_PATH_DEFAULT = '/dev/termination-log'
/** 0644: SecretVolumeSourceDefaultMode, ConfigMap..., DownwardAPI..., Projected... */
export const VOLUME_DEFAULT_MODE = 420
/** ServiceAccountTokenProjection.expirationSeconds default. */
export const SERVICE_ACCOUNT_TOKEN_DEFAULT_EXPIRATION_SECONDS = 3600

/** imagePullPolicy when unset: Always for `:latest` (or no tag and no digest), else IfNotPresent. */
export function defaultImagePullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  const parsed = parseImageName(image ?? '')
  return !('error' in parsed) && parsed.tag === 'latest' ? 'Always' : 'IfNotPresent'
}

/**
 * SetDefaults_ResourceList: quantities are rounded up to milli precision and, being Quantities,
 * come back from the apiserver in canonical form (`0.5` → `500m`, `1024Mi` → `1Gi`). Values that
 * do not parse are left alone: the decoder rejects them before defaulting runs.
 */
export function defaultResourceList(list: Obj | undefined): Obj | undefined {
  if (!list) return list
  const out: Obj = {}
  for (const [k, v] of Object.entries(list)) {
    if (typeof v !== 'string' && typeof v !== 'number') {
      out[k] = v
      continue
    }
    try {
      out[k] = quantityString(quantityAsScale(parseQuantity(String(v).trim()), -3).q)
    } catch {
      out[k] = v
    }
  }
  return out
}

function defaultProbe(probe: Obj): void {
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1
  if (!probe.periodSeconds) probe.periodSeconds = 10
  if (!probe.successThreshold) probe.successThreshold = 1
  if (!probe.failureThreshold) probe.failureThreshold = 3
  defaultHandler(probe)
  const grpc = probe.grpc as Obj | undefined
  // GRPCAction.service has +default="": the pointer is filled with the empty string.
  if (grpc && grpc.service === undefined) grpc.service = ''
}

function defaultHandler(handler: Obj | undefined): void {
  const httpGet = handler?.httpGet as Obj | undefined
  if (!httpGet) return
  if (!httpGet.path) httpGet.path = '/'
  if (!httpGet.scheme) httpGet.scheme = 'HTTP'
}

function defaultObjectFieldSelector(fs: Obj | undefined): void {
  if (fs && !fs.apiVersion) fs.apiVersion = 'v1'
}

/** SetDefaults_Container and the generated per-field defaults of one container, in place on a copy. */
function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultImagePullPolicy(c.image as string | undefined)
  if (!c.terminationMessagePath) c.terminationMessagePath = TERMINATION_MESSAGE_PATH_DEFAULT
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File'
  for (const p of (c.ports as Obj[] | undefined) ?? []) if (!p.protocol) p.protocol = 'TCP'
  for (const e of (c.env as Obj[] | undefined) ?? []) defaultObjectFieldSelector((e.valueFrom as Obj | undefined)?.fieldRef as Obj | undefined)
  // Resources is a struct, not a pointer: it is always there, `{}` when empty.
  const resources = (c.resources as Obj | undefined) ?? {}
  if (resources.limits) resources.limits = defaultResourceList(resources.limits as Obj)
  if (resources.requests) resources.requests = defaultResourceList(resources.requests as Obj)
  c.resources = resources
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (c[probe]) defaultProbe(c[probe] as Obj)
  const lifecycle = c.lifecycle as Obj | undefined
  if (lifecycle) {
    defaultHandler(lifecycle.postStart as Obj | undefined)
    defaultHandler(lifecycle.preStop as Obj | undefined)
  }
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
] as const

function defaultDownwardAPIItems(items: Obj[] | undefined): void {
  for (const item of items ?? []) defaultObjectFieldSelector(item.fieldRef as Obj | undefined)
}

/** SetDefaults_Volume (emptyDir when no source is set) and the volume sources' defaults. */
function defaultVolume(v: Obj): void {
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {}
  const hostPath = v.hostPath as Obj | undefined
  if (hostPath && hostPath.type === undefined) hostPath.type = ''
  for (const s of ['secret', 'configMap'] as const) {
    const src = v[s] as Obj | undefined
    if (src && src.defaultMode === undefined) src.defaultMode = VOLUME_DEFAULT_MODE
  }
  const downwardAPI = v.downwardAPI as Obj | undefined
  if (downwardAPI) {
    if (downwardAPI.defaultMode === undefined) downwardAPI.defaultMode = VOLUME_DEFAULT_MODE
    defaultDownwardAPIItems(downwardAPI.items as Obj[] | undefined)
  }
  const projected = v.projected as Obj | undefined
  if (projected) {
    if (projected.defaultMode === undefined) projected.defaultMode = VOLUME_DEFAULT_MODE
    for (const source of (projected.sources as Obj[] | undefined) ?? []) {
      defaultDownwardAPIItems((source.downwardAPI as Obj | undefined)?.items as Obj[] | undefined)
      const sat = source.serviceAccountToken as Obj | undefined
      if (sat && sat.expirationSeconds === undefined) sat.expirationSeconds = SERVICE_ACCOUNT_TOKEN_DEFAULT_EXPIRATION_SECONDS
    }
  }
}

/**
 * SetDefaults_PodSpec plus the nested defaults, on a copy: what a pod template inside a
 * Deployment/ReplicaSet/Job gets. (enableServiceLinks and requests-from-limits are Pod-only.)
 */
export function setDefaultsPodSpec(spec: PodSpec): PodSpec {
  const s = clone(spec) as unknown as Obj
  applyPodSpecDefaults(s)
  return orderPodSpec(s) as unknown as PodSpec
}

function applyPodSpecDefaults(s: Obj): void {
  // The v1 <-> internal conversion every PodSpec goes through: serviceAccountName is taken from
  // the deprecated serviceAccount when unset, and serviceAccount always mirrors it on the way out.
  if (!s.serviceAccountName && s.serviceAccount) s.serviceAccountName = s.serviceAccount
  if (s.serviceAccountName) s.serviceAccount = s.serviceAccountName
  else delete s.serviceAccount
  if (!s.dnsPolicy) s.dnsPolicy = 'ClusterFirst'
  if (!s.restartPolicy) s.restartPolicy = 'Always'
  if (s.securityContext === undefined || s.securityContext === null) s.securityContext = {}
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) {
    s.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS
  }
  if (!s.schedulerName) s.schedulerName = DEFAULT_SCHEDULER_NAME
  for (const v of (s.volumes as Obj[] | undefined) ?? []) defaultVolume(v)
  for (const c of (s.initContainers as Obj[] | undefined) ?? []) defaultContainer(c)
  for (const c of (s.containers as Obj[] | undefined) ?? []) defaultContainer(c)
  for (const c of (s.ephemeralContainers as Obj[] | undefined) ?? []) defaultContainer(c)
  if (s.overhead) s.overhead = defaultResourceList(s.overhead as Obj)
}

/** SetDefaults_Pod's own part: requests copied from limits, enableServiceLinks. */
function applyPodOnlyDefaults(s: Obj): void {
  for (const list of ['containers', 'initContainers'] as const) {
    for (const c of (s[list] as Obj[] | undefined) ?? []) {
      const res = (c.resources as Obj | undefined) ?? {}
      const limits = res.limits as Obj | undefined
      if (!limits) continue
      const requests = { ...((res.requests as Obj | undefined) ?? {}) }
      for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v
      c.resources = { ...res, requests }
    }
  }
  if (s.enableServiceLinks === undefined || s.enableServiceLinks === null) s.enableServiceLinks = true
}

/** SetObjectDefaults_Pod: the Pod as the apiserver stores it before admission and validation. */
export function setDefaultsPod(pod: Pod): Pod {
  const p = clone(pod) as unknown as Obj
  const spec = ((p.spec as Obj | undefined) ?? {}) as Obj
  applyPodOnlyDefaults(spec)
  applyPodSpecDefaults(spec)
  p.spec = spec
  return orderPod(p) as unknown as Pod
}

// ---- serialization order (the Go struct field order of k8s.io/api/core/v1) ----

const POD_ORDER = ['kind', 'apiVersion', 'metadata', 'spec', 'status']
const POD_SPEC_ORDER = [
  'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds',
  'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken',
  'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname',
  'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig',
  'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints',
  'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources',
]
const CONTAINER_ORDER = [
  'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy',
  'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath',
  'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty', 'targetContainerName',
]
const CONTAINER_PORT_ORDER = ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP']
const VOLUME_MOUNT_ORDER = ['name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr']
const PROBE_ORDER = [
  'exec', 'httpGet', 'tcpSocket', 'grpc', 'initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold',
  'failureThreshold', 'terminationGracePeriodSeconds',
]
const VOLUME_ORDER = ['name', ...VOLUME_SOURCES]
const PROJECTED_ORDER = ['sources', 'defaultMode']
const TOLERATION_ORDER = ['key', 'operator', 'value', 'effect', 'tolerationSeconds']

/** The keys of `o` in `order`, then any others in their current order. */
export function orderKeys<T extends Obj>(o: T, order: readonly string[]): T {
  const out: Obj = {}
  for (const k of order) if (k in o) out[k] = o[k]
  for (const k of Object.keys(o)) if (!(k in out)) out[k] = o[k]
  return out as T
}

function orderContainer(c: Obj): Obj {
  const o = orderKeys(c, CONTAINER_ORDER)
  if (Array.isArray(o.ports)) o.ports = (o.ports as Obj[]).map((p) => orderKeys(p, CONTAINER_PORT_ORDER))
  if (Array.isArray(o.volumeMounts)) o.volumeMounts = (o.volumeMounts as Obj[]).map((m) => orderKeys(m, VOLUME_MOUNT_ORDER))
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (o[probe]) o[probe] = orderKeys(o[probe] as Obj, PROBE_ORDER)
  return o
}

function orderVolume(v: Obj): Obj {
  const o = orderKeys(v, VOLUME_ORDER)
  if (o.projected) o.projected = orderKeys(o.projected as Obj, PROJECTED_ORDER)
  return o
}

/** A PodSpec with its keys (and its containers', ports', volumes' keys) in v1 struct order. */
export function orderPodSpec(spec: Obj): Obj {
  const s = orderKeys(spec, POD_SPEC_ORDER)
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    if (Array.isArray(s[list])) s[list] = (s[list] as Obj[]).map(orderContainer)
  }
  if (Array.isArray(s.volumes)) s.volumes = (s.volumes as Obj[]).map(orderVolume)
  if (Array.isArray(s.tolerations)) s.tolerations = (s.tolerations as Obj[]).map((t) => orderKeys(t, TOLERATION_ORDER))
  return s
}

/**
 * A Pod with its keys in v1 struct order (TypeMeta, ObjectMeta, spec, status). The metadata keeps
 * the order it came in: the registry adds its system fields afterwards, and a no-op update must
 * compare equal to what is stored.
 */
export function orderPod(pod: Obj): Obj {
  const p = orderKeys(pod, POD_ORDER)
  if (p.spec) p.spec = orderPodSpec(p.spec as Obj)
  return p
}

