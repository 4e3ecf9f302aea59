// The images the simulated registries hold: repository, tags, compressed size, digest and the
// config (entrypoint, cmd, env) the container runtime needs. Issue 3 replaces sizes with real
// layer stacks; until then an image is one content-addressed blob of its real compressed size.
// Sizes and versions are those of the real images (Docker Hub / registry.k8s.io, late 2024).

export interface ImageConfig {
  entrypoint?: string[]
  cmd?: string[]
  env?: string[]
  workingDir?: string
  /** The image's STOPSIGNAL: what the runtime sends first when stopping a container (default SIGTERM). */
  stopSignal?: 'SIGTERM' | 'SIGQUIT' | 'SIGINT' | 'SIGWINCH'
  /** The simulated program the image's main process runs (programs/). */
  program: string
}

export interface CatalogImage {
  /** Fully qualified repository, e.g. docker.io/library/nginx */
  repository: string
  tags: string[]
  /** Compressed size in bytes (what the kubelet reports as "Image size"). */
  size: number
  /** Manifest digest, for imageID: docker.io/library/nginx@sha256:… */
  digest: string
  config: ImageConfig
}

// nginx's Dockerfile has STOPSIGNAL SIGQUIT since 1.19 (graceful shutdown); httpd's SIGWINCH.
const NGINX_ENTRY = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], program: 'nginx', stopSignal: 'SIGQUIT' as const }
const SHELL = { cmd: ['sh'], program: 'sh' }

function img(repository: string, tags: string[], size: number, digest: string, config: ImageConfig): CatalogImage {
  return { repository, tags, size, digest: `sha256:${digest}`, config }
}

export const IMAGE_CATALOG: readonly CatalogImage[] = [
  img('docker.io/library/nginx', ['latest', '1.27', '1.27.3', 'mainline', 'stable', '1'], 72_099_410, '0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a', { ...NGINX_ENTRY, env: ['NGINX_VERSION=1.27.3'] }),
  img('docker.io/library/nginx', ['alpine', '1.27-alpine', '1.27.3-alpine'], 20_506_631, '41523187cf7d7a2f2677a80609d9caa14388bf5c1fbca9c410ba3de602aaaab4', { ...NGINX_ENTRY, env: ['NGINX_VERSION=1.27.3'] }),
  img('docker.io/library/nginx', ['1.25', '1.25.5'], 71_003_243, 'a484819eb60211f5299034ac80f6a681b06f89e65866ce91f356ed7c72af059c', { ...NGINX_ENTRY, env: ['NGINX_VERSION=1.25.5'] }),
  img('docker.io/library/nginx', ['1.23', '1.23.4'], 57_002_146, 'a97a153152fcd6410bdf4fb64f5622ecf97a753f07dcc89dab14509d059736cf', { ...NGINX_ENTRY, env: ['NGINX_VERSION=1.23.4'] }),
  img('docker.io/library/nginx', ['1.21', '1.21.6'], 56_746_213, '2834dc507516af02784808c5f48b7cbe38b8ed5d0f4837f16e78d00deb7e7767', { ...NGINX_ENTRY, env: ['NGINX_VERSION=1.21.6'] }),
  img('docker.io/library/nginx', ['1.19', '1.19.10'], 53_615_236, 'df13abe416e37eb3db4722840dd479b00ba193ac6606e7902331dcea50f4f1f2', { ...NGINX_ENTRY, env: ['NGINX_VERSION=1.19.10'] }),
  img('docker.io/library/nginx', ['1.16.1', '1.16'], 44_826_545, 'd20aa6d1cae56fd17cd458f4807e0de462caf2336f0b70b5eeb69fcaaf30dd9c', { cmd: ['nginx', '-g', 'daemon off;'], program: 'nginx', env: ['NGINX_VERSION=1.16.1'] }),
  img('docker.io/library/nginx', ['1.14.2', '1.14'], 44_711_354, 'f7988fb6c02e0ce69257d9bd9cf37ae20a60f1df7563c3a2a6abe24160306b8d', { cmd: ['nginx', '-g', 'daemon off;'], program: 'nginx', env: ['NGINX_VERSION=1.14.2'] }),
  img('docker.io/library/busybox', ['latest', '1.37', '1.37.0', '1.36', '1.36.1', 'stable'], 2_167_089, 'a5d0ce49aa801d475da48f8cb163c354ab95cab073cd3c138bd458fc8257fbf1', SHELL),
  img('docker.io/library/busybox', ['1.28', '1.28.4'], 727_869, '141c253bc4c3fd0a201d32dc1f493bcf3fff003b6df416dea4f41046e0f37d47', SHELL),
  img('docker.io/library/alpine', ['latest', '3.21', '3.21.0', '3.20', '3'], 3_644_138, '21dc6063fd678b478f57c0e13f47560d0ea4eeba26dfc947b2a4f81f686b9f45', { cmd: ['/bin/sh'], program: 'sh' }),
  img('docker.io/library/ubuntu', ['latest', '24.04', 'noble', '22.04', 'jammy'], 29_754_290, '80dd3c3b9c6cecb9f1667e9290b3bc61b78c2678c02cbdae5f0fea92cc6734ab', { cmd: ['/bin/bash'], program: 'sh' }),
  img('docker.io/library/debian', ['latest', 'bookworm', '12', 'bookworm-slim'], 48_494_272, '17122fe3d66916e55c0cbd5bbf54bb3f87b3582f4d86a755a0fd3498d360f91b', { cmd: ['bash'], program: 'sh' }),
  img('docker.io/library/redis', ['latest', '7', '7.4', '7.4.1', 'alpine', '7-alpine'], 45_028_337, 'bb142a9c18ac18a16713c1491d779697b4e107c22a97266616099d288237ef47', { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], program: 'redis' }),
  img('docker.io/library/httpd', ['latest', '2.4', '2'], 58_271_234, '72f6e2a4d8ee9c6d0d2b6c9ee4a4fa6fdd8fc4c33e26c1c25a1e6bb3d2d6f2ae', { cmd: ['httpd-foreground'], program: 'httpd', stopSignal: 'SIGWINCH' }),
  img('registry.k8s.io/pause', ['3.10'], 320_368, 'ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a', { entrypoint: ['/pause'], program: 'pause' }),
  // The images a kind node (kindest/node:v1.32.2) has preloaded.
  img('registry.k8s.io/etcd', ['3.5.16-0'], 57_680_541, 'c6a9d11cc5c04b114ccdef39a9265eeef818e3d02f5359be035ae784097fdec5', { program: 'etcd' }),
  img('registry.k8s.io/kube-apiserver', ['v1.32.2'], 28_670_731, 'c47449f3e751588ea0cb74e325e0f83db335a415f4f4c7fb147375dd6c84757f', { program: 'kube-apiserver' }),
  img('registry.k8s.io/kube-controller-manager', ['v1.32.2'], 26_259_392, '399aa50f4d1361c59dc458e634506d02de32613d03a9a614a21058741162ef90', { program: 'kube-controller-manager' }),
  img('registry.k8s.io/kube-scheduler', ['v1.32.2'], 20_657_902, '45710d74cfd5aa10a001d0cf81747b77c28617444ffee0503d12f1dcd7450f76', { program: 'kube-scheduler' }),
  img('registry.k8s.io/kube-proxy', ['v1.32.2'], 30_907_858, '83c025f0faa6799fab6645102a98138e39a9a7db2be3bc792c79d72659b1805d', { program: 'kube-proxy' }),
  img('registry.k8s.io/coredns/coredns', ['v1.11.3'], 18_562_039, '9caabbf6238b189a65d0d6e6ac138de60d6a1c419e5a341fbbb7c78382559c6e', { entrypoint: ['/coredns'], program: 'coredns' }),
  img('docker.io/kindest/kindnetd', ['v20250214-acbabc1a'], 39_008_320, 'e3c42406b0806c1f7e8a66838377936cbd2cdfd94d9b26a3eefedada8713d495', { program: 'kindnetd' }),
  img('docker.io/kindest/local-path-provisioner', ['v20250214-acbabc1a'], 22_541_737, '8bba8a4ed3a3a2a2b2d8b46ab8c4e48ea1a8b5c3b2b8f0e1e2c2f3c4d5e6f7a8', { program: 'local-path-provisioner' }),
]

export interface ImageRef {
  /** What the user wrote, e.g. "nginx" */
  original: string
  /** docker.io/library/nginx */
  repository: string
  tag: string
  digest?: string
  /** docker.io/library/nginx:latest */
  full: string
}

/**
 * Normalise an image reference as containerd does (distribution/reference ParseNormalizedNamed
 * + TagNameOnly): "nginx" -> docker.io/library/nginx:latest, "user/app:1" -> docker.io/user/app:1.
 * Returns undefined for a reference that does not parse (InvalidImageName).
 */
export function parseImageRef(ref: string): ImageRef | undefined {
  if (!ref || /[A-Z\s]/.test(ref.split('@')[0].split('/').slice(0, -1).join('/')) || /\s/.test(ref)) return undefined
  let rest = ref
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) return undefined
  }
  let tag = ''
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined
  }
  const parts = rest.split('/')
  let domain = 'docker.io'
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) domain = parts.shift()!
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library')
  const path = parts.join('/')
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) return undefined
  if (!tag && !digest) tag = 'latest'
  const repository = `${domain}/${path}`
  return { original: ref, repository, tag, digest, full: digest ? `${repository}@${digest}` : `${repository}:${tag}` }
}

export function findImage(ref: ImageRef): CatalogImage | undefined {
  return IMAGE_CATALOG.find((i) => i.repository === ref.repository && (ref.digest ? i.digest === ref.digest : i.tags.includes(ref.tag)))
}

export function repositoryExists(repository: string): boolean {
  return IMAGE_CATALOG.some((i) => i.repository === repository)
}
