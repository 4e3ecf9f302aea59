// The admission chain of a 1.32 kube-apiserver with its default plugins, in the order
// AllOrderedPlugins runs them: NamespaceLifecycle, LimitRanger, ServiceAccount,
// TaintNodesByCondition, PodSecurity, Priority, DefaultTolerationSeconds, RuntimeClass, ...,
// ResourceQuota. Mutating plugins change the object in place; a rejection throws the Status the
// plugin returns (Forbidden, or NotFound for a missing namespace).
// Mirrors: k8s.io/kubernetes pkg/kubeapiserver/options/plugins.go (AllOrderedPlugins,
// DefaultOffAdmissionPlugins), k8s.io/apiserver pkg/admission/plugin/namespace/lifecycle
// (Lifecycle.Admit) and the pod plugins ported in api/defaults/admission.ts.
// The ServiceAccount plugin's Validate is reached through its Admit (which ends by calling it),
// so no separate validating pass is needed for it.
// Left out: LimitRanger and ResourceQuota (no LimitRange/ResourceQuota objects are served),
// TaintNodesByCondition (nothing here would lift its not-ready taint: there is no node
// lifecycle controller), PodSecurity (pod-security.kubernetes.io namespace labels are not
// enforced), StorageObjectInUseProtection and DefaultStorageClass (no PVCs), webhooks.

import type { ResourceInfo } from '../api/resources'
import type { KubeObject, Namespace, Pod, ServiceAccount, Status } from '../api/types'
import { StatusError, newForbidden, newNotFound } from '../api/errors'
import {
  admitDefaultTolerationSeconds,
  admitPriority,
  admitPriorityUpdate,
  admitRuntimeClass,
  admitServiceAccount,
  SYSTEM_PRIORITY_CLASSES,
  type AdmitResult,
  type PriorityClassLike,
} from '../api/defaults/admission'
import { replaceObject } from './registry/replaceObject'
import type { StrategyContext } from './registry/strategies'

export type AdmissionOperation = 'create' | 'update'

/** metav1.NamespaceDefault, NamespaceSystem, NamespacePublic: the namespaces that cannot be deleted. */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public'])

/** The mutating admission chain for a create or update of `obj` (a non-subresource request). */
export function admit(op: AdmissionOperation, ri: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): void {
  namespaceLifecycle(op, ri, obj, ctx)
  if (ri.resource !== 'pods' || ri.group !== '') return
  let pod = obj as Pod
  if (op === 'create') pod = take(admitServiceAccount(pod, serviceAccountInput(pod, ctx)))
  pod = op === 'create' ? take(admitPriority(pod, priorityClasses(ctx))) : admitPriorityUpdate(pod, old as Pod)
  pod = admitDefaultTolerationSeconds(pod)
  if (op === 'create') pod = take(admitRuntimeClass(pod, []))
  if (pod !== obj) replaceObject(obj, pod)
}

/**
 * NamespaceLifecycle on a delete: the default, kube-system and kube-public namespaces may not be
 * deleted. Runs before the object is looked up, as the delete handler admits first.
 */
export function admitDelete(ri: ResourceInfo, name: string): void {
  if (ri.resource === 'namespaces' && ri.group === '' && IMMORTAL_NAMESPACES.has(name)) {
    throw new StatusError(newForbidden({ group: ri.group, resource: ri.resource }, name, 'this namespace may not be deleted'))
  }
}

/** Lifecycle.Admit for creates and updates of namespaced objects. */
function namespaceLifecycle(op: AdmissionOperation, ri: ResourceInfo, obj: KubeObject, ctx: StrategyContext): void {
  // Cluster-scoped objects and namespaces themselves are always allowed.
  if (!ri.namespaced) return
  const nsName = obj.metadata?.namespace ?? ''
  const ns = ctx.get('namespaces', undefined, nsName) as Namespace | undefined
  if (!ns) throw new StatusError(newNotFound({ group: '', resource: 'namespaces' }, nsName))
  if (op !== 'create' || ns.status?.phase !== 'Terminating') return
  const status = newForbidden(
    { group: ri.group, resource: ri.resource },
    resourceName(obj),
    `unable to create new content in namespace ${nsName} because it is being terminated`,
  )
  status.details = {
    ...status.details,
    causes: [{ reason: 'NamespaceTerminating', message: `namespace ${nsName} is being terminated`, field: 'metadata.namespace' }],
  }
  throw new StatusError(status)
}

/** extractResourceName: the name, else the generateName (not yet resolved), else "Unknown". */
function resourceName(obj: KubeObject): string {
  return obj.metadata?.name || obj.metadata?.generateName || 'Unknown'
}

function take(result: AdmitResult): Pod {
  if ('status' in result) throw new StatusError(result.status as Status)
  return result.pod
}

function serviceAccountInput(pod: Pod, ctx: StrategyContext) {
  const namespace = pod.metadata?.namespace ?? ''
  const saName = pod.spec?.serviceAccountName || 'default'
  return {
    namespace,
    serviceAccount: ctx.get('serviceaccounts', namespace, saName) as ServiceAccount | undefined,
    suffix: ctx.rng.nameSuffix(5),
  }
}

/** The PriorityClasses the plugin resolves against: the two system ones the apiserver bootstraps. */
function priorityClasses(ctx: StrategyContext): readonly PriorityClassLike[] {
  const stored = ctx.list('priorityclasses', undefined) as unknown as PriorityClassLike[]
  const names = new Set(stored.map((pc) => pc.metadata?.name))
  return [...SYSTEM_PRIORITY_CLASSES.filter((pc) => !names.has(pc.metadata?.name)), ...stored]
}
