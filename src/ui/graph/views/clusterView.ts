// Cluster view, the pure part: from the mirror to the model the layout needs (machines and the
// pods they hold). Split in two so React can compare cheaply: the selector flattens what the
// layout depends on into strings (compared with useShallow), parseStructure rebuilds the model.
import type { MirrorState } from '../../state/mirrorStore'
import type { Pod } from '../../state/kube'
import type { ClusterModel } from '../layout'

const NONE: readonly string[] = []

/**
 * Machine uid and name; pod uid, namespace, name and node. A status change leaves these strings
 * equal, so the layout (and React Flow's node list) is not recomputed; only the changed pod's
 * component re-renders.
 */
export function selectClusterStructure(s: Pick<MirrorState, 'byUid' | 'uidsByKind'>): string[] {
  const out: string[] = []
  for (const uid of s.uidsByKind.Node ?? NONE) out.push(`N\t${uid}\t${s.byUid[uid]?.metadata?.name ?? ''}`)
  for (const uid of s.uidsByKind.Pod ?? NONE) {
    const p = s.byUid[uid] as Pod | undefined
    out.push(`P\t${uid}\t${p?.metadata?.namespace ?? ''}\t${p?.metadata?.name ?? ''}\t${p?.spec?.nodeName ?? ''}`)
  }
  return out
}

export function parseStructure(tokens: readonly string[]): ClusterModel {
  const model: ClusterModel = { machines: [], pods: [] }
  for (const t of tokens) {
    const f = t.split('\t')
    if (f[0] === 'N') model.machines.push({ uid: f[1]!, name: f[2]! })
    else model.pods.push({ uid: f[1]!, namespace: f[2]!, name: f[3]!, nodeName: f[4]! })
  }
  return model
}
