// Parsing a command's flags out of its arguments, as pflag's FlagSet.Parse does for cobra:
// interspersed flags and arguments, `--flag=v`, `--flag v`, `-n v`, `-nv`, `-n=v`, bool
// shorthands run together (`-Aw`), `--` ending the flags, and pflag's exact error texts.
// Mirrors: github.com/spf13/pflag v1.0.5 flag.go (parseArgs, parseLongArg, parseShortArg,
// parseSingleShortArg, Set, failf). Left out: ParseErrorsWhitelist (kubectl never sets it) and
// interspersed=false (no kubectl command turns interspersing off).

import { goQuote, utf8Bytes } from '../../../api/goValues'
import { lookupFlag, lookupShorthand } from './find'
import { defaultFlagValue, noOptDefVal, setFlagValue, type FlagValue } from './flagValues'
import { quoteGoRune } from './goStrconv'
import type { FlagSpec } from './spec'

export interface ParsedFlags {
  /** Every flag of the set by name, defaults included. */
  values: Record<string, FlagValue>
  /** Names of the flags the arguments set (pflag Flag.Changed). */
  changed: Set<string>
  /** The positional arguments, in order. */
  args: string[]
  /** How many positional arguments came before "--"; -1 without one. */
  argsLenAtDash: number
  /** pflag's "Flag --x has been deprecated, ..." lines, printed only when parsing succeeds. */
  warnings: string
}

export type FlagParseResult = ({ ok: true } & ParsedFlags) | { ok: false; error: string }

class FlagError {
  constructor(readonly message: string) {}
}

/**
 * pflag FlagSet.Parse(argv) over the given flags.
 * @example parseFlags(flags, ['-n', 'dev', 'pods']) // namespace "dev", args ['pods']
 */
export function parseFlags(flags: FlagSpec[], argv: string[]): FlagParseResult {
  const values: Record<string, FlagValue> = {}
  for (const f of flags) values[f.name] = defaultFlagValue(f)
  const changed = new Set<string>()
  const args: string[] = []
  let argsLenAtDash = -1
  let warnings = ''

  // FlagSet.Set: parse the value, mark the flag changed, note a deprecation.
  const set = (flag: FlagSpec, value: string): void => {
    const r = setFlagValue(flag, values[flag.name], changed.has(flag.name), value)
    if (!r.ok) {
      const flagName = flag.shorthand ? `-${flag.shorthand}, --${flag.name}` : `--${flag.name}`
      throw new FlagError(`invalid argument ${goQuote(value)} for ${goQuote(flagName)} flag: ${r.error}`)
    }
    values[flag.name] = r.value
    changed.add(flag.name)
    if (flag.deprecated) warnings += `Flag --${flag.name} has been deprecated, ${flag.deprecated}\n`
  }

  // parseLongArg: "--name", "--name=value", "--name value".
  const parseLongArg = (s: string, rest: string[]): string[] => {
    let name = s.slice(2)
    if (name.length === 0 || name[0] === '-' || name[0] === '=') throw new FlagError(`bad flag syntax: ${s}`)
    const eq = name.indexOf('=')
    const hasValue = eq >= 0
    const inline = hasValue ? name.slice(eq + 1) : ''
    name = hasValue ? name.slice(0, eq) : name
    const flag = lookupFlag(flags, name)
    if (!flag) throw new FlagError(`unknown flag: --${name}`)
    let value: string
    let a = rest
    const noOpt = noOptDefVal(flag)
    if (hasValue) value = inline
    else if (noOpt !== undefined) value = noOpt
    else if (a.length > 0) {
      value = a[0]
      a = a.slice(1)
    } else throw new FlagError(`flag needs an argument: ${s}`)
    set(flag, value)
    return a
  }

  // parseSingleShortArg: the first letter of a "-abc" run; returns what is left of the run.
  const parseSingleShortArg = (shorthands: string, rest: string[]): { shorts: string; args: string[] } => {
    // pflag skips Go test flags ("-test.v") entirely.
    if (shorthands.startsWith('test.')) return { shorts: '', args: rest }
    // pflag works on bytes: a non-ASCII first character is reported as its first byte.
    const c = shorthands.charCodeAt(0) < 0x80 ? shorthands[0] : String.fromCharCode(utf8Bytes(shorthands)[0])
    const flag = c.charCodeAt(0) < 0x80 ? lookupShorthand(flags, c) : undefined
    if (!flag) throw new FlagError(`unknown shorthand flag: ${quoteGoRune(c.charCodeAt(0))} in -${shorthands}`)
    let outShorts = shorthands.slice(1)
    let outArgs = rest
    let value: string
    const noOpt = noOptDefVal(flag)
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2)
      outShorts = ''
    } else if (noOpt !== undefined) value = noOpt
    else if (shorthands.length > 1) {
      value = shorthands.slice(1)
      outShorts = ''
    } else if (rest.length > 0) {
      value = rest[0]
      outArgs = rest.slice(1)
    } else throw new FlagError(`flag needs an argument: ${quoteGoRune(c.charCodeAt(0))} in -${shorthands}`)
    set(flag, value)
    return { shorts: outShorts, args: outArgs }
  }

  // parseShortArg: every letter of "-abc". pflag hands each letter the arguments as they were
  // before the run (its v1.0.5 loop passes `args`, not the updated `a`); kept for fidelity.
  const parseShortArg = (s: string, rest: string[]): string[] => {
    let a = rest
    let shorthands = s.slice(1)
    while (shorthands.length > 0) {
      const r = parseSingleShortArg(shorthands, rest)
      shorthands = r.shorts
      a = r.args
    }
    return a
  }

  try {
    let rest = argv
    while (rest.length > 0) {
      const s = rest[0]
      rest = rest.slice(1)
      if (s.length === 0 || s[0] !== '-' || s.length === 1) {
        args.push(s)
        continue
      }
      if (s[1] === '-') {
        if (s.length === 2) {
          argsLenAtDash = args.length
          args.push(...rest)
          break
        }
        rest = parseLongArg(s, rest)
      } else {
        rest = parseShortArg(s, rest)
      }
    }
  } catch (e) {
    if (e instanceof FlagError) return { ok: false, error: e.message }
    throw e
  }
  return { ok: true, values, changed, args, argsLenAtDash, warnings }
}
