// The strategic-merge-patch metadata kubectl apply computes its patches with and the apiserver
// merges them with: for each field on
// the way to a list that merges, the list's patch strategy and merge key.
// Mirrors: k8s.io/apimachinery pkg/util/strategicpatch/meta.go (LookupPatchMeta,
// PatchMetaFromStruct: LookupPatchMetadataForStruct/ForSlice) over the `patchStrategy` and
// `patchMergeKey` struct tags of k8s.io/api v0.32 (the same data OpenAPI serves as
// x-kubernetes-patch-strategy / x-kubernetes-patch-merge-key; meta.test.ts checks it
// against the published OpenAPI document).
// Only the kinds the Podlab apiserver serves are described, and of them only the fields that lead
// to a strategic list: every other field is a plain struct or map (diffed key by key) or an atomic
// list (replaced whole), which is what the Go metadata says for them too.
// Left out: the errors upstream gives for a field its struct does not have ("unable to find api
// field in struct Container for the json field ..."); such a field is treated as a plain one.

/** A field's patch strategies (`merge`, `retainKeys`, `replace`) and the merge key of its list. */
export interface PatchMeta {
  readonly strategies: readonly string[]
  readonly mergeKey: string
}

/** The metadata of one struct type: its named fields; anything else is plain. */
export interface PatchSchema {
  /** The Go type name (what upstream's schema.Name() gives), for error messages. */
  readonly name: string
  readonly fields: Readonly<Record<string, PatchField>>
}

interface PatchField {
  /** The field's type; for a list, the type of its elements. */
  readonly schema?: PatchSchema
  readonly strategy?: string
  readonly mergeKey?: string
}

/** A type without strategic fields: a scalar, a map, or a struct nothing in which merges. */
export const PLAIN_SCHEMA: PatchSchema = { name: '', fields: {} }

const NO_META: PatchMeta = { strategies: [], mergeKey: '' }

/** LookupPatchMetadataForStruct / ForSlice: the field's type and its patch metadata. */
export function lookupPatchMetadata(schema: PatchSchema, key: string): { schema: PatchSchema; meta: PatchMeta } {
  const field = Object.prototype.hasOwnProperty.call(schema.fields, key) ? schema.fields[key] : undefined
  if (!field) return { schema: PLAIN_SCHEMA, meta: NO_META }
  return {
    schema: field.schema ?? PLAIN_SCHEMA,
    meta: { strategies: field.strategy ? field.strategy.split(',') : [], mergeKey: field.mergeKey ?? '' },
  }
}

const struct = (name: string, fields: Record<string, PatchField>): PatchSchema => ({ name, fields })
const merge = (mergeKey: string, schema?: PatchSchema, strategy = 'merge'): PatchField => ({ strategy, mergeKey, schema })
const of = (schema: PatchSchema): PatchField => ({ schema })

const OBJECT_META = struct('ObjectMeta', {
  finalizers: merge(''),
  ownerReferences: merge('uid'),
})

const CONTAINER_FIELDS = {
  ports: merge('containerPort'),
  env: merge('name'),
  volumeMounts: merge('mountPath'),
  volumeDevices: merge('devicePath'),
}
const CONTAINER = struct('Container', CONTAINER_FIELDS)
const EPHEMERAL_CONTAINER = struct('EphemeralContainer', CONTAINER_FIELDS)

// An ephemeral volume's claim template carries an ObjectMeta of its own.
const VOLUME = struct('Volume', {
  ephemeral: of(struct('EphemeralVolumeSource', { volumeClaimTemplate: of(struct('PersistentVolumeClaimTemplate', { metadata: of(OBJECT_META) })) })),
})

const POD_SPEC = struct('PodSpec', {
  volumes: merge('name', VOLUME, 'merge,retainKeys'),
  initContainers: merge('name', CONTAINER),
  containers: merge('name', CONTAINER),
  ephemeralContainers: merge('name', EPHEMERAL_CONTAINER),
  imagePullSecrets: merge('name'),
  hostAliases: merge('ip'),
  topologySpreadConstraints: merge('topologyKey'),
  schedulingGates: merge('name'),
  resourceClaims: merge('name', undefined, 'merge,retainKeys'),
})

const CONTAINER_STATUS = struct('ContainerStatus', {
  allocatedResourcesStatus: merge('name'),
  volumeMounts: merge('mountPath'),
})

const POD_STATUS = struct('PodStatus', {
  conditions: merge('type'),
  hostIPs: merge('ip'),
  podIPs: merge('ip'),
  resourceClaimStatuses: merge('name', undefined, 'merge,retainKeys'),
  // Atomic lists, but their element type is known (nothing merges through them).
  containerStatuses: of(CONTAINER_STATUS),
  initContainerStatuses: of(CONTAINER_STATUS),
  ephemeralContainerStatuses: of(CONTAINER_STATUS),
})

const POD_TEMPLATE_SPEC = struct('PodTemplateSpec', { metadata: of(OBJECT_META), spec: of(POD_SPEC) })

const conditionsStatus = (name: string) => struct(name, { conditions: merge('type') })

const kind = (name: string, fields: Record<string, PatchField> = {}): PatchSchema => struct(name, { metadata: of(OBJECT_META), ...fields })

/** The schema of each kind, by `group/version` + kind (core kinds: `v1` + kind). */
const KINDS: Record<string, PatchSchema> = {
  'v1/Pod': kind('Pod', { spec: of(POD_SPEC), status: of(POD_STATUS) }),
  'v1/Namespace': kind('Namespace', { status: of(conditionsStatus('NamespaceStatus')) }),
  'v1/Service': kind('Service', {
    spec: of(struct('ServiceSpec', { ports: merge('port') })),
    status: of(conditionsStatus('ServiceStatus')),
  }),
  'v1/Node': kind('Node', {
    spec: of(struct('NodeSpec', { podCIDRs: merge('') })),
    status: of(struct('NodeStatus', { addresses: merge('type'), conditions: merge('type') })),
  }),
  'v1/ServiceAccount': kind('ServiceAccount', { secrets: merge('name') }),
  'v1/ConfigMap': kind('ConfigMap'),
  'v1/Secret': kind('Secret'),
  'v1/Endpoints': kind('Endpoints'),
  'v1/Event': kind('Event'),
  'v1/Binding': kind('Binding'),
  'apps/v1/Deployment': kind('Deployment', {
    spec: of(struct('DeploymentSpec', { template: of(POD_TEMPLATE_SPEC), strategy: { strategy: 'retainKeys' } })),
    status: of(conditionsStatus('DeploymentStatus')),
  }),
  'apps/v1/ReplicaSet': kind('ReplicaSet', {
    spec: of(struct('ReplicaSetSpec', { template: of(POD_TEMPLATE_SPEC) })),
    status: of(conditionsStatus('ReplicaSetStatus')),
  }),
  'apps/v1/DaemonSet': kind('DaemonSet', {
    spec: of(struct('DaemonSetSpec', { template: of(POD_TEMPLATE_SPEC) })),
    status: of(conditionsStatus('DaemonSetStatus')),
  }),
  'coordination.k8s.io/v1/Lease': kind('Lease'),
  'discovery.k8s.io/v1/EndpointSlice': kind('EndpointSlice'),
}

/**
 * The patch metadata of a kind. Every kind the Podlab apiserver serves is one kubectl has compiled
 * in (scheme.Scheme.New succeeds), so kubectl always computes a strategic merge patch for it;
 * kinds without a strategic list past their metadata need only ObjectMeta's.
 */
export function patchSchemaFor(apiVersion: string, kindName: string): PatchSchema {
  return KINDS[`${apiVersion}/${kindName}`] ?? kind(kindName)
}
