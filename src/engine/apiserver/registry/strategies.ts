// Per-resource behaviour of the generic registry: the defaults applied when a request body is
// decoded, what the server sets on create, what an update may change, how deletion is graceful,
// what is validated, and the canonical form stored. Mirrors the strategy.go of each
// pkg/registry/<group>/<resource> in kubernetes/kubernetes, wrapped in what
// k8s.io/apiserver pkg/registry/rest (BeforeCreate, BeforeUpdate) does for every resource.

import { deepCopy } from '../../api/deepCopy'
import type { Rng } from '../../clock/random'
import type { ConfigMap, Event, KubeObject, Namespace, Service } from '../../api/types'
import { findByResource } from '../../api/resources'
import { newPath, type FieldError } from '../../api/validation/field'
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../../api/validation/objectMeta'
import { validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate, type Secret } from '../../api/validation/configMap'
import { validateEvent } from '../../api/validation/event'
import { validateNamespace, validateNamespaceStatusUpdate, validateNamespaceUpdate } from '../../api/validation/namespace'
import { setDefaultsSecret } from '../../api/defaults/secret'
import { canonicalizeNamespace, prepareNamespaceForCreate, prepareNamespaceForUpdate, setDefaultsNamespace } from '../../api/defaults/namespace'
import { nameFuncFor, validateCommonFields, validateObjectMetaAccessor } from './metaValidation'
import { podStrategy } from './podStrategy'
import { replaceObject } from './replaceObject'

export interface StrategyContext {
  now: number
  rng: Rng
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined
  list(resource: string, namespace: string | undefined): KubeObject[]
}

export interface Strategy {
  /** Objects of this kind carry metadata.generation, bumped on spec changes. */
  hasGeneration?: boolean
  /** false for kinds without a status (ConfigMap, Event, ...): updates keep what is sent. */
  hasStatus?: boolean
  /** The scheme's defaulting, run on every decoded request body (create, update, patch result). */
  setDefaults?(obj: KubeObject): void
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void
  validate?(obj: KubeObject, ctx: StrategyContext): FieldError[]
  /** After validation passed, before the object is stored (create and update). */
  canonicalize?(obj: KubeObject): void
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[]
  /** The status subresource: take status from the request, everything else from the stored object. */
  prepareForStatusUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void
  /** The status subresource's ValidateUpdate. */
  validateStatusUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[]
  /** Seconds of graceful deletion (0: delete at once). */
  gracePeriod?(obj: KubeObject, requested: number | undefined, ctx: StrategyContext): number
  /** True when deleting must wait for a controller to finalize (namespaces). */
  finalizeOnDelete?(obj: KubeObject): boolean
  prepareForDelete?(obj: KubeObject, ctx: StrategyContext): void
  /** false when an object with a deletionTimestamp and no finalizers must still wait (namespace spec.finalizers). */
  deleteWhenFinalized?: boolean
  afterCreate?(obj: KubeObject, ctx: StrategyContext, scheduleDelete: (namespace: string | undefined, name: string, afterMs: number) => void): void
  returnDeletedObject?: boolean
}

type Meta = NonNullable<KubeObject['metadata']>

/** An unconditional update (no resourceVersion sent) is validated as if it named the stored one. */
function withStoredResourceVersion(obj: KubeObject, old: KubeObject): void {
  const meta = obj.metadata as Meta
  if (!meta.resourceVersion && old.metadata?.resourceVersion) meta.resourceVersion = old.metadata.resourceVersion
}

/**
 * Wrap a resource's strategy in the generic registry's metadata handling:
 * - create (BeforeCreate): the strategy's Validate (for kinds without their own port, core's
 *   ValidateObjectMeta with the kind's name rule), then, only if that found nothing, the generic
 *   ObjectMeta check with path-segment names;
 * - update (BeforeUpdate): validateCommonFields, then the strategy's ValidateUpdate (or core's
 *   ValidateObjectMetaUpdate plus ValidateObjectMeta of the new object, which is what the simple
 *   kinds' ValidateXUpdate functions amount to);
 * - status updates: validateCommonFields, then the strategy's status ValidateUpdate.
 */
function registryStrategy(resource: string, s: Strategy): Strategy {
  const namespaced = findByResource(resource)?.namespaced ?? true
  const nameFn = nameFuncFor(resource)
  const ownValidate = (obj: KubeObject, ctx: StrategyContext): FieldError[] => {
    if (s.validate) return s.validate(obj, ctx)
    return nameFn ? validateCoreObjectMeta(obj.metadata, namespaced, nameFn, newPath('metadata')) : []
  }
  const ownValidateUpdate = (obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[] => {
    if (s.validateUpdate) return s.validateUpdate(obj, old, ctx)
    if (!nameFn) return []
    return [...validateCoreObjectMetaUpdate(obj.metadata, old.metadata), ...validateCoreObjectMeta(obj.metadata, namespaced, nameFn)]
  }
  return {
    ...s,
    validate(obj, ctx) {
      const errs = ownValidate(obj, ctx)
      return errs.length > 0 ? errs : validateObjectMetaAccessor(obj.metadata, namespaced)
    },
    validateUpdate(obj, old, ctx) {
      withStoredResourceVersion(obj, old)
      return [...validateCommonFields(obj.metadata, old.metadata, namespaced), ...ownValidateUpdate(obj, old, ctx)]
    },
    validateStatusUpdate(obj, old, ctx) {
      withStoredResourceVersion(obj, old)
      return [...validateCommonFields(obj.metadata, old.metadata, namespaced), ...(s.validateStatusUpdate?.(obj, old, ctx) ?? [])]
    },
  }
}

/** Controllers' objects (apps, batch): status starts empty, generation tracks spec changes. */
const workloadStrategy: Strategy = {
  hasGeneration: true,
  prepareForCreate(obj) {
    obj.status = {}
  },
  prepareForUpdate(obj, old) {
    obj.status = deepCopy(old.status)
  },
}

/** pkg/registry/core/namespace/strategy.go with the defaults of SetDefaults_Namespace. */
const namespaceStrategy: Strategy = {
  setDefaults(obj) {
    replaceObject(obj, setDefaultsNamespace(obj as Namespace))
  },
  prepareForCreate(obj) {
    replaceObject(obj, prepareNamespaceForCreate(obj as Namespace))
  },
  validate(obj) {
    return validateNamespace(obj as Namespace)
  },
  canonicalize(obj) {
    replaceObject(obj, canonicalizeNamespace(obj as Namespace))
  },
  prepareForUpdate(obj, old) {
    replaceObject(obj, prepareNamespaceForUpdate(obj as Namespace, old as Namespace))
  },
  validateUpdate(obj, old) {
    return validateNamespaceUpdate(obj as Namespace, old as Namespace)
  },
  validateStatusUpdate(obj, old) {
    return validateNamespaceStatusUpdate(obj as Namespace, old as Namespace)
  },
  finalizeOnDelete(obj) {
    return ((obj as Namespace).spec?.finalizers ?? []).length > 0
  },
  prepareForDelete(obj) {
    // Namespaces are not graceful: the deletion timestamp is now and the phase turns Terminating.
    const ns = obj as Namespace
    ns.metadata!.deletionGracePeriodSeconds = 0
    ns.status = { ...(ns.status ?? {}), phase: 'Terminating' }
  },
  deleteWhenFinalized: true,
}

const eventStrategy: Strategy = {
  hasStatus: false,
  validate(obj) {
    return validateEvent(obj as Event)
  },
  validateUpdate(obj) {
    return validateEvent(obj as Event)
  },
  afterCreate(obj, _ctx, scheduleDelete) {
    // The apiserver stores events with an etcd lease of --event-ttl (1h by default).
    scheduleDelete(obj.metadata!.namespace, obj.metadata!.name!, 60 * 60 * 1000)
  },
}

const plainStrategy: Strategy = { hasStatus: false }

/** pkg/registry/core/configmap/strategy.go. */
const configMapStrategy: Strategy = {
  hasStatus: false,
  validate: (obj) => validateConfigMap(obj as ConfigMap),
  validateUpdate: (obj, old) => validateConfigMapUpdate(obj as ConfigMap, old as ConfigMap),
}

/** pkg/registry/core/secret/strategy.go, with SetDefaults_Secret and the stringData conversion. */
const secretStrategy: Strategy = {
  hasStatus: false,
  setDefaults: (obj) => replaceObject(obj, setDefaultsSecret(obj as Secret)),
  validate: (obj) => validateSecret(obj as Secret),
  validateUpdate: (obj, old) => validateSecretUpdate(obj as Secret, old as Secret),
}

const serviceStrategy: Strategy = {
  prepareForCreate(obj, ctx) {
    const svc = obj as Service
    svc.status = { loadBalancer: {} }
    const spec = (svc.spec = svc.spec ?? {})
    spec.type = spec.type ?? 'ClusterIP'
    spec.sessionAffinity = spec.sessionAffinity ?? 'None'
    if (spec.type !== 'ExternalName') {
      if (!spec.clusterIP) spec.clusterIP = allocateClusterIP(ctx)
      spec.clusterIPs = [spec.clusterIP]
      spec.ipFamilies = spec.ipFamilies ?? ['IPv4']
      spec.ipFamilyPolicy = spec.ipFamilyPolicy ?? 'SingleStack'
      spec.internalTrafficPolicy = spec.internalTrafficPolicy ?? 'Cluster'
    }
    for (const p of spec.ports ?? []) {
      p.protocol = p.protocol ?? 'TCP'
      if (p.targetPort === undefined) p.targetPort = p.port
    }
  },
  prepareForUpdate(obj, old) {
    obj.status = deepCopy(old.status)
  },
}

/** The service CIDR of kind and kubeadm: 10.96.0.0/12; .1 is the kubernetes service, .10 kube-dns. */
function allocateClusterIP(ctx: StrategyContext): string {
  const used = new Set(ctx.list('services', undefined).map((s) => (s as Service).spec?.clusterIP))
  for (;;) {
    const n = 11 + ctx.rng.int(65000)
    const ip = `10.96.${n >> 8}.${n & 255}`
    if (!used.has(ip)) return ip
  }
}

const STRATEGIES: Record<string, Strategy> = {
  pods: registryStrategy('pods', podStrategy),
  namespaces: registryStrategy('namespaces', namespaceStrategy),
  nodes: registryStrategy('nodes', {}),
  events: registryStrategy('events', eventStrategy),
  configmaps: registryStrategy('configmaps', configMapStrategy),
  secrets: registryStrategy('secrets', secretStrategy),
  serviceaccounts: registryStrategy('serviceaccounts', plainStrategy),
  endpoints: registryStrategy('endpoints', plainStrategy),
  endpointslices: registryStrategy('endpointslices', plainStrategy),
  leases: registryStrategy('leases', plainStrategy),
  services: registryStrategy('services', serviceStrategy),
  deployments: registryStrategy('deployments', workloadStrategy),
  replicasets: registryStrategy('replicasets', workloadStrategy),
  daemonsets: registryStrategy('daemonsets', workloadStrategy),
}

export function strategyFor(resource: string): Strategy {
  return STRATEGIES[resource] ?? registryStrategy(resource, {})
}
