// The terminal's line editing, as a pure state machine: keystrokes (xterm's onData strings) in,
// effects out (text to write to the screen, a line to run, an interrupt). The shell itself runs
// in the engine; this is the part a tty and readline would do on a real machine.
//
// Kept: printable input, backspace/delete, left/right/home/end (also Ctrl-A/Ctrl-E), Ctrl-U,
// history on up/down, Ctrl-C, Ctrl-L, multi-line paste (each line runs after the previous one
// finished). Input typed while a command runs is held and replayed after the next prompt,
// like a tty's typeahead (but not echoed early, so it never mixes with the command's output).
// Dropped: tab completion, reverse search, lines longer than the terminal width when moving
// the cursor (the cursor moves with CSI D/C, which does not cross wrapped rows).

export interface LineState {
  readonly prompt: string
  readonly line: string
  readonly cursor: number
  readonly history: readonly string[]
  /** history.length while editing a new line. */
  readonly historyIndex: number
  /** The unfinished new line, kept while browsing history. */
  readonly draft: string
  readonly busy: boolean
  readonly typeahead: string
}

export type Effect =
  | { type: 'write'; data: string }
  | { type: 'run'; line: string }
  | { type: 'interrupt' }

export interface Step {
  state: LineState
  effects: Effect[]
}

const HISTORY_MAX = 500
const PS1 = '$ '

export function initialLineState(prompt: string): LineState {
  return { prompt, line: '', cursor: 0, history: [], historyIndex: 0, draft: '', busy: true, typeahead: '' }
}

const left = (n: number) => (n > 0 ? `\x1b[${n}D` : '')

/** The previous command finished (or the session became ready): print the prompt, resume input. */
export function commandDone(state: LineState): Step {
  const ready: LineState = { ...state, busy: false, line: '', cursor: 0, typeahead: '', historyIndex: state.history.length, draft: '' }
  const out = feed(ready, state.typeahead)
  return { state: out.state, effects: merge([{ type: 'write', data: state.prompt }, ...out.effects]) }
}

export function feed(state: LineState, data: string): Step {
  let s = state
  const effects: Effect[] = []
  let i = 0
  while (i < data.length) {
    if (s.busy) {
      const ctrlC = data.indexOf('\x03', i)
      if (ctrlC === -1) {
        s = { ...s, typeahead: s.typeahead + data.slice(i) }
        break
      }
      // Ctrl-C discards what was typed ahead, like a tty flushing its input queue.
      s = { ...s, typeahead: '' }
      effects.push({ type: 'write', data: '^C\r\n' }, { type: 'interrupt' })
      i = ctrlC + 1
      // Whatever follows waits for the prompt.
      s = { ...s, typeahead: data.slice(i) }
      break
    }
    const ch = data[i]!
    if (ch === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(data.slice(i))
      const seq = m ? m[0] : '\x1b'
      i += seq.length
      s = escape(s, seq, effects)
      continue
    }
    i++
    switch (ch) {
      case '\r':
      case '\n': {
        if (ch === '\r' && data[i] === '\n') i++
        const line = s.line
        // A blank line at the main prompt runs nothing; inside a here-doc ("> ") it is content.
        if (line.trim() === '' && s.prompt === PS1) {
          effects.push({ type: 'write', data: `\r\n${s.prompt}` })
          s = { ...s, line: '', cursor: 0, historyIndex: s.history.length, draft: '' }
          break
        }
        const history = line === s.history[s.history.length - 1] ? s.history : [...s.history, line].slice(-HISTORY_MAX)
        effects.push({ type: 'write', data: '\r\n' }, { type: 'run', line })
        s = { ...s, line: '', cursor: 0, history, historyIndex: history.length, draft: '', busy: true, typeahead: data.slice(i) }
        i = data.length
        break
      }
      case '\x7f':
      case '\b':
        if (s.cursor > 0) {
          const rest = s.line.slice(s.cursor)
          effects.push({ type: 'write', data: `\b${rest} ${left(rest.length + 1)}` })
          s = { ...s, line: s.line.slice(0, s.cursor - 1) + rest, cursor: s.cursor - 1 }
        }
        break
      case '\x03':
        effects.push({ type: 'write', data: `^C\r\n${s.prompt}` })
        s = { ...s, line: '', cursor: 0, historyIndex: s.history.length, draft: '' }
        break
      case '\x0c':
        effects.push({ type: 'write', data: `\x1b[H\x1b[2J${s.prompt}${s.line}${left(s.line.length - s.cursor)}` })
        break
      case '\x01':
        s = moveTo(s, 0, effects)
        break
      case '\x05':
        s = moveTo(s, s.line.length, effects)
        break
      case '\x15': {
        const rest = s.line.slice(s.cursor)
        effects.push({ type: 'write', data: `${left(s.cursor)}\x1b[K${rest}${left(rest.length)}` })
        s = { ...s, line: rest, cursor: 0 }
        break
      }
      default: {
        if (ch < ' ') break // other control characters (Tab, Ctrl-D, ...) do nothing here
        // Insert a run of printable characters at once: a paste writes one chunk, not one per char.
        let j = i
        while (j < data.length && data[j]! >= ' ' && data[j] !== '\x7f') j++
        const text = ch + data.slice(i, j)
        i = j
        const rest = s.line.slice(s.cursor)
        effects.push({ type: 'write', data: `${text}${rest}${left(rest.length)}` })
        s = { ...s, line: s.line.slice(0, s.cursor) + text + rest, cursor: s.cursor + text.length }
      }
    }
  }
  return { state: s, effects: merge(effects) }
}

function escape(s: LineState, seq: string, effects: Effect[]): LineState {
  switch (seq) {
    case '\x1b[A':
    case '\x1bOA':
      return recall(s, s.historyIndex - 1, effects)
    case '\x1b[B':
    case '\x1bOB':
      return recall(s, s.historyIndex + 1, effects)
    case '\x1b[C':
    case '\x1bOC':
      return moveTo(s, s.cursor + 1, effects)
    case '\x1b[D':
    case '\x1bOD':
      return moveTo(s, s.cursor - 1, effects)
    case '\x1b[H':
    case '\x1bOH':
    case '\x1b[1~':
      return moveTo(s, 0, effects)
    case '\x1b[F':
    case '\x1bOF':
    case '\x1b[4~':
      return moveTo(s, s.line.length, effects)
    case '\x1b[3~': {
      if (s.cursor >= s.line.length) return s
      const rest = s.line.slice(s.cursor + 1)
      effects.push({ type: 'write', data: `${rest} ${left(rest.length + 1)}` })
      return { ...s, line: s.line.slice(0, s.cursor) + rest }
    }
    default:
      return s
  }
}

function moveTo(s: LineState, target: number, effects: Effect[]): LineState {
  const to = Math.max(0, Math.min(s.line.length, target))
  if (to < s.cursor) effects.push({ type: 'write', data: left(s.cursor - to) })
  else if (to > s.cursor) effects.push({ type: 'write', data: `\x1b[${to - s.cursor}C` })
  return { ...s, cursor: to }
}

function recall(s: LineState, index: number, effects: Effect[]): LineState {
  if (index < 0 || index > s.history.length || index === s.historyIndex) return s
  const draft = s.historyIndex === s.history.length ? s.line : s.draft
  const line = index === s.history.length ? draft : s.history[index]!
  effects.push({ type: 'write', data: `${left(s.cursor)}\x1b[K${line}` })
  return { ...s, line, cursor: line.length, historyIndex: index, draft }
}

/** Joins adjacent writes so the terminal gets one write per keystroke batch. */
function merge(effects: Effect[]): Effect[] {
  const out: Effect[] = []
  for (const e of effects) {
    const last = out[out.length - 1]
    if (e.type === 'write' && last?.type === 'write') last.data += e.data
    else if (e.type !== 'write' || e.data !== '') out.push(e.type === 'write' ? { ...e } : e)
  }
  return out
}
