// A kind world with many nodes for the scheduling bench: createWorld's `workers` option, as
// `kind create cluster` with more worker entries in its config would build it.

import { createWorld, type World } from '../../src/engine/index'
import { Cluster } from '../../src/engine/world'
import { Scheduler } from '../../src/engine/scheduler/scheduler'
import { InformerFactory } from '../../src/engine/client/informer'
import { ServiceAccountsController } from '../../src/engine/controllers/serviceAccount'
import type { Node } from '../../src/engine/api/types'

/** A kind world with `nodes` nodes in all (one control plane and nodes - 1 workers). */
export function kindWorldWithNodes(nodes: number, seed = 1): { world: World; cluster: Cluster } {
  const world = createWorld({ seed, workers: nodes - 1 })
  return { world, cluster: world.cluster! }
}

/**
 * scheduler_perf's setup (kubernetes test/integration/scheduler_perf): an apiserver, the
 * scheduler and `nodes` Ready Node objects without kubelets, so that only scheduling is timed.
 * The nodes are copies of a booted kind worker's Node.
 */
export function schedulerOnlyWorld(nodes: number, seed = 1): { world: World; cluster: Cluster } {
  const template = createWorld({ seed }).cluster!.client('bench').get<Node>('nodes', undefined, 'kind-worker')
  const world = createWorld({ seed, scenario: 'empty' })
  const cluster = new Cluster(world, 'bench')
  world.cluster = cluster
  const c = cluster.client('bench')
  for (const ns of ['default', 'kube-system']) c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
  for (let i = 0; i < nodes; i++) {
    const name = `node-${i}`
    const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, ...meta } = template.metadata!
    const node: Node = { ...template, metadata: { ...meta, name, labels: { ...meta.labels, 'kubernetes.io/hostname': name } } }
    const created = c.create<Node>('nodes', undefined, node)
    c.updateStatus('nodes', { ...created, status: template.status })
  }
  // The namespaces' default ServiceAccounts, which pod admission requires.
  const cm = cluster.client('system:kube-controller-manager')
  const ctx = { client: cm, clock: world.clock, rng: world.rng, informers: new InformerFactory(cm) }
  const sa = new ServiceAccountsController(ctx, '')
  ctx.informers.start()
  cluster.register(sa)
  cluster.register(new Scheduler(cluster.client('system:kube-scheduler'), world.clock, world.rng, 'node-0'))
  world.runUntilIdle()
  return { world, cluster }
}
