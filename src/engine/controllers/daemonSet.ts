// daemonset-controller (pkg/controller/daemon/daemon_controller.go), its core: one pod per node
// whose taints the template tolerates, pinned with a required node affinity on the node's name
// (the scheduler binds it), and status counts. Rolling updates come with the workloads issue.
import type { DaemonSet, Node, Pod } from '../api/types'
import { isPodReady, toleratesTaint } from '../api/podutil'
import { keyOf } from '../client/keys'
import { BaseController, type ControllerContext } from './base'
import { createPodFromTemplate, isControlledBy, isPodActive } from './podControl'

const CONTROLLER_UID_INDEX = 'controllerUID'

export class DaemonSetController extends BaseController {
  private readonly sets
  private readonly pods
  private readonly nodes
  constructor(ctx: ControllerContext) {
    super('daemonset-controller', ctx)
    this.sets = ctx.informers.informerFor<DaemonSet>('daemonsets')
    this.pods = ctx.informers.informerFor<Pod>('pods')
    // Like the controllers' ControllerUIDIndex: a daemon set's pods without listing every pod.
    this.pods.addIndexer(CONTROLLER_UID_INDEX, (p) => {
      const ref = p.metadata?.ownerReferences?.find((o) => o.controller)
      return ref?.uid ? [ref.uid] : []
    })
    this.nodes = ctx.informers.informerFor<Node>('nodes')
    const all = () => this.sets.list().forEach((ds) => this.queue.add(keyOf(ds)))
    this.sets.addEventHandler({ onAdd: (o) => this.queue.add(keyOf(o)), onUpdate: (_a, o) => this.queue.add(keyOf(o)) })
    this.nodes.addEventHandler({ onAdd: all, onUpdate: (a, b) => JSON.stringify(a.spec) !== JSON.stringify(b.spec) && all(), onDelete: all })
    const enqueueOwner = (p: Pod) => {
      const ref = p.metadata?.ownerReferences?.find((o) => o.controller && o.kind === 'DaemonSet')
      if (ref) this.queue.add(`${p.metadata!.namespace}/${ref.name}`)
    }
    this.pods.addEventHandler({ onAdd: enqueueOwner, onUpdate: (_a, p) => enqueueOwner(p), onDelete: enqueueOwner })
  }

  private shouldRun(ds: DaemonSet, node: Node): boolean {
    const tolerations = ds.spec?.template.spec?.tolerations
    const taints = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')
    if (!taints.every((t) => toleratesTaint(tolerations, t))) return false
    const sel = ds.spec?.template.spec?.nodeSelector ?? {}
    return Object.entries(sel).every(([k, v]) => node.metadata?.labels?.[k] === v)
  }

  sync(key: string): void {
    const ds = this.sets.get(key)
    if (!ds || ds.metadata?.deletionTimestamp) return
    const owned = this.pods
      .byIndex(CONTROLLER_UID_INDEX, ds.metadata!.uid!)
      .filter((p) => p.metadata!.namespace === ds.metadata!.namespace && isControlledBy(p, ds.metadata!.uid) && isPodActive(p))
    const nodeOf = (p: Pod) =>
      p.spec?.nodeName ?? p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0]
    const nodes = this.nodes.list().filter((n) => this.shouldRun(ds, n))
    for (const node of nodes) {
      const nodeName = node.metadata!.name!
      if (owned.some((p) => nodeOf(p) === nodeName)) continue
      createPodFromTemplate(this.ctx, this.recorder, ds, ds.spec!.template, 'apps/v1', 'DaemonSet', (pod) => {
        pod.spec!.affinity = {
          ...(pod.spec!.affinity ?? {}),
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } },
        }
        // The daemonset controller adds these tolerations to every daemon pod (util.AddOrUpdateDaemonPodTolerations).
        const extra = [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
          { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
        ]
        const tol = [...(pod.spec!.tolerations ?? [])]
        for (const t of extra) if (!tol.some((x) => x.key === t.key && x.effect === t.effect)) tol.push(t)
        if (pod.spec!.hostNetwork) tol.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' })
        pod.spec!.tolerations = tol
      })
    }
    const scheduled = owned.filter((p) => p.spec?.nodeName)
    const ready = scheduled.filter(isPodReady).length
    const status: Record<string, number | undefined> = {
      currentNumberScheduled: scheduled.length,
      desiredNumberScheduled: nodes.length,
      numberAvailable: ready || undefined,
      numberMisscheduled: 0,
      numberReady: ready,
      observedGeneration: ds.metadata!.generation,
      updatedNumberScheduled: scheduled.length || undefined,
    }
    if (ready < nodes.length) status.numberUnavailable = nodes.length - ready
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k]
    if (JSON.stringify(status) !== JSON.stringify(ds.status ?? {})) this.ctx.client.updateStatus('daemonsets', { ...ds, status })
  }
}
