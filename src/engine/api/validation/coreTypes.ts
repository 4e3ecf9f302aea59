// The internal (unversioned) core.PodSpec of Kubernetes 1.32 as Go reflection sees it: every
// struct with its Go field names in declaration order, pointers, named types and the few
// methods that change how go-cmp compares or prints (resource.Quantity's Equal,
// core.ResourceName's and *v1.LabelSelector's String), plus decoding from the v1 JSON the
// apiserver stores, through the v1 -> internal conversion (hostNetwork & co. move into the
// pod securityContext, serviceAccount is an alias of serviceAccountName, quantities and
// int-or-strings become their Go structs).
// Mirrors: kubernetes pkg/apis/core/types.go at v1.32 (PodSpec, Container, Volume and the volume
// sources, probes, security contexts, affinity, ...), pkg/apis/core/v1/conversion.go
// (Convert_v1_PodSpec_To_core_PodSpec), k8s.io/apimachinery pkg/api/resource (Quantity,
// int64Amount, infDecAmount), pkg/util/intstr (IntOrString), and the gogo String() of
// metav1.LabelSelector in pkg/apis/meta/v1/generated.pb.go.
// Left out (decoding throws UnsupportedGoValue): ephemeral volumes (their PVC template embeds
// ObjectMeta) and quantities too large for an int64 (upstream keeps those as inf.Dec).

import { cmpQuantity, parseQuantity, quantityString, ZERO_QUANTITY, type Quantity } from '../quantity'
import {
  UnsupportedGoValue,
  fromJSON,
  goBool,
  goInt32,
  goInt64,
  goString,
  mapOf,
  namedInt,
  namedString,
  ptrTo,
  sliceOf,
  struct,
  type GoField,
  type GoStruct,
  type GoType,
  type GoValue,
} from './goValue'

const f = (name: string, json: string | undefined, type: GoType): GoField => ({ name, json, type })
/** An embedded struct: its fields are inlined in the JSON object. */
const embed = (type: GoType): GoField => ({ name: type.name!.split('.')[1], type })

const core = (name: string) => namedString(`core.${name}`)
const pStr = ptrTo(goString)
const pBool = ptrTo(goBool)
const pI32 = ptrTo(goInt32)
const pI64 = ptrTo(goInt64)
const strings = sliceOf(goString)
const stringMap = mapOf(goString, goString)

// ---- resource.Quantity ----

const QUANTITY = Symbol('quantity')
type QuantityValue = GoStruct & { [QUANTITY]?: Quantity }

const MAX_INT64 = (1n << 63n) - 1n
const MIN_INT64 = -(1n << 63n)

const int64Amount = struct('resource.int64Amount', [f('value', undefined, goInt64), f('scale', undefined, namedInt('int32', 'resource.Scale'))])
const infDecAmount = struct('resource.infDecAmount', [f('Dec', undefined, ptrTo(struct('inf.Dec', [])))])

/**
 * ParseQuantity's int64 fast path, as the stored form comes back from etcd: {value, scale} and
 * the cached string when the input was canonical. Quantities outside it are left out.
 */
function quantityStruct(q: Quantity): QuantityValue {
  if (q.unscaled > MAX_INT64 || q.unscaled < MIN_INT64 || q.exp < -9) throw new UnsupportedGoValue('inf.Dec quantity')
  const value = q.unscaled >= BigInt(Number.MIN_SAFE_INTEGER) && q.unscaled <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(q.unscaled) : q.unscaled
  const v: QuantityValue = { i: { value, scale: q.exp }, d: { Dec: null }, s: q.s ?? '', Format: q.format }
  Object.defineProperty(v, QUANTITY, { value: q, enumerable: false })
  return v
}

function quantityOfValue(v: GoValue): Quantity {
  return (v as QuantityValue)[QUANTITY] ?? ZERO_QUANTITY
}

export const quantityType: GoType = struct(
  'resource.Quantity',
  [f('i', undefined, int64Amount), f('d', undefined, infDecAmount), f('s', undefined, goString), f('Format', undefined, namedString('resource.Format'))],
  {
    equal: (x, y) => cmpQuantity(quantityOfValue(x), quantityOfValue(y)) === 0,
    fromJSON: (json) => {
      if (json === undefined || json === null) return quantityStruct(ZERO_QUANTITY)
      try {
        return quantityStruct(parseQuantity(String(json).trim()))
      } catch (e) {
        if (e instanceof UnsupportedGoValue) throw e
        throw new UnsupportedGoValue('unparsable quantity')
      }
    },
  },
)

/** (*Quantity).String(): a *resource.Quantity prints through its Stringer. */
const quantityPtr = ptrTo(quantityType, (v) => quantityString(quantityOfValue((v as { elem: GoValue }).elem)))

/** core.ResourceName has a String method, so go-cmp prints names as s"cpu". */
const resourceName = namedString('core.ResourceName', (v) => v as string)
export const resourceListType = mapOf(resourceName, quantityType, 'core.ResourceList')

// ---- intstr.IntOrString ----

const intOrString = struct(
  'intstr.IntOrString',
  [f('Type', undefined, namedInt('int64', 'intstr.Type')), f('IntVal', undefined, goInt32), f('StrVal', undefined, goString)],
  {
    fromJSON: (json) => (typeof json === 'string' ? { Type: 1, IntVal: 0, StrVal: json } : { Type: 0, IntVal: typeof json === 'number' ? json : 0, StrVal: '' }),
  },
)

// ---- metav1.LabelSelector ----

const labelSelectorRequirement = struct('v1.LabelSelectorRequirement', [
  f('Key', 'key', goString),
  f('Operator', 'operator', namedString('v1.LabelSelectorOperator')),
  f('Values', 'values', strings),
])
const labelSelector = struct('v1.LabelSelector', [f('MatchLabels', 'matchLabels', stringMap), f('MatchExpressions', 'matchExpressions', sliceOf(labelSelectorRequirement))])

/** The gogo-protobuf String() of *LabelSelector: `&LabelSelector{MatchLabels:map[string]string{a: b,},...}`. */
function labelSelectorString(v: GoValue): string {
  const sel = (v as { elem: GoStruct }).elem
  const labels = (sel.MatchLabels as ReadonlyMap<string, GoValue> | null) ?? new Map<string, GoValue>()
  const keys = [...labels.keys()].sort()
  const exprs = ((sel.MatchExpressions as readonly GoStruct[] | null) ?? [])
    .map((r) => `LabelSelectorRequirement{Key:${r.Key as string},Operator:${r.Operator as string},Values:[${((r.Values as string[] | null) ?? []).join(' ')}],},`)
    .join('')
  return `&LabelSelector{MatchLabels:map[string]string{${keys.map((k) => `${k}: ${labels.get(k) as string},`).join('')}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`
}
const labelSelectorPtr = ptrTo(labelSelector, labelSelectorString)

// ---- volumes ----

const localObjectReference = struct('core.LocalObjectReference', [f('Name', 'name', goString)])
const pLOR = ptrTo(localObjectReference)
const keyToPath = struct('core.KeyToPath', [f('Key', 'key', goString), f('Path', 'path', goString), f('Mode', 'mode', pI32)])
const objectFieldSelector = struct('core.ObjectFieldSelector', [f('APIVersion', 'apiVersion', goString), f('FieldPath', 'fieldPath', goString)])
const resourceFieldSelector = struct('core.ResourceFieldSelector', [
  f('ContainerName', 'containerName', goString),
  f('Resource', 'resource', goString),
  f('Divisor', 'divisor', quantityType),
])
const downwardAPIVolumeFile = struct('core.DownwardAPIVolumeFile', [
  f('Path', 'path', goString),
  f('FieldRef', 'fieldRef', ptrTo(objectFieldSelector)),
  f('ResourceFieldRef', 'resourceFieldRef', ptrTo(resourceFieldSelector)),
  f('Mode', 'mode', pI32),
])

const src = (name: string, fields: GoField[]) => ptrTo(struct(`core.${name}`, fields))

const volumeSource = struct('core.VolumeSource', [
  f('HostPath', 'hostPath', src('HostPathVolumeSource', [f('Path', 'path', goString), f('Type', 'type', ptrTo(core('HostPathType')))])),
  f('EmptyDir', 'emptyDir', src('EmptyDirVolumeSource', [f('Medium', 'medium', core('StorageMedium')), f('SizeLimit', 'sizeLimit', quantityPtr)])),
  f(
    'GCEPersistentDisk',
    'gcePersistentDisk',
    src('GCEPersistentDiskVolumeSource', [f('PDName', 'pdName', goString), f('FSType', 'fsType', goString), f('Partition', 'partition', goInt32), f('ReadOnly', 'readOnly', goBool)]),
  ),
  f(
    'AWSElasticBlockStore',
    'awsElasticBlockStore',
    src('AWSElasticBlockStoreVolumeSource', [f('VolumeID', 'volumeID', goString), f('FSType', 'fsType', goString), f('Partition', 'partition', goInt32), f('ReadOnly', 'readOnly', goBool)]),
  ),
  f('GitRepo', 'gitRepo', src('GitRepoVolumeSource', [f('Repository', 'repository', goString), f('Revision', 'revision', goString), f('Directory', 'directory', goString)])),
  f(
    'Secret',
    'secret',
    src('SecretVolumeSource', [f('SecretName', 'secretName', goString), f('Items', 'items', sliceOf(keyToPath)), f('DefaultMode', 'defaultMode', pI32), f('Optional', 'optional', pBool)]),
  ),
  f('NFS', 'nfs', src('NFSVolumeSource', [f('Server', 'server', goString), f('Path', 'path', goString), f('ReadOnly', 'readOnly', goBool)])),
  f(
    'ISCSI',
    'iscsi',
    src('ISCSIVolumeSource', [
      f('TargetPortal', 'targetPortal', goString),
      f('IQN', 'iqn', goString),
      f('Lun', 'lun', goInt32),
      f('ISCSIInterface', 'iscsiInterface', goString),
      f('FSType', 'fsType', goString),
      f('ReadOnly', 'readOnly', goBool),
      f('Portals', 'portals', strings),
      f('DiscoveryCHAPAuth', 'chapAuthDiscovery', goBool),
      f('SessionCHAPAuth', 'chapAuthSession', goBool),
      f('SecretRef', 'secretRef', pLOR),
      f('InitiatorName', 'initiatorName', pStr),
    ]),
  ),
  f('Glusterfs', 'glusterfs', src('GlusterfsVolumeSource', [f('EndpointsName', 'endpoints', goString), f('Path', 'path', goString), f('ReadOnly', 'readOnly', goBool)])),
  f('PersistentVolumeClaim', 'persistentVolumeClaim', src('PersistentVolumeClaimVolumeSource', [f('ClaimName', 'claimName', goString), f('ReadOnly', 'readOnly', goBool)])),
  f(
    'RBD',
    'rbd',
    src('RBDVolumeSource', [
      f('CephMonitors', 'monitors', strings),
      f('RBDImage', 'image', goString),
      f('FSType', 'fsType', goString),
      f('RBDPool', 'pool', goString),
      f('RadosUser', 'user', goString),
      f('Keyring', 'keyring', goString),
      f('SecretRef', 'secretRef', pLOR),
      f('ReadOnly', 'readOnly', goBool),
    ]),
  ),
  f(
    'Quobyte',
    'quobyte',
    src('QuobyteVolumeSource', [
      f('Registry', 'registry', goString),
      f('Volume', 'volume', goString),
      f('ReadOnly', 'readOnly', goBool),
      f('User', 'user', goString),
      f('Group', 'group', goString),
      f('Tenant', 'tenant', goString),
    ]),
  ),
  f(
    'FlexVolume',
    'flexVolume',
    src('FlexVolumeSource', [f('Driver', 'driver', goString), f('FSType', 'fsType', goString), f('SecretRef', 'secretRef', pLOR), f('ReadOnly', 'readOnly', goBool), f('Options', 'options', stringMap)]),
  ),
  f('Cinder', 'cinder', src('CinderVolumeSource', [f('VolumeID', 'volumeID', goString), f('FSType', 'fsType', goString), f('ReadOnly', 'readOnly', goBool), f('SecretRef', 'secretRef', pLOR)])),
  f(
    'CephFS',
    'cephfs',
    src('CephFSVolumeSource', [
      f('Monitors', 'monitors', strings),
      f('Path', 'path', goString),
      f('User', 'user', goString),
      f('SecretFile', 'secretFile', goString),
      f('SecretRef', 'secretRef', pLOR),
      f('ReadOnly', 'readOnly', goBool),
    ]),
  ),
  f('Flocker', 'flocker', src('FlockerVolumeSource', [f('DatasetName', 'datasetName', goString), f('DatasetUUID', 'datasetUUID', goString)])),
  f('DownwardAPI', 'downwardAPI', src('DownwardAPIVolumeSource', [f('Items', 'items', sliceOf(downwardAPIVolumeFile)), f('DefaultMode', 'defaultMode', pI32)])),
  f(
    'FC',
    'fc',
    src('FCVolumeSource', [f('TargetWWNs', 'targetWWNs', strings), f('Lun', 'lun', pI32), f('FSType', 'fsType', goString), f('ReadOnly', 'readOnly', goBool), f('WWIDs', 'wwids', strings)]),
  ),
  f('AzureFile', 'azureFile', src('AzureFileVolumeSource', [f('SecretName', 'secretName', goString), f('ShareName', 'shareName', goString), f('ReadOnly', 'readOnly', goBool)])),
  f(
    'ConfigMap',
    'configMap',
    src('ConfigMapVolumeSource', [embed(localObjectReference), f('Items', 'items', sliceOf(keyToPath)), f('DefaultMode', 'defaultMode', pI32), f('Optional', 'optional', pBool)]),
  ),
  f(
    'VsphereVolume',
    'vsphereVolume',
    src('VsphereVirtualDiskVolumeSource', [
      f('VolumePath', 'volumePath', goString),
      f('FSType', 'fsType', goString),
      f('StoragePolicyName', 'storagePolicyName', goString),
      f('StoragePolicyID', 'storagePolicyID', goString),
    ]),
  ),
  f(
    'AzureDisk',
    'azureDisk',
    src('AzureDiskVolumeSource', [
      f('DiskName', 'diskName', goString),
      f('DataDiskURI', 'diskURI', goString),
      f('CachingMode', 'cachingMode', ptrTo(core('AzureDataDiskCachingMode'))),
      f('FSType', 'fsType', pStr),
      f('ReadOnly', 'readOnly', pBool),
      f('Kind', 'kind', ptrTo(core('AzureDataDiskKind'))),
    ]),
  ),
  f('PhotonPersistentDisk', 'photonPersistentDisk', src('PhotonPersistentDiskVolumeSource', [f('PdID', 'pdID', goString), f('FSType', 'fsType', goString)])),
  f(
    'Projected',
    'projected',
    src('ProjectedVolumeSource', [
      f(
        'Sources',
        'sources',
        sliceOf(
          struct('core.VolumeProjection', [
            f('Secret', 'secret', src('SecretProjection', [embed(localObjectReference), f('Items', 'items', sliceOf(keyToPath)), f('Optional', 'optional', pBool)])),
            f('DownwardAPI', 'downwardAPI', src('DownwardAPIProjection', [f('Items', 'items', sliceOf(downwardAPIVolumeFile))])),
            f('ConfigMap', 'configMap', src('ConfigMapProjection', [embed(localObjectReference), f('Items', 'items', sliceOf(keyToPath)), f('Optional', 'optional', pBool)])),
            f(
              'ServiceAccountToken',
              'serviceAccountToken',
              src('ServiceAccountTokenProjection', [f('Audience', 'audience', goString), f('ExpirationSeconds', 'expirationSeconds', goInt64), f('Path', 'path', goString)]),
            ),
            f(
              'ClusterTrustBundle',
              'clusterTrustBundle',
              src('ClusterTrustBundleProjection', [
                f('Name', 'name', pStr),
                f('SignerName', 'signerName', pStr),
                f('LabelSelector', 'labelSelector', labelSelectorPtr),
                f('Optional', 'optional', pBool),
                f('Path', 'path', goString),
              ]),
            ),
          ]),
        ),
      ),
      f('DefaultMode', 'defaultMode', pI32),
    ]),
  ),
  f('PortworxVolume', 'portworxVolume', src('PortworxVolumeSource', [f('VolumeID', 'volumeID', goString), f('FSType', 'fsType', goString), f('ReadOnly', 'readOnly', goBool)])),
  f(
    'ScaleIO',
    'scaleIO',
    src('ScaleIOVolumeSource', [
      f('Gateway', 'gateway', goString),
      f('System', 'system', goString),
      f('SecretRef', 'secretRef', pLOR),
      f('SSLEnabled', 'sslEnabled', goBool),
      f('ProtectionDomain', 'protectionDomain', goString),
      f('StoragePool', 'storagePool', goString),
      f('StorageMode', 'storageMode', goString),
      f('VolumeName', 'volumeName', goString),
      f('FSType', 'fsType', goString),
      f('ReadOnly', 'readOnly', goBool),
    ]),
  ),
  f(
    'StorageOS',
    'storageos',
    src('StorageOSVolumeSource', [
      f('VolumeName', 'volumeName', goString),
      f('VolumeNamespace', 'volumeNamespace', goString),
      f('FSType', 'fsType', goString),
      f('ReadOnly', 'readOnly', goBool),
      f('SecretRef', 'secretRef', pLOR),
    ]),
  ),
  f(
    'CSI',
    'csi',
    src('CSIVolumeSource', [
      f('Driver', 'driver', goString),
      f('ReadOnly', 'readOnly', pBool),
      f('FSType', 'fsType', pStr),
      f('VolumeAttributes', 'volumeAttributes', stringMap),
      f('NodePublishSecretRef', 'nodePublishSecretRef', pLOR),
    ]),
  ),
  f('Ephemeral', 'ephemeral', {
    ...ptrTo(struct('core.EphemeralVolumeSource', [])),
    fromJSON: (json) => {
      if (json === undefined || json === null) return null
      throw new UnsupportedGoValue('ephemeral volume')
    },
  }),
  f('Image', 'image', src('ImageVolumeSource', [f('Reference', 'reference', goString), f('PullPolicy', 'pullPolicy', core('PullPolicy'))])),
])

const volume = struct('core.Volume', [f('Name', 'name', goString), embed(volumeSource)])

// ---- containers ----

const execAction = ptrTo(struct('core.ExecAction', [f('Command', 'command', strings)]))
const httpGetAction = ptrTo(
  struct('core.HTTPGetAction', [
    f('Path', 'path', goString),
    f('Port', 'port', intOrString),
    f('Host', 'host', goString),
    f('Scheme', 'scheme', core('URIScheme')),
    f('HTTPHeaders', 'httpHeaders', sliceOf(struct('core.HTTPHeader', [f('Name', 'name', goString), f('Value', 'value', goString)]))),
  ]),
)
const tcpSocketAction = ptrTo(struct('core.TCPSocketAction', [f('Port', 'port', intOrString), f('Host', 'host', goString)]))
const probeHandler = struct('core.ProbeHandler', [
  f('Exec', 'exec', execAction),
  f('HTTPGet', 'httpGet', httpGetAction),
  f('TCPSocket', 'tcpSocket', tcpSocketAction),
  f('GRPC', 'grpc', ptrTo(struct('core.GRPCAction', [f('Port', 'port', goInt32), f('Service', 'service', pStr)]))),
])
const probe = ptrTo(
  struct('core.Probe', [
    embed(probeHandler),
    f('InitialDelaySeconds', 'initialDelaySeconds', goInt32),
    f('TimeoutSeconds', 'timeoutSeconds', goInt32),
    f('PeriodSeconds', 'periodSeconds', goInt32),
    f('SuccessThreshold', 'successThreshold', goInt32),
    f('FailureThreshold', 'failureThreshold', goInt32),
    f('TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', pI64),
  ]),
)
const lifecycleHandler = ptrTo(
  struct('core.LifecycleHandler', [
    f('Exec', 'exec', execAction),
    f('HTTPGet', 'httpGet', httpGetAction),
    f('TCPSocket', 'tcpSocket', tcpSocketAction),
    f('Sleep', 'sleep', ptrTo(struct('core.SleepAction', [f('Seconds', 'seconds', goInt64)]))),
  ]),
)

const seLinuxOptions = ptrTo(struct('core.SELinuxOptions', [f('User', 'user', goString), f('Role', 'role', goString), f('Type', 'type', goString), f('Level', 'level', goString)]))
const windowsOptions = ptrTo(
  struct('core.WindowsSecurityContextOptions', [
    f('GMSACredentialSpecName', 'gmsaCredentialSpecName', pStr),
    f('GMSACredentialSpec', 'gmsaCredentialSpec', pStr),
    f('RunAsUserName', 'runAsUserName', pStr),
    f('HostProcess', 'hostProcess', pBool),
  ]),
)
const seccompProfile = ptrTo(struct('core.SeccompProfile', [f('Type', 'type', core('SeccompProfileType')), f('LocalhostProfile', 'localhostProfile', pStr)]))
const appArmorProfile = ptrTo(struct('core.AppArmorProfile', [f('Type', 'type', core('AppArmorProfileType')), f('LocalhostProfile', 'localhostProfile', pStr)]))

const securityContext = ptrTo(
  struct('core.SecurityContext', [
    f('Capabilities', 'capabilities', ptrTo(struct('core.Capabilities', [f('Add', 'add', sliceOf(core('Capability'))), f('Drop', 'drop', sliceOf(core('Capability')))]))),
    f('Privileged', 'privileged', pBool),
    f('SELinuxOptions', 'seLinuxOptions', seLinuxOptions),
    f('WindowsOptions', 'windowsOptions', windowsOptions),
    f('RunAsUser', 'runAsUser', pI64),
    f('RunAsGroup', 'runAsGroup', pI64),
    f('RunAsNonRoot', 'runAsNonRoot', pBool),
    f('ReadOnlyRootFilesystem', 'readOnlyRootFilesystem', pBool),
    f('AllowPrivilegeEscalation', 'allowPrivilegeEscalation', pBool),
    f('ProcMount', 'procMount', ptrTo(core('ProcMountType'))),
    f('SeccompProfile', 'seccompProfile', seccompProfile),
    f('AppArmorProfile', 'appArmorProfile', appArmorProfile),
  ]),
)

const resourceRequirements = struct('core.ResourceRequirements', [
  f('Limits', 'limits', resourceListType),
  f('Requests', 'requests', resourceListType),
  f('Claims', 'claims', sliceOf(struct('core.ResourceClaim', [f('Name', 'name', goString), f('Request', 'request', goString)]))),
])

const envVarSource = ptrTo(
  struct('core.EnvVarSource', [
    f('FieldRef', 'fieldRef', ptrTo(objectFieldSelector)),
    f('ResourceFieldRef', 'resourceFieldRef', ptrTo(resourceFieldSelector)),
    f('ConfigMapKeyRef', 'configMapKeyRef', ptrTo(struct('core.ConfigMapKeySelector', [embed(localObjectReference), f('Key', 'key', goString), f('Optional', 'optional', pBool)]))),
    f('SecretKeyRef', 'secretKeyRef', ptrTo(struct('core.SecretKeySelector', [embed(localObjectReference), f('Key', 'key', goString), f('Optional', 'optional', pBool)]))),
  ]),
)

/** The fields of core.Container (and of core.EphemeralContainerCommon, which repeats them). */
const containerFields: GoField[] = [
  f('Name', 'name', goString),
  f('Image', 'image', goString),
  f('Command', 'command', strings),
  f('Args', 'args', strings),
  f('WorkingDir', 'workingDir', goString),
  f(
    'Ports',
    'ports',
    sliceOf(
      struct('core.ContainerPort', [
        f('Name', 'name', goString),
        f('HostPort', 'hostPort', goInt32),
        f('ContainerPort', 'containerPort', goInt32),
        f('Protocol', 'protocol', core('Protocol')),
        f('HostIP', 'hostIP', goString),
      ]),
    ),
  ),
  f(
    'EnvFrom',
    'envFrom',
    sliceOf(
      struct('core.EnvFromSource', [
        f('Prefix', 'prefix', goString),
        f('ConfigMapRef', 'configMapRef', ptrTo(struct('core.ConfigMapEnvSource', [embed(localObjectReference), f('Optional', 'optional', pBool)]))),
        f('SecretRef', 'secretRef', ptrTo(struct('core.SecretEnvSource', [embed(localObjectReference), f('Optional', 'optional', pBool)]))),
      ]),
    ),
  ),
  f('Env', 'env', sliceOf(struct('core.EnvVar', [f('Name', 'name', goString), f('Value', 'value', goString), f('ValueFrom', 'valueFrom', envVarSource)]))),
  f('Resources', 'resources', resourceRequirements),
  f(
    'ResizePolicy',
    'resizePolicy',
    sliceOf(struct('core.ContainerResizePolicy', [f('ResourceName', 'resourceName', resourceName), f('RestartPolicy', 'restartPolicy', core('ResourceResizeRestartPolicy'))])),
  ),
  f('RestartPolicy', 'restartPolicy', ptrTo(core('ContainerRestartPolicy'))),
  f(
    'VolumeMounts',
    'volumeMounts',
    sliceOf(
      struct('core.VolumeMount', [
        f('Name', 'name', goString),
        f('ReadOnly', 'readOnly', goBool),
        f('RecursiveReadOnly', 'recursiveReadOnly', ptrTo(core('RecursiveReadOnlyMode'))),
        f('MountPath', 'mountPath', goString),
        f('SubPath', 'subPath', goString),
        f('MountPropagation', 'mountPropagation', ptrTo(core('MountPropagationMode'))),
        f('SubPathExpr', 'subPathExpr', goString),
      ]),
    ),
  ),
  f('VolumeDevices', 'volumeDevices', sliceOf(struct('core.VolumeDevice', [f('Name', 'name', goString), f('DevicePath', 'devicePath', goString)]))),
  f('LivenessProbe', 'livenessProbe', probe),
  f('ReadinessProbe', 'readinessProbe', probe),
  f('StartupProbe', 'startupProbe', probe),
  f('Lifecycle', 'lifecycle', ptrTo(struct('core.Lifecycle', [f('PostStart', 'postStart', lifecycleHandler), f('PreStop', 'preStop', lifecycleHandler)]))),
  f('TerminationMessagePath', 'terminationMessagePath', goString),
  f('TerminationMessagePolicy', 'terminationMessagePolicy', core('TerminationMessagePolicy')),
  f('ImagePullPolicy', 'imagePullPolicy', core('PullPolicy')),
  f('SecurityContext', 'securityContext', securityContext),
  f('Stdin', 'stdin', goBool),
  f('StdinOnce', 'stdinOnce', goBool),
  f('TTY', 'tty', goBool),
]

export const containerType = struct('core.Container', containerFields)
const ephemeralContainer = struct('core.EphemeralContainer', [embed(struct('core.EphemeralContainerCommon', containerFields)), f('TargetContainerName', 'targetContainerName', goString)])

// ---- pod-level ----

const podSecurityContext = ptrTo(
  struct('core.PodSecurityContext', [
    f('HostNetwork', 'hostNetwork', goBool),
    f('HostPID', 'hostPID', goBool),
    f('HostIPC', 'hostIPC', goBool),
    f('ShareProcessNamespace', 'shareProcessNamespace', pBool),
    f('HostUsers', 'hostUsers', pBool),
    f('SELinuxOptions', 'seLinuxOptions', seLinuxOptions),
    f('WindowsOptions', 'windowsOptions', windowsOptions),
    f('RunAsUser', 'runAsUser', pI64),
    f('RunAsGroup', 'runAsGroup', pI64),
    f('RunAsNonRoot', 'runAsNonRoot', pBool),
    f('SupplementalGroups', 'supplementalGroups', sliceOf(goInt64)),
    f('SupplementalGroupsPolicy', 'supplementalGroupsPolicy', ptrTo(core('SupplementalGroupsPolicy'))),
    f('FSGroup', 'fsGroup', pI64),
    f('FSGroupChangePolicy', 'fsGroupChangePolicy', ptrTo(core('PodFSGroupChangePolicy'))),
    f('Sysctls', 'sysctls', sliceOf(struct('core.Sysctl', [f('Name', 'name', goString), f('Value', 'value', goString)]))),
    f('SeccompProfile', 'seccompProfile', seccompProfile),
    f('AppArmorProfile', 'appArmorProfile', appArmorProfile),
    f('SELinuxChangePolicy', 'seLinuxChangePolicy', ptrTo(core('PodSELinuxChangePolicy'))),
  ]),
)

const nodeSelectorRequirement = struct('core.NodeSelectorRequirement', [
  f('Key', 'key', goString),
  f('Operator', 'operator', core('NodeSelectorOperator')),
  f('Values', 'values', strings),
])
const nodeSelectorTerm = struct('core.NodeSelectorTerm', [
  f('MatchExpressions', 'matchExpressions', sliceOf(nodeSelectorRequirement)),
  f('MatchFields', 'matchFields', sliceOf(nodeSelectorRequirement)),
])
const podAffinityTerm = struct('core.PodAffinityTerm', [
  f('LabelSelector', 'labelSelector', labelSelectorPtr),
  f('Namespaces', 'namespaces', strings),
  f('TopologyKey', 'topologyKey', goString),
  f('NamespaceSelector', 'namespaceSelector', labelSelectorPtr),
  f('MatchLabelKeys', 'matchLabelKeys', strings),
  f('MismatchLabelKeys', 'mismatchLabelKeys', strings),
])
const weightedPodAffinityTerm = struct('core.WeightedPodAffinityTerm', [f('Weight', 'weight', goInt32), f('PodAffinityTerm', 'podAffinityTerm', podAffinityTerm)])
const podAffinityFields = (name: string) =>
  ptrTo(
    struct(`core.${name}`, [
      f('RequiredDuringSchedulingIgnoredDuringExecution', 'requiredDuringSchedulingIgnoredDuringExecution', sliceOf(podAffinityTerm)),
      f('PreferredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution', sliceOf(weightedPodAffinityTerm)),
    ]),
  )
const affinity = ptrTo(
  struct('core.Affinity', [
    f(
      'NodeAffinity',
      'nodeAffinity',
      ptrTo(
        struct('core.NodeAffinity', [
          f(
            'RequiredDuringSchedulingIgnoredDuringExecution',
            'requiredDuringSchedulingIgnoredDuringExecution',
            ptrTo(struct('core.NodeSelector', [f('NodeSelectorTerms', 'nodeSelectorTerms', sliceOf(nodeSelectorTerm))])),
          ),
          f(
            'PreferredDuringSchedulingIgnoredDuringExecution',
            'preferredDuringSchedulingIgnoredDuringExecution',
            sliceOf(struct('core.PreferredSchedulingTerm', [f('Weight', 'weight', goInt32), f('Preference', 'preference', nodeSelectorTerm)])),
          ),
        ]),
      ),
    ),
    f('PodAffinity', 'podAffinity', podAffinityFields('PodAffinity')),
    f('PodAntiAffinity', 'podAntiAffinity', podAffinityFields('PodAntiAffinity')),
  ]),
)

const podSpecStruct = struct('core.PodSpec', [
  f('Volumes', 'volumes', sliceOf(volume)),
  f('InitContainers', 'initContainers', sliceOf(containerType)),
  f('Containers', 'containers', sliceOf(containerType)),
  f('EphemeralContainers', 'ephemeralContainers', sliceOf(ephemeralContainer)),
  f('RestartPolicy', 'restartPolicy', core('RestartPolicy')),
  f('TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', pI64),
  f('ActiveDeadlineSeconds', 'activeDeadlineSeconds', pI64),
  f('DNSPolicy', 'dnsPolicy', core('DNSPolicy')),
  f('NodeSelector', 'nodeSelector', stringMap),
  f('ServiceAccountName', 'serviceAccountName', goString),
  f('AutomountServiceAccountToken', 'automountServiceAccountToken', pBool),
  f('NodeName', 'nodeName', goString),
  f('SecurityContext', 'securityContext', podSecurityContext),
  f('ImagePullSecrets', 'imagePullSecrets', sliceOf(localObjectReference)),
  f('Hostname', 'hostname', goString),
  f('Subdomain', 'subdomain', goString),
  f('SetHostnameAsFQDN', 'setHostnameAsFQDN', pBool),
  f('Affinity', 'affinity', affinity),
  f('SchedulerName', 'schedulerName', goString),
  f(
    'Tolerations',
    'tolerations',
    sliceOf(
      struct('core.Toleration', [
        f('Key', 'key', goString),
        f('Operator', 'operator', core('TolerationOperator')),
        f('Value', 'value', goString),
        f('Effect', 'effect', core('TaintEffect')),
        f('TolerationSeconds', 'tolerationSeconds', pI64),
      ]),
    ),
  ),
  f('HostAliases', 'hostAliases', sliceOf(struct('core.HostAlias', [f('IP', 'ip', goString), f('Hostnames', 'hostnames', strings)]))),
  f('PriorityClassName', 'priorityClassName', goString),
  f('Priority', 'priority', pI32),
  f('PreemptionPolicy', 'preemptionPolicy', ptrTo(core('PreemptionPolicy'))),
  f(
    'DNSConfig',
    'dnsConfig',
    ptrTo(
      struct('core.PodDNSConfig', [
        f('Nameservers', 'nameservers', strings),
        f('Searches', 'searches', strings),
        f('Options', 'options', sliceOf(struct('core.PodDNSConfigOption', [f('Name', 'name', goString), f('Value', 'value', pStr)]))),
      ]),
    ),
  ),
  f('ReadinessGates', 'readinessGates', sliceOf(struct('core.PodReadinessGate', [f('ConditionType', 'conditionType', core('PodConditionType'))]))),
  f('RuntimeClassName', 'runtimeClassName', pStr),
  f('Overhead', 'overhead', resourceListType),
  f('EnableServiceLinks', 'enableServiceLinks', pBool),
  f(
    'TopologySpreadConstraints',
    'topologySpreadConstraints',
    sliceOf(
      struct('core.TopologySpreadConstraint', [
        f('MaxSkew', 'maxSkew', goInt32),
        f('TopologyKey', 'topologyKey', goString),
        f('WhenUnsatisfiable', 'whenUnsatisfiable', core('UnsatisfiableConstraintAction')),
        f('LabelSelector', 'labelSelector', labelSelectorPtr),
        f('MinDomains', 'minDomains', pI32),
        f('NodeAffinityPolicy', 'nodeAffinityPolicy', ptrTo(core('NodeInclusionPolicy'))),
        f('NodeTaintsPolicy', 'nodeTaintsPolicy', ptrTo(core('NodeInclusionPolicy'))),
        f('MatchLabelKeys', 'matchLabelKeys', strings),
      ]),
    ),
  ),
  f('OS', 'os', ptrTo(struct('core.PodOS', [f('Name', 'name', core('OSName'))]))),
  f('SchedulingGates', 'schedulingGates', sliceOf(struct('core.PodSchedulingGate', [f('Name', 'name', goString)]))),
  f(
    'ResourceClaims',
    'resourceClaims',
    sliceOf(
      struct('core.PodResourceClaim', [
        f('Name', 'name', goString),
        f('ResourceClaimName', 'resourceClaimName', pStr),
        f('ResourceClaimTemplateName', 'resourceClaimTemplateName', pStr),
      ]),
    ),
  ),
  f('Resources', 'resources', ptrTo(resourceRequirements)),
])

/**
 * core.PodSpec, decoded from a v1 PodSpec through Convert_v1_PodSpec_To_core_PodSpec: the
 * deprecated serviceAccount stands in for an empty serviceAccountName, and the host namespace
 * flags live in the (always allocated) pod security context.
 */
export const podSpecType: GoType = {
  ...podSpecStruct,
  fromJSON: (json) => {
    const spec = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>
    const sc = (typeof spec.securityContext === 'object' && spec.securityContext !== null ? spec.securityContext : {}) as Record<string, unknown>
    const converted = {
      ...spec,
      serviceAccountName: spec.serviceAccountName || spec.serviceAccount,
      securityContext: {
        ...sc,
        hostNetwork: spec.hostNetwork,
        hostPID: spec.hostPID,
        hostIPC: spec.hostIPC,
        shareProcessNamespace: spec.shareProcessNamespace,
        hostUsers: spec.hostUsers,
      },
    }
    return fromJSON(podSpecStruct, converted)
  },
}
