// Bench worlds the engine's public surface does not offer yet. createWorld only boots the
// default kind cluster (one control plane, two workers): bootKindCluster calls
// kindNodes(clusterName) without a worker count. A big cluster is therefore built here the way
// `kind create cluster` with more worker entries would: boot the default cluster, then join the
// remaining kind workers as kubelets that register their Nodes through the API, as kubeadm join
// does. The DaemonSets (kube-proxy, kindnet) follow onto the new nodes on their own.
// What the engine should expose instead: a `workers` option on createWorld (WorldOptions) passed
// through bootKindCluster to kindNodes, so benches and scenarios need no internals.

import { World } from '../../src/engine/index'
import { bootKindCluster, type Cluster } from '../../src/engine/world'
import { kindNodes } from '../../src/engine/cluster/kind'
import { Kubelet } from '../../src/engine/node/kubelet'
import { isNodeReady } from '../../src/engine/api/podutil'
import type { Node, Pod } from '../../src/engine/api/types'

/** A kind world with `nodes` nodes in all (one control plane and nodes - 1 workers). */
export function kindWorldWithNodes(nodes: number, seed = 1): { world: World; cluster: Cluster } {
  if (nodes < 3) throw new Error('the default kind cluster already has 3 nodes')
  const world = new World({ seed, scenario: 'empty' })
  const cluster = bootKindCluster(world)
  const clusterName = cluster.name
  for (const spec of kindNodes(clusterName, nodes - 1).slice(3)) {
    const kubelet = new Kubelet(cluster.client(`system:node:${spec.name}`), world.clock, world.rng, spec)
    cluster.kubelets.set(spec.name, kubelet)
    cluster.register(kubelet)
  }
  world.runUntilIdle()
  const c = cluster.client('bench')
  // Nodes Ready and every DaemonSet pod bound; the system pods' containers may still be
  // starting, which does not matter to the scheduler.
  world.runUntil(() => {
    const ns = c.list<Node>('nodes').items
    return ns.length === nodes && ns.every(isNodeReady) && c.list<Pod>('pods').items.every((p) => !!p.spec?.nodeName)
  }, 5 * 60_000)
  return { world, cluster }
}
