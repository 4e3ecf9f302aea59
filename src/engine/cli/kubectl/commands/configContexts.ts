// The kubeconfig context commands: current-context, get-contexts, use-context, set-context.
// Mirrors: k8s.io/kubectl pkg/cmd/config current_context.go (RunCurrentContext),
// get_contexts.go (RunGetContexts, printContextHeaders, printContext; only "" and "name"
// output), use_context.go (complete, validate, run) and create_context.go (complete, validate,
// run, modifyContext: only flags given on the command line change the context), with
// config.go's helpErrorf (the command's help on stdout, then the error) and cmdutil.CheckErr's
// aggregate rule (one error: "error: <msg>"; several: one bare line each).
// Behaviour and texts checked against the real kubectl 1.32.

import { commandHelp } from '../cmd/parse'
import type { Factory } from '../factory'
import { KubectlExit } from '../factory'
import type { Kubeconfig, KubeconfigContext, LoadedKubeconfig } from '../kubeconfig'
import { compareGoStrings, goQuote } from '../../../api/goValues'
import { TabWriter } from '../printers/tabwriter'
import { getStartingConfig, modifyConfig, pathOptions, type PathOptions } from './configAccess'

function fail(message: string): never {
  throw new KubectlExit(`error: ${message}\n`, 1)
}

function access(f: Factory): PathOptions {
  return pathOptions(f.p.host.fs, (p) => f.p.resolve(p), f.str('kubeconfig'), f.p.env, f.p.host.home)
}

function startingConfig(o: PathOptions): LoadedKubeconfig {
  const loaded = getStartingConfig(o)
  if (!loaded.ok) fail(loaded.error)
  return loaded
}

/** Go's %v of a []string: "[a b]". */
function goList(args: readonly string[]): string {
  return `[${args.join(' ')}]`
}

/** helpErrorf: the command's help on stdout, then "error: <msg>". */
function helpError(f: Factory, msg: string): never {
  f.p.out(commandHelp(f.cmd.path, { terminalWidth: f.p.columns }) ?? '')
  fail(msg)
}

/** `kubectl config current-context` (extra arguments are ignored, as upstream). */
export function configCurrentContext(f: Factory): void {
  const { config } = startingConfig(access(f))
  const current = config['current-context'] ?? ''
  if (current === '') fail('current-context is not set')
  f.p.out(`${current}\n`)
  f.p.exit(0)
}

/**
 * The get-contexts table (or names), and the "context X not found" errors for requested names,
 * as kubectl prints them: rows sorted by name, a "*" on the current context.
 */
export function getContextsOutput(
  config: Kubeconfig,
  requested: readonly string[],
  opts: { nameOnly: boolean; noHeaders: boolean },
): { stdout: string; errors: string[] } {
  const contexts = new Map((config.contexts ?? []).map((c) => [c.name, c.context ?? {}]))
  const errors: string[] = []
  let toPrint: string[]
  if (requested.length === 0) toPrint = [...contexts.keys()]
  else {
    toPrint = []
    for (const name of requested) {
      if (contexts.has(name)) toPrint.push(name)
      else errors.push(`context ${name} not found`)
    }
  }
  toPrint.sort(compareGoStrings)
  const w = new TabWriter(6, 4, 3, ' ', 0)
  if (!opts.noHeaders && !opts.nameOnly) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n')
  for (const name of toPrint) {
    if (opts.nameOnly) {
      w.write(`${name}\n`)
      continue
    }
    const c = contexts.get(name) as KubeconfigContext
    const prefix = config['current-context'] === name ? '*' : ' '
    w.write(`${prefix}\t${name}\t${c.cluster ?? ''}\t${c.user ?? ''}\t${c.namespace ?? ''}\n`)
  }
  return { stdout: w.flush(), errors }
}

/** `kubectl config get-contexts [NAME...] [-o name] [--no-headers]`. */
export function configGetContexts(f: Factory): void {
  const output = f.str('output')
  if (output !== '' && output !== 'name') {
    fail(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`)
  }
  const { config } = startingConfig(access(f))
  const { stdout, errors } = getContextsOutput(config, f.cmd.args, { nameOnly: output === 'name', noHeaders: f.bool('no-headers') })
  f.p.out(stdout)
  if (errors.length === 1) fail(errors[0])
  if (errors.length > 1) throw new KubectlExit(errors.map((e) => `${e}\n`).join(''), 1)
  f.p.exit(0)
}

/** `kubectl config use-context NAME` (alias `use`). */
export function configUseContext(f: Factory): void {
  const args = f.cmd.args
  if (args.length !== 1) helpError(f, `Unexpected args: ${goList(args)}`)
  const name = args[0]
  const o = access(f)
  const starting = startingConfig(o)
  if (name === '') fail('empty context names are not allowed')
  if (!(starting.config.contexts ?? []).some((c) => c.name === name)) fail(`no context exists with the name: ${goQuote(name)}`)
  const err = modifyConfig(o, starting, { ...starting.config, 'current-context': name })
  if (err) fail(err)
  f.p.out(`Switched to context ${goQuote(name)}.\n`)
  f.p.exit(0)
}

/** `kubectl config set-context [NAME | --current] [--cluster=...] [--user=...] [--namespace=...]`. */
export function configSetContext(f: Factory): void {
  const args = f.cmd.args
  if (args.length > 1) helpError(f, `Unexpected args: ${goList(args)}`)
  const current = f.bool('current')
  const given = args[0] ?? ''
  if (given === '' && !current) fail('you must specify a non-empty context name or --current')
  if (given !== '' && current) fail('you cannot specify both a context name and --current')
  const o = access(f)
  const starting = startingConfig(o)
  let name = given
  if (current) {
    name = starting.config['current-context'] ?? ''
    if (name === '') fail('no current context is set')
  }
  const existing = (starting.config.contexts ?? []).find((c) => c.name === name)
  // modifyContext: only the flags given change the context, even to "".
  const context: KubeconfigContext = { ...(existing?.context ?? {}) }
  if (f.changed('cluster')) context.cluster = f.str('cluster')
  if (f.changed('user')) context.user = f.str('user')
  if (f.changed('namespace')) context.namespace = f.str('namespace')
  const contexts = (starting.config.contexts ?? []).filter((c) => c.name !== name)
  const err = modifyConfig(o, starting, { ...starting.config, contexts: [...contexts, { name, context }] })
  if (err) fail(err)
  f.p.out(`Context ${goQuote(name)} ${existing ? 'modified' : 'created'}.\n`)
  f.p.exit(0)
}
