// kubeconfig files: what kind writes to ~/.kube/config, how kubectl reads and merges them, which
// cluster, user and namespace it then talks to, and the form it writes them back in.
// Mirrors: k8s.io/client-go/tools/clientcmd api/v1/types.go (Config, NamedCluster, Cluster,
// NamedContext, Context, NamedAuthInfo, AuthInfo, Preferences: their JSON names, types and
// omitempty), api/v1/conversion.go (lists become maps keyed by name; written back sorted by
// name), loader.go (Load, LoadFromFile; the KUBECONFIG path list, deduplicated; the first file
// that sets a map entry or current-context wins; preferences merged field by field; missing
// files in the list skipped, a missing --kubeconfig file an error), the json serializer's
// errors (go-yaml v2 text, "couldn't get version/kind", "no kind ... is registered", Go's
// UnmarshalTypeError and base64 CorruptInputError), client_config.go (--context/--cluster/
// --user/--namespace/--server overrides, the "localhost:8080" default when nothing is
// configured), and kind's kubeconfig (pkg/cluster/internal/kubeconfig: cluster, context and user
// all named kind-<name>).
// Left out: exec and auth-provider users are carried through as written (no defaulting, no
// type checks inside them); extensions likewise; a name listed twice in one file with different
// contents (client-go refuses it, printing the whole list with %v) keeps the last entry; the
// ~/.kube/.kubeconfig migration rule; certificate files are not read except by --flatten.

import { FsError, type HostFs } from '../../host/fs'
import { parseYamlDocument } from './manifestYamlParser'
import { YamlValueError, yamlDocumentToJson } from './manifestYamlValues'
import { compareGoStrings } from '../../api/goValues'
import { toKubectlYaml } from './printers/yamlPrinter'

export interface KubeconfigCluster {
  server?: string
  'tls-server-name'?: string
  'insecure-skip-tls-verify'?: boolean
  'certificate-authority'?: string
  /** Base64, as in the file. */
  'certificate-authority-data'?: string
  'proxy-url'?: string
  'disable-compression'?: boolean
  extensions?: unknown
}
export interface KubeconfigContext {
  cluster?: string
  user?: string
  namespace?: string
  extensions?: unknown
}
export interface KubeconfigUser {
  'client-certificate'?: string
  'client-certificate-data'?: string
  'client-key'?: string
  'client-key-data'?: string
  token?: string
  tokenFile?: string
  as?: string
  'as-uid'?: string
  'as-groups'?: string[]
  'as-user-extra'?: Record<string, string[]>
  username?: string
  password?: string
  'auth-provider'?: unknown
  exec?: unknown
  extensions?: unknown
}
export interface KubeconfigPreferences {
  colors?: boolean
  extensions?: unknown
}
export interface Kubeconfig {
  apiVersion?: string
  kind?: string
  preferences?: KubeconfigPreferences
  clusters?: { name: string; cluster: KubeconfigCluster }[]
  contexts?: { name: string; context: KubeconfigContext }[]
  users?: { name: string; user: KubeconfigUser }[]
  'current-context'?: string
  extensions?: unknown
}

export type StanzaKind = 'clusters' | 'contexts' | 'users'
export const STANZA_KINDS: readonly StanzaKind[] = ['clusters', 'contexts', 'users']

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

/** $KUBECONFIG's files: split on ":", empty entries skipped, duplicates dropped. */
export function envKubeconfigFiles(env: Readonly<Record<string, string>>): string[] {
  return [...new Set((env.KUBECONFIG ?? '').split(':').filter(Boolean))]
}

/** The files kubectl reads: --kubeconfig, else $KUBECONFIG's list, else ~/.kube/config. */
export function kubeconfigPaths(flag: string, env: Readonly<Record<string, string>>, home: string): { paths: string[]; explicit: boolean } {
  if (flag) return { paths: [flag], explicit: true }
  const list = envKubeconfigFiles(env)
  if (list.length) return { paths: list, explicit: false }
  return { paths: [`${home}/.kube/config`], explicit: false }
}

// ---------------------------------------------------------------------------------------
// Decoding one file

type FieldType = 'string' | 'bool' | 'bytes' | 'strings' | 'stringsMap' | 'opaque' | Struct | { list: Struct }
interface Struct {
  goName: string
  fields: Record<string, FieldType>
}

const EXTENSIONS: FieldType = 'opaque'
const CLUSTER: Struct = {
  goName: 'Cluster',
  fields: {
    server: 'string',
    'tls-server-name': 'string',
    'insecure-skip-tls-verify': 'bool',
    'certificate-authority': 'string',
    'certificate-authority-data': 'bytes',
    'proxy-url': 'string',
    'disable-compression': 'bool',
    extensions: EXTENSIONS,
  },
}
const CONTEXT: Struct = { goName: 'Context', fields: { cluster: 'string', user: 'string', namespace: 'string', extensions: EXTENSIONS } }
const AUTH_INFO: Struct = {
  goName: 'AuthInfo',
  fields: {
    'client-certificate': 'string',
    'client-certificate-data': 'bytes',
    'client-key': 'string',
    'client-key-data': 'bytes',
    token: 'string',
    tokenFile: 'string',
    as: 'string',
    'as-uid': 'string',
    'as-groups': 'strings',
    'as-user-extra': 'stringsMap',
    username: 'string',
    password: 'string',
    'auth-provider': 'opaque',
    exec: 'opaque',
    extensions: EXTENSIONS,
  },
}
const PREFERENCES: Struct = { goName: 'Preferences', fields: { colors: 'bool', extensions: EXTENSIONS } }
const CONFIG: Struct = {
  goName: 'Config',
  fields: {
    kind: 'string',
    apiVersion: 'string',
    preferences: PREFERENCES,
    clusters: { list: { goName: 'NamedCluster', fields: { name: 'string', cluster: CLUSTER } } },
    users: { list: { goName: 'NamedAuthInfo', fields: { name: 'string', user: AUTH_INFO } } },
    contexts: { list: { goName: 'NamedContext', fields: { name: 'string', context: CONTEXT } } },
    'current-context': 'string',
    extensions: EXTENSIONS,
  },
}

/** Go's reflect type string for an UnmarshalTypeError. */
function goTypeName(t: FieldType): string {
  if (t === 'string') return 'string'
  if (t === 'bool') return 'bool'
  if (t === 'bytes') return '[]uint8'
  if (t === 'strings') return '[]string'
  if (t === 'stringsMap') return 'map[string][]string'
  if (t === 'opaque') return 'interface {}'
  if ('list' in t) return `[]v1.${t.list.goName}`
  return `v1.${t.goName}`
}

/** encoding/json's name for the JSON value it could not store. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'string') return 'string'
  return 'object'
}

class DecodeError extends Error {}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** base64.StdEncoding.Decode's CorruptInputError offset for `s`, or undefined when it decodes. */
export function base64CorruptOffset(s: string): number | undefined {
  const newline = (c: string | undefined) => c === '\n' || c === '\r'
  let si = 0
  for (;;) {
    let j = 0
    while (j < 4) {
      if (si === s.length) return j === 0 ? undefined : si - j
      const c = s[si++]
      if (newline(c)) continue
      if (BASE64.includes(c)) {
        j++
        continue
      }
      if (c !== '=') return si - 1
      // Padding: only in the third or fourth place, "==" when in the third.
      if (j < 2) return si - 1
      while (newline(s[si])) si++
      if (j === 2) {
        if (si === s.length) return s.length
        if (s[si] !== '=') return si - 1
        si++
        while (newline(s[si])) si++
      }
      return si < s.length ? si : undefined
    }
  }
}

/**
 * Stores JSON `v` as Go's decoder would into a value of type `t`, keeping only known fields.
 * `path` is the JSON field path for errors; `owner` the struct holding the field.
 */
function decodeValue(v: unknown, t: FieldType, path: string, owner: string): unknown {
  if (v === null || v === undefined) return undefined
  const typeError = () =>
    new DecodeError(`json: cannot unmarshal ${jsonKind(v)} into Go struct field ${owner}.${path} of type ${goTypeName(t)}`)
  if (t === 'opaque') return v
  if (t === 'string') {
    if (typeof v !== 'string') throw typeError()
    return v
  }
  if (t === 'bool') {
    if (typeof v !== 'boolean') throw typeError()
    return v
  }
  if (t === 'bytes') {
    if (typeof v !== 'string') throw typeError()
    const bad = base64CorruptOffset(v)
    if (bad !== undefined) throw new DecodeError(`illegal base64 data at input byte ${bad}`)
    // Decoding and re-encoding drops the line breaks base64.Decode skips.
    return v.replace(/[\r\n]/g, '')
  }
  if (t === 'strings') {
    if (!Array.isArray(v)) throw typeError()
    return v.map((s) => {
      if (s !== null && typeof s !== 'string') throw new DecodeError(`json: cannot unmarshal ${jsonKind(s)} into Go struct field ${owner}.${path} of type string`)
      return s ?? ''
    })
  }
  if (t === 'stringsMap') {
    if (typeof v !== 'object' || Array.isArray(v)) throw typeError()
    const out: Record<string, string[]> = {}
    for (const [k, list] of Object.entries(v as Record<string, unknown>)) {
      out[k] = (decodeValue(list, 'strings', `${path}.${k}`, owner) as string[] | undefined) ?? []
    }
    return out
  }
  if ('list' in t) {
    if (!Array.isArray(v)) throw typeError()
    return v.map((item) => {
      if (item === null) return decodeStruct({}, t.list, path)
      if (typeof item !== 'object' || Array.isArray(item)) {
        throw new DecodeError(`json: cannot unmarshal ${jsonKind(item)} into Go struct field ${owner}.${path} of type v1.${t.list.goName}`)
      }
      return decodeStruct(item as Record<string, unknown>, t.list, path)
    })
  }
  if (typeof v !== 'object' || Array.isArray(v)) throw typeError()
  return decodeStruct(v as Record<string, unknown>, t, path)
}

function decodeStruct(obj: Record<string, unknown>, s: Struct, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(obj)) {
    const t = s.fields[key]
    if (t === undefined) continue // encoding/json ignores unknown fields
    const decoded = decodeValue(value, t, path ? `${path}.${key}` : key, s.goName)
    if (decoded !== undefined) out[key] = decoded
  }
  return out
}

const SCHEME = 'k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50'

/**
 * clientcmd.Load: one file's text as a Config (v1 field names, unknown fields dropped), or the
 * error kubectl reports for it (without the `error loading config file "<path>": ` prefix).
 */
export function decodeKubeconfig(text: string): { ok: true; config: Kubeconfig } | { ok: false; error: string } {
  if (text.length === 0) return { ok: true, config: {} }
  const parsed = parseYamlDocument(text)
  if (!parsed.ok) return { ok: false, error: parsed.error }
  let doc: unknown
  try {
    doc = yamlDocumentToJson(parsed.root)
  } catch (e) {
    if (e instanceof YamlValueError) return { ok: false, error: e.message }
    throw e
  }
  if (doc === null) return { ok: true, config: {} }
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    return {
      ok: false,
      error: `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(doc)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    }
  }
  const raw = doc as Record<string, unknown>
  for (const key of ['apiVersion', 'kind']) {
    const v = raw[key]
    if (v !== undefined && v !== null && typeof v !== 'string') {
      return { ok: false, error: `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(v)} into Go struct field .${key} of type string` }
    }
  }
  const version = (raw.apiVersion as string | undefined) || 'v1'
  const kind = (raw.kind as string | undefined) || 'Config'
  if (version !== 'v1' || kind !== 'Config') {
    return { ok: false, error: `no kind "${kind}" is registered for version "${version}" in scheme "${SCHEME}"` }
  }
  try {
    return { ok: true, config: decodeStruct(raw, CONFIG, '') as Kubeconfig }
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: e.message }
    throw e
  }
}

// ---------------------------------------------------------------------------------------
// Loading and merging

/** The file each cluster, context and user came from (client-go's LocationOfOrigin). */
export type Origins = Record<StanzaKind, Map<string, string>>

export interface LoadedKubeconfig {
  config: Kubeconfig
  /** The files that were read, in order. */
  files: string[]
  origins: Origins
}

export type LoadResult = ({ ok: true } & LoadedKubeconfig) | { ok: false; error: string }

/** An empty merged config (clientcmdapi.NewConfig). */
export function emptyLoaded(): LoadedKubeconfig {
  return { config: { clusters: [], contexts: [], users: [] }, files: [], origins: { clusters: new Map(), contexts: new Map(), users: new Map() } }
}

/** Entries of one file by name, the later of two same-named entries winning (the v1 → map conversion). */
function byName<T extends { name: string }>(list: readonly T[] | undefined): T[] {
  const seen = new Map<string, T>()
  for (const e of list ?? []) seen.set(e.name ?? '', { ...e, name: e.name ?? '' })
  return [...seen.values()]
}

/**
 * Loads and merges kubeconfig files as clientcmd's loading rules do: a missing file named by
 * --kubeconfig is an error, missing files in the default list are skipped. `paths` are as the
 * user gave them (errors and origins show them so); `resolve` makes them absolute.
 */
export function loadKubeconfig(fs: HostFs, resolve: (p: string) => string, paths: string[], explicit: boolean): LoadResult {
  const merged = emptyLoaded()
  const m = merged.config
  for (const path of paths) {
    let text: string
    try {
      text = fs.readFile(resolve(path), path)
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      if (explicit && e.code === 'ENOENT') return { ok: false, error: `stat ${path}: ${e.description}` }
      if (e.code === 'ENOENT') continue
      return { ok: false, error: `error loading config file "${path}": read ${path}: ${e.description}` }
    }
    const decoded = decodeKubeconfig(text)
    if (!decoded.ok) return { ok: false, error: `error loading config file "${path}": ${decoded.error}` }
    merged.files.push(path)
    const c = decoded.config
    for (const key of STANZA_KINDS) {
      const list = m[key] as { name: string }[]
      for (const entry of byName(c[key] as { name: string }[] | undefined)) {
        if (merged.origins[key].has(entry.name)) continue
        list.push(entry)
        merged.origins[key].set(entry.name, path)
      }
    }
    if (!m['current-context'] && c['current-context']) m['current-context'] = c['current-context']
    if (c.preferences) {
      const p = (m.preferences ??= {})
      if (!p.colors && c.preferences.colors) p.colors = true
      if (p.extensions === undefined && c.preferences.extensions !== undefined) p.extensions = c.preferences.extensions
    }
    if (m.extensions === undefined && c.extensions !== undefined) m.extensions = c.extensions
  }
  return { ok: true, ...merged }
}

// ---------------------------------------------------------------------------------------
// The v1 form kubectl prints and writes

function put(out: Record<string, unknown>, key: string, value: unknown, omitEmpty: boolean): void {
  const empty = value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0)
  if (omitEmpty && empty) return
  out[key] = value ?? (key === 'server' || key === 'cluster' || key === 'user' || key === 'current-context' ? '' : null)
}

function v1Cluster(c: KubeconfigCluster): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  put(out, 'server', c.server ?? '', false)
  put(out, 'tls-server-name', c['tls-server-name'], true)
  put(out, 'insecure-skip-tls-verify', c['insecure-skip-tls-verify'], true)
  put(out, 'certificate-authority', c['certificate-authority'], true)
  put(out, 'certificate-authority-data', c['certificate-authority-data'], true)
  put(out, 'proxy-url', c['proxy-url'], true)
  put(out, 'disable-compression', c['disable-compression'], true)
  if (c.extensions !== undefined) out.extensions = c.extensions
  return out
}

function v1User(u: KubeconfigUser): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid'] as const) {
    put(out, key, u[key], true)
  }
  put(out, 'as-groups', u['as-groups'], true)
  if (u['as-user-extra'] && Object.keys(u['as-user-extra']).length > 0) out['as-user-extra'] = u['as-user-extra']
  put(out, 'username', u.username, true)
  put(out, 'password', u.password, true)
  if (u['auth-provider'] !== undefined) out['auth-provider'] = u['auth-provider']
  if (u.exec !== undefined) out.exec = u.exec
  if (u.extensions !== undefined) out.extensions = u.extensions
  return out
}

function v1Context(c: KubeconfigContext): Record<string, unknown> {
  const out: Record<string, unknown> = { cluster: c.cluster ?? '', user: c.user ?? '' }
  put(out, 'namespace', c.namespace, true)
  if (c.extensions !== undefined) out.extensions = c.extensions
  return out
}

function sortedByName<T extends { name: string }>(list: readonly T[] | undefined): T[] | null {
  if (!list || list.length === 0) return null
  return [...list].sort((a, b) => compareGoStrings(a.name, b.name))
}

/**
 * The api/v1 Config kubectl converts a config to before printing or writing it: fields in Go
 * declaration order (for -o json), omitempty fields dropped, every list sorted by name and
 * `null` when empty.
 */
export function toV1Config(config: Kubeconfig): Record<string, unknown> {
  const prefs: Record<string, unknown> = {}
  if (config.preferences?.colors) prefs.colors = true
  if (config.preferences?.extensions !== undefined) prefs.extensions = config.preferences.extensions
  const out: Record<string, unknown> = {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: prefs,
    clusters: sortedByName(config.clusters)?.map((c) => ({ name: c.name, cluster: v1Cluster(c.cluster ?? {}) })) ?? null,
    users: sortedByName(config.users)?.map((u) => ({ name: u.name, user: v1User(u.user ?? {}) })) ?? null,
    contexts: sortedByName(config.contexts)?.map((c) => ({ name: c.name, context: v1Context(c.context ?? {}) })) ?? null,
    'current-context': config['current-context'] ?? '',
  }
  if (config.extensions !== undefined) out.extensions = config.extensions
  return out
}

/** clientcmd.Write: a config as kubectl writes it to a file (YAML of the v1 form). */
export function serializeKubeconfig(config: Kubeconfig): string {
  return toKubectlYaml(toV1Config(config))
}

// ---------------------------------------------------------------------------------------
// The client config in force

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

/**
 * The host (and port, when the URL has one) of a server URL, as kubectl's connection-refused
 * sentence shows it: the URL's host exactly, no default port added.
 */
export function serverHostPort(server: string): string {
  const m = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/)?([^/?#]*)/.exec(server)
  return m ? m[1] : server
}
