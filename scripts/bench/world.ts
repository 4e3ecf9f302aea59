// A kind world with many nodes for the scheduling bench: createWorld's `workers` option, as
// `kind create cluster` with more worker entries in its config would build it.

import { createWorld, type World } from '../../src/engine/index'
import type { Cluster } from '../../src/engine/world'

/** A kind world with `nodes` nodes in all (one control plane and nodes - 1 workers). */
export function kindWorldWithNodes(nodes: number, seed = 1): { world: World; cluster: Cluster } {
  const world = createWorld({ seed, workers: nodes - 1 })
  return { world, cluster: world.cluster! }
}
