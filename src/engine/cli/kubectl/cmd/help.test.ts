// The help renderer on small made-up trees, checking the template rules one by one. The real
// kubectl texts for Podlab's tree are checked in kubectlFidelity.test.ts.

import { describe, expect, it } from 'vitest'
import { cmdGroupsString, flagsUsages, helpText, optionsText, usageText, wordWrapperLimit } from './help'
import type { CommandSpec, FlagSpec } from './spec'
import { buildTree, type CommandNode } from './tree'
import { wrapString } from './wordWrap'

const wordWrapLine = (s: string) => wrapString(s, 80)

const leaf = (use: string, extra: Partial<CommandSpec> = {}): CommandSpec => ({
  use,
  short: `Short of ${use.split(' ')[0]}`,
  flags: [],
  runnable: true,
  ...extra,
})

const root: CommandSpec = {
  use: 'kubectl',
  short: 'kubectl controls the Kubernetes cluster manager',
  long: 'kubectl controls the Kubernetes cluster manager.',
  flags: [],
  persistentFlags: [
    {
      name: 'namespace',
      shorthand: 'n',
      type: 'string',
      default: '',
      usage: 'If present, the namespace scope for this CLI request',
    },
  ],
  subcommands: [
    leaf('get [flags]', { group: 'Basic Commands (Intermediate):', disableFlagsInUseLine: true }),
    leaf('create -f FILENAME', {
      group: 'Basic Commands (Beginner):',
      disableFlagsInUseLine: true,
      subcommands: [leaf('namespace NAME', { aliases: ['ns'], disableFlagsInUseLine: true })],
    }),
    leaf('version'),
    leaf('config SUBCOMMAND', {
      disableFlagsInUseLine: true,
      runnable: false,
      subcommands: [leaf('current-context'), leaf('view')],
    }),
    leaf('options'),
  ],
  runnable: true,
  commandGroups: [
    { message: 'Basic Commands (Beginner):' },
    { message: 'Basic Commands (Intermediate):' },
    { message: 'Deploy Commands:' },
    { message: 'Subcommands provided by plugins:', showWhenEmpty: true },
  ],
}
const tree = buildTree(root, true)
const child = (node: CommandNode, name: string) =>
  node.children.find((c) => c.spec.use.split(' ')[0] === name) as CommandNode

describe('flagsUsages', () => {
  const flags: FlagSpec[] = [
    { name: 'watch', shorthand: 'w', type: 'bool', default: 'false', usage: 'After listing, watch.' },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format.' },
    { name: 'chunk-size', type: 'int64', default: '500', usage: 'Return large lists\nin chunks.' },
    { name: 'record', type: 'bool', default: 'false', usage: 'Record.', hidden: true },
  ]

  it('sorts, quotes strings, hides hidden flags and turns usage newlines into spaces', () => {
    expect(flagsUsages(flags, 0)).toBe(
      '    --chunk-size=500:\n\tReturn large lists in chunks.\n\n' +
        "    -o, --output='':\n\tOutput format.\n\n" +
        '    -w, --watch=false:\n\tAfter listing, watch.\n\n',
    )
  })

  it('wraps usages at the wrap limit minus 10 on a terminal, continuing with a tab', () => {
    const long: FlagSpec = { name: 'x', type: 'bool', default: 'false', usage: 'word '.repeat(20).trim() }
    expect(flagsUsages([long], 80)).toBe(
      // A tab counts as one: 1 + 14 words and their spaces = 70 = 80 - 10.
      `    --x=false:\n\t${'word '.repeat(14).trim()}\n\t${'word '.repeat(6).trim()}\n\n`,
    )
  })

  it('picks kubectl responsive widths', () => {
    expect([undefined, 79, 80, 99, 100, 119, 120, 300].map(wordWrapperLimit)).toEqual([
      0, 0, 80, 80, 100, 100, 120, 120,
    ])
  })
})

describe('command listings', () => {
  it('groups the root commands, drops empty groups but the plugin one, and lists the rest under Other Commands', () => {
    expect(cmdGroupsString(tree)).toBe(
      [
        'Basic Commands (Beginner):\n  create        Short of create',
        'Basic Commands (Intermediate):\n  get           Short of get',
        'Subcommands provided by plugins:',
        'Other Commands:\n  config        Short of config\n  version       Short of version',
      ].join('\n\n'),
    )
  })

  it('pads names to the longest sibling (at least 11), then three spaces', () => {
    expect(cmdGroupsString(child(tree, 'config'))).toBe(
      'Available Commands:\n  current-context   Short of current-context\n  view              Short of view',
    )
  })
})

describe('helpText', () => {
  it('prints aliases, the usage line with [options], and the options hint', () => {
    const ns = child(child(tree, 'create'), 'namespace')
    expect(helpText(ns)).toBe(
      'Short of namespace\n\nAliases:\nnamespace, ns\n\nUsage:\n  kubectl create namespace NAME [options]\n\n' +
        'Use "kubectl options" for a list of global command-line options (applies to all commands).\n',
    )
  })

  it('adds [flags] unless the command disables it, and the subcommand hint for groups', () => {
    expect(helpText(child(tree, 'version'))).toContain('Usage:\n  kubectl version [flags] [options]\n\n')
    expect(helpText(child(tree, 'config'))).toContain(
      'Usage:\n  kubectl config SUBCOMMAND [options]\n\nUse "kubectl config <command> --help" for more information about a given command.\n',
    )
  })

  it('prints the root help with its grouped commands', () => {
    expect(helpText(tree)).toBe(
      `kubectl controls the Kubernetes cluster manager.\n\n${cmdGroupsString(tree)}\n\nUsage:\n  kubectl [flags] [options]\n\n` +
        'Use "kubectl <command> --help" for more information about a given command.\n' +
        'Use "kubectl options" for a list of global command-line options (applies to all commands).\n',
    )
  })

  it('prints nothing for kubectl options --help, and the global flags for kubectl options', () => {
    const options = child(tree, 'options')
    expect(helpText(options)).toBe('')
    expect(optionsText(options)).toBe(
      "The following options can be passed to any command:\n\n    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n\n",
    )
  })

  it('wraps each written piece of a usage on its own on a terminal', () => {
    const wide = buildTree(
      { ...root, subcommands: [leaf('version', { short: 'Print the version '.repeat(6).trim() })] },
      true,
    )
    const usage = usageText(wide, { terminalWidth: 80 })
    // The listing is one write: wrapped from its own start, not from the column it lands in.
    expect(
      usage.startsWith(`\n\n${wordWrapLine(cmdGroupsString(wide))}\n\nUsage:\n  kubectl [flags] [options]\n\n`),
    ).toBe(true)
  })
})
