// The Cluster view: mirror → structure (selectClusterStructure) → layout (layout.ts) → React
// Flow. The node list is rebuilt only when the structure changes (a pod comes, goes or is
// scheduled); status changes re-render just the affected node component.
import { useEffect, useMemo, useRef } from 'react'
import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Node as FlowNode } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useShallow } from 'zustand/react/shallow'
import { useMirror } from '../state/mirrorStore'
import { parseStructure, selectClusterStructure } from './views/clusterView'
import { layoutCluster, type Slots } from './layout'
import { nodeTypes } from './nodes/nodeTypes'
import { TestIds } from '../testIds'

const FIT = { padding: 0.08, maxZoom: 1.1, duration: 250 } as const

function ClusterFlow() {
  const structure = useMirror(useShallow(selectClusterStructure))
  const slots = useRef<Slots>({})
  const layout = useMemo(() => {
    const l = layoutCluster(parseStructure(structure), slots.current)
    slots.current = l.slots
    return l
  }, [structure])

  // Reuse the previous React Flow node object when nothing about it moved, so React Flow (and
  // the memoised node components) skip the nodes a structure change did not touch.
  const previous = useRef(new Map<string, FlowNode>())
  const nodes = useMemo<FlowNode[]>(() => {
    const next = new Map<string, FlowNode>()
    const list = layout.nodes.map((n) => {
      const old = previous.current.get(n.id)
      const same =
        old &&
        old.type === n.type &&
        old.parentId === n.parentId &&
        old.position.x === n.x &&
        old.position.y === n.y &&
        old.width === n.width &&
        old.height === n.height
      const node: FlowNode = same
        ? old
        : {
            id: n.id,
            type: n.type,
            position: { x: n.x, y: n.y },
            ...(n.parentId ? { parentId: n.parentId, extent: 'parent' as const } : {}),
            data: old?.data ?? { uid: n.id },
            width: n.width,
            height: n.height,
            draggable: false,
            selectable: false,
            connectable: false,
            focusable: false,
          }
      next.set(n.id, node)
      return node
    })
    previous.current = next
    return list
  }, [layout])

  const { fitView } = useReactFlow()
  const wrapper = useRef<HTMLDivElement>(null)
  // Re-fit when the drawing changes size (a machine or a row of pods appears) or the panel is
  // resized; never on a status change, so the view stays calm.
  const sizeKey = `${layout.width}x${layout.height}`
  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView(FIT))
    return () => cancelAnimationFrame(id)
  }, [sizeKey, fitView])
  useEffect(() => {
    const el = wrapper.current
    if (!el) return
    let frame = 0
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => void fitView({ ...FIT, duration: 0 }))
    })
    ro.observe(el)
    return () => {
      cancelAnimationFrame(frame)
      ro.disconnect()
    }
  }, [fitView])

  return (
    <div className="graph" ref={wrapper} data-testid={TestIds.graph}>
      <ReactFlow
        nodes={nodes}
        edges={[]}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        minZoom={0.15}
        maxZoom={2}
        fitView
        fitViewOptions={FIT}
        // No keyboard shortcuts: React Flow listens on the document, and Monaco 0.57 types
        // through an EditContext element that React Flow does not recognise as an input, so
        // its Space (pan) and Backspace (delete) handlers would swallow the editor's keys.
        panActivationKeyCode={null}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomActivationKeyCode={null}
        disableKeyboardA11y
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="#cbd5e1" />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
    </div>
  )
}

export function GraphCanvas() {
  return (
    <ReactFlowProvider>
      <ClusterFlow />
    </ReactFlowProvider>
  )
}
