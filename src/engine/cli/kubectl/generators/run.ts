// The objects `kubectl run` creates from its flags, and its client-side errors, as kubectl 1.32
// builds them (checked field by field against `kubectl run ... --dry-run=client -o json`).
// Mirrors: k8s.io/kubectl v0.32 pkg/cmd/run/run.go (Run's checks in their order: NAME, --image,
// the image reference, -t without -i, --expose without --port, --restart, --rm, --dry-run with
// attach, --image-pull-policy) and the run-pod/v1 and service/v2 generators it still uses in 1.32
// (pkg/generate/versioned: args, env, annotations, labels, then the port), cmdutil.ParsePairs.
// Objects are plain JSON in the Go struct order kubectl serializes (`-o json` is byte-identical),
// including what an unset Go struct still prints: `creationTimestamp: null`, `resources: {}`,
// `status: {}`.
// Left out: --overrides/--override-type (the override is decoded into the typed Pod, which
// reorders and drops fields: that needs the full v1 schema), --pod-running-timeout, attaching.

import type { KubeObject } from '../../../api/types'
import { goQuote } from '../../../api/validation/field'
import { isEnvVarName } from '../../../api/validation/names'
import { ERR_REFERENCE_INVALID_FORMAT, referenceRegexp } from '../../../api/defaults/parsers'
import { parseGoInt } from '../cmd/goStrconv'

export interface RunOptions {
  /** The positional arguments: NAME, then the container's args (or command with `command`). */
  args: string[]
  /** --image; undefined when the flag was not given at all. */
  image?: string
  port?: string
  /** --env, repeatable: KEY=value. */
  env?: string[]
  /** --labels/-l: `k=v,k2=v2`. */
  labels?: string
  /** --annotations, repeatable: k=v. */
  annotations?: string[]
  /** --restart; kubectl's default is "Always". */
  restart?: string
  imagePullPolicy?: string
  privileged?: boolean
  /** --command: the extra args are the container's command, not its args. */
  command?: boolean
  stdin?: boolean
  tty?: boolean
  /** --attach; undefined means "not given" (then it follows --stdin). */
  attach?: boolean
  leaveStdinOpen?: boolean
  rm?: boolean
  expose?: boolean
  dryRun?: 'none' | 'client' | 'server'
  /** The namespace in effect, and whether it was given explicitly (-n): client dry-run then sets it. */
  namespace?: string
  enforceNamespace?: boolean
}

export interface RunObjects {
  /** The Pod to create. */
  pod: KubeObject
  /** The ClusterIP Service of --expose. kubectl prints it before the pod (and, with -o yaml, writes an extra `---` after it). */
  service?: KubeObject
  /** The restart policy in effect: with Never/OnFailure an attached run waits for the exit code. */
  restartPolicy: 'Always' | 'OnFailure' | 'Never'
  /** --attach in effect (given, or implied by -i). */
  attach: boolean
}

/** The error kubectl prints (pass it to formatKubectlError), or the objects. */
export type RunResult = { ok: true; value: RunObjects } | { ok: false; error: string }

const fail = (error: string): RunResult => ({ ok: false, error })
const usage = (message: string): RunResult => fail(`${message}\nSee 'kubectl run -h' for help and examples`)

/** strconv.Atoi, with its error text. */
function atoi(s: string): { ok: true; value: bigint } | { ok: false; error: string } {
  const r = parseGoInt(s, 10, 64)
  return r.ok ? r : { ok: false, error: r.error.replace('strconv.ParseInt:', 'strconv.Atoi:') }
}

/** int32(n): Go's conversion keeps the low 32 bits. */
const int32 = (n: bigint): number => Number(BigInt.asIntN(32, n))

/** generate.ParseLabels: `k=v,...` with exactly one `=` per item and a non-empty key. */
export function parseLabels(labelString: string): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  const labels: Record<string, string> = {}
  for (const spec of labelString.split(',')) {
    const parts = spec.split('=')
    if (parts.length !== 2) return { ok: false, error: `unexpected label spec: ${spec}` }
    if (parts[0].length === 0) return { ok: false, error: 'unexpected empty label key' }
    labels[parts[0]] = parts[1]
  }
  return { ok: true, value: labels }
}

/** cmdutil.ParsePairs without removals: `k=v` items (a missing `=` or key is collected as invalid). */
export function parsePairs(pairs: readonly string[], pairType: string): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  const out: Record<string, string> = {}
  const invalid: string[] = []
  for (const p of pairs) {
    const i = p.indexOf('=')
    if (i <= 0) invalid.push(p)
    else out[p.slice(0, i)] = p.slice(i + 1)
  }
  if (invalid.length > 0) return { ok: false, error: `invalid ${pairType} format: ${invalid.join(', ')}` }
  return { ok: true, value: out }
}

/** The generator's parseEnvs: NAME=value with a name IsEnvVarName accepts. */
export function parseEnvs(envs: readonly string[]): { ok: true; value: { name: string; value?: string }[] } | { ok: false; error: string } {
  const out: { name: string; value?: string }[] = []
  for (const env of envs) {
    const pos = env.indexOf('=')
    if (pos === -1) return { ok: false, error: `invalid env: ${env}` }
    const name = env.slice(0, pos)
    const value = env.slice(pos + 1)
    if (name.length === 0 || isEnvVarName(name).length !== 0) return { ok: false, error: `invalid env: ${env}` }
    // EnvVar.value is omitempty.
    out.push(value.length > 0 ? { name, value } : { name })
  }
  return { ok: true, value: out }
}

/** `kubectl run`: validate the flags and build the Pod (and the Service of --expose). */
export function buildRun(o: RunOptions): RunResult {
  // cobra's MarkFlagRequired runs before the command.
  if (o.image === undefined) return fail('required flag(s) "image" not set')
  // kubectl 1.32 takes NAME from after `--` too (`kubectl run --image=nginx -- x` names the pod x).
  if (o.args.length === 0) return usage('NAME is required for run')
  const image = o.image
  if (image === '') return fail('--image is required')
  if (!referenceRegexp.test(image)) return fail(`Invalid image name ${goQuote(image)}: ${ERR_REFERENCE_INVALID_FORMAT}`)
  const stdin = o.stdin ?? false
  const tty = o.tty ?? false
  if (tty && !stdin) return usage('-i/--stdin is required for containers with -t/--tty=true')
  const port = o.port ?? ''
  if (o.expose && port.length === 0) return usage('--port must be set when exposing a service')

  const restart = o.restart ?? 'Always'
  let restartPolicy: RunObjects['restartPolicy']
  if (restart.length === 0) restartPolicy = stdin ? 'OnFailure' : 'Always'
  else if (restart === 'Always' || restart === 'OnFailure' || restart === 'Never') restartPolicy = restart
  else return usage(`invalid restart policy: ${restart}`)

  const attach = o.attach ?? stdin
  if (!attach && o.rm) return usage('--rm should only be used for attached containers')
  const dryRun = o.dryRun ?? 'none'
  if (attach && dryRun !== 'none') return usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
  const pullPolicy = o.imagePullPolicy ?? ''
  if (pullPolicy !== '' && pullPolicy !== 'Always' && pullPolicy !== 'IfNotPresent' && pullPolicy !== 'Never') {
    return usage(`invalid image pull policy: ${pullPolicy}`)
  }

  // The run-pod/v1 generator.
  const name = o.args[0]
  const extraArgs = o.args.slice(1)
  const envs = parseEnvs(o.env ?? [])
  if (!envs.ok) return fail(envs.error)
  const annotations = parsePairs(o.annotations ?? [], 'annotations')
  if (!annotations.ok) return fail(annotations.error)
  let labels: Record<string, string> = { run: name }
  let userLabels: Record<string, string> | undefined
  if ((o.labels ?? '').length > 0) {
    const parsed = parseLabels(o.labels as string)
    if (!parsed.ok) return fail(parsed.error)
    labels = parsed.value
    userLabels = parsed.value
  }
  let portNo: number | undefined
  if (port.length > 0) {
    const n = atoi(port)
    if (!n.ok) return fail(n.error)
    portNo = int32(n.value)
  }

  const container: Record<string, unknown> = { name, image }
  if (extraArgs.length > 0) container[o.command ? 'command' : 'args'] = extraArgs
  if (portNo !== undefined) container.ports = [{ containerPort: portNo }]
  if (envs.value.length > 0) container.env = envs.value
  container.resources = {}
  if (pullPolicy !== '') container.imagePullPolicy = pullPolicy
  if (o.privileged) container.securityContext = { privileged: true }
  if (stdin) container.stdin = true
  if (stdin && !o.leaveStdinOpen) container.stdinOnce = true
  if (tty) container.tty = true

  const metadata: Record<string, unknown> = { name }
  if (o.enforceNamespace && dryRun === 'client' && o.namespace) metadata.namespace = o.namespace
  metadata.creationTimestamp = null
  metadata.labels = labels
  if (Object.keys(annotations.value).length > 0) metadata.annotations = annotations.value

  const pod: KubeObject = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: metadata as KubeObject['metadata'],
    spec: { containers: [container], restartPolicy, dnsPolicy: 'ClusterFirst' },
    status: {},
  }

  let service: KubeObject | undefined
  if (o.expose && portNo !== undefined) {
    const svcMeta: Record<string, unknown> = { name }
    if (o.enforceNamespace && dryRun === 'client' && o.namespace) svcMeta.namespace = o.namespace
    svcMeta.creationTimestamp = null
    if (userLabels) svcMeta.labels = userLabels
    service = {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: svcMeta as KubeObject['metadata'],
      spec: { ports: [{ protocol: 'TCP', port: portNo, targetPort: portNo }], selector: { ...labels } },
      status: { loadBalancer: {} },
    }
  }
  return { ok: true, value: { pod, service, restartPolicy, attach } }
}
