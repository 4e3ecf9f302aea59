// Maps an apiserver field path (`spec.containers[0].image`, `metadata.labels[app]`) to the place
// in the editor's YAML where that field is written, so a dry-run's field errors become markers
// on the right line. Uses the `yaml` package's AST, which keeps source offsets.
//
// Path syntax is apimachinery's field.Path String(): `.child`, `[index]` for lists and
// `[key]` for map keys. A path that leaves the document (a missing field, e.g. "Required
// value" for `spec.containers[0].image`) resolves to the deepest field that IS written.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml'

export interface TextRange {
  /** 1-based, as Monaco counts. */
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}

export interface FieldLocation extends TextRange {
  /** False when only a prefix of the path exists in the text. */
  exact: boolean
}

export function parseFieldPath(path: string): string[] {
  const out: string[] = []
  const re = /([^.[\]]+)|\[([^\]]*)\]/g
  for (const m of path.matchAll(re)) out.push(m[1] ?? m[2] ?? '')
  return out
}

export function locateField(text: string, documentIndex: number, field: string | undefined): FieldLocation {
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter })
  const docList = Array.isArray(docs) ? docs : []
  const doc = docList[documentIndex]
  if (!doc) return { ...toRange(text, lineCounter, 0, 0), exact: false }

  const root = doc.contents as YamlNode | null
  const docStart = root?.range?.[0] ?? doc.range[0]
  let best: [number, number] = [docStart, docStart]
  let node: unknown = root
  const segments = field ? parseFieldPath(field) : []
  let exact = true
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg)
      if (!pair || !isScalar(pair.key) || !pair.key.range) {
        exact = false
        break
      }
      const keyRange = pair.key.range
      const value = pair.value as YamlNode | null
      // A scalar value shares the key's line: underline `key: value`. A nested map or list
      // spans lines: underline the key alone.
      best = [keyRange[0], isScalar(value) && value.range ? value.range[1] : keyRange[1]]
      node = value
    } else if (isSeq(node) && /^\d+$/.test(seg)) {
      const item = node.items[Number(seg)] as YamlNode | undefined
      if (!item?.range) {
        exact = false
        break
      }
      best = [item.range[0], item.range[1]]
      node = item
    } else {
      exact = false
      break
    }
  }
  return { ...toRange(text, lineCounter, best[0], best[1]), exact }
}

/** An offset range, cut at the end of its first line (a marker on one line reads best). */
function toRange(text: string, lc: LineCounter, start: number, end: number): TextRange {
  const s = lc.linePos(start)
  const lineEnd = text.indexOf('\n', start)
  const clippedEnd = Math.max(start, Math.min(end, lineEnd === -1 ? text.length : lineEnd))
  const e = lc.linePos(clippedEnd)
  let endColumn = e.col
  // A zero-width range would draw nothing: cover the rest of the line instead.
  if (clippedEnd === start) {
    const restEnd = lineEnd === -1 ? text.length : lineEnd
    endColumn = s.col + Math.max(1, restEnd - start)
  }
  return { startLineNumber: s.line, startColumn: s.col, endLineNumber: s.line, endColumn }
}
