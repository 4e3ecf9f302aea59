// Fidelity against the real kubectl 1.32 binary (skipped, with the reason printed, where there is
// none): the --help of every command in the tree byte for byte, in a pipe and on terminals of
// 80, 100 and 120 columns; `kubectl options`; and parseKubectl's errors, help outputs and exit
// codes for command lines that need no cluster.
// The one deliberate difference: Podlab's tree is smaller, so its listings of subcommands lack
// the commands it does not implement. podlabView() applies exactly that to kubectl's text.

import { spawnSync } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { helpText, optionsText } from './help'
import { parseKubectl } from './parse'
import { kubectlRoot } from './specs/index'
import { buildTree, commandName, namePadding, pathNames, type CommandNode } from './tree'

/**
 * The real kubectl 1.32, if this machine has one. /usr/bin/kubectl may be gcloud's version
 * dispatcher, which prints cobra's "Error:" where kubectl prints "error:"; its kubectl.1.32
 * sibling is then the real binary.
 */
function realKubectl(): { bin?: string; reason?: string } {
  const candidates = [process.env.KUBECTL_BIN, '/usr/bin/kubectl'].filter((c): c is string => !!c && existsSync(c))
  for (const c of candidates) {
    for (const bin of [c, join(dirname(realpathSync(c)), 'kubectl.1.32')]) {
      if (!existsSync(bin)) continue
      const v = spawnSync(bin, ['version', '--client'], { encoding: 'utf8' }).stdout ?? ''
      if (/^Client Version: v1\.32\.\d+\n/.test(v)) return { bin }
    }
  }
  return { reason: 'no real kubectl v1.32 binary found (set KUBECTL_BIN or install /usr/bin/kubectl)' }
}

const real = realKubectl()
if (!real.bin) console.log(`skipping kubectl fidelity tests: ${real.reason}`)
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0
if (real.bin && !hasScript)
  console.log('skipping kubectl terminal-width tests: no script(1) to give kubectl a terminal')

// HOME=/root: --cache-dir's default is $HOME/.kube/cache, and Podlab's user is root.
const env = { PATH: '/usr/bin:/bin', HOME: '/root', KUBECONFIG: '/nonexistent/kubeconfig' }

function runReal(argv: string[]): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(real.bin as string, argv, { encoding: 'utf8', env })
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 }
}

/** kubectl on a terminal of the given width (stdout and stderr both go to it). */
function runRealTty(argv: string[], cols: number): string {
  const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`
  const cmd = `stty cols ${cols} rows 60; exec ${[real.bin as string, ...argv].map(q).join(' ')}`
  const r = spawnSync('script', ['-q', '-c', cmd, '/dev/null'], { encoding: 'utf8', env })
  return r.stdout.replaceAll('\r\n', '\n')
}

const tree = buildTree(kubectlRoot, true)

function allNodes(node: CommandNode): CommandNode[] {
  return [node, ...node.children.flatMap(allNodes)]
}

/** The node at a command path below the root. */
function nodeAt(path: string[]): CommandNode {
  let node = tree
  for (const word of path) node = node.children.find((c) => commandName(c) === word) as CommandNode
  return node
}

const groupHeaders = [
  ...(kubectlRoot.commandGroups ?? []).map((g) => g.message),
  'Other Commands:',
  'Available Commands:',
]

/**
 * kubectl's help text as Podlab's smaller tree prints it: subcommand listings keep only the
 * commands the tree has, padded for them (cobra pads to the longest name among the children);
 * a listing left empty goes (the plugin group stays, kubectl prints it empty); a command without
 * subcommands loses its listing and the `Use "... <command> --help"` hint.
 */
function podlabView(text: string, node: CommandNode): string {
  const names = new Map(node.children.map((c) => [commandName(c), c]))
  const paragraphs = text.split('\n\n').flatMap((p) => {
    const lines = p.split('\n')
    if (!groupHeaders.includes(lines[0])) return [p]
    if (node.children.length === 0) return []
    const kept = lines.slice(1).flatMap((l) => {
      const m = /^ {2}(\S+) {3,}(\S.*)$/.exec(l)
      const child = m && names.get(m[1])
      return child ? [`  ${m[1].padEnd(namePadding(child))}   ${m[2]}`] : []
    })
    if (kept.length === 0 && lines[0] !== 'Subcommands provided by plugins:') return []
    return [[lines[0], ...kept].join('\n')]
  })
  let out = paragraphs.join('\n\n')
  if (node.children.length === 0)
    out = out.replace(/^Use ".*<command> --help" for more information about a given command\.\n/m, '')
  return out
}

describe.skipIf(!real.bin)('help texts are the real kubectl 1.32 texts', () => {
  const nodes = allNodes(tree)

  it('covers every command in the tree', () => {
    expect(nodes.map((n) => pathNames(n).join(' '))).toEqual([
      'kubectl',
      'kubectl create',
      'kubectl create namespace',
      'kubectl run',
      'kubectl explain',
      'kubectl get',
      'kubectl delete',
      'kubectl cluster-info',
      'kubectl describe',
      'kubectl logs',
      'kubectl apply',
      'kubectl config',
      'kubectl config view',
      'kubectl config set-context',
      'kubectl config current-context',
      'kubectl config use-context',
      'kubectl config get-contexts',
      'kubectl version',
      'kubectl api-resources',
      'kubectl options',
      'kubectl help',
    ])
  })

  it.each(nodes.map((n) => [pathNames(n).join(' '), n] as const))('%s --help', (_name, node) => {
    const want = runReal([...pathNames(node).slice(1), '--help'])
    expect(want.status).toBe(0)
    expect(want.stderr).toBe('')
    expect(helpText(node)).toBe(podlabView(want.stdout, node))
  })

  it('kubectl options', () => {
    expect(optionsText(nodeAt(['options']))).toBe(runReal(['options']).stdout)
  })

  // On a terminal kubectl wraps to 80, 100 or 120 columns. Listings of subcommands wrap at 80
  // and 100 too, where podlabView cannot follow them, so commands with subcommands in kubectl's
  // tree are compared at 120 only.
  const withKubectlSubcommands = [
    'kubectl',
    'kubectl create',
    'kubectl config',
    'kubectl apply',
    'kubectl cluster-info',
  ]
  const ttyCases = nodes.flatMap((n) => {
    const name = pathNames(n).join(' ')
    // 79 columns is under kubectl's smallest width: no wrapping at all (checked once, on get).
    const widths = withKubectlSubcommands.includes(name)
      ? [120, 200]
      : name === 'kubectl get'
        ? [79, 80, 100, 120]
        : [80, 100, 120]
    return widths.map((w) => [name, w, n] as const)
  })
  it.skipIf(!hasScript).each(ttyCases)('%s --help on a %i-column terminal', (_name, cols, node) => {
    const want = runRealTty([...pathNames(node).slice(1), '--help'], cols)
    expect(helpText(node, { terminalWidth: cols })).toBe(podlabView(want, node))
  })

  it.skipIf(!hasScript).each([80, 100, 120])('kubectl options on a %i-column terminal', (cols) => {
    expect(optionsText(nodeAt(['options']), { terminalWidth: cols })).toBe(runRealTty(['options'], cols))
  })

  it.skipIf(!hasScript)('kubectl help <unknown> on a 120-column terminal writes the usage piece by piece', () => {
    const want = runRealTty(['help', 'nosuch'], 120)
    const got = parseKubectl(['help', 'nosuch'], { terminalWidth: 120 })
    expect(got.kind).toBe('help')
    const [first, ...rest] = want.split('\n')
    expect(got.kind === 'help' && got.stderr).toBe(`${first}\n${podlabView(rest.join('\n'), tree)}`)
  })
})

// Command lines whose kubectl output does not depend on which commands the tree has.
const errorArgv: string[][] = [
  ['crate'],
  ['frobnicate'],
  ['confg'],
  ['cnfig', 'view'],
  ['vers'],
  ['descibe'],
  ['aply'],
  ['get', '--foo'],
  ['get', '--foo_bar'],
  ['get', '-z'],
  ['get', 'pods', '-Ax'],
  ['get', 'pods', '-xA'],
  ['get', 'pods', '-n'],
  ['get', '--namespace'],
  ['-n'],
  ['--namespace'],
  ['-n', 'x', '-s'],
  ['--foo'],
  ['-A', 'get'],
  ['get', '---x'],
  ['get', '--=x'],
  ['delete', 'pods', '--grace-period=x'],
  ['get', '--chunk-size=99999999999999999999'],
  ['get', '--chunk-size='],
  ['logs', 'x', '--since=5'],
  ['logs', 'x', '--since=abc'],
  ['logs', 'x', '--since='],
  ['logs', 'x', '--since=1e3s'],
  ['logs', 'x', '--since=99999999999h'],
  ['logs', 'x', '--since=1s1'],
  ['logs', 'x', '--since=x1s'],
  ['logs', 'x', '--since=1S'],
  ['logs', 'x', '--since=1é'],
  ['get', 'pods', '--watch=foo'],
  ['get', 'pods', '--watch='],
  ['get', 'pods', '--all-namespaces=maybe'],
  ['version', '-vv'],
  ['get', '-v=0x10'],
  ['get', '-v=3000000000'],
  ['get', '--vmodule=a=-1'],
  ['get', '--vmodule==1'],
  ['get', '--vmodule=a=x'],
  ['get', '--log-flush-frequency=5'],
  ['get', '-f', '"a'],
  ['get', '-f', 'a"b'],
  ['get', '-f', 'x,"a"b'],
  ['get', '-f', '"é"x'],
  ['get', '-f', 'é"'],
  ['get', '-f', '"a\nb'],
  ['get', '-f', '"a\n"b'],
  ['get', '-f', '\n'],
  ['get', '-é'],
  ['create', 'namespace', '--foo'],
  ['create', 'ns', '--foo'],
  ['config', 'set-context', '-n', 'foo'],
  ['config', 'vew'],
  ['config', 'vew', 'x'],
  ['config', 'use-context', '--foo'],
  ['options', '--foo'],
  ['help', '--foo'],
  ['help', 'get', '--foo'],
  ['run', 'x'],
  ['run', 'x', '--record'],
  ['--all-namespaces', 'get', 'pods'],
  ['--namespace=x', 'gett'],
  ['--help', 'get', 'pods'],
  ['-n', 'x', 'help'],
  ['-n', 'x', 'y'],
  ['--v', '3', 'gett'],
  ['create', '--record', '--foo'],
  ['create', '-f', 'x.yaml', 'namespace'],
  ['version', '--profile=bogus'],
  ['run', 'x', '--profile=bogus'],
  ['--profile', 'x'],
  ['help', '--profile=x'],
  ['options', '--profile=x'],
]

const helpArgv: string[][] = [
  ['get', '--help'],
  ['get', '-h'],
  ['get', 'pods', '--help'],
  ['help', 'get'],
  ['help', '-n', 'x', 'get'],
  ['-v=3', 'get', '-h'],
  ['create', 'ns', '--help'],
  ['config', 'use', '-h'],
  ['config', 'view', 'extra', '-h'],
  ['options', '--help'],
  ['options', '-h'],
  ['help', 'help'],
  ['help', '--help'],
  ['help', 'options'],
  ['options'],
  ['options', 'extra'],
  ['-n', 'kube-system', 'options'],
  ['get', '--watch=T', '-w=0', '--help'],
]

// Lines that differ only in the listings podlabView accounts for.
const treeDependentHelpArgv: string[][] = [
  [],
  ['--help'],
  ['-h', 'get'],
  ['-n', 'version'],
  ['help'],
  ['help', 'config', 'vew'],
  ['config'],
  ['config', '-h', 'view'],
  ['create', '--help'],
  ['create', '--record', '--record=false', '--help'],
]

describe.skipIf(!real.bin)('parseKubectl gives what the real kubectl 1.32 prints', () => {
  it.each(errorArgv.map((a) => [a]))('error %j', (argv) => {
    const want = runReal(argv)
    expect(want.stdout).toBe('')
    expect(parseKubectl(argv)).toEqual({ kind: 'error', text: want.stderr, exitCode: want.status })
  })

  it.each(helpArgv.map((a) => [a]))('help %j', (argv) => {
    const want = runReal(argv)
    expect(parseKubectl(argv)).toEqual({
      kind: 'help',
      stdout: want.stdout,
      stderr: want.stderr,
      exitCode: want.status,
    })
  })

  it.each(treeDependentHelpArgv.map((a) => [a]))('help %j (Podlab tree)', (argv) => {
    const want = runReal(argv)
    const got = parseKubectl(argv)
    const node = nodeAt(argv.includes('config') ? ['config'] : argv.includes('create') ? ['create'] : [])
    expect(got).toEqual({
      kind: 'help',
      stdout: want.stdout && podlabView(want.stdout, node),
      stderr: want.stderr && podlabView(want.stderr, node),
      exitCode: want.status,
    })
  })

  it('help with an unknown topic prints the root usage to stderr', () => {
    const want = runReal(['help', 'foo', 'bar'])
    const [first, ...rest] = want.stderr.split('\n')
    expect(parseKubectl(['help', 'foo', 'bar'])).toEqual({
      kind: 'help',
      stdout: '',
      stderr: `${first}\n${podlabView(rest.join('\n'), tree)}`,
      exitCode: want.status,
    })
  })

  // Command lines Podlab runs: kubectl accepts the same flags and values, which shows as its
  // help (and any deprecation notice, on stderr) when --help is added at the end.
  it.each([
    [['-n', 'kube-system', 'get', 'pods', '-owide']],
    [['get', '-Aw', 'pods', '--show-labels=false', '--no-headers']],
    [['get', '--all_namespaces', 'pods', '--chunk-size=0x10', '--chunk-size=1_000', '--chunk-size=0b11']],
    [['get', '-f', '"a,b",c', '-L', 'app,tier', '-f', '']],
    [['get', 'pods', '--', '-n', 'x']],
    [['delete', 'pod', 'x', '--grace-period', '-1_0', '--cascade', '--now', '--dry-run', 'client']],
    [['logs', 'p', '--since=1h30m', '--tail', '20', '--pod-running-timeout=.5s', '--since=5.s', '--since=-0']],
    [['logs', 'p', '--since=1µs', '--since=1μs', '--since=1us', '--since=+5m', '--since=1h2m3s4ms5ns']],
    [['run', 'x', '--image=n', '--env=A=1,2', '--env', 'B=2', '-it', '--rm', '--restart=Never', '--', 'sh']],
    [['create', '--record', '-f', 'x.yaml']],
    [['apply', '-f', 'x.yaml', '--validate', '--prune-allowlist=a,b']],
    [['create', 'ns', 'dev', '--dry-run=client', '-oyaml']],
    [['version', '-v', '3', '--vmodule=a=1,,b=2,', '--log-flush-frequency=1m', '--v=-1']],
    [['config', '--kubeconfig', 'k', 'view', '--raw', '--merge=false']],
    [['config', 'use', 'kind-kind']],
    [['get', '-test.v', 'pods', '-']],
  ])('accepted %j', (argv) => {
    const ours = parseKubectl(argv)
    if (ours.kind !== 'run') throw new Error(`not run: ${JSON.stringify(ours)}`)
    // --help goes before any "--", after which it would be an argument.
    const dash = argv.indexOf('--')
    const withHelp = dash < 0 ? [...argv, '--help'] : [...argv.slice(0, dash), '--help', ...argv.slice(dash)]
    const want = runReal(withHelp)
    expect(want.status).toBe(0)
    expect(ours.stderr).toBe(want.stderr)
    expect(parseKubectl(withHelp)).toEqual({
      kind: 'help',
      stdout: podlabView(want.stdout, nodeAt(ours.path)),
      stderr: want.stderr,
      exitCode: 0,
    })
  })
})
