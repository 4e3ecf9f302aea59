import { describe, it, expect } from 'vitest'
import { commandDone, feed, initialLineState, type Effect, type LineState } from './lineDiscipline'

/** A session that has printed its first prompt. */
function ready(): LineState {
  return commandDone(initialLineState('$ ')).state
}

function typeAll(s: LineState, ...inputs: string[]) {
  const effects: Effect[] = []
  for (const d of inputs) {
    const r = feed(s, d)
    s = r.state
    effects.push(...r.effects)
  }
  return { state: s, effects, written: effects.filter((e) => e.type === 'write').map((e) => (e as { data: string }).data).join('') }
}

describe('line discipline', () => {
  it('prints the prompt when the session is ready', () => {
    expect(commandDone(initialLineState('$ ')).effects).toEqual([{ type: 'write', data: '$ ' }])
  })

  it('echoes printable input and runs the line on Enter', () => {
    const r = typeAll(ready(), 'kubectl get pods', '\r')
    expect(r.effects.filter((e) => e.type === 'run')).toEqual([{ type: 'run', line: 'kubectl get pods' }])
    expect(r.written).toBe('kubectl get pods\r\n')
    expect(r.state.busy).toBe(true)
  })

  it('handles backspace in the middle of the line', () => {
    const r = typeAll(ready(), 'kubecxl', '\x1b[D', '\x7f', 't', '\x1b[F', '\r')
    expect(r.effects.find((e) => e.type === 'run')).toEqual({ type: 'run', line: 'kubectl' })
  })

  it('prints a fresh prompt for an empty line without running anything', () => {
    const r = typeAll(ready(), '   ', '\r')
    expect(r.effects.some((e) => e.type === 'run')).toBe(false)
    expect(r.written.endsWith('\r\n$ ')).toBe(true)
    expect(r.state.busy).toBe(false)
  })

  it('recalls history with up and down, keeping the unfinished line', () => {
    let s = typeAll(ready(), 'one\r').state
    s = commandDone(s).state
    s = typeAll(s, 'two\r').state
    s = commandDone(s).state
    let r = typeAll(s, 'dra', '\x1b[A')
    expect(r.state.line).toBe('two')
    r = typeAll(r.state, '\x1b[A', '\x1b[A')
    expect(r.state.line).toBe('one')
    r = typeAll(r.state, '\x1b[B', '\x1b[B')
    expect(r.state.line).toBe('dra')
    expect(r.written.endsWith('\x1b[3D\x1b[Kdra')).toBe(true)
  })

  it('does not store a repeated command twice in history', () => {
    let s = ready()
    for (let i = 0; i < 2; i++) s = commandDone(typeAll(s, 'ls\r').state).state
    expect(s.history).toEqual(['ls'])
  })

  it('Ctrl-C at the prompt drops the line and prints a new prompt', () => {
    const r = typeAll(ready(), 'oops', '\x03')
    expect(r.written).toBe('oops^C\r\n$ ')
    expect(r.state.line).toBe('')
    expect(r.effects.some((e) => e.type === 'interrupt')).toBe(false)
  })

  it('Ctrl-C while a command runs sends interrupt and discards typeahead', () => {
    let s = typeAll(ready(), 'kubectl get pods -w\r').state
    const r = typeAll(s, 'ls', '\x03')
    expect(r.effects).toEqual([{ type: 'write', data: '^C\r\n' }, { type: 'interrupt' }])
    s = r.state
    expect(s.typeahead).toBe('')
    const done = commandDone(s)
    expect(done.effects).toEqual([{ type: 'write', data: '$ ' }])
  })

  it('Ctrl-L clears the screen and redraws the prompt and line', () => {
    const r = typeAll(ready(), 'abc', '\x1b[D', '\x0c')
    expect(r.written.endsWith('\x1b[H\x1b[2J$ abc\x1b[1D')).toBe(true)
  })

  it('runs pasted lines one by one, each after the previous finished', () => {
    let r = typeAll(ready(), 'kubectl get nodes\r\nkubectl get pods\r\n')
    expect(r.effects.filter((e) => e.type === 'run')).toEqual([{ type: 'run', line: 'kubectl get nodes' }])
    expect(r.state.typeahead).toBe('kubectl get pods\r\n')
    const d = commandDone(r.state)
    expect(d.effects).toEqual([{ type: 'write', data: '$ kubectl get pods\r\n' }, { type: 'run', line: 'kubectl get pods' }])
    expect(commandDone(d.state).effects).toEqual([{ type: 'write', data: '$ ' }])
  })

  it('holds input typed while a command runs and replays it after the prompt', () => {
    let s = typeAll(ready(), 'sleep 5\r').state
    s = typeAll(s, 'kubectl', ' get').state
    const d = commandDone(s)
    expect(d.effects).toEqual([{ type: 'write', data: '$ kubectl get' }])
    expect(d.state.line).toBe('kubectl get')
  })

  it('inserts in the middle and redraws the rest of the line', () => {
    const r = typeAll(ready(), 'kubectl pods', '\x1b[D'.repeat(4), 'get ')
    expect(r.state.line).toBe('kubectl get pods')
    expect(r.effects.at(-1)).toEqual({ type: 'write', data: 'get pods\x1b[4D' })
  })

  it('Ctrl-U deletes back to the start of the line', () => {
    const r = typeAll(ready(), 'abc def', '\x1b[D'.repeat(3), '\x15')
    expect(r.state.line).toBe('def')
    expect(r.state.cursor).toBe(0)
  })

  it('ignores unknown escape sequences and control characters', () => {
    const r = typeAll(ready(), 'a', '\x1b[1;5C', '\t', '\x04', 'b')
    expect(r.state.line).toBe('ab')
  })
})
