// pkg/registry/core/pod/strategy.go (podStrategy, podStatusStrategy) at 1.32: the defaults of
// pkg/apis/core/v1/defaults.go on every decoded body, status Pending with the QoS class on
// create, the SchedulingGated condition, ValidatePodCreate / ValidatePodUpdate /
// ValidatePodStatusUpdate, and CheckGracefulDelete.
// Left out: DropDisabledPodFields (every field this engine knows is enabled), matchLabelKeys
// merging into pod affinity (mutatePodAffinity), the AppArmor annotation/field skew handling.

import { deepCopy } from '../../api/deepCopy'
import type { Pod, PodCondition } from '../../api/types'
import { setDefaultsPod } from '../../api/defaults/pod'
import { validatePodCreate, validatePodUpdate } from '../../api/validation/pod'
import { validatePodStatusUpdate } from '../../api/validation/podStatus'
import { computePodQOS } from '../../api/validation/qos'
import { replaceObject } from './replaceObject'
import type { Strategy } from './strategies'

/** applySchedulingGatedCondition: a gated pod says why it is not scheduled. */
function applySchedulingGatedCondition(pod: Pod): void {
  if ((pod.spec?.schedulingGates ?? []).length === 0) return
  const status = pod.status ?? {}
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled')) return
  const gated = {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: null,
    reason: 'SchedulingGated',
    message: 'Scheduling is blocked due to non-empty scheduling gates',
  } as unknown as PodCondition
  pod.status = { ...status, conditions: [...(status.conditions ?? []), gated] }
}

export const podStrategy: Strategy = {
  setDefaults(obj) {
    replaceObject(obj, setDefaultsPod(obj as Pod))
  },
  prepareForCreate(obj) {
    const pod = obj as Pod
    // Whatever status the client sent is dropped; GetPodQOS of a pod without one computes it.
    pod.status = { phase: 'Pending', qosClass: computePodQOS(pod) }
    applySchedulingGatedCondition(pod)
  },
  validate(obj) {
    return validatePodCreate(obj as Pod)
  },
  prepareForUpdate(obj, old) {
    obj.status = deepCopy((old as Pod).status)
  },
  validateUpdate(obj, old) {
    return validatePodUpdate(obj as Pod, old as Pod)
  },
  prepareForStatusUpdate(obj, old) {
    // podStatusStrategy.PrepareForUpdate: the spec and ownerReferences stay as stored (old
    // kubelets corrupted ownerReferences), the rest of the metadata comes from the request, and
    // a status without a QoS class keeps the stored one.
    const pod = obj as Pod
    const prev = old as Pod
    pod.spec = deepCopy(prev.spec)
    const meta = pod.metadata!
    if (prev.metadata?.ownerReferences) meta.ownerReferences = deepCopy(prev.metadata.ownerReferences)
    else delete meta.ownerReferences
    if (prev.metadata?.deletionTimestamp) meta.deletionTimestamp = prev.metadata.deletionTimestamp
    else delete meta.deletionTimestamp
    pod.status = pod.status ?? {}
    if (!pod.status.qosClass && prev.status?.qosClass) pod.status = { ...pod.status, qosClass: prev.status.qosClass }
  },
  validateStatusUpdate(obj, old) {
    return validatePodStatusUpdate(obj as Pod, old as Pod)
  },
  gracePeriod(obj, requested) {
    // CheckGracefulDelete: the requested period, else the pod's; unscheduled or finished pods go
    // at once; a negative period becomes 1.
    const pod = obj as Pod
    let period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 0
    if (!pod.spec?.nodeName) period = 0
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') period = 0
    return period < 0 ? 1 : period
  },
}
