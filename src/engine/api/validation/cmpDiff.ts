// cmp.Diff from github.com/google/go-cmp (v0.6, what Kubernetes 1.32 vendors): the report the
// apiserver appends to "pod updates may not change fields other than ..." — the compared value
// tree, the edit script for slices, and the pseudo-Go text with its context records, elided
// identical fields (`... // 6 identical fields`), verbosity limits and column alignment.
// Mirrors: cmp/compare.go (compareAny, compareStruct, compareSlice, compareMap, comparePtr),
// cmp/internal/diff/diff.go (Difference), cmp/report_value.go, report_compare.go,
// report_reflect.go, report_slices.go and report_text.go.
// go-cmp deliberately varies two things between processes: it indents with U+00A0 instead of
// spaces in some runs and starts its edit-script search from either end. This port always takes
// the deterministic choices (regular spaces, forward search first), one of the outputs a real
// apiserver prints. Left out: options (Comparers, Transformers, Ignore), interface and array
// kinds, cycle detection and pointer-address printing (values here are trees from JSON).

import { goQuote, utf8Length } from './field'
import { compareGoStrings } from '../goValues'
import { isZero, typeString, utf8Bytes, type GoPtr, type GoStruct, type GoType, type GoValue } from './goValue'

// ---------------------------------------------------------------------------------------------
// internal/diff: Difference

type EditType = 'I' | 'X' | 'Y' | 'M'

interface Result {
  numSame: number
  numDiff: number
}

const resultEqual = (r: Result): boolean => r.numDiff === 0
/** Similar: binary comparisons ({1,0} or {0,1}) count as similar. */
const resultSimilar = (r: Result): boolean => r.numSame + 1 >= r.numDiff
/** BoolResult. */
const boolResult = (b: boolean): Result => (b ? { numSame: 1, numDiff: 0 } : { numSame: 0, numDiff: 2 })

/** zigzag: 0, -1, +1, -2, +2, ... */
function zigzag(x: number): number {
  if (x & 1) x = ~x
  return x >> 1
}

class EditPath {
  es: EditType[] = []
  constructor(
    readonly dir: 1 | -1,
    public x: number,
    public y: number,
  ) {}

  append(t: EditType): void {
    this.es.push(t)
    if (t === 'I' || t === 'M') {
      this.x += this.dir
      this.y += this.dir
    } else if (t === 'X') this.x += this.dir
    else this.y += this.dir
  }

  connect(dx: number, dy: number, f: (ix: number, iy: number) => Result): void {
    if (this.dir > 0) {
      while (dx > this.x && dy > this.y) {
        const r = f(this.x, this.y)
        if (resultEqual(r)) this.append('I')
        else if (resultSimilar(r)) this.append('M')
        else if (dx - this.x >= dy - this.y) this.append('X')
        else this.append('Y')
      }
      while (dx > this.x) this.append('X')
      while (dy > this.y) this.append('Y')
    } else {
      while (this.x > dx && this.y > dy) {
        const r = f(this.x - 1, this.y - 1)
        if (resultEqual(r)) this.append('I')
        else if (resultSimilar(r)) this.append('M')
        else if (this.y - dy >= this.x - dx) this.append('Y')
        else this.append('X')
      }
      while (this.x > dx) this.append('X')
      while (this.y > dy) this.append('Y')
    }
  }
}

/** Difference: a greedy meet-in-the-middle edit script between lists of nx and ny symbols. */
export function difference(nx: number, ny: number, f: (ix: number, iy: number) => Result): EditType[] {
  const fwd = new EditPath(1, 0, 0)
  const rev = new EditPath(-1, nx, ny)
  const fwdFrontier = { x: 0, y: 0 }
  const revFrontier = { x: nx, y: ny }
  let searchBudget = 4 * (nx + ny)
  for (;;) {
    // Forward search from the beginning.
    if (fwdFrontier.x >= revFrontier.x || fwdFrontier.y >= revFrontier.y || searchBudget === 0) break
    for (let stop1 = false, stop2 = false, i = 0; !(stop1 && stop2) && searchBudget > 0; i++) {
      const z = zigzag(i)
      const px = fwdFrontier.x + z
      const py = fwdFrontier.y - z
      if (px >= rev.x || py < fwd.y) stop1 = true
      else if (py >= rev.y || px < fwd.x) stop2 = true
      else if (resultEqual(f(px, py))) {
        fwd.connect(px, py, f)
        fwd.append('I')
        while (fwd.x < rev.x && fwd.y < rev.y) {
          if (!resultEqual(f(fwd.x, fwd.y))) break
          fwd.append('I')
        }
        fwdFrontier.x = fwd.x
        fwdFrontier.y = fwd.y
        stop1 = stop2 = true
      } else searchBudget--
    }
    if (rev.x - fwdFrontier.x >= rev.y - fwdFrontier.y) fwdFrontier.x++
    else fwdFrontier.y++

    // Reverse search from the end.
    if (fwdFrontier.x >= revFrontier.x || fwdFrontier.y >= revFrontier.y || searchBudget === 0) break
    for (let stop1 = false, stop2 = false, i = 0; !(stop1 && stop2) && searchBudget > 0; i++) {
      const z = zigzag(i)
      const px = revFrontier.x - z
      const py = revFrontier.y + z
      if (fwd.x >= px || rev.y < py) stop1 = true
      else if (fwd.y >= py || rev.x < px) stop2 = true
      else if (resultEqual(f(px - 1, py - 1))) {
        rev.connect(px, py, f)
        rev.append('I')
        while (fwd.x < rev.x && fwd.y < rev.y) {
          if (!resultEqual(f(rev.x - 1, rev.y - 1))) break
          rev.append('I')
        }
        revFrontier.x = rev.x
        revFrontier.y = rev.y
        stop1 = stop2 = true
      } else searchBudget--
    }
    if (revFrontier.x - fwd.x >= revFrontier.y - fwd.y) revFrontier.x--
    else revFrontier.y--
  }
  fwd.connect(rev.x, rev.y, f)
  for (let i = rev.es.length - 1; i >= 0; i--) fwd.append(rev.es[i])
  return fwd.es
}

// ---------------------------------------------------------------------------------------------
// compare.go + report_value.go: the value tree

/** reflect.Value{}: the missing side of an inserted/removed slice element or map entry. */
const INVALID: unique symbol = Symbol('invalid')
type Val = GoValue | typeof INVALID

type RecordKey = { field: string } | { mapKey: string; keyType: GoType } | undefined

interface ValueNode {
  type: GoType
  x: Val
  y: Val
  parentKind?: GoType['kind']
  numSame: number
  numDiff: number
  numCompared: number
  numChildren: number
  maxDepth: number
  records: { key: RecordKey; value: ValueNode }[]
  value?: ValueNode
}

function newNode(type: GoType, x: Val, y: Val, parentKind?: GoType['kind']): ValueNode {
  return { type, x, y, parentKind, numSame: 0, numDiff: 0, numCompared: 0, numChildren: 0, maxDepth: 0, records: [] }
}

function popInto(parent: ValueNode, child: ValueNode): void {
  parent.numSame += child.numSame
  parent.numDiff += child.numDiff
  parent.numCompared += child.numCompared
  parent.numChildren += child.numChildren + 1
  if (parent.maxDepth < child.maxDepth + 1) parent.maxDepth = child.maxDepth + 1
}

function report(node: ValueNode | undefined, eq: boolean, byMethod = false): Result {
  if (node) {
    if (eq) node.numSame++
    else node.numDiff++
    if (byMethod) node.numCompared++
  }
  return eq ? { numSame: 1, numDiff: 0 } : { numSame: 0, numDiff: 1 }
}

function add(a: Result, b: Result): Result {
  return { numSame: a.numSame + b.numSame, numDiff: a.numDiff + b.numDiff }
}

/** Compare one step; with a node, record the subtree under it (the reporter), else stateless. */
function compareAny(t: GoType, x: Val, y: Val, node: ValueNode | undefined): Result {
  // The validator option: a missing slice element or map entry.
  if (x === INVALID || y === INVALID) return report(node, (x === INVALID) === (y === INVALID))
  // An Equal method.
  if (t.equal) return report(node, t.equal(x, y), true)
  switch (t.kind) {
    case 'bool':
    case 'int32':
    case 'int64':
    case 'string':
      return report(node, x === y || (typeof x === 'bigint' || typeof y === 'bigint' ? BigInt(x as never) === BigInt(y as never) : false))
    case 'struct': {
      let r: Result = { numSame: 0, numDiff: 0 }
      for (const f of t.fields!) r = add(r, child(node, { field: f.name }, f.type, (x as GoStruct)[f.name], (y as GoStruct)[f.name]))
      return r
    }
    case 'ptr': {
      if (x === null || y === null) return report(node, x === null && y === null)
      const sub = node ? newNode(t.elem!, (x as GoPtr).elem, (y as GoPtr).elem, 'ptr') : undefined
      const r = compareAny(t.elem!, (x as GoPtr).elem, (y as GoPtr).elem, sub)
      if (node && sub) {
        node.value = sub
        popInto(node, sub)
      }
      return r
    }
    case 'slice': {
      if (x === null || y === null) return report(node, x === null && y === null)
      const xs = x as readonly GoValue[]
      const ys = y as readonly GoValue[]
      const edits = difference(xs.length, ys.length, (ix, iy) => compareAny(t.elem!, xs[ix], ys[iy], undefined))
      let r: Result = { numSame: 0, numDiff: 0 }
      let ix = 0
      let iy = 0
      for (const e of edits) {
        if (e === 'X') r = add(r, child(node, undefined, t.elem!, xs[ix++], INVALID, 'slice'))
        else if (e === 'Y') r = add(r, child(node, undefined, t.elem!, INVALID, ys[iy++], 'slice'))
        else r = add(r, child(node, undefined, t.elem!, xs[ix++], ys[iy++], 'slice'))
      }
      return r
    }
    case 'map': {
      if (x === null || y === null) return report(node, x === null && y === null)
      const mx = x as ReadonlyMap<string, GoValue>
      const my = y as ReadonlyMap<string, GoValue>
      const keys = [...new Set([...mx.keys(), ...my.keys()])].sort(compareGoStrings)
      let r: Result = { numSame: 0, numDiff: 0 }
      for (const k of keys) {
        r = add(r, child(node, { mapKey: k, keyType: t.key! }, t.elem!, mx.has(k) ? mx.get(k)! : INVALID, my.has(k) ? my.get(k)! : INVALID, 'map'))
      }
      return r
    }
  }
}

function child(parent: ValueNode | undefined, key: RecordKey, t: GoType, x: Val, y: Val, parentKind?: GoType['kind']): Result {
  if (!parent) return compareAny(t, x, y, undefined)
  const node = newNode(t, x, y, parentKind ?? parent.type.kind)
  parent.records.push({ key, value: node })
  const r = compareAny(t, x, y, node)
  popInto(parent, node)
  return r
}

// ---------------------------------------------------------------------------------------------
// report_text.go: the text tree

const DIFF_UNKNOWN = 0
const DIFF_IDENTICAL = 0x20 // ' '
const DIFF_REMOVED = 0x2d // '-'
const DIFF_INSERTED = 0x2b // '+'
type DiffMode = number

const MAX_COLUMN_LENGTH = 80

class DiffStats {
  constructor(
    public name: string,
    public numIgnored = 0,
    public numIdentical = 0,
    public numRemoved = 0,
    public numInserted = 0,
    public numModified = 0,
  ) {}

  copy(): DiffStats {
    return new DiffStats(this.name, this.numIgnored, this.numIdentical, this.numRemoved, this.numInserted, this.numModified)
  }
  isZero(): boolean {
    return this.numIgnored + this.numIdentical + this.numRemoved + this.numInserted + this.numModified === 0
  }
  numDiff(): number {
    return this.numRemoved + this.numInserted + this.numModified
  }
  append(ds: DiffStats): DiffStats {
    return new DiffStats(
      this.name,
      this.numIgnored + ds.numIgnored,
      this.numIdentical + ds.numIdentical,
      this.numRemoved + ds.numRemoved,
      this.numInserted + ds.numInserted,
      this.numModified + ds.numModified,
    )
  }
  equals(o: DiffStats): boolean {
    return this.name === o.name && this.numIgnored === o.numIgnored && this.numIdentical === o.numIdentical && this.numRemoved === o.numRemoved && this.numInserted === o.numInserted && this.numModified === o.numModified
  }
  /** "6 identical fields", "1 removed and 2 inserted elements", "1, 2, and 3 ... entries". */
  toString(): string {
    const labels = ['ignored', 'identical', 'removed', 'inserted', 'modified']
    const counts = [this.numIgnored, this.numIdentical, this.numRemoved, this.numInserted, this.numModified]
    const ss: string[] = []
    let sum = 0
    counts.forEach((n, i) => {
      if (n > 0) ss.push(`${n} ${labels[i]}`)
      sum += n
    })
    let name = this.name
    if (sum > 1) {
      name += 's'
      if (name.endsWith('ys')) name = `${name.slice(0, -2)}ies`
    }
    if (ss.length === 0) return ''
    if (ss.length <= 2) return `${ss.join(' and ')} ${name}`
    return `${ss.slice(0, -1).join(', ')}, and ${ss[ss.length - 1]} ${name}`
  }
}

type Comment = DiffStats | string

interface TextRecord {
  diff: DiffMode
  key: string
  value: TextNode
  elideComma?: boolean
  comment?: Comment
}

type TextNode = TextLine | TextList | TextWrap

class TextLine {
  constructor(readonly s: string) {}
  len(): number {
    return utf8Length(this.s)
  }
  equal(o: TextNode): boolean {
    return o instanceof TextLine && o.s === this.s
  }
  compact(): { text: string; node: TextNode } {
    return { text: this.s, node: this }
  }
  expanded(): string {
    return this.s
  }
}

const TEXT_NIL = new TextLine('nil')
const TEXT_ELLIPSIS = new TextLine('...')

function commentEqual(a: Comment | undefined, b: Comment | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a instanceof DiffStats && b instanceof DiffStats) return a.equals(b)
  return a === b
}

function appendIndent(n: number, d: DiffMode): string {
  let s = ''
  if (d === DIFF_UNKNOWN || d === DIFF_IDENTICAL) s = '  '
  else if (d === DIFF_REMOVED) s = '- '
  else if (d === DIFF_INSERTED) s = '+ '
  return s + '\t'.repeat(n)
}

class TextList {
  constructor(public records: TextRecord[] = []) {}

  /** AppendEllipsis: one trailing "..." record, its statistics coalesced. */
  appendEllipsis(ds: DiffStats): void {
    const hasStats = !ds.isZero()
    const last = this.records[this.records.length - 1]
    if (!last || !last.value.equal(TEXT_ELLIPSIS)) {
      this.records.push(hasStats ? { diff: 0, key: '', value: TEXT_ELLIPSIS, elideComma: true, comment: ds } : { diff: 0, key: '', value: TEXT_ELLIPSIS, elideComma: true })
      return
    }
    if (hasStats) last.comment = (last.comment as DiffStats).append(ds)
  }

  len(): number {
    let n = 0
    this.records.forEach((r, i) => {
      n += utf8Length(r.key)
      if (r.key !== '') n += 2
      n += r.value.len()
      if (i < this.records.length - 1) n += 2
    })
    return n
  }

  equal(o: TextNode): boolean {
    if (!(o instanceof TextList) || o.records.length !== this.records.length) return false
    return this.records.every((r1, i) => {
      const r2 = o.records[i]
      return r1.diff === r2.diff && r1.key === r2.key && r1.value.equal(r2.value) && commentEqual(r1.comment, r2.comment)
    })
  }

  compact(d: DiffMode): { text: string; node: TextNode } {
    const s = new TextList(this.records.map((r) => ({ ...r })))
    let b = ''
    let multiLine = false
    s.records.forEach((r, i) => {
      if (r.diff === DIFF_INSERTED || r.diff === DIFF_REMOVED) multiLine = true
      b += r.key
      if (r.key !== '') b += ': '
      const c = r.value.compact(d | r.diff)
      b += c.text
      r.value = c.node
      if (!(c.node instanceof TextLine)) multiLine = true
      if (r.comment !== undefined) multiLine = true
      if (i < s.records.length - 1) b += ', '
    })
    if ((d === DIFF_INSERTED || d === DIFF_REMOVED) && utf8Length(b) > MAX_COLUMN_LENGTH) multiLine = true
    return { text: b, node: multiLine ? s : new TextLine(b) }
  }

  expanded(d: DiffMode, n: number): string {
    const runes = (s: string) => [...s].length
    const alignKeyLens = this.alignLens(
      (r) => r.key === '' || !(r.value instanceof TextLine),
      (r) => runes(r.key),
    )
    const alignValueLens = this.alignLens(
      (r) => !(r.value instanceof TextLine) || r.value.equal(TEXT_ELLIPSIS) || r.comment === undefined,
      (r) => runes((r.value as TextLine).s),
    )
    // A list of plain values is batched several to a line.
    let isSimple = false
    for (const r of this.records) {
      isSimple = r.diff === 0 && r.key === '' && r.value instanceof TextLine && r.comment === undefined
      if (!isSimple) break
    }
    let b = ''
    if (isSimple) {
      n++
      let batch = ''
      const emitBatch = () => {
        if (batch.length > 0) {
          b += `\n${appendIndent(n, d)}${batch.replace(/ +$/, '')}`
          batch = ''
        }
      }
      for (const r of this.records) {
        const line = (r.value as TextLine).s
        if (utf8Length(batch) + utf8Length(line) + 2 > MAX_COLUMN_LENGTH) emitBatch()
        batch += `${line}, `
      }
      emitBatch()
      n--
      return `${b}\n${appendIndent(n, d)}`
    }
    n++
    this.records.forEach((r, i) => {
      b += `\n${appendIndent(n, d | r.diff)}`
      if (r.key !== '') b += `${r.key}: `
      b += ' '.repeat(alignKeyLens[i])
      b += r.value.expanded(d | r.diff, n)
      if (!r.elideComma) b += ','
      b += ' '.repeat(alignValueLens[i])
      if (r.comment !== undefined) b += ` // ${r.comment.toString()}`
    })
    n--
    return `${b}\n${appendIndent(n, d)}`
  }

  private alignLens(skip: (r: TextRecord) => boolean, lenOf: (r: TextRecord) => number): number[] {
    let startIdx = 0
    let endIdx = 0
    let maxLen = 0
    const lens = new Array<number>(this.records.length).fill(0)
    this.records.forEach((r, i) => {
      if (skip(r)) {
        for (let j = startIdx; j < endIdx && j < this.records.length; j++) lens[j] = maxLen - lenOf(this.records[j])
        startIdx = endIdx = i + 1
        maxLen = 0
      } else {
        if (maxLen < lenOf(r)) maxLen = lenOf(r)
        endIdx = i + 1
      }
    })
    for (let j = startIdx; j < endIdx && j < this.records.length; j++) lens[j] = maxLen - lenOf(this.records[j])
    return lens
  }
}

class TextWrap {
  constructor(
    public prefix: string,
    public value: TextNode,
    public suffix = '',
  ) {}

  len(): number {
    return utf8Length(this.prefix) + this.value.len() + utf8Length(this.suffix)
  }
  equal(o: TextNode): boolean {
    return o instanceof TextWrap && o.prefix === this.prefix && this.value.equal(o.value) && o.suffix === this.suffix
  }
  compact(d: DiffMode): { text: string; node: TextNode } {
    const c = this.value.compact(d)
    const text = this.prefix + c.text + this.suffix
    if (c.node instanceof TextLine) return { text, node: new TextLine(text) }
    return { text, node: new TextWrap(this.prefix, c.node, this.suffix) }
  }
  expanded(d: DiffMode, n: number): string {
    return this.prefix + this.value.expanded(d, n) + this.suffix
  }
  /** String(): compact what can be, then print with a leading indent and a trailing newline. */
  toString(): string {
    const c = this.compact(DIFF_UNKNOWN)
    return `${appendIndent(0, DIFF_UNKNOWN)}${c.node.expanded(DIFF_UNKNOWN, 0)}\n`
  }
}

/** textNode.String() for any node: the textWrap form wraps lists in braces. */
function textString(t: TextNode): string {
  if (t instanceof TextLine) return t.s
  if (t instanceof TextList) return new TextWrap('{', t, '}').toString()
  return t.toString()
}

// ---------------------------------------------------------------------------------------------
// report_reflect.go and report_compare.go: formatting

const EMIT_TYPE = 0
const ELIDE_TYPE = 1
const AUTO_TYPE = 2

const MAX_VERBOSITY_PRESET = 6
const NUM_CONTEXT_RECORDS = 2

interface FormatOptions {
  diffMode: DiffMode
  typeMode: number
  avoidStringer: boolean
  verbosityLevel: number
  limitVerbosity: boolean
}

const withDiffMode = (o: FormatOptions, d: DiffMode): FormatOptions => ({ ...o, diffMode: d })
const withTypeMode = (o: FormatOptions, t: number): FormatOptions => ({ ...o, typeMode: t })
const withVerbosity = (o: FormatOptions, level: number): FormatOptions => ({ ...o, verbosityLevel: level, limitVerbosity: true })
function verbosity(o: FormatOptions): number {
  return o.verbosityLevel < 0 ? 0 : o.verbosityLevel > 16 ? 16 : o.verbosityLevel
}
function verbosityPreset(o: FormatOptions, i: number): FormatOptions {
  const out = { ...o, verbosityLevel: verbosity(o) + 2 * i }
  if (i > 0) out.avoidStringer = true
  return out
}

/** FormatType: wrap `s` with the type name, unless the type mode says not to. */
function formatType(o: FormatOptions, t: GoType, s: TextNode): TextNode {
  if (o.typeMode === AUTO_TYPE) {
    if (t.kind === 'struct' || t.kind === 'slice' || t.kind === 'map') {
      if (s.equal(TEXT_NIL)) return s
    } else return s
    if (o.diffMode === DIFF_IDENTICAL) return s
  } else if (o.typeMode === ELIDE_TYPE) return s
  let name = typeString(t)
  if (!t.name && t.kind === 'ptr') name = `(${name})`
  return new TextWrap(name, wrapParens(s))
}

function wrapParens(s: TextNode): TextNode {
  if (s instanceof TextWrap) {
    const hasParens = s.prefix.startsWith('(') && s.suffix.endsWith(')')
    const hasBraces = s.prefix.startsWith('{') && s.suffix.endsWith('}')
    if (hasParens || hasBraces) return s
  }
  return new TextWrap('(', s, ')')
}

const utf8 = { encode: utf8Bytes }
/** string(b) for valid UTF-8 (the only bytes this is used on). */
const utf8Decode = { decode: (b: Bytes): string => decodeRunes(b).map((r) => String.fromCodePoint(r.bad ? 0xfffd : r.cp)).join('') }

/** unicode.IsPrint for a rune (letters, marks, numbers, punctuation, symbols, and ASCII space). */
function isPrint(cp: number): boolean {
  if (cp === 0x20) return true
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp))
}

/** utf8.DecodeRune over a byte string: runes, or the byte for each invalid sequence. */
function decodeRunes(b: Bytes): { cp: number; bad: boolean; size: number }[] {
  const out: { cp: number; bad: boolean; size: number }[] = []
  let i = 0
  while (i < b.length) {
    const c = b[i]
    let size = 0
    let cp = 0
    if (c < 0x80) {
      size = 1
      cp = c
    } else if (c >= 0xc2 && c <= 0xdf) {
      size = 2
      cp = c & 0x1f
    } else if (c >= 0xe0 && c <= 0xef) {
      size = 3
      cp = c & 0x0f
    } else if (c >= 0xf0 && c <= 0xf4) {
      size = 4
      cp = c & 0x07
    }
    let ok = size > 0 && i + size <= b.length
    for (let k = 1; ok && k < size; k++) {
      const cc = b[i + k]
      if ((cc & 0xc0) !== 0x80) ok = false
      else cp = (cp << 6) | (cc & 0x3f)
    }
    if (ok && ((size === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (size === 4 && (cp < 0x10000 || cp > 0x10ffff)))) ok = false
    if (!ok) {
      out.push({ cp: c, bad: true, size: 1 })
      i++
    } else {
      out.push({ cp, bad: false, size })
      i += size
    }
  }
  return out
}

/** strconv.Quote of a byte string (invalid UTF-8 bytes print as \xNN). */
function quoteBytes(b: Bytes): string {
  let out = '"'
  for (const r of decodeRunes(b)) {
    if (r.bad) out += `\\x${r.cp.toString(16).padStart(2, '0')}`
    else out += goQuote(String.fromCodePoint(r.cp)).slice(1, -1)
  }
  return `${out}"`
}

/** formatString (package level): a Go string literal, quoted or raw, whichever reads better. */
function goStringLiteralBytes(b: Bytes): string {
  const qs = quoteBytes(b)
  if (utf8Length(qs) === 1 + b.length + 1) return qs
  const runes = decodeRunes(b)
  const rawInvalid = (cp: number) => cp === 0x60 || cp === 0x0a || !(isPrint(cp) || cp === 0x09)
  if (!runes.some((r) => r.bad) && !runes.some((r) => rawInvalid(r.cp))) return `\`${utf8Decode.decode(b)}\``
  return qs
}

function goStringLiteral(s: string): string {
  return goStringLiteralBytes(utf8.encode(s))
}

/** formatOptions.formatString: verbosity-limited, triple-quoted for long removed/inserted text. */
function formatStringNode(o: FormatOptions, prefix: string, s: string): TextNode {
  let maxLen = utf8Length(s)
  let maxLines = s.split('\n').length
  if (o.limitVerbosity) {
    maxLen = (1 << verbosity(o)) << 5
    maxLines = (1 << verbosity(o)) << 2
  }
  const lines = (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n')
  let isTripleQuoted = lines.length >= 4 && (o.diffMode === DIFF_REMOVED || o.diffMode === DIFF_INSERTED)
  for (let i = 0; i < lines.length && isTripleQuoted; i++) {
    let line = lines[i]
    if (line.endsWith('\r')) line = line.slice(0, -1)
    if (line.startsWith('\r')) line = line.slice(1)
    lines[i] = line
    const printable = [...line].every((ch) => isPrint(ch.codePointAt(0)!) || ch === '\t')
    const trimmed = line.startsWith(prefix) ? line.slice(prefix.length) : line
    isTripleQuoted = !trimmed.startsWith('"""') && !line.startsWith('...') && printable && utf8Length(line) <= maxLen
  }
  if (isTripleQuoted) {
    const list = new TextList()
    list.records.push({ diff: o.diffMode, key: '', value: new TextLine(`${prefix}"""`), elideComma: true })
    for (let i = 0; i < lines.length; i++) {
      const numElided = lines.length - i
      if (i === maxLines - 1 && numElided > 1) {
        list.records.push({ diff: o.diffMode, key: '', value: TEXT_ELLIPSIS, elideComma: true, comment: `${numElided} elided lines` })
        break
      }
      list.records.push({ diff: o.diffMode, key: '', value: new TextLine(lines[i]), elideComma: true })
    }
    list.records.push({ diff: o.diffMode, key: '', value: new TextLine(`${prefix}"""`), elideComma: true })
    return new TextWrap('(', list, ')')
  }
  const bytes = utf8.encode(s)
  if (bytes.length > maxLen + 3) return new TextLine(`${prefix}${goStringLiteralBytes(bytes.slice(0, maxLen))}...`)
  return new TextLine(prefix + goStringLiteral(s))
}

/** formatMapKey: a single-line key, at the highest verbosity preset. */
function formatMapKey(keyType: GoType, key: string): string {
  const o: FormatOptions = { diffMode: DIFF_IDENTICAL, typeMode: ELIDE_TYPE, avoidStringer: false, verbosityLevel: MAX_VERBOSITY_PRESET, limitVerbosity: true }
  return textString(formatValue(o, keyType, key, 'map')!).trim()
}

/** FormatValue: print a value by reflection (Stringers, zero-field elision, verbosity limits). */
function formatValue(opts: FormatOptions, t: GoType, v: Val, parentKind?: GoType['kind']): TextNode | null {
  void parentKind
  if (v === INVALID) return null
  let o = opts
  if (!o.avoidStringer && t.stringer && !(t.kind === 'ptr' && v === null)) return formatStringNode(o, 's', t.stringer(v))
  let out: TextNode
  let skipType = false
  switch (t.kind) {
    case 'bool':
      out = new TextLine(v ? 'true' : 'false')
      break
    case 'int32':
    case 'int64':
      out = new TextLine(String(v))
      break
    case 'string':
      out = formatStringNode(o, '', v as string)
      break
    case 'struct': {
      const list = new TextList()
      let maxLen = t.fields!.length
      if (o.limitVerbosity) {
        maxLen = ((1 << verbosity(o)) >> 1) << 2
        o = { ...o, verbosityLevel: o.verbosityLevel - 1 }
      }
      for (const f of t.fields!) {
        const fv = (v as GoStruct)[f.name]
        if (isZero(f.type, fv)) continue
        if (list.records.length === maxLen) {
          list.appendEllipsis(new DiffStats(''))
          break
        }
        const s = formatValue(withTypeMode(o, AUTO_TYPE), f.type, fv, 'struct')!
        list.records.push({ diff: 0, key: f.name, value: s })
      }
      out = new TextWrap('{', list, '}')
      break
    }
    case 'slice': {
      if (v === null) {
        out = TEXT_NIL
        break
      }
      const xs = v as readonly GoValue[]
      let maxLen = xs.length
      if (o.limitVerbosity) {
        maxLen = ((1 << verbosity(o)) >> 1) << 2
        o = { ...o, verbosityLevel: o.verbosityLevel - 1 }
      }
      const list = new TextList()
      for (const e of xs) {
        if (list.records.length === maxLen) {
          list.appendEllipsis(new DiffStats(''))
          break
        }
        list.records.push({ diff: 0, key: '', value: formatValue(withTypeMode(o, ELIDE_TYPE), t.elem!, e, 'slice')! })
      }
      out = new TextWrap('{', list, '}')
      break
    }
    case 'map': {
      if (v === null) {
        out = TEXT_NIL
        break
      }
      const m = v as ReadonlyMap<string, GoValue>
      let maxLen = m.size
      if (o.limitVerbosity) {
        maxLen = ((1 << verbosity(o)) >> 1) << 2
        o = { ...o, verbosityLevel: o.verbosityLevel - 1 }
      }
      const list = new TextList()
      for (const k of [...m.keys()].sort(compareGoStrings)) {
        if (list.records.length === maxLen) {
          list.appendEllipsis(new DiffStats(''))
          break
        }
        list.records.push({ diff: 0, key: formatMapKey(t.key!, k), value: formatValue(withTypeMode(o, ELIDE_TYPE), t.elem!, m.get(k)!, 'map')! })
      }
      out = new TextWrap('{', list, '}')
      break
    }
    case 'ptr': {
      if (v === null) {
        out = TEXT_NIL
        break
      }
      skipType = true
      out = new TextWrap('&', formatValue(o, t.elem!, (v as GoPtr).elem, 'ptr')!)
      break
    }
  }
  return skipType ? out : formatType(o, t, out)
}

/** FormatDiff: a value node as text, descending where both sides were compared field by field. */
function formatDiff(opts: FormatOptions, v: ValueNode): TextNode | null {
  let o = opts
  if (o.diffMode === DIFF_IDENTICAL) o = withVerbosity(o, 1)
  else if (verbosity(o) < 3) o = withVerbosity(o, 3)

  if (canFormatDiffSlice(o, v)) return formatDiffSlice(o, v)

  if (v.maxDepth === 0) {
    if (o.diffMode === DIFF_UNKNOWN || o.diffMode === DIFF_IDENTICAL) {
      if (v.numDiff === 0) {
        const outx = formatValue(o, v.type, v.x, v.parentKind)!
        const outy = formatValue(o, v.type, v.y, v.parentKind)!
        return outx.len() < outy.len() ? outx : outy
      }
      const list = new TextList()
      let outx = formatValue(withTypeMode(o, ELIDE_TYPE), v.type, v.x, v.parentKind)
      let outy = formatValue(withTypeMode(o, ELIDE_TYPE), v.type, v.y, v.parentKind)
      for (let i = 0; i <= MAX_VERBOSITY_PRESET && outx && outy && outx.equal(outy); i++) {
        const o2 = withTypeMode(verbosityPreset(o, i), ELIDE_TYPE)
        outx = formatValue(o2, v.type, v.x, v.parentKind)
        outy = formatValue(o2, v.type, v.y, v.parentKind)
      }
      if (outx) list.records.push({ diff: DIFF_REMOVED, key: '', value: outx })
      if (outy) list.records.push({ diff: DIFF_INSERTED, key: '', value: outy })
      return formatType(withTypeMode(o, EMIT_TYPE), v.type, list)
    }
    return o.diffMode === DIFF_REMOVED ? formatValue(o, v.type, v.x, v.parentKind) : formatValue(o, v.type, v.y, v.parentKind)
  }

  switch (v.type.kind) {
    case 'struct':
    case 'slice':
    case 'map':
      return formatType(o, v.type, formatDiffList(o, v.records, v.type.kind))
    case 'ptr':
      return new TextWrap('&', formatDiff(o, v.value!)!)
    default:
      throw new Error(`${v.type.kind} cannot have children`)
  }
}

function recordKeyText(key: RecordKey): string {
  if (!key) return ''
  if ('field' in key) return key.field
  return formatMapKey(key.keyType, key.mapKey)
}

function formatDiffList(opts: FormatOptions, recsIn: readonly { key: RecordKey; value: ValueNode }[], kind: 'struct' | 'slice' | 'map'): TextNode {
  let o = opts
  const name = kind === 'struct' ? 'field' : kind === 'slice' ? 'element' : 'entry'
  o = withTypeMode(o, kind === 'struct' ? AUTO_TYPE : ELIDE_TYPE)
  let maxLen = -1
  if (o.limitVerbosity) {
    maxLen = o.diffMode === DIFF_IDENTICAL ? ((1 << verbosity(o)) >> 1) << 2 : (1 << verbosity(o)) << 1
    o = { ...o, verbosityLevel: o.verbosityLevel - 1 }
  }

  if (o.diffMode === DIFF_IDENTICAL || o.diffMode === DIFF_REMOVED || o.diffMode === DIFF_INSERTED) {
    const list = new TextList()
    let deferredEllipsis = false
    for (const r of recsIn) {
      if (list.records.length === maxLen) {
        deferredEllipsis = true
        break
      }
      if (kind === 'struct') {
        let zero: boolean
        if (o.diffMode === DIFF_IDENTICAL) zero = isZeroVal(r.value.type, r.value.x) || isZeroVal(r.value.type, r.value.y)
        else if (o.diffMode === DIFF_REMOVED) zero = isZeroVal(r.value.type, r.value.x)
        else zero = isZeroVal(r.value.type, r.value.y)
        if (zero) continue
      }
      const out = formatDiff(o, r.value)
      if (out) list.records.push({ diff: 0, key: recordKeyText(r.key), value: out })
    }
    if (deferredEllipsis) list.appendEllipsis(new DiffStats(''))
    return new TextWrap('{', list, '}')
  }

  // Differencing.
  let recs = recsIn
  let numDiffs = 0
  const list = new TextList()
  const groups = coalesceAdjacentRecords(name, recs)
  let maxGroup = new DiffStats(name)
  groups.forEach((dsIn, i) => {
    const ds = dsIn.copy()
    if (maxLen >= 0 && numDiffs >= maxLen) {
      maxGroup = maxGroup.append(ds)
      return
    }
    if (ds.numDiff() === 0) {
      let numLo = 0
      let numHi = 0
      const numEqual = ds.numIgnored + ds.numIdentical
      while (numLo < NUM_CONTEXT_RECORDS && numLo + numHi < numEqual && i !== 0) numLo++
      while (numHi < NUM_CONTEXT_RECORDS && numLo + numHi < numEqual && i !== groups.length - 1) numHi++
      if (numEqual - (numLo + numHi) === 1 && ds.numIgnored === 0) numHi++
      for (const r of recs.slice(0, numLo)) list.records.push({ diff: 0, key: recordKeyText(r.key), value: formatDiff(withDiffMode(o, DIFF_IDENTICAL), r.value)! })
      if (numEqual > numLo + numHi) {
        ds.numIdentical -= numLo + numHi
        list.appendEllipsis(ds)
      }
      for (const r of recs.slice(numEqual - numHi, numEqual)) {
        list.records.push({ diff: 0, key: recordKeyText(r.key), value: formatDiff(withDiffMode(o, DIFF_IDENTICAL), r.value)! })
      }
      recs = recs.slice(numEqual)
      return
    }
    for (const r of recs.slice(0, ds.numDiff())) {
      const key = recordKeyText(r.key)
      if (canFormatDiffSlice(o, r.value)) {
        list.records.push({ diff: 0, key, value: formatDiffSlice(o, r.value) })
      } else if (r.value.numChildren === r.value.maxDepth) {
        let outx = formatDiff(withDiffMode(o, DIFF_REMOVED), r.value)
        let outy = formatDiff(withDiffMode(o, DIFF_INSERTED), r.value)
        for (let j = 0; j <= MAX_VERBOSITY_PRESET && outx && outy && outx.equal(outy); j++) {
          const o2 = verbosityPreset(o, j)
          outx = formatDiff(withDiffMode(o2, DIFF_REMOVED), r.value)
          outy = formatDiff(withDiffMode(o2, DIFF_INSERTED), r.value)
        }
        if (outx) list.records.push({ diff: DIFF_REMOVED, key, value: outx })
        if (outy) list.records.push({ diff: DIFF_INSERTED, key, value: outy })
      } else {
        list.records.push({ diff: 0, key, value: formatDiff(o, r.value)! })
      }
    }
    recs = recs.slice(ds.numDiff())
    numDiffs += ds.numDiff()
  })
  if (!maxGroup.isZero()) list.appendEllipsis(maxGroup)
  return new TextWrap('{', list, '}')
}

function isZeroVal(t: GoType, v: Val): boolean {
  return v !== INVALID && isZero(t, v)
}

function coalesceAdjacentRecords(name: string, recs: readonly { value: ValueNode }[]): DiffStats[] {
  const groups: DiffStats[] = []
  let prevCase = 0
  const last = (i: number): DiffStats => {
    if (prevCase !== i) {
      groups.push(new DiffStats(name))
      prevCase = i
    }
    return groups[groups.length - 1]
  }
  for (const { value: rv } of recs) {
    if (rv.numDiff === 0) last(1).numIdentical++
    else if (rv.y === INVALID) last(2).numRemoved++
    else if (rv.x === INVALID) last(2).numInserted++
    else last(2).numModified++
  }
  return groups
}

// ---------------------------------------------------------------------------------------------
// report_slices.go: long strings and slices of numbers/bools

function canFormatDiffSlice(o: FormatOptions, v: ValueNode): boolean {
  if (o.diffMode !== DIFF_UNKNOWN || v.numDiff === 0 || v.x === INVALID || v.y === INVALID) return false
  if (v.numCompared > 1 || (v.numCompared === 1 && v.type.name)) return false
  const t = v.type
  if (t.kind === 'string') {
    return utf8Length(v.x as string) >= 32 && utf8Length(v.y as string) >= 32
  }
  if (t.kind === 'slice') {
    const ek = t.elem!.kind
    if (ek !== 'int32' && ek !== 'int64' && ek !== 'bool') return false
    const xs = v.x as readonly GoValue[] | null
    const ys = v.y as readonly GoValue[] | null
    if (!xs || !ys || xs.length === 0 || ys.length === 0) return false
    if (v.numDiff > v.numSame) return true
    return xs.length >= 32 && ys.length >= 32
  }
  return false
}

/** A byte string, as a Go string value indexes and slices it. */
type Bytes = Uint8Array

function formatDiffSlice(o: FormatOptions, v: ValueNode): TextNode {
  const t = v.type
  let list: TextList
  let delim = ''
  let isMostlyText = false
  if (t.kind === 'string') {
    const sx = v.x as string
    const sy = v.y as string
    const all = sx + sy
    let numTotalRunes = 0
    let numValidRunes = 0
    let numLines = 0
    let lastLineIdx = 0
    let maxLineLen = 0
    let byteIdx = 0
    for (const ch of all) {
      const cp = ch.codePointAt(0)!
      numTotalRunes++
      if ((isPrint(cp) || /\s/u.test(ch)) && cp !== 0xfffd) numValidRunes++
      if (cp === 0x0a) {
        if (maxLineLen < byteIdx - lastLineIdx) maxLineLen = byteIdx - lastLineIdx
        lastLineIdx = byteIdx + 1
        numLines++
      }
      byteIdx += utf8Length(ch)
    }
    const isPureText = numValidRunes === numTotalRunes
    isMostlyText = numValidRunes > Math.floor(0.9 * numTotalRunes)
    let isPureLinedText = isPureText && numLines >= 4 && maxLineLen <= 1024
    const bx = utf8.encode(sx)
    const by = utf8.encode(sy)
    let ssx: string[] = []
    let ssy: string[] = []
    if (isPureLinedText) {
      ssx = sx.split('\n')
      ssy = sy.split('\n')
      const esLines = difference(ssx.length, ssy.length, (ix, iy) => boolResult(ssx[ix] === ssy[iy]))
      const esBytes = difference(bx.length, by.length, (ix, iy) => boolResult(bx[ix] === by[iy]))
      const dist = (es: EditType[]) => es.filter((e) => e !== 'I').length
      const efficiencyLines = dist(esLines) / esLines.length
      const efficiencyBytes = dist(esBytes) / esBytes.length
      const quotedLength = utf8Length(goQuote(sx + sy))
      const unquotedLength = bx.length + by.length
      isPureLinedText = efficiencyLines < 4 * efficiencyBytes || quotedLength / unquotedLength > 1.1
    }
    if (isPureLinedText) {
      list = formatDiffSliceChunks(o, ssx, ssy, 1, 'line', (a, b) => a === b, (chunk, d) => ({ diff: d, key: '', value: new TextLine(goStringLiteral(chunk[0])) }))
      delim = '\n'
      // The triple-quote form, when the lines allow it.
      let isTripleQuoted = true
      let prevRemoveLines = new Set<string>()
      let prevInsertLines = new Set<string>()
      const list2 = new TextList([{ diff: 0, key: '', value: new TextLine('"""'), elideComma: true }])
      for (const r0 of list.records) {
        const r = { ...r0 }
        if (!r.value.equal(TEXT_ELLIPSIS)) {
          let line = goUnquote((r.value as TextLine).s)
          if (line.endsWith('\r')) line = line.slice(0, -1)
          if (line.startsWith('\r')) line = line.slice(1)
          const normLine = [...line].filter((ch) => !/\s/u.test(ch)).join('')
          const printable = [...line].every((ch) => isPrint(ch.codePointAt(0)!) || ch === '\t')
          isTripleQuoted = !line.startsWith('"""') && !line.startsWith('...') && printable
          if (r.diff === DIFF_REMOVED) {
            isTripleQuoted = isTripleQuoted && !prevInsertLines.has(normLine)
            prevRemoveLines.add(normLine)
          } else if (r.diff === DIFF_INSERTED) {
            isTripleQuoted = isTripleQuoted && !prevRemoveLines.has(normLine)
            prevInsertLines.add(normLine)
          }
          if (!isTripleQuoted) break
          r.value = new TextLine(line)
          r.elideComma = true
        }
        if (!(r.diff === DIFF_REMOVED || r.diff === DIFF_INSERTED)) {
          prevRemoveLines = new Set()
          prevInsertLines = new Set()
        }
        list2.records.push(r)
      }
      const last = list2.records[list2.records.length - 1]
      if (last.diff === DIFF_IDENTICAL && (last.value as TextLine).s === '') list2.records.pop()
      list2.records.push({ diff: 0, key: '', value: new TextLine('"""'), elideComma: true })
      if (isTripleQuoted) {
        const out = new TextWrap('(', list2, ')')
        return t.name ? formatType(o, t, out) : out
      }
    } else if (isMostlyText) {
      list = formatDiffSliceChunks(o, [...bx], [...by], 64, 'byte', (a, b) => a === b, (chunk, d) => ({
        diff: d,
        key: '',
        value: new TextLine(goStringLiteralBytes(Uint8Array.from(chunk as number[]))),
      }))
    } else {
      list = formatDiffSliceChunks(o, [...bx], [...by], 16, 'byte', (a, b) => a === b, (chunk, d) => {
        const bytes = chunk as number[]
        const ascii = bytes.map((c) => (c >= 0x20 && c <= 0x7e ? String.fromCharCode(c) : '.')).join('')
        return { diff: d, key: '', value: new TextLine(bytes.map(formatHex).join(', ')), comment: `${String.fromCharCode(d)}|${ascii}|` }
      })
    }
  } else {
    const ek = t.elem!.kind
    const chunkSize = ek === 'bool' ? 16 : 8
    list = formatDiffSliceChunks(o, [...(v.x as GoValue[])], [...(v.y as GoValue[])], chunkSize, ek === 'bool' ? 'bool' : ek, (a, b) => a === b, (chunk, d) => ({
      diff: d,
      key: '',
      value: new TextLine(chunk.map((e) => String(e)).join(', ')),
    }))
  }
  const out = new TextWrap('{', list!, '}')
  if (!isMostlyText) {
    return formatType(t.kind === 'string' ? withTypeMode(o, EMIT_TYPE) : o, t, out)
  }
  const joined = new TextWrap('strings.Join(', out, `, ${goQuote(delim)})`)
  return t.name ? formatType(o, t, joined) : joined
}

function formatHex(u: number): string {
  return `0x${u.toString(16).padStart(2, '0')}`
}

/** strconv.Unquote of a literal goStringLiteral produced (quoted or raw). */
function goUnquote(s: string): string {
  if (s.startsWith('`')) return s.slice(1, -1)
  return JSON.parse(
    s.replace(/\\x([0-9a-fA-F]{2})/g, (_m, h: string) => `\\u00${h}`).replace(/\\U([0-9a-fA-F]{8})/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'),
  ) as string
}

function formatDiffSliceChunks<T>(
  opts: FormatOptions,
  xs: readonly T[],
  ys: readonly T[],
  chunkSize: number,
  name: string,
  eqv: (a: T, b: T) => boolean,
  makeRec: (chunk: T[], d: DiffMode) => TextRecord,
): TextList {
  const o = opts
  let vx = xs.slice()
  let vy = ys.slice()
  const eq = (ix: number, iy: number) => eqv(xs[ix], ys[iy])
  const es = difference(xs.length, ys.length, (ix, iy) => boolResult(eq(ix, iy)))
  const list = new TextList()
  const appendChunks = (v: T[], d: DiffMode): number => {
    const n0 = v.length
    let rest = v
    while (rest.length > 0) {
      const n = Math.min(chunkSize, rest.length)
      list.records.push(makeRec(rest.slice(0, n), d))
      rest = rest.slice(n)
    }
    return n0
  }
  let numDiffs = 0
  // Upstream also lowers the verbosity here, for nothing that reads it afterwards.
  const maxLen = o.limitVerbosity ? (1 << verbosity(o)) << 2 : -1
  let groups = coalesceAdjacentEdits(name, es)
  groups = coalesceInterveningIdentical(groups, Math.trunc(chunkSize / 4))
  groups = cleanupSurroundingIdentical(groups, eq)
  let maxGroup = new DiffStats(name)
  groups.forEach((dsIn, i) => {
    const ds = dsIn.copy()
    if (maxLen >= 0 && numDiffs >= maxLen) {
      maxGroup = maxGroup.append(ds)
      return
    }
    if (ds.numDiff() === 0) {
      let numLo = 0
      let numHi = 0
      const numEqual = ds.numIgnored + ds.numIdentical
      while (numLo < chunkSize * NUM_CONTEXT_RECORDS && numLo + numHi < numEqual && i !== 0) numLo++
      while (numHi < chunkSize * NUM_CONTEXT_RECORDS && numLo + numHi < numEqual && i !== groups.length - 1) numHi++
      if (numEqual - (numLo + numHi) <= chunkSize && ds.numIgnored === 0) numHi = numEqual - numLo
      appendChunks(vx.slice(0, numLo), DIFF_IDENTICAL)
      if (numEqual > numLo + numHi) {
        ds.numIdentical -= numLo + numHi
        list.appendEllipsis(ds)
      }
      appendChunks(vx.slice(numEqual - numHi, numEqual), DIFF_IDENTICAL)
      vx = vx.slice(numEqual)
      vy = vy.slice(numEqual)
      return
    }
    const len0 = list.records.length
    const nx = appendChunks(vx.slice(0, ds.numIdentical + ds.numRemoved + ds.numModified), DIFF_REMOVED)
    vx = vx.slice(nx)
    const ny = appendChunks(vy.slice(0, ds.numIdentical + ds.numInserted + ds.numModified), DIFF_INSERTED)
    vy = vy.slice(ny)
    numDiffs += list.records.length - len0
  })
  if (!maxGroup.isZero()) list.appendEllipsis(maxGroup)
  return list
}

function coalesceAdjacentEdits(name: string, es: readonly EditType[]): DiffStats[] {
  const groups: DiffStats[] = []
  let prevMode = ''
  const last = (mode: string): DiffStats => {
    if (prevMode !== mode) {
      groups.push(new DiffStats(name))
      prevMode = mode
    }
    return groups[groups.length - 1]
  }
  for (const e of es) {
    if (e === 'I') last('=').numIdentical++
    else if (e === 'X') last('!').numRemoved++
    else if (e === 'Y') last('!').numInserted++
    else last('!').numModified++
  }
  return groups
}

function coalesceInterveningIdentical(groupsOrig: DiffStats[], windowSize: number): DiffStats[] {
  const groups: DiffStats[] = []
  for (const ds of groupsOrig) {
    if (groups.length >= 2 && ds.numDiff() > 0) {
      const prev = groups[groups.length - 2]
      const curr = groups[groups.length - 1]
      const hadX = prev.numRemoved > 0
      const hadY = prev.numInserted > 0
      const hasX = ds.numRemoved > 0
      const hasY = ds.numInserted > 0
      if ((hadX || hasX) && (hadY || hasY) && curr.numIdentical <= windowSize) {
        groups[groups.length - 2] = prev.append(curr).append(ds)
        groups.pop()
        continue
      }
    }
    groups.push(ds)
  }
  return groups
}

function cleanupSurroundingIdentical(groupsIn: DiffStats[], eq: (i: number, j: number) => boolean): DiffStats[] {
  const groups = groupsIn.map((g) => g.copy())
  const deferred: (() => void)[] = []
  let ix = 0
  let iy = 0
  groups.forEach((ds, i) => {
    if (ds.numDiff() === 0) {
      ix += ds.numIdentical
      iy += ds.numIdentical
      return
    }
    let nx = ds.numIdentical + ds.numRemoved + ds.numModified
    let ny = ds.numIdentical + ds.numInserted + ds.numModified
    let numLeading = 0
    let numTrailing = 0
    for (let j = 0; j < nx && j < ny && eq(ix + j, iy + j); j++) numLeading++
    for (let j = 0; j < nx && j < ny && eq(ix + nx - 1 - j, iy + ny - 1 - j); j++) numTrailing++
    const numIdentical = numLeading + numTrailing
    if (numIdentical > 0) {
      if (numLeading > 0) {
        if (i - 1 >= 0) groups[i - 1].numIdentical += numLeading
        else {
          const n = numLeading
          deferred.push(() => groups.unshift(new DiffStats(groups[0].name, 0, n)))
        }
        ix += numLeading
        iy += numLeading
      }
      if (numTrailing > 0) {
        if (i + 1 < groups.length) groups[i + 1].numIdentical += numTrailing
        else {
          const n = numTrailing
          deferred.push(() => groups.push(new DiffStats(groups[groups.length - 1].name, 0, n)))
        }
      }
      nx -= numIdentical
      ny -= numIdentical
      groups[i] = new DiffStats(ds.name, 0, 0, nx, ny)
    }
    ix += nx
    iy += ny
  })
  // Go runs deferred calls last-in first-out.
  for (let k = deferred.length - 1; k >= 0; k--) deferred[k]()
  return groups
}

// ---------------------------------------------------------------------------------------------

/** cmp.Diff(x, y) for two values of type t: "" when equal, else the report (ending in "\n"). */
export function cmpDiff(t: GoType, x: GoValue, y: GoValue): string {
  const root = newNode(t, x, y)
  compareAny(t, x, y, root)
  if (root.numDiff === 0) return ''
  const opts: FormatOptions = { diffMode: DIFF_UNKNOWN, typeMode: EMIT_TYPE, avoidStringer: false, verbosityLevel: 0, limitVerbosity: false }
  const text = formatDiff(opts, root)!
  return textString(text)
}

/** cmp.Equal without options: the same comparison, no report. */
export function cmpEqual(t: GoType, x: GoValue, y: GoValue): boolean {
  return compareAny(t, x, y, undefined).numDiff === 0
}

export type { Result as CmpResult }
