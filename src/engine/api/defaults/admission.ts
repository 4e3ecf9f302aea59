// The mutating admission plugins that shape every Pod a 1.32 cluster stores, as pure functions:
// ServiceAccount (serviceAccountName default and the projected kube-api-access-xxxxx volume
// mounted into every container), DefaultTolerationSeconds (not-ready/unreachable for 300 s) and
// Priority (priority 0 and preemptionPolicy PreemptLowerPriority without a PriorityClass).
// Mirrors: kubernetes plugin/pkg/admission/serviceaccount/admission.go (Admit,
// mountServiceAccountToken, TokenVolumeSource, shouldAutomount, getServiceAccount's NotFound),
// plugin/pkg/admission/defaulttolerationseconds/admission.go and
// plugin/pkg/admission/priority/admission.go (admitPod, getDefaultPriority), and
// plugin/pkg/admission/runtimeclass/admission.go (prepareObjects' NotFound),
// pkg/api/pod/util.go (VisitPodSecretNames) and
// staging/src/k8s.io/apiserver/pkg/admission/errors.go (NewForbidden, extractResourceName).
// The random volume-name suffix (upstream names.SimpleNameGenerator) is a parameter.
// Left out: enforce-mountable-secrets, the ServiceAccount plugin's retry loop (a lookup here is
// immediate), RuntimeClass overhead/scheduling (no RuntimeClass objects exist here).

import type { Pod, ServiceAccount, Status, Toleration } from '../types'
import { newForbidden, newNotFound } from '../errors'
import { goQuote } from '../validation/field'
import { deepCopy } from '../deepCopy'
import { orderPod } from './pod'

type Obj = Record<string, unknown>

export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default'
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access'
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: 1 h + 7 s. */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 3607
export const MIRROR_POD_ANNOTATION_KEY = 'kubernetes.io/config.mirror'

/** The outcome of an admission plugin: the (possibly mutated) pod, or the Status it rejects with. */
export type AdmitResult = { pod: Pod } | { status: Status }

const clone = <T>(v: T): T => deepCopy(v) as T

/**
 * admission.NewForbidden for a pod: `pods "x" is forbidden: <err>`. extractResourceName names the
 * object by its name, else its generateName (admission runs before the name is generated), else
 * "Unknown".
 */
function forbiddenPod(pod: Pod, err: string): Status {
  const name = pod.metadata?.name || pod.metadata?.generateName || 'Unknown'
  return newForbidden({ group: '', resource: 'pods' }, name, err)
}

/** VisitPodSecretNames: whether the pod references any Secret (pull secrets, env, volumes). */
function referencesSecrets(pod: Pod): boolean {
  const spec = (pod.spec ?? {}) as Obj
  if (((spec.imagePullSecrets as Obj[] | undefined) ?? []).length > 0) return true
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of (spec[list] as Obj[] | undefined) ?? []) {
      if (((c.envFrom as Obj[] | undefined) ?? []).some((e) => e.secretRef)) return true
      if (((c.env as Obj[] | undefined) ?? []).some((e) => (e.valueFrom as Obj | undefined)?.secretKeyRef)) return true
    }
  }
  for (const v of (spec.volumes as Obj[] | undefined) ?? []) {
    const src = (key: string) => v[key] as Obj | undefined
    if (src('azureFile')) {
      if (String(src('azureFile')!.secretName ?? '').length > 0) return true
    } else if (src('projected')) {
      if (((src('projected')!.sources as Obj[] | undefined) ?? []).some((p) => p.secret)) return true
    } else if (src('secret')) return true
    else if (src('csi')) {
      if (src('csi')!.nodePublishSecretRef) return true
    } else {
      for (const k of ['cephfs', 'cinder', 'flexVolume', 'rbd', 'scaleIO', 'iscsi', 'storageos']) if (src(k)?.secretRef) return true
    }
  }
  return false
}

/** The ServiceAccount plugin's Validate for mirror (static) pods: no SA, no secrets, no tokens. */
function validateMirrorPod(pod: Pod): Status | undefined {
  if (pod.spec?.serviceAccountName) return forbiddenPod(pod, 'a mirror pod may not reference service accounts')
  if (referencesSecrets(pod)) return forbiddenPod(pod, 'a mirror pod may not reference secrets')
  for (const v of pod.spec?.volumes ?? []) {
    if ((v.projected?.sources ?? []).some((p) => p.serviceAccountToken)) return forbiddenPod(pod, 'a mirror pod may not use ServiceAccountToken volume projections')
  }
  return undefined
}

/** TokenVolumeSource: the projected source of kube-api-access-xxxxx (defaultMode set explicitly, #104464). */
export function tokenVolumeSource(): Obj {
  return {
    sources: [
      { serviceAccountToken: { expirationSeconds: WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
    defaultMode: 420,
  }
}

/** shouldAutomount: the pod's automountServiceAccountToken wins, then the ServiceAccount's, else true. */
function shouldAutomount(sa: ServiceAccount, pod: Pod): boolean {
  if (pod.spec?.automountServiceAccountToken !== undefined && pod.spec.automountServiceAccountToken !== null) {
    return pod.spec.automountServiceAccountToken
  }
  if (sa.automountServiceAccountToken !== undefined && sa.automountServiceAccountToken !== null) return sa.automountServiceAccountToken
  return true
}

/** mountServiceAccountToken, on a copy's spec. */
function mountServiceAccountToken(spec: Obj, suffix: string): void {
  const volumes = (spec.volumes as Obj[] | undefined) ?? []
  let tokenVolumeName = ''
  let hasTokenVolume = false
  for (const v of volumes) {
    if (String(v.name ?? '').startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`)) {
      tokenVolumeName = String(v.name)
      hasTokenVolume = true
      break
    }
  }
  if (tokenVolumeName.length === 0) tokenVolumeName = `${SERVICE_ACCOUNT_VOLUME_NAME}-${suffix}`
  let needsTokenVolume = false
  for (const list of ['initContainers', 'containers'] as const) {
    for (const c of (spec[list] as Obj[] | undefined) ?? []) {
      const mounts = (c.volumeMounts as Obj[] | undefined) ?? []
      // An existing mount at the default path prevents mounting the API token.
      if (mounts.some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue
      c.volumeMounts = [...mounts, { name: tokenVolumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH }]
      needsTokenVolume = true
    }
  }
  if (!hasTokenVolume && needsTokenVolume) spec.volumes = [...volumes, { name: tokenVolumeName, projected: tokenVolumeSource() }]
}

export interface ServiceAccountAdmissionInput {
  /** The request's namespace. */
  namespace: string
  /** The ServiceAccount named by the pod (after defaulting to "default"), if it exists. */
  serviceAccount: ServiceAccount | undefined
  /** 5 random characters for the volume name (names.SimpleNameGenerator alphabet). */
  suffix: string
  /** --service-account-... MountServiceAccountToken; true on every real cluster. */
  mountServiceAccountToken?: boolean
}

/**
 * The ServiceAccount plugin's Admit on pod create. Mirror pods are left alone. A missing
 * ServiceAccount is rejected as upstream does:
 * `pods "x" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found`.
 */
export function admitServiceAccount(pod: Pod, input: ServiceAccountAdmissionInput): AdmitResult {
  if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION_KEY] !== undefined) {
    // Mirror pods are not mutated (the kubelet would see a different spec and delete them), only checked.
    const rejected = validateMirrorPod(pod)
    return rejected ? { status: rejected } : { pod }
  }
  const p = clone(pod)
  const spec = ((p.spec as Obj | undefined) ?? {}) as Obj
  if (!spec.serviceAccountName) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT_NAME
  const saName = String(spec.serviceAccountName)
  const sa = input.serviceAccount
  if (!sa || sa.metadata?.name !== saName) {
    const notFound = newNotFound({ group: '', resource: 'serviceaccount' }, saName).message
    return { status: forbiddenPod(pod, `error looking up service account ${input.namespace}/${saName}: ${notFound}`) }
  }
  // The v1 field serviceAccount is the deprecated twin of serviceAccountName; conversion from the
  // internal type fills it on the way out.
  spec.serviceAccount = saName
  if ((input.mountServiceAccountToken ?? true) && shouldAutomount(sa, p)) mountServiceAccountToken(spec, input.suffix)
  const pullSecrets = (spec.imagePullSecrets as Obj[] | undefined) ?? []
  if (pullSecrets.length === 0 && (sa.imagePullSecrets ?? []).length > 0) {
    spec.imagePullSecrets = (sa.imagePullSecrets ?? []).map((s) => ({ name: s.name }))
  }
  p.spec = spec as Pod['spec']
  return { pod: orderPod(p as unknown as Obj) as unknown as Pod }
}

// ---- DefaultTolerationSeconds ----

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready'
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable'
export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300

/**
 * DefaultTolerationSeconds on pod create and update: adds
 * `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s` and the same for unreachable,
 * unless a toleration already covers them (same or empty key, NoExecute or empty effect).
 */
export function admitDefaultTolerationSeconds(
  pod: Pod,
  notReadySeconds = DEFAULT_NOT_READY_TOLERATION_SECONDS,
  unreachableSeconds = DEFAULT_UNREACHABLE_TOLERATION_SECONDS,
): Pod {
  const tolerations = pod.spec?.tolerations ?? []
  let toleratesNotReady = false
  let toleratesUnreachable = false
  for (const t of tolerations) {
    const noExecute = t.effect === 'NoExecute' || !t.effect
    if ((t.key === TAINT_NODE_NOT_READY || !t.key) && noExecute) toleratesNotReady = true
    if ((t.key === TAINT_NODE_UNREACHABLE || !t.key) && noExecute) toleratesUnreachable = true
  }
  if (toleratesNotReady && toleratesUnreachable) return pod
  const added: Toleration[] = []
  if (!toleratesNotReady) added.push({ key: TAINT_NODE_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: notReadySeconds })
  if (!toleratesUnreachable) added.push({ key: TAINT_NODE_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: unreachableSeconds })
  const p = clone(pod)
  p.spec = { ...(p.spec as NonNullable<Pod['spec']>), tolerations: [...tolerations.map((t) => clone(t)), ...added] }
  return orderPod(p as unknown as Obj) as unknown as Pod
}

// ---- Priority ----

/** The fields of a scheduling.k8s.io/v1 PriorityClass the plugin reads. */
export interface PriorityClassLike {
  metadata?: { name?: string }
  value: number
  globalDefault?: boolean
  preemptionPolicy?: string
}

/** The PriorityClasses every cluster has (created by the apiserver's scheduling bootstrap). */
export const SYSTEM_PRIORITY_CLASSES: readonly PriorityClassLike[] = Object.freeze([
  { metadata: { name: 'system-node-critical' }, value: 2000001000, preemptionPolicy: 'PreemptLowerPriority' },
  { metadata: { name: 'system-cluster-critical' }, value: 2000000000, preemptionPolicy: 'PreemptLowerPriority' },
])

/**
 * The Priority plugin on pod create: resolve priorityClassName (or the global default, lowest
 * value first; none gives priority 0 and PreemptLowerPriority) and reject a mismatching
 * priority/preemptionPolicy given in the spec.
 */
export function admitPriority(pod: Pod, priorityClasses: readonly PriorityClassLike[]): AdmitResult {
  const spec = (pod.spec ?? {}) as NonNullable<Pod['spec']>
  let priority: number
  let preemptionPolicy: string | undefined
  let className = spec.priorityClassName ?? ''
  if (className.length === 0) {
    let def: PriorityClassLike | undefined
    for (const pc of priorityClasses) if (pc.globalDefault && (!def || def.value > pc.value)) def = pc
    if (def) {
      className = def.metadata?.name ?? ''
      priority = def.value
      preemptionPolicy = def.preemptionPolicy
    } else {
      priority = 0
      preemptionPolicy = 'PreemptLowerPriority'
    }
  } else {
    const pc = priorityClasses.find((c) => c.metadata?.name === className)
    if (!pc) return { status: forbiddenPod(pod, `no PriorityClass with name ${className} was found`) }
    priority = pc.value
    preemptionPolicy = pc.preemptionPolicy
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    return {
      status: forbiddenPod(
        pod,
        `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
      ),
    }
  }
  const p = clone(pod)
  const s = { ...(p.spec as NonNullable<Pod['spec']>) }
  if (className.length > 0) s.priorityClassName = className
  s.priority = priority
  if (preemptionPolicy !== undefined) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== preemptionPolicy) {
      return {
        status: forbiddenPod(
          pod,
          `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`,
        ),
      }
    }
    s.preemptionPolicy = preemptionPolicy
  }
  p.spec = s
  return { pod: orderPod(p as unknown as Obj) as unknown as Pod }
}

/** The Priority plugin on pod update: a priority/preemptionPolicy dropped by the client is kept. */
export function admitPriorityUpdate(pod: Pod, oldPod: Pod): Pod {
  const spec = (pod.spec ?? {}) as NonNullable<Pod['spec']>
  const old = (oldPod.spec ?? {}) as NonNullable<Pod['spec']>
  const keepPriority = (spec.priority === undefined || spec.priority === null) && old.priority !== undefined && old.priority !== null
  const keepPolicy = !spec.preemptionPolicy && !!old.preemptionPolicy
  if (!keepPriority && !keepPolicy) return pod
  const p = clone(pod)
  const s = { ...(p.spec as NonNullable<Pod['spec']>) }
  if (keepPriority) s.priority = old.priority
  if (keepPolicy) s.preemptionPolicy = old.preemptionPolicy
  p.spec = s
  return orderPod(p as unknown as Obj) as unknown as Pod
}

// ---- RuntimeClass ----

/**
 * The RuntimeClass plugin on pod create: a pod naming a RuntimeClass that does not exist is
 * rejected (`pod rejected: RuntimeClass "gvisor" not found`). Found classes' overhead and
 * scheduling are not modelled: no RuntimeClass objects exist in this cluster.
 */
export function admitRuntimeClass(pod: Pod, runtimeClassNames: readonly string[]): AdmitResult {
  const name = pod.spec?.runtimeClassName
  if (name === undefined || name === null) return { pod }
  if (runtimeClassNames.includes(name)) return { pod }
  return { status: forbiddenPod(pod, `pod rejected: RuntimeClass ${goQuote(name)} not found`) }
}
