// deployment-controller (pkg/controller/deployment), its first steps only: find or create the
// ReplicaSet for the current pod template (named with the template's hash, labelled with
// pod-template-hash), scale it to spec.replicas, scale older ones to zero, and report status.
// Rolling updates with maxSurge/maxUnavailable, revisions, rollback and progress conditions
// come with the workloads issue; the hash here is FNV-1a over the template's JSON, not yet
// upstream's DeepHashObject.
import type { Deployment, ReplicaSet } from '../api/types'
import { keyOf } from '../client/keys'
import { BaseController, newControllerRef, type ControllerContext } from './base'

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

/** rand.SafeEncodeString over an FNV-32a hash of the template. */
export function podTemplateHash(template: unknown): string {
  let h = 0x811c9dc5
  const s = JSON.stringify(template)
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return String(h)
    .split('')
    .map((d) => SAFE_ALPHABET[Number(d) % SAFE_ALPHABET.length])
    .join('')
}

export class DeploymentController extends BaseController {
  private readonly deployments
  private readonly sets
  constructor(ctx: ControllerContext) {
    super('deployment-controller', ctx)
    this.deployments = ctx.informers.informerFor<Deployment>('deployments')
    this.sets = ctx.informers.informerFor<ReplicaSet>('replicasets')
    this.deployments.addEventHandler({ onAdd: (o) => this.queue.add(keyOf(o)), onUpdate: (_a, o) => this.queue.add(keyOf(o)) })
    const enqueueOwner = (rs: ReplicaSet) => {
      const ref = rs.metadata?.ownerReferences?.find((o) => o.controller && o.kind === 'Deployment')
      if (ref) this.queue.add(`${rs.metadata!.namespace}/${ref.name}`)
    }
    this.sets.addEventHandler({ onAdd: enqueueOwner, onUpdate: (_a, rs) => enqueueOwner(rs), onDelete: enqueueOwner })
  }

  sync(key: string): void {
    const d = this.deployments.get(key)
    if (!d || d.metadata?.deletionTimestamp) return
    const ns = d.metadata!.namespace!
    const owned = this.sets.list().filter((rs) => rs.metadata!.namespace === ns && rs.metadata!.ownerReferences?.some((o) => o.controller && o.uid === d.metadata!.uid))
    const hash = podTemplateHash(d.spec!.template)
    const name = `${d.metadata!.name}-${hash}`
    const replicas = d.spec?.replicas ?? 1
    const current = owned.find((rs) => rs.metadata!.name === name)
    const dRef = { ...d, apiVersion: 'apps/v1', kind: 'Deployment' }
    if (!current) {
      const labels = { ...(d.spec!.template!.metadata?.labels ?? {}), 'pod-template-hash': hash }
      this.ctx.client.create<ReplicaSet>('replicasets', ns, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name,
          namespace: ns,
          labels,
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas), 'deployment.kubernetes.io/revision': '1' },
          ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
        },
        spec: {
          replicas,
          selector: { ...d.spec!.selector, matchLabels: { ...(d.spec!.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
          template: { ...d.spec!.template, metadata: { ...d.spec!.template!.metadata, labels } },
        },
      })
      this.recorder.event(dRef, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`)
    } else if ((current.spec?.replicas ?? 0) !== replicas) {
      const from = current.spec?.replicas ?? 0
      this.ctx.client.update('replicasets', { ...current, spec: { ...current.spec!, replicas } })
      this.recorder.event(dRef, 'Normal', 'ScalingReplicaSet', `Scaled ${replicas > from ? 'up' : 'down'} replica set ${name} from ${from} to ${replicas}`)
    }
    for (const old of owned) {
      if (old.metadata!.name === name || (old.spec?.replicas ?? 0) === 0) continue
      this.ctx.client.update('replicasets', { ...old, spec: { ...old.spec!, replicas: 0 } })
      this.recorder.event(dRef, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${old.metadata!.name} from ${old.spec?.replicas} to 0`)
    }
    const all = this.sets.list().filter((rs) => rs.metadata!.namespace === ns && rs.metadata!.ownerReferences?.some((o) => o.uid === d.metadata!.uid))
    const sum = (f: (rs: ReplicaSet) => number | undefined) => all.reduce((n, rs) => n + (f(rs) ?? 0), 0)
    const cur = all.find((rs) => rs.metadata!.name === name)
    const status: Record<string, unknown> = {
      observedGeneration: d.metadata!.generation,
      replicas: sum((rs) => rs.status?.replicas),
      updatedReplicas: cur?.status?.replicas ?? 0,
      readyReplicas: sum((rs) => rs.status?.readyReplicas),
      availableReplicas: sum((rs) => rs.status?.availableReplicas),
    }
    const unavailable = replicas - (status.availableReplicas as number)
    if (unavailable > 0) status.unavailableReplicas = unavailable
    for (const k of Object.keys(status)) if (status[k] === 0 && k !== 'replicas') delete status[k]
    const prevConditions = (d.status?.conditions ?? []) as { type: string; status: string }[]
    const now = new Date(Math.floor(this.ctx.clock.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z')
    const available = (status.availableReplicas as number | undefined ?? 0) >= replicas
    const keep = (type: string, st: string, reason: string, message: string) => {
      const prev = prevConditions.find((c) => c.type === type) as Record<string, string> | undefined
      const same = prev && prev.status === st && prev.reason === reason
      return { type, status: st, lastUpdateTime: same ? prev.lastUpdateTime : now, lastTransitionTime: prev && prev.status === st ? prev.lastTransitionTime : now, reason, message }
    }
    status.conditions = [
      keep('Available', available ? 'True' : 'False', available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.'),
      keep('Progressing', 'True', available ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', available ? `ReplicaSet "${name}" has successfully progressed.` : `ReplicaSet "${name}" is progressing.`),
    ]
    if (JSON.stringify(status) !== JSON.stringify(d.status ?? {})) this.ctx.client.updateStatus('deployments', { ...d, status })
  }
}
