import { describe, it, expect } from 'vitest'
import { Pacer, type PacedWorld } from './pacer'

/** A world that only records time: the pacer's arithmetic is all that is under test. */
function fakeWorld(start = 1_000_000, timers: number[] = []): PacedWorld & { calls: number[] } {
  let now = start
  const calls: number[] = []
  return {
    calls,
    now: () => now,
    nextDueAt: () => timers.find((t) => t > now),
    advanceTo(t: number) {
      if (t < now) throw new Error('virtual clock cannot go back')
      calls.push(t)
      now = t
    },
  }
}

function fakeWall(start = 0) {
  let t = start
  return { now: () => t, add: (ms: number) => (t += ms) }
}

describe('Pacer', () => {
  it('advances virtual time by wall time at 1x', () => {
    const w = fakeWorld(), wall = fakeWall()
    const p = new Pacer(w, { wallNow: wall.now })
    wall.add(16)
    p.tick()
    wall.add(17)
    p.tick()
    expect(w.now()).toBe(1_000_033)
  })

  it.each([
    [0.25, 100, 25],
    [0.5, 100, 50],
    [2, 100, 200],
    [20, 100, 2000],
  ])('at %sx, %s ms of wall time are %s ms of virtual time', (speed, wallMs, virtualMs) => {
    const w = fakeWorld(), wall = fakeWall()
    const p = new Pacer(w, { wallNow: wall.now, speed })
    for (let i = 0; i < wallMs / 10; i++) {
      wall.add(10)
      p.tick()
    }
    expect(w.now() - 1_000_000).toBe(virtualMs)
  })

  it('carries fractions of a millisecond instead of losing them', () => {
    const w = fakeWorld(), wall = fakeWall()
    const p = new Pacer(w, { wallNow: wall.now, speed: 0.25 })
    for (let i = 0; i < 3; i++) {
      wall.add(1)
      p.tick()
    }
    expect(w.calls).toEqual([])
    wall.add(1)
    p.tick()
    expect(w.calls).toEqual([1_000_001])
  })

  it('does not move while paused, and does not jump on resume', () => {
    const w = fakeWorld(), wall = fakeWall()
    const p = new Pacer(w, { wallNow: wall.now })
    p.pause()
    wall.add(5000)
    p.tick()
    expect(w.now()).toBe(1_000_000)
    wall.add(3000)
    p.resume()
    wall.add(10)
    p.tick()
    expect(w.now()).toBe(1_000_010)
    expect(p.state()).toEqual({ now: 1_000_010, paused: false, speed: 1 })
  })

  it('caps one frame at maxFrameMs of wall time', () => {
    const w = fakeWorld(), wall = fakeWall()
    const p = new Pacer(w, { wallNow: wall.now, speed: 2, maxFrameMs: 250 })
    wall.add(60_000)
    p.tick()
    expect(w.now()).toBe(1_000_500)
  })

  it('ignores a wall clock that goes backwards', () => {
    const w = fakeWorld(), wall = fakeWall(100)
    const p = new Pacer(w, { wallNow: wall.now })
    wall.add(-50)
    p.tick()
    expect(w.calls).toEqual([])
  })

  it('paces from world.now(), so a command that moved the world is not undone', () => {
    const w = fakeWorld(), wall = fakeWall()
    const p = new Pacer(w, { wallNow: wall.now })
    w.advanceTo(1_005_000)
    wall.add(10)
    p.tick()
    expect(w.now()).toBe(1_005_010)
  })

  it('step pauses and runs to the next engine timer', () => {
    const w = fakeWorld(1_000_000, [1_000_750, 1_002_000])
    const p = new Pacer(w, { wallNow: fakeWall().now })
    p.step()
    expect(w.now()).toBe(1_000_750)
    expect(p.state().paused).toBe(true)
    p.step()
    expect(w.now()).toBe(1_002_000)
    p.step()
    expect(w.now()).toBe(1_002_000) // no timer left: nothing to do
  })

  it('refuses speeds that are not offered', () => {
    const p = new Pacer(fakeWorld(), { wallNow: fakeWall().now })
    expect(() => p.setSpeed(3)).toThrow(/unsupported speed 3/)
    p.setSpeed(5)
    expect(p.state().speed).toBe(5)
  })
})
