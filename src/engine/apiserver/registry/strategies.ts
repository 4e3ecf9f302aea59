// Per-resource behaviour of the generic registry: what the server sets on create, what an
// update may change, how deletion is graceful, what is validated. Mirrors the strategy.go of
// each pkg/registry/<group>/<resource> in kubernetes/kubernetes.

import { deepCopy } from '../../api/deepCopy'
import type { Rng } from '../../clock/random'
import type { KubeObject, Namespace, Service } from '../../api/types'
import type { FieldError } from '../../api/validation/field'
import { validateObjectMetaCreate, validateObjectMetaUpdate } from './metaValidation'
import { podStrategy } from './podStrategy'

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
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void
  validate?(obj: KubeObject, ctx: StrategyContext): FieldError[]
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[]
  /** The status subresource: take status from the request, everything else from the stored object. */
  prepareForStatusUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void
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

/** Fields every strategy validates: object metadata (names, labels, annotations). */
function withMeta(s: Strategy, namespaced: boolean): Strategy {
  return {
    ...s,
    validate: (obj, ctx) => [...validateObjectMetaCreate(obj.metadata as Meta, namespaced), ...(s.validate?.(obj, ctx) ?? [])],
    validateUpdate: (obj, old, ctx) => [
      ...validateObjectMetaUpdate(obj.metadata as Meta, old.metadata as Meta, namespaced),
      ...(s.validateUpdate?.(obj, old, ctx) ?? []),
    ],
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

const namespaceStrategy: Strategy = {
  prepareForCreate(obj) {
    const ns = obj as Namespace
    ns.spec = { finalizers: ['kubernetes'] }
    ns.status = { phase: 'Active' }
    ns.metadata!.labels = { ...(ns.metadata!.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata!.name! }
  },
  prepareForUpdate(obj, old) {
    const ns = obj as Namespace
    ns.spec = deepCopy((old as Namespace).spec)
    ns.status = deepCopy((old as Namespace).status)
    ns.metadata!.labels = { ...(ns.metadata!.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata!.name! }
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
  afterCreate(obj, _ctx, scheduleDelete) {
    // The apiserver stores events with an etcd lease of --event-ttl (1h by default).
    scheduleDelete(obj.metadata!.namespace, obj.metadata!.name!, 60 * 60 * 1000)
  },
}

const plainStrategy: Strategy = { hasStatus: false }

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
  pods: withMeta(podStrategy, true),
  namespaces: withMeta(namespaceStrategy, false),
  nodes: withMeta({}, false),
  events: withMeta(eventStrategy, true),
  configmaps: withMeta(plainStrategy, true),
  secrets: withMeta(plainStrategy, true),
  serviceaccounts: withMeta(plainStrategy, true),
  endpoints: withMeta(plainStrategy, true),
  endpointslices: withMeta(plainStrategy, true),
  leases: withMeta(plainStrategy, true),
  services: withMeta(serviceStrategy, true),
  deployments: withMeta(workloadStrategy, true),
  replicasets: withMeta(workloadStrategy, true),
  daemonsets: withMeta(workloadStrategy, true),
}

export function strategyFor(resource: string): Strategy {
  return STRATEGIES[resource] ?? withMeta({}, true)
}

