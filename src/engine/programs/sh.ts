// A small POSIX-like shell for the commands pods and containers typically run
// (`sh -c 'echo hello; sleep 3600'`, `while true; do date; sleep 5; done`, `sleep infinity`),
// with busybox's builtins for echo, sleep, exit, true, false, printenv, env, hostname, date.
// Issue 3 brings the full shell with pipes, redirects and coreutils over a filesystem; what
// this one cannot run it reports as busybox does ("sh: foo: not found", exit 127).
// As PID 1 without a handler, the shell ignores SIGTERM: only SIGKILL ends it, which is why
// deleting such a pod takes its full grace period on a real cluster too.

import type { Program } from './program'

type Node =
  | { t: 'cmd'; words: string[] }
  | { t: 'list'; items: { op: ';' | '&&' | '||'; node: Node }[] }
  | { t: 'while'; until: boolean; cond: Node; body: Node }
  | { t: 'for'; name: string; items: string[]; body: Node }

class ShellSyntaxError extends Error {}

/** Split a script into words and operators, honouring quotes. Words keep a marker of quoting for expansion. */
function tokenize(src: string): string[] {
  const out: string[] = []
  let cur = ''
  let has = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (c === "'") {
      const j = src.indexOf("'", i + 1)
      if (j < 0) throw new ShellSyntaxError('unterminated quoted string')
      cur += '\u0001' + src.slice(i + 1, j) + '\u0002'
      has = true
      i = j
    } else if (c === '"') {
      let j = i + 1
      let s = ''
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length && '"\\$`'.includes(src[j + 1])) {
          s += src[j + 1]
          j += 2
        } else s += src[j++]
      }
      if (j >= src.length) throw new ShellSyntaxError('unterminated quoted string')
      cur += s
      has = true
      i = j
    } else if (c === '\\' && i + 1 < src.length) {
      cur += '\u0001' + src[i + 1] + '\u0002'
      has = true
      i++
    } else if (c === ' ' || c === '\t') {
      if (has) out.push(cur)
      cur = ''
      has = false
    } else if (c === ';' || c === '\n' || c === '&' || c === '|') {
      if (has) out.push(cur)
      cur = ''
      has = false
      const two = src.slice(i, i + 2)
      if (two === '&&' || two === '||') {
        out.push(two)
        i++
      } else out.push(c === '\n' ? ';' : c)
    } else if (c === '#' && !has) {
      const j = src.indexOf('\n', i)
      i = j < 0 ? src.length : j - 1
    } else {
      cur += c
      has = true
    }
  }
  if (has) out.push(cur)
  return out
}

function parse(tokens: string[]): Node {
  let pos = 0
  const peek = () => tokens[pos]
  const isOp = (t: string | undefined) => t === ';' || t === '&&' || t === '||' || t === '&' || t === '|'
  function parseList(stop: string[]): Node {
    const items: { op: ';' | '&&' | '||'; node: Node }[] = []
    let op: ';' | '&&' | '||' = ';'
    while (pos < tokens.length && !stop.includes(peek())) {
      if (peek() === ';') {
        pos++
        op = ';'
        continue
      }
      items.push({ op, node: parseCommand() })
      const t = peek()
      if (t === '&&' || t === '||') {
        op = t
        pos++
      } else if (t === ';' || t === '&') {
        op = ';'
        pos++
      } else if (t === '|') throw new ShellSyntaxError('pipes are not supported by this shell yet')
    }
    return { t: 'list', items }
  }
  function expect(word: string) {
    if (peek() !== word) throw new ShellSyntaxError(`syntax error: unexpected ${peek() === undefined ? 'end of file' : `"${peek()}"`} (expecting "${word}")`)
    pos++
  }
  function parseCommand(): Node {
    const t = peek()
    if (t === 'while' || t === 'until') {
      pos++
      const cond = parseList(['do'])
      expect('do')
      const body = parseList(['done'])
      expect('done')
      return { t: 'while', until: t === 'until', cond, body }
    }
    if (t === 'for') {
      pos++
      const name = tokens[pos++]
      const items: string[] = []
      if (peek() === 'in') {
        pos++
        while (pos < tokens.length && peek() !== ';' && peek() !== 'do') items.push(tokens[pos++])
      }
      if (peek() === ';') pos++
      expect('do')
      const body = parseList(['done'])
      expect('done')
      return { t: 'for', name, items, body }
    }
    const words: string[] = []
    while (pos < tokens.length && !isOp(peek())) words.push(tokens[pos++])
    if (!words.length) throw new ShellSyntaxError(`syntax error: unexpected "${peek()}"`)
    return { t: 'cmd', words }
  }
  const list = parseList([])
  if (pos < tokens.length) throw new ShellSyntaxError(`syntax error: unexpected "${peek()}"`)
  return list
}

/** $VAR and ${VAR} outside single quotes; quote markers removed. */
function expand(word: string, vars: Record<string, string>): string {
  let out = ''
  let quoted = false
  for (let i = 0; i < word.length; i++) {
    const c = word[i]
    if (c === '\u0001') quoted = true
    else if (c === '\u0002') quoted = false
    else if (c === '$' && !quoted) {
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|([?$#0-9]))/.exec(word.slice(i))
      if (m) {
        out += vars[m[1] ?? m[2] ?? m[3]] ?? ''
        i += m[0].length - 1
      } else out += c
    } else out += c
  }
  return out
}

/** busybox date's default format: "Sun Nov 22 01:57:49 UTC 2026". */
function dateString(ms: number): string {
  const d = new Date(ms)
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]
  const p = (n: number) => String(n).padStart(2, '0')
  return `${day} ${mon} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}

/** busybox sleep: seconds with optional s/m/h/d suffix, decimals, or "infinity". */
function sleepMs(arg: string | undefined): number | undefined {
  if (arg === undefined) return undefined
  if (arg === 'inf' || arg === 'infinity') return Infinity
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg)
  if (!m) return undefined
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
  return Math.round(Number(m[1]) * mult * 1000)
}

/** Each loop iteration costs a little virtual CPU time, so a busy loop cannot stall the clock. */
const LOOP_ITERATION_MS = 10

export const sh: Program = (ctx) => {
  const vars: Record<string, string> = { ...ctx.env, HOSTNAME: ctx.hostname, '?': '0', $: '1', '0': 'sh' }
  let exited = false
  let cancelTimer: (() => void) | undefined
  const finish = (code: number) => {
    if (exited) return
    exited = true
    cancelTimer?.()
    ctx.exit(code)
  }

  const builtin = (words: string[], k: (status: number) => void): void => {
    const [name, ...args] = words
    switch (name) {
      case 'echo': {
        let newline = true
        let a = args
        if (a[0] === '-n') {
          newline = false
          a = a.slice(1)
        }
        ctx.stdout(a.join(' ') + (newline ? '\n' : ''))
        return k(0)
      }
      case 'sleep': {
        const ms = sleepMs(args[0])
        if (ms === undefined) {
          ctx.stderr(args[0] === undefined ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n' : `sleep: invalid number '${args[0]}'\n`)
          return k(1)
        }
        if (ms === Infinity) return
        cancelTimer = ctx.setTimer(ms, () => {
          cancelTimer = undefined
          k(0)
        })
        return
      }
      case 'exit':
        return finish(args[0] === undefined ? Number(vars['?']) : Number(args[0]) & 255)
      case 'true':
      case ':':
        return k(0)
      case 'false':
        return k(1)
      case 'hostname':
        ctx.stdout(ctx.hostname + '\n')
        return k(0)
      case 'date':
        ctx.stdout(dateString(ctx.now()) + '\n')
        return k(0)
      case 'env':
      case 'printenv': {
        if (name === 'printenv' && args.length) {
          const v = args.map((a) => vars[a]).filter((x) => x !== undefined)
          if (v.length) ctx.stdout(v.join('\n') + '\n')
          return k(v.length === args.length ? 0 : 1)
        }
        const env = { ...ctx.env, HOSTNAME: ctx.hostname }
        ctx.stdout(Object.entries(env).map(([a, b]) => `${a}=${b}`).join('\n') + '\n')
        return k(0)
      }
      default:
        if (name.includes('=') && /^[A-Za-z_][A-Za-z0-9_]*=/.test(name)) {
          const i = name.indexOf('=')
          vars[name.slice(0, i)] = name.slice(i + 1)
          return args.length ? builtin(args, k) : k(0)
        }
        ctx.stderr(`sh: ${name}: not found\n`)
        return k(127)
    }
  }

  const run = (node: Node, k: (status: number) => void): void => {
    if (exited) return
    switch (node.t) {
      case 'cmd': {
        const words = node.words.map((w) => expand(w, vars)).filter((w, i) => w !== '' || /[\u0001"]/.test(node.words[i]))
        if (!words.length) return k(0)
        return builtin(words, (s) => {
          vars['?'] = String(s)
          k(s)
        })
      }
      case 'list': {
        let i = 0
        let last = 0
        const step = (): void => {
          while (i < node.items.length) {
            const item = node.items[i++]
            if ((item.op === '&&' && last !== 0) || (item.op === '||' && last === 0)) continue
            let sync = true
            let done = false
            run(item.node, (s) => {
              last = s
              done = true
              if (!sync) step()
            })
            sync = false
            if (!done) return
          }
          k(last)
        }
        return step()
      }
      case 'while': {
        const loop = (): void =>
          run(node.cond, (s) => {
            if ((s === 0) === node.until) return k(0)
            run(node.body, () => {
              cancelTimer = ctx.setTimer(LOOP_ITERATION_MS, loop)
            })
          })
        return loop()
      }
      case 'for': {
        const items = node.items.flatMap((w) => expand(w, vars).split(/\s+/).filter(Boolean))
        let i = 0
        const loop = (): void => {
          if (i >= items.length) return k(0)
          vars[node.name] = items[i++]
          run(node.body, () => loop())
        }
        return loop()
      }
    }
  }

  let script: string | undefined
  const argv = ctx.argv
  const base = (argv[0] ?? '').split('/').pop() ?? ''
  if (base === 'sh' || base === 'bash' || base === 'ash') {
    const c = argv.indexOf('-c')
    script = c >= 0 ? argv[c + 1] ?? '' : undefined
    if (c >= 0 && argv[c + 1] === undefined) {
      ctx.stderr(`${base}: -c requires an argument\n`)
      finish(2)
      return { signal: () => {} }
    }
  } else {
    script = argv.map((a) => "'" + a.replace(/'/g, "'\\''") + "'").join(' ')
  }
  // A shell with no script and no terminal reads an empty stdin and exits 0.
  if (script === undefined) {
    ctx.setTimer(0, () => finish(0))
  } else {
    let ast: Node
    try {
      ast = parse(tokenize(script))
      ctx.setTimer(0, () => run(ast, (s) => finish(s)))
    } catch (e) {
      const msg = e instanceof ShellSyntaxError ? e.message : String(e)
      ctx.setTimer(0, () => {
        ctx.stderr(`sh: ${msg}\n`)
        finish(2)
      })
    }
  }
  return {
    signal(sig) {
      // PID 1 ignores SIGTERM and SIGINT unless it installed a handler.
      if (sig === 'SIGKILL') finish(137)
    },
  }
}
