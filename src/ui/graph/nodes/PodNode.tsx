import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import type { Pod } from '../../state/kube'
import { useClusterObject } from '../useClusterObject'
import { podDisplayStatus, podTone } from '../status'
import type { GraphNodeData } from './nodeTypes'

/** kubectl's READY cell for a pod: ready containers / containers. */
function readyCell(pod: Pod): string {
  const total = pod.spec?.containers?.length ?? 0
  const ready = (pod.status?.containerStatuses ?? []).filter((c) => c.ready && c.state?.running).length
  return `${ready}/${total}`
}

export const PodNode = memo(function PodNode({ data }: NodeProps<GraphNodeData>) {
  const pod = useClusterObject<Pod>(data.uid)
  if (!pod) return null
  const name = pod.metadata?.name ?? ''
  const namespace = pod.metadata?.namespace ?? ''
  const status = podDisplayStatus(pod)
  const tone = podTone(status)
  const ready = readyCell(pod)
  return (
    <div
      className={`pod tone-${tone}`}
      data-kind="Pod"
      data-name={name}
      data-namespace={namespace}
      data-status={status}
      data-node={pod.spec?.nodeName ?? ''}
      title={`${namespace}/${name}\n${status} · ${ready} ready`}
    >
      <img className="pod-icon" src="/icons/pod.svg" alt="" width={18} height={18} draggable={false} />
      <div className="pod-text">
        <div className="pod-name">{name}</div>
        <div className="pod-meta">
          <span className="pod-status">{status}</span>
          <span className="pod-ready" title="ready containers / containers">
            {ready}
          </span>
        </div>
      </div>
    </div>
  )
})
