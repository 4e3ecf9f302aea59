// The `-o/--output` flag: which printer a value selects, with kubectl's errors for the ones it
// rejects; plus the small printers and object shapes that go with them (`-o name`, the List
// kubectl wraps several objects in, managedFields omission).
// Mirrors: k8s.io/kubectl pkg/cmd/get/get_flags.go (PrintFlags.ToPrinter for `get`: template
// flags, then json/yaml, then human-readable, then custom-columns, then name) and
// k8s.io/cli-runtime pkg/genericclioptions print_flags.go (the PrintFlags of create, run,
// expose, apply, label ...: json/yaml, then name, then templates), json_yaml_flags.go,
// name_flags.go, jsonpath_flags.go, kube_template_flags.go, go-template flags (only to reject
// them), pkg/printers/name.go (NamePrinter), managedfields.go (OmitManagedFieldsPrinter) and
// kubectl pkg/cmd/get/get.go printGeneric (the `List` built around several objects).
// Error texts and allowed-format lists were taken from the real kubectl 1.32.
// Dropped: Go templates (`go-template`, `go-template-file`, `template`, `templatefile` and the
// bare `--template` flag). Podlab has no Go text/template engine, so these formats are answered
// with a plain "not simulated by Podlab yet" error, flagged `unsupported`.

import { parseCustomColumnsSpec, parseCustomColumnsTemplate, type CustomColumnsSpec } from './customColumns'
import { jsonPathParseErrorMessage, parseJsonPath, type JsonPathTemplate } from './jsonpath'

export type OutputFormat =
  /** No -o (or `-o wide` for get): the server-side table for get, the "created" line elsewhere. */
  | { kind: 'default'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: JsonPathTemplate; asJson: boolean; allowMissingKeys: boolean }
  | { kind: 'custom-columns'; spec: CustomColumnsSpec }

export interface OutputFormatOptions {
  /** 'get' has get_flags.go's printers (wide, custom-columns); 'generic' is create/run/apply/... */
  command: 'get' | 'generic'
  /** The --template flag, if given. */
  templateArgument?: string
  /** --no-headers (get only). */
  noHeaders?: boolean
  /** --allow-missing-template-keys, default true. */
  allowMissingTemplateKeys?: boolean
  /** Reads a file for -o jsonpath-file / custom-columns-file; undefined when it does not exist. */
  readFile?: (path: string) => string | undefined
}

export type OutputFormatResult =
  | { format: OutputFormat }
  /** `error` is the message kubectl prints after "error: ". */
  | { error: string; unsupported?: boolean }

const GET_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath',
  'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
]
const GENERIC_FORMATS = [
  'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name',
  'template', 'templatefile', 'yaml',
]
const GO_TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile']
const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-file', 'jsonpath-as-json']
const COLUMNS_FORMATS = ['custom-columns', 'custom-columns-file']

/** NoCompatiblePrinterError. */
export function noCompatiblePrinterMessage(outputFormat: string, command: 'get' | 'generic'): string {
  const allowed = command === 'get' ? GET_FORMATS : GENERIC_FORMATS
  return `unable to match a printer suitable for the output format "${outputFormat}", allowed formats are: ${allowed.join(',')}`
}

type Step = OutputFormatResult | 'no-match'

/** Splits "format=value" when the format is one of `formats` (the flags' prefix loop). */
function splitFormat(outputFormat: string, formats: string[], templateArgument: string | undefined): [string, string] {
  if (templateArgument) return [outputFormat, templateArgument]
  for (const f of formats) {
    if (outputFormat.startsWith(`${f}=`)) return [f, outputFormat.slice(f.length + 1)]
  }
  return [outputFormat, '']
}

function readTemplate(path: string, opts: OutputFormatOptions, prefix: string): string | { error: string } {
  const content = opts.readFile?.(path)
  if (content === undefined) return { error: `${prefix} ${path}, open ${path}: no such file or directory` }
  return content
}

/** KubeTemplatePrintFlags: go-template flags (rejected here), then JSONPathPrintFlags. */
function templatePrinter(outputFormat: string, opts: OutputFormatOptions): Step {
  const arg = opts.templateArgument
  if (!arg && outputFormat === '') return 'no-match'
  const [goFormat, goValue] = splitFormat(outputFormat, GO_TEMPLATE_FORMATS, arg)
  if (GO_TEMPLATE_FORMATS.includes(goFormat)) {
    if (goValue === '') return { error: 'template format specified but no template given' }
    // Real kubectl prints with a Go template here; saying "no printer" would teach a falsehood.
    return { error: `output format "${goFormat}": Go templates are not simulated by Podlab yet`, unsupported: true }
  }
  const [format, value] = splitFormat(outputFormat, JSONPATH_FORMATS, arg)
  if (!JSONPATH_FORMATS.includes(format)) return 'no-match'
  if (value === '') return { error: 'template format specified but no template given' }
  let text = value
  if (format === 'jsonpath-file') {
    const read = readTemplate(value, opts, 'error reading --template')
    if (typeof read !== 'string') return read
    text = read
  }
  const parsed = parseJsonPath(text)
  if ('error' in parsed) return { error: jsonPathParseErrorMessage(text, parsed.error) }
  return {
    format: {
      kind: 'jsonpath',
      template: parsed,
      asJson: format === 'jsonpath-as-json',
      allowMissingKeys: opts.allowMissingTemplateKeys ?? true,
    },
  }
}

/** JSONYamlPrintFlags: case-insensitive. */
function jsonYamlPrinter(outputFormat: string): Step {
  const f = outputFormat.toLowerCase()
  if (f === 'json') return { format: { kind: 'json' } }
  if (f === 'yaml') return { format: { kind: 'yaml' } }
  return 'no-match'
}

/** CustomColumnsPrintFlags. */
function customColumnsPrinter(outputFormat: string, opts: OutputFormatOptions): Step {
  if (outputFormat === '') return 'no-match'
  const [format, value] = splitFormat(outputFormat, COLUMNS_FORMATS, opts.templateArgument)
  if (!COLUMNS_FORMATS.includes(format)) return 'no-match'
  if (value === '') return { error: 'custom-columns format specified but no custom columns given' }
  if (format === 'custom-columns-file') {
    const read = readTemplate(value, opts, 'error reading template')
    // The upstream message ends with "\n" (fmt.Errorf("error reading template %s, %v\n")).
    if (typeof read !== 'string') return { error: `${read.error}\n` }
    const spec = parseCustomColumnsTemplate(read)
    return 'error' in spec ? spec : { format: { kind: 'custom-columns', spec } }
  }
  const spec = parseCustomColumnsSpec(value, opts.noHeaders ?? false)
  return 'error' in spec ? spec : { format: { kind: 'custom-columns', spec } }
}

/**
 * Parses an -o value as kubectl's printer flags do, e.g. `jsonpath={.items[*].metadata.name}`,
 * `custom-columns=NAME:.metadata.name`, `yaml`, `JSON` (json/yaml/name ignore case, the others
 * do not). Templates are parsed here, as kubectl parses them before it talks to the server.
 */
export function parseOutputFormat(output: string, opts: OutputFormatOptions): OutputFormatResult {
  let outputFormat = output
  const steps: ((f: string) => Step)[] = []
  if (opts.command === 'get') {
    // get_flags.go: a --template without -o means go-template.
    if (opts.templateArgument && outputFormat === '') outputFormat = 'go-template'
    steps.push(
      (f) => templatePrinter(f, opts),
      jsonYamlPrinter,
      (f) => (f === '' || f === 'wide' ? { format: { kind: 'default', wide: f === 'wide' } } : 'no-match'),
      (f) => customColumnsPrinter(f, opts),
      (f) => (f.toLowerCase() === 'name' ? { format: { kind: 'name' } } : 'no-match'),
    )
  } else {
    if (opts.templateArgument && outputFormat === '') outputFormat = 'go-template'
    steps.push(
      jsonYamlPrinter,
      (f) => {
        const lower = f.toLowerCase()
        if (lower === 'name') return { format: { kind: 'name' } }
        return lower === '' ? { format: { kind: 'default', wide: false } } : 'no-match'
      },
      (f) => templatePrinter(f, opts),
    )
  }
  for (const step of steps) {
    const result = step(outputFormat)
    if (result !== 'no-match') return result
  }
  return { error: noCompatiblePrinterMessage(outputFormat, opts.command) }
}

function groupOf(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') return ''
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? '' : apiVersion.slice(0, slash)
}

function metadataOf(obj: unknown): Record<string, unknown> {
  const meta = (obj as { metadata?: unknown } | null)?.metadata
  return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {}
}

/**
 * `-o name` for one object: `pod/nginx`, `deployment.apps/web`, `cronjob.batch/cj` (the kind
 * lower-cased, the API group appended unless it is the core group; `<unknown>` without a name).
 */
export function nameOf(obj: { apiVersion?: unknown; kind?: unknown; metadata?: unknown }): string {
  const kind = typeof obj.kind === 'string' ? obj.kind.toLowerCase() : ''
  const group = groupOf(obj.apiVersion)
  const name = metadataOf(obj).name
  const shown = typeof name === 'string' && name !== '' ? name : '<unknown>'
  return group === '' ? `${kind}/${shown}` : `${kind}.${group}/${shown}`
}

function isList(obj: unknown): obj is { items: unknown[] } {
  return typeof obj === 'object' && obj !== null && Array.isArray((obj as { items?: unknown }).items)
}

/**
 * NamePrinter.PrintObj: one line per object (each item of a List), with an optional operation
 * (`pod/nginx created`).
 */
export function printNames(obj: unknown, operation = ''): string {
  const objects = isList(obj) ? obj.items : [obj]
  const suffix = operation === '' ? '' : ` ${operation}`
  return objects.map((o) => `${nameOf(o as { kind?: unknown })}${suffix}\n`).join('')
}

/**
 * The List printGeneric prints when `kubectl get` returns anything but exactly one named
 * object (a list request, several names, several types): apiVersion v1, kind List and an
 * empty resourceVersion, whatever the server's lists said.
 */
export function kubectlList(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } }
}

function withoutManagedFields(obj: unknown): unknown {
  const meta = metadataOf(obj)
  if (!('managedFields' in meta)) return obj
  const { managedFields: _dropped, ...rest } = meta
  return { ...(obj as Record<string, unknown>), metadata: rest }
}

/**
 * OmitManagedFieldsPrinter, which wraps the json and yaml printers unless --show-managed-fields
 * is given: metadata.managedFields removed from the object, or from every item of a list.
 * Returns a new object; the input is not modified.
 */
export function omitManagedFields(obj: unknown): unknown {
  if (isList(obj)) return { ...(obj as Record<string, unknown>), items: obj.items.map(withoutManagedFields) }
  return withoutManagedFields(obj)
}
