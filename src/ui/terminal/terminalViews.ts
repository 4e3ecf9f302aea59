// One xterm per engine terminal, created once and kept for the page's lifetime. React mounts
// and unmounts the element that shows it (StrictMode does so twice), but the terminal, its
// scrollback and its line state live here, so nothing is lost or printed twice.
import { Terminal } from '@xterm/xterm'
import { FitAddon } from '@xterm/addon-fit'
import '@xterm/xterm/css/xterm.css'
import { engine, type TerminalEvent } from '../bridge/engine'
import { commandDone, feed, initialLineState, type LineState, type Step } from './lineDiscipline'

export interface TerminalView {
  term: Terminal
  fit: FitAddon
  /** Puts the terminal into `host` (opening it the first time). */
  mount(host: HTMLElement): void
}

const views = new Map<string, TerminalView>()

const THEME = {
  background: '#0f172a',
  foreground: '#e2e8f0',
  cursor: '#e2e8f0',
  selectionBackground: '#334155',
  black: '#1e293b',
  brightBlack: '#64748b',
}

export function terminalView(terminalId: string): TerminalView {
  const existing = views.get(terminalId)
  if (existing) return existing

  const term = new Terminal({
    convertEol: true, // the engine writes \n line endings
    cursorBlink: true,
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
    fontSize: 13,
    lineHeight: 1.15,
    scrollback: 5000,
    theme: THEME,
  })
  const fit = new FitAddon()
  term.loadAddon(fit)

  let state: LineState = initialLineState('$ ')
  const run = (step: Step) => {
    state = step.state
    for (const e of step.effects) {
      if (e.type === 'write') term.write(e.data)
      else if (e.type === 'run') engine().runLine(terminalId, e.line)
      else engine().interrupt(terminalId)
    }
  }
  engine().attachTerminal(terminalId, (e: TerminalEvent) => {
    switch (e.kind) {
      case 'ready':
        state = { ...initialLineState(e.prompt), history: state.history }
        run(commandDone(state))
        return
      case 'data':
        term.write(e.data)
        return
      case 'done':
        run(commandDone({ ...state, prompt: e.prompt }))
        return
    }
  })
  term.onData((data) => run(feed(state, data)))

  let opened = false
  const view: TerminalView = {
    term,
    fit,
    mount(host) {
      if (!opened) {
        term.open(host)
        opened = true
      } else if (term.element && term.element.parentElement !== host) {
        host.appendChild(term.element)
      }
      fit.fit()
    },
  }
  views.set(terminalId, view)
  return view
}
