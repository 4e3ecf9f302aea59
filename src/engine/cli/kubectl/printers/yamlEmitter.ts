// The YAML text writer behind `kubectl -o yaml`: block mappings and sequences (a sequence under a
// mapping key is not indented: "containers:\n- name: x"), `{}` / `[]` for empty collections,
// scalar styles chosen from what the characters allow, lines folded past column 80, and the
// `? key` form for keys longer than 128 bytes.
// Mirrors: sigs.k8s.io/yaml goyaml.v2 emitterc.go (libyaml's emitter as go-yaml v2.4 ported it):
// yaml_emitter_analyze_scalar, yaml_emitter_select_scalar_style, yaml_emitter_write_indent,
// write_indicator, write_plain/single_quoted/double_quoted/literal_scalar, write_block_scalar_hints,
// check_simple_key, increase_indent, and the block sequence/mapping states. The state machine is
// walked by recursion over a finished tree instead of an event queue; every write happens in the
// same order with the same column/whitespace/indention bookkeeping, so the bytes match.
// Dropped: flow collections with content (go-yaml only chooses flow style for empty ones),
// anchors, aliases, tags, folded scalars, canonical mode, encodings other than UTF-8 and
// non-"\n" line breaks: the YAML printer never asks for them.

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal'

export type YamlNode =
  | { kind: 'scalar'; value: string; style: ScalarStyle }
  | { kind: 'sequence'; items: YamlNode[] }
  | { kind: 'mapping'; pairs: [YamlNode, YamlNode][] }

const BEST_INDENT = 2
const BEST_WIDTH = 80

interface Emitter {
  out: string
  column: number
  indent: number
  indents: number[]
  whitespace: boolean
  indention: boolean
  // Context of the node being emitted (yaml_emitter_emit_node's flags).
  mappingContext: boolean
  simpleKeyContext: boolean
}

interface ScalarAnalysis {
  multiline: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

// Character classes of yamlprivateh.go, on code points. is_printable is defined on UTF-8 lead
// bytes there; this is the code point range those byte tests accept (no 4-byte characters).
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  )
}

function isBreak(cp: number | undefined): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029
}

function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09
}

function isBlankz(cp: number | undefined): boolean {
  return isBlank(cp) || isBreak(cp) || cp === 0
}

function toCodePoints(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0) as number)
}

function utf8Length(cps: number[]): number {
  return cps.reduce((n, cp) => n + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4), 0)
}

/** yaml_emitter_analyze_scalar: which styles can represent the value faithfully. */
function analyzeScalar(cps: number[]): ScalarAnalysis {
  const n = cps.length
  if (n === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false }
  let blockIndicators = false
  let lineBreaks = false
  let specialCharacters = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let previousSpace = false
  let previousBreak = false
  const starts = String.fromCodePoint(...cps.slice(0, 3))
  if (n >= 3 && (starts === '---' || starts === '...')) blockIndicators = true
  let precededByWhitespace = true
  for (let i = 0; i < n; i++) {
    const c = String.fromCodePoint(cps[i])
    const followedByWhitespace = i + 1 >= n || isBlank(cps[i + 1])
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true
      else if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true
      else if (c === '-' && followedByWhitespace) blockIndicators = true
    } else if ((c === ':' && followedByWhitespace) || (c === '#' && precededByWhitespace)) {
      blockIndicators = true
    }
    if (!isPrintable(cps[i])) specialCharacters = true
    if (cps[i] === 0x20) {
      if (i === 0) leadingSpace = true
      if (i === n - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(cps[i])) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === n - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = isBlankz(cps[i])
  }
  // Flow-context flags are left out: go-yaml only uses flow style for empty collections.
  let blockPlainAllowed = true
  let singleQuotedAllowed = true
  let blockAllowed = true
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false
  if (trailingSpace) blockAllowed = false
  if (breakSpace) {
    blockPlainAllowed = false
    singleQuotedAllowed = false
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false
    singleQuotedAllowed = false
    blockAllowed = false
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed }
}

/** yaml_emitter_select_scalar_style, at flow level 0 with implicit tags. */
function selectScalarStyle(requested: ScalarStyle, a: ScalarAnalysis, empty: boolean, simpleKey: boolean): ScalarStyle {
  let style = requested
  if (simpleKey && a.multiline) style = 'double'
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single'
    if (empty && simpleKey) style = 'single'
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}

function put(e: Emitter, s: string): void {
  e.out += s
  e.column++
}

function putBreak(e: Emitter): void {
  e.out += '\n'
  e.column = 0
}

function write(e: Emitter, cp: number): void {
  e.out += String.fromCodePoint(cp)
  e.column++
}

function writeBreak(e: Emitter, cp: number): void {
  if (cp === 0x0a) {
    putBreak(e)
  } else {
    write(e, cp)
    e.column = 0
  }
}

function writeIndent(e: Emitter): void {
  const indent = Math.max(e.indent, 0)
  if (!e.indention || e.column > indent || (e.column === indent && !e.whitespace)) putBreak(e)
  while (e.column < indent) put(e, ' ')
  e.whitespace = true
  e.indention = true
}

function writeIndicator(e: Emitter, indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
  if (needWhitespace && !e.whitespace) put(e, ' ')
  e.out += indicator
  e.column += indicator.length
  e.whitespace = isWhitespace
  e.indention = e.indention && isIndention
}

function increaseIndent(e: Emitter, flow: boolean, indentless: boolean): void {
  e.indents.push(e.indent)
  if (e.indent < 0) e.indent = flow ? BEST_INDENT : 0
  else if (!indentless) e.indent += BEST_INDENT
}

function popIndent(e: Emitter): void {
  e.indent = e.indents.pop() as number
}

function writePlain(e: Emitter, cps: number[], allowBreaks: boolean): void {
  if (!e.whitespace) put(e, ' ')
  let spaces = false
  let breaks = false
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]
    if (cp === 0x20) {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && cps[i + 1] !== 0x20) writeIndent(e)
      else write(e, cp)
      spaces = true
    } else if (isBreak(cp)) {
      if (!breaks && cp === 0x0a) putBreak(e)
      writeBreak(e, cp)
      e.indention = true
      breaks = true
    } else {
      if (breaks) writeIndent(e)
      write(e, cp)
      e.indention = false
      spaces = false
      breaks = false
    }
  }
  e.whitespace = false
  e.indention = false
}

function writeSingleQuoted(e: Emitter, cps: number[], allowBreaks: boolean): void {
  writeIndicator(e, "'", true, false, false)
  let spaces = false
  let breaks = false
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]
    if (cp === 0x20) {
      const fold = allowBreaks && !spaces && e.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== 0x20
      if (fold) writeIndent(e)
      else write(e, cp)
      spaces = true
    } else if (isBreak(cp)) {
      if (!breaks && cp === 0x0a) putBreak(e)
      writeBreak(e, cp)
      e.indention = true
      breaks = true
    } else {
      if (breaks) writeIndent(e)
      if (cp === 0x27) put(e, "'")
      write(e, cp)
      e.indention = false
      spaces = false
      breaks = false
    }
  }
  writeIndicator(e, "'", false, false, false)
  e.whitespace = false
  e.indention = false
}

const doubleQuotedEscapes: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
}

function writeDoubleQuoted(e: Emitter, cps: number[], allowBreaks: boolean): void {
  writeIndicator(e, '"', true, false, false)
  // is_bom(value, i) looks at the start of the value, not at position i (a libyaml quirk): a
  // value starting with a BOM has every character escaped.
  const bom = cps[0] === 0xfeff
  let spaces = false
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]
    if (!isPrintable(cp) || bom || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
      put(e, '\\')
      const short = doubleQuotedEscapes[cp]
      if (short !== undefined) put(e, short)
      else {
        const [letter, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8]
        put(e, letter)
        for (const d of cp.toString(16).toUpperCase().padStart(width, '0')) put(e, d)
      }
      spaces = false
    } else if (cp === 0x20) {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
        writeIndent(e)
        if (cps[i + 1] === 0x20) put(e, '\\')
      } else {
        write(e, cp)
      }
      spaces = true
    } else {
      write(e, cp)
      spaces = false
    }
  }
  writeIndicator(e, '"', false, false, false)
  e.whitespace = false
  e.indention = false
}

function writeBlockScalarHints(e: Emitter, cps: number[]): void {
  if (cps[0] === 0x20 || isBreak(cps[0])) writeIndicator(e, String(BEST_INDENT), false, false, false)
  let chomp = ''
  const last = cps.length - 1
  if (cps.length === 0 || !isBreak(cps[last])) chomp = '-'
  else if (last === 0) chomp = '+'
  else if (isBreak(cps[last - 1])) chomp = '+'
  if (chomp) writeIndicator(e, chomp, false, false, false)
}

function writeLiteral(e: Emitter, cps: number[]): void {
  writeIndicator(e, '|', true, false, false)
  writeBlockScalarHints(e, cps)
  putBreak(e)
  e.indention = true
  e.whitespace = true
  let breaks = true
  for (const cp of cps) {
    if (isBreak(cp)) {
      writeBreak(e, cp)
      e.indention = true
      breaks = true
    } else {
      if (breaks) writeIndent(e)
      write(e, cp)
      e.indention = false
      breaks = false
    }
  }
}

function emitScalar(e: Emitter, node: { value: string; style: ScalarStyle }): void {
  const cps = toCodePoints(node.value)
  const style = selectScalarStyle(node.style, analyzeScalar(cps), cps.length === 0, e.simpleKeyContext)
  increaseIndent(e, true, false)
  const allowBreaks = !e.simpleKeyContext
  if (style === 'plain') writePlain(e, cps, allowBreaks)
  else if (style === 'single') writeSingleQuoted(e, cps, allowBreaks)
  else if (style === 'double') writeDoubleQuoted(e, cps, allowBreaks)
  else writeLiteral(e, cps)
  popIndent(e)
}

/** yaml_emitter_check_simple_key: short single-line scalars and empty collections. */
function isSimpleKey(node: YamlNode): boolean {
  if (node.kind === 'sequence') return node.items.length === 0
  if (node.kind === 'mapping') return node.pairs.length === 0
  const cps = toCodePoints(node.value)
  return !analyzeScalar(cps).multiline && utf8Length(cps) <= 128
}

function emitNode(e: Emitter, node: YamlNode, mapping: boolean, simpleKey: boolean): void {
  e.mappingContext = mapping
  e.simpleKeyContext = simpleKey
  if (node.kind === 'scalar') emitScalar(e, node)
  else if (node.kind === 'sequence') {
    if (node.items.length === 0) emitEmptyFlow(e, '[', ']')
    else emitBlockSequence(e, node.items)
  } else if (node.pairs.length === 0) emitEmptyFlow(e, '{', '}')
  else emitBlockMapping(e, node.pairs)
}

function emitEmptyFlow(e: Emitter, open: string, close: string): void {
  writeIndicator(e, open, true, true, false)
  increaseIndent(e, true, false)
  popIndent(e)
  writeIndicator(e, close, false, false, false)
}

function emitBlockSequence(e: Emitter, items: YamlNode[]): void {
  // A sequence that is a mapping value sits at its key's indentation ("indentless").
  increaseIndent(e, false, e.mappingContext && !e.indention)
  for (const item of items) {
    writeIndent(e)
    writeIndicator(e, '-', true, false, true)
    emitNode(e, item, false, false)
  }
  popIndent(e)
}

function emitBlockMapping(e: Emitter, pairs: [YamlNode, YamlNode][]): void {
  increaseIndent(e, false, false)
  for (const [key, value] of pairs) {
    writeIndent(e)
    if (isSimpleKey(key)) {
      emitNode(e, key, true, true)
      writeIndicator(e, ':', false, false, false)
    } else {
      writeIndicator(e, '?', true, false, true)
      emitNode(e, key, true, false)
      writeIndent(e)
      writeIndicator(e, ':', true, false, true)
    }
    emitNode(e, value, true, false)
  }
  popIndent(e)
}

/** One YAML document as yaml.Marshal writes it (no `---`), ending with a newline. */
export function emitYamlDocument(root: YamlNode): string {
  const e: Emitter = {
    out: '',
    column: 0,
    indent: -1,
    indents: [],
    whitespace: true,
    indention: true,
    mappingContext: false,
    simpleKeyContext: false,
  }
  emitNode(e, root, false, false)
  // yaml_emitter_emit_document_end: an implicit end only needs the line finished.
  writeIndent(e)
  return e.out
}
