// `kubectl get -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image` and
// `-o custom-columns-file=<file>`: one row per object, each cell a JSONPath result.
// Mirrors: k8s.io/kubectl pkg/cmd/get/customcolumn.go (RelaxedJSONPathExpression,
// NewCustomColumnsPrinterFromSpec, NewCustomColumnsPrinterFromTemplate, PrintObj,
// printOneObject) and cli-runtime pkg/printers/terminal.go (EscapeTerminal).
// The rows are returned as cells, header row first; the caller joins each row with "\t", ends it
// with "\n" and writes it through the tabwriter kubectl uses for it, printers.GetNewTabWriter:
// liggitt/tabwriter with minwidth 6, tabwidth 4, padding 3, padchar ' ', flags RememberWidths
// (the last cell of a row is not padded).
// Dropped: the WatchEvent and runtime.Unknown cases (Podlab hands over decoded objects) and the
// per-Go-type header repetition (objects of one `get` are all *unstructured.Unstructured, so the
// header is printed once).

import { goSprint, type NumberTypes } from '../../../api/goValues'
import { findJsonPathResults, parseJsonPath } from './jsonpath'

export interface CustomColumn {
  /** The header exactly as given (kubectl does not upper-case it). */
  header: string
  /** The JSONPath template after RelaxedJSONPathExpression, e.g. `{.metadata.name}`. */
  fieldSpec: string
}

export interface CustomColumnsSpec {
  columns: CustomColumn[]
  noHeaders: boolean
}

const jsonRegexp = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/**
 * RelaxedJSONPathExpression: `metadata.name`, `.metadata.name`, `{metadata.name}` and
 * `{.metadata.name}` all become `{.metadata.name}`; the empty string stays empty.
 */
export function relaxedJsonPathExpression(pathExpression: string): { expression: string } | { error: string } {
  if (pathExpression.length === 0) return { expression: pathExpression }
  const m = jsonRegexp.exec(pathExpression)
  if (!m) {
    return {
      error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    }
  }
  return { expression: `{.${m[1] !== undefined && m[1] !== '' ? m[1] : m[2]}}` }
}

/** NewCustomColumnsPrinterFromSpec: the `-o custom-columns=<spec>` value. */
export function parseCustomColumnsSpec(spec: string, noHeaders = false): CustomColumnsSpec | { error: string } {
  if (spec.length === 0) return { error: 'custom-columns format specified but no custom columns given' }
  const columns: CustomColumn[] = []
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':')
    if (colon < 0) return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` }
    const relaxed = relaxedJsonPathExpression(part.slice(colon + 1))
    if ('error' in relaxed) return relaxed
    columns.push({ header: part.slice(0, colon), fieldSpec: relaxed.expression })
  }
  return { columns, noHeaders }
}

/** bufio.ScanLines: lines without their "\n" (and a "\r" before it); a last unterminated line counts. */
function scanLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
}

/** bufio.ScanWords: split on white space as unicode.IsSpace defines it. */
function splitOnWhitespace(line: string): string[] {
  return line.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter((w) => w !== '')
}

const templateFormatHint = 'Expected format is one line of space separated headers, one line of space separated column specs.'

/**
 * NewCustomColumnsPrinterFromTemplate: a custom-columns-file, headers on the first line and
 * JSONPath specs on the second. Headers are always printed (kubectl ignores --no-headers here).
 */
export function parseCustomColumnsTemplate(content: string): CustomColumnsSpec | { error: string } {
  const lines = scanLines(content)
  if (lines.length < 1) return { error: `invalid template, missing header line. ${templateFormatHint}` }
  const headers = splitOnWhitespace(lines[0])
  if (lines.length < 2) return { error: `invalid template, missing spec line. ${templateFormatHint}` }
  const specs = splitOnWhitespace(lines[1])
  if (headers.length !== specs.length) {
    return { error: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match` }
  }
  const columns: CustomColumn[] = []
  for (let i = 0; i < headers.length; i++) {
    const relaxed = relaxedJsonPathExpression(specs[i])
    if ('error' in relaxed) return relaxed
    columns.push({ header: headers[i], fieldSpec: relaxed.expression })
  }
  return { columns, noHeaders: false }
}

/** printers.EscapeTerminal: ESC and CR could rewrite the terminal, so they are made visible. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r')
}

/**
 * CustomColumnsPrinter.PrintObj for the objects of one `kubectl get` (the items of the List it
 * builds, or the one object). Returns the cells of every row printed, header first; when a
 * column's template fails to parse or execute, the rows printed before the failure and the
 * error kubectl then reports (after "error: ").
 */
export function customColumnsRows(
  spec: CustomColumnsSpec,
  objects: readonly unknown[],
  numbers: NumberTypes = 'unstructured',
): { rows: string[][]; error?: string } {
  const rows: string[][] = []
  if (!spec.noHeaders) rows.push(spec.columns.map((c) => c.header))
  const templates = []
  for (const column of spec.columns) {
    const parsed = parseJsonPath(column.fieldSpec)
    if ('error' in parsed) return { rows, error: parsed.error }
    templates.push(parsed)
  }
  for (const obj of objects) {
    const cells: string[] = []
    for (const t of templates) {
      const found = findJsonPathResults(t, obj, { allowMissingKeys: true, numbers })
      if ('error' in found) return { rows, error: found.error }
      const values = found.results
      const strings: string[] = []
      if (values.length === 0 || values[0].length === 0) strings.push('<none>')
      for (const set of values) for (const v of set) strings.push(escapeTerminal(goSprint(v, numbers)))
      cells.push(strings.join(','))
    }
    rows.push(cells)
  }
  return { rows }
}
