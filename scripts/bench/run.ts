// npm run bench: measures Podlab's performance budgets and prints one JSON line per measure:
//   {"bench":"boot",...}            createWorld({seed:1}) to Ready nodes and Running system pods
//   {"bench":"schedule-100-nodes",...} pods bound per second on a 100-node kind cluster
//   {"bench":"schedule-100-nodes-scheduler-only",...} the same with Node objects and no kubelets,
//                                   as upstream's scheduler_perf measures the scheduler
//   {"bench":"initial-js",...}      gzip KB of the JS the page loads before Monaco
// Benchmarks measure; they never fail on wall time (STYLE.md §8, DESIGN.md). `met` says whether
// the goal was reached on this machine. `npm run bench -- boot` runs only the named measures.
import { gzipSync } from 'node:zlib'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorld, DEFAULT_START_TIME } from '../../src/engine/index'
import { clusterReady } from '../../src/engine/world'
import type { Pod } from '../../src/engine/api/types'
import { kindWorldWithNodes, schedulerOnlyWorld } from './world'

type Line = Record<string, unknown> & { bench: string }

function emit(line: Line): void {
  console.log(JSON.stringify(line))
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits))

/** (a) Default world boot: wall ms of createWorld({seed: 1}), median after warm-ups. */
function benchBoot(): Line {
  const WARMUP = 2
  const RUNS = 7
  const times: number[] = []
  let ready = false
  let virtualMs = 0
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now()
    const world = createWorld({ seed: 1 })
    const wall = performance.now() - t0
    if (i >= WARMUP) times.push(wall)
    ready = clusterReady(world.cluster!)
    virtualMs = world.now() - DEFAULT_START_TIME
  }
  const wallMs = round(median(times))
  // createWorld runs virtual time until the cluster is ready or 5 virtual minutes pass; `ready`
  // false means it timed out, and the wall time then measures the timeout, not a boot.
  return { bench: 'boot', wallMs, goal: '<=250', met: ready && wallMs <= 250, ready, virtualMs, runsMs: times.map((t) => round(t)) }
}

/** (b) Pods bound per second with 100 nodes: create N pods, wall time until the last is bound. */
function benchSchedule(): Line {
  return scheduleBench('schedule-100-nodes', kindWorldWithNodes)
}

/** The same, scheduler_perf style: Node objects without kubelets, so only scheduling is timed. */
function benchScheduleOnly(): Line {
  return scheduleBench('schedule-100-nodes-scheduler-only', schedulerOnlyWorld)
}

function scheduleBench(bench: string, makeWorld: typeof kindWorldWithNodes): Line {
  const NODES = 100
  const PODS = 3000
  const once = (pods: number) => {
    const { world, cluster } = makeWorld(NODES)
    const c = cluster.client('bench')
    let bound = 0
    let lastBoundAt = 0
    const seen = new Set<string>()
    // A watch sees each binding as it is written, so the clock stops at the last bind even
    // though the kubelets keep working on the new pods in the same drain.
    const w = c.watch('pods', 'bench', {}, (e) => {
      const pod = e.object as Pod
      const name = pod.metadata!.name!
      if (pod.spec?.nodeName && !seen.has(name)) {
        seen.add(name)
        bound++
        lastBoundAt = performance.now()
      }
    })
    if (w.code !== 200) throw new Error(`schedule bench: watch failed: ${w.error?.message}`)
    c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } })
    world.runUntilIdle()
    const t0 = performance.now()
    for (let i = 0; i < pods; i++) {
      c.create<Pod>('pods', 'bench', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `bench-${i}`, labels: { app: 'bench' } },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      })
    }
    const created = performance.now()
    world.runUntilIdle()
    const drained = performance.now()
    w.stop()
    if (bound !== pods) throw new Error(`schedule bench: only ${bound} of ${pods} pods were bound`)
    return { totalMs: lastBoundAt - t0, createMs: created - t0, drainMs: drained - created }
  }
  once(300) // warm-up
  const runs = [once(PODS), once(PODS), once(PODS)]
  const totalMs = median(runs.map((r) => r.totalMs))
  const podsPerSecond = Math.round(PODS / (totalMs / 1000))
  return {
    bench,
    podsPerSecond,
    goal: '>=10000',
    met: podsPerSecond >= 10_000,
    nodes: NODES,
    pods: PODS,
    wallMs: round(totalMs),
    createMs: round(median(runs.map((r) => r.createMs))),
    drainMs: round(median(runs.map((r) => r.drainMs))),
  }
}

/** (c) gzip KB of the JS the built page loads at start, before any dynamic import (Monaco). */
function benchInitialJs(): Line[] {
  const out = mkdtempSync(join(tmpdir(), 'podlab-bench-'))
  try {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    const urls = new Set<string>()
    for (const m of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1]!)
    for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) urls.add(m[1]!)
    const file = (url: string) => join(out, url.replace(/^\//, ''))
    const gz = (url: string) => gzipSync(readFileSync(file(url)), { level: 9 }).length
    const initial = [...urls].map((url) => ({ url, gzipBytes: gz(url) }))
    // The engine worker is started at boot too, on its own thread: reported apart, no goal.
    const workers = new Set<string>()
    for (const { url } of initial) {
      const src = readFileSync(file(url), 'utf8')
      for (const m of src.matchAll(/new Worker\(\s*new URL\(\s*[`'"]([^`'"]+\.js)[`'"]/g)) workers.add(m[1]!)
    }
    const kb = (bytes: number) => round(bytes / 1024)
    const total = initial.reduce((s, f) => s + f.gzipBytes, 0)
    const lines: Line[] = [
      {
        bench: 'initial-js',
        gzipKB: kb(total),
        goal: '<=200',
        met: kb(total) <= 200,
        files: initial.map((f) => `${f.url.replace(/^\/assets\//, '')} ${kb(f.gzipBytes)}`),
      },
    ]
    const workerFiles = [...workers].filter((u) => existsSync(file(u)))
    if (workerFiles.length) {
      lines.push({
        bench: 'engine-worker-js',
        gzipKB: kb(workerFiles.reduce((s, u) => s + gz(u), 0)),
        files: workerFiles.map((u) => u.replace(/^\/assets\//, '')),
      })
    }
    return lines
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

const BENCHES: Record<string, () => Line | Line[]> = {
  boot: benchBoot,
  schedule: benchSchedule,
  'schedule-only': benchScheduleOnly,
  'initial-js': benchInitialJs,
}

const wanted = process.argv.slice(2)
for (const name of wanted) {
  if (!(name in BENCHES)) {
    console.error(`bench: unknown measure "${name}": known measures are ${Object.keys(BENCHES).join(', ')}`)
    process.exit(2)
  }
}
let failed = false
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(name)) continue
  try {
    const r = run()
    for (const line of Array.isArray(r) ? r : [r]) emit(line)
  } catch (e) {
    failed = true
    emit({ bench: name, error: e instanceof Error ? e.message : String(e) })
  }
}
process.exit(failed ? 1 : 0)
