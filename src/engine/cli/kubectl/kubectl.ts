// The `kubectl` program: argv to a parsed command (cmd/parse.ts), then the command's
// implementation in commands/. Mirrors k8s.io/kubectl/pkg/cmd/cmd.go's dispatch and
// cmdutil.CheckErr: an error ends the command with its message on stderr and exit code 1.
// A command kubectl has but Podlab does not simulate yet says so plainly instead of pretending.

import type { Program } from '../../shell/proc'
import { parseKubectl } from './cmd/parse'
import { Factory, KubectlExit, type ApiEndpoints } from './factory'
import { KUBECTL_COMMANDS } from './commands/index'
import { unsimulatedCommand } from './unsimulated'

/** A command path Podlab has: parsed by cmd/ and run by commands/ (help and options need no run). */
function isImplemented(path: string): boolean {
  return path in KUBECTL_COMMANDS || path === 'help' || path === 'options' || Object.keys(KUBECTL_COMMANDS).some((k) => k.startsWith(`${path} `))
}

export function kubectlProgram(endpoints: ApiEndpoints): Program {
  return (p) => {
    const missing = unsimulatedCommand(p.argv.slice(1), isImplemented)
    if (missing) {
      p.err(`error: "kubectl ${missing}" is not simulated by Podlab yet\n`)
      return p.exit(1)
    }
    const parsed = parseKubectl(p.argv.slice(1), { terminalWidth: p.columns })
    if (parsed.kind === 'error') {
      p.err(parsed.text)
      return p.exit(parsed.exitCode)
    }
    if (parsed.kind === 'help') {
      p.err(parsed.stderr)
      p.out(parsed.stdout)
      return p.exit(parsed.exitCode)
    }
    p.err(parsed.stderr)
    const name = parsed.path.join(' ')
    const command = KUBECTL_COMMANDS[name]
    if (!command) {
      p.err(`error: "kubectl ${name}" is not simulated by Podlab yet\n`)
      return p.exit(1)
    }
    const f = new Factory(p, parsed, endpoints)
    // A command either finishes inside run() or keeps running on virtual time (watches,
    // waits) and exits later; a KubectlExit thrown later is caught by the command's own
    // callbacks through f.guard().
    runGuarded(p, () => command(f))
  }
}

/** Runs part of a command, turning a KubectlExit into kubectl's output and exit code. */
export function runGuarded(p: Parameters<Program>[0], fn: () => void): void {
  try {
    fn()
  } catch (e) {
    if (!(e instanceof KubectlExit)) throw e
    p.err(e.text)
    p.exit(e.code)
  }
}
