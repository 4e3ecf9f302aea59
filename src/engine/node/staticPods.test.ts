import { describe, expect, it } from 'vitest'
import { isMirrorPod, isMirrorPodOf, mirrorPodOf, rfc3339Nano, staticPodFromManifest } from './staticPods'

describe('static pods', () => {
  it('names the pod after its node, gives it the hash as UID, and annotates it (config/common.go)', () => {
    const sp = staticPodFromManifest({ metadata: { name: 'etcd', namespace: 'kube-system' }, spec: { containers: [{ name: 'etcd' }] } }, 'kind-control-plane', 'abc', Date.UTC(2026, 10, 22, 9, 0, 0, 300))
    expect(sp.metadata).toEqual({
      name: 'etcd-kind-control-plane',
      namespace: 'kube-system',
      uid: 'abc',
      annotations: { 'kubernetes.io/config.hash': 'abc', 'kubernetes.io/config.seen': '2026-11-22T09:00:00.3Z', 'kubernetes.io/config.source': 'file' },
    })
    const mirror = mirrorPodOf(sp, 'kind-control-plane', 'node-uid')
    expect(mirror.metadata?.uid).toBeUndefined()
    expect(mirror.metadata?.annotations?.['kubernetes.io/config.mirror']).toBe('abc')
    expect(mirror.metadata?.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'kind-control-plane', uid: 'node-uid', controller: true }])
    expect(isMirrorPod(mirror) && isMirrorPodOf(mirror, sp) && !isMirrorPod(sp)).toBe(true)
  })

  it('formats config.seen as Go RFC3339Nano: no trailing zeros', () => {
    expect(rfc3339Nano(Date.UTC(2026, 10, 22, 9, 0, 0))).toBe('2026-11-22T09:00:00Z')
    expect(rfc3339Nano(Date.UTC(2026, 10, 22, 9, 0, 0, 120))).toBe('2026-11-22T09:00:00.12Z')
  })
})
