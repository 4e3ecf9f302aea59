// replicaset-controller (pkg/controller/replicaset/replica_set.go), the core of it: count the
// active pods it controls, create or delete to reach spec.replicas, report status. Adoption and
// release of orphans, upstream's deletion ranking and conditions come with the workloads issue.
import type { Pod, ReplicaSet } from '../api/types'
import { isPodReady } from '../api/podutil'
import { isNotFound } from '../client/client'
import { keyOf } from '../client/keys'
import { BaseController, type ControllerContext } from './base'
import { createPodFromTemplate, isControlledBy, isPodActive } from './podControl'

export class ReplicaSetController extends BaseController {
  private readonly sets
  private readonly pods
  constructor(ctx: ControllerContext) {
    super('replicaset-controller', ctx)
    this.sets = ctx.informers.informerFor<ReplicaSet>('replicasets')
    this.pods = ctx.informers.informerFor<Pod>('pods')
    this.sets.addEventHandler({ onAdd: (o) => this.queue.add(keyOf(o)), onUpdate: (_a, o) => this.queue.add(keyOf(o)) })
    const enqueueOwner = (p: Pod) => {
      const ref = p.metadata?.ownerReferences?.find((o) => o.controller && o.kind === 'ReplicaSet')
      if (ref) this.queue.add(`${p.metadata!.namespace}/${ref.name}`)
    }
    this.pods.addEventHandler({ onAdd: enqueueOwner, onUpdate: (_a, p) => enqueueOwner(p), onDelete: enqueueOwner })
  }

  sync(key: string): void {
    const rs = this.sets.get(key)
    if (!rs || rs.metadata?.deletionTimestamp) return
    const uid = rs.metadata!.uid
    const owned = this.pods.list().filter((p) => p.metadata!.namespace === rs.metadata!.namespace && isControlledBy(p, uid))
    const active = owned.filter(isPodActive)
    const want = rs.spec?.replicas ?? 1
    const diff = want - active.length
    if (diff > 0) {
      for (let i = 0; i < diff; i++) createPodFromTemplate(this.ctx, this.recorder, rs, rs.spec!.template!, 'apps/v1', 'ReplicaSet')
    } else if (diff < 0) {
      // Delete the least mature first: not ready before ready, then newest.
      const victims = [...active]
        .sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || (b.metadata!.creationTimestamp! > a.metadata!.creationTimestamp! ? 1 : -1))
        .slice(0, -diff)
      for (const p of victims) {
        try {
          this.ctx.client.delete('pods', p.metadata!.namespace, p.metadata!.name!)
          this.recorder.event({ ...rs, apiVersion: 'apps/v1', kind: 'ReplicaSet' }, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata!.name}`)
        } catch (e) {
          if (!isNotFound(e)) throw e
        }
      }
    }
    const ready = active.filter(isPodReady).length
    const status = {
      replicas: active.length,
      fullyLabeledReplicas: active.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata!.generation,
    }
    const clean = Object.fromEntries(Object.entries(status).filter(([, v]) => v !== 0 && v !== undefined)) as typeof status
    if (status.replicas === 0) clean.replicas = 0
    if (JSON.stringify(clean) !== JSON.stringify(rs.status ?? {})) {
      this.ctx.client.updateStatus('replicasets', { ...rs, status: clean })
    }
  }
}
