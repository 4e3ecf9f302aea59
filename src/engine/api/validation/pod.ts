// Validation of Pods (create and update) and of the PodSpec inside workload templates, as the
// 1.32 apiserver runs it after defaulting and admission.
// Mirrors: kubernetes pkg/apis/core/validation/validation.go — ValidatePodCreate,
// ValidatePodUpdate, validatePodMetadataAndSpec, ValidatePodSpec (in its order: volumes,
// containers, initContainers, host-network ports, restartPolicy, dnsPolicy, nodeSelector, pod
// securityContext, dnsConfig, serviceAccountName, nodeName, activeDeadlineSeconds, hostname,
// subdomain, tolerations, priorityClassName, preemptionPolicy), validateContainerCommon
// (name, image, terminationMessagePolicy, ports, env, envFrom, volumeMounts, imagePullPolicy,
// resources, securityContext), probes and lifecycle handlers, ValidatePodTemplateSpec.
// Options are those of a 1.32 apiserver with default feature gates (relaxed env var names on).
// Left out (no error is produced for them): affinity, topologySpreadConstraints, sysctls,
// seccomp/AppArmor profiles and annotations, Windows options, resource claims, volume devices,
// subPath/mountPropagation, per-plugin checks of rare volume types, ephemeral containers'
// own rules, hugepages, hostAliases IPs, node-affinity mutations of scheduling-gated pods.
// ValidatePodUpdate compares the specs as Go values (coreTypes.ts, Semantic.DeepEqual) and ends
// its Forbidden message with go-cmp's report of them (cmpDiff.ts); for specs holding what that
// model leaves out (ephemeral volumes, huge quantities) the message ends before the report.

import { deepCopy } from '../deepCopy'
import type { ObjectMeta, Pod, PodSpec } from '../types'
import { cmpQuantity, parseQuantity, quantityMilliValue, quantitySign, quantityString, type Quantity } from '../quantity'
import { cmpDiff } from './cmpDiff'
import { podSpecType } from './coreTypes'
import { semanticDeepEqual } from './equality'
import { UnsupportedGoValue, asStored, fromJSON, type GoPtr, type GoStruct, type GoValue } from './goValue'
import {
  FieldError,
  compareGoStrings,
  goStringMap,
  duplicate,
  forbidden,
  goRepr,
  invalid,
  newPath,
  notFound,
  notSupported,
  required,
  type FieldPath,
} from './field'
import {
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1123Label,
  isEnvVarName,
  isHTTPHeaderName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidGroupID,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
  nameIsDNSSubdomain,
} from './names'
import { validateAnnotations, validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateLabelName, validateLabels, validateNonnegativeField } from './objectMeta'
import { computePodQOS, getPodQOS } from './qos'

type Obj = Record<string, any>

const MAX_INT32 = 2147483647
const FILE_MODE_ERROR_MSG = 'must be a number between 0 and 0777 (octal), both inclusive'

/** PodValidationOptions, reduced to what this port uses. */
export interface PodValidationOptions {
  /** RelaxedEnvironmentVariableValidation (beta, on in 1.32). */
  allowRelaxedEnvironmentVariableValidation?: boolean
  /** An invalid pod-deletion-cost annotation already stored is tolerated on update. */
  allowInvalidPodDeletionCost?: boolean
  /** The spec is a Pod's, not a template's (hostNetwork hostPort rule). */
  resourceIsPod?: boolean
}

const defaults = (o?: PodValidationOptions): Required<PodValidationOptions> => ({
  allowRelaxedEnvironmentVariableValidation: o?.allowRelaxedEnvironmentVariableValidation ?? true,
  allowInvalidPodDeletionCost: o?.allowInvalidPodDeletionCost ?? false,
  resourceIsPod: o?.resourceIsPod ?? true,
})

const has = (o: Obj | undefined, k: string): boolean => o !== undefined && o !== null && o[k] !== undefined && o[k] !== null

function dns1123Label(value: string, fldPath: FieldPath): FieldError[] {
  return isDNS1123Label(value).map((msg) => invalid(fldPath, value, msg))
}

// ---- annotations ----

const MIRROR_POD_ANNOTATION_KEY = 'kubernetes.io/config.mirror'
const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

function validDeletionCost(value: string): boolean {
  if (value.length === 0) return false
  const first = value[0]
  if (!(first === '-' || value === '0' || (first >= '1' && first <= '9'))) return false
  if (!/^[+-]?[0-9]+$/.test(value)) return false
  const n = Number(value)
  return n >= -2147483648 && n <= MAX_INT32
}

/** ValidatePodSpecificAnnotations (mirror pods, pod-deletion-cost). */
export function validatePodSpecificAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  spec: PodSpec | undefined,
  fldPath: FieldPath,
  opts?: PodValidationOptions,
): FieldError[] {
  const o = defaults(opts)
  const errs: FieldError[] = []
  const a = annotations ?? {}
  if (a[MIRROR_POD_ANNOTATION_KEY] !== undefined && !(spec?.nodeName ?? '')) {
    errs.push(invalid(fldPath.key(MIRROR_POD_ANNOTATION_KEY), a[MIRROR_POD_ANNOTATION_KEY], 'must set spec.nodeName if mirror pod annotation is set'))
  }
  if (!o.allowInvalidPodDeletionCost && a[POD_DELETION_COST] !== undefined && !validDeletionCost(a[POD_DELETION_COST])) {
    errs.push(invalid(fldPath.key(POD_DELETION_COST), a[POD_DELETION_COST], 'must be a 32bit integer'))
  }
  return errs
}

// ---- volumes ----

/** validateVolumeSource's sources in upstream's order, with the path each one's Forbidden uses. */
const VOLUME_SOURCES: readonly [key: string, forbiddenPath: string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'], // sic: upstream's typo
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
]

function validateFileMode(mode: unknown, fldPath: FieldPath): FieldError[] {
  return typeof mode === 'number' && (mode > 0o777 || mode < 0) ? [invalid(fldPath, mode, FILE_MODE_ERROR_MSG)] : []
}

function validateKeyToPath(kp: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (!kp.key) errs.push(required(fldPath.child('key'), ''))
  if (!kp.path) errs.push(required(fldPath.child('path'), ''))
  else errs.push(...validateLocalNonReservedPath(String(kp.path), fldPath.child('path')))
  errs.push(...validateFileMode(kp.mode, fldPath.child('mode')))
  return errs
}

/** validatePathNoBacksteps: no `..` element. */
function validatePathNoBacksteps(p: string, fldPath: FieldPath): FieldError[] {
  return p.split('/').includes('..') ? [invalid(fldPath, p, "must not contain '..'")] : []
}

/** validateLocalDescendingPath: relative and without `..`. */
function validateLocalDescendingPath(p: string, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (p.startsWith('/')) errs.push(invalid(fldPath, p, 'must be a relative path'))
  errs.push(...validatePathNoBacksteps(p, fldPath))
  return errs
}

/** validateLocalNonReservedPath: a descending path that does not start with `..`. */
function validateLocalNonReservedPath(p: string, fldPath: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(p, fldPath)
  if (p.startsWith('..')) errs.push(invalid(fldPath, p, "must not start with '..'"))
  return errs
}

function validateSourceFields(key: string, src: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  switch (key) {
    case 'emptyDir':
      break
    case 'hostPath':
      if (!src.path) return [required(fldPath.child('path'), '')]
      errs.push(...validatePathNoBacksteps(String(src.path), fldPath.child('path')))
      if (src.type !== undefined && src.type !== null) {
        const types = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice']
        if (!types.includes(src.type)) errs.push(notSupported(fldPath.child('type'), src.type, types))
      }
      break
    case 'gitRepo':
      if (!src.repository) errs.push(required(fldPath.child('repository'), ''))
      errs.push(...validateLocalDescendingPath(String(src.directory ?? ''), fldPath.child('directory')))
      break
    case 'secret':
      if (!src.secretName) errs.push(required(fldPath.child('secretName'), ''))
      errs.push(...validateFileMode(src.defaultMode, fldPath.child('defaultMode')))
      ;((src.items as Obj[] | undefined) ?? []).forEach((kp, i) => errs.push(...validateKeyToPath(kp, fldPath.child('items').index(i))))
      break
    case 'configMap':
      if (!src.name) errs.push(required(fldPath.child('name'), ''))
      errs.push(...validateFileMode(src.defaultMode, fldPath.child('defaultMode')))
      ;((src.items as Obj[] | undefined) ?? []).forEach((kp, i) => errs.push(...validateKeyToPath(kp, fldPath.child('items').index(i))))
      break
    case 'nfs':
      if (!src.server) errs.push(required(fldPath.child('server'), ''))
      if (!src.path) errs.push(required(fldPath.child('path'), ''))
      else if (!String(src.path).startsWith('/')) errs.push(invalid(fldPath.child('path'), src.path, 'must be an absolute path'))
      break
    case 'persistentVolumeClaim':
      if (!src.claimName) errs.push(required(fldPath.child('claimName'), ''))
      break
    case 'downwardAPI':
      errs.push(...validateFileMode(src.defaultMode, fldPath.child('defaultMode')))
      break
    case 'projected':
      errs.push(...validateFileMode(src.defaultMode, fldPath.child('defaultMode')))
      break
  }
  return errs
}

function validateVolumeSource(v: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  let numVolumes = 0
  for (const [key, forbiddenPath] of VOLUME_SOURCES) {
    if (!has(v, key)) continue
    if (key === 'emptyDir') {
      numVolumes++
      const limit = v.emptyDir?.sizeLimit
      if (limit !== undefined && limit !== null) {
        let q: Quantity | undefined
        try {
          q = parseQuantity(String(limit))
        } catch {
          q = undefined
        }
        if (q && quantitySign(q) < 0) errs.push(forbidden(fldPath.child('emptyDir').child('sizeLimit'), 'SizeLimit field must be a valid resource quantity'))
      }
      continue
    }
    if (numVolumes > 0) {
      errs.push(forbidden(fldPath.child(forbiddenPath), 'may not specify more than 1 volume type'))
      continue
    }
    numVolumes++
    errs.push(...validateSourceFields(key, v[key] as Obj, fldPath.child(key === 'cephfs' ? 'cephfs' : key)))
  }
  if (numVolumes === 0) errs.push(required(fldPath, 'must specify a volume type'))
  return errs
}

/** ValidateVolumes: the valid volumes by name, and the errors (an invalid volume is not mountable). */
export function validateVolumes(volumes: readonly Obj[] | undefined, fldPath: FieldPath): { vols: Map<string, Obj>; errs: FieldError[] } {
  const errs: FieldError[] = []
  const vols = new Map<string, Obj>()
  ;(volumes ?? []).forEach((vol, i) => {
    const idxPath = fldPath.index(i)
    const namePath = idxPath.child('name')
    const name = String(vol.name ?? '')
    const el = validateVolumeSource(vol, idxPath)
    if (name.length === 0) el.push(required(namePath, ''))
    else el.push(...dns1123Label(name, namePath))
    if (vols.has(name)) el.push(duplicate(namePath, name))
    if (el.length === 0) vols.set(name, vol)
    else errs.push(...el)
  })
  return { vols, errs }
}

// ---- containers ----

const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP']

function validateContainerPorts(ports: readonly Obj[] | undefined, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  ;(ports ?? []).forEach((port, i) => {
    const idxPath = fldPath.index(i)
    const name = String(port.name ?? '')
    if (name.length > 0) {
      const msgs = isValidPortName(name)
      if (msgs.length !== 0) msgs.forEach((m) => errs.push(invalid(idxPath.child('name'), name, m)))
      else if (names.has(name)) errs.push(duplicate(idxPath.child('name'), name))
      else names.add(name)
    }
    const containerPort = Number(port.containerPort ?? 0)
    if (containerPort === 0) errs.push(required(idxPath.child('containerPort'), ''))
    else for (const m of isValidPortNum(containerPort)) errs.push(invalid(idxPath.child('containerPort'), containerPort, m))
    const hostPort = Number(port.hostPort ?? 0)
    if (hostPort !== 0) for (const m of isValidPortNum(hostPort)) errs.push(invalid(idxPath.child('hostPort'), hostPort, m))
    const protocol = String(port.protocol ?? '')
    if (protocol.length === 0) errs.push(required(idxPath.child('protocol'), ''))
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol)) errs.push(notSupported(idxPath.child('protocol'), protocol, SUPPORTED_PORT_PROTOCOLS))
  })
  return errs
}

function envNameErrors(name: string, relaxed: boolean): string[] {
  return relaxed ? isRelaxedEnvVarName(name) : isEnvVarName(name)
}

const VALID_ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]
const VALID_RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory']

/** Field labels ConvertDownwardAPIFieldLabel accepts for v1 pods. */
const DOWNWARD_API_FIELD_LABELS = [
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs',
  'status.podIP', 'status.podIPs',
]

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → path and subscript. */
function splitMaybeSubscriptedPath(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined
  const s = fieldPath.slice(0, -2)
  const i = s.indexOf("['")
  if (i <= 0) return undefined
  return { path: s.slice(0, i), subscript: s.slice(i + 2) }
}

function validateObjectFieldSelector(fs: Obj, fldPath: FieldPath): FieldError[] {
  if (!fs.apiVersion) return [required(fldPath.child('apiVersion'), '')]
  if (!fs.fieldPath) return [required(fldPath.child('fieldPath'), '')]
  let path = String(fs.fieldPath)
  // podshelper.ConvertDownwardAPIFieldLabel
  let convErr: string | undefined
  const sub = splitMaybeSubscriptedPath(path)
  if (fs.apiVersion !== 'v1') convErr = `unsupported pod version: ${fs.apiVersion}`
  else if (sub) {
    if (sub.path !== 'metadata.annotations' && sub.path !== 'metadata.labels') convErr = `field label does not support subscript: ${path}`
  } else if (path === 'spec.host') path = 'spec.nodeName'
  else if (!DOWNWARD_API_FIELD_LABELS.includes(path)) convErr = `field label not supported: ${path}`
  if (convErr) return [invalid(fldPath.child('fieldPath'), String(fs.fieldPath), `error converting fieldPath: ${convErr}`)]
  if (sub) {
    const key = sub.path === 'metadata.annotations' ? sub.subscript.toLowerCase() : sub.subscript
    return isQualifiedName(key).map((msg) => invalid(fldPath, key, msg))
  }
  if (!VALID_ENV_FIELD_PATHS.includes(path)) return [notSupported(fldPath.child('fieldPath'), path, VALID_ENV_FIELD_PATHS)]
  return []
}

function validateKeySelector(s: Obj, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  for (const msg of nameIsDNSSubdomain(String(s.name ?? ''), false)) errs.push(invalid(fldPath.child('name'), String(s.name ?? ''), msg))
  if (!s.key) errs.push(required(fldPath.child('key'), ''))
  else for (const msg of isConfigMapKey(String(s.key))) errs.push(invalid(fldPath.child('key'), s.key, msg))
  return errs
}

function validateEnvVarValueFrom(ev: Obj, fldPath: FieldPath): FieldError[] {
  const vf = ev.valueFrom as Obj | undefined
  if (!vf) return []
  const errs: FieldError[] = []
  let numSources = 0
  if (has(vf, 'fieldRef')) {
    numSources++
    errs.push(...validateObjectFieldSelector(vf.fieldRef, fldPath.child('fieldRef')))
  }
  if (has(vf, 'resourceFieldRef')) {
    numSources++
    const r = vf.resourceFieldRef as Obj
    if (!r.resource) errs.push(required(fldPath.child('resourceFieldRef').child('resource'), ''))
    else if (!VALID_RESOURCE_FIELD_PATHS.includes(r.resource) && !/^(requests|limits)\.hugepages-/.test(r.resource)) {
      errs.push(notSupported(fldPath.child('resourceFieldRef').child('resource'), r.resource, VALID_RESOURCE_FIELD_PATHS))
    }
  }
  if (has(vf, 'configMapKeyRef')) {
    numSources++
    errs.push(...validateKeySelector(vf.configMapKeyRef, fldPath.child('configMapKeyRef')))
  }
  if (has(vf, 'secretKeyRef')) {
    numSources++
    errs.push(...validateKeySelector(vf.secretKeyRef, fldPath.child('secretKeyRef')))
  }
  if (numSources === 0) errs.push(invalid(fldPath, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'))
  else if (String(ev.value ?? '').length !== 0) errs.push(invalid(fldPath, '', 'may not be specified when `value` is not empty'))
  else if (numSources > 1) errs.push(invalid(fldPath, '', 'may not have more than one field specified at a time'))
  return errs
}

/** ValidateEnv. */
export function validateEnv(vars: readonly Obj[] | undefined, fldPath: FieldPath, opts?: PodValidationOptions): FieldError[] {
  const relaxed = defaults(opts).allowRelaxedEnvironmentVariableValidation
  const errs: FieldError[] = []
  ;(vars ?? []).forEach((ev, i) => {
    const idxPath = fldPath.index(i)
    const name = String(ev.name ?? '')
    if (name.length === 0) errs.push(required(idxPath.child('name'), ''))
    else for (const msg of envNameErrors(name, relaxed)) errs.push(invalid(idxPath.child('name'), name, msg))
    errs.push(...validateEnvVarValueFrom(ev, idxPath.child('valueFrom')))
  })
  return errs
}

function validateEnvFrom(vars: readonly Obj[] | undefined, fldPath: FieldPath, opts?: PodValidationOptions): FieldError[] {
  const relaxed = defaults(opts).allowRelaxedEnvironmentVariableValidation
  const errs: FieldError[] = []
  ;(vars ?? []).forEach((ev, i) => {
    const idxPath = fldPath.index(i)
    const prefix = String(ev.prefix ?? '')
    if (prefix.length > 0) for (const msg of envNameErrors(prefix, relaxed)) errs.push(invalid(idxPath.child('prefix'), prefix, msg))
    let numSources = 0
    for (const key of ['configMapRef', 'secretRef'] as const) {
      if (!has(ev, key)) continue
      numSources++
      const name = String(ev[key].name ?? '')
      if (name.length === 0) errs.push(required(idxPath.child(key).child('name'), ''))
      else for (const msg of nameIsDNSSubdomain(name, true)) errs.push(invalid(idxPath.child(key).child('name'), name, msg))
    }
    if (numSources === 0) errs.push(invalid(fldPath, '', 'must specify one of: `configMapRef` or `secretRef`'))
    else if (numSources > 1) errs.push(invalid(fldPath, '', 'may not have more than one field specified at a time'))
  })
  return errs
}

function validateVolumeMounts(mounts: readonly Obj[] | undefined, vols: Map<string, Obj>, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const mountpoints = new Set<string>()
  ;(mounts ?? []).forEach((mnt, i) => {
    const idxPath = fldPath.index(i)
    const name = String(mnt.name ?? '')
    const mountPath = String(mnt.mountPath ?? '')
    if (name.length === 0) errs.push(required(idxPath.child('name'), ''))
    if (!vols.has(name)) errs.push(notFound(idxPath.child('name'), name))
    if (mountPath.length === 0) errs.push(required(idxPath.child('mountPath'), ''))
    if (mountpoints.has(mountPath)) errs.push(invalid(idxPath.child('mountPath'), mountPath, 'must be unique'))
    mountpoints.add(mountPath)
    if (String(mnt.subPath ?? '').length > 0) errs.push(...validateLocalDescendingPath(String(mnt.subPath), fldPath.child('subPath')))
  })
  return errs
}

function validatePullPolicy(policy: unknown, fldPath: FieldPath): FieldError[] {
  const p = String(policy ?? '')
  if (p === 'Always' || p === 'IfNotPresent' || p === 'Never') return []
  if (p === '') return [required(fldPath, '')]
  return [notSupported(fldPath, p, ['Always', 'IfNotPresent', 'Never'])]
}

// ---- resources ----

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu',
  'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets',
  'persistentvolumeclaims', 'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers',
])
const INTEGER_RESOURCES = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers',
])

const isHugePageResourceName = (n: string): boolean => n.startsWith('hugepages-')
const isQuotaHugePageResourceName = (n: string): boolean => n.startsWith('requests.hugepages-') || n.startsWith('limits.hugepages-')
const isNativeResource = (n: string): boolean => !n.includes('/') || n.includes('kubernetes.io/')
function isExtendedResourceName(n: string): boolean {
  if (isNativeResource(n) || n.startsWith('requests.')) return false
  return isQualifiedName(`requests.${n}`).length === 0
}
const isOvercommitAllowed = (n: string): boolean => isNativeResource(n) && !isHugePageResourceName(n)
const isIntegerResourceName = (n: string): boolean => INTEGER_RESOURCES.has(n) || isExtendedResourceName(n)

function validateResourceName(name: string, fldPath: FieldPath): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(fldPath, name, m))
  if (errs.length !== 0) return errs
  if (!name.includes('/') && !(STANDARD_RESOURCES.has(name) || isQuotaHugePageResourceName(name) || isHugePageResourceName(name))) {
    return [invalid(fldPath, name, 'must be a standard resource type or fully qualified')]
  }
  return []
}

function validateContainerResourceName(name: string, fldPath: FieldPath): FieldError[] {
  const errs = validateResourceName(name, fldPath)
  if (!name.includes('/')) {
    if (!(STANDARD_CONTAINER_RESOURCES.has(name) || isHugePageResourceName(name))) errs.push(invalid(fldPath, name, 'must be a standard resource for containers'))
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(fldPath, name, "doesn't follow extended resource name standard"))
  }
  return errs
}

function toQuantity(v: unknown): Quantity | undefined {
  try {
    return parseQuantity(String(v).trim())
  } catch {
    return undefined
  }
}

/** ValidateResourceQuantityValue: non-negative, whole numbers for integer resources. */
function validateResourceQuantityValue(name: string, q: Quantity, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (quantitySign(q) < 0) errs.push(invalid(fldPath, quantityString(q), 'must be greater than or equal to 0'))
  // The Quantity itself (a Stringer) is the bad value here, so it prints without quotes.
  if (isIntegerResourceName(name) && quantityMilliValue(q) % 1000n !== 0n) errs.push(invalid(fldPath, goRepr(quantityString(q)), 'must be an integer'))
  return errs
}

/** ValidateContainerResourceRequirements (maps walked in key order; Go's order is random). */
export function validateContainerResourceRequirements(resources: Obj | undefined, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const limPath = fldPath.child('limits')
  const reqPath = fldPath.child('requests')
  const limits = (resources?.limits as Obj | undefined) ?? {}
  const requests = (resources?.requests as Obj | undefined) ?? {}
  let limCpuMem = false
  let reqCpuMem = false
  let limHuge = false
  let reqHuge = false
  for (const name of Object.keys(limits).sort(compareGoStrings)) {
    const p = limPath.key(name)
    errs.push(...validateContainerResourceName(name, p))
    const q = toQuantity(limits[name])
    if (q) errs.push(...validateResourceQuantityValue(name, q, p))
    if (isHugePageResourceName(name)) limHuge = true
    if (name === 'cpu' || name === 'memory') limCpuMem = true
  }
  for (const name of Object.keys(requests).sort(compareGoStrings)) {
    const p = reqPath.key(name)
    errs.push(...validateContainerResourceName(name, p))
    const q = toQuantity(requests[name])
    if (q) errs.push(...validateResourceQuantityValue(name, q, p))
    if (name in limits) {
      const lim = toQuantity(limits[name])
      if (q && lim) {
        if (cmpQuantity(q, lim) !== 0 && !isOvercommitAllowed(name)) {
          errs.push(invalid(reqPath, quantityString(q), `must be equal to ${name} limit of ${quantityString(lim)}`))
        } else if (cmpQuantity(q, lim) > 0) {
          errs.push(invalid(reqPath, quantityString(q), `must be less than or equal to ${name} limit of ${quantityString(lim)}`))
        }
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'))
    }
    if (isHugePageResourceName(name)) reqHuge = true
    if (name === 'cpu' || name === 'memory') reqCpuMem = true
  }
  if (!limCpuMem && !reqCpuMem && (reqHuge || limHuge)) errs.push(forbidden(fldPath, 'HugePages require cpu or memory'))
  return errs
}

function validateContainerSecurityContext(sc: Obj | undefined, fldPath: FieldPath): FieldError[] {
  if (!sc) return []
  const errs: FieldError[] = []
  if (typeof sc.runAsUser === 'number') for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(fldPath.child('runAsUser'), sc.runAsUser, m))
  if (typeof sc.runAsGroup === 'number') for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(fldPath.child('runAsGroup'), sc.runAsGroup, m))
  if (sc.procMount !== undefined && sc.procMount !== null && sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') {
    errs.push(notSupported(fldPath.child('procMount'), sc.procMount, ['Default', 'Unmasked']))
  }
  return errs
}

/** validateContainerCommon: what every kind of container must satisfy. */
function validateContainerCommon(ctr: Obj, vols: Map<string, Obj>, path: FieldPath, opts?: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = []
  const namePath = path.child('name')
  const name = String(ctr.name ?? '')
  if (name.length === 0) errs.push(required(namePath, ''))
  else errs.push(...dns1123Label(name, namePath))
  if (String(ctr.image ?? '').length === 0) errs.push(required(path.child('image'), ''))
  const tmp = String(ctr.terminationMessagePolicy ?? '')
  if (tmp === '') errs.push(required(path.child('terminationMessagePolicy'), ''))
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']))
  errs.push(...validateContainerPorts(ctr.ports, path.child('ports')))
  errs.push(...validateEnv(ctr.env, path.child('env'), opts))
  errs.push(...validateEnvFrom(ctr.envFrom, path.child('envFrom'), opts))
  errs.push(...validateVolumeMounts(ctr.volumeMounts, vols, path.child('volumeMounts')))
  errs.push(...validatePullPolicy(ctr.imagePullPolicy, path.child('imagePullPolicy')))
  errs.push(...validateContainerResourceRequirements(ctr.resources, path.child('resources')))
  errs.push(...validateContainerSecurityContext(ctr.securityContext, path.child('securityContext')))
  return errs
}

// ---- probes and handlers ----

function validatePortNumOrName(port: unknown, fldPath: FieldPath): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(fldPath, port, m))
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(fldPath, port, m))
  return isValidPortNum(0).map((m) => invalid(fldPath, 0, m))
}

function validateHandler(handler: Obj, gracePeriod: number | undefined, fldPath: FieldPath, allowSleep: boolean): FieldError[] {
  const errs: FieldError[] = []
  let numHandlers = 0
  const kinds = allowSleep ? ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] : ['exec', 'httpGet', 'tcpSocket', 'grpc']
  for (const kind of kinds) {
    if (!has(handler, kind)) continue
    if (numHandlers > 0) {
      errs.push(forbidden(fldPath.child(kind), 'may not specify more than 1 handler type'))
      continue
    }
    numHandlers++
    const h = handler[kind] as Obj
    const p = fldPath.child(kind)
    switch (kind) {
      case 'exec':
        if (!Array.isArray(h.command) || h.command.length === 0) errs.push(required(p.child('command'), ''))
        break
      case 'httpGet': {
        if (!h.path) errs.push(required(p.child('path'), ''))
        errs.push(...validatePortNumOrName(h.port, p.child('port')))
        const scheme = String(h.scheme ?? '')
        if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(p.child('scheme'), scheme, ['HTTP', 'HTTPS']))
        for (const header of (h.httpHeaders as Obj[] | undefined) ?? []) {
          for (const m of isHTTPHeaderName(String(header.name ?? ''))) errs.push(invalid(p.child('httpHeaders'), String(header.name ?? ''), m))
        }
        break
      }
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(h.port, p.child('port')))
        break
      case 'grpc':
        errs.push(...validatePortNumOrName(Number(h.port ?? 0), p.child('port')))
        break
      case 'sleep': {
        const seconds = Number(h.seconds ?? 0)
        if (gracePeriod !== undefined && (seconds <= 0 || seconds > gracePeriod)) {
          errs.push(
            invalid(
              p,
              seconds,
              `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
            ),
          )
        }
        break
      }
    }
  }
  if (numHandlers === 0) errs.push(required(fldPath, 'must specify a handler type'))
  return errs
}

function validateProbe(probe: Obj, gracePeriod: number | undefined, fldPath: FieldPath): FieldError[] {
  const errs = validateHandler(probe, gracePeriod, fldPath, false)
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegativeField(Number(probe[f] ?? 0), fldPath.child(f)))
  }
  if (typeof probe.terminationGracePeriodSeconds === 'number' && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(fldPath.child('terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must be greater than 0'))
  }
  return errs
}

function validateLivenessOrStartupProbe(probe: Obj | undefined, gracePeriod: number | undefined, fldPath: FieldPath): FieldError[] {
  if (!probe) return []
  const errs = validateProbe(probe, gracePeriod, fldPath)
  if (Number(probe.successThreshold ?? 0) !== 1) errs.push(invalid(fldPath.child('successThreshold'), Number(probe.successThreshold ?? 0), 'must be 1'))
  return errs
}

function validateReadinessProbe(probe: Obj | undefined, gracePeriod: number | undefined, fldPath: FieldPath): FieldError[] {
  if (!probe) return []
  const errs = validateProbe(probe, gracePeriod, fldPath)
  if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
    errs.push(invalid(fldPath.child('terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'))
  }
  return errs
}

function validateLifecycle(lifecycle: Obj, gracePeriod: number | undefined, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (has(lifecycle, 'postStart')) errs.push(...validateHandler(lifecycle.postStart, gracePeriod, fldPath.child('postStart'), true))
  if (has(lifecycle, 'preStop')) errs.push(...validateHandler(lifecycle.preStop, gracePeriod, fldPath.child('preStop'), true))
  return errs
}

function checkHostPortConflicts(containers: readonly Obj[], fldPath: FieldPath, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = []
  containers.forEach((ctr, ci) => {
    const portsPath = fldPath.index(ci).child('ports')
    ;((ctr.ports as Obj[] | undefined) ?? []).forEach((p, pi) => {
      const hostPort = Number(p.hostPort ?? 0)
      if (hostPort === 0) return
      const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${hostPort}`
      if (seen.has(key)) errs.push(duplicate(portsPath.index(pi).child('hostPort'), key))
      else seen.add(key)
    })
  })
  return errs
}

function validateContainers(containers: readonly Obj[] | undefined, vols: Map<string, Obj>, gracePeriod: number | undefined, fldPath: FieldPath, opts?: PodValidationOptions): FieldError[] {
  if (!containers || containers.length === 0) return [required(fldPath, '')]
  const errs: FieldError[] = []
  const names = new Set<string>()
  containers.forEach((ctr, i) => {
    const path = fldPath.index(i)
    errs.push(...validateContainerCommon(ctr, vols, path, opts))
    const name = String(ctr.name ?? '')
    if (names.has(name)) errs.push(duplicate(path.child('name'), name))
    else names.add(name)
    if (ctr.lifecycle) errs.push(...validateLifecycle(ctr.lifecycle, gracePeriod, path.child('lifecycle')))
    errs.push(...validateLivenessOrStartupProbe(ctr.livenessProbe, gracePeriod, path.child('livenessProbe')))
    errs.push(...validateReadinessProbe(ctr.readinessProbe, gracePeriod, path.child('readinessProbe')))
    errs.push(...validateLivenessOrStartupProbe(ctr.startupProbe, gracePeriod, path.child('startupProbe')))
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null) errs.push(forbidden(path.child('restartPolicy'), 'may not be set for non-init containers'))
  })
  errs.push(...checkHostPortConflicts(containers, fldPath))
  return errs
}

function validateInitContainers(
  containers: readonly Obj[] | undefined,
  regular: readonly Obj[] | undefined,
  vols: Map<string, Obj>,
  gracePeriod: number | undefined,
  fldPath: FieldPath,
  opts?: PodValidationOptions,
): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>((regular ?? []).map((c) => String(c.name ?? '')))
  ;(containers ?? []).forEach((ctr, i) => {
    const idxPath = fldPath.index(i)
    errs.push(...validateContainerCommon(ctr, vols, idxPath, opts))
    let restartAlways = false
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null) {
      if (ctr.restartPolicy !== 'Always') errs.push(notSupported(idxPath.child('restartPolicy'), ctr.restartPolicy, ['Always']))
      restartAlways = ctr.restartPolicy === 'Always'
    }
    const name = String(ctr.name ?? '')
    if (names.has(name)) errs.push(duplicate(idxPath.child('name'), name))
    else if (name.length > 0) names.add(name)
    errs.push(...checkHostPortConflicts([ctr], fldPath))
    if (restartAlways) {
      if (ctr.lifecycle) errs.push(...validateLifecycle(ctr.lifecycle, gracePeriod, idxPath.child('lifecycle')))
      errs.push(...validateLivenessOrStartupProbe(ctr.livenessProbe, gracePeriod, idxPath.child('livenessProbe')))
      errs.push(...validateReadinessProbe(ctr.readinessProbe, gracePeriod, idxPath.child('readinessProbe')))
      errs.push(...validateLivenessOrStartupProbe(ctr.startupProbe, gracePeriod, idxPath.child('startupProbe')))
    } else {
      if (ctr.lifecycle) errs.push(forbidden(idxPath.child('lifecycle'), 'may not be set for init containers without restartPolicy=Always'))
      if (ctr.livenessProbe) errs.push(forbidden(idxPath.child('livenessProbe'), 'may not be set for init containers without restartPolicy=Always'))
      if (ctr.readinessProbe) errs.push(forbidden(idxPath.child('readinessProbe'), 'may not be set for init containers'))
      if (ctr.startupProbe) errs.push(forbidden(idxPath.child('startupProbe'), 'may not be set for init containers without restartPolicy=Always'))
    }
  })
  return errs
}

// ---- pod-level fields ----

function validateRestartPolicy(policy: unknown, fldPath: FieldPath): FieldError[] {
  const p = String(policy ?? '')
  if (p === 'Always' || p === 'OnFailure' || p === 'Never') return []
  if (p === '') return [required(fldPath, '')]
  return [notSupported(fldPath, p, ['Always', 'OnFailure', 'Never'])]
}

function validateDNSPolicy(policy: unknown, fldPath: FieldPath): FieldError[] {
  const p = String(policy ?? '')
  const valid = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
  if (valid.includes(p)) return []
  if (p === '') return [required(fldPath, '')]
  return [notSupported(fldPath, p, valid)]
}

function validatePodSecurityContext(spec: Obj, fldPath: FieldPath): FieldError[] {
  const sc = spec.securityContext as Obj | undefined
  const errs: FieldError[] = []
  if (!sc) return errs
  if (typeof sc.fsGroup === 'number') for (const m of isValidGroupID(sc.fsGroup)) errs.push(invalid(fldPath.child('fsGroup'), sc.fsGroup, m))
  if (typeof sc.runAsUser === 'number') for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(fldPath.child('runAsUser'), sc.runAsUser, m))
  if (typeof sc.runAsGroup === 'number') for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(fldPath.child('runAsGroup'), sc.runAsGroup, m))
  ;((sc.supplementalGroups as number[] | undefined) ?? []).forEach((gid, g) => {
    for (const m of isValidGroupID(gid)) errs.push(invalid(fldPath.child('supplementalGroups').index(g), gid, m))
  })
  // hostPID lives in the internal type's securityContext, hence this path.
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(invalid(fldPath.child('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'))
  }
  if (sc.fsGroupChangePolicy !== undefined && sc.fsGroupChangePolicy !== null && sc.fsGroupChangePolicy !== 'OnRootMismatch' && sc.fsGroupChangePolicy !== 'Always') {
    errs.push(notSupported(fldPath.child('fsGroupChangePolicy'), sc.fsGroupChangePolicy, ['Always', 'OnRootMismatch']))
  }
  return errs
}

const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/

function isIP(s: string): boolean {
  if (IPV4.test(s)) return true
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return false
  const parts = s.split('::')
  if (parts.length > 2) return false
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')))
  const last = groups[groups.length - 1] ?? ''
  const count = groups.length + (IPV4.test(last) ? 1 : 0)
  if (!groups.every((g, i) => /^[0-9a-fA-F]{1,4}$/.test(g) || (i === groups.length - 1 && IPV4.test(g)))) return false
  return parts.length === 2 ? count < 8 : count === 8
}

function validatePodDNSConfig(spec: Obj, fldPath: FieldPath): FieldError[] {
  const cfg = spec.dnsConfig as Obj | undefined
  const errs: FieldError[] = []
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [required(fldPath, 'must provide `dnsConfig` when `dnsPolicy` is None')]
    if (!Array.isArray(cfg.nameservers) || cfg.nameservers.length === 0) {
      return [required(fldPath.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')]
    }
  }
  if (!cfg) return errs
  const ns = (cfg.nameservers as string[] | undefined) ?? []
  if (ns.length > 3) errs.push(invalid(fldPath.child('nameservers'), goRepr(`[]string{${ns.map((n) => JSON.stringify(n)).join(', ')}}`), 'must not have more than 3 nameservers'))
  ns.forEach((n, i) => {
    if (!isIP(n)) errs.push(invalid(fldPath.child('nameservers').index(i), n, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'))
  })
  const searches = (cfg.searches as string[] | undefined) ?? []
  if (searches.length > 32) errs.push(invalid(fldPath.child('searches'), goRepr(`[]string{${searches.map((n) => JSON.stringify(n)).join(', ')}}`), 'must not have more than 32 search paths'))
  if (searches.join(' ').length > 2048) {
    errs.push(invalid(fldPath.child('searches'), goRepr(`[]string{${searches.map((n) => JSON.stringify(n)).join(', ')}}`), 'must not have more than 2048 characters (including spaces) in the search list'))
  }
  searches.forEach((s, i) => {
    const trimmed = s.endsWith('.') ? s.slice(0, -1) : s
    for (const m of nameIsDNSSubdomain(trimmed, false)) errs.push(invalid(fldPath.child('searches').index(i), trimmed, m))
  })
  ;((cfg.options as Obj[] | undefined) ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(fldPath.child('options').index(i), 'must not be empty'))
  })
  return errs
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: readonly Obj[] | undefined, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  ;(tolerations ?? []).forEach((t, i) => {
    const idxPath = fldPath.index(i)
    const key = String(t.key ?? '')
    const operator = String(t.operator ?? '')
    const effect = String(t.effect ?? '')
    const value = String(t.value ?? '')
    if (key.length > 0) errs.push(...validateLabelName(key, idxPath.child('key')))
    if (key.length === 0 && operator !== 'Exists') {
      errs.push(invalid(idxPath.child('operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(invalid(idxPath.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value)
      if (msgs.length !== 0) errs.push(invalid(idxPath.child('operator'), value, msgs.join(';')))
    } else if (operator === 'Exists') {
      if (value.length > 0) errs.push(invalid(idxPath.child('operator'), value, "value must be empty when `operator` is 'Exists'"))
    } else {
      errs.push(notSupported(idxPath.child('operator'), operator, ['Equal', 'Exists']))
    }
    if (effect.length > 0 && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(notSupported(idxPath.child('effect'), effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']))
    }
  })
  return errs
}

function validatePodHostNetworkDeps(spec: Obj, fldPath: FieldPath, opts: Required<PodValidationOptions>): FieldError[] {
  if (spec.hostNetwork !== true) return []
  const errs: FieldError[] = []
  ;((spec.containers as Obj[] | undefined) ?? []).forEach((c, i) => {
    ;((c.ports as Obj[] | undefined) ?? []).forEach((p, j) => {
      const hp = Number(p.hostPort ?? 0)
      const cp = Number(p.containerPort ?? 0)
      if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
        errs.push(invalid(fldPath.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'))
      }
    })
  })
  return errs
}

/** ValidatePodSpec: a Pod's spec or a template's (podMeta only matters for pods). */
export function validatePodSpec(spec: PodSpec | undefined, fldPath: FieldPath = newPath('spec'), opts?: PodValidationOptions): FieldError[] {
  const o = defaults(opts)
  const s = (spec ?? {}) as Obj
  const errs: FieldError[] = []
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) errs.push(required(fldPath.child('terminationGracePeriodSeconds'), ''))
  const gracePeriod = typeof s.terminationGracePeriodSeconds === 'number' ? s.terminationGracePeriodSeconds : undefined
  const { vols, errs: vErrs } = validateVolumes(s.volumes, fldPath.child('volumes'))
  errs.push(...vErrs)
  errs.push(...validateContainers(s.containers, vols, gracePeriod, fldPath.child('containers'), o))
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols, gracePeriod, fldPath.child('initContainers'), o))
  errs.push(...validatePodHostNetworkDeps(s, fldPath, o))
  errs.push(...validateRestartPolicy(s.restartPolicy, fldPath.child('restartPolicy')))
  errs.push(...validateDNSPolicy(s.dnsPolicy, fldPath.child('dnsPolicy')))
  errs.push(...validateLabels(s.nodeSelector, fldPath.child('nodeSelector')))
  errs.push(...validatePodSecurityContext(s, fldPath.child('securityContext')))
  errs.push(...validatePodDNSConfig(s, fldPath.child('dnsConfig')))
  const sa = String(s.serviceAccountName ?? '')
  if (sa.length > 0) for (const m of nameIsDNSSubdomain(sa, false)) errs.push(invalid(fldPath.child('serviceAccountName'), sa, m))
  const nodeName = String(s.nodeName ?? '')
  if (nodeName.length > 0) for (const m of nameIsDNSSubdomain(nodeName, false)) errs.push(invalid(fldPath.child('nodeName'), nodeName, m))
  if (typeof s.activeDeadlineSeconds === 'number' && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(invalid(fldPath.child('activeDeadlineSeconds'), s.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)))
  }
  if (String(s.hostname ?? '').length > 0) errs.push(...dns1123Label(String(s.hostname), fldPath.child('hostname')))
  if (String(s.subdomain ?? '').length > 0) errs.push(...dns1123Label(String(s.subdomain), fldPath.child('subdomain')))
  if (Array.isArray(s.tolerations) && s.tolerations.length > 0) errs.push(...validateTolerations(s.tolerations, fldPath.child('tolerations')))
  const pcn = String(s.priorityClassName ?? '')
  if (pcn.length > 0) for (const m of nameIsDNSSubdomain(pcn, false)) errs.push(invalid(fldPath.child('priorityClassName'), pcn, m))
  if (s.preemptionPolicy !== undefined && s.preemptionPolicy !== null) {
    const p = String(s.preemptionPolicy)
    if (p === '') errs.push(required(fldPath.child('preemptionPolicy'), ''))
    else if (p !== 'PreemptLowerPriority' && p !== 'Never') errs.push(notSupported(fldPath.child('preemptionPolicy'), p, ['PreemptLowerPriority', 'Never']))
  }
  return errs
}

/** validatePodMetadataAndSpec: metadata, pod annotations, spec, and the pod-only checks. */
function validatePodMetadataAndSpec(pod: Pod, opts?: PodValidationOptions): FieldError[] {
  const metaPath = newPath('metadata')
  const specPath = newPath('spec')
  const spec = (pod.spec ?? {}) as Obj
  const errs = validateCoreObjectMeta(pod.metadata, true, nameIsDNSSubdomain, metaPath)
  errs.push(...validatePodSpecificAnnotations(pod.metadata?.annotations, pod.spec, metaPath.child('annotations'), opts))
  errs.push(...validatePodSpec(pod.spec, specPath, { ...opts, resourceIsPod: true }))
  if (!spec.serviceAccountName) {
    ;((spec.volumes as Obj[] | undefined) ?? []).forEach((v, vi) => {
      ;((v.projected?.sources as Obj[] | undefined) ?? []).forEach((src, si) => {
        if (src.serviceAccountToken) {
          errs.push(forbidden(specPath.child('volumes').index(vi).child('projected').child('sources').index(si).child('serviceAccountToken'), 'must not be specified when serviceAccountName is not set'))
        }
      })
    })
  }
  for (const list of ['containers', 'initContainers'] as const) {
    ;((spec[list] as Obj[] | undefined) ?? []).forEach((c, i) => {
      const image = String(c.image ?? '')
      if (image.length !== image.trim().length) errs.push(invalid(specPath.child(list).index(i).child('image'), image, 'must not have leading or trailing whitespace'))
    })
  }
  return errs
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: Pod, opts?: PodValidationOptions): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod, opts)
  const spec = (pod.spec ?? {}) as Obj
  const specPath = newPath('spec')
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) {
    errs.push(forbidden(specPath.child('ephemeralContainers'), 'cannot be set on create'))
  }
  if (spec.nodeName && Array.isArray(spec.schedulingGates) && spec.schedulingGates.length !== 0) {
    errs.push(forbidden(specPath.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'))
  }
  return errs
}

/** ValidatePodTemplateSpec: labels (path `<fld>.labels`), annotations, and the spec. */
export function validatePodTemplateSpec(template: { metadata?: ObjectMeta; spec?: PodSpec } | undefined, fldPath: FieldPath, opts?: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = []
  errs.push(...validateLabels(template?.metadata?.labels, fldPath.child('labels')))
  errs.push(...validateAnnotations(template?.metadata?.annotations, fldPath.child('annotations')))
  errs.push(...validatePodSpecificAnnotations(template?.metadata?.annotations, template?.spec, fldPath.child('annotations'), opts))
  errs.push(...validatePodSpec(template?.spec, fldPath.child('spec'), { ...opts, resourceIsPod: false }))
  const eph = (template?.spec as Obj | undefined)?.ephemeralContainers
  if (Array.isArray(eph) && eph.length > 0) errs.push(forbidden(fldPath.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'))
  return errs
}

// ---- update ----

/** The fields ValidatePodUpdate lets change, as its Forbidden message lists them (1.32). */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]

function validateContainerUpdates(newCs: readonly Obj[] | undefined, oldCs: readonly Obj[] | undefined, fldPath: FieldPath): { errs: FieldError[]; stop: boolean } {
  const n = newCs ?? []
  const o = oldCs ?? []
  if (n.length !== o.length) return { errs: [forbidden(fldPath, 'pod updates may not add or remove containers')], stop: true }
  const errs: FieldError[] = []
  n.forEach((c, i) => {
    const image = String(c.image ?? '')
    if (image.length === 0) errs.push(required(fldPath.index(i).child('image'), ''))
    if (image.trim().length !== image.length) errs.push(invalid(fldPath.index(i).child('image'), image, 'must not have leading or trailing whitespace'))
  })
  return { errs, stop: false }
}

/** Semantic.DeepEqual on JSON values, with nil and empty lists/maps told apart as Go does. */
function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical)
  if (v && typeof v === 'object') {
    const out: Obj = {}
    for (const k of Object.keys(v as Obj).sort()) if ((v as Obj)[k] !== undefined) out[k] = canonical((v as Obj)[k])
    return out
  }
  return v
}

function validateOnlyAddedTolerations(newTs: readonly Obj[] | undefined, oldTs: readonly Obj[] | undefined, fldPath: FieldPath): FieldError[] {
  for (const old of oldTs ?? []) {
    const found = (newTs ?? []).some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t))
    if (!found) return [forbidden(fldPath, 'existing toleration can not be modified except its tolerationSeconds')]
  }
  return validateTolerations(newTs, fldPath)
}

function validateOnlyDeletedSchedulingGates(newGates: readonly Obj[] | undefined, oldGates: readonly Obj[] | undefined, fldPath: FieldPath): FieldError[] {
  const old = new Set((oldGates ?? []).map((g) => String(g.name ?? '')))
  const errs: FieldError[] = []
  ;(newGates ?? []).forEach((g, i) => {
    const name = String(g.name ?? '')
    if (!old.has(name)) errs.push(forbidden(fldPath.index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${name}'`))
  })
  return errs
}

/**
 * ValidatePodUpdate: metadata update rules, the new pod's own validity, and that the spec only
 * changed where pods may change (images, activeDeadlineSeconds, added tolerations, deleted
 * scheduling gates, terminationGracePeriodSeconds from negative to 1).
 */
export function validatePodUpdate(newPod: Pod, oldPod: Pod, opts?: PodValidationOptions): FieldError[] {
  const metaPath = newPath('metadata')
  const specPath = newPath('spec')
  const errs = validateCoreObjectMetaUpdate(newPod.metadata, oldPod.metadata, metaPath)
  const oldCostInvalid = oldPod.metadata?.annotations?.[POD_DELETION_COST] !== undefined && !validDeletionCost(oldPod.metadata.annotations[POD_DELETION_COST])
  const updateOpts = { ...opts, allowInvalidPodDeletionCost: opts?.allowInvalidPodDeletionCost ?? oldCostInvalid }
  errs.push(...validatePodMetadataAndSpec(newPod, updateOpts))
  errs.push(...validatePodSpecificAnnotationUpdates(newPod, oldPod, metaPath.child('annotations'), updateOpts))
  const n = (newPod.spec ?? {}) as Obj
  const o = (oldPod.spec ?? {}) as Obj

  let r = validateContainerUpdates(n.containers, o.containers, specPath.child('containers'))
  errs.push(...r.errs)
  if (r.stop) return errs
  r = validateContainerUpdates(n.initContainers, o.initContainers, specPath.child('initContainers'))
  errs.push(...r.errs)
  if (r.stop) return errs

  if (typeof n.activeDeadlineSeconds === 'number') {
    const v = n.activeDeadlineSeconds
    if (v < 0 || v > MAX_INT32) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), v, inclusiveRangeError(0, MAX_INT32)))
      return errs
    }
    if (typeof o.activeDeadlineSeconds === 'number' && o.activeDeadlineSeconds < v) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), v, 'must be less than or equal to previous value'))
      return errs
    }
  } else if (typeof o.activeDeadlineSeconds === 'number') {
    errs.push(invalid(specPath.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'))
  }

  errs.push(...validateOnlyAddedTolerations(n.tolerations, o.tolerations, specPath.child('tolerations')))
  errs.push(...validateOnlyDeletedSchedulingGates(n.schedulingGates, o.schedulingGates, specPath.child('schedulingGates')))

  // The specs as Go sees them: the stored one read back from etcd (empty lists are nil there).
  let newSpec: GoStruct
  let oldSpec: GoStruct
  let diffable = true
  try {
    newSpec = fromJSON(podSpecType, newPod.spec) as GoStruct
    oldSpec = asStored(podSpecType, fromJSON(podSpecType, oldPod.spec)) as GoStruct
  } catch (e) {
    if (!(e instanceof UnsupportedGoValue)) throw e
    // Fields this port cannot model: compare the JSON, and print no diff.
    diffable = false
    newSpec = { json: JSON.stringify(canonical(n)) }
    oldSpec = { json: JSON.stringify(canonical(o)) }
  }
  const equalSpecs = (a: GoStruct, b: GoStruct) => (diffable ? semanticDeepEqual(podSpecType, a, b) : a.json === b.json)
  if (equalSpecs(newSpec, oldSpec)) return errs

  // 1.27-1.32: a spec change that would change the QoS class is reported on its own first.
  if (getPodQOS(oldPod) !== computePodQOS(newPod)) errs.push(invalid(metaPath, newPod.status?.qosClass ?? '', 'Pod QoS is immutable'))

  let munged: GoStruct
  if (diffable) {
    munged = mungePodSpec(newSpec, oldSpec)
    if ((oldSpec.SchedulingGates as readonly GoValue[] | null)?.length) {
      // Gated pods may gain nodeSelector entries, no more (node affinity is not modelled here).
      if (!semanticDeepEqual(podSpecType.fields!.find((fld) => fld.name === 'NodeSelector')!.type, munged.NodeSelector, oldSpec.NodeSelector)) {
        errs.push(...validateNodeSelectorMutation(specPath.child('nodeSelector'), munged.NodeSelector, oldSpec.NodeSelector))
        munged = { ...munged, NodeSelector: oldSpec.NodeSelector }
      }
    }
  } else {
    const m: Obj = deepCopy(n)
    const oldContainers = (o.containers as Obj[] | undefined) ?? []
    if (Array.isArray(m.containers)) m.containers = (m.containers as Obj[]).map((c, i) => ({ ...c, image: oldContainers[i]?.image }))
    const oldInit = (o.initContainers as Obj[] | undefined) ?? []
    if (Array.isArray(m.initContainers)) m.initContainers = (m.initContainers as Obj[]).map((c, i) => ({ ...c, image: oldInit[i]?.image }))
    m.activeDeadlineSeconds = o.activeDeadlineSeconds
    m.schedulingGates = o.schedulingGates
    m.tolerations = o.tolerations
    if (typeof o.terminationGracePeriodSeconds === 'number' && o.terminationGracePeriodSeconds < 0 && m.terminationGracePeriodSeconds === 1) {
      m.terminationGracePeriodSeconds = o.terminationGracePeriodSeconds
    }
    if (Array.isArray(o.schedulingGates) && o.schedulingGates.length > 0) m.nodeSelector = o.nodeSelector
    munged = { json: JSON.stringify(canonical(m)) }
  }
  if (!equalSpecs(munged, oldSpec)) {
    // The message ends with go-cmp's report of old vs munged spec (itself ending in a newline).
    const specDiff = diffable ? cmpDiff(podSpecType, oldSpec, munged) : ''
    errs.push(forbidden(specPath, `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}${diffable ? `\n${specDiff}` : ''}`))
  }
  return errs
}

/**
 * ValidatePodUpdate's munging: images, activeDeadlineSeconds, scheduling gates, tolerations and
 * a negative grace period raised to 1 are taken from the old spec. The containers are rebuilt
 * by appending (so no containers gives a nil list), as upstream's loop does.
 */
function mungePodSpec(newSpec: GoStruct, oldSpec: GoStruct): GoStruct {
  const withOldImages = (list: GoValue, old: GoValue): GoValue => {
    const xs = (list as readonly GoStruct[] | null) ?? []
    const olds = (old as readonly GoStruct[] | null) ?? []
    return xs.length === 0 ? null : xs.map((c, i) => ({ ...c, Image: olds[i]?.Image ?? '' }))
  }
  const munged: Record<string, GoValue> = { ...newSpec }
  munged.Containers = withOldImages(newSpec.Containers, oldSpec.Containers)
  munged.InitContainers = withOldImages(newSpec.InitContainers, oldSpec.InitContainers)
  munged.ActiveDeadlineSeconds = oldSpec.ActiveDeadlineSeconds
  munged.SchedulingGates = oldSpec.SchedulingGates
  munged.Tolerations = oldSpec.Tolerations
  const oldGrace = oldSpec.TerminationGracePeriodSeconds as GoPtr | null
  const newGrace = munged.TerminationGracePeriodSeconds as GoPtr | null
  if (oldGrace && Number(oldGrace.elem) < 0 && newGrace && Number(newGrace.elem) === 1) munged.TerminationGracePeriodSeconds = oldGrace
  return munged
}

/** validateNodeSelectorMutation: a gated pod's nodeSelector may gain entries but not lose or change any. */
function validateNodeSelectorMutation(fldPath: FieldPath, newSel: GoValue, oldSel: GoValue): FieldError[] {
  const n = (newSel as ReadonlyMap<string, GoValue> | null) ?? new Map<string, GoValue>()
  for (const [k, v] of (oldSel as ReadonlyMap<string, GoValue> | null) ?? new Map<string, GoValue>()) {
    if (!n.has(k) || n.get(k) !== v) {
      const shown = Object.fromEntries([...n].map(([key, val]) => [key, String(val)]))
      return [invalid(fldPath, newSel === null ? goRepr('map[string]string(nil)') : goRepr(goStringMap(shown)), 'only additions to spec.nodeSelector are allowed (no mutations or deletions)')]
    }
  }
  return []
}

/**
 * ValidatePodSpecificAnnotationUpdates: the mirror-pod and AppArmor annotations cannot be added,
 * changed or removed; then the new annotations' own rules (ValidatePodSpecificAnnotations).
 */
export function validatePodSpecificAnnotationUpdates(newPod: Pod, oldPod: Pod, fldPath: FieldPath, opts?: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = []
  const n = newPod.metadata?.annotations ?? {}
  const o = oldPod.metadata?.annotations ?? {}
  for (const k of Object.keys(o).sort(compareGoStrings)) {
    if (n[k] !== undefined && n[k] === o[k]) continue
    if (k.startsWith('container.apparmor.security.beta.kubernetes.io/')) errs.push(forbidden(fldPath.key(k), 'may not remove or update AppArmor annotations'))
    if (k === MIRROR_POD_ANNOTATION_KEY) errs.push(forbidden(fldPath.key(k), 'may not remove or update mirror pod annotation'))
  }
  for (const k of Object.keys(n).sort(compareGoStrings)) {
    if (o[k] !== undefined) continue
    if (k.startsWith('container.apparmor.security.beta.kubernetes.io/')) errs.push(forbidden(fldPath.key(k), 'may not add AppArmor annotations'))
    if (k === MIRROR_POD_ANNOTATION_KEY) errs.push(forbidden(fldPath.key(k), 'may not add mirror pod annotation'))
  }
  errs.push(...validatePodSpecificAnnotations(n, newPod.spec, fldPath, opts))
  return errs
}
