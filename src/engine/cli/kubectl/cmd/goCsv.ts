// The first record of Go's encoding/csv Reader, as pflag's stringSlice reads a flag value
// (`-f a.yaml,b.yaml`, `-L app,tier`), with the exact ParseError texts.
// Mirrors: go/src/encoding/csv/reader.go (readLine, readRecord, ParseError.Error), Go 1.23:
// Comma ',', no comments, LazyQuotes and TrimLeadingSpace off, FieldsPerRecord unchecked (one
// record only). Columns are 1-based byte positions, as Go 1.17+ reports them.
// Also pflag string_slice.go readAsCSV: an empty value is an empty list, not an error.

import { utf8Bytes } from '../../../api/goValues'

export type CsvResult = { ok: true; fields: string[] } | { ok: false; error: string }

const errQuote = 'extraneous or missing " in quoted-field'
const errBareQuote = 'bare " in non-quoted-field'

function parseError(startLine: number, line: number, column: number, err: string): string {
  if (startLine !== line) return `record on line ${startLine}; parse error on line ${line}, column ${column}: ${err}`
  return `parse error on line ${line}, column ${column}: ${err}`
}

/** Splits s into lines as bufio ReadSlice('\n') plus csv's readLine normalization does. */
function makeLineReader(s: string): () => { line: string; eof: boolean } {
  let pos = 0
  return () => {
    if (pos >= s.length) return { line: '', eof: true }
    const nl = s.indexOf('\n', pos)
    let line = nl < 0 ? s.slice(pos) : s.slice(pos, nl + 1)
    pos = nl < 0 ? s.length : nl + 1
    // At EOF without a newline a trailing \r is dropped; \r\n becomes \n.
    if (nl < 0 && line.endsWith('\r')) line = line.slice(0, -1)
    if (line.endsWith('\r\n')) line = `${line.slice(0, -2)}\n`
    return { line, eof: false }
  }
}

function lengthNL(b: string): number {
  return b.endsWith('\n') ? 1 : 0
}

/** Byte length, because Go's column counts bytes. */
function blen(s: string): number {
  return utf8Bytes(s).length
}

/**
 * csv.NewReader(strings.NewReader(s)).Read(), or [] for "" (readAsCSV).
 * @example readCsvRecord('a,"b,c"') // { ok: true, fields: ['a', 'b,c'] }
 */
export function readCsvRecord(s: string): CsvResult {
  if (s === '') return { ok: true, fields: [] }
  const readLine = makeLineReader(s)
  let numLine = 0
  let line = ''
  let eof = false
  // Skip empty lines; no record at all is io.EOF.
  for (;;) {
    const r = readLine()
    if (r.eof) return { ok: false, error: 'EOF' }
    numLine++
    line = r.line
    if (line.length === lengthNL(line)) continue
    break
  }
  const recLine = numLine
  const fields: string[] = []
  let pos = { line: numLine, col: 1 }
  let field = ''
  for (;;) {
    if (line.length === 0 || line[0] !== '"') {
      // Non-quoted field: up to the next comma or the end of the line.
      const i = line.indexOf(',')
      const text = i >= 0 ? line.slice(0, i) : line.slice(0, line.length - lengthNL(line))
      const j = text.indexOf('"')
      if (j >= 0)
        return { ok: false, error: parseError(recLine, numLine, pos.col + blen(text.slice(0, j)), errBareQuote) }
      fields.push(text)
      if (i >= 0) {
        line = line.slice(i + 1)
        pos = { line: pos.line, col: pos.col + blen(text) + 1 }
        continue
      }
      return { ok: true, fields }
    }
    // Quoted field.
    line = line.slice(1)
    pos = { line: pos.line, col: pos.col + 1 }
    field = ''
    for (;;) {
      const i = line.indexOf('"')
      if (i >= 0) {
        field += line.slice(0, i)
        pos = { line: pos.line, col: pos.col + blen(line.slice(0, i)) + 1 }
        line = line.slice(i + 1)
        if (line[0] === '"') {
          field += '"'
          line = line.slice(1)
          pos = { line: pos.line, col: pos.col + 1 }
        } else if (line[0] === ',') {
          line = line.slice(1)
          pos = { line: pos.line, col: pos.col + 1 }
          fields.push(field)
          break
        } else if (lengthNL(line) === line.length) {
          fields.push(field)
          return { ok: true, fields }
        } else {
          return { ok: false, error: parseError(recLine, numLine, pos.col - 1, errQuote) }
        }
      } else if (line.length > 0) {
        // The quoted field goes on past the end of this line.
        field += line
        pos = { line: pos.line, col: pos.col + blen(line) }
        const r = readLine()
        line = r.line
        eof = r.eof
        if (!eof) {
          numLine++
          if (line.length > 0) pos = { line: pos.line + 1, col: 1 }
        }
      } else {
        return { ok: false, error: parseError(recLine, pos.line, pos.col, errQuote) }
      }
    }
  }
}
