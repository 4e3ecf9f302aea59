// The command tree with parent links, and the *cobra.Command methods that help and parsing need:
// Name, CommandPath, UseLine, NamePadding, IsAvailableCommand, and the merged flag sets (Flags
// after mergePersistentFlags, LocalFlags, InheritedFlags, the help flag InitDefaultHelpFlag adds).
// Mirrors: github.com/spf13/cobra v1.8.1 command.go. Left out: everything about running.

import type { CommandSpec, FlagSpec } from './spec'

export interface CommandNode {
  spec: CommandSpec
  parent: CommandNode | null
  children: CommandNode[]
  /** The help command cobra adds to the root (InitDefaultHelpCmd). */
  isHelpCommand: boolean
}

/** cobra's default help command, as ExecuteC adds it to a root that has subcommands. */
export function helpCommandSpec(rootName: string): CommandSpec {
  return {
    use: 'help [command]',
    short: 'Help about any command',
    long: `Help provides help for any command in the application.\nSimply type ${rootName} help [path to command] for full details.`,
    flags: [],
    runnable: true,
  }
}

function build(spec: CommandSpec, parent: CommandNode | null): CommandNode {
  const node: CommandNode = { spec, parent, children: [], isHelpCommand: false }
  node.children = (spec.subcommands ?? []).map((s) => build(s, node))
  return node
}

/**
 * Links a CommandSpec tree. withHelpCommand adds cobra's help command last, as ExecuteC does
 * before it looks the arguments up (kubectl's plugin lookup runs before that, without it).
 */
export function buildTree(root: CommandSpec, withHelpCommand: boolean): CommandNode {
  const node = build(root, null)
  if (withHelpCommand && node.children.length > 0 && !node.children.some((c) => commandName(c) === 'help')) {
    const help = build(helpCommandSpec(commandName(node)), node)
    help.isHelpCommand = true
    node.children.push(help)
  }
  return node
}

/** Command.Name: the first word of Use. */
export function commandName(node: CommandNode): string {
  const use = node.spec.use
  const i = use.indexOf(' ')
  return i < 0 ? use : use.slice(0, i)
}

/** Command.CommandPath: "kubectl config view". */
export function commandPath(node: CommandNode): string {
  return node.parent ? `${commandPath(node.parent)} ${commandName(node)}` : commandName(node)
}

/** The names from the root down to node: ["kubectl", "config", "view"]. */
export function pathNames(node: CommandNode): string[] {
  return node.parent ? [...pathNames(node.parent), commandName(node)] : [commandName(node)]
}

export function rootOf(node: CommandNode): CommandNode {
  return node.parent ? rootOf(node.parent) : node
}

/** Command.HasAlias / findNext: a child called by its name or one of its aliases. */
export function findChild(node: CommandNode, word: string): CommandNode | undefined {
  return node.children.find((c) => commandName(c) === word || (c.spec.aliases ?? []).includes(word))
}

/** Command.IsAvailableCommand: not hidden, not the help command, runnable or with available children. */
export function isAvailableCommand(node: CommandNode): boolean {
  if (node.spec.hidden || node.isHelpCommand) return false
  return true // every command in a kubectl tree is runnable in cobra's sense (see CommandSpec.runnable)
}

export function hasAvailableSubCommands(node: CommandNode): boolean {
  return node.children.some(isAvailableCommand)
}

/** Command.NamePadding: the longest name among the parent's children, at least 11. */
export function namePadding(node: CommandNode): number {
  const minNamePadding = 11
  if (!node.parent) return minNamePadding
  const max = Math.max(0, ...node.parent.children.map((c) => commandName(c).length))
  return Math.max(minNamePadding, max)
}

/** The help flag InitDefaultHelpFlag adds to the command being run. */
export function helpFlag(node: CommandNode): FlagSpec {
  return { name: 'help', shorthand: 'h', type: 'bool', default: 'false', usage: `help for ${commandName(node)}` }
}

function addMissing(into: FlagSpec[], from: FlagSpec[]): void {
  for (const f of from) if (!into.some((g) => g.name === f.name)) into.push(f)
}

/** The persistent flags of node's ancestors, nearest first (cobra's parentsPflags). */
function parentsPersistentFlags(node: CommandNode): FlagSpec[] {
  const out: FlagSpec[] = []
  for (let p = node.parent; p; p = p.parent) addMissing(out, p.spec.persistentFlags ?? [])
  return out
}

/**
 * Command.Flags() after mergePersistentFlags: local flags, then own persistent ones, then the
 * ancestors' persistent flags whose names are not taken (a local --namespace shadows the global
 * one, -n included). withHelp adds the help flag, as it exists only on the command being run.
 */
export function mergedFlags(node: CommandNode, withHelp: boolean): FlagSpec[] {
  const out: FlagSpec[] = []
  addMissing(out, node.spec.flags)
  addMissing(out, node.spec.persistentFlags ?? [])
  addMissing(out, parentsPersistentFlags(node))
  if (withHelp) addMissing(out, [helpFlag(node)])
  return out
}

/** Command.LocalFlags(): the command's own flags and persistent flags, with the help flag. */
export function localFlags(node: CommandNode): FlagSpec[] {
  const out: FlagSpec[] = []
  addMissing(out, node.spec.flags)
  addMissing(out, node.spec.persistentFlags ?? [])
  addMissing(out, [helpFlag(node)])
  return out
}

/** Command.InheritedFlags(): the ancestors' persistent flags not shadowed locally. */
export function inheritedFlags(node: CommandNode): FlagSpec[] {
  const local = localFlags(node)
  return parentsPersistentFlags(node).filter((f) => !local.some((l) => l.name === f.name))
}

/** pflag's VisitAll order: sorted by name, byte-wise. */
export function sortFlags(flags: FlagSpec[]): FlagSpec[] {
  return [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** Command.UseLine: the parent's path, Use, and " [flags]" unless disabled or already there. */
export function useLine(node: CommandNode): string {
  let line = node.parent ? `${commandPath(node.parent)} ${node.spec.use}` : node.spec.use
  if (!node.spec.disableFlagsInUseLine && !line.includes('[flags]')) line += ' [flags]'
  return line
}
