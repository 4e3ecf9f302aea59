import { describe, it, expect } from 'vitest'
import { Outbox, splitTerminal } from './outbox'
import type { ObjectChange } from './protocol'

const clock = { now: 1_700_000_000_000, paused: false, speed: 1 }
const pod = (uid: string, phase: string): ObjectChange => ({
  type: 'upsert',
  uid,
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { uid, name: uid }, status: { phase } },
})

describe('Outbox', () => {
  it('squashes repeated upserts of the same uid into the latest one', () => {
    const o = new Outbox(clock)
    o.addObject(pod('a', 'Pending'))
    o.addObject(pod('b', 'Pending'))
    o.addObject(pod('a', 'Running'))
    const b = o.take()!
    expect(b.objects.map((c) => [c.uid, (c.object.status as { phase: string }).phase])).toEqual([
      ['b', 'Pending'],
      ['a', 'Running'],
    ])
  })

  it('keeps a delete that follows an upsert in the same frame', () => {
    const o = new Outbox(clock)
    o.addObject(pod('a', 'Running'))
    o.addObject({ ...pod('a', 'Running'), type: 'delete' })
    expect(o.take()!.objects.map((c) => c.type)).toEqual(['delete'])
  })

  it('sends nothing when nothing changed and the clock shows the same second', () => {
    const o = new Outbox(clock)
    expect(o.take()).toBeDefined() // the first clock state always goes out
    expect(o.take()).toBeUndefined()
    o.setClock({ ...clock, now: clock.now + 999 })
    expect(o.take()).toBeUndefined()
    o.setClock({ ...clock, now: clock.now + 1000 })
    expect(o.take()?.clock.now).toBe(clock.now + 1000)
  })

  it('sends a clock-only batch when pause or speed change', () => {
    const o = new Outbox(clock)
    o.take()
    o.setClock({ ...clock, paused: true })
    expect(o.take()?.clock.paused).toBe(true)
    o.setClock({ ...clock, paused: true, speed: 5 })
    expect(o.take()?.clock.speed).toBe(5)
  })

  it('carries audit events in order and empties after take', () => {
    const o = new Outbox(clock)
    o.take()
    const ev = (id: number) => ({ id, time: 0, user: 'kubectl', verb: 'get', method: 'GET', path: '/api/v1/pods', resource: 'pods', code: 200 })
    o.addAudit(ev(1))
    o.addAudit(ev(2))
    expect(o.take()!.audit.map((a) => a.id)).toEqual([1, 2])
    expect(o.take()).toBeUndefined()
  })

  it('holds back output that follows a done until the next batch', () => {
    const o = new Outbox(clock)
    o.take()
    o.addOutput('host', 'pod/nginx created\n')
    o.addDone('host', 0, '$ ')
    o.addOutput('host', 'late\n')
    const first = o.take()!
    expect(first.terminal).toEqual([{ terminalId: 'host', data: 'pod/nginx created\n' }])
    expect(first.done).toEqual([{ terminalId: 'host', exitCode: 0, prompt: '$ ' }])
    const second = o.take()!
    expect(second.terminal).toEqual([{ terminalId: 'host', data: 'late\n' }])
    expect(second.done).toEqual([])
  })
})

describe('splitTerminal', () => {
  it('joins adjacent chunks per terminal and keeps other terminals flowing', () => {
    const r = splitTerminal([
      { terminalId: 'host', kind: 'data', data: 'a' },
      { terminalId: 'host', kind: 'data', data: 'b' },
      { terminalId: 'vm', kind: 'data', data: 'x' },
      { terminalId: 'host', kind: 'done', exitCode: 1, prompt: '$ ' },
      { terminalId: 'vm', kind: 'data', data: 'y' },
      { terminalId: 'host', kind: 'data', data: 'c' },
    ])
    expect(r.terminal).toEqual([
      { terminalId: 'host', data: 'ab' },
      // host's done sits between them but is not output, so vm's chunks are adjacent
      { terminalId: 'vm', data: 'xy' },
    ])
    expect(r.done).toEqual([{ terminalId: 'host', exitCode: 1, prompt: '$ ' }])
    expect(r.rest).toEqual([{ terminalId: 'host', kind: 'data', data: 'c' }])
  })
})

describe('Outbox.forceClock', () => {
  it('sends the clock after a user action even within the same second', () => {
    const o = new Outbox(clock)
    o.take()
    o.forceClock({ ...clock, now: clock.now + 200, paused: true })
    expect(o.take()?.clock).toEqual({ ...clock, now: clock.now + 200, paused: true })
    expect(o.take()).toBeUndefined()
  })
})
