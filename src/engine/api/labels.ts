// Label selectors: parsing `kubectl get -l` strings, matching label sets, and turning a
// metav1.LabelSelector into a selector.
// Mirrors: k8s.io/apimachinery pkg/labels (selector.go: Lexer, Parser, NewRequirement,
// Requirement.Matches/String, internalSelector; labels.go: Set.String, FormatLabels) and
// pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector, ParseToLabelSelector) at v0.32.
// Error texts are upstream's, e.g. `unable to parse requirement: found 'b', expected: in, notin,
// =, ==, !=, gt, lt` (checked against kubectl 1.32 `set selector --local`).
// Left out: field.PathOption plumbing beyond an optional base path, SetSelector's fast path
// (selectorFromSet builds the equivalent requirements).

import type { LabelSelector } from './types'
import {
  FieldError,
  aggregateMessage,
  childOf,
  compareGoStrings,
  goQuote,
  goStringSlice,
  invalid,
  notSupported,
  toAggregate,
  type FieldPath,
} from './validation/field'
import { isQualifiedName, isValidLabelValue } from './validation/names'

/** selection.Operator. */
export type Operator = '!' | '=' | '==' | 'in' | '!=' | 'notin' | 'exists' | 'gt' | 'lt'

const binaryOperators: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt']
const unaryOperators: readonly Operator[] = ['exists', '!']
const validRequirementOperators: readonly string[] = [...binaryOperators, ...unaryOperators]

/** A Requirement: key, operator and values (a sorted set when it comes from the parser). */
export interface Requirement {
  readonly key: string
  readonly operator: Operator
  readonly values: readonly string[]
}

export type Labels = Readonly<Record<string, string>>

/** The label-selection half of labels.Selector. */
export interface Selector {
  /** Requirements sorted by key; empty for Everything(). */
  readonly requirements: readonly Requirement[]
  /** true only for Nothing(): matches no labels at all. */
  readonly nothing: boolean
  matches(labels: Labels | undefined): boolean
  /** Empty(): true when it does not restrict the selection (Everything). */
  empty(): boolean
  /** String(): `app=web,tier in (a,b)`; "" for Everything and Nothing. */
  string(): string
  /** RequiresExactMatch: the single value a key must have, if the selector pins one. */
  requiresExactMatch(label: string): string | undefined
  /** Add: a new selector with more requirements (re-sorted by key). */
  add(...reqs: Requirement[]): Selector
}

/** An error from parsing or validating a selector; `message` is upstream's error text. */
export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LabelSelectorError'
  }
}

// ---- Requirement ----

function validateLabelKey(k: string, path: FieldPath | undefined): FieldError | undefined {
  const errs = isQualifiedName(k)
  return errs.length !== 0 ? invalid(path ?? undefined, k, errs.join('; ')) : undefined
}

function validateLabelValue(k: string, v: string, path: FieldPath): FieldError | undefined {
  const errs = isValidLabelValue(v)
  return errs.length !== 0 ? invalid(path.key(k), v, errs.join('; ')) : undefined
}

function isInteger64(s: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(s)) return false
  const n = BigInt(s)
  return n >= -(1n << 63n) && n < 1n << 63n
}

/**
 * NewRequirement: validates key, operator and values together and returns the requirement, or
 * the field errors upstream aggregates into its error (use newRequirement for the throwing form).
 */
export function checkRequirement(key: string, op: string, vals: readonly string[], path?: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const keyErr = validateLabelKey(key, childOf(path, 'key'))
  if (keyErr) errs.push(keyErr)
  const valuePath = childOf(path, 'values')
  switch (op) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalid(valuePath, { goRepr: goStringSlice(vals) }, "for 'in', 'notin' operators, values set can't be empty"))
      break
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalid(valuePath, { goRepr: goStringSlice(vals) }, 'exact-match compatibility requires one single value'))
      break
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalid(valuePath, { goRepr: goStringSlice(vals) }, 'values set must be empty for exists and does not exist'))
      break
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalid(valuePath, { goRepr: goStringSlice(vals) }, "for 'Gt', 'Lt' operators, exactly one value is required"))
      vals.forEach((v, i) => {
        if (!isInteger64(v)) errs.push(invalid(valuePath.index(i), v, "for 'Gt', 'Lt' operators, the value must be an integer"))
      })
      break
    default:
      errs.push(notSupported(childOf(path, 'operator'), op, validRequirementOperators))
  }
  vals.forEach((v, i) => {
    const e = validateLabelValue(key, v, valuePath.index(i))
    if (e) errs.push(e)
  })
  return errs
}

/** NewRequirement, throwing upstream's aggregate text when the requirement is invalid. */
export function newRequirement(key: string, op: Operator, vals: readonly string[], path?: FieldPath): Requirement {
  const errs = checkRequirement(key, op, vals, path)
  if (errs.length > 0) throw new LabelSelectorError(aggregateMessage(toAggregate(errs).map((e) => e.error())))
  return { key, operator: op, values: [...vals] }
}

function hasValue(r: Requirement, value: string): boolean {
  return r.values.includes(value)
}

function parseInt64(s: string): bigint | undefined {
  return isInteger64(s) ? BigInt(s) : undefined
}

/** Requirement.Matches. */
export function requirementMatches(r: Requirement, labels: Labels | undefined): boolean {
  const ls = labels ?? {}
  const has = Object.prototype.hasOwnProperty.call(ls, r.key)
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && hasValue(r, ls[r.key])
    case 'notin':
    case '!=':
      return !has || !hasValue(r, ls[r.key])
    case 'exists':
      return has
    case '!':
      return !has
    case 'gt':
    case 'lt': {
      if (!has) return false
      const lsValue = parseInt64(ls[r.key])
      if (lsValue === undefined || r.values.length !== 1) return false
      const rValue = parseInt64(r.values[0])
      if (rValue === undefined) return false
      return r.operator === 'gt' ? lsValue > rValue : lsValue < rValue
    }
  }
}

/** Requirement.String(): `!k`, `k`, `k=v`, `k in (a,b)` (several values sorted). */
export function requirementString(r: Requirement): string {
  let s = r.operator === '!' ? `!${r.key}` : r.key
  switch (r.operator) {
    case '=':
      s += '='
      break
    case '==':
      s += '=='
      break
    case '!=':
      s += '!='
      break
    case 'in':
      s += ' in '
      break
    case 'notin':
      s += ' notin '
      break
    case 'gt':
      s += '>'
      break
    case 'lt':
      s += '<'
      break
    case 'exists':
    case '!':
      return s
  }
  const paren = r.operator === 'in' || r.operator === 'notin'
  if (paren) s += '('
  s += r.values.length === 1 ? r.values[0] : [...r.values].sort(compareGoStrings).join(',')
  if (paren) s += ')'
  return s
}

// ---- Selector ----

function sortByKey(reqs: readonly Requirement[]): Requirement[] {
  // sort.Sort(ByKey): keys compared as Go strings; a stable sort keeps equal keys in input order.
  return reqs.map((r, i) => ({ r, i })).sort((a, b) => compareGoStrings(a.r.key, b.r.key) || a.i - b.i).map((x) => x.r)
}

function internalSelector(reqs: readonly Requirement[]): Selector {
  const requirements = Object.freeze([...reqs])
  return {
    requirements,
    nothing: false,
    matches: (labels) => requirements.every((r) => requirementMatches(r, labels)),
    empty: () => requirements.length === 0,
    string: () => requirements.map(requirementString).join(','),
    requiresExactMatch(label) {
      for (const r of requirements) {
        if (r.key !== label) continue
        if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) return r.values[0]
        return undefined
      }
      return undefined
    },
    add: (...more) => internalSelector(sortByKey([...requirements, ...more])),
  }
}

const EVERYTHING = internalSelector([])

const NOTHING: Selector = {
  requirements: Object.freeze([]),
  nothing: true,
  matches: () => false,
  empty: () => false,
  string: () => '',
  requiresExactMatch: () => undefined,
  add: () => NOTHING,
}

/** Everything(): matches all labels. */
export function everything(): Selector {
  return EVERYTHING
}

/** Nothing(): matches no labels (what a nil metav1.LabelSelector turns into). */
export function nothing(): Selector {
  return NOTHING
}

/** SelectorFromSet / SelectorFromValidatedSet: `k=v` for every entry, no validation. */
export function selectorFromSet(set: Labels | undefined): Selector {
  const keys = Object.keys(set ?? {})
  if (keys.length === 0) return EVERYTHING
  return internalSelector(sortByKey(keys.map((k) => ({ key: k, operator: '=' as const, values: [(set as Labels)[k]] }))))
}

/** ValidatedSelectorFromSet: like selectorFromSet, throwing the first invalid requirement's error. */
export function validatedSelectorFromSet(set: Labels | undefined): Selector {
  const keys = Object.keys(set ?? {}).sort(compareGoStrings)
  if (keys.length === 0) return EVERYTHING
  return internalSelector(sortByKey(keys.map((k) => newRequirement(k, '=', [(set as Labels)[k]]))))
}

// ---- Lexer ----

export type Token =
  | 'Error'
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar'

const string2token: Readonly<Record<string, Token>> = {
  ')': 'ClosedPar',
  ',': 'Comma',
  '!': 'DoesNotExist',
  '==': 'DoubleEquals',
  '=': 'Equals',
  '>': 'GreaterThan',
  in: 'In',
  '<': 'LessThan',
  '!=': 'NotEquals',
  notin: 'NotIn',
  '(': 'OpenPar',
}

interface ScannedItem {
  tok: Token
  literal: string
}

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'
const isSpecialSymbol = (ch: string): boolean => '=!(),><'.includes(ch) && ch !== ''

/** The selector lexer. It reads bytes (Go strings are bytes); JS code units do the same for ASCII. */
class Lexer {
  private pos = 0
  constructor(private readonly s: string) {}

  private read(): string {
    // Go's read() returns 0 at the end without moving on.
    if (this.pos < this.s.length) return this.s[this.pos++]
    return ''
  }

  private unread(): void {
    this.pos--
  }

  private scanIDOrKeyword(): ScannedItem {
    let buffer = ''
    for (;;) {
      const ch = this.read()
      if (ch === '') break
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread()
        break
      }
      buffer += ch
    }
    const tok = Object.prototype.hasOwnProperty.call(string2token, buffer) ? string2token[buffer] : undefined
    return tok ? { tok, literal: buffer } : { tok: 'Identifier', literal: buffer }
  }

  private scanSpecialSymbol(): ScannedItem {
    let last: ScannedItem | undefined
    let buffer = ''
    for (;;) {
      const ch = this.read()
      if (ch === '') break
      if (isSpecialSymbol(ch)) {
        buffer += ch
        const tok = Object.prototype.hasOwnProperty.call(string2token, buffer) ? string2token[buffer] : undefined
        if (tok) last = { tok, literal: buffer }
        else if (last) {
          this.unread()
          break
        }
      } else {
        this.unread()
        break
      }
    }
    if (!last) return { tok: 'Error', literal: `error expected: keyword found '${buffer}'` }
    return last
  }

  lex(): ScannedItem {
    let ch = this.read()
    while (isWhitespace(ch)) ch = this.read()
    if (ch === '') return { tok: 'EndOfString', literal: '' }
    this.unread()
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIDOrKeyword()
  }
}

/** The token sequence of a selector string, ending at EndOfString (exported for tests). */
export function lexSelector(s: string): Token[] {
  const l = new Lexer(s)
  const out: Token[] = []
  for (;;) {
    const { tok } = l.lex()
    if (tok === 'EndOfString') return out
    out.push(tok)
  }
}

// ---- Parser ----

type Context = 'KeyAndOperator' | 'Values'

class Parser {
  private items: ScannedItem[] = []
  private position = 0

  constructor(
    private readonly input: string,
    private readonly path: FieldPath | undefined,
  ) {}

  private static inContext(item: ScannedItem, context: Context): ScannedItem {
    if (context === 'Values' && (item.tok === 'In' || item.tok === 'NotIn')) return { tok: 'Identifier', literal: item.literal }
    return item
  }

  private lookahead(context: Context): ScannedItem {
    return Parser.inContext(this.items[this.position], context)
  }

  private consume(context: Context): ScannedItem {
    this.position++
    return Parser.inContext(this.items[this.position - 1], context)
  }

  parse(): Requirement[] {
    const l = new Lexer(this.input)
    for (;;) {
      const item = l.lex()
      this.items.push(item)
      if (item.tok === 'EndOfString') break
    }
    const requirements: Requirement[] = []
    for (;;) {
      const { tok, literal } = this.lookahead('Values')
      switch (tok) {
        case 'Identifier':
        case 'DoesNotExist': {
          let r: Requirement
          try {
            r = this.parseRequirement()
          } catch (e) {
            throw new LabelSelectorError(`unable to parse requirement: ${(e as Error).message}`)
          }
          requirements.push(r)
          const t = this.consume('Values')
          if (t.tok === 'EndOfString') return requirements
          if (t.tok === 'Comma') {
            const t2 = this.lookahead('Values')
            if (t2.tok !== 'Identifier' && t2.tok !== 'DoesNotExist') throw new LabelSelectorError(`found '${t2.literal}', expected: identifier after ','`)
            break
          }
          throw new LabelSelectorError(`found '${t.literal}', expected: ',' or 'end of string'`)
        }
        case 'EndOfString':
          return requirements
        default:
          throw new LabelSelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`)
      }
    }
  }

  private parseRequirement(): Requirement {
    const [key, inferred] = this.parseKeyAndInferOperator()
    if (inferred === 'exists' || inferred === '!') return newRequirement(key, inferred, [], this.path)
    const operator = this.parseOperator()
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue()
    return newRequirement(key, operator, [...values].sort(compareGoStrings), this.path)
  }

  private parseKeyAndInferOperator(): [string, Operator | undefined] {
    let operator: Operator | undefined
    let item = this.consume('Values')
    if (item.tok === 'DoesNotExist') {
      operator = '!'
      item = this.consume('Values')
    }
    if (item.tok !== 'Identifier') throw new Error(`found '${item.literal}', expected: identifier`)
    const keyErr = validateLabelKey(item.literal, this.path)
    if (keyErr) throw new Error(keyErr.error())
    const next = this.lookahead('Values').tok
    if ((next === 'EndOfString' || next === 'Comma') && operator !== '!') operator = 'exists'
    return [item.literal, operator]
  }

  private parseOperator(): Operator {
    const { tok, literal } = this.consume('KeyAndOperator')
    switch (tok) {
      case 'In':
        return 'in'
      case 'Equals':
        return '='
      case 'DoubleEquals':
        return '=='
      case 'GreaterThan':
        return 'gt'
      case 'LessThan':
        return 'lt'
      case 'NotIn':
        return 'notin'
      case 'NotEquals':
        return '!='
      default:
        throw new Error(`found '${literal}', expected: ${binaryOperators.join(', ')}`)
    }
  }

  private parseValues(): Set<string> {
    const open = this.consume('Values')
    if (open.tok !== 'OpenPar') throw new Error(`found '${open.literal}' expected: '('`)
    const { tok, literal } = this.lookahead('Values')
    switch (tok) {
      case 'Identifier':
      case 'Comma': {
        const s = this.parseIdentifiersList()
        if (this.consume('Values').tok !== 'ClosedPar') throw new Error(`found '${literal}', expected: ')'`)
        return s
      }
      case 'ClosedPar':
        this.consume('Values')
        return new Set([''])
      default:
        throw new Error(`found '${literal}', expected: ',', ')' or identifier`)
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>()
    for (;;) {
      const { tok, literal } = this.consume('Values')
      switch (tok) {
        case 'Identifier': {
          s.add(literal)
          const t2 = this.lookahead('Values')
          if (t2.tok === 'Comma') continue
          if (t2.tok === 'ClosedPar') return s
          throw new Error(`found '${t2.literal}', expected: ',' or ')'`)
        }
        case 'Comma': {
          if (s.size === 0) s.add('')
          const t2 = this.lookahead('Values').tok
          if (t2 === 'ClosedPar') {
            s.add('')
            return s
          }
          if (t2 === 'Comma') {
            this.consume('Values')
            s.add('')
          }
          break
        }
        default:
          throw new Error(`found '${literal}', expected: ',', or identifier`)
      }
    }
  }

  private parseExactValue(): Set<string> {
    const ahead = this.lookahead('Values').tok
    if (ahead === 'EndOfString' || ahead === 'Comma') return new Set([''])
    const { tok, literal } = this.consume('Values')
    if (tok === 'Identifier') return new Set([literal])
    throw new Error(`found '${literal}', expected: identifier`)
  }
}

/** ParseToRequirements: the requirements of a selector string, sorted by key. Throws LabelSelectorError. */
export function parseToRequirements(selector: string, path?: FieldPath): Requirement[] {
  return sortByKey(new Parser(selector, path).parse())
}

/** labels.Parse: a selector string (`-l`, `?labelSelector=`) to a Selector. Throws LabelSelectorError. */
export function parseSelector(selector: string, path?: FieldPath): Selector {
  return internalSelector(parseToRequirements(selector, path))
}

// ---- metav1.LabelSelector ----

/**
 * LabelSelectorAsSelector: matchLabels become `k=v`, matchExpressions become in/notin/exists/!.
 * A missing selector selects nothing; an empty one selects everything. Throws LabelSelectorError.
 */
export function labelSelectorAsSelector(ps: LabelSelector | undefined | null): Selector {
  if (ps === undefined || ps === null) return NOTHING
  const matchLabels = ps.matchLabels ?? {}
  const exprs = ps.matchExpressions ?? []
  if (Object.keys(matchLabels).length + exprs.length === 0) return EVERYTHING
  const reqs: Requirement[] = []
  for (const k of Object.keys(matchLabels).sort(compareGoStrings)) reqs.push(newRequirement(k, '=', [matchLabels[k]]))
  for (const expr of exprs) {
    let op: Operator
    switch (expr.operator) {
      case 'In':
        op = 'in'
        break
      case 'NotIn':
        op = 'notin'
        break
      case 'Exists':
        op = 'exists'
        break
      case 'DoesNotExist':
        op = '!'
        break
      default:
        throw new LabelSelectorError(`${goQuote(expr.operator)} is not a valid label selector operator`)
    }
    reqs.push(newRequirement(expr.key, op, [...(expr.values ?? [])]))
  }
  return internalSelector(sortByKey(reqs))
}

/**
 * ParseToLabelSelector (what `kubectl set selector` and `create` helpers use): `k=v` terms go to
 * matchLabels, the others to matchExpressions. Throws with kubectl's wording.
 */
export function parseToLabelSelector(selector: string): LabelSelector {
  let reqs: Requirement[]
  try {
    reqs = parseToRequirements(selector)
  } catch (e) {
    // upstream formats with "\"%s\"", not %q: the selector is quoted as it is.
    throw new LabelSelectorError(`couldn't parse the selector string "${selector}": ${(e as Error).message}`)
  }
  const matchLabels: Record<string, string> = {}
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = []
  for (const r of reqs) {
    let op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
    switch (r.operator) {
      case '=':
      case '==':
        if (r.values.length !== 1) throw new LabelSelectorError('equals operator must have exactly one value')
        matchLabels[r.key] = r.values[0]
        continue
      case 'in':
        op = 'In'
        break
      case 'notin':
        op = 'NotIn'
        break
      case 'exists':
        op = 'Exists'
        break
      case '!':
        op = 'DoesNotExist'
        break
      case 'gt':
      case 'lt':
        throw new LabelSelectorError(`${goQuote(r.operator)} isn't supported in label selectors`)
      default:
        throw new LabelSelectorError(`${goQuote(r.operator)} is not a valid label selector operator`)
    }
    const values = [...r.values].sort(compareGoStrings)
    matchExpressions.push(values.length > 0 ? { key: r.key, operator: op, values } : { key: r.key, operator: op })
  }
  return { matchLabels, matchExpressions }
}

// ---- labels.Set ----

/** Set.String(): `k=v` pairs sorted as strings, joined with commas. */
export function setString(set: Labels | undefined): string {
  return Object.entries(set ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .sort(compareGoStrings)
    .join(',')
}

/** FormatLabels: Set.String(), or `<none>` for an empty set. */
export function formatLabels(set: Labels | undefined): string {
  const s = setString(set)
  return s === '' ? '<none>' : s
}
