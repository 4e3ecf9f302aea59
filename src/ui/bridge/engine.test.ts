import { describe, it, expect } from 'vitest'
import { WorkerEngine, type TerminalEvent } from './engine'
import { useMirror } from '../state/mirrorStore'
import type { UiToWorker, WorkerToUi } from '../../worker/protocol'

/** Just enough of a Worker: records what the UI posts, lets the test play the worker's part. */
class FakeWorker {
  posted: UiToWorker[] = []
  onmessage: ((ev: MessageEvent<WorkerToUi>) => void) | null = null
  onerror: ((ev: ErrorEvent) => void) | null = null
  postMessage(msg: UiToWorker) {
    this.posted.push(msg)
  }
  send(msg: WorkerToUi) {
    this.onmessage?.({ data: msg } as MessageEvent<WorkerToUi>)
  }
}

const clock = { now: 1_000, paused: false, speed: 1 }
const batch = (over: Partial<Extract<WorkerToUi, { type: 'batch' }>>): WorkerToUi => ({ type: 'batch', objects: [], audit: [], terminal: [], done: [], clock, ...over })

function setup() {
  const w = new FakeWorker()
  const engine = new WorkerEngine(w as unknown as Worker)
  engine.start({ seed: 7, scenario: '' })
  return { w, engine }
}

describe('WorkerEngine', () => {
  it('starts the world with the seed and scenario', () => {
    expect(setup().w.posted).toEqual([{ type: 'init', seed: 7, scenario: '' }])
  })

  it('replays terminal events that arrived before the terminal attached, in order', () => {
    const { w, engine } = setup()
    w.send({ type: 'ready', protocol: 1, scenario: 'kind', seed: 7, terminalIds: ['host'], prompt: '$ ' })
    w.send(batch({ terminal: [{ terminalId: 'host', data: 'hello\n' }], done: [{ terminalId: 'host', exitCode: 0, prompt: '$ ' }] }))
    const seen: TerminalEvent[] = []
    engine.attachTerminal('host', (e) => seen.push(e))
    w.send(batch({ terminal: [{ terminalId: 'host', data: 'more' }] }))
    expect(seen).toEqual([
      { kind: 'ready', prompt: '$ ' },
      { kind: 'data', data: 'hello\n' },
      { kind: 'done', exitCode: 0, prompt: '$ ' },
      { kind: 'data', data: 'more' },
    ])
  })

  it('applies a batch to the mirror', () => {
    const { w } = setup()
    w.send({ type: 'ready', protocol: 1, scenario: 'kind', seed: 7, terminalIds: ['host'], prompt: '$ ' })
    w.send(batch({ objects: [{ type: 'upsert', uid: 'n1', object: { kind: 'Node', metadata: { uid: 'n1', name: 'kind-worker' } } }] }))
    const s = useMirror.getState()
    expect(s.phase).toBe('ready')
    expect(s.uidsByKind.Node).toEqual(['n1'])
    expect(s.clock).toEqual(clock)
  })

  it('resolves apply with the matching result', async () => {
    const { w, engine } = setup()
    const p = engine.apply('pod.yaml', 'kind: Pod', true)
    const sent = w.posted.at(-1) as Extract<UiToWorker, { type: 'apply' }>
    expect(sent).toMatchObject({ type: 'apply', fileName: 'pod.yaml', content: 'kind: Pod', dryRun: true })
    const result = { stdout: 'pod/web created (server dry run)\n', stderr: '', exitCode: 0, fieldErrors: [] }
    w.send({ type: 'applyResult', id: sent.id, result })
    await expect(p).resolves.toEqual(result)
  })
})
