// The headless runner: `npm run sim -- [--seed N] [--scenario NAME] [--workspace DIR] [FILE]`.
// Runs a terminal session (FILE, or standard input) against a fresh World and prints the
// transcript exactly as the page's terminal shows it. Same seed, same transcript.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { createWorld, SCENARIOS } from '../src/engine/index'
import { runTranscript } from '../src/engine/sim/transcript'

function usage(message: string): never {
  process.stderr.write(`sim: ${message}\nusage: npm run sim -- [--seed N] [--scenario ${SCENARIOS.join('|')}] [--workspace DIR] [FILE]\n`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '1' }, scenario: { type: 'string', default: SCENARIOS[0] }, workspace: { type: 'string' } },
  })
} catch (e) {
  usage(e instanceof Error ? e.message : String(e))
}
const { values, positionals } = parsed
if (positionals.length > 1) usage('at most one session file')
const seed = Number(values.seed)
if (!Number.isSafeInteger(seed)) usage(`--seed must be an integer, not "${values.seed}"`)
const scenario = values.scenario!
if (!(SCENARIOS as readonly string[]).includes(scenario)) {
  usage(`unknown scenario "${scenario}": known scenarios are ${SCENARIOS.join(', ')}`)
}

const session = positionals[0] !== undefined ? readFileSync(positionals[0], 'utf8') : readFileSync(0, 'utf8')
const world = createWorld({ seed, scenario })

/** Copies the workspace's text files into the simulated home directory (the starting cwd). */
function copyWorkspace(dir: string): void {
  const home = world.host.home
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name)
      const rel = relative(dir, p)
      if (statSync(p).isDirectory()) {
        world.host.fs.mkdirAll(`${home}/${rel}`)
        walk(p)
      } else world.host.fs.writeFile(`${home}/${rel}`, readFileSync(p, 'utf8'))
    }
  }
  walk(dir)
}
if (values.workspace !== undefined) {
  try {
    copyWorkspace(values.workspace)
  } catch (e) {
    usage(`--workspace ${values.workspace}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

runTranscript(world, session, { onText: (t) => process.stdout.write(t) })
