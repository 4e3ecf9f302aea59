// Paces the World's virtual clock against wall time at the speed the user picked (DESIGN.md §2).
// The engine never sees wall time: the worker calls `tick()` once per frame and the pacer turns
// the wall time elapsed since the last frame into `world.advanceTo(...)`.
//
// Arithmetic, and why:
// - Virtual time advances by (wall elapsed × speed), in whole milliseconds; the fraction is
//   carried to the next frame, so 0.25x still moves (a quarter millisecond per wall millisecond)
//   and no time is lost or invented by rounding.
// - The target is computed from `world.now()` each frame, not from a wall-time anchor: commands
//   and `step` may move the world forward on their own, and the pacer must never ask it to go
//   back (the virtual clock refuses to).
// - A frame's wall gap is capped (`maxFrameMs`): a throttled background tab or a breakpoint
//   resumes calmly instead of firing minutes of timers at once.
// - While paused, frames still consume wall time, so resuming does not jump.
import { SPEEDS, type ClockState } from './protocol'

/** The part of the engine's World the pacer drives. */
export interface PacedWorld {
  now(): number
  nextDueAt(): number | undefined
  advanceTo(t: number): void
}

export interface PacerOptions {
  /** Wall clock in milliseconds (performance.now in the worker; a fake in tests). */
  wallNow: () => number
  speed?: number
  paused?: boolean
  /** Largest wall gap one frame may turn into virtual time. */
  maxFrameMs?: number
}

export const DEFAULT_MAX_FRAME_MS = 250

export class Pacer {
  private readonly world: PacedWorld
  private readonly wallNow: () => number
  private readonly maxFrameMs: number
  private lastWall: number
  private carry = 0
  private speed: number
  private paused: boolean

  constructor(world: PacedWorld, opts: PacerOptions) {
    this.world = world
    this.wallNow = opts.wallNow
    this.maxFrameMs = opts.maxFrameMs ?? DEFAULT_MAX_FRAME_MS
    this.speed = opts.speed ?? 1
    this.paused = opts.paused ?? false
    this.lastWall = this.wallNow()
  }

  state(): ClockState {
    return { now: this.world.now(), paused: this.paused, speed: this.speed }
  }

  /** One frame: advance virtual time by the wall time since the previous frame × speed. */
  tick(): void {
    const wall = this.wallNow()
    const elapsed = Math.min(Math.max(wall - this.lastWall, 0), this.maxFrameMs)
    this.lastWall = wall
    if (this.paused) return
    this.carry += elapsed * this.speed
    const whole = Math.floor(this.carry)
    if (whole <= 0) return
    this.carry -= whole
    this.world.advanceTo(this.world.now() + whole)
  }

  pause(): void {
    this.paused = true
    this.carry = 0
  }

  resume(): void {
    // Whatever wall time passed before this call belongs to the pause.
    this.lastWall = this.wallNow()
    this.paused = false
  }

  /** Pauses, then runs virtual time to the next engine timer (and all work due then). */
  step(): void {
    this.pause()
    const now = this.world.now()
    const due = this.world.nextDueAt()
    if (due === undefined) return
    this.world.advanceTo(Math.max(due, now))
  }

  setSpeed(speed: number): void {
    if (!isSpeed(speed)) throw new Error(`unsupported speed ${speed}; expected one of ${SPEEDS.join(', ')}`)
    this.speed = speed
  }
}

export function isSpeed(x: number): boolean {
  return (SPEEDS as readonly number[]).includes(x)
}
