// The engine's public surface for src/worker, scripts/ and tests.
export { createWorld, World, SCENARIOS, DEFAULT_START_TIME, type WorldOptions } from './world'
export type { AuditEvent, ObjectChange, ClockState, TerminalSession, ApplyResult } from './publicTypes'
