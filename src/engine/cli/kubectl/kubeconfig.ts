// kubeconfig files: what kind writes to ~/.kube/config and how kubectl picks the cluster, user
// and namespace it talks to.
// Mirrors: k8s.io/client-go/tools/clientcmd api/v1 types (Config, NamedCluster, NamedContext,
// NamedAuthInfo), loader.go (the KUBECONFIG path list; the first file that sets a map entry wins)
// and client_config.go (--context/--cluster/--user/--namespace/--server overrides, the
// "localhost:8080" default when nothing is configured), and kind's kubeconfig (pkg/cluster/
// internal/kubeconfig: cluster, context and user all named kind-<name>).
// Left out: exec/auth-provider users, certificate files, proxy-url, extensions.

import { load as loadYaml } from 'js-yaml'
import { FsError, type HostFs } from '../../host/fs'

export interface KubeconfigCluster {
  server?: string
  'certificate-authority-data'?: string
  'insecure-skip-tls-verify'?: boolean
}
export interface KubeconfigContext {
  cluster?: string
  user?: string
  namespace?: string
}
export interface Kubeconfig {
  apiVersion?: string
  kind?: string
  preferences?: Record<string, unknown>
  clusters?: { name: string; cluster: KubeconfigCluster }[]
  contexts?: { name: string; context: KubeconfigContext }[]
  users?: { name: string; user: Record<string, unknown> }[]
  'current-context'?: string
}

/** What kind writes for a cluster: everything named kind-<cluster>. */
export function kindKubeconfig(clusterName: string, server: string, certs: { ca: string; cert: string; key: string }): Kubeconfig {
  const name = `kind-${clusterName}`
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': certs.ca, server }, name }],
    contexts: [{ context: { cluster: name, user: name }, name }],
    'current-context': name,
    kind: 'Config',
    preferences: {},
    users: [{ name, user: { 'client-certificate-data': certs.cert, 'client-key-data': certs.key } }],
  }
}

/** The files kubectl reads: --kubeconfig, else $KUBECONFIG's list, else ~/.kube/config. */
export function kubeconfigPaths(flag: string, env: Readonly<Record<string, string>>, home: string): { paths: string[]; explicit: boolean } {
  if (flag) return { paths: [flag], explicit: true }
  const list = (env.KUBECONFIG ?? '').split(':').filter(Boolean)
  if (list.length) return { paths: list, explicit: false }
  return { paths: [`${home}/.kube/config`], explicit: false }
}

export type LoadResult = { ok: true; config: Kubeconfig; files: string[] } | { ok: false; error: string }

/**
 * Loads and merges kubeconfig files as clientcmd's loading rules do: a missing file named by
 * --kubeconfig is an error, missing files in the default list are skipped.
 */
export function loadKubeconfig(fs: HostFs, resolve: (p: string) => string, paths: string[], explicit: boolean): LoadResult {
  const merged: Kubeconfig = { clusters: [], contexts: [], users: [] }
  const files: string[] = []
  for (const path of paths) {
    let text: string
    try {
      text = fs.readFile(resolve(path), path)
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      if (explicit) return { ok: false, error: `stat ${path}: ${e.description}` }
      continue
    }
    let doc: unknown
    try {
      doc = loadYaml(text, { json: true })
    } catch (e) {
      const reason = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)
      return { ok: false, error: `error loading config file "${path}": ${reason}` }
    }
    if (doc === null || doc === undefined) continue
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      return { ok: false, error: `error loading config file "${path}": couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(doc) ? 'array' : typeof doc} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }` }
    }
    files.push(path)
    const c = doc as Kubeconfig
    for (const key of ['clusters', 'contexts', 'users'] as const) {
      for (const entry of c[key] ?? []) {
        const list = merged[key] as { name: string }[]
        if (entry && typeof entry.name === 'string' && !list.some((e) => e.name === entry.name)) list.push(entry)
      }
    }
    if (merged['current-context'] === undefined && c['current-context']) merged['current-context'] = c['current-context']
    if (merged.preferences === undefined && c.preferences) merged.preferences = c.preferences
  }
  return { ok: true, config: merged, files }
}

export interface Overrides {
  context: string
  cluster: string
  user: string
  namespace: string
  server: string
}

export type ClientConfig =
  | { ok: true; server: string; namespace: string; namespaceExplicit: boolean; context: string; cluster: string; user: string }
  | { ok: false; error: string }

/** clientcmd's DirectClientConfig: the context in force, its cluster and namespace. */
export function resolveClientConfig(config: Kubeconfig, o: Overrides): ClientConfig {
  const contextName = o.context || config['current-context'] || ''
  const ctx = contextName ? config.contexts?.find((c) => c.name === contextName)?.context : undefined
  if (contextName && !ctx && o.context) return { ok: false, error: `context was not found for specified context: ${contextName}` }
  const clusterName = o.cluster || ctx?.cluster || ''
  const cluster = clusterName ? config.clusters?.find((c) => c.name === clusterName)?.cluster : undefined
  if (clusterName && !cluster && o.cluster) return { ok: false, error: `cluster "${clusterName}" does not exist` }
  const userName = o.user || ctx?.user || ''
  const namespace = o.namespace || ctx?.namespace || 'default'
  // With no cluster configured, client-go falls back to the insecure local port.
  const server = o.server || cluster?.server || 'http://localhost:8080'
  return { ok: true, server, namespace, namespaceExplicit: o.namespace !== '', context: contextName, cluster: clusterName, user: userName }
}

/** "host:port" of a server URL, as the connection-refused message shows it. */
export function serverHostPort(server: string): string {
  const m = /^(?:(https?):\/\/)?([^/]+)/.exec(server)
  if (!m) return server
  const host = m[2]!
  if (host.includes(':')) return host
  return `${host}:${m[1] === 'http' ? 80 : 443}`
}
