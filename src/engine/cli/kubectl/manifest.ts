// What `kubectl create|apply -f FILE` makes of a file's text: the objects it visits, in order, and
// the errors it reports, worded as kubectl 1.32 prints them.
// Mirrors: cli-runtime pkg/resource/visitor.go (StreamVisitor.Visit: decode, skip empty and
// `null` documents, ValidateSchema, infoForData; FlattenListVisitor; EagerVisitorList and
// ContinueOnErrorVisitor: which errors stop the file and how they are collected),
// mapper.go (infoForData, infoForObject and their RESTMapping errors), apimachinery
// util/yaml/decoder.go (YAMLOrJSONDecoder: JSON when the first non-space byte of the first 4096 is
// `{`; YAMLReader's `---` splitting; LineReader's CRLF handling), unstructured.go
// (unstructuredJSONScheme.decode, decodeToList, the "Object 'Kind' is missing" error),
// metadata_decoder.go (manifestMetadata.ts),
// kubectl pkg/validation (getObjectKind, validateList, ValidateSchema's "error validating data")
// and kubectl cmdutil.CheckErr/MultipleErrors for formatVisitErrors.
// The YAML side is a port of go-yaml v2 (manifestYamlScanner.ts + manifestYamlParser.ts: tokens,
// events and node tree with their error texts; manifestYamlValues.ts: values), not js-yaml (YAML 1.2), which
// rejects documents kubectl reads (flow sequences less indented than their key, `\'` escapes)
// and reports other errors. The JSON side is manifestJson.ts.
// Left out: client-side OpenAPI schema validation, which kubectl 1.32 only does when the server
// lacks field validation, or for `kind: List` items (their getObjectKind checks are kept);
// NoDoubleKeySchema (duplicate label/annotation keys in JSON input, same condition); encodings
// other than UTF-8. Podlab's own limit: files over MAX_MANIFEST_BYTES are refused.

import { compareGoStrings, goQuote, utf8Length } from '../../api/validation/field'
import type { KubeObject } from '../../api/types'
import { formatKubectlError, standardErrorMessage, type KubectlError } from '../../api/errors'
import { marshalGoJson } from './printers/goJson'
import { JsonStream } from './manifestJson'
import { metadataDecodeError } from './manifestMetadata'
import { parseYamlDocument } from './manifestYamlParser'
import { YamlValueError, yamlDocumentToJson } from './manifestYamlValues'

/** Podlab reads manifests of at most 5 MiB (kubectl has no limit; a browser tab does). */
export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024

const STOP_VALIDATE_MESSAGE = 'if you choose to ignore these errors, turn validation off with --validate=false'

/** What discovery serves, for the RESTMapping step (left out when not given, like `--local`). */
export interface ManifestKinds {
  /** Whether `kind` is served in group/version; an empty version means in any version. */
  hasKind(group: string, version: string, kind: string): boolean
  /** Whether the group/version is served at all (empty version: any version of the group). */
  hasGroupVersion(group: string, version: string): boolean
}

export interface ManifestOptions {
  /** `--validate` (default true): kubectl's client-side apiVersion/kind checks. */
  validate?: boolean
  kinds?: ManifestKinds
}

/**
 * One error of the file, as the EagerVisitorList collects it: a message, or the aggregate of a
 * List's item errors (printed `[a, b]` inside other errors, one per line when alone).
 */
export type ManifestError = string | readonly string[]

export interface ManifestResult {
  /** The objects kubectl visits, in order; a List's items in its place. Keys sorted as Go's maps. */
  objects: KubeObject[]
  /** Errors in the order met. A parse or validation error ends the file, so it comes last. */
  errors: ManifestError[]
}

/**
 * Decode `text` (the contents of `fileName`) as `kubectl create|apply -f fileName` does.
 * Objects before an error are still visited (created) by kubectl: callers act on `objects` and
 * then report `errors`, e.g. with formatVisitErrors.
 */
export function readManifest(fileName: string, text: string, options: ManifestOptions = {}): ManifestResult {
  const objects: KubeObject[] = []
  const errors: ManifestError[] = []
  const size = utf8Length(text)
  if (size > MAX_MANIFEST_BYTES) {
    errors.push(`error reading ${fileName}: the file has ${size} bytes; Podlab reads manifests of at most ${MAX_MANIFEST_BYTES} bytes`)
    return { objects, errors }
  }
  const docs = isJsonStream(text) ? jsonDocuments(text) : yamlDocuments(text)
  try {
    for (const doc of docs) {
      if ('error' in doc) {
        errors.push(`error parsing ${fileName}: ${doc.error}`)
        break
      }
      const raw = doc.raw.trim()
      if (raw === '' || raw === 'null') continue
      if (options.validate !== false) {
        const invalid = validateSchema(doc.value)
        if (invalid !== undefined) {
          errors.push(`error validating ${goQuote(fileName)}: ${invalid}`)
          break
        }
      }
      visitDocument(fileName, doc, raw, options.kinds, objects, errors)
    }
  } catch (e) {
    // The JavaScript stack is shallower than the 10000 levels go-yaml and encoding/json allow.
    if (!(e instanceof RangeError)) throw e
    errors.push(`error parsing ${fileName}: the document is nested too deeply for Podlab`)
  }
  return { objects, errors }
}

/** The brief API: the objects, or kubectl's whole error output when anything went wrong. */
export function decodeManifest(fileName: string, text: string, options: ManifestOptions = {}): { objects: KubeObject[] } | { error: string } {
  const { objects, errors } = readManifest(fileName, text, options)
  const message = formatVisitErrors([], errors)
  return message === undefined ? { objects } : { error: message }
}

// ---- documents ----

/** A decoded document; `fromYaml`: its JSON text is json.Marshal's, keys sorted. */
type RawDocument = { raw: string; value: unknown; fromYaml: boolean } | { error: string }

/** GuessJSONStream + hasJSONPrefix: the first 4096 bytes, leading Unicode spaces skipped, start with `{`. */
function isJsonStream(text: string): boolean {
  let bytes = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
    if (bytes > 4096) return false
    if (isGoSpace(cp)) continue
    return ch === '{'
  }
  return false
}

/** unicode.IsSpace. */
function isGoSpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x20 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  )
}

/** strings.TrimSpace (JavaScript's trim also strips U+FEFF, Go's does not). */
function goTrimSpace(s: string): string {
  let a = 0
  let b = s.length
  while (a < b && isGoSpace(s.charCodeAt(a))) a++
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--
  return s.slice(a, b)
}

function* jsonDocuments(text: string): Generator<RawDocument> {
  const stream = new JsonStream(text)
  for (;;) {
    const r = stream.next()
    if (r.kind === 'eof') return
    if (r.kind === 'error') {
      yield { error: r.error }
      return
    }
    yield { raw: r.raw, value: r.value, fromYaml: false }
  }
}

/**
 * YAMLReader over LineReader: lines lose `\r\n`/`\n` and get `\n` back; a line starting with
 * `---` ends the document when only spaces or a comment follow (and is dropped), anything else
 * after it is an error. A first document keeps its leading `---` line.
 */
function* yamlChunks(text: string): Generator<{ chunk: string } | { error: string }> {
  const lines: string[] = []
  let start = 0
  while (start < text.length) {
    const nl = text.indexOf('\n', start)
    if (nl < 0) {
      lines.push(`${text.slice(start)}\n`)
      break
    }
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl
    lines.push(`${text.slice(start, end)}\n`)
    start = nl + 1
  }
  let buffer = ''
  for (const line of lines) {
    if (line.startsWith('---')) {
      const trimmed = goTrimSpace(line.slice(3))
      if (trimmed.length > 0 && trimmed[0] !== '#') {
        yield { error: `invalid Yaml document separator: ${trimmed}` }
        return
      }
      if (buffer.length !== 0) {
        yield { chunk: buffer }
        buffer = ''
        continue
      }
    }
    buffer += line
  }
  if (buffer.length !== 0) yield { chunk: buffer }
}

function* yamlDocuments(text: string): Generator<RawDocument> {
  for (const c of yamlChunks(text)) {
    if ('error' in c) {
      yield c
      return
    }
    // go-yaml reads a byte order mark at the start of the stream as the encoding's, not as text.
    const chunk = c.chunk.startsWith('\ufeff') ? c.chunk.slice(1) : c.chunk
    const parsed = parseYamlDocument(chunk)
    if (!parsed.ok) {
      yield { error: `error converting YAML to JSON: ${parsed.error}` }
      return
    }
    let value: unknown
    try {
      value = yamlDocumentToJson(parsed.root)
    } catch (e) {
      if (e instanceof YamlValueError) {
        yield { error: `error converting YAML to JSON: ${e.message}` }
        return
      }
      throw e
    }
    // sigs.k8s.io/yaml hands over json.Marshal's bytes: compact, map keys sorted.
    yield { raw: value === null ? 'null' : marshalGoJson(value), value, fromYaml: true }
  }
}

// ---- validation (kubectl pkg/validation) ----

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(gv: string): { group: string; version: string } | { error: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' }
  const slashes = gv.split('/').length - 1
  if (slashes === 0) return { group: '', version: gv }
  if (slashes === 1) {
    const i = gv.indexOf('/')
    return { group: gv.slice(0, i), version: gv.slice(i + 1) }
  }
  return { error: `unexpected GroupVersion string: ${gv}` }
}

/** getObjectKind: the checks made before anything else. */
function getObjectKind(obj: unknown): { errors: string[]; group: string; version: string; kind: string } {
  const errors: string[] = []
  if (!isObject(obj)) return { errors: ['invalid object to validate'], group: '', version: '', kind: '' }
  let group = ''
  let version = ''
  const apiVersion = obj.apiVersion
  if (apiVersion === undefined || apiVersion === null) errors.push('apiVersion not set')
  else if (typeof apiVersion !== 'string') errors.push("apiVersion isn't string type")
  else {
    const gv = parseGroupVersion(apiVersion)
    if ('error' in gv) errors.push(gv.error)
    else ({ group, version } = gv)
  }
  const kind = obj.kind
  if (kind === undefined || kind === null) errors.push('kind not set')
  else if (typeof kind !== 'string') errors.push("kind isn't string type")
  return { errors, group, version, kind: typeof kind === 'string' ? kind : '' }
}

/**
 * ValidateSchema through paramVerifyingSchema: getObjectKind's errors; for a v1 List (never
 * validated by the server) also each item's. Returns the text after `error validating "F": `.
 */
function validateSchema(value: unknown): string | undefined {
  const top = getObjectKind(value)
  let errs = top.errors
  if (errs.length === 0 && top.group === '' && top.version === 'v1' && top.kind === 'List') {
    const items = (value as Record<string, unknown>).items
    if (!Array.isArray(items)) errs = ['invalid object to validate']
    else for (const item of items) errs.push(...getObjectKind(item).errors)
  }
  if (errs.length === 0) return undefined
  return `error validating data: ${aggregateErrorString(errs)}; ${STOP_VALIDATE_MESSAGE}`
}

// ---- decoding and visiting (unstructuredJSONScheme, infoForData, FlattenListVisitor) ----

/** The JSON type name encoding/json uses in UnmarshalTypeError. */
function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (v === null || typeof v === 'object') return 'object'
  if (typeof v === 'boolean') return 'bool'
  return typeof v === 'number' ? 'number' : 'string'
}

/** Unstructured's NestedString: the string at the path, else "". */
function nestedString(obj: unknown, ...path: string[]): string {
  let cur: unknown = obj
  for (const p of path) {
    if (!isObject(cur)) return ''
    cur = cur[p]
  }
  return typeof cur === 'string' ? cur : ''
}

/** Unstructured.GroupVersionKind(): empty when apiVersion does not parse. */
function objectGvk(obj: unknown): { group: string; version: string; kind: string } {
  const gv = parseGroupVersion(nestedString(obj, 'apiVersion'))
  if ('error' in gv) return { group: '', version: '', kind: '' }
  return { ...gv, kind: nestedString(obj, 'kind') }
}

function groupVersionString(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`
}

/** The discovery RESTMapper: served kinds, plus `List` and `<Kind>List` in every served version. */
function isMapped(kinds: ManifestKinds, group: string, version: string, kind: string): boolean {
  if (kinds.hasKind(group, version, kind)) return true
  if (kind === 'List' && kinds.hasGroupVersion(group, version)) return true
  return kind.endsWith('List') && kind !== 'List' && kinds.hasKind(group, version, kind.slice(0, -'List'.length))
}

function noKindMatch(group: string, version: string, kind: string): string {
  return `no matches for kind ${goQuote(kind)} in version ${goQuote(groupVersionString(group, version))}`
}

/** Keys in Go's map order (sorted), recursively: the objects are Go maps in kubectl. */
function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep)
  if (!isObject(v)) return v
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v).sort(compareGoStrings)) {
    Object.defineProperty(out, k, { value: sortKeysDeep(v[k]), enumerable: true, writable: true, configurable: true })
  }
  return out
}

function visitDocument(
  fileName: string,
  doc: { value: unknown; fromYaml: boolean },
  raw: string,
  kinds: ManifestKinds | undefined,
  objects: KubeObject[],
  errors: ManifestError[],
): void {
  const value = doc.value
  const fail = (msg: string) => errors.push(`unable to decode ${goQuote(fileName)}: ${msg}`)
  if (!isObject(value)) {
    fail(`json: cannot unmarshal ${jsonTypeName(value)} into Go value of type unstructured.detector`)
    return
  }
  const isList = Object.prototype.hasOwnProperty.call(value, 'items')
  let items: unknown[] = []
  if (isList) {
    const rawItems = value.items
    if (rawItems !== null && !Array.isArray(rawItems)) {
      fail(`json: cannot unmarshal ${jsonTypeName(rawItems)} into Go struct field decodeList.items of type []json.RawMessage`)
      return
    }
    items = rawItems ?? []
    // decodeToUnstructured: every item must be a JSON object (or null).
    const bad = items.find((i) => i !== null && !isObject(i))
    if (bad !== undefined) {
      fail(`json: cannot unmarshal ${jsonTypeName(bad)} into Go value of type map[string]interface {}`)
      return
    }
  }
  const gvk = objectGvk(value)
  if (gvk.kind === '') {
    fail(`Object 'Kind' is missing in '${raw}'`)
    return
  }
  const metadataError = metadataDecodeError(value, doc.fromYaml)
  if (metadataError !== undefined) {
    fail(metadataError)
    return
  }
  if (kinds && !isMapped(kinds, gvk.group, gvk.version, gvk.kind)) {
    const name = isList ? '' : nestedString(value, 'metadata', 'name')
    const namespace = isList ? '' : nestedString(value, 'metadata', 'namespace')
    errors.push(
      `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(fileName)}: ` +
        `${noKindMatch(gvk.group, gvk.version, gvk.kind)}\nensure CRDs are installed first`,
    )
    return
  }
  if (!isList) {
    objects.push(sortKeysDeep(value) as KubeObject)
    return
  }
  // decodeToList: items with neither kind nor apiVersion take the list's.
  const listApiVersion = nestedString(value, 'apiVersion')
  const itemKind = gvk.kind.endsWith('List') ? gvk.kind.slice(0, -'List'.length) : gvk.kind
  const itemErrors: string[] = []
  for (const original of items) {
    const item: Record<string, unknown> = isObject(original) ? { ...original } : {}
    if (nestedString(item, 'kind') === '' && nestedString(item, 'apiVersion') === '') {
      item.kind = itemKind
      item.apiVersion = listApiVersion
    }
    const ig = objectGvk(item)
    const typeInfo = 'unable to get type info from the object "*unstructured.Unstructured": '
    if (ig.kind === '') itemErrors.push(`${typeInfo}Object 'Kind' is missing in 'object has no kind field '`)
    else if (ig.version === '') itemErrors.push(`${typeInfo}Object 'apiVersion' is missing in 'object has no apiVersion field'`)
    else if (kinds && !isMapped(kinds, ig.group, ig.version, ig.kind)) itemErrors.push(`unable to recognize ${noKindMatch(ig.group, ig.version, ig.kind)}`)
    else objects.push(sortKeysDeep(item) as KubeObject)
  }
  if (itemErrors.length > 0) errors.push(itemErrors)
}

// ---- reporting ----

/** utilerrors.Aggregate's Error(): one message alone, several as `[a, b]`, repeats dropped. */
export function aggregateErrorString(errs: readonly ManifestError[]): string {
  const seen: string[] = []
  for (const e of errs) {
    for (const msg of typeof e === 'string' ? [e] : e) if (!seen.includes(msg)) seen.push(msg)
  }
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`
}

function manifestErrorString(e: ManifestError): string {
  return typeof e === 'string' ? e : aggregateErrorString(e)
}

/**
 * What kubectl prints (without the final newline) after visiting files with ContinueOnError:
 * `callbackErrors` are the errors of acting on the objects (e.g. AddSourceToErr'd create
 * failures), `fileErrors` every file's ManifestErrors in order. The file errors form one
 * aggregate placed after the callback errors; cmdutil.CheckErr unwraps an aggregate of one and
 * prints an aggregate one error per line. Undefined when there is no error.
 */
export function formatVisitErrors(callbackErrors: readonly KubectlError[], fileErrors: readonly ManifestError[]): string | undefined {
  type Top = { kind: 'one'; err: KubectlError } | { kind: 'agg'; errs: readonly ManifestError[] }
  const top: Top[] = callbackErrors.map((err) => ({ kind: 'one', err }))
  if (fileErrors.length > 0) top.push({ kind: 'agg', errs: fileErrors })
  if (top.length === 0) return undefined
  // ContinueOnErrorVisitor returns a lone error as is, several as an aggregate; checkErr then
  // unwraps an aggregate of exactly one.
  let single: { kind: 'one'; err: KubectlError } | { kind: 'agg'; errs: readonly (KubectlError | readonly string[])[] }
  if (top.length === 1) single = top[0].kind === 'one' ? top[0] : { kind: 'agg', errs: top[0].errs }
  else single = { kind: 'agg', errs: top.map((t) => (t.kind === 'one' ? t.err : aggregateErrorString(t.errs))) }
  if (single.kind === 'agg' && single.errs.length === 1) {
    const only = single.errs[0]
    single = Array.isArray(only) ? { kind: 'agg', errs: only as readonly string[] } : { kind: 'one', err: only as KubectlError }
  }
  if (single.kind === 'one') return formatKubectlError(single.err)
  return single.errs
    .map((e) => (Array.isArray(e) ? manifestErrorString(e as readonly string[]) : typeof e === 'string' ? e : standardErrorMessage(e as Exclude<KubectlError, string>)))
    .join('\n')
}
