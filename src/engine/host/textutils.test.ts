import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorld } from '../world'
import { breToJs } from './textutils'

const FILES: Record<string, string> = {
  'pods.txt': 'NAME    READY   STATUS\nweb-1   1/1     Running\nweb-2   0/1     Pending\ndb-1    1/1     Running\n',
  'two.txt': 'alpha beta\ngamma\n',
}

// Each line runs in Podlab's shell and in the machine's bash with GNU coreutils and grep.
const CASES = [
  'cat pods.txt | head -n 2',
  'head -2 pods.txt',
  'tail -n 2 pods.txt',
  'tail -n 1 pods.txt two.txt',
  'wc -l pods.txt',
  'wc pods.txt two.txt',
  'cat pods.txt | wc -l',
  'cat pods.txt | wc',
  'grep Running pods.txt',
  'grep -c Running pods.txt',
  'grep -v Running pods.txt',
  'grep -n -i web pods.txt',
  'grep -E "Pending|db" pods.txt',
  'grep "web-\\(1\\|2\\)" pods.txt',
  'grep -o "web-[0-9]" pods.txt',
  'grep -w db pods.txt two.txt',
  'grep -x gamma two.txt',
  'grep nothing pods.txt; echo $?',
  'grep web missing.txt; echo $?',
  'head -n x pods.txt; echo $?',
]

function bash(line: string, dir: string): string {
  try {
    return execFileSync('bash', ['-c', `{ ${line}; } 2>&1`], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } })
  } catch (e) {
    return (e as { stdout?: string }).stdout ?? ''
  }
}

function podlab(line: string): string {
  const world = createWorld({ scenario: 'empty' })
  for (const [name, text] of Object.entries(FILES)) world.host.fs.writeFile(`/root/${name}`, text)
  const term = world.terminal('t')
  let out = ''
  term.onOutput((d) => (out += d))
  term.runLine(line)
  return out
}

function gnuTools(): boolean {
  try {
    return execFileSync('bash', ['-c', 'grep --version; wc --version'], { encoding: 'utf8' }).includes('GNU')
  } catch {
    return false
  }
}
const hasGnu = gnuTools()
if (!hasGnu) console.log('skipping: GNU grep/coreutils not found to compare with')

describe.skipIf(!hasGnu)('head, tail, wc and grep print what GNU prints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-textutils-'))
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text)
  it.each(CASES)('%s', (line) => {
    expect(podlab(line)).toBe(bash(line, dir))
  })
})

describe('breToJs', () => {
  it('turns escaped BRE operators into JS operators and plain ones into literals', () => {
    expect(breToJs('a\\(b\\|c\\)+?')).toBe('a(b|c)\\+\\?')
    expect(breToJs('[(]x')).toBe('[(]x')
  })
})
