// The engine's web worker: the only file that touches self.onmessage/postMessage. It owns one
// World, runs the UI's requests against it, paces its virtual clock (pacer.ts) and sends what
// changed back in at most one batch per frame (outbox.ts). The engine itself never sees a timer
// or wall time: the frame loop below is the only one.
import { createWorld, SCENARIOS, type World } from '../engine/index'
import { Outbox } from './outbox'
import { Pacer } from './pacer'
import { PROTOCOL_VERSION, assertNever, type UiToWorker, type WorkerToUi } from './protocol'

/** ~60 frames a second; setInterval because requestAnimationFrame is not in every worker. */
const FRAME_MS = 16

interface Session {
  world: World
  pacer: Pacer
  outbox: Outbox
  terminalIds: string[]
  unsubscribe: (() => void)[]
  frame: ReturnType<typeof setInterval>
}

let session: Session | undefined

const scope = self as unknown as {
  postMessage(msg: WorkerToUi): void
  onmessage: ((ev: MessageEvent<UiToWorker>) => void) | null
}

function post(msg: WorkerToUi): void {
  scope.postMessage(msg)
}

function start(seed: number, scenario: string): void {
  stop()
  // An unknown scenario makes createWorld throw; guarded() reports it as fatal.
  const world = createWorld({ seed, scenario: scenario === '' ? undefined : scenario })
  const pacer = new Pacer(world, { wallNow: () => performance.now() })
  const outbox = new Outbox(pacer.state())
  const host = world.terminal('host')
  const terminalIds = [host.id]
  const unsubscribe = [
    // The first call replays every current object as an upsert: the UI's initial mirror.
    world.watchObjects((c) => outbox.addObject(c)),
    world.onAudit((e) => outbox.addAudit(e)),
    host.onOutput((data) => outbox.addOutput(host.id, data)),
    host.onDone((code) => outbox.addDone(host.id, code, host.prompt)),
  ]
  post({
    type: 'ready',
    protocol: PROTOCOL_VERSION,
    // The engine's default scenario is the first one it lists.
    scenario: scenario === '' ? (SCENARIOS[0] ?? '') : scenario,
    seed,
    terminalIds,
    prompt: host.prompt,
  })
  const frame = setInterval(() => guarded(() => onFrame(pacer, outbox)), FRAME_MS)
  session = { world, pacer, outbox, terminalIds, unsubscribe, frame }
  // The replayed objects go out at once, not a frame later: the page should be drawn quickly.
  onFrame(pacer, outbox)
}

function stop(): void {
  if (!session) return
  clearInterval(session.frame)
  for (const off of session.unsubscribe) off()
  session = undefined
}

function onFrame(pacer: Pacer, outbox: Outbox): void {
  pacer.tick()
  outbox.setClock(pacer.state())
  const batch = outbox.take()
  if (batch) post(batch)
}

function handle(msg: UiToWorker): void {
  if (msg.type === 'init') {
    start(msg.seed, msg.scenario)
    return
  }
  const s = session
  if (!s) throw new Error(`"${msg.type}" before "init"`)
  switch (msg.type) {
    case 'runLine':
      s.world.terminal(msg.terminalId).runLine(msg.line)
      return
    case 'interrupt':
      s.world.terminal(msg.terminalId).interrupt()
      return
    case 'apply': {
      const result = s.world.apply(msg.fileName, msg.content, msg.dryRun)
      post({ type: 'applyResult', id: msg.id, result })
      return
    }
    case 'clock':
      switch (msg.action) {
        case 'pause':
          s.pacer.pause()
          break
        case 'resume':
          s.pacer.resume()
          break
        case 'step':
          s.pacer.step()
          break
        case 'setSpeed':
          if (msg.speed === undefined) throw new Error('setSpeed without a speed')
          s.pacer.setSpeed(msg.speed)
          break
        default:
          assertNever(msg.action)
      }
      // The user acted on the clock: report it even when the shown second did not change.
      s.outbox.forceClock(s.pacer.state())
      return
    default:
      assertNever(msg)
  }
}

/**
 * An exception from the engine leaves the World in an unknown state: report it and stop the
 * frame loop rather than keep running a half-updated simulation.
 */
function guarded(fn: () => void): void {
  try {
    fn()
  } catch (err) {
    stop()
    const message = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err)
    post({ type: 'fatal', message })
  }
}

scope.onmessage = (ev) => guarded(() => handle(ev.data))
