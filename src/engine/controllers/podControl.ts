// controller_utils.go: creating pods from a template for an owner, and filtering active pods.
import { deepCopy } from '../api/deepCopy'
import type { Pod, PodSpec, ObjectMeta } from '../api/types'
import { isPodTerminal } from '../api/podutil'
import type { ControllerContext } from './base'
import type { EventRecorder } from '../client/eventRecorder'

export function isPodActive(p: Pod): boolean {
  return !isPodTerminal(p) && !p.metadata?.deletionTimestamp
}

export function isControlledBy(p: Pod, uid: string | undefined): boolean {
  return !!uid && (p.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === uid)
}

/** PodControl.CreatePods: a pod from the template, named "<owner>-<random>", owned by the controller. */
export function createPodFromTemplate(
  ctx: ControllerContext,
  recorder: EventRecorder,
  owner: { apiVersion?: string; kind?: string; metadata?: ObjectMeta },
  template: { metadata?: ObjectMeta; spec?: PodSpec },
  ownerApiVersion: string,
  ownerKind: string,
  mutate?: (pod: Pod) => void,
): void {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata!.name}-`,
      namespace: owner.metadata!.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [{ apiVersion: ownerApiVersion, kind: ownerKind, name: owner.metadata!.name!, uid: owner.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: deepCopy(template.spec ?? { containers: [] }),
  }
  mutate?.(pod)
  const created = ctx.client.create<Pod>('pods', owner.metadata!.namespace, pod)
  recorder.event({ ...owner, apiVersion: ownerApiVersion, kind: ownerKind }, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`)
}
