// The text filters people pipe kubectl into: head, tail, wc and grep (GNU coreutils 9 and grep 3
// messages). They read files or standard input as text.
// Kept: head/tail -n N and -N, wc -l/-w/-c (and all three by default), grep -i -v -c -n -E -F -w
// -x -o -q, several files with "file:" prefixes. Left out: other options, binary files, recursion.

import { utf8Bytes } from '../api/utf8'
import { FsError } from './fs'
import type { Proc, Program } from '../shell/proc'

/** Lines of a text with their newlines, the last one possibly without. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/)
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines
}

/** The inputs named on the command line (or standard input), as coreutils reads them. */
function readInputs(p: Proc, tool: string, files: string[]): { name: string; text: string }[] | number {
  const out: { name: string; text: string }[] = []
  let failed = false
  for (const f of files.length ? files : ['-']) {
    if (f === '-') {
      out.push({ name: '(standard input)', text: p.stdin ?? '' })
      continue
    }
    try {
      out.push({ name: f, text: p.host.fs.readFile(p.resolve(f), f) })
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      const what = tool === 'head' || tool === 'tail' ? `cannot open '${f}' for reading: ` : `${f}: `
      p.err(`${tool}: ${what}${e.description.charAt(0).toUpperCase()}${e.description.slice(1)}\n`)
      failed = true
    }
  }
  return failed && out.length === 0 ? 1 : out
}

/** A real option of the tool that Podlab does not simulate: said plainly, never ignored. */
function notSimulated(p: Proc, tool: string, option: string, code: number): void {
  p.err(`${tool}: option -${option} is not simulated in Podlab\n`)
  p.exit(code)
}

function usage(p: Proc, tool: string, message: string, code = 1): void {
  p.err(`${message}Try '${tool} --help' for more information.\n`)
  p.exit(code)
}

/** head and tail: -n N, -nN, -N. */
function lineFilter(tool: 'head' | 'tail'): Program {
  return (p) => {
    let n = 10
    const files: string[] = []
    const args = p.argv.slice(1)
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!
      let count: string | undefined
      if (a === '-n') {
        if (i + 1 >= args.length) return usage(p, tool, `${tool}: option requires an argument -- 'n'\n`)
        count = args[++i]
      } else if (a.startsWith('-n')) count = a.slice(2)
      else if (/^-\d+$/.test(a)) count = a.slice(1)
      else if (a.startsWith('-') && a !== '-') {
        const ch = a.slice(1, 2)
        if ('cqvzF'.includes(ch) || a.startsWith('--')) return notSimulated(p, tool, a.slice(1), 1)
        return usage(p, tool, `${tool}: invalid option -- '${ch}'\n`)
      }
      else files.push(a)
      if (count !== undefined) {
        if (!/^\d+$/.test(count)) {
          p.err(`${tool}: invalid number of lines: ‘${count}’\n`)
          return p.exit(1)
        }
        n = Number(count)
      }
    }
    const inputs = readInputs(p, tool, files)
    if (typeof inputs === 'number') return p.exit(inputs)
    inputs.forEach((input, i) => {
      if (inputs.length > 1) p.out(`${i > 0 ? '\n' : ''}==> ${input.name} <==\n`)
      const lines = splitLines(input.text)
      p.out((tool === 'head' ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n))).join(''))
    })
    p.exit(files.length > inputs.length ? 1 : 0)
  }
}

/** wc [-l] [-w] [-c]: counts right-aligned to the widest, as GNU wc prints them. */
const wc: Program = (p) => {
  const flags = new Set<string>()
  const files: string[] = []
  for (const a of p.argv.slice(1)) {
    if (a.startsWith('-') && a !== '-') {
      for (const ch of a.slice(1)) {
        if ('mL'.includes(ch)) return notSimulated(p, 'wc', ch, 1)
        if (!'lwc'.includes(ch)) return usage(p, 'wc', `wc: invalid option -- '${ch}'\n`)
        flags.add(ch)
      }
    } else files.push(a)
  }
  const show = flags.size ? ['l', 'w', 'c'].filter((f) => flags.has(f)) : ['l', 'w', 'c']
  const inputs = readInputs(p, 'wc', files)
  if (typeof inputs === 'number') return p.exit(inputs)
  const rows = inputs.map((i) => ({
    name: files.length ? i.name : '',
    counts: { l: (i.text.match(/\n/g) ?? []).length, w: i.text.split(/\s+/).filter(Boolean).length, c: utf8Bytes(i.text).length } as Record<string, number>,
  }))
  if (rows.length > 1) rows.push({ name: 'total', counts: { l: sum(rows, 'l'), w: sum(rows, 'w'), c: sum(rows, 'c') } })
  // One number from standard input is printed bare; otherwise columns as wide as the largest.
  const width = show.length === 1 && !files.length ? 1 : Math.max(files.length ? 1 : 7, ...rows.flatMap((r) => show.map((f) => String(r.counts[f]).length)))
  for (const r of rows) p.out(`${show.map((f) => String(r.counts[f]).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`)
  p.exit(0)
}

function sum(rows: { counts: Record<string, number> }[], f: string): number {
  return rows.reduce((a, r) => a + (r.counts[f] ?? 0), 0)
}

/** A POSIX basic regular expression as a JavaScript one: \( \) \{ \} \| \+ \? are the operators. */
export function breToJs(bre: string): string {
  let out = ''
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i]!
    if (c === '\\' && i + 1 < bre.length) {
      const n = bre[++i]!
      out += '(){}|+?'.includes(n) ? n : `\\${n}`
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`
    else if (c === '[') {
      const end = bre.indexOf(']', i + 2)
      if (end === -1) out += '\\['
      else {
        out += bre.slice(i, end + 1)
        i = end
      }
    } else out += c
  }
  return out
}

const grep: Program = (p) => {
  const opts = new Set<string>()
  const rest: string[] = []
  let pattern: string | undefined
  const args = p.argv.slice(1)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-e') {
      pattern = args[++i]
      continue
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      for (const ch of a.slice(1)) {
        if ('AaBbCDdGHhIiLlmNOPRrsTUuVZz'.includes(ch) && !'ivcnEFwoqx'.includes(ch)) return notSimulated(p, 'grep', ch, 2)
        if (!'ivcnEFwoqx'.includes(ch)) return usage(p, 'grep', `grep: invalid option -- '${ch}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\n`, 2)
        opts.add(ch)
      }
    } else rest.push(a)
  }
  if (pattern === undefined) pattern = rest.shift()
  if (pattern === undefined) return usage(p, 'grep', 'Usage: grep [OPTION]... PATTERNS [FILE]...\n', 2)
  let source = opts.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : opts.has('E') ? pattern : breToJs(pattern)
  if (opts.has('w')) source = `(?<![\\w])(?:${source})(?![\\w])`
  if (opts.has('x')) source = `^(?:${source})$`
  let re: RegExp
  try {
    re = new RegExp(source, opts.has('i') ? 'gi' : 'g')
  } catch {
    p.err(`grep: Unmatched ( or \\(\n`)
    return p.exit(2)
  }
  const inputs = readInputs(p, 'grep', rest)
  if (typeof inputs === 'number') return p.exit(2)
  let matched = false
  for (const input of inputs) {
    let count = 0
    const prefix = inputs.length > 1 ? `${input.name}:` : ''
    splitLines(input.text).forEach((raw, idx) => {
      const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw
      re.lastIndex = 0
      const hit = re.test(line) !== opts.has('v')
      if (!hit) return
      count++
      matched = true
      if (opts.has('c') || opts.has('q')) return
      const num = opts.has('n') ? `${idx + 1}:` : ''
      if (opts.has('o') && !opts.has('v')) {
        re.lastIndex = 0
        for (const m of line.matchAll(re)) if (m[0] !== '') p.out(`${prefix}${num}${m[0]}\n`)
      } else p.out(`${prefix}${num}${line}\n`)
    })
    if (opts.has('c') && !opts.has('q')) p.out(`${prefix}${count}\n`)
  }
  p.exit(matched ? 0 : 1)
}

export const textutils: Record<string, Program> = { head: lineFilter('head'), tail: lineFilter('tail'), wc, grep }
