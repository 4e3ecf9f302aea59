// Parsing one flag value the way its pflag.Value.Set does, with the exact error texts, and the
// typed default a flag holds before any Set.
// Mirrors: github.com/spf13/pflag v1.0.5 bool.go, string.go, int.go, int64.go, duration.go,
// string_array.go, string_slice.go, string_to_string.go, golangflag.go (Go flag values: a
// time.Duration there fails with flag's errParse "parse error"), and k8s.io/klog/v2 klog.go
// (Level.Set, moduleSpec.Set) for kubectl's -v and --vmodule.
// Left out: nothing for the types in FlagType.

import { readCsvRecord } from './goCsv'
import { parseGoDuration } from './goDuration'
import { parseGoBool, parseGoInt } from './goStrconv'
import type { FlagSpec } from './spec'

/**
 * A parsed flag value. bool → boolean; string and vmodule → string; int, int64 and klogLevel →
 * number; duration and goDuration → number of nanoseconds (Go's time.Duration; divide by 1e6 for
 * milliseconds); stringArray and stringSlice → string[]; stringToString → Record<string, string>.
 */
export type FlagValue = boolean | string | number | string[] | Record<string, string>

export type SetResult = { ok: true; value: FlagValue } | { ok: false; error: string }

/** klog's errVmoduleSyntax. */
const vmoduleSyntax = 'syntax error: expect comma-separated list of filename=N'

/** klog moduleSpec.Set: "pattern=N" pairs; empty entries are skipped; N is a base-10 int32 ≥ 0. */
function checkVmodule(value: string): string | null {
  for (const pat of value.split(',')) {
    if (pat.length === 0) continue
    const patLev = pat.split('=')
    if (patLev.length !== 2 || patLev[0].length === 0 || patLev[1].length === 0) return vmoduleSyntax
    const v = parseGoInt(patLev[1], 10, 32)
    if (!v.ok) return vmoduleSyntax
    if (v.value < 0n) return 'negative value for vmodule level'
  }
  return null
}

/** pflag stringToStringValue.Set: one pair, or CSV when the value holds more than one "=". */
function parseStringToString(val: string): { ok: true; pairs: Record<string, string> } | { ok: false; error: string } {
  const n = val.split('=').length - 1
  let ss: string[]
  if (n === 0) return { ok: false, error: `${val} must be formatted as key=value` }
  if (n === 1) ss = [val.replace(/^"+|"+$/g, '')]
  else {
    const csv = readCsvRecord(val)
    if (!csv.ok) return csv
    ss = csv.fields
  }
  const pairs: Record<string, string> = {}
  for (const pair of ss) {
    const eq = pair.indexOf('=')
    if (eq < 0) return { ok: false, error: `${pair} must be formatted as key=value` }
    pairs[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return { ok: true, pairs }
}

/**
 * Value.Set(value) for a flag that currently holds `current`; `changed` says whether Set was
 * called before (slices and maps replace their default on the first Set and append after).
 * The error is Set's own error text, before pflag wraps it in `invalid argument ...`.
 */
export function setFlagValue(flag: FlagSpec, current: FlagValue, changed: boolean, value: string): SetResult {
  switch (flag.type) {
    case 'bool': {
      const b = parseGoBool(value)
      return b.ok ? { ok: true, value: b.value } : b
    }
    case 'string':
      return { ok: true, value }
    case 'int':
    case 'int64': {
      const i = parseGoInt(value, 0, 64)
      return i.ok ? { ok: true, value: Number(i.value) } : i
    }
    case 'klogLevel': {
      const i = parseGoInt(value, 10, 32)
      return i.ok ? { ok: true, value: Number(i.value) } : i
    }
    case 'duration': {
      const d = parseGoDuration(value)
      return d.ok ? { ok: true, value: Number(d.ns) } : d
    }
    case 'goDuration': {
      const d = parseGoDuration(value)
      return d.ok ? { ok: true, value: Number(d.ns) } : { ok: false, error: 'parse error' }
    }
    case 'vmodule': {
      const err = checkVmodule(value)
      return err === null ? { ok: true, value } : { ok: false, error: err }
    }
    case 'stringArray':
      return { ok: true, value: changed ? [...(current as string[]), value] : [value] }
    case 'stringSlice': {
      const csv = readCsvRecord(value)
      if (!csv.ok) return csv
      return { ok: true, value: changed ? [...(current as string[]), ...csv.fields] : csv.fields }
    }
    case 'stringToString': {
      const m = parseStringToString(value)
      if (!m.ok) return m
      return { ok: true, value: changed ? { ...(current as Record<string, string>), ...m.pairs } : m.pairs }
    }
  }
}

/**
 * The value a flag holds before any Set, read back from its DefValue string ("false", "500",
 * "[]", "0s", "[a,b]").
 */
export function defaultFlagValue(flag: FlagSpec): FlagValue {
  const dv = flag.default
  switch (flag.type) {
    case 'bool':
      return dv === 'true'
    case 'string':
    case 'vmodule':
      return dv
    case 'int':
    case 'int64':
    case 'klogLevel':
      return Number(dv)
    case 'duration':
    case 'goDuration': {
      const d = parseGoDuration(dv)
      return d.ok ? Number(d.ns) : 0
    }
    case 'stringArray':
    case 'stringSlice': {
      const inner = dv.replace(/^\[/, '').replace(/\]$/, '')
      if (inner === '') return []
      const csv = readCsvRecord(inner)
      return csv.ok ? csv.fields : []
    }
    case 'stringToString': {
      const inner = dv.replace(/^\[/, '').replace(/\]$/, '')
      if (inner === '') return {}
      const m = parseStringToString(inner)
      return m.ok ? m.pairs : {}
    }
  }
}

/** The value a flag given bare (`--flag`) takes, or undefined when it needs one. */
export function noOptDefVal(flag: FlagSpec): string | undefined {
  return flag.type === 'bool' ? (flag.noOptDefVal ?? 'true') : flag.noOptDefVal
}
