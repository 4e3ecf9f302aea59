// `-f FILE` for every kubectl command that reads manifests (create, apply, and later delete and
// get): which files the flags name, reading them, decoding them with manifest.ts, and the
// namespace rules kubectl applies to each object it found.
// Mirrors: k8s.io/cli-runtime pkg/resource/builder.go (FilenameOptions.validate,
// RequireFilenameOrKustomize, FilenameParam with expandIfFilePattern, Stdin, Path and its
// "recognized file extensions" error, visitByPaths), visitor.go (ExpandPathsToFileVisitors:
// filepath.Walk in lexical order, subdirectories only with -R, only .json/.yaml/.yml files inside
// a directory; FileVisitorForSTDIN's source "STDIN"; URLVisitor; ContinueOnErrorVisitor and
// EagerVisitorList's error collection) and the decorators Builder.Do adds: SetNamespace
// (DefaultNamespace), RequireNamespace (when -n was given) and FilterNamespace. Go's
// path/filepath Glob and Match for `-f '*.yaml'`.
// Podlab has no network: a URL fails as a host without one fails (`Unable to connect to the
// server: dial tcp: lookup <host>: no such host`).
// Left out: -k/--kustomize (no kustomize build; given alone it is reported as not simulated),
// UTF-16 files (UTF-8 only), --selector filtering of the objects read, and the variants of
// kubectl's errors when the API server cannot be reached while reading (the first use of the
// client reports the connection error).

import type { KubeObject } from '../../../api/types'
import { findByKind, groupVersion, RESOURCES, type ResourceInfo } from '../../../api/resources'
import { parseSelector, type Selector } from '../../../api/labels'
import { FsError } from '../../../host/fs'
import { KubectlExit, type Factory } from '../factory'
import { readManifest, type ManifestError, type ManifestKinds } from '../manifest'
import { compareGoStrings } from '../../../api/goValues'
import type { CmdError, UrlError } from './createCmdutil'

/** FileExtensions: the files a directory contributes. */
export const FILE_EXTENSIONS = ['.json', '.yaml', '.yml']

/** The name kubectl gives standard input as a source. */
export const STDIN_SOURCE = 'STDIN'

export interface FilenameOptions {
  filenames: string[]
  recursive: boolean
  kustomize: string
}

/** FilenameOptions from the command's -f, -R and -k flags (a command without -k has ''). */
export function filenameOptions(f: Factory): FilenameOptions {
  // Commands without -k (run's deprecated -f) have no such flag: f.str throws for them.
  let kustomize: string
  try {
    kustomize = f.str('kustomize')
  } catch {
    kustomize = ''
  }
  return { filenames: f.strs('filename'), recursive: f.bool('recursive'), kustomize }
}

/** RequireFilenameOrKustomize. */
export function requireFilenameOrKustomize(o: FilenameOptions): void {
  if (o.filenames.length === 0 && o.kustomize === '') throw new KubectlExit('error: must specify one of -f and -k\n', 1)
}

/** Where one visitor reads its manifest from. `source` is the name errors and results use. */
export type ManifestSource = { kind: 'stdin'; source: string } | { kind: 'url'; source: string } | { kind: 'file'; source: string; path: string }

// ---- Go's path/filepath Match and Glob ----

class BadPattern extends Error {}

/** filepath.Match for one path element (no separators in `name`); throws BadPattern. */
export function goMatch(pattern: string, name: string): boolean {
  // Compiled to a RegExp after checking the whole pattern's syntax, as Go (1.16+) does.
  const p = [...pattern]
  let i = 0
  /** getEsc: one class character, `\x` escapes; `-`, `]` or the pattern's end are errors. */
  const getEsc = (): string => {
    if (i >= p.length || p[i] === '-' || p[i] === ']') throw new BadPattern()
    if (p[i] === '\\') {
      i++
      if (i >= p.length) throw new BadPattern()
    }
    const c = p[i++]
    if (i >= p.length) throw new BadPattern()
    return c
  }
  let re = '^'
  while (i < p.length) {
    const c = p[i++]
    if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '\\') {
      if (i >= p.length) throw new BadPattern()
      re += escapeRegExp(p[i++])
    } else if (c === '[') {
      let cls = '['
      if (p[i] === '^') {
        cls += '^'
        i++
      }
      let nrange = 0
      for (;;) {
        if (i < p.length && p[i] === ']' && nrange > 0) {
          i++
          break
        }
        const lo = getEsc()
        let hi = lo
        if (p[i] === '-') {
          i++
          hi = getEsc()
        }
        // A range with lo > hi matches nothing in Go (and is a syntax error in a RegExp).
        if ((lo.codePointAt(0) as number) <= (hi.codePointAt(0) as number)) cls += `${escapeClassChar(lo)}-${escapeClassChar(hi)}`
        nrange++
      }
      re += `${cls}]`
    } else re += escapeRegExp(c)
  }
  return new RegExp(`${re}$`, 'u').test(name)
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

function escapeClassChar(c: string): string {
  return c.replace(/[\]\\^-]/g, '\\$&')
}

function hasMeta(path: string): boolean {
  return /[*?[\\]/.test(path)
}

/** filepath.Glob: the matching paths, spelled as the pattern spells their directories. */
export function goGlob(f: Factory, pattern: string): string[] {
  const fs = f.p.host.fs
  // Glob checks the whole pattern first: a malformed one is ErrBadPattern.
  goMatch(pattern, '')
  if (!hasMeta(pattern)) return fs.stat(f.p.resolve(pattern)) ? [pattern] : []
  const slash = pattern.lastIndexOf('/')
  let dir = slash < 0 ? '' : pattern.slice(0, slash + 1)
  const file = pattern.slice(slash + 1)
  // cleanGlobPath: "" is ".", "/" stays, anything else loses its trailing separator.
  if (dir === '') dir = '.'
  else if (dir !== '/') dir = dir.slice(0, -1)
  const dirs = hasMeta(dir) ? goGlob(f, dir) : [dir]
  const out: string[] = []
  for (const d of dirs) {
    if (f.p.host.fs.stat(f.p.resolve(d)) !== 'dir') continue
    for (const e of fs.readDir(f.p.resolve(d))) {
      if (goMatch(file, e.name)) out.push(joinPath(d, e.name))
    }
  }
  return out
}

/** filepath.Join(dir, name) + Clean, for the names Walk and Glob build. */
function joinPath(dir: string, name: string): string {
  return cleanPath(dir === '' ? name : `${dir}/${name}`)
}

/** filepath.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.'
  const rooted = p.startsWith('/')
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!rooted) out.push('..')
      continue
    }
    out.push(part)
  }
  const joined = out.join('/')
  if (rooted) return `/${joined}`
  return joined === '' ? '.' : joined
}

function extOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot < 0 ? '' : base.slice(dot)
}

/** ExpandPathsToFileVisitors: the file itself, or a directory's manifest files (lexical order). */
function expandPath(f: Factory, root: string, recursive: boolean): ManifestSource[] {
  const fs = f.p.host.fs
  const out: ManifestSource[] = []
  const walk = (path: string, isRoot: boolean) => {
    const abs = f.p.resolve(path)
    if (fs.stat(abs) === 'dir') {
      if (!isRoot && !recursive) return
      for (const e of fs.readDir(abs)) walk(joinPath(path, e.name), false)
      return
    }
    // The extension is checked only for files found inside a directory.
    if (!isRoot && !FILE_EXTENSIONS.includes(extOf(path))) return
    out.push({ kind: 'file', source: path, path: abs })
  }
  walk(root, true)
  return out
}

/**
 * FilenameParam + Path: the sources the flags name, or the builder's errors (bad paths, bad
 * patterns), which kubectl reports before reading anything.
 */
export function expandFilenames(f: Factory, o: FilenameOptions, inline?: { source: string }): { sources: ManifestSource[]; errors: string[] } {
  const errors: string[] = []
  if (o.filenames.length > 0 && o.kustomize.length > 0) errors.push('only one of -f or -k can be specified')
  if (o.kustomize.length > 0 && o.recursive) errors.push("the -k flag can't be used with -f or -R")
  if (errors.length > 0) return { sources: [], errors }
  const sources: ManifestSource[] = []
  for (const s of o.filenames) {
    if (s === '-') {
      sources.push({ kind: 'stdin', source: STDIN_SOURCE })
      continue
    }
    if (s.startsWith('http://') || s.startsWith('https://')) {
      sources.push({ kind: 'url', source: s })
      continue
    }
    if (inline && s === inline.source) {
      sources.push({ kind: 'file', source: s, path: f.p.resolve(s) })
      continue
    }
    // expandIfFilePattern
    let matches: string[]
    if (f.p.host.fs.stat(f.p.resolve(s)) === undefined) {
      try {
        matches = goGlob(f, s)
      } catch (e) {
        if (!(e instanceof BadPattern)) throw e
        errors.push(`pattern ${JSON.stringify(s)} is not valid: syntax error in pattern`)
        continue
      }
      if (matches.length === 0) {
        errors.push(`the path ${JSON.stringify(s)} does not exist`)
        continue
      }
    } else matches = [s]
    // Builder.Path
    for (const p of matches) {
      if (f.p.host.fs.stat(f.p.resolve(p)) === undefined) {
        errors.push(`the path ${JSON.stringify(p)} does not exist`)
        continue
      }
      sources.push(...expandPath(f, p, o.recursive))
    }
    // b.paths and b.errs count every -f so far, stdin and URLs included.
    if (sources.length === 0 && errors.length === 0) {
      errors.push(`error reading [${matches.join(' ')}]: recognized file extensions are [${FILE_EXTENSIONS.join(' ')}]`)
    }
  }
  return { sources, errors }
}

// ---- reading ----

/** What fetching a URL gives on a machine without a network (a *url.Error from http.Get). */
function urlError(url: string): UrlError {
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/)[0]
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1)
  const colon = hostPort.lastIndexOf(':')
  const hostname = colon < 0 ? hostPort : hostPort.slice(0, colon)
  const port = colon < 0 ? (url.startsWith('https:') ? '443' : '80') : hostPort.slice(colon + 1)
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(hostname)) return { kind: 'url', url, err: `dial tcp: lookup ${hostname}: no such host` }
  const refused = hostname.startsWith('127.')
  return { kind: 'url', url, err: `dial tcp ${hostname}:${port}: connect: ${refused ? 'connection refused' : 'network is unreachable'}` }
}

/** The discovery RESTMapper of the Podlab apiserver, for manifest.ts's mapping step. */
export const SERVED_KINDS: ManifestKinds = {
  hasKind: (group, version, kind) => RESOURCES.some((r) => r.group === group && (version === '' || r.version === version) && r.kind === kind),
  hasGroupVersion: (group, version) => RESOURCES.some((r) => r.group === group && (version === '' || r.version === version)),
}

/** One object read from a manifest, after kubectl's namespace decorators. */
export interface VisitedObject {
  object: KubeObject
  /** The file (as given or as found in a directory), "STDIN", or the URL. */
  source: string
  /** Which document of its source the object came from (0-based; a List's items share one). */
  index: number
  mapping: ResourceInfo
  /** info.Namespace: the object's namespace ("" for cluster-scoped kinds). */
  namespace: string
  name: string
}

/** One step of the visit, in order: an object, or the error a decorator returned for one. */
export type VisitEntry = { kind: 'object'; object: VisitedObject } | { kind: 'error'; error: string }

export interface FilenameVisit {
  /** Everything visited, in order (what a ContinueOnError callback sees). */
  entries: VisitEntry[]
  /** The objects alone. */
  objects: VisitedObject[]
  /**
   * The errors of reading the sources (parse, validation, decoding, mapping, URLs), in order:
   * EagerVisitorList's aggregate, which kubectl reports after the callbacks' errors.
   */
  fileErrors: CmdError[]
}

export interface VisitOptions {
  /** --validate: false for `ignore` (no client-side apiVersion/kind checks). */
  validate: boolean
  /** -l/--selector: only objects whose labels match are visited. */
  selector?: string
  /** Text to read instead of the file named `source` (the editor's buffer). */
  inline?: { source: string; text: string }
}

function labelsOf(obj: KubeObject): Record<string, string> {
  const labels = isObject(obj.metadata) ? obj.metadata.labels : undefined
  return isObject(labels) ? (labels as Record<string, string>) : {}
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * YAMLReader's document chunks of a (non-JSON) text, to tell which document each object came
 * from; each with its index as the editor counts documents (the `yaml` package: every `---` line
 * starts one, and a first `---` after nothing but comments starts the first).
 */
function documentChunks(text: string): { chunk: string; document: number }[] {
  const chunks: { chunk: string; document: number }[] = []
  let buffer = ''
  let bufferDocument: number | undefined
  let yamlDocument = -1
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  for (const raw of lines) {
    const line = `${raw.endsWith('\r') ? raw.slice(0, -1) : raw}\n`
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim()
      if (rest.length > 0 && !rest.startsWith('#')) break
      yamlDocument++
      if (buffer.length !== 0) {
        chunks.push({ chunk: buffer, document: bufferDocument ?? yamlDocument - 1 })
        buffer = ''
        bufferDocument = undefined
        continue
      }
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      if (yamlDocument < 0) yamlDocument = 0
      bufferDocument ??= yamlDocument
    }
    buffer += line
  }
  if (buffer.length !== 0) chunks.push({ chunk: buffer, document: bufferDocument ?? Math.max(yamlDocument, 0) })
  return chunks
}

/**
 * For each object readManifest returns for `text`, the index of the document it is in, counted
 * as the editor counts them. A document's text is handed to readManifest again to count its
 * objects.
 */
export function documentIndexes(fileName: string, text: string, count: number, validate: boolean): number[] {
  const firstNonSpace = text.trimStart()[0]
  if (firstNonSpace === '{') return Array.from({ length: count }, (_, i) => i)
  const out: number[] = []
  for (const { chunk, document } of documentChunks(text)) {
    // A document that starts with `{` is YAML flow style here; a leading `---` keeps it YAML.
    const body = chunk.startsWith('---') ? chunk.slice(chunk.indexOf('\n') + 1) : chunk
    const n = readManifest(fileName, `---\n${body}`, { validate, kinds: SERVED_KINDS }).objects.length
    for (let k = 0; k < n; k++) out.push(document)
  }
  // A document kubectl stopped at (a parse error) ends the file: later ones have no objects.
  if (out.length < count) return Array.from({ length: count }, () => 0)
  return out.slice(0, count)
}

/**
 * Read every source and visit its objects as the builder of create/apply does
 * (Unstructured, ContinueOnError, NamespaceParam(ns).DefaultNamespace(),
 * FilenameParam(enforceNamespace), Flatten): objects get the default namespace, a namespaced
 * object in another namespace than an explicit -n is an error, cluster-scoped objects lose theirs.
 * Ends the command with the builder's errors when a path is bad.
 */
export function visitFilenames(f: Factory, o: FilenameOptions, options: VisitOptions): FilenameVisit {
  const { sources, errors } = expandFilenames(f, o, options.inline)
  if (errors.length > 0) {
    // Result{err: NewAggregate(b.errs)}: one error is printed with "error: ", several one per line.
    throw new KubectlExit(errors.length === 1 ? `error: ${errors[0]}\n` : `${errors.join('\n')}\n`, 1)
  }
  if (o.kustomize !== '') throw new KubectlExit('error: -k/--kustomize is not simulated by Podlab\n', 1)
  // LabelSelectorParam + visitByPaths' FilteredVisitor.
  let selector: Selector | undefined
  const selectorText = (options.selector ?? '').trim()
  if (selectorText !== '') {
    try {
      selector = parseSelector(selectorText)
    } catch (e) {
      if (!(e instanceof Error)) throw e
      throw new KubectlExit(`error: the provided selector ${JSON.stringify(selectorText)} is not valid: ${e.message}\n`, 1)
    }
  }
  const { namespace, explicit } = f.namespace()
  const entries: VisitEntry[] = []
  const fileErrors: CmdError[] = []
  let stdinRead = false
  for (const src of sources) {
    let text: string
    if (src.kind === 'url') {
      fileErrors.push(urlError(src.source))
      continue
    }
    if (src.kind === 'stdin') {
      // A second `-f -` finds standard input already at its end.
      text = stdinRead ? '' : (f.p.stdin ?? '')
      stdinRead = true
    } else if (options.inline && src.source === options.inline.source) {
      text = options.inline.text
    } else {
      try {
        text = f.p.host.fs.readFile(src.path, src.source)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        fileErrors.push(`open ${src.source}: ${e.description}`)
        continue
      }
    }
    const read = readManifest(src.source, text, { validate: options.validate, kinds: SERVED_KINDS })
    const indexes = documentIndexes(src.source, text, read.objects.length, options.validate)
    read.objects.forEach((obj, i) => {
      if (selector && !selector.matches(labelsOf(obj))) return
      entries.push(decorate(obj, src.source, indexes[i], namespace, explicit))
    })
    fileErrors.push(...read.errors.map((e: ManifestError) => (typeof e === 'string' ? e : [...e])))
  }
  return { entries, objects: entries.flatMap((e) => (e.kind === 'object' ? [e.object] : [])), fileErrors }
}

/** SetNamespace, RequireNamespace and FilterNamespace on one decoded object. */
function decorate(obj: KubeObject, source: string, index: number, defaultNamespace: string, enforce: boolean): VisitEntry {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : ''
  const mapping = findByKind(apiVersion, String(obj.kind ?? '')) ?? findByKind(apiVersion, String(obj.kind ?? '').replace(/List$/, ''))
  if (!mapping) {
    // manifest.ts maps every object it returns; this is only for a `<Kind>List` without items.
    return { kind: 'error', error: `no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(apiVersion)}` }
  }
  const meta = isObject(obj.metadata) ? { ...obj.metadata } : {}
  let ns = typeof meta.namespace === 'string' ? meta.namespace : ''
  const name = typeof meta.name === 'string' ? meta.name : ''
  if (mapping.namespaced) {
    if (ns === '') ns = defaultNamespace
    if (enforce && ns !== defaultNamespace) {
      return {
        kind: 'error',
        error: `the namespace from the provided object ${JSON.stringify(ns)} does not match the namespace ${JSON.stringify(defaultNamespace)}. You must pass '--namespace=${ns}' to perform this operation.`,
      }
    }
    meta.namespace = ns
  } else {
    ns = ''
    delete meta.namespace
  }
  const object = { ...obj, metadata: sortedKeys(meta) } as KubeObject
  return { kind: 'object', object: { object, source, index, mapping, namespace: ns, name } }
}

/** An unstructured map's keys in Go's order (manifest.ts gives sorted objects; keep them so). */
function sortedKeys(m: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(m).sort(compareGoStrings)) out[k] = m[k]
  return out
}

/** The `group/version` of a mapping, as kubectl prints it in Info.String(). */
export function mappingGroupVersion(ri: ResourceInfo): string {
  return groupVersion(ri)
}
