// Finding the command an argv names, the way cobra does before it parses any flag: walk down the
// tree by the words that are not flags or flag values, then reject an unknown word given to the
// root, with "Did you mean this?" suggestions.
// Mirrors: github.com/spf13/cobra v1.8.1 command.go (Find, stripFlags, argsMinusFirstX,
// findNext, hasNoOptDefVal, shortHasNoOptDefVal, findSuggestions, SuggestionsFor, ld) and
// args.go (legacyArgs). Left out: EnablePrefixMatching and EnableCaseInsensitive (kubectl leaves
// both off), Traverse (kubectl does not set TraverseChildren), Args validators.

import { goQuote, utf8Bytes } from '../../../api/goValues'
import { noOptDefVal } from './flagValues'
import type { FlagSpec } from './spec'
import { commandName, commandPath, findChild, isAvailableCommand, mergedFlags, type CommandNode } from './tree'

/** kubectl's normalization: cliflag.WordSepNormalizeFunc turns "_" into "-". */
export function normalizeFlagName(name: string): string {
  return name.replaceAll('_', '-')
}

export function lookupFlag(flags: FlagSpec[], name: string): FlagSpec | undefined {
  const n = normalizeFlagName(name)
  return flags.find((f) => f.name === n)
}

export function lookupShorthand(flags: FlagSpec[], c: string): FlagSpec | undefined {
  return flags.find((f) => f.shorthand === c)
}

function hasNoOptDefVal(name: string, flags: FlagSpec[]): boolean {
  const f = lookupFlag(flags, name)
  return f !== undefined && noOptDefVal(f) !== undefined
}

function shortHasNoOptDefVal(name: string, flags: FlagSpec[]): boolean {
  if (name.length === 0) return false
  const f = lookupShorthand(flags, name[0])
  return f !== undefined && noOptDefVal(f) !== undefined
}

/** Whether s is a flag that takes the next argument as its value (for the command walk). */
function takesNextArg(s: string, flags: FlagSpec[]): boolean {
  if (s.startsWith('--') && !s.includes('=') && !hasNoOptDefVal(s.slice(2), flags)) return true
  return s.startsWith('-') && !s.includes('=') && s.length === 2 && !shortHasNoOptDefVal(s.slice(1), flags)
}

/**
 * cobra stripFlags: the words of args that are neither flags nor flag values, up to "--". The
 * flags known are the command's merged flags without the help flag, which cobra adds only later.
 * A value-taking flag with at most one word after it ends the walk (cobra's own quirk:
 * `kubectl -n get` finds no command and runs the root with namespace "get").
 */
export function stripFlags(args: string[], node: CommandNode): string[] {
  const flags = mergedFlags(node, false)
  const commands: string[] = []
  let rest = args
  while (rest.length > 0) {
    const s = rest[0]
    rest = rest.slice(1)
    if (s === '--') break
    if (takesNextArg(s, flags)) {
      if (rest.length <= 1) break
      rest = rest.slice(1)
      continue
    }
    if (s !== '' && !s.startsWith('-')) commands.push(s)
  }
  return commands
}

/** cobra argsMinusFirstX: args without the first occurrence of x that is not a flag value. */
function argsMinusFirstX(args: string[], node: CommandNode, x: string): string[] {
  const flags = mergedFlags(node, false)
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos]
    if (s === '--') break
    if (takesNextArg(s, flags)) {
      pos++
      continue
    }
    if (!s.startsWith('-') && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)]
  }
  return args
}

/** cobra ld: Levenshtein distance over the bytes of the lower-cased strings. */
function ld(a: string, b: string): number {
  const s = utf8Bytes(a.toLowerCase())
  const t = utf8Bytes(b.toLowerCase())
  const d: number[][] = []
  for (let i = 0; i <= s.length; i++) d.push([i, ...Array<number>(t.length).fill(0)])
  for (let j = 0; j <= t.length; j++) d[0][j] = j
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      if (s[i - 1] === t[j - 1]) d[i][j] = d[i - 1][j - 1]
      else d[i][j] = Math.min(d[i - 1][j], d[i][j - 1], d[i - 1][j - 1]) + 1
    }
  }
  return d[s.length][t.length]
}

/**
 * cobra SuggestionsFor: available children within Levenshtein distance 2 or starting with the
 * typed word, then those whose SuggestFor lists it; in registration order, repeats kept.
 */
export function suggestionsFor(node: CommandNode, typed: string): string[] {
  const out: string[] = []
  for (const c of node.children) {
    if (!isAvailableCommand(c)) continue
    const name = commandName(c)
    if (ld(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase())) out.push(name)
    for (const s of c.spec.suggestFor ?? []) if (s.toLowerCase() === typed.toLowerCase()) out.push(name)
  }
  return out
}

/** cobra findSuggestions: the "\n\nDid you mean this?\n\t..." tail of an unknown-command error. */
function findSuggestions(node: CommandNode, arg: string): string {
  const suggestions = suggestionsFor(node, arg)
  if (suggestions.length === 0) return ''
  return `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`
}

export interface FindResult {
  node: CommandNode
  /** args with the command words taken out; flags and positional arguments for the parser. */
  args: string[]
  /** cobra's error text (without kubectl's "error: " prefix), for an unknown root command. */
  error?: string
}

/**
 * cobra Command.Find on the root: the deepest command named by the non-flag words of args.
 * @example find(root, ['-n', 'x', 'get', 'pods']) // get, with args ['-n', 'x', 'pods']
 */
export function find(root: CommandNode, args: string[]): FindResult {
  const innerfind = (c: CommandNode, innerArgs: string[]): [CommandNode, string[]] => {
    const words = stripFlags(innerArgs, c)
    if (words.length === 0) return [c, innerArgs]
    const next = findChild(c, words[0])
    if (next) return innerfind(next, argsMinusFirstX(innerArgs, c, words[0]))
    return [c, innerArgs]
  }
  const [node, rest] = innerfind(root, args)
  // legacyArgs: only a root with subcommands rejects a leftover word.
  if (node.children.length > 0 && !node.parent) {
    const words = stripFlags(rest, node)
    if (words.length > 0) {
      const error = `unknown command ${goQuote(words[0])} for ${goQuote(commandPath(node))}${findSuggestions(node, words[0])}`
      return { node, args: rest, error }
    }
  }
  return { node, args: rest }
}
