// kube-scheduler (pkg/scheduler/schedule_one.go): take an unscheduled pod from the queue, filter
// the nodes, score the feasible ones, pick the best (ties broken at random, as selectHost's
// reservoir sampling does), and bind through the pods/binding subresource. A pod that fits
// nowhere gets a FailedScheduling event and PodScheduled=False, and is retried with back-off
// (1 s doubling to 10 s) and whenever a node changes.

import type { Clock } from '../clock/virtualClock'
import type { Rng } from '../clock/random'
import type { Node, Pod } from '../api/types'
import type { Client } from '../client/client'
import { InformerFactory, type Informer } from '../client/informer'
import { WorkQueue } from '../client/workQueue'
import { EventRecorder } from '../client/eventRecorder'
import type { Reconciler } from '../client/controller'
import { keyOf } from '../client/keys'
import { isNotFound } from '../client/client'
import { rfc3339 } from '../api/time'
import { isPodTerminal, nonZeroRequests, podRequests } from '../api/podutil'
import { allocatableOf, fitErrorMessage, hostPortsOf, preFilter, runFilterPlugins, runScorePlugins, type FilterResult, type NodeInfo } from './plugins'

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
const POD_INITIAL_BACKOFF_MS = 1000
const POD_MAX_BACKOFF_MS = 10_000

interface Assigned {
  node: string
  req: ReturnType<typeof podRequests>
  nonZero: ReturnType<typeof nonZeroRequests>
  ports: string[]
  owner?: string
}

export class Scheduler implements Reconciler {
  readonly name = DEFAULT_SCHEDULER_NAME
  readonly queue: WorkQueue<string>
  private readonly pods: Informer<Pod>
  private readonly nodes: Informer<Node>
  private readonly recorder: EventRecorder
  private readonly nodeInfos = new Map<string, NodeInfo>()
  /**
   * The NodeInfos in node-name order, as each cycle walks them (the scheduler cache's snapshot
   * nodeInfoList); rebuilt only when a node is added or removed, not for every pod.
   */
  private nodeInfoList: NodeInfo[] | undefined
  private readonly assigned = new Map<string, Assigned>()
  private readonly unschedulable = new Set<string>()

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly rng: Rng,
    hostName: string,
  ) {
    this.queue = new WorkQueue(clock, 'scheduler', POD_INITIAL_BACKOFF_MS, POD_MAX_BACKOFF_MS)
    const factory = new InformerFactory(client)
    this.pods = factory.informerFor<Pod>('pods')
    this.nodes = factory.informerFor<Node>('nodes')
    this.recorder = new EventRecorder(client, clock, { component: DEFAULT_SCHEDULER_NAME, host: hostName, newEventsApi: true, action: 'Binding' })
    this.nodes.addEventHandler({
      onAdd: (n) => this.upsertNode(n),
      onUpdate: (_o, n) => this.upsertNode(n),
      onDelete: (n) => {
        this.nodeInfos.delete(n.metadata!.name!)
        this.nodeInfoList = undefined
      },
    })
    this.pods.addEventHandler({
      onAdd: (p) => this.onPod(p),
      onUpdate: (_o, p) => this.onPod(p),
      onDelete: (p) => {
        this.unaccount(keyOf(p))
        this.unschedulable.delete(keyOf(p))
        this.moveAllToActive()
      },
    })
    factory.start()
  }

  private upsertNode(node: Node): void {
    const name = node.metadata!.name!
    const info = this.nodeInfos.get(name)
    if (info) {
      info.node = node
      info.allocatable = allocatableOf(node)
    } else {
      this.nodeInfos.set(name, {
        node,
        requested: { cpu: 0, memory: 0 },
        nonZeroRequested: { cpu: 0, memory: 0 },
        podCount: 0,
        usedPorts: new Set(),
        ownerCounts: new Map(),
        allocatable: allocatableOf(node),
      })
      this.nodeInfoList = undefined
      for (const [, a] of this.assigned) if (a.node === name) this.applyAccount(a, +1)
    }
    this.moveAllToActive()
  }

  /** A node changed or a pod left: unschedulable pods get another try (MoveAllToActiveOrBackoffQueue). */
  private moveAllToActive(): void {
    for (const key of this.unschedulable) this.queue.add(key)
  }

  private responsibleFor(pod: Pod): boolean {
    return (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME
  }

  private onPod(pod: Pod): void {
    const key = keyOf(pod)
    const node = pod.spec?.nodeName
    if (node) {
      this.unschedulable.delete(key)
      if (isPodTerminal(pod)) {
        if (this.unaccount(key)) this.moveAllToActive()
      } else if (!this.assigned.has(key)) this.account(key, pod, node)
      return
    }
    if (!pod.metadata?.deletionTimestamp && this.responsibleFor(pod)) this.queue.add(key)
  }

  private account(key: string, pod: Pod, node: string): void {
    const a: Assigned = {
      node,
      req: podRequests(pod),
      nonZero: nonZeroRequests(pod),
      ports: hostPortsOf(pod),
      owner: pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid,
    }
    this.assigned.set(key, a)
    this.applyAccount(a, +1)
  }

  private unaccount(key: string): boolean {
    const a = this.assigned.get(key)
    if (!a) return false
    this.assigned.delete(key)
    this.applyAccount(a, -1)
    return true
  }

  private applyAccount(a: Assigned, sign: 1 | -1): void {
    const info = this.nodeInfos.get(a.node)
    if (!info) return
    info.requested.cpu += sign * a.req.cpu
    info.requested.memory += sign * a.req.memory
    info.nonZeroRequested.cpu += sign * a.nonZero.cpu
    info.nonZeroRequested.memory += sign * a.nonZero.memory
    info.podCount += sign
    for (const p of a.ports) sign > 0 ? info.usedPorts.add(p) : info.usedPorts.delete(p)
    if (a.owner) info.ownerCounts.set(a.owner, (info.ownerCounts.get(a.owner) ?? 0) + sign)
  }

  sync(key: string): void {
    const pod = this.pods.get(key)
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp || !this.responsibleFor(pod)) {
      this.unschedulable.delete(key)
      return
    }
    this.scheduleOne(key, pod)
  }

  private scheduleOne(key: string, pod: Pod): void {
    const nodes = this.snapshot()
    const state = preFilter(pod)
    const failures: FilterResult[] = []
    const feasible: NodeInfo[] = []
    for (const info of nodes) {
      const r = runFilterPlugins(pod, info, state)
      if (r) failures.push(r)
      else feasible.push(info)
    }
    if (!feasible.length) return this.handleFailure(key, pod, fitErrorMessage(nodes.length, failures))
    const owner = pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid
    let maxOwner = 0
    if (owner) for (const info of feasible) maxOwner = Math.max(maxOwner, (info.ownerCounts.get(owner) ?? 0) + 1)
    // selectHost: the highest score; among equals, each has the same chance (reservoir sampling).
    let best: NodeInfo | undefined
    let bestScore = -Infinity
    let ties = 0
    for (const info of feasible) {
      const score = runScorePlugins(pod, info, owner, maxOwner, state)
      if (score > bestScore) {
        best = info
        bestScore = score
        ties = 1
      } else if (score === bestScore) {
        ties++
        if (this.rng.int(ties) === 0) best = info
      }
    }
    const nodeName = best!.node.metadata!.name!
    try {
      this.client.createSubresource('pods', pod.metadata!.namespace, pod.metadata!.name!, 'binding', {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: pod.metadata!.name, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid },
        target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
      })
    } catch (e) {
      if (isNotFound(e)) return
      throw e
    }
    this.unschedulable.delete(key)
    this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata!.namespace}/${pod.metadata!.name} to ${nodeName}`)
  }

  /** The nodes in name order (Cache.UpdateSnapshot's list, kept until the set of nodes changes). */
  private snapshot(): NodeInfo[] {
    if (!this.nodeInfoList) {
      this.nodeInfoList = [...this.nodeInfos.values()].sort((a, b) => (a.node.metadata!.name! < b.node.metadata!.name! ? -1 : 1))
    }
    return this.nodeInfoList
  }

  private handleFailure(key: string, pod: Pod, message: string): void {
    this.recorder.event(pod, 'Warning', 'FailedScheduling', message)
    const cond = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled')
    if (!cond || cond.status !== 'False' || cond.message !== message) {
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
      conditions.push({
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null as unknown as string,
        lastTransitionTime: cond?.status === 'False' ? cond.lastTransitionTime : rfc3339(this.clock.now()),
        reason: 'Unschedulable',
        message,
      })
      try {
        this.client.updateStatus('pods', { ...pod, status: { ...(pod.status ?? {}), conditions } })
      } catch (e) {
        if (!isNotFound(e)) throw e
      }
    }
    this.unschedulable.add(key)
    this.queue.addRateLimited(key)
  }

}
