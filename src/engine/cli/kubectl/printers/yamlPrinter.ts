// `kubectl ... -o yaml`.
// Mirrors: k8s.io/cli-runtime pkg/printers/yaml.go (YAMLPrinter.PrintObj: yaml.Marshal of the
// object, and "---\n" before every object after the first one a printer prints) and
// sigs.k8s.io/yaml yaml.go (Marshal = json.Marshal, then JSONToYAML: decode the JSON with
// go-yaml v2 and encode it again with goyaml.v2 encode.go: map keys sorted with keyList.Less,
// strings plain when they would read back as strings, literal `|` style when they contain a
// newline, double-quoted otherwise). The text itself is written by yamlEmitter.ts.
// Not reproducible: go-yaml's key comparison is not a total order for some keys (`a1b` < `a01b`
// < `a10` < `a1b`), and Go sorts the keys starting from random map order, so the real kubectl
// prints such keys in a different order from run to run; this prints one of those orders.
// Also not reproduced: go-yaml's "found unexpected document indicator" error for a string where
// a NEL is followed by `---` or `...`.
// Dropped: the WatchEvent/runtime.Unknown cases and the "missing apiVersion or kind" check (the
// caller's; every object Podlab serves has both); managedFields stripping is `omitManagedFields`
// in outputFormat.ts.

import { emitYamlDocument, type ScalarStyle, type YamlNode } from './yamlEmitter'
import { formatYamlNumber, isBase60Float, resolvesToNonString, yamlKeyLess } from './yamlResolve'

function scalar(value: string, style: ScalarStyle): YamlNode {
  return { kind: 'scalar', value, style }
}

/** What go-yaml says when the JSON text holds a character its reader refuses. */
export const YAML_CONTROL_CHARACTERS_ERROR = 'yaml: control characters are not allowed'

/** Thrown by toKubectlYaml; `message` is go-yaml's error, which kubectl prints after "error: ". */
export class YamlPrintError extends Error {}

/**
 * A string as go-yaml reads it back out of the JSON text. Go's JSON writes DEL, the C1 controls
 * and U+FFFE/U+FFFF raw, and go-yaml's reader rejects those. It also writes NEL (U+0085) raw,
 * which go-yaml's double-quoted scalar scanner treats as a line break and folds with the spaces
 * around it: one NEL becomes a space, n NELs n-1 newlines. (Tabs, newlines and U+2028/U+2029 are
 * escaped in the JSON, so they come back unchanged.)
 */
function throughJsonAndBack(s: string): string {
  let out = ''
  let run = ''
  let nels = 0
  const flush = () => {
    out += nels === 0 ? run : nels === 1 ? ' ' : '\n'.repeat(nels - 1)
    run = ''
    nels = 0
  }
  for (const ch of s) {
    let cp = ch.codePointAt(0) as number
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd // Go's JSON replaces invalid UTF-8.
    if (cp === 0x7f || (cp >= 0x80 && cp <= 0x9f && cp !== 0x85) || cp === 0xfffe || cp === 0xffff) {
      throw new YamlPrintError(YAML_CONTROL_CHARACTERS_ERROR)
    }
    if (cp === 0x20 || cp === 0x85) {
      run += ch
      if (cp === 0x85) nels++
      continue
    }
    flush()
    out += String.fromCodePoint(cp)
  }
  flush()
  return out
}

/** encode.go stringv: the style go-yaml asks the emitter for. */
function stringNode(raw: string): YamlNode {
  const s = throughJsonAndBack(raw)
  if (s.includes('\n')) return scalar(s, 'literal')
  const canUsePlain = !resolvesToNonString(s) && !isBase60Float(s)
  return scalar(s, canUsePlain ? 'plain' : 'double')
}

/** The go-yaml document tree for a JSON value (what JSONToYAML decodes and re-encodes). */
export function toYamlNode(v: unknown): YamlNode {
  if (v === null || v === undefined) return scalar('null', 'plain')
  if (typeof v === 'string') return stringNode(v)
  if (typeof v === 'boolean') return scalar(v ? 'true' : 'false', 'plain')
  if (typeof v === 'number') return scalar(formatYamlNumber(v), 'plain')
  if (Array.isArray(v)) return { kind: 'sequence', items: v.map(toYamlNode) }
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>
    // Keys are sorted as go-yaml reads them back (after NEL folding).
    const pairs = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .map((k) => [throughJsonAndBack(k), k] as const)
      .sort(([a], [b]) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0))
    return { kind: 'mapping', pairs: pairs.map(([, k]) => [stringNode(k), toYamlNode(obj[k])]) }
  }
  return scalar('null', 'plain')
}

/**
 * An object exactly as `kubectl -o yaml` prints it, trailing newline included. Throws a
 * YamlPrintError for the one failure kubectl has (see throughJsonAndBack); printKubectlYaml
 * returns it instead.
 * @example toKubectlYaml({ data: { a: 'yes' } }) // 'data:\n  a: "yes"\n'
 */
export function toKubectlYaml(obj: unknown): string {
  return emitYamlDocument(toYamlNode(obj))
}

/** toKubectlYaml without the throw: the text, or go-yaml's error message. */
export function printKubectlYaml(obj: unknown): { output: string } | { error: string } {
  try {
    return { output: toKubectlYaml(obj) }
  } catch (err) {
    if (err instanceof YamlPrintError) return { error: err.message }
    throw err
  }
}

/**
 * Several objects printed by one YAMLPrinter, as `kubectl create -f multi.yaml -o yaml` does:
 * a `---` line before every document but the first. The printer writes that line before it
 * marshals the object, so it is there even when the object then fails to print; failures are
 * returned in order for the caller to report.
 */
export function printKubectlYamlDocuments(objs: readonly unknown[]): { output: string; errors: string[] } {
  let output = ''
  const errors: string[] = []
  objs.forEach((obj, i) => {
    if (i > 0) output += '---\n'
    const printed = printKubectlYaml(obj)
    if ('error' in printed) errors.push(printed.error)
    else output += printed.output
  })
  return { output, errors }
}
