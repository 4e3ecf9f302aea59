// The options of `kubectl get` and the steps its plain and watching runs share: Complete and
// Validate (flags, warnings, argument errors), the Builder's plan for the arguments, the printer
// flags, and cmdutil.CheckErr's wording of errors.
// Mirrors: k8s.io/kubectl pkg/cmd/get/get.go (GetOptions, Complete, Validate,
// multipleGVKsRequested), get_flags.go (PrintFlags.ToPrinter's format choice, via
// printers/outputFormat.ts) and pkg/cmd/util/helpers.go (checkErr, MultipleErrors, fatal).
// Not simulated (the command says so instead of pretending): -k, -f with --watch (but for the
// errors of a server nobody answers at), --raw (the server's exact bytes), --subresource and
// --server-print=false (client-side printing). Plain `get -f` is get.ts's runFiles.

import { formatKubectlError, standardErrorMessage, type KubectlError } from '../../../api/errors'
import { usageError } from '../cmd/parse'
import { discoveryErrorLine, kubectlPid } from '../connectionErrors'
import { KubectlExit, type Factory } from '../factory'
import { goQuote } from '../../../api/goValues'
import { parseOutputFormat } from '../printers/outputFormat'
import type { GetPrintFlags } from './getPrinter'
import type { GetInfo } from './getVisit'
import { mappingFor, resourceTypeOrNameArgs, resourceVisit, type ResourceVisit } from './resourceArgs'
import { checkErrText as cmdCheckErrText } from './createCmdutil'
import { planFilenames, reachableClient, unrecognizedObjects } from './describeTargets'
import { filenameOptions } from './filenames'

/** GetOptions after Complete. */
export interface GetOptions {
  args: string[]
  namespace: string
  allNamespaces: boolean
  labelSelector: string | undefined
  fieldSelector: string | undefined
  /** -o as typed. */
  output: string
  templateArgument: string
  noHeaders: boolean
  sortBy: string
  ignoreNotFound: boolean
  watch: boolean
  watchOnly: boolean
  outputWatchEvents: boolean
  /** Whether the apiserver prints the table (Accept: ...;as=Table). */
  serverPrint: boolean
  isHumanReadablePrinter: boolean
  printFlags: Omit<GetPrintFlags, 'format'>
}

/** An error as CheckErr gets it: one error, or an aggregate (printed one per line). */
export interface CheckedError {
  errors: KubectlError[]
  aggregate: boolean
}

/**
 * cmdutil.CheckErr's text: a lone error as `error: <msg>` or the server's wording, an
 * aggregate as one message per line; a final newline unless the message has one.
 */
export function checkErrText(err: CheckedError): string {
  if (!err.aggregate && err.errors.length === 1) {
    const text = formatKubectlError(err.errors[0]!)
    return text.endsWith('\n') ? text : `${text}\n`
  }
  return err.errors.map((e) => `${typeof e === 'string' ? e : standardErrorMessage(e)}\n`).join('')
}

/** utilerrors.Reduce(Flatten(NewAggregate(errs))): one error stays alone, several aggregate. */
export function reduceErrors(errs: readonly KubectlError[]): CheckedError | undefined {
  if (errs.length === 0) return undefined
  return { errors: [...errs], aggregate: errs.length > 1 }
}

/** A kubectl feature Podlab leaves out, said plainly (exit 1). */
export function notSimulated(what: string): KubectlExit {
  return new KubectlExit(`error: "kubectl get ${what}" is not simulated by Podlab yet\n`, 1)
}

/** cmdutil's fatal: the message on stderr (a final newline unless it has one), exit 1. */
export function fatal(text: string): never {
  throw new KubectlExit(text.endsWith('\n') ? text : `${text}\n`, 1)
}

/** url.ParseRequestURI's verdict on --raw: an absolute path or an absolute URL. */
function parseRequestUriError(raw: string): string | undefined {
  if (raw.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw)) return undefined
  return `parse ${goQuote(raw)}: invalid URI for request`
}

/** GetOptions.Complete. Prints kubectl's warnings; throws its errors. */
export function completeGet(f: Factory): GetOptions {
  const args = [...f.cmd.args]
  const raw = f.str('raw')
  if (raw.length > 0 && args.length > 0) fatal('error: arguments may not be passed when --raw is specified')
  const { namespace } = f.namespace()
  const output = f.str('output')
  const templateArgument = f.str('template')
  const sortBy = f.str('sort-by')
  let serverPrint = f.bool('server-print')
  // Custom columns, yaml and json print objects, not tables.
  if (output.includes('custom-columns') || output === 'yaml' || output.includes('json')) serverPrint = false
  const o: GetOptions = {
    args,
    namespace,
    allNamespaces: f.bool('all-namespaces'),
    labelSelector: f.str('selector').trim() || undefined,
    fieldSelector: f.str('field-selector').trim() || undefined,
    output,
    templateArgument,
    noHeaders: f.bool('no-headers'),
    sortBy,
    ignoreNotFound: f.bool('ignore-not-found'),
    watch: f.bool('watch'),
    watchOnly: f.bool('watch-only'),
    outputWatchEvents: f.bool('output-watch-events'),
    serverPrint,
    isHumanReadablePrinter: (output.length === 0 && templateArgument.length === 0) || output === 'wide',
    printFlags: {
      noHeaders: f.bool('no-headers'),
      showLabels: f.bool('show-labels'),
      columnLabels: f.strs('label-columns'),
      showKind: f.bool('show-kind'),
      sortBy,
      showManagedFields: f.bool('show-managed-fields'),
    },
  }
  if (raw.length > 0) return o
  if (o.watch) {
    if (sortBy.length > 0) f.p.err('warning: --watch requested, --sort-by will be ignored for watch events received\n')
  } else if (o.watchOnly) {
    if (sortBy.length > 0) f.p.err('warning: --watch-only requested, --sort-by will be ignored\n')
  } else if (args.length === 0 && f.strs('filename').length === 0 && f.str('kustomize').length === 0) {
    f.p.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n')
    const usage = usageError(
      'kubectl get',
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    )
    throw new KubectlExit(usage.text, usage.exitCode)
  }
  return o
}

/** GetOptions.Validate. */
export function validateGet(f: Factory, o: GetOptions): void {
  const raw = f.str('raw')
  if (raw.length > 0) {
    if (o.watch || o.watchOnly || o.labelSelector !== undefined) {
      fatal('error: --raw may not be specified with other flags that filter the server request or alter the output')
    }
    if (o.output.length > 0) fatal('error: --raw and --output are mutually exclusive')
    const uriError = parseRequestUriError(raw)
    if (uriError) fatal(`error: --raw must be a valid URL path: ${uriError}`)
  }
  if (o.printFlags.showLabels && o.output !== '' && o.output !== 'wide') {
    fatal(`error: --show-labels option cannot be used with ${o.output} printer`)
  }
  if (o.outputWatchEvents && !(o.watch || o.watchOnly)) {
    fatal('error: --output-watch-events option can only be used with --watch or --watch-only')
  }
}

/** The Builder's plan for the arguments; the type lookup needs the server (discovery). */
export function planGet(f: Factory, o: GetOptions, singleResourceType: boolean): ResourceVisit & { ok: true } {
  if (f.strs('filename').length > 0 || f.str('kustomize').length > 0) {
    // Only the watch gets here with files. Its Infos() fail at once without a server (`return
    // err`: ContinueOnErrorVisitor's error, the reading's aggregate).
    const files = planFilenames(f, filenameOptions(f), {
      args: o.args,
      labelSelector: f.str('selector'),
      fieldSelector: f.str('field-selector'),
      allowEmptySelector: true,
    })
    if (!reachableClient(f)) {
      const errs = unrecognizedObjects(f, files.sources)
      if (errs.length > 0) fatal(cmdCheckErrText(errs))
    }
    throw notSimulated('-f --watch')
  }
  if (f.str('subresource').length > 0) throw notSimulated('--subresource')
  const builderArgs = resourceTypeOrNameArgs(o.args, { allowEmptySelector: true, labelSelector: o.labelSelector })
  let mapped = false
  const plan = resourceVisit(builderArgs, {
    fieldSelector: o.fieldSelector,
    namespace: o.allNamespaces ? '' : o.namespace,
    allNamespaces: o.allNamespaces,
    singleResourceType,
    mapping: (arg) => {
      mapped = true
      f.client()
      return mappingFor(arg)
    },
  })
  if (!plan.ok) {
    // The category lookups went to discovery before the Builder found the error; with nobody
    // listening, each of them was logged (a reachable server, or a failed type lookup, which
    // printed the connection error itself, leaves nothing to add).
    const logged = !mapped && builderArgs.aliasLookups > 0 ? unreachableDiscoveryLines(f, builderArgs.aliasLookups) : ''
    fatal(logged + checkErrText({ errors: [plan.error], aggregate: false }))
  }
  return plan
}

/** memcache.go's error lines for `count` discovery requests, when the server is unreachable. */
function unreachableDiscoveryLines(f: Factory, count: number): string {
  try {
    f.client()
    return ''
  } catch (e) {
    if (!(e instanceof KubectlExit)) throw e
    return discoveryErrorLine(f.server(), f.now(), kubectlPid(f.p, f.p.host)).repeat(count)
  }
}

/** The -o printer flags, parsed when kubectl builds its printer (after fetching). */
export function printFlagsFor(f: Factory, o: GetOptions): GetPrintFlags {
  const parsed = parseOutputFormat(o.output, {
    command: 'get',
    templateArgument: o.templateArgument || undefined,
    noHeaders: o.noHeaders,
    allowMissingTemplateKeys: f.bool('allow-missing-template-keys'),
    readFile: (path) => f.readUserFile(path),
  })
  if ('error' in parsed) fatal(checkErrText({ errors: [parsed.error], aggregate: false }))
  return { ...o.printFlags, format: parsed.format }
}

/** multipleGVKsRequested. */
export function multipleGVKsRequested(infos: readonly GetInfo[]): boolean {
  return infos.length >= 2 && infos.some((i) => i.mapping !== infos[0]!.mapping)
}

