// go-yaml v2's parser and node tree, ported: tokens to events to the tree of the first document,
// with the parser's errors.
// Mirrors: go-yaml v2.4 parserc.go (the event state machine, %YAML/%TAG directives, tag
// resolution, empty scalars and the "did not find expected ..." errors), parser.go (nodes,
// anchors, "unknown anchor" errors; Unmarshal reads only the first document) and yaml.go (fail:
// a parser error names the problem mark's 0-based line, or the context mark's; none for line 0).
// Values are resolved by manifestYamlValues.ts.

import { GoYamlError, Scanner, type Mark } from './manifestYamlScanner'

type State =
  | 'STREAM-START'
  | 'IMPLICIT-DOCUMENT-START'
  | 'DOCUMENT-START'
  | 'DOCUMENT-CONTENT'
  | 'DOCUMENT-END'
  | 'BLOCK-NODE'
  | 'BLOCK-SEQUENCE-FIRST-ENTRY'
  | 'BLOCK-SEQUENCE-ENTRY'
  | 'INDENTLESS-SEQUENCE-ENTRY'
  | 'BLOCK-MAPPING-FIRST-KEY'
  | 'BLOCK-MAPPING-KEY'
  | 'BLOCK-MAPPING-VALUE'
  | 'FLOW-SEQUENCE-FIRST-ENTRY'
  | 'FLOW-SEQUENCE-ENTRY'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-END'
  | 'FLOW-MAPPING-FIRST-KEY'
  | 'FLOW-MAPPING-KEY'
  | 'FLOW-MAPPING-VALUE'
  | 'FLOW-MAPPING-EMPTY-VALUE'
  | 'END'

type EventType = 'STREAM-START' | 'STREAM-END' | 'DOCUMENT-START' | 'DOCUMENT-END' | 'ALIAS' | 'SCALAR' | 'SEQUENCE-START' | 'SEQUENCE-END' | 'MAPPING-START' | 'MAPPING-END'

interface Event {
  type: EventType
  anchor?: string
  /** A scalar's value, full tag and whether its type is left to resolution (plain, or tag `!`).
   *  Absent on the empty scalars the parser makes up: "" with no tag, implicit. */
  value?: string
  tag?: string
  implicit?: boolean
  /** For DOCUMENT-END: where the document's text ends (the next token's start). */
  end?: Mark
}

class Parser {
  private state: State = 'STREAM-START'
  private states: State[] = []
  private marks: Mark[] = []
  /** %TAG handles and their prefixes, with the two defaults. */
  private tagDirectives = new Map<string, string>()

  constructor(private readonly s: Scanner) {}

  private parserError(problem: string, problemMark: Mark, contextMark?: Mark): never {
    // yaml.go fail(): parser errors report problem_mark.line as it is (0-based), falling back
    // to the context mark's line when the problem is on the first line.
    const line = problemMark.line !== 0 ? problemMark.line : (contextMark?.line ?? 0)
    throw new GoYamlError(line !== 0 ? `yaml: line ${line}: ${problem}` : `yaml: ${problem}`)
  }

  private pop(): State {
    return this.states.pop() as State
  }

  next(): Event {
    switch (this.state) {
      case 'STREAM-START': {
        this.s.peek()
        this.state = 'IMPLICIT-DOCUMENT-START'
        this.s.skipToken()
        return { type: 'STREAM-START' }
      }
      case 'IMPLICIT-DOCUMENT-START':
        return this.documentStart(true)
      case 'DOCUMENT-START':
        return this.documentStart(false)
      case 'DOCUMENT-CONTENT': {
        const t = this.s.peek()
        if (['VERSION-DIRECTIVE', 'TAG-DIRECTIVE', 'DOCUMENT-START', 'DOCUMENT-END', 'STREAM-END'].includes(t.type)) {
          this.state = this.pop()
          return { type: 'SCALAR' }
        }
        return this.node(true, false)
      }
      case 'DOCUMENT-END': {
        const t = this.s.peek()
        const end = { ...t.start }
        if (t.type === 'DOCUMENT-END') this.s.skipToken()
        this.tagDirectives = new Map()
        this.state = 'DOCUMENT-START'
        return { type: 'DOCUMENT-END', end }
      }
      case 'BLOCK-NODE':
        return this.node(true, false)
      case 'BLOCK-SEQUENCE-FIRST-ENTRY':
        return this.blockSequenceEntry(true)
      case 'BLOCK-SEQUENCE-ENTRY':
        return this.blockSequenceEntry(false)
      case 'INDENTLESS-SEQUENCE-ENTRY':
        return this.indentlessSequenceEntry()
      case 'BLOCK-MAPPING-FIRST-KEY':
        return this.blockMappingKey(true)
      case 'BLOCK-MAPPING-KEY':
        return this.blockMappingKey(false)
      case 'BLOCK-MAPPING-VALUE':
        return this.blockMappingValue()
      case 'FLOW-SEQUENCE-FIRST-ENTRY':
        return this.flowSequenceEntry(true)
      case 'FLOW-SEQUENCE-ENTRY':
        return this.flowSequenceEntry(false)
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY':
        return this.flowSequenceEntryMappingKey()
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE':
        return this.flowSequenceEntryMappingValue()
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-END':
        this.s.peek()
        this.state = 'FLOW-SEQUENCE-ENTRY'
        return { type: 'MAPPING-END' }
      case 'FLOW-MAPPING-FIRST-KEY':
        return this.flowMappingKey(true)
      case 'FLOW-MAPPING-KEY':
        return this.flowMappingKey(false)
      case 'FLOW-MAPPING-VALUE':
        return this.flowMappingValue(false)
      case 'FLOW-MAPPING-EMPTY-VALUE':
        return this.flowMappingValue(true)
      case 'END':
        return { type: 'STREAM-END' }
    }
  }

  private documentStart(implicit: boolean): Event {
    let t = this.s.peek()
    if (!implicit) {
      while (t.type === 'DOCUMENT-END') {
        this.s.skipToken()
        t = this.s.peek()
      }
    }
    if (implicit && !['VERSION-DIRECTIVE', 'TAG-DIRECTIVE', 'DOCUMENT-START', 'STREAM-END'].includes(t.type)) {
      this.processDirectives()
      this.states.push('DOCUMENT-END')
      this.state = 'BLOCK-NODE'
      return { type: 'DOCUMENT-START' }
    }
    if (t.type !== 'STREAM-END') {
      this.processDirectives()
      t = this.s.peek()
      if (t.type !== 'DOCUMENT-START') this.parserError('did not find expected <document start>', t.start)
      this.states.push('DOCUMENT-END')
      this.state = 'DOCUMENT-CONTENT'
      this.s.skipToken()
      return { type: 'DOCUMENT-START' }
    }
    this.state = 'END'
    this.s.skipToken()
    return { type: 'STREAM-END' }
  }

  private processDirectives(): void {
    let versionSeen = false
    const directives = new Map<string, string>()
    let t = this.s.peek()
    while (t.type === 'VERSION-DIRECTIVE' || t.type === 'TAG-DIRECTIVE') {
      if (t.type === 'VERSION-DIRECTIVE') {
        if (versionSeen) this.parserError('found duplicate %YAML directive', t.start)
        if (t.value !== '1.1') this.parserError('found incompatible YAML document', t.start)
        versionSeen = true
      } else {
        if (directives.has(t.value as string)) this.parserError('found duplicate %TAG directive', t.start)
        directives.set(t.value as string, t.suffix as string)
      }
      this.s.skipToken()
      t = this.s.peek()
    }
    for (const [handle, prefix] of [
      ['!', '!'],
      ['!!', 'tag:yaml.org,2002:'],
    ]) {
      if (!directives.has(handle)) directives.set(handle, prefix)
    }
    this.tagDirectives = directives
  }

  private node(block: boolean, indentlessSequence: boolean): Event {
    let t = this.s.peek()
    if (t.type === 'ALIAS') {
      this.state = this.pop()
      this.s.skipToken()
      return { type: 'ALIAS', anchor: t.value }
    }
    const startMark = t.start
    let anchor: string | undefined
    let tagHandle: string | undefined
    let tagSuffix = ''
    let tagMark: Mark | undefined
    if (t.type === 'ANCHOR') {
      anchor = t.value
      this.s.skipToken()
      t = this.s.peek()
      if (t.type === 'TAG') {
        tagHandle = t.value
        tagSuffix = t.suffix ?? ''
        tagMark = t.start
        this.s.skipToken()
        t = this.s.peek()
      }
    } else if (t.type === 'TAG') {
      tagHandle = t.value
      tagSuffix = t.suffix ?? ''
      tagMark = t.start
      this.s.skipToken()
      t = this.s.peek()
      if (t.type === 'ANCHOR') {
        anchor = t.value
        this.s.skipToken()
        t = this.s.peek()
      }
    }
    let tag = ''
    if (tagHandle !== undefined) {
      if (tagHandle.length === 0) tag = tagSuffix
      else {
        const prefix = this.tagDirectives.get(tagHandle)
        if (prefix !== undefined) tag = prefix + tagSuffix
        if (tag.length === 0) this.parserError('found undefined tag handle', tagMark as Mark, startMark)
      }
    }
    const hasTag = tag.length > 0
    if (indentlessSequence && t.type === 'BLOCK-ENTRY') {
      this.state = 'INDENTLESS-SEQUENCE-ENTRY'
      return { type: 'SEQUENCE-START', anchor }
    }
    if (t.type === 'SCALAR') {
      this.state = this.pop()
      this.s.skipToken()
      const implicit = (tag === '' && t.style === 'plain') || tag === '!'
      return { type: 'SCALAR', anchor, tag, value: t.scalar ?? '', implicit }
    }
    if (t.type === 'FLOW-SEQUENCE-START') {
      this.state = 'FLOW-SEQUENCE-FIRST-ENTRY'
      return { type: 'SEQUENCE-START', anchor }
    }
    if (t.type === 'FLOW-MAPPING-START') {
      this.state = 'FLOW-MAPPING-FIRST-KEY'
      return { type: 'MAPPING-START', anchor }
    }
    if (block && t.type === 'BLOCK-SEQUENCE-START') {
      this.state = 'BLOCK-SEQUENCE-FIRST-ENTRY'
      return { type: 'SEQUENCE-START', anchor }
    }
    if (block && t.type === 'BLOCK-MAPPING-START') {
      this.state = 'BLOCK-MAPPING-FIRST-KEY'
      return { type: 'MAPPING-START', anchor }
    }
    if (anchor !== undefined || hasTag) {
      this.state = this.pop()
      return { type: 'SCALAR', anchor, tag, value: '', implicit: tag === '' }
    }
    this.parserError('did not find expected node content', t.start, startMark)
  }

  private blockSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.s.peek().start)
      this.s.skipToken()
    }
    let t = this.s.peek()
    if (t.type === 'BLOCK-ENTRY') {
      this.s.skipToken()
      t = this.s.peek()
      if (t.type !== 'BLOCK-ENTRY' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK-SEQUENCE-ENTRY')
        return this.node(true, false)
      }
      this.state = 'BLOCK-SEQUENCE-ENTRY'
      return { type: 'SCALAR' }
    }
    if (t.type === 'BLOCK-END') {
      this.state = this.pop()
      this.marks.pop()
      this.s.skipToken()
      return { type: 'SEQUENCE-END' }
    }
    const contextMark = this.marks.pop()
    this.parserError("did not find expected '-' indicator", t.start, contextMark)
  }

  private indentlessSequenceEntry(): Event {
    let t = this.s.peek()
    if (t.type === 'BLOCK-ENTRY') {
      this.s.skipToken()
      t = this.s.peek()
      if (t.type !== 'BLOCK-ENTRY' && t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('INDENTLESS-SEQUENCE-ENTRY')
        return this.node(true, false)
      }
      this.state = 'INDENTLESS-SEQUENCE-ENTRY'
      return { type: 'SCALAR' }
    }
    this.state = this.pop()
    return { type: 'SEQUENCE-END' }
  }

  private blockMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.s.peek().start)
      this.s.skipToken()
    }
    let t = this.s.peek()
    if (t.type === 'KEY') {
      this.s.skipToken()
      t = this.s.peek()
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK-MAPPING-VALUE')
        return this.node(true, true)
      }
      this.state = 'BLOCK-MAPPING-VALUE'
      return { type: 'SCALAR' }
    }
    if (t.type === 'BLOCK-END') {
      this.state = this.pop()
      this.marks.pop()
      this.s.skipToken()
      return { type: 'MAPPING-END' }
    }
    const contextMark = this.marks.pop()
    this.parserError('did not find expected key', t.start, contextMark)
  }

  private blockMappingValue(): Event {
    let t = this.s.peek()
    if (t.type === 'VALUE') {
      this.s.skipToken()
      t = this.s.peek()
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK-MAPPING-KEY')
        return this.node(true, true)
      }
      this.state = 'BLOCK-MAPPING-KEY'
      return { type: 'SCALAR' }
    }
    this.state = 'BLOCK-MAPPING-KEY'
    return { type: 'SCALAR' }
  }

  private flowSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.s.peek().start)
      this.s.skipToken()
    }
    let t = this.s.peek()
    if (t.type !== 'FLOW-SEQUENCE-END') {
      if (!first) {
        if (t.type === 'FLOW-ENTRY') {
          this.s.skipToken()
          t = this.s.peek()
        } else {
          const contextMark = this.marks.pop()
          this.parserError("did not find expected ',' or ']'", t.start, contextMark)
        }
      }
      if (t.type === 'KEY') {
        this.state = 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY'
        this.s.skipToken()
        return { type: 'MAPPING-START' }
      }
      if (t.type !== 'FLOW-SEQUENCE-END') {
        this.states.push('FLOW-SEQUENCE-ENTRY')
        return this.node(false, false)
      }
    }
    this.state = this.pop()
    this.marks.pop()
    this.s.skipToken()
    return { type: 'SEQUENCE-END' }
  }

  private flowSequenceEntryMappingKey(): Event {
    const t = this.s.peek()
    if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-SEQUENCE-END') {
      this.states.push('FLOW-SEQUENCE-ENTRY-MAPPING-VALUE')
      return this.node(false, false)
    }
    this.state = 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE'
    return { type: 'SCALAR' }
  }

  private flowSequenceEntryMappingValue(): Event {
    let t = this.s.peek()
    if (t.type === 'VALUE') {
      this.s.skipToken()
      t = this.s.peek()
      if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-SEQUENCE-END') {
        this.states.push('FLOW-SEQUENCE-ENTRY-MAPPING-END')
        return this.node(false, false)
      }
    }
    this.state = 'FLOW-SEQUENCE-ENTRY-MAPPING-END'
    return { type: 'SCALAR' }
  }

  private flowMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.s.peek().start)
      this.s.skipToken()
    }
    let t = this.s.peek()
    if (t.type !== 'FLOW-MAPPING-END') {
      if (!first) {
        if (t.type === 'FLOW-ENTRY') {
          this.s.skipToken()
          t = this.s.peek()
        } else {
          const contextMark = this.marks.pop()
          this.parserError("did not find expected ',' or '}'", t.start, contextMark)
        }
      }
      if (t.type === 'KEY') {
        this.s.skipToken()
        t = this.s.peek()
        if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
          this.states.push('FLOW-MAPPING-VALUE')
          return this.node(false, false)
        }
        this.state = 'FLOW-MAPPING-VALUE'
        return { type: 'SCALAR' }
      }
      if (t.type !== 'FLOW-MAPPING-END') {
        this.states.push('FLOW-MAPPING-EMPTY-VALUE')
        return this.node(false, false)
      }
    }
    this.state = this.pop()
    this.marks.pop()
    this.s.skipToken()
    return { type: 'MAPPING-END' }
  }

  private flowMappingValue(empty: boolean): Event {
    let t = this.s.peek()
    if (empty) {
      this.state = 'FLOW-MAPPING-KEY'
      return { type: 'SCALAR' }
    }
    if (t.type === 'VALUE') {
      this.s.skipToken()
      t = this.s.peek()
      if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
        this.states.push('FLOW-MAPPING-KEY')
        return this.node(false, false)
      }
    }
    this.state = 'FLOW-MAPPING-KEY'
    return { type: 'SCALAR' }
  }
}

/**
 * go-yaml's node tree (parser.go). A scalar's `implicit` says its type comes from resolution;
 * an alias points at the node its anchor named when the alias was read.
 */
export type YamlNode =
  | { kind: 'scalar'; value: string; tag: string; implicit: boolean }
  | { kind: 'sequence'; children: YamlNode[] }
  | { kind: 'mapping'; children: YamlNode[] }
  | { kind: 'alias'; name: string; target: YamlNode }

/** One parsed document: its root node (none for an empty stream), or go-yaml's error. */
export type YamlDocumentResult = { ok: true; root: YamlNode | undefined } | { ok: false; error: string }

/** The reader's check: go-yaml refuses C0/C1 control characters other than tab, LF, CR and NEL. */
function controlCharacterError(src: string): string | undefined {
  for (const ch of src) {
    const v = ch.codePointAt(0) as number
    if (v === 0x09 || v === 0x0a || v === 0x0d || (v >= 0x20 && v <= 0x7e) || v === 0x85 || (v >= 0xa0 && v <= 0xd7ff) || (v >= 0xe000 && v <= 0xfffd) || v >= 0x10000) continue
    return 'yaml: control characters are not allowed'
  }
  return undefined
}

/**
 * Parse the first YAML document of `src` as go-yaml v2's Unmarshal does (yaml.go newParser +
 * parser.go parse/document): the node tree, or the error kubectl prints after
 * `error converting YAML to JSON: `. Text after the first document is not looked at.
 */
export function parseYamlDocument(src: string): YamlDocumentResult {
  const control = controlCharacterError(src)
  if (control) return { ok: false, error: control }
  const parser = new Parser(new Scanner(src))
  try {
    parser.next() // STREAM-START
    const first = parser.next()
    if (first.type === 'STREAM-END') return { ok: true, root: undefined }
    const anchors = new Map<string, YamlNode>()
    // Built without recursion: documents may nest 10000 levels deep.
    const open: Extract<YamlNode, { children: YamlNode[] }>[] = []
    let root: YamlNode | undefined
    const add = (n: YamlNode) => {
      if (open.length > 0) open[open.length - 1].children.push(n)
      else root = n
    }
    for (;;) {
      const ev = parser.next()
      switch (ev.type) {
        case 'ALIAS': {
          const target = anchors.get(ev.anchor as string)
          if (!target) return { ok: false, error: `yaml: unknown anchor '${ev.anchor}' referenced` }
          add({ kind: 'alias', name: ev.anchor as string, target })
          break
        }
        case 'SCALAR': {
          const n: YamlNode = { kind: 'scalar', value: ev.value ?? '', tag: ev.tag ?? '', implicit: ev.implicit ?? true }
          if (ev.anchor !== undefined) anchors.set(ev.anchor, n)
          add(n)
          break
        }
        case 'SEQUENCE-START':
        case 'MAPPING-START': {
          const n: Extract<YamlNode, { children: YamlNode[] }> = { kind: ev.type === 'SEQUENCE-START' ? 'sequence' : 'mapping', children: [] }
          if (ev.anchor !== undefined) anchors.set(ev.anchor, n)
          add(n)
          open.push(n)
          break
        }
        case 'SEQUENCE-END':
        case 'MAPPING-END':
          open.pop()
          break
        case 'DOCUMENT-END':
        case 'STREAM-END':
          return { ok: true, root }
        default:
          break
      }
    }
  } catch (e) {
    if (e instanceof GoYamlError) return { ok: false, error: e.message }
    throw e
  }
}
