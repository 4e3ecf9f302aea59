// A terminal session without a terminal: typed lines in, the screen's text out, exactly as the
// page's terminal shows it. The headless runner (scripts/sim.ts) and the scenario tests both
// drive a World through this one function.
// Time: a line's command runs until it returns; one that waits (sleep, kubectl delete) lets
// virtual time run until it ends; one that streams (get -w, logs -f) keeps streaming until the
// next line, which interrupts it as Ctrl-C would (the terminal echoes ^C).

import type { World } from '../world'

/** A waiting command that has not ended after this much virtual time is interrupted. */
const WAIT_LIMIT_MS = 24 * 3600_000

export interface TranscriptOptions {
  terminalId?: string
  /** Called with each piece of screen text as it is produced (for streaming to stdout). */
  onText?: (text: string) => void
}

export function runTranscript(world: World, session: string, opts: TranscriptOptions = {}): string {
  const term = world.terminal(opts.terminalId ?? 'host')
  let screen = ''
  const emit = (t: string) => {
    screen += t
    opts.onText?.(t)
  }
  const off = term.onOutput(emit)
  const interrupt = () => {
    emit('^C\n')
    term.interrupt()
  }
  const waiting = () => term.busy && term.foregroundMode !== 'stream'
  const settle = () => {
    if (!waiting()) return
    world.runUntil(() => !waiting(), WAIT_LIMIT_MS)
    if (waiting()) interrupt()
  }
  try {
    const lines = session.split('\n')
    if (lines[lines.length - 1] === '') lines.pop()
    for (const raw of lines) {
      const line = raw.replace(/\r$/, '')
      if (term.busy) {
        interrupt()
        settle()
      }
      emit(`${term.prompt}${line}\n`)
      if (line.trim() === '' && term.prompt === '$ ') continue
      term.runLine(line)
      settle()
    }
    if (term.busy) {
      interrupt()
      settle()
    }
  } finally {
    off()
  }
  return screen
}
