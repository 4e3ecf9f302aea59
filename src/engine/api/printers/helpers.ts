// Small formatting helpers the table printers (and kubectl describe) share.
// Mirrors: k8s.io/apimachinery pkg/labels (Set.String, FormatLabels, Requirement.String,
// internalSelector.String), pkg/apis/meta/v1 helpers.go (LabelSelectorAsSelector,
// FormatLabelSelector), and printers.go layoutContainerCells / printBoolPtr / listWithMoreString.
// Dropped: the key/value syntax validation labels.NewRequirement performs (objects reaching a
// printer were validated by the apiserver); operator/value-count errors are kept.

import type { Container, LabelSelector } from '../types'
import { goSort } from './goSort'

/** labels.Set.String(): "k=v" pairs sorted as whole strings (so "a.b=x" sorts before "a=y"). */
export function labelsSetString(labels: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`)
  pairs.sort(compareGoStrings)
  return pairs.join(',')
}

/** labels.FormatLabels: labelsSetString, or "<none>" when there are none. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const s = labelsSetString(labels)
  return s === '' ? '<none>' : s
}

/** Byte-wise string order, as Go's `<` on strings (identical to UTF-16 order for ASCII). */
export function compareGoStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * A sorted copy, ordered exactly as Go's sort.Sort / sort.Slice would (unstable pdqsort: equal
 * elements of lists longer than 12 do not keep their input order).
 */
export function sortedBy<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
  return goSort(items, less)
}

interface Requirement {
  key: string
  operator: 'Equals' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values: string[]
}

function requirementString(r: Requirement): string {
  let s = r.operator === 'DoesNotExist' ? '!' + r.key : r.key
  switch (r.operator) {
    case 'Equals':
      s += '='
      break
    case 'In':
      s += ' in '
      break
    case 'NotIn':
      s += ' notin '
      break
    default:
      return s
  }
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort(compareGoStrings).join(',')
  return r.operator === 'In' || r.operator === 'NotIn' ? `${s}(${values})` : s + values
}

export type SelectorString = { ok: true; selector: string } | { ok: false; error: string }

/**
 * metav1.LabelSelectorAsSelector(ps).String(): requirements sorted by key, joined by ",".
 * A nil selector selects nothing and an empty one everything; both print "".
 */
export function labelSelectorAsSelectorString(ps: LabelSelector | undefined | null): SelectorString {
  if (!ps) return { ok: true, selector: '' }
  const reqs: Requirement[] = []
  for (const [key, value] of Object.entries(ps.matchLabels ?? {})) reqs.push({ key, operator: 'Equals', values: [value] })
  for (const expr of ps.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])]
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return { ok: false, error: 'for \'in\', \'notin\' operators, values set can\'t be empty' }
        reqs.push({ key: expr.key, operator: expr.operator, values })
        break
      case 'Exists':
      case 'DoesNotExist':
        if (values.length !== 0) return { ok: false, error: "values set must be empty for exists and does not exist" }
        reqs.push({ key: expr.key, operator: expr.operator, values })
        break
      default:
        return { ok: false, error: `"${expr.operator}" is not a valid label selector operator` }
    }
  }
  const sorted = sortedBy(reqs, (a, b) => a.key < b.key)
  return { ok: true, selector: sorted.map(requirementString).join(',') }
}

/** metav1.FormatLabelSelector: the selector string, "<none>" when empty, "<error>" when invalid. */
export function formatLabelSelector(ps: LabelSelector | undefined | null): string {
  const r = labelSelectorAsSelectorString(ps)
  if (!r.ok) return '<error>'
  return r.selector === '' ? '<none>' : r.selector
}

/** layoutContainerCells: container names and images, each comma-joined without spaces. */
export function layoutContainerCells(containers: readonly Container[] | undefined): [names: string, images: string] {
  const list = containers ?? []
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')]
}

/** printBool: "True" / "False". */
export function printBool(value: boolean | undefined): string {
  return value ? 'True' : 'False'
}

/** printBoolPtr: "True" / "False", or "<unset>" for nil. */
export function printBoolPtr(value: boolean | undefined | null): string {
  return value === undefined || value === null ? '<unset>' : printBool(value)
}

/** listWithMoreString: "a,b,c + 2 more...", or "<unset>" for an empty list. */
export function listWithMoreString(list: readonly string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',')
  if (more) return `${ret} + ${count - max} more...`
  return ret === '' ? '<unset>' : ret
}

/** net.JoinHostPort: brackets around hosts containing ':' (IPv6). */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** Go's unicode.IsSpace set (JS trim() also strips U+FEFF, which Go keeps). */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]'
const GO_TRIM_RE = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g')

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return s.replace(GO_TRIM_RE, '')
}
