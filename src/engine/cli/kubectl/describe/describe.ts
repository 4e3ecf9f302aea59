// The layout machinery of `kubectl describe`: an indenting writer over a Go tabwriter, and the
// helpers every describer shares (multi-line labels, annotations, taints, tolerations, dates).
// Mirrors: kubectl pkg/describe/describe.go (PrefixWriter, prefixWriter, tabbedString,
// printLabelsMultilineWithIndent, printAnnotationsMultiline, printTaintsMultilineWithIndent,
// printTolerationsMultilineWithIndent, printController, SortedResourceNames, printBool,
// translateTimestampSince) and cli-runtime WriteEscaped.
// Kept: PrefixWriter.Flush is a no-op exactly as upstream (its `flusher` interface wants
// `Flush()`, which tabwriter's `Flush() error` does not satisfy), so DescribeEvents' Flush
// changes nothing. Dropped: the Go format strings; callers pass formatted text.

import type { ObjectMeta, Taint, Toleration } from '../../../api/types'
import { compareGoStrings, sortedBy } from '../../../api/printers/helpers'
import { escapeTerminal } from '../printers/tablePrinter'
import { TabWriter } from '../printers/tabwriter'

/** Indentation levels: each is two spaces. */
export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3
export const LEVEL_4 = 4

/** PrefixWriter: text at an indentation level, written (escaped) into the describe tabwriter. */
export class PrefixWriter {
  private readonly out: TabWriter

  constructor(out: TabWriter) {
    this.out = out
  }

  /** Write(level, format, a...): `text` is the already formatted string. */
  write(level: number, text: string): void {
    this.out.write(escapeTerminal('  '.repeat(level) + text))
  }

  /** WriteLine(a...): fmt.Sprintln, operands separated by spaces, then a newline. */
  writeLine(...a: string[]): void {
    this.out.write(escapeTerminal(a.join(' ') + '\n'))
  }

  /** Flush: a no-op, as upstream (see the file header). */
  flush(): void {}
}

/** tabbedString: run `f` against a PrefixWriter over tabwriter(0, 8, 2, ' ', 0) and flush. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const out = new TabWriter(0, 8, 2, ' ', 0)
  f(new PrefixWriter(out))
  return out.flush()
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad2 = (n: number): string => String(n).padStart(2, '0')

/**
 * t.Format(time.RFC1123Z) in UTC: "Sun, 22 Nov 2026 01:57:39 +0000". A missing time is Go's zero
 * time, "Mon, 01 Jan 0001 00:00:00 +0000".
 */
export function formatRFC1123Z(timestamp: string | undefined | null): string {
  const ms = timestamp ? Date.parse(timestamp) : NaN
  const d = new Date(Number.isNaN(ms) ? -62135596800000 : ms)
  const year = String(d.getUTCFullYear()).padStart(4, '0')
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${year} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
}

/** printBool: "True" / "False". */
export function printBool(value: boolean | undefined): string {
  return value ? 'True' : 'False'
}

/** printLabelsMultilineWithIndent: first k=v on the title line, the rest aligned under it. */
export function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Readonly<Record<string, string>> | undefined,
  skip: ReadonlySet<string> = new Set(),
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const all = labels ?? {}
  if (Object.keys(all).length === 0) {
    w.writeLine('<none>')
    return
  }
  const keys = Object.keys(all)
    .filter((k) => !skip.has(k))
    .sort(compareGoStrings)
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, innerIndent)
    }
    w.write(LEVEL_0, `${key}=${all[key]}\n`)
  })
}

/** printLabelsMultiline. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Readonly<Record<string, string>> | undefined): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels)
}

/** Annotations kubectl never shows (skipAnnotations). */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])
const MAX_ANNOTATION_LEN = 140

/**
 * printAnnotationsMultiline: "key: value"; a value that is long (> 140 with its key) or has
 * several lines goes under its key, each line indented and cut at 138 characters.
 */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const all = annotations ?? {}
  const keys = Object.keys(all)
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort(compareGoStrings)
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  const indent = '\t'
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    const value = all[key].endsWith('\n') ? all[key].slice(0, -1) : all[key]
    if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shortenBytes(s, MAX_ANNOTATION_LEN - 2)}\n`)
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

/** Go len() of a string: its UTF-8 byte length. */
export function utf8Length(s: string): number {
  let n = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

/**
 * shorten on bytes, as Go slices strings. Go may cut inside a multi-byte character (printing a
 * broken one); we stop at the last whole character instead.
 */
function shortenBytes(s: string, maxLength: number): string {
  if (utf8Length(s) <= maxLength) return s
  let out = ''
  let n = 0
  for (const ch of s) {
    const len = utf8Length(ch)
    if (n + len > maxLength) break
    out += ch
    n += len
  }
  return out + '...'
}

/** Taint.ToString(): "key=value:Effect" or "key:Effect". */
export function taintToString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

/** printTaintsMultilineWithIndent: sorted by "effect,key". */
export function printNodeTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  const initialIndent = ''
  const innerIndent = '\t'
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  if (!taints || taints.length === 0) {
    w.writeLine('<none>')
    return
  }
  const key = (t: Taint): string => `${t.effect},${t.key}`
  sortedBy(taints, (a, b) => key(a) < key(b)).forEach((taint, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, innerIndent)
    }
    w.write(LEVEL_0, `${taintToString(taint)}\n`)
  })
}

/** printTolerationsMultilineWithIndent: sorted by key; "key=value:Effect op=Exists for 300s". */
export function printTolerationsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>')
    return
  }
  sortedBy(tolerations, (a, b) => (a.key ?? '') < (b.key ?? '')).forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, innerIndent)
    }
    w.write(LEVEL_0, t.key ?? '')
    if (t.value) w.write(LEVEL_0, `=${t.value}`)
    if (t.effect) w.write(LEVEL_0, `:${t.effect}`)
    // operator Exists with no value tolerates everything (with no key and no effect: all taints)
    if (t.operator === 'Exists' && !t.value) {
      w.write(LEVEL_0, t.key || t.effect ? ' op=Exists' : 'op=Exists')
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) w.write(LEVEL_0, ` for ${t.tolerationSeconds}s`)
    w.write(LEVEL_0, '\n')
  })
}

/** printPodTolerationsMultiline. */
export function printPodTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined): void {
  printTolerationsMultilineWithIndent(w, '', title, '\t', tolerations)
}

/** printController: "Kind/name" of the controller owner reference, or "". */
export function printController(meta: ObjectMeta | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller === true)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/** SortedResourceNames. */
export function sortedResourceNames(list: Readonly<Record<string, string>> | undefined): string[] {
  return Object.keys(list ?? {}).sort(compareGoStrings)
}

/** stringOrNone. */
export function stringOrNone(s: string): string {
  return s.length > 0 ? s : '<none>'
}
