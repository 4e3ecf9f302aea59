// The few GNU coreutils a container course types on its host: echo, cat, ls, sleep, timeout,
// true, false, clear. Messages are coreutils 9's in a UTF-8 locale (‘quotes’ in sleep's and
// timeout's errors). `sleep` and `timeout` run on the virtual clock.
// Left out: every option not listed in each program's comment.

import { FsError } from './fs'
import type { Proc, Program } from '../shell/proc'

/** echo [-n] ARGS */
const echo: Program = (p) => {
  let args = p.argv.slice(1)
  let newline = true
  if (args[0] === '-n') {
    newline = false
    args = args.slice(1)
  }
  p.out(args.join(' ') + (newline ? '\n' : ''))
  p.exit(0)
}

/** cat [FILE|-]...: standard input when no file is named. */
const cat: Program = (p) => {
  const files = p.argv.slice(1)
  let code = 0
  for (const f of files.length ? files : ['-']) {
    if (f === '-') {
      p.out(p.stdin ?? '')
      continue
    }
    try {
      p.out(p.host.fs.readFile(p.resolve(f), f))
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      p.err(`cat: ${f}: ${capitalize(e.description)}\n`)
      code = 1
    }
  }
  p.exit(code)
}

/** ls [-a] [-1] [PATH]...: names in columns like ls -C to a terminal. */
const ls: Program = (p) => {
  const opts = p.argv.slice(1).filter((a) => a.startsWith('-') && a !== '-')
  const paths = p.argv.slice(1).filter((a) => !a.startsWith('-') || a === '-')
  const all = opts.some((o) => o.includes('a'))
  const one = opts.some((o) => o.includes('1'))
  let code = 0
  const files: string[] = []
  const dirs: { path: string; names: string[] }[] = []
  for (const path of paths.length ? paths : ['.']) {
    const abs = p.resolve(path)
    const kind = p.host.fs.stat(abs)
    if (kind === undefined) {
      p.err(`ls: cannot access '${path}': No such file or directory\n`)
      code = 2
    } else if (kind === 'file') files.push(path)
    else {
      const names = p.host.fs
        .readDir(abs)
        .map((e) => e.name)
        .filter((n) => all || !n.startsWith('.'))
      dirs.push({ path, names: all ? ['.', '..', ...names] : names })
    }
  }
  const blocks: string[] = []
  if (files.length) blocks.push(columns(files, p.columns, one))
  for (const d of dirs) {
    const body = columns(d.names, p.columns, one)
    blocks.push(files.length + dirs.length > 1 ? `${d.path}:\n${body}` : body)
  }
  p.out(blocks.filter((b, i) => b !== '' || i > 0).join('\n'))
  p.exit(code)
}

/** ls -C: as many columns as fit, filled down then across, two spaces between. */
function columns(names: string[], width: number, one: boolean): string {
  if (names.length === 0) return ''
  if (one) return names.map((n) => `${n}\n`).join('')
  for (let cols = names.length; cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols)
    const widths: number[] = []
    for (let c = 0; c < cols; c++) widths.push(Math.max(0, ...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)))
    const total = widths.reduce((a, w) => a + w + 2, 0) - 2
    if (total < width && widths.every((w) => w > 0)) {
      const lines: string[] = []
      for (let r = 0; r < rows; r++) {
        const cells: string[] = []
        for (let c = 0; c < cols; c++) {
          const n = names[c * rows + r]
          if (n === undefined) continue
          cells.push(n.padEnd(widths[c]!))
        }
        lines.push(`${cells.join('  ').trimEnd()}\n`)
      }
      return lines.join('')
    }
  }
  return names.map((n) => `${n}\n`).join('')
}

/** A coreutils duration: a number with an optional s/m/h/d suffix, in milliseconds. */
export function parseInterval(s: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(s)
  if (!m) return undefined
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
  return Math.round(Number(m[1]) * unit * 1000)
}

/** sleep NUMBER[SUFFIX]...: the sum of its arguments, on virtual time. */
const sleep: Program = (p) => {
  const args = p.argv.slice(1)
  if (args.length === 0) return usage(p, 'sleep', 'sleep: missing operand\n', 1)
  let total = 0
  for (const a of args) {
    const ms = parseInterval(a)
    if (ms === undefined) return usage(p, 'sleep', `sleep: invalid time interval ‘${a}’\n`, 1)
    total += ms
  }
  p.timer(total, () => p.exit(0), 'sleep')
}

/** timeout DURATION COMMAND [ARG]...: 124 when the command had to be stopped. */
const timeout: Program = (p) => {
  const args = p.argv.slice(1)
  if (args.length < 2) return usage(p, 'timeout', '', 125)
  const ms = parseInterval(args[0]!)
  if (ms === undefined) return usage(p, 'timeout', `timeout: invalid time interval ‘${args[0]}’\n`, 125)
  let timedOut = false
  const child = p.spawn(args.slice(1), p.stdin, { stdout: (d) => p.out(d), stderr: (d) => p.err(d) }, (code) => p.exit(timedOut ? 124 : code))
  if (child.exited) return
  p.onInterrupt(() => child.interrupt())
  if (ms > 0) {
    p.timer(ms, () => {
      timedOut = true
      child.interrupt()
    })
  }
}

function usage(p: Proc, name: string, message: string, code: number): void {
  p.err(`${message}Try '${name} --help' for more information.\n`)
  p.exit(code)
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export const coreutils: Record<string, Program> = {
  echo,
  cat,
  ls,
  sleep,
  timeout,
  true: (p) => p.exit(0),
  false: (p) => p.exit(1),
  clear: (p) => {
    p.out('\x1b[H\x1b[2J\x1b[3J')
    p.exit(0)
  },
}
