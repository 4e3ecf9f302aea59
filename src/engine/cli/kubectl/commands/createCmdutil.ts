// The kubectl command helpers `create`, `create namespace`, `apply` and `run` share: the
// --dry-run and --validate flags, the printer a command's -o selects (with the `created`,
// `configured (dry run)` operation of the name printer), and kubectl's way of printing an error
// that may be an aggregate of several.
// Mirrors: k8s.io/kubectl pkg/cmd/util/helpers.go (GetDryRunStrategy, GetValidationDirective,
// PrintFlagsWithDryRunStrategy, checkErr, MultipleErrors, StandardErrorMessage's *url.Error
// case), k8s.io/cli-runtime pkg/genericclioptions/print_flags.go + name_flags.go (PrintFlags,
// NamePrinter with its Operation and ShortOutput), pkg/printers/yaml.go (the `---` a YAMLPrinter
// writes before every object after its first), json.go, jsonpath.go, and the typed printing of
// objects kubectl decodes into Go structs (run, create namespace: -o json in field order).
// Left out: the klog warnings of the deprecated `--dry-run` (no value) and `--dry-run=true|false`
// forms (klog lines carry a wall-clock time and a process id Podlab does not have).

import { formatKubectlError, standardErrorMessage, type KubectlError } from '../../../api/errors'
import type { KubeObject, Status } from '../../../api/types'
import { orderKeys, orderPod } from '../../../api/defaults/pod'
import { KubectlExit, type Factory } from '../factory'
import { nameOf, omitManagedFields, parseOutputFormat, type OutputFormat } from '../printers/outputFormat'
import { toKubectlJson } from '../printers/jsonPrinter'
import { printKubectlYaml } from '../printers/yamlPrinter'
import { printJsonPath } from '../printers/jsonpath'

export type DryRunStrategy = 'none' | 'client' | 'server'

/** strconv.ParseBool. */
function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false
  return undefined
}

/** GetDryRunStrategy: `--dry-run` alone (its NoOptDefVal "unchanged") and `true` mean client. */
export function getDryRunStrategy(f: Factory): DryRunStrategy {
  const flag = f.str('dry-run')
  const b = parseGoBool(flag)
  if (b !== undefined) return b ? 'client' : 'none'
  if (flag === 'unchanged' || flag === 'client') return 'client'
  if (flag === 'server') return 'server'
  if (flag === 'none') return 'none'
  throw new KubectlExit(`error: Invalid dry-run value (${flag}). Must be "none", "server", or "client".\n`, 1)
}

export type ValidationDirective = 'Strict' | 'Warn' | 'Ignore'

/** GetValidationDirective: strict (or true), warn, ignore (or false). */
export function getValidationDirective(f: Factory): ValidationDirective {
  const flag = f.str('validate')
  const b = parseGoBool(flag)
  if (b !== undefined) return b ? 'Strict' : 'Ignore'
  if (flag === 'strict') return 'Strict'
  if (flag === 'warn') return 'Warn'
  if (flag === 'ignore') return 'Ignore'
  throw new KubectlExit(`error: invalid - validate option ${JSON.stringify(flag)}; must be one of: strict (or true), warn, ignore (or false)\n`, 1)
}

/** PrintFlagsWithDryRunStrategy: the name printer's operation with the dry-run suffix. */
export function operationWithDryRun(operation: string, dryRun: DryRunStrategy): string {
  if (dryRun === 'client') return `${operation} (dry run)`
  if (dryRun === 'server') return `${operation} (server dry run)`
  return operation
}

/** What one PrintObj call wrote, or the error it returned (kubectl's text after "error: "). */
export type PrintResult = { output: string } | { error: string }

/** A printer as PrintFlags.ToPrinter builds it; it counts its objects (the YAML `---`). */
export interface ObjectPrinter {
  readonly format: OutputFormat
  /** `typed`: a Go struct kubectl built or decoded (JSON in field order), else an unstructured map. */
  print(obj: KubeObject, typed?: boolean): PrintResult
}

/**
 * PrintFlags.ToPrinter for create/apply/run: -o json|yaml|name|jsonpath..., and without -o the
 * name printer with `operation` (`pod/nginx created`). Throws kubectl's error for a format it has
 * no printer for.
 */
export function toPrinter(f: Factory, operation: string): ObjectPrinter {
  const template = f.changed('template') ? f.str('template') : undefined
  const parsed = parseOutputFormat(f.str('output'), {
    command: 'generic',
    templateArgument: template,
    allowMissingTemplateKeys: f.bool('allow-missing-template-keys'),
    readFile: (path) => f.readUserFile(path),
  })
  if ('error' in parsed) throw new KubectlExit(`${formatKubectlError(parsed.error)}\n`, 1)
  const format = parsed.format
  const showManagedFields = f.bool('show-managed-fields')
  let count = 0
  return {
    format,
    print(obj, typed = false) {
      count++
      const shown = showManagedFields ? obj : (omitManagedFields(obj) as KubeObject)
      switch (format.kind) {
        case 'default':
          return { output: `${nameOf(obj)} ${operation}\n` }
        case 'name':
          return { output: `${nameOf(obj)}\n` }
        case 'json':
          return { output: toKubectlJson(typed ? typedOrder(shown) : shown, { keyOrder: typed ? 'insertion' : 'sorted' }) }
        case 'yaml': {
          const printed = printKubectlYaml(shown)
          const sep = count > 1 ? '---\n' : ''
          return 'error' in printed ? { error: printed.error } : { output: sep + printed.output }
        }
        case 'jsonpath':
          return printJsonPath(format.template, shown, { allowMissingKeys: format.allowMissingKeys, outputJson: format.asJson, numbers: typed ? 'typed' : 'unstructured' })
        default:
          // custom-columns is a `get` printer only; parseOutputFormat never returns it here.
          return { error: `unable to print with format ${format.kind}` }
      }
    },
  }
}

/** Whether kubectl would print the object itself (-o json/yaml/jsonpath), not a name line. */
export function printsObjects(printer: ObjectPrinter): boolean {
  return printer.format.kind !== 'default' && printer.format.kind !== 'name'
}

// ---- typed objects: JSON in Go struct field order ----

const TYPE_META_ORDER = ['kind', 'apiVersion', 'metadata', 'spec', 'status']
const OBJECT_META_ORDER = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
]
const POD_STATUS_ORDER = [
  'observedGeneration', 'phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs',
  'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass', 'ephemeralContainerStatuses', 'resize', 'resourceClaimStatuses',
]
const SERVICE_SPEC_ORDER = [
  'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges',
  'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies',
  'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution',
]
const SERVICE_PORT_ORDER = ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort']
const NAMESPACE_STATUS_ORDER = ['phase', 'conditions']

type Obj = Record<string, unknown>

/**
 * An object the server returned, with its keys in the order of the Go struct kubectl decodes it
 * into (typed clients: `kubectl run`, `kubectl create namespace`). Objects kubectl builds itself
 * are already built in that order.
 */
function typedOrder(obj: KubeObject): KubeObject {
  let o = orderKeys(obj as Obj, TYPE_META_ORDER)
  if (o.kind === 'Pod') o = orderPod(o)
  if (o.metadata) o.metadata = orderKeys(o.metadata as Obj, OBJECT_META_ORDER)
  if (o.kind === 'Pod' && o.status) o.status = orderKeys(o.status as Obj, POD_STATUS_ORDER)
  if (o.kind === 'Service' && o.spec) {
    const spec = orderKeys(o.spec as Obj, SERVICE_SPEC_ORDER)
    if (Array.isArray(spec.ports)) spec.ports = (spec.ports as Obj[]).map((p) => orderKeys(p, SERVICE_PORT_ORDER))
    o.spec = spec
  }
  if (o.kind === 'Namespace' && o.status) o.status = orderKeys(o.status as Obj, NAMESPACE_STATUS_ORDER)
  return o as KubeObject
}

// ---- errors ----

/** A *url.Error from reading a manifest URL: `Get "<url>": <err>`. */
export interface UrlError {
  readonly kind: 'url'
  readonly url: string
  readonly err: string
}

/**
 * An error as kubectl's commands hold it: a Status, a client error's text, a *url.Error, or an
 * aggregate (utilerrors.Aggregate) of these, which is an array here.
 */
export type CmdError = KubectlError | UrlError | readonly CmdError[]

function isUrlError(e: CmdError): e is UrlError {
  return typeof e === 'object' && !Array.isArray(e) && (e as UrlError).kind === 'url'
}

/** err.Error(): a Status's message; an aggregate's `[a, b]` (flattened, repeats dropped). */
export function errorString(e: CmdError): string {
  if (typeof e === 'string') return e
  if (Array.isArray(e)) {
    const list = e as readonly CmdError[]
    if (list.length === 1) return errorString(list[0])
    const seen: string[] = []
    const visit = (x: CmdError) => {
      if (Array.isArray(x)) (x as readonly CmdError[]).forEach(visit)
      else {
        const msg = errorString(x)
        if (!seen.includes(msg)) seen.push(msg)
      }
    }
    list.forEach(visit)
    return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`
  }
  if (isUrlError(e)) return `Get ${JSON.stringify(e.url)}: ${e.err}`
  return (e as Status).message ?? ''
}

/** messageForError: StandardErrorMessage when it knows the error, else its Error(). */
function messageForError(e: CmdError): string {
  if (Array.isArray(e) || typeof e === 'string') return errorString(e)
  if (isUrlError(e)) return `Unable to connect to the server: ${e.err}`
  return standardErrorMessage(e as Status)
}

/** NewAggregate: nil for no errors (undefined here), else the list. */
export function newAggregate(errs: readonly CmdError[]): CmdError | undefined {
  return errs.length === 0 ? undefined : errs
}

/** ContinueOnErrorVisitor's result: one error as it is, several as an aggregate. */
export function reduceErrors(errs: readonly CmdError[]): CmdError | undefined {
  if (errs.length === 0) return undefined
  return errs.length === 1 ? errs[0] : errs
}

/**
 * cmdutil.CheckErr's text (without the final newline): an aggregate of one is unwrapped once; an
 * aggregate prints one line per error (MultipleErrors); a single error as formatKubectlError does.
 */
export function checkErrText(err: CmdError): string {
  let e = err
  if (Array.isArray(e) && e.length === 1) e = (e as readonly CmdError[])[0]
  if (Array.isArray(e)) return (e as readonly CmdError[]).map(messageForError).join('\n')
  if (isUrlError(e as CmdError)) return messageForError(e as CmdError)
  return formatKubectlError(e as KubectlError)
}

/** Ends the command with kubectl's CheckErr output for `err` (fatal adds "\n" when missing). */
export function failWith(err: CmdError): never {
  const text = checkErrText(err)
  throw new KubectlExit(text.endsWith('\n') ? text : `${text}\n`, 1)
}
