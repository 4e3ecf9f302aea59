// React Flow node types, defined once at module level: a new object on each render would make
// React Flow re-create every node (xyflow docs; STYLE.md §8).
import type { Node as FlowNode, NodeTypes } from '@xyflow/react'
import { PodNode } from './PodNode'
import { LaneNode, MachineNode } from './MachineNode'

/** Node data holds the uid only; components read their object from the mirror. */
export type GraphNodeData = FlowNode<{ uid: string }>

export const nodeTypes: NodeTypes = {
  machine: MachineNode,
  pod: PodNode,
  lane: LaneNode,
}
