// kubectl's command line, from argv to "run this command with these flags and arguments", or to
// the help text, or to the exact error kubectl prints and its exit code.
// Mirrors, in the order kubectl runs them: k8s.io/kubectl/pkg/cmd/cmd.go
// (NewDefaultKubectlCommandWithArgs: the plugin lookup, HandlePluginCommand's "flags cannot be
// placed before plugin name"), cobra v1.8.1 command.go (ExecuteC: the help command, Find;
// execute: ParseFlags and its warnings, the help flag, the root's PersistentPreRunE (kubectl's
// profiling.go initProfiling), ValidateRequiredFlags, Run), kubectl's
// templater.FlagErrorFunc ("See 'kubectl get --help' for usage."), cmdutil.CheckErr/fatal
// ("error: " prefix, exit 1), cmdutil.DefaultSubCommandRun and RequireNoArguments (commands that
// only group subcommands), cobra's help command, runHelp (bare `kubectl`), and the options
// command.
// Left out: looking up and running kubectl-* plugins (Podlab has none, so the lookup always
// fails and kubectl carries on as here), shell completion (__complete), -v=99 fatal logging.
// Every usage error kubectl prints exits with code 1 (cmdutil.DefaultErrorExitCode).

import { goQuote } from '../../../api/goValues'
import { find } from './find'
import { parseFlags } from './flagParse'
import type { FlagValue } from './flagValues'
import { goSharpQ } from './goStrconv'
import { helpText, isOptionsCommand, optionsText, usageText, type TerminalOptions } from './help'
import { kubectlRoot } from './specs/index'
import type { CommandSpec } from './spec'
import { buildTree, commandName, commandPath, mergedFlags, pathNames, sortFlags, type CommandNode } from './tree'

export type { FlagValue }

export type ParseResult =
  | {
      kind: 'run'
      /** The command words below the root: ['get'], ['config', 'view'], ['create', 'namespace']. */
      path: string[]
      /** Every flag of the command, globals included, by long name; defaults for those not given. */
      flags: Record<string, FlagValue>
      /** The flags the command line set (cobra's Flags().Changed). */
      changed: Set<string>
      /** Positional arguments. */
      args: string[]
      /** Positional arguments before "--" (cobra ArgsLenAtDash); -1 without "--". */
      argsLenAtDash: number
      /** Text for stderr before the command runs ("Flag --record has been deprecated, ..."). */
      stderr: string
    }
  | {
      /** Output kubectl prints without running anything: help texts and `kubectl options`. */
      kind: 'help'
      stdout: string
      stderr: string
      exitCode: number
    }
  | {
      kind: 'error'
      /** The exact stderr bytes, final newline included. */
      text: string
      exitCode: number
    }

export type ParseOptions = TerminalOptions

/** initProfiling's accepted --profile names: none, cpu, and runtime/pprof's profiles (Go 1.23). */
const pprofProfiles = ['none', 'cpu', 'goroutine', 'threadcreate', 'heap', 'allocs', 'block', 'mutex']

/** cmdutil.DefaultErrorExitCode: every error below exits with it. */
export const usageErrorExitCode = 1

/** cmdutil.CheckErr's fatal(): "error: " unless already there, and a final newline. */
function checkErr(msg: string, prefix = ''): ParseResult {
  let text = msg.startsWith('error: ') ? msg : `error: ${msg}`
  if (!text.endsWith('\n')) text += '\n'
  return { kind: 'error', text: prefix + text, exitCode: usageErrorExitCode }
}

/**
 * cmdutil.UsageErrorf as CheckErr prints it: "error: <msg>\nSee 'kubectl create -h' for help and
 * examples\n", exit 1. For the command implementations' own argument checks.
 */
export function usageError(commandPathText: string, msg: string): { text: string; exitCode: number } {
  return { text: `error: ${msg}\nSee '${commandPathText} -h' for help and examples\n`, exitCode: usageErrorExitCode }
}

/**
 * The help for a command path, as `kubectl <path> --help` prints it; undefined for a path not in
 * the tree. For command implementations that print their help (cmdutil's helpErrorf).
 */
export function commandHelp(
  path: string[],
  opts: TerminalOptions = {},
  root: CommandSpec = kubectlRoot,
): string | undefined {
  let node: CommandNode | undefined = buildTree(root, true)
  for (const word of path) node = node?.children.find((c) => commandName(c) === word)
  return node ? helpText(node, opts) : undefined
}

/**
 * Parses kubectl's arguments (argv without the word "kubectl") as kubectl 1.32 does.
 * @example parseKubectl(['-n', 'kube-system', 'get', 'pods']).kind // 'run', path ['get'], args ['pods']
 * @example parseKubectl(['gett']) // error: unknown command "gett" for "kubectl" ... Did you mean this?\n\tget\n
 */
export function parseKubectl(argv: string[], opts: ParseOptions = {}, root: CommandSpec = kubectlRoot): ParseResult {
  // kubectl looks for a plugin when the arguments name no command. Cobra's help command does not
  // exist yet at that point, and "help" itself is exempt. A plugin name cannot start with "-".
  if (argv.length > 0 && !['help', '__complete', '__completeNoDesc'].includes(argv[0])) {
    const early = find(buildTree(root, false), argv)
    if (early.error && argv[0].startsWith('-')) {
      return { kind: 'error', text: `Error: flags cannot be placed before plugin name: ${argv[0]}\n`, exitCode: 1 }
    }
  }

  const tree = buildTree(root, true)
  const found = find(tree, argv)
  if (found.error) return checkErr(found.error)
  const node = found.node
  const path = commandPath(node)

  const parsed = parseFlags(mergedFlags(node, true), found.args)
  if (!parsed.ok) {
    // templater.FlagErrorFunc; the options command asks to be run without flags.
    const hint = isOptionsCommand(node) ? `Run '${path}' without flags.` : `See '${path} --help' for usage.`
    return checkErr(`${parsed.error}\n${hint}`)
  }
  const warnings = parsed.warnings

  if (parsed.values.help === true) return { kind: 'help', stdout: helpText(node, opts), stderr: warnings, exitCode: 0 }

  // The root's PersistentPreRunE, for every command: kubectl's initProfiling rejects a profile
  // name runtime/pprof does not know. (With a known one kubectl writes a profile file on exit;
  // Podlab writes none.)
  const profile = parsed.values.profile
  if (typeof profile === 'string' && !pprofProfiles.includes(profile)) {
    return checkErr(`unknown profile '${profile}'`, warnings)
  }

  // ValidateRequiredFlags.
  const missing = sortFlags(mergedFlags(node, false)).filter((f) => f.required && !parsed.changed.has(f.name))
  if (missing.length > 0) {
    return checkErr(`required flag(s) "${missing.map((f) => f.name).join('", "')}" not set`, warnings)
  }

  if (node.isHelpCommand) {
    // cobra's help command: help for the command the arguments name, else the root's usage.
    const target = find(tree, parsed.args)
    if (target.error) {
      const topic = `[${parsed.args.map(goSharpQ).join(' ')}]`
      return {
        kind: 'help',
        stdout: '',
        stderr: `${warnings}Unknown help topic ${topic}\n${usageText(tree, opts)}`,
        exitCode: 0,
      }
    }
    return { kind: 'help', stdout: helpText(target.node, opts), stderr: warnings, exitCode: 0 }
  }
  if (!node.parent) return { kind: 'help', stdout: helpText(node, opts), stderr: warnings, exitCode: 0 }
  if (isOptionsCommand(node)) return { kind: 'help', stdout: optionsText(node, opts), stderr: warnings, exitCode: 0 }
  if (!node.spec.runnable) {
    // cmdutil.DefaultSubCommandRun: arguments are an unknown subcommand; none prints the help
    // to stderr and exits 1.
    if (parsed.args.length > 0) {
      return checkErr(
        `unknown command ${goQuote(parsed.args.join(' '))}\nSee '${path} -h' for help and examples`,
        warnings,
      )
    }
    return { kind: 'help', stdout: '', stderr: warnings + helpText(node, opts), exitCode: usageErrorExitCode }
  }

  const flags: Record<string, FlagValue> = {}
  for (const f of mergedFlags(node, false)) flags[f.name] = parsed.values[f.name]
  return {
    kind: 'run',
    path: pathNames(node).slice(1),
    flags,
    changed: new Set([...parsed.changed].filter((name) => name !== 'help')),
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    stderr: warnings,
  }
}
