// kubectl's help and usage texts: `kubectl get --help`, the grouped root help, `kubectl options`,
// and the flag list format ("    -A, --all-namespaces=false:\n\tIf present, ...").
// Mirrors: k8s.io/kubectl/pkg/util/templates (templates.go MainHelpTemplate, MainUsageTemplate
// and its sections, OptionsUsageTemplate; templater.go cmdGroupsString, optionsCmdFor,
// usageLine, flagsNotIntersected, visibleFlags, filter; command_groups.go
// AddAdditionalCommands; help_flags_printer.go PrintHelpFlag, writeFlag, getFlagFormat),
// k8s.io/kubectl/pkg/util/term term_writer.go (NewResponsiveWriter, GetWordWrapperLimit), and
// cobra's UsageString and help command text, as kubectl 1.32 has them.
// Terminal wrapping: kubectl wraps help to 80, 100 or 120 columns when stdout is a terminal at
// least that wide, and not at all otherwise (a pipe, or a terminal under 80 columns). Pass
// terminalWidth to get the terminal form; leave it out for what kubectl writes into a pipe.
// text/template writes each piece of a template separately, and the responsive writer wraps
// each write on its own, so the templates here are lists of the pieces they write.
// Left out: ExposeFlags (no command in the tree exposes flags), i18n translations.

import { find } from './find'
import type { FlagSpec } from './spec'
import {
  commandName,
  commandPath,
  hasAvailableSubCommands,
  inheritedFlags,
  isAvailableCommand,
  localFlags,
  namePadding,
  pathNames,
  rootOf,
  sortFlags,
  useLine,
  type CommandNode,
} from './tree'
import { wrapString } from './wordWrap'

/** The terminal, if kubectl's output is one. */
export interface TerminalOptions {
  /** Columns of the terminal kubectl writes to; undefined when the output is not a terminal. */
  terminalWidth?: number
}

/** term.GetWordWrapperLimit / NewResponsiveWriter: 120, 100 or 80 by terminal width; 0 = no wrapping. */
export function wordWrapperLimit(terminalWidth: number | undefined): number {
  if (terminalWidth === undefined) return 0
  if (terminalWidth >= 120) return 120
  if (terminalWidth >= 100) return 100
  if (terminalWidth >= 80) return 80
  return 0
}

/** What the responsive writer does to one write: wrap it at the limit, if there is one. */
function responsive(chunk: string, limit: number): string {
  return limit === 0 ? chunk : wrapString(chunk, limit)
}

const goUintMax = 2 ** 64

/**
 * HelpFlagPrinter.PrintHelpFlag for each visible flag, sorted by name: the flag line, then the
 * usage (its newlines turned into spaces) on a tab-indented line, wrapped at wrapLimit-10 on a
 * terminal, then a blank line.
 */
export function flagsUsages(flags: FlagSpec[], wrapLimit: number): string {
  let out = ''
  for (const f of sortFlags(flags)) {
    if (f.hidden) continue
    const def = f.type === 'string' ? `'${f.default}'` : f.default
    const head = f.shorthand ? `    -${f.shorthand}, --${f.name}=${def}:` : `    --${f.name}=${def}:`
    const deprecated = f.deprecated ? ` (DEPRECATED: ${f.deprecated})` : ''
    const usage = `${f.usage}${deprecated}`.split('\n').join(' ')
    // wrapLimit is a Go uint: 0 - 10 wraps around to a limit no line reaches.
    const lim = wrapLimit - 10 < 0 ? goUintMax + wrapLimit - 10 : wrapLimit - 10
    out += `${`${head}\n${wrapString(usage, lim)}`.replaceAll('\n', '\n\t')}\n\n`
  }
  return out
}

/** rpad: pad with spaces on the right to the given width. */
function rpad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length)
}

/** c.Commands(): the children sorted by name, as cobra sorts them for listing. */
function sortedChildren(node: CommandNode): CommandNode[] {
  return [...node.children].sort((a, b) =>
    commandName(a) < commandName(b) ? -1 : commandName(a) > commandName(b) ? 1 : 0,
  )
}

interface CommandGroup {
  message: string
  commands: CommandNode[]
}

/**
 * templater.cmdGroups: the root lists its commands under kubectl's group headings, the commands
 * of no group under "Other Commands:" (options left out); other commands list their children
 * under "Available Commands:".
 */
function cmdGroups(node: CommandNode): CommandGroup[] {
  const groups = node.spec.commandGroups
  if (!node.parent && groups && groups.length > 0) {
    const out: CommandGroup[] = []
    for (const g of groups) {
      const commands = node.children.filter((c) => c.spec.group === g.message)
      // kubectl defines every group from commands it has; Podlab's tree lacks some, and a
      // group with none of its commands is not printed.
      if (commands.length > 0 || g.showWhenEmpty) out.push({ message: g.message, commands })
    }
    const grouped = (c: CommandNode) => groups.some((g) => g.message === c.spec.group)
    const others = sortedChildren(node).filter(
      (c) => !c.spec.hidden && commandName(c) !== 'options' && !grouped(c) && c.spec.short.length > 0,
    )
    if (others.length > 0) out.push({ message: 'Other Commands:', commands: others })
    return out
  }
  const all = sortedChildren(node).filter((c) => !c.spec.hidden && commandName(c) !== 'options')
  return [{ message: 'Available Commands:', commands: all }]
}

/** templater.cmdGroupsString: "Heading:\n  name<pad>   Short" blocks, blank line between. */
export function cmdGroupsString(node: CommandNode): string {
  return cmdGroups(node)
    .map((g) =>
      [
        g.message,
        ...g.commands
          .filter(isAvailableCommand)
          .map((c) => `  ${rpad(commandName(c), namePadding(c))}   ${c.spec.short}`),
      ].join('\n'),
    )
    .join('\n\n')
}

/** templater.optionsCmdFor: "kubectl options" if the tree has it, looking from the root down. */
function optionsCmdFor(node: CommandNode): string {
  const chain: CommandNode[] = []
  for (let n: CommandNode | null = node; n; n = n.parent) chain.unshift(n)
  for (const n of chain) {
    if (!find(n, ['options']).error) return `${commandPath(n)} options`
  }
  return ''
}

/** pflag HasFlags: any flag at all, hidden ones included. */
function hasFlags(flags: FlagSpec[]): boolean {
  return flags.length > 0
}

/** The pieces MainUsageTemplate writes for a command, in order. */
export function usageChunks(node: CommandNode, wrapLimit: number): string[] {
  const spec = node.spec
  const out: string[] = ['\n\n']
  if (spec.aliases && spec.aliases.length > 0)
    out.push('Aliases:\n', [commandName(node), ...spec.aliases].join(', '), '\n\n')
  if (spec.example) out.push('Examples:\n', spec.example.trimEnd(), '\n\n')
  if (hasAvailableSubCommands(node)) out.push(cmdGroupsString(node), '\n\n')
  // $visibleFlags: local flags that are not this command's own persistent flags, minus help.
  const own = spec.persistentFlags ?? []
  const visible = localFlags(node).filter((f) => !own.some((p) => p.name === f.name) && f.name !== 'help')
  if (hasFlags(visible)) out.push('Options:\n', flagsUsages(visible, wrapLimit).trimEnd(), '\n\n')
  const line = useLine(node)
  if (line !== '' && line !== commandPath(rootOf(node))) {
    const usage = line.includes('[options]') ? line : `${line} [options]`
    out.push('Usage:\n  ', usage, '\n\n')
  }
  if (node.children.length > 0) {
    out.push('Use "')
    for (const name of pathNames(node)) out.push(name, ' ')
    out.push('<command> --help" for more information about a given command.\n')
  }
  const options = optionsCmdFor(node)
  if (options) out.push('Use "', options, '" for a list of global command-line options (applies to all commands).\n')
  return out
}

/** cobra UsageString: the usage written into a buffer, so only the flag list is wrapped. */
export function usageString(node: CommandNode, opts: TerminalOptions = {}): string {
  return usageChunks(node, wordWrapperLimit(opts.terminalWidth)).join('')
}

/** The usage as UsageFunc writes it straight to the output (kubectl help <unknown>). */
export function usageText(node: CommandNode, opts: TerminalOptions = {}): string {
  const limit = wordWrapperLimit(opts.terminalWidth)
  return usageChunks(node, limit)
    .map((c) => responsive(c, limit))
    .join('')
}

/**
 * HelpFunc with MainHelpTemplate: the long description (or the short one), then the usage.
 * `kubectl options --help` prints nothing: its help template is empty.
 */
export function helpText(node: CommandNode, opts: TerminalOptions = {}): string {
  if (isOptionsCommand(node)) return ''
  const limit = wordWrapperLimit(opts.terminalWidth)
  const top = (node.spec.long || node.spec.short).trim()
  return responsive(top, limit) + responsive(usageString(node, opts), limit)
}

/** `kubectl options`: OptionsUsageTemplate over the root's persistent flags. */
export function optionsText(node: CommandNode, opts: TerminalOptions = {}): string {
  const limit = wordWrapperLimit(opts.terminalWidth)
  const inherited = inheritedFlags(node)
  if (inherited.length === 0) return ''
  const chunks = ['The following options can be passed to any command:\n\n', flagsUsages(inherited, limit)]
  return chunks.map((c) => responsive(c, limit)).join('')
}

/** The `options` command directly under the root. */
export function isOptionsCommand(node: CommandNode): boolean {
  return node.parent !== null && !node.parent.parent && commandName(node) === 'options'
}
