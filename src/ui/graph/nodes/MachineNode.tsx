import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import type { Node } from '../../state/kube'
import { useClusterObject } from '../useClusterObject'
import { nodeDisplayStatus, nodeTone } from '../status'
import type { GraphNodeData } from './nodeTypes'

const ROLE_PREFIX = 'node-role.kubernetes.io/'

/** kubectl's ROLES cell: node-role.kubernetes.io/<role> labels plus kubernetes.io/role. */
function roles(node: Node): string[] {
  const labels = node.metadata?.labels ?? {}
  const out = new Set<string>()
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) out.add(k.slice(ROLE_PREFIX.length))
    else if (k === 'kubernetes.io/role' && v) out.add(v)
  }
  return [...out].sort()
}

/** A Node (a machine): a box that holds its pods. */
export const MachineNode = memo(function MachineNode({ data }: NodeProps<GraphNodeData>) {
  const node = useClusterObject<Node>(data.uid)
  if (!node) return null
  const name = node.metadata?.name ?? ''
  const status = nodeDisplayStatus(node)
  const tone = nodeTone(status)
  const r = roles(node)
  const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address
  const version = node.status?.nodeInfo?.kubeletVersion
  const isControlPlane = r.includes('control-plane')
  return (
    <div className={`machine tone-${tone}`} data-kind="Node" data-name={name} data-namespace="" data-status={status}>
      <div className="machine-header">
        <img
          className="machine-icon"
          src={isControlPlane ? '/icons/control-plane.svg' : '/icons/node.svg'}
          alt=""
          width={28}
          height={28}
          draggable={false}
        />
        <div className="machine-title">
          <div className="machine-name">{name}</div>
          <div className="machine-meta">
            {[r.join(','), version, ip].filter(Boolean).join(' · ')}
          </div>
        </div>
        <span className="badge">{status}</span>
      </div>
    </div>
  )
})

/** Pods that no machine holds yet (unscheduled, or bound to a node the mirror does not have). */
export const LaneNode = memo(function LaneNode() {
  return (
    <div className="machine lane">
      <div className="machine-header">
        <div className="machine-title">
          <div className="machine-name">Unscheduled</div>
          <div className="machine-meta">pods waiting for a node</div>
        </div>
      </div>
    </div>
  )
})
