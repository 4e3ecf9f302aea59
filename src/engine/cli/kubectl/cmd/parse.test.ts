// parseKubectl: a table of argv cases with the results kubectl 1.32 gives (captured from the real
// binary with HOME=/root and no cluster). kubectlFidelity.test.ts runs these command lines
// through the real kubectl too.

import { describe, expect, it } from 'vitest'
import { parseKubectl, usageError, type ParseResult } from './parse'

type Run = Extract<ParseResult, { kind: 'run' }>

function run(argv: string[]): Run {
  const r = parseKubectl(argv)
  if (r.kind !== 'run') throw new Error(`expected run for ${argv.join(' ')}, got ${JSON.stringify(r)}`)
  return r
}

describe('parseKubectl: commands, flags and arguments', () => {
  it('takes global flags before the command word', () => {
    const r = run(['-n', 'kube-system', 'get', 'pods'])
    expect(r.path).toEqual(['get'])
    expect(r.args).toEqual(['pods'])
    expect(r.flags.namespace).toBe('kube-system')
    expect([...r.changed]).toEqual(['namespace'])
  })

  it.each([
    [['get', 'pods', '-n', 'dev']],
    [['get', 'pods', '-ndev']],
    [['get', 'pods', '-n=dev']],
    [['get', 'pods', '--namespace=dev']],
    [['get', 'pods', '--namespace', 'dev']],
    [['get', '--namespace', 'dev', 'pods']],
    [['--namespace', 'dev', 'get', 'pods']],
  ])('reads the namespace from %j', (argv) => {
    const r = run(argv)
    expect(r.flags.namespace).toBe('dev')
    expect(r.args).toEqual(['pods'])
  })

  it('gives every flag of the command, globals included, with defaults', () => {
    const r = run(['get', 'pods'])
    expect(r.flags['chunk-size']).toBe(500)
    expect(r.flags['server-print']).toBe(true)
    expect(r.flags.output).toBe('')
    expect(r.flags.filename).toEqual([])
    expect(r.flags['request-timeout']).toBe('0')
    expect(r.flags['log-flush-frequency']).toBe(5e9)
    expect(r.flags['cache-dir']).toBe('/root/.kube/cache')
    expect(r.changed.size).toBe(0)
    expect(r.argsLenAtDash).toBe(-1)
    expect(r.stderr).toBe('')
    expect('help' in r.flags).toBe(false)
  })

  it('runs bool shorthands together and reads bool values', () => {
    const r = run(['get', '-Aw', 'pods', '--show-labels=false', '--no-headers'])
    expect(r.flags['all-namespaces']).toBe(true)
    expect(r.flags.watch).toBe(true)
    expect(r.flags['show-labels']).toBe(false)
    expect(r.flags['no-headers']).toBe(true)
    expect(r.changed.has('show-labels')).toBe(true)
  })

  it('normalizes underscores in flag names', () => {
    expect(run(['get', '--all_namespaces', 'pods']).flags['all-namespaces']).toBe(true)
  })

  it('stops reading flags at --', () => {
    const r = run(['get', 'pods', '--', '-n', 'x'])
    expect(r.args).toEqual(['pods', '-n', 'x'])
    expect(r.argsLenAtDash).toBe(1)
    expect(r.flags.namespace).toBe('')
    const runCmd = run(['run', 'nginx', '--image=nginx', '--', 'sh', '-c', 'echo hi'])
    expect(runCmd.args).toEqual(['nginx', 'sh', '-c', 'echo hi'])
    expect(runCmd.argsLenAtDash).toBe(1)
  })

  it('appends repeated stringArray flags without splitting commas', () => {
    expect(run(['run', 'x', '--image=n', '--env=A=1,2', '--env', 'B=2']).flags.env).toEqual(['A=1,2', 'B=2'])
  })

  it('splits stringSlice values as CSV and appends repeats', () => {
    expect(run(['get', '-f', 'a.yaml,b.yaml', '-f', 'c.yaml']).flags.filename).toEqual(['a.yaml', 'b.yaml', 'c.yaml'])
    expect(run(['get', '-f', '"a,b",c']).flags.filename).toEqual(['a,b', 'c'])
  })

  it('parses ints with Go base prefixes and durations', () => {
    expect(run(['delete', 'pod', 'x', '--grace-period=0x10']).flags['grace-period']).toBe(16)
    expect(run(['delete', 'pod', 'x', '--grace-period', '-1_0']).flags['grace-period']).toBe(-10)
    expect(run(['logs', 'p', '--since=1h30m']).flags.since).toBe(5400e9)
    expect(run(['logs', 'p', '--tail', '20']).flags.tail).toBe(20)
    expect(run(['version', '-v', '3']).flags.v).toBe(3)
  })

  it('gives a flag its no-option default when written without a value', () => {
    const r = run(['delete', 'pod', '--dry-run', 'client'])
    expect(r.flags['dry-run']).toBe('unchanged')
    expect(r.args).toEqual(['pod', 'client'])
    expect(run(['apply', '-f', 'x.yaml', '--validate']).flags.validate).toBe('strict')
  })

  it('finds subcommands by name and alias', () => {
    expect(run(['create', 'ns', 'dev']).path).toEqual(['create', 'namespace'])
    expect(run(['config', 'use', 'kind-kind']).path).toEqual(['config', 'use-context'])
    expect(run(['config', '--kubeconfig', 'k', 'view', '--raw']).path).toEqual(['config', 'view'])
    expect(run(['create', '-f', 'x.yaml']).path).toEqual(['create'])
  })

  it('reports a deprecated flag on stderr and still sets it', () => {
    const r = run(['create', '--record', '-f', 'x.yaml'])
    expect(r.flags.record).toBe(true)
    expect(r.stderr).toBe('Flag --record has been deprecated, --record will be removed in the future\n')
  })

  it('skips Go test flags and keeps "-" as an argument', () => {
    expect(run(['get', '-test.v', 'pods']).args).toEqual(['pods'])
    expect(run(['get', '-']).args).toEqual(['-'])
  })
})

// Expected results captured from kubectl 1.32.5 (HOME=/root, no cluster).
const errorCases: Array<[string[], string]> = [
  [['gett'], 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n'],
  [['frobnicate'], 'error: unknown command "frobnicate" for "kubectl"\n'],
  [['list'], 'error: unknown command "list" for "kubectl"\n\nDid you mean this?\n\tget\n'],
  [['crate'], 'error: unknown command "crate" for "kubectl"\n\nDid you mean this?\n\tcreate\n'],
  [['get', '--foo'], "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
  [['get', '--foo_bar'], "error: unknown flag: --foo_bar\nSee 'kubectl get --help' for usage.\n"],
  [['get', '-z'], "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"],
  [['get', 'pods', '-Ax'], "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n"],
  [['get', 'pods', '-n'], "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"],
  [['get', '--namespace'], "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n"],
  [['-n'], "error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n"],
  [['--foo'], "error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n"],
  [['-A', 'get'], "error: unknown shorthand flag: 'A' in -A\nSee 'kubectl --help' for usage.\n"],
  [['get', '---x'], "error: bad flag syntax: ---x\nSee 'kubectl get --help' for usage.\n"],
  [['get', '--=x'], "error: bad flag syntax: --=x\nSee 'kubectl get --help' for usage.\n"],
  [
    ['delete', 'pods', '--grace-period=x'],
    'error: invalid argument "x" for "--grace-period" flag: strconv.ParseInt: parsing "x": invalid syntax\n' +
      "See 'kubectl delete --help' for usage.\n",
  ],
  [
    ['get', '--chunk-size=99999999999999999999'],
    'error: invalid argument "99999999999999999999" for "--chunk-size" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range\n' +
      "See 'kubectl get --help' for usage.\n",
  ],
  [
    ['logs', 'x', '--since=5'],
    'error: invalid argument "5" for "--since" flag: time: missing unit in duration "5"\n' +
      "See 'kubectl logs --help' for usage.\n",
  ],
  [
    ['logs', 'x', '--since=abc'],
    'error: invalid argument "abc" for "--since" flag: time: invalid duration "abc"\n' +
      "See 'kubectl logs --help' for usage.\n",
  ],
  [
    ['get', 'pods', '--watch=foo'],
    'error: invalid argument "foo" for "-w, --watch" flag: strconv.ParseBool: parsing "foo": invalid syntax\n' +
      "See 'kubectl get --help' for usage.\n",
  ],
  [
    ['version', '-vv'],
    'error: invalid argument "v" for "-v, --v" flag: strconv.ParseInt: parsing "v": invalid syntax\n' +
      "See 'kubectl version --help' for usage.\n",
  ],
  [
    ['get', '-v=0x10'],
    'error: invalid argument "0x10" for "-v, --v" flag: strconv.ParseInt: parsing "0x10": invalid syntax\n' +
      "See 'kubectl get --help' for usage.\n",
  ],
  [
    ['get', '--vmodule=a=-1'],
    'error: invalid argument "a=-1" for "--vmodule" flag: negative value for vmodule level\n' +
      "See 'kubectl get --help' for usage.\n",
  ],
  [
    ['get', '--log-flush-frequency=5'],
    'error: invalid argument "5" for "--log-flush-frequency" flag: parse error\n' +
      "See 'kubectl get --help' for usage.\n",
  ],
  [
    ['get', '-f', '"a'],
    'error: invalid argument "\\"a" for "-f, --filename" flag: parse error on line 1, column 3: extraneous or missing " in quoted-field\n' +
      "See 'kubectl get --help' for usage.\n",
  ],
  [['create', 'namespace', '--foo'], "error: unknown flag: --foo\nSee 'kubectl create namespace --help' for usage.\n"],
  [['create', 'ns', '--foo'], "error: unknown flag: --foo\nSee 'kubectl create namespace --help' for usage.\n"],
  [
    ['config', 'set-context', '-n', 'foo'],
    "error: unknown shorthand flag: 'n' in -n\nSee 'kubectl config set-context --help' for usage.\n",
  ],
  [['config', 'vew'], 'error: unknown command "vew"\nSee \'kubectl config -h\' for help and examples\n'],
  [['options', '--foo'], "error: unknown flag: --foo\nRun 'kubectl options' without flags.\n"],
  [['help', '--foo'], "error: unknown flag: --foo\nSee 'kubectl help --help' for usage.\n"],
  [['run', 'x'], 'error: required flag(s) "image" not set\n'],
  [['--all-namespaces', 'get', 'pods'], 'Error: flags cannot be placed before plugin name: --all-namespaces\n'],
  [['--help', 'get', 'pods'], 'Error: flags cannot be placed before plugin name: --help\n'],
  [['-n', 'x', 'help'], 'Error: flags cannot be placed before plugin name: -n\n'],
  [['create', '--record', '--foo'], "error: unknown flag: --foo\nSee 'kubectl create --help' for usage.\n"],
  [['version', '--profile=bogus'], "error: unknown profile 'bogus'\n"],
]

describe('parseKubectl: errors', () => {
  it.each(errorCases)('%j', (argv, text) => {
    expect(parseKubectl(argv)).toEqual({ kind: 'error', text, exitCode: 1 })
  })

  it('formats usage errors for the command implementations', () => {
    expect(usageError('kubectl create namespace', 'exactly one NAME is required, got 0')).toEqual({
      text: "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n",
      exitCode: 1,
    })
  })
})

describe('parseKubectl: help', () => {
  const help = (argv: string[]) => parseKubectl(argv) as Extract<ParseResult, { kind: 'help' }>

  it('prints the root help for a bare kubectl and when cobra finds no command word', () => {
    for (const argv of [[], ['-n', 'version'], ['-h', 'get'], ['--help'], ['help']]) {
      const r = help(argv)
      expect(r.kind).toBe('help')
      expect(r.stdout.startsWith('kubectl controls the Kubernetes cluster manager.\n\n Find more')).toBe(true)
      expect(r.exitCode).toBe(0)
    }
  })

  it('prints a command help for -h, --help anywhere, and kubectl help <cmd>', () => {
    const want = help(['get', '--help']).stdout
    expect(want.startsWith('Display one or many resources.\n')).toBe(true)
    for (const argv of [
      ['get', '-h'],
      ['get', 'pods', '--help'],
      ['help', 'get'],
      ['help', '-n', 'x', 'get'],
      ['-v=3', 'get', '-h'],
    ]) {
      expect(help(argv)).toEqual({ kind: 'help', stdout: want, stderr: '', exitCode: 0 })
    }
    expect(help(['--help', 'get']).stdout).toBe(help([]).stdout)
  })

  it('prints the root usage to stderr for an unknown help topic', () => {
    const r = help(['help', 'foo', 'bar'])
    expect(r.stdout).toBe('')
    expect(r.exitCode).toBe(0)
    expect(r.stderr.startsWith('Unknown help topic [`foo` `bar`]\n\n\nBasic Commands (Beginner):\n')).toBe(true)
  })

  it('prints a group command help to stderr with exit 1 when given no subcommand', () => {
    const r = help(['config'])
    expect(r.stdout).toBe('')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe(help(['config', '--help']).stdout)
  })

  it('prints the global options for kubectl options, and nothing for its --help', () => {
    expect(
      help(['options']).stdout.startsWith("The following options can be passed to any command:\n\n    --as='':\n"),
    ).toBe(true)
    expect(help(['options', '--help'])).toEqual({ kind: 'help', stdout: '', stderr: '', exitCode: 0 })
  })
})
