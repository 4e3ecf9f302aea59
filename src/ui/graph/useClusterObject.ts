import { useMirror } from '../state/mirrorStore'
import type { KubeObject } from '../state/kube'

/** One mirrored object by uid; the component re-renders only when that object changes. */
export function useClusterObject<T = KubeObject>(uid: string): T | undefined {
  return useMirror((s) => s.byUid[uid]) as T | undefined
}
