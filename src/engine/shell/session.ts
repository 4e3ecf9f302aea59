// An interactive shell on a host: what bash does between the terminal and the programs. It
// parses each line (parse.ts), runs `a | b && c; d` with redirections and here-docs, keeps the
// working directory, the environment and $?, and reports when a line is done. Programs run on
// virtual time, so a line may finish long after runLine returns (sleep 30, kubectl delete).
// Pipes pass the whole output of one stage to the next when it exits: enough for
// `cat pod.yaml | kubectl apply -f -` and `kubectl get pods -o name | wc -l`, not for
// streaming through a pipe.

import { FsError, resolvePath } from '../host/fs'
import type { TerminalSession } from '../publicTypes'
import { globToRegExp, parseLine, type ListItem, type SimpleCommand, type Word } from './parse'
import { Proc, type ProcHost, type ProcMode, type ProcSink, type Program } from './proc'

export interface ShellHost extends ProcHost {
  /** The program a command name runs, or undefined for "command not found". */
  program(name: string): Program | undefined
}

const PS1 = '$ '
/** Stands for $? in parsed words until the command runs. */
const STATUS_MARK = '\u0000?\u0000'
const PS2 = '> '

type Listener<T> = (v: T) => void

interface PendingHeredoc {
  items: ListItem[]
  waiting: { cmd: SimpleCommand; lines: string[] }[]
  bodies: Map<SimpleCommand, string>
}

export class ShellSession implements TerminalSession {
  private cwdPath: string
  readonly env: Record<string, string>
  private status = 0
  private running = false
  private fg: Proc | undefined
  private aborted = false
  private heredoc: PendingHeredoc | undefined
  private readonly queue: string[] = []
  private readonly outputListeners = new Set<Listener<string>>()
  private readonly doneListeners = new Set<Listener<number>>()
  /** Terminal width, for programs that wrap to it. */
  columns = 80

  constructor(
    readonly id: string,
    private readonly host: ShellHost,
    env: Record<string, string> = {},
  ) {
    this.cwdPath = host.home
    this.env = { HOME: host.home, PATH: '/usr/local/bin:/usr/bin:/bin', USER: 'root', HOSTNAME: host.name, ...env }
  }

  get prompt(): string {
    return this.heredoc ? PS2 : PS1
  }

  get busy(): boolean {
    return this.running
  }

  get cwd(): string {
    return this.cwdPath
  }

  /** How the foreground program uses time, if one runs: the runner waits or interrupts. */
  get foregroundMode(): ProcMode | undefined {
    return this.fg && !this.fg.exited ? this.fg.mode : undefined
  }

  get lastStatus(): number {
    return this.status
  }

  onOutput(listener: Listener<string>): () => void {
    this.outputListeners.add(listener)
    return () => this.outputListeners.delete(listener)
  }

  onDone(listener: Listener<number>): () => void {
    this.doneListeners.add(listener)
    return () => this.doneListeners.delete(listener)
  }

  private write(data: string): void {
    if (data === '') return
    for (const l of this.outputListeners) l(data)
  }

  runLine(line: string): void {
    if (this.running) {
      this.queue.push(line)
      return
    }
    this.running = true
    this.aborted = false
    if (this.heredoc) {
      this.heredocLine(this.heredoc, line)
      return
    }
    // $? is the status when its command runs, not when the line was typed: expand it late.
    const parsed = parseLine(line, (name) => (name === '?' ? STATUS_MARK : this.env[name]))
    if (parsed.kind === 'error') {
      this.write(parsed.message)
      this.finish(parsed.exitCode)
      return
    }
    const waiting = parsed.items.flatMap((item) => item.pipeline.filter((c) => c.heredoc).map((cmd) => ({ cmd, lines: [] as string[] })))
    if (waiting.length > 0) {
      this.heredoc = { items: parsed.items, waiting, bodies: new Map() }
      // The line is not done, but the terminal asks for the next one with PS2.
      this.finish(this.status)
      return
    }
    this.runList(parsed.items, new Map())
  }

  private heredocLine(h: PendingHeredoc, line: string): void {
    const cur = h.waiting[0]!
    const text = cur.cmd.heredoc!.stripTabs ? line.replace(/^\t+/, '') : line
    if (text !== cur.cmd.heredoc!.delimiter) {
      cur.lines.push(text)
      this.finish(this.status)
      return
    }
    h.bodies.set(cur.cmd, cur.lines.map((l) => `${l}\n`).join(''))
    h.waiting.shift()
    if (h.waiting.length > 0) {
      this.finish(this.status)
      return
    }
    this.heredoc = undefined
    this.runList(h.items, h.bodies)
  }

  /** Ctrl-C: stops the foreground program and the rest of the line. */
  interrupt(): void {
    if (this.heredoc) {
      this.heredoc = undefined
      this.running = true
      this.finish(130)
      return
    }
    if (!this.running) return
    this.aborted = true
    const fg = this.fg
    if (fg && !fg.exited) fg.interrupt()
  }

  private finish(status: number): void {
    this.status = status
    this.running = false
    this.fg = undefined
    for (const l of this.doneListeners) l(status)
    const next = this.queue.shift()
    if (next !== undefined) this.runLine(next)
  }

  private runList(items: ListItem[], heredocs: Map<SimpleCommand, string>): void {
    let i = 0
    let prevThen: ListItem['then'] = ';'
    const step = (): void => {
      while (i < items.length) {
        // Ctrl-C ends the whole line; $? is what the interrupted program exited with.
        if (this.aborted) return this.finish(this.status)
        const item = items[i++]!
        const skip = (prevThen === '&&' && this.status !== 0) || (prevThen === '||' && this.status === 0)
        prevThen = item.then
        if (skip) continue
        let sync = true
        let finished = false
        this.runPipeline(item.pipeline, heredocs, (status) => {
          this.status = status
          finished = true
          if (!sync) step()
        })
        sync = false
        if (!finished) return
      }
      this.finish(this.status)
    }
    step()
  }

  private runPipeline(cmds: SimpleCommand[], heredocs: Map<SimpleCommand, string>, done: (status: number) => void): void {
    let idx = 0
    let input: string | undefined
    const step = (): void => {
      while (idx < cmds.length) {
        const cmd = cmds[idx]!
        const last = idx === cmds.length - 1
        idx++
        let captured = ''
        let sync = true
        let finished = false
        let status = 0
        this.runSimple(cmd, heredocs.get(cmd) ?? input, last ? undefined : (d) => (captured += d), (s) => {
          status = s
          finished = true
          input = captured
          if (!sync) {
            if (idx < cmds.length && !this.aborted) step()
            else done(status)
          }
        })
        sync = false
        if (!finished) return
        if (this.aborted) return done(status)
        if (last) return done(status)
      }
    }
    step()
  }

  private runSimple(cmd: SimpleCommand, stdin: string | undefined, capture: ((d: string) => void) | undefined, done: (status: number) => void): void {
    const status = String(this.status)
    const argv = cmd.words.flatMap((w) => this.expand({ ...w, text: w.text.replaceAll(STATUS_MARK, status) }))
    let out: (d: string) => void = capture ?? ((d) => this.write(d))
    let err: (d: string) => void = (d) => this.write(d)
    let input = stdin
    for (const r of cmd.redirects) {
      if (r.op === '>&') {
        if (r.target !== '1' && r.target !== '2') return this.fail(`bash: ${r.target}: ambiguous redirect\n`, done)
        if (r.fd === 2 && r.target === '1') err = out
        else if (r.fd === 1 && r.target === '2') out = err
        continue
      }
      if (r.target === '/dev/null') {
        if (r.fd === 0) input = ''
        else if (r.fd === 1) out = () => {}
        else err = () => {}
        continue
      }
      const abs = resolvePath(this.cwdPath, r.target, this.host.home)
      try {
        if (r.op === '<') input = this.host.fs.readFile(abs, r.target)
        else {
          if (r.op === '>') this.host.fs.writeFile(abs, '', r.target)
          else this.host.fs.appendFile(abs, '', r.target)
          const write = (d: string) => this.host.fs.appendFile(abs, d, r.target)
          if (r.fd === 1) out = write
          else err = write
        }
      } catch (e) {
        if (e instanceof FsError) return this.fail(`bash: ${r.target}: ${capitalize(e.description)}\n`, done)
        throw e
      }
    }
    if (argv.length === 0) return done(0)
    const name = argv[0]!
    const builtin = this.builtin(name)
    if (builtin) return done(builtin(argv, { stdout: out, stderr: err }))
    const program = this.host.program(name)
    if (!program) return this.fail(`bash: ${name}: command not found\n`, done, 127)
    const proc = this.start(program, argv, input, { stdout: out, stderr: err }, done)
    this.fg = proc
  }

  /** Starts a program; programs call this through Proc.spawn too (`timeout 5 kubectl ...`). */
  private start(program: Program, argv: string[], stdin: string | undefined, sink: ProcSink, onExit: (code: number) => void): Proc {
    const proc: Proc = new Proc(this.host, argv, stdin, { ...this.env, PWD: this.cwdPath }, this.cwdPath, this.columns, sink, onExit, (a, i, s, e) => {
      const p = this.host.program(a[0] ?? '')
      if (!p) {
        s.stderr(`${argv[0]}: failed to run command ‘${a[0]}’: No such file or directory\n`)
        const dead = this.start(() => {}, a, i, s, e)
        dead.exit(127)
        return dead
      }
      return this.start(p, a, i, s, e)
    })
    try {
      program(proc)
    } catch (e) {
      // A bug in a simulated program must not take the whole world down: report it like a
      // crashed process and keep the shell alive.
      proc.err(`${argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
      proc.exit(1)
    }
    return proc
  }

  private fail(message: string, done: (status: number) => void, status = 1): void {
    this.write(message)
    done(status)
  }

  /** A word after pathname expansion: matching names in order, or the word itself. */
  private expand(w: Word): string[] {
    if (!w.glob) return [w.text]
    const slash = w.text.lastIndexOf('/')
    const dirPart = slash >= 0 ? w.text.slice(0, slash + 1) : ''
    const pattern = w.text.slice(slash + 1)
    if (/[*?[]/.test(dirPart)) return [w.text]
    const re = globToRegExp(pattern)
    let names: string[]
    try {
      names = this.host.fs
        .readDir(resolvePath(this.cwdPath, dirPart || '.', this.host.home))
        .map((e) => e.name)
        .filter((n) => re.test(n) && (pattern.startsWith('.') || !n.startsWith('.')))
    } catch {
      names = []
    }
    return names.length > 0 ? names.map((n) => dirPart + n) : [w.text]
  }

  /** Builtins change the shell itself, so they cannot be programs. */
  private builtin(name: string): ((argv: string[], sink: ProcSink) => number) | undefined {
    switch (name) {
      case 'cd':
        return (argv, sink) => {
          if (argv.length > 2) {
            sink.stderr('bash: cd: too many arguments\n')
            return 1
          }
          const target = argv[1] ?? this.host.home
          const abs = resolvePath(this.cwdPath, target, this.host.home)
          const kind = this.host.fs.stat(abs)
          if (kind !== 'dir') {
            sink.stderr(`bash: cd: ${target}: ${kind === 'file' ? 'Not a directory' : 'No such file or directory'}\n`)
            return 1
          }
          this.cwdPath = abs
          return 0
        }
      case 'pwd':
        return (_argv, sink) => {
          sink.stdout(`${this.cwdPath}\n`)
          return 0
        }
      case 'export':
        return (argv) => {
          for (const a of argv.slice(1)) {
            const eq = a.indexOf('=')
            if (eq > 0) this.env[a.slice(0, eq)] = a.slice(eq + 1)
          }
          return 0
        }
      case 'unset':
        return (argv) => {
          for (const a of argv.slice(1)) delete this.env[a]
          return 0
        }
      default:
        return undefined
    }
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
