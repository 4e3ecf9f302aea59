// How the `kubectl config` commands find, read and write kubeconfig files.
// Mirrors: k8s.io/client-go/tools/clientcmd config.go (PathOptions: GetLoadingPrecedence,
// GetStartingConfig (a missing file is an empty config, even one named by --kubeconfig),
// GetDefaultFilename, IsExplicitFile; ModifyConfig and writeCurrentContext: every changed
// cluster, context and user is written back to the file it came from, a new one to the default
// file, the current-context to the default file; getConfigFromFile) and loader.go
// (LoadFromFile, WriteToFile: the parent directory is created; the file holds the v1 Config as
// YAML).
// Left out: the lock files ModifyConfig takes, deleting stanzas (no Podlab command removes
// one), relativizing certificate paths when a cluster or user is written (Podlab's commands
// only write contexts and current-context), and file permissions.

import { FsError, type HostFs } from '../../../host/fs'
import {
  decodeKubeconfig,
  envKubeconfigFiles,
  loadKubeconfig,
  serializeKubeconfig,
  STANZA_KINDS,
  type Kubeconfig,
  type LoadedKubeconfig,
  type LoadResult,
} from '../kubeconfig'

export interface PathOptions {
  fs: HostFs
  /** Makes a path as the user gave it absolute (relative to the working directory). */
  resolve: (path: string) => string
  /** --kubeconfig, or "". */
  explicitFile: string
  /** $KUBECONFIG's files, deduplicated. */
  envFiles: string[]
  /** ~/.kube/config. */
  globalFile: string
}

/** The path options of a kubectl process: its --kubeconfig flag, $KUBECONFIG and home. */
export function pathOptions(
  fs: HostFs,
  resolve: (path: string) => string,
  kubeconfigFlag: string,
  env: Readonly<Record<string, string>>,
  home: string,
): PathOptions {
  const globalFile = `${home}/.kube/config`
  return { fs, resolve, explicitFile: kubeconfigFlag, envFiles: envKubeconfigFiles(env), globalFile }
}

/** GetLoadingPrecedence. */
export function loadingPrecedence(o: PathOptions): string[] {
  if (o.explicitFile) return [o.explicitFile]
  if (o.envFiles.length > 0) return o.envFiles
  return [o.globalFile]
}

/** GetStartingConfig: the merged config; files that do not exist are empty. */
export function getStartingConfig(o: PathOptions): LoadResult {
  return loadKubeconfig(o.fs, o.resolve, loadingPrecedence(o), false)
}

function exists(o: PathOptions, path: string): boolean {
  return o.fs.stat(o.resolve(path)) !== undefined
}

/** GetDefaultFilename: where new stanzas and the current-context are written. */
export function defaultFilename(o: PathOptions): string {
  if (o.explicitFile) return o.explicitFile
  if (o.envFiles.length === 1) return o.envFiles[0]
  if (o.envFiles.length > 1) return o.envFiles.find((f) => exists(o, f)) ?? o.envFiles[o.envFiles.length - 1]
  return o.globalFile
}

/** LoadFromFile: one file on its own; a missing file is an error here. */
export function loadFromFile(o: PathOptions, path: string): { ok: true; config: Kubeconfig } | { ok: false; error: string } {
  let text: string
  try {
    text = o.fs.readFile(o.resolve(path), path)
  } catch (e) {
    if (!(e instanceof FsError)) throw e
    return { ok: false, error: e.code === 'ENOENT' ? `open ${path}: ${e.description}` : `read ${path}: ${e.description}` }
  }
  return decodeKubeconfig(text)
}

/** getConfigFromFile: like loadFromFile, but a file that does not exist yet is an empty config. */
function configFromFile(o: PathOptions, path: string): { ok: true; config: Kubeconfig } | { ok: false; error: string } {
  if (!exists(o, path)) return { ok: true, config: {} }
  return loadFromFile(o, path)
}

/** WriteToFile. */
function writeToFile(o: PathOptions, config: Kubeconfig, path: string): void {
  const abs = o.resolve(path)
  o.fs.mkdirAll(abs.slice(0, abs.lastIndexOf('/')) || '/')
  o.fs.writeFile(abs, serializeKubeconfig(config), path)
}

/** Go's zero values ("" , false, empty lists) and absent fields are one and the same. */
function normalized(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(normalized)
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const n = normalized((v as Record<string, unknown>)[k])
      if (n !== undefined) out[k] = n
    }
    return Object.keys(out).length === 0 ? undefined : out
  }
  return v === '' || v === false || v === null ? undefined : v
}

/** reflect.DeepEqual of two stanzas as client-go holds them. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b))
}

/** writeCurrentContext. */
function writeCurrentContext(o: PathOptions, name: string): string | undefined {
  if (o.explicitFile || name !== '') {
    const file = defaultFilename(o)
    const read = configFromFile(o, file)
    if (!read.ok) return read.error
    writeToFile(o, { ...read.config, 'current-context': name }, file)
    return undefined
  }
  // Clearing it: the first file in the chain that sets one.
  for (const file of loadingPrecedence(o)) {
    if (!exists(o, file)) continue
    const read = loadFromFile(o, file)
    if (!read.ok) return read.error
    if (read.config['current-context']) {
      writeToFile(o, { ...read.config, 'current-context': name }, file)
      return undefined
    }
  }
  return 'no config found to write context'
}

/**
 * ModifyConfig: writes the differences between `starting` (as getStartingConfig returned it)
 * and `next` back to the files they belong to. Returns kubectl's error message, if any.
 */
export function modifyConfig(o: PathOptions, starting: LoadedKubeconfig, next: Kubeconfig): string | undefined {
  const before = starting.config
  if ((before['current-context'] ?? '') !== (next['current-context'] ?? '')) {
    const err = writeCurrentContext(o, next['current-context'] ?? '')
    if (err) return err
  }
  if (!same(before.preferences ?? {}, next.preferences ?? {})) {
    const file = defaultFilename(o)
    const read = configFromFile(o, file)
    if (!read.ok) return read.error
    writeToFile(o, { ...read.config, preferences: next.preferences }, file)
  }
  for (const kind of STANZA_KINDS) {
    const old = new Map((before[kind] as { name: string }[] | undefined)?.map((e) => [e.name, e]))
    for (const entry of (next[kind] as { name: string }[] | undefined) ?? []) {
      const was = old.get(entry.name)
      if (was && same(was, entry)) continue
      const file = starting.origins[kind].get(entry.name) ?? defaultFilename(o)
      const read = configFromFile(o, file)
      if (!read.ok) return read.error
      const list = ((read.config[kind] as { name: string }[] | undefined) ?? []).filter((e) => e.name !== entry.name)
      writeToFile(o, { ...read.config, [kind]: [...list, entry] }, file)
    }
  }
  return undefined
}
