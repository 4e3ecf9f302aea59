// kubectl's JSONPath templates (`-o jsonpath=...`, `-o jsonpath-as-json=...`, `--sort-by`,
// custom-columns cells): evaluation of a parsed template against a decoded JSON object, and the
// text kubectl prints for the results and for failures.
// Mirrors: k8s.io/client-go util/jsonpath jsonpath.go (FindResults with its range/end
// bookkeeping, walk and the eval* functions, PrintResults), client-go
// third_party/forked/golang/template funcs.go (Equal, Less, ... and their errors), and
// k8s.io/cli-runtime pkg/printers/jsonpath.go (JSONPathPrinter: the object handed to the engine
// and the "Printing more information for debugging the template" message).
// Behaviour checked against the real kubectl 1.32 (jsonpath.test.ts, kubectlFidelity.test.ts):
// a nil value prints as `null`, maps and lists print as compact JSON, a list's values are joined
// by single spaces, numbers from the API server are int64 (`1000000`) while numbers of objects
// kubectl built itself are float64 (`1e+06`, and comparing them with an int literal fails).
// Dropped: Go's random map iteration order (`*` and `..` over a map visit keys sorted here);
// struct fields (objects are always decoded JSON); the upstream quirk that executing a template
// with `range` rewrites the parsed template, so a second object printed by the same printer sees
// a truncated template; and the panic upstream hits when `[n]` meets the nil of an empty range.

import { marshalGoJson, marshalGoJsonIndent } from './goJson'
import {
  compareGoStrings,
  goNumber,
  goQuote,
  goSharpV,
  goSprint,
  goTypeName,
  goTypeOfNumber,
  isGoNumber,
  sortedKeys,
  utf8Bytes,
  type NumberTypes,
} from '../../../api/goValues'
import { JsonPathParseError, parseJsonPathNodes, type JsonPathNode, type ListNode } from './jsonpathParser'

/** A parsed template. Plain data: it can be kept and reused for any number of objects. */
export interface JsonPathTemplate {
  readonly source: string
  readonly root: ListNode
}

export interface JsonPathOptions {
  /** A missing field yields nothing instead of `<field> is not found`. kubectl's default: true. */
  allowMissingKeys?: boolean
  /** `-o jsonpath-as-json`: each result set printed as an indented JSON array. */
  outputJson?: boolean
  /** Go number types of the data (see goValues.ts). Default 'unstructured', as `kubectl get`. */
  numbers?: NumberTypes
}

/** Parses a template; on failure returns upstream's parser message (e.g. "unclosed action"). */
export function parseJsonPath(template: string): JsonPathTemplate | { error: string } {
  try {
    return { source: template, root: parseJsonPathNodes(template) }
  } catch (err) {
    if (err instanceof JsonPathParseError) return { error: err.message }
    throw err
  }
}

class JsonPathExecError extends Error {}

function fail(message: string): never {
  throw new JsonPathExecError(message)
}

interface ExecState {
  beginRange: number
  inRange: number
  endRange: number
  /** Index (in the root's node list) of the most recent `end` that closed a range body. */
  lastEndNode: number
  readonly allowMissingKeys: boolean
  readonly numbers: NumberTypes
}

type Obj = Record<string, unknown>

function isMap(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isGoNumber(v)
}

function hasKey(obj: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined
}

function findResults(s: ExecState, data: unknown, nodes: JsonPathNode[], start: number): unknown[][] {
  const cur = [data]
  const fullResult: unknown[][] = []
  for (let i = start; i < nodes.length; i++) {
    const results = walk(s, cur, nodes[i])
    // An `end` closes the body being executed.
    if (s.endRange > 0 && s.endRange <= s.inRange) {
      s.endRange--
      s.lastEndNode = i
      break
    }
    // A `range`: run the rest of the template once per result, then skip past its `end`.
    if (s.beginRange > 0) {
      s.beginRange--
      s.inRange++
      if (results.length > 0) {
        for (const value of results) fullResult.push(...findResults(s, value, nodes, i + 1))
      } else {
        // Still walk the body (its output is discarded) so that its `end` is found.
        findResults(s, null, nodes, i + 1)
      }
      s.inRange--
      for (let k = i + 1; k < nodes.length; k++) {
        if (k === s.lastEndNode) {
          i = k
          break
        }
      }
      continue
    }
    fullResult.push(results)
  }
  return fullResult
}

function walk(s: ExecState, input: unknown[], node: JsonPathNode): unknown[] {
  switch (node.type) {
    case 'list':
      return evalList(s, input, node)
    case 'text':
      return [node.text]
    case 'field':
      return evalField(s, input, node.value)
    case 'array':
      return evalArray(s, input, node.params)
    case 'filter':
      return evalFilter(s, input, node)
    case 'int':
      return input.map(() => goNumber('int', node.value))
    case 'float':
      return input.map(() => goNumber('float64', node.value))
    case 'bool':
      return input.map(() => node.value)
    case 'wildcard':
      return input.flatMap((v) => children(v))
    case 'recursive':
      return evalRecursive(input)
    case 'union':
      return node.nodes.flatMap((list) => evalList(s, input, list))
    case 'identifier':
      return evalIdentifier(s, input, node.name)
  }
}

function evalList(s: ExecState, input: unknown[], node: ListNode): unknown[] {
  let cur = input
  for (const n of node.nodes) cur = walk(s, cur, n)
  return cur
}

function evalIdentifier(s: ExecState, input: unknown[], name: string): unknown[] {
  if (name === 'range') {
    s.beginRange++
    return input
  }
  if (name === 'end') {
    if (s.inRange > 0) {
      s.endRange++
      return []
    }
    fail('not in range, nothing to end')
  }
  fail(`unrecognized identifier ${name}`)
}

function evalField(s: ExecState, input: unknown[], name: string): unknown[] {
  if (input.length === 0) return []
  const results: unknown[] = []
  for (const value of input) {
    if (isMap(value) && hasKey(value, name)) results.push(value[name])
  }
  if (results.length === 0 && !s.allowMissingKeys) fail(`${name} is not found`)
  return results
}

function evalArray(s: ExecState, input: unknown[], params: Extract<JsonPathNode, { type: 'array' }>['params']): unknown[] {
  const result: unknown[] = []
  for (const value of input) {
    if (value === null || value === undefined) continue
    if (!Array.isArray(value)) fail(`${goTypeName(value, s.numbers)} is not array or slice`)
    const len = value.length
    const [p0, p1, p2] = params.map((p) => ({ ...p }))
    if (!p0.known) p0.value = 0
    if (p0.value < 0) p0.value += len
    if (!p1.known) p1.value = len
    if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len
    if (p1.value === p0.value) return result // zero elements requested: allowed, and it ends the walk
    if (p0.value >= len || p0.value < 0) fail(`array index out of bounds: index ${p0.value}, length ${len}`)
    if (p1.value > len || p1.value < 0) fail(`array index out of bounds: index ${p1.value - 1}, length ${len}`)
    if (p0.value > p1.value) fail(`starting index ${p0.value} is greater than ending index ${p1.value}`)
    const slice = value.slice(p0.value, p1.value)
    let step = 1
    if (p2.known) {
      if (p2.value <= 0) fail('step must be > 0')
      step = p2.value
    }
    for (let i = 0; i < slice.length; i += step) result.push(slice[i])
  }
  return result
}

/** The values `*` visits: a map's values, a list's elements, a string's bytes. */
function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.map((e) => (e === undefined ? null : e))
  if (typeof value === 'string') return utf8Bytes(value).map((b) => goNumber('uint8', b))
  if (isMap(value)) return sortedKeys(value).map((k) => value[k])
  return []
}

function evalRecursive(input: unknown[]): unknown[] {
  const result: unknown[] = []
  for (const value of input) {
    const kids = children(value)
    if (kids.length !== 0) {
      result.push(value)
      result.push(...evalRecursive(kids))
    }
  }
  return result
}

type Kind = 'bool' | 'int' | 'uint' | 'float' | 'string'

function basicKind(v: unknown, numbers: NumberTypes): Kind {
  if (isGoNumber(v)) return v.goType === 'int' ? 'int' : v.goType === 'uint8' ? 'uint' : 'float'
  if (typeof v === 'number') return goTypeOfNumber(v, numbers) === 'int64' ? 'int' : 'float'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  fail('invalid type for comparison')
}

function scalarOf(v: unknown): number | string | boolean {
  return isGoNumber(v) ? v.value : (v as number | string | boolean)
}

/** funcs.go Equal. */
function equal(a: unknown, b: unknown, numbers: NumberTypes): boolean {
  const k1 = basicKind(a, numbers)
  const k2 = basicKind(b, numbers)
  const x = scalarOf(a)
  const y = scalarOf(b)
  if (k1 !== k2) {
    // Integers compare across signedness.
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return x === y
    fail('incompatible types for comparison')
  }
  return x === y
}

/** funcs.go Less. */
function less(a: unknown, b: unknown, numbers: NumberTypes): boolean {
  const k1 = basicKind(a, numbers)
  const k2 = basicKind(b, numbers)
  const x = scalarOf(a)
  const y = scalarOf(b)
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return (x as number) < (y as number)
    fail('incompatible types for comparison')
  }
  if (k1 === 'bool') fail('invalid type for comparison')
  if (k1 === 'string') return compareGoStrings(x as string, y as string) < 0
  return (x as number) < (y as number)
}

function compare(op: string, a: unknown, b: unknown, numbers: NumberTypes): boolean {
  switch (op) {
    case '<':
      return less(a, b, numbers)
    case '>':
      return !(less(a, b, numbers) || equal(a, b, numbers))
    case '==':
      return equal(a, b, numbers)
    case '!=':
      return !equal(a, b, numbers)
    case '<=':
      return less(a, b, numbers) || equal(a, b, numbers)
    case '>=':
      return !less(a, b, numbers)
    default:
      fail(`unrecognized filter operator ${op}`)
  }
}

function evalFilter(s: ExecState, input: unknown[], node: Extract<JsonPathNode, { type: 'filter' }>): unknown[] {
  const results: unknown[] = []
  for (const value of input) {
    if (!Array.isArray(value)) fail(`${goSprint(value, s.numbers)} is not array or slice and cannot be filtered`)
    for (const element of value) {
      const temp = [element === undefined ? null : element]
      if (node.operator === 'exists') {
        // Errors are ignored here: a missing field simply does not exist.
        let lefts: unknown[] = []
        try {
          lefts = evalList(s, temp, node.left)
        } catch (err) {
          if (!(err instanceof JsonPathExecError)) throw err
        }
        if (lefts.length > 0) results.push(temp[0])
        continue
      }
      const lefts = evalList(s, temp, node.left)
      if (lefts.length === 0) continue
      if (lefts.length > 1) fail('can only compare one element at a time')
      const rights = evalList(s, temp, node.right)
      if (rights.length === 0) continue
      if (rights.length > 1) fail('can only compare one element at a time')
      if (compare(node.operator, lefts[0], rights[0], s.numbers)) results.push(temp[0])
    }
  }
  return results
}

/** evalToText: a scalar as fmt.Fprint prints it; nil as `null`. */
function evalToText(v: unknown, numbers: NumberTypes): string {
  if (v === null || v === undefined) return 'null'
  return goSprint(v, numbers)
}

/** PrintResults for one result set. */
function printResults(results: unknown[], outputJson: boolean, numbers: NumberTypes): string {
  const items = outputJson ? [results] : results
  return items
    .map((r) => {
      if (outputJson) return `${marshalGoJsonIndent(r, '    ')}\n`
      if (Array.isArray(r) || isMap(r)) return marshalGoJson(r)
      return evalToText(r, numbers)
    })
    .join(' ')
}

function stateFor(opts: JsonPathOptions): ExecState {
  return {
    beginRange: 0,
    inRange: 0,
    endRange: 0,
    lastEndNode: -1,
    allowMissingKeys: opts.allowMissingKeys ?? true,
    numbers: opts.numbers ?? 'unstructured',
  }
}

/**
 * FindResults: the result sets of a template, one per action or text node (and per range
 * iteration). Custom columns use these directly.
 */
export function findJsonPathResults(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): { results: unknown[][] } | { error: string } {
  try {
    return { results: findResults(stateFor(opts), data, t.root.nodes, 0) }
  } catch (err) {
    if (err instanceof JsonPathExecError) return { error: err.message }
    throw err
  }
}

/**
 * Execute: the text a template prints for `data`, or the engine's error message
 * (e.g. "array index out of bounds: index 5, length 1").
 * @example executeJsonPath(t('{.items[*].metadata.name}'), list) // { output: 'a b' }
 */
export function executeJsonPath(t: JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): { output: string } | { error: string } {
  const found = findJsonPathResults(t, data, opts)
  if ('error' in found) return found
  const numbers = opts.numbers ?? 'unstructured'
  return { output: found.results.map((r) => printResults(r, opts.outputJson ?? false, numbers)).join('') }
}

/** The error kubectl reports for a template that does not parse (after "error: "). */
export function jsonPathParseErrorMessage(template: string, parserError: string): string {
  return `error parsing jsonpath ${template}, ${parserError}`
}

/**
 * JSONPathPrinter.PrintObj: what `-o jsonpath=<template>` prints for one object (a single object,
 * or the List kubectl builds around several), or the whole error message kubectl prints after
 * "error: " when execution fails. That message ends in newlines of its own, so the caller must
 * not add another (kubectl appends "\n" only to messages that lack one).
 */
export function printJsonPath(t: JsonPathTemplate, obj: unknown, opts: JsonPathOptions = {}): { output: string } | { error: string } {
  const executed = executeJsonPath(t, obj, opts)
  if ('output' in executed) return executed
  const numbers = opts.numbers ?? 'unstructured'
  return {
    error:
      `error executing jsonpath ${goQuote(t.source)}: Error executing template: ${executed.error}. ` +
      'Printing more information for debugging the template:\n' +
      `\ttemplate was:\n\t\t${t.source}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj, numbers)}\n\n\n`,
  }
}
