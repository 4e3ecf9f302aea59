// kubectl 1.32's real commands, for those Podlab's command tree does not have yet: typing one
// must not get "unknown command" (that would teach that kubectl has no `exec`), but a plain
// "not simulated yet". Lists taken from the real binary's `--help`, `create --help` and
// `config --help`.

const COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'api-resources', 'api-versions', 'config', 'plugin', 'version',
  'alpha', 'options', 'help',
]

const SUBCOMMANDS: Record<string, readonly string[]> = {
  create: [
    'clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace',
    'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token',
  ],
  config: [
    'current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users',
    'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view',
  ],
}

/** Global flags that take their value as the next argument (`-n kube-system exec`). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as', '--as-group', '--request-timeout', '-v', '--cache-dir', '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name', '--username', '--password', '--profile', '--profile-output', '--vmodule', '--log-flush-frequency'])

/** The leading command words of argv (`['create', 'deployment']`), skipping global flags. */
function commandWords(argv: readonly string[]): string[] {
  const words: string[] = []
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!
    if (a === '--') break
    if (a.startsWith('-')) {
      if (VALUE_FLAGS.has(a)) i++
      continue
    }
    words.push(a)
  }
  return words
}

/**
 * The real kubectl command argv names that `implemented` (the command paths Podlab has, such as
 * "get" or "config view") lacks, e.g. "exec" or "create deployment"; undefined otherwise.
 */
export function unsimulatedCommand(argv: readonly string[], implemented: (path: string) => boolean): string | undefined {
  const [first, second] = commandWords(argv)
  if (first === undefined || !COMMANDS.includes(first)) return undefined
  if (!implemented(first)) return first
  const subs = SUBCOMMANDS[first]
  if (second !== undefined && subs?.includes(second) && !implemented(`${first} ${second}`)) return `${first} ${second}`
  return undefined
}
