// Pure: static pods (the manifests in /etc/kubernetes/manifests) and their mirror pods.
// Mirrors pkg/kubelet/config/common.go (applyDefaults: the pod is named <name>-<node>, its UID is
// the config hash and the hash and source are annotated), pkg/kubelet/config/config.go
// (recordFirstSeenTime: kubernetes.io/config.seen in RFC3339Nano), pkg/kubelet/pod/mirror_client.go
// (CreateMirrorPod: a copy annotated kubernetes.io/config.mirror=<hash>, owned by the Node) and
// pkg/kubelet/types/pod_update.go (IsStaticPod, IsMirrorPod).
// The kubelet runs the static pod itself and records its events against it (UID = the hash); the
// mirror pod in the API only shows it, which is why `kubectl describe` of a mirror pod looks its
// events up by the UID in the mirror annotation.
// Left out: the hash is not the md5 of the manifest (the world's seeded generator gives it), and
// manifests are not re-read (a static pod never changes while the world runs).

import { deepCopy } from '../api/deepCopy'
import type { Pod } from '../api/types'

export const CONFIG_HASH_ANNOTATION = 'kubernetes.io/config.hash'
export const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror'
export const CONFIG_SEEN_ANNOTATION = 'kubernetes.io/config.seen'
export const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source'

/** Go's time.RFC3339Nano: fractional seconds without trailing zeros (none at all for a whole second). */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString()
  const [whole, frac] = [iso.slice(0, 19), iso.slice(20, 23).replace(/0+$/, '')]
  return `${whole}${frac ? `.${frac}` : ''}Z`
}

/** The static pod the file source hands the kubelet for one manifest. */
export function staticPodFromManifest(manifest: Pod, nodeName: string, hash: string, seenMs: number): Pod {
  const pod = deepCopy(manifest)
  pod.metadata = {
    ...pod.metadata,
    name: `${manifest.metadata?.name ?? ''}-${nodeName.toLowerCase()}`,
    namespace: manifest.metadata?.namespace || 'default',
    uid: hash,
    annotations: {
      ...(pod.metadata?.annotations ?? {}),
      [CONFIG_HASH_ANNOTATION]: hash,
      [CONFIG_SEEN_ANNOTATION]: rfc3339Nano(seenMs),
      [CONFIG_SOURCE_ANNOTATION]: 'file',
    },
  }
  pod.spec = { ...pod.spec!, nodeName }
  return pod
}

/** CreateMirrorPod's object: the static pod annotated with its hash and owned by its Node. */
export function mirrorPodOf(staticPod: Pod, nodeName: string, nodeUID: string): Pod {
  const mirror = deepCopy(staticPod)
  const { uid: _uid, ...meta } = mirror.metadata ?? {}
  void _uid
  mirror.metadata = {
    ...meta,
    annotations: { ...(meta.annotations ?? {}), [CONFIG_MIRROR_ANNOTATION]: staticPod.metadata?.uid ?? '' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUID, controller: true }],
  }
  return mirror
}

/** kubetypes.IsMirrorPod. */
export function isMirrorPod(pod: Pod): boolean {
  return CONFIG_MIRROR_ANNOTATION in (pod.metadata?.annotations ?? {})
}

/** kubepod.IsMirrorPodOf: the mirror carries this static pod's hash. */
export function isMirrorPodOf(mirror: Pod, staticPod: Pod): boolean {
  return mirror.metadata?.annotations?.[CONFIG_MIRROR_ANNOTATION] === staticPod.metadata?.uid
}
