// The printer `kubectl get` builds for one resource type: the -o format's printer, wrapped in
// the sorting printer (--sort-by) and, for watches, the printer that skips objects kubectl has
// already shown.
// Mirrors: k8s.io/kubectl pkg/cmd/get/get.go (GetOptions.ToPrinter: SortingPrinter, skipPrinter,
// TablePrinter), get_flags.go (PrintFlags.ToPrinter), humanreadable_flags.go
// (HumanPrintFlags.ToPrinter: kind, namespace, labels and wide options of the table printer),
// skip.go, sorter.go (SortingPrinter.PrintObj), and the PrintObj of cli-runtime's JSONPrinter,
// YAMLPrinter (the `---` between documents), NamePrinter, JSONPathPrinter,
// OmitManagedFieldsPrinter and kubectl's CustomColumnsPrinter, including how each prints a
// metav1.WatchEvent for --output-watch-events.
// Kept out: the TypeSetter (objects from the apiserver already carry apiVersion and kind) and
// the table-decoding TablePrinter wrapper (Podlab's apiserver hands over Tables as objects).

import type { Table, TableRow } from '../../../api/types'
import type { ResourceInfo } from '../../../api/resources'
import { customColumnsRows } from '../printers/customColumns'
import { marshalGoJson } from '../printers/goJson'
import { toKubectlJson } from '../printers/jsonPrinter'
import { printJsonPath } from '../printers/jsonpath'
import { omitManagedFields, printNames, type OutputFormat } from '../printers/outputFormat'
import { newKubectlTabWriter, TablePrinter } from '../printers/tablePrinter'
import { TabWriter } from '../printers/tabwriter'
import { printKubectlYaml } from '../printers/yamlPrinter'
import { relaxedOrRaw, sortObjects, sortTableRows } from './getSorter'

/** Where a printer writes: kubectl's tabwriter, or straight to the output. */
export interface GetWriter {
  write(text: string): void
}

/** The printing flags of `kubectl get` (PrintFlags and HumanPrintFlags). */
export interface GetPrintFlags {
  format: OutputFormat
  noHeaders: boolean
  showLabels: boolean
  /** -L / --label-columns. */
  columnLabels: string[]
  showKind: boolean
  /** --sort-by as typed ("" for none). */
  sortBy: string
  showManagedFields: boolean
}

export interface GetPrinterOptions {
  /** The type being printed; sets the kind for `kind/name` (nil for printGeneric). */
  mapping?: ResourceInfo
  withNamespace: boolean
  withKind: boolean
  /** skipPrinter's switch, for watches: while false, objects are not printed. */
  outputObjects?: { value: boolean }
}

/** A ResourcePrinter: prints an object, a List or a Table, returning the error it fails with. */
export interface GetPrinter {
  /** `event` (ADDED, MODIFIED, ...) prints the object as a metav1.WatchEvent of that type. */
  printObj(obj: unknown, event?: string): string | undefined
}

export function isTable(obj: unknown): obj is Table {
  const o = obj as { kind?: unknown; apiVersion?: unknown } | null
  return typeof o === 'object' && o !== null && o.kind === 'Table' && o.apiVersion === 'meta.k8s.io/v1'
}

function isList(obj: unknown): obj is { items: unknown[] } {
  return typeof obj === 'object' && obj !== null && Array.isArray((obj as { items?: unknown }).items)
}

/** The metav1.WatchEvent kubectl prints with --output-watch-events, as JSON sees it. */
function watchEvent(event: string, obj: unknown): Record<string, unknown> {
  return { type: event, object: obj }
}

/** GroupKind.String(): `Pod`, `Deployment.apps`. */
function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind
}

/** The printer for the -o format, without the sorting and skipping wrappers. */
function formatPrinter(flags: GetPrintFlags, opts: GetPrinterOptions, w: GetWriter): GetPrinter {
  const format = flags.format
  switch (format.kind) {
    case 'default': {
      // HumanReadablePrinter: writes through the tabwriter it is given, or its own.
      const own = !(w instanceof TabWriter)
      const tw = own ? newKubectlTabWriter() : (w as TabWriter)
      const printer = new TablePrinter(
        {
          wide: format.wide,
          noHeaders: flags.noHeaders,
          withNamespace: opts.withNamespace,
          showLabels: flags.showLabels,
          columnLabels: flags.columnLabels,
          withKind: (flags.showKind || opts.withKind) && opts.mapping ? groupKind(opts.mapping) : undefined,
        },
        tw,
      )
      return {
        printObj(obj, event) {
          // Podlab's apiserver always answers kubectl get with a Table (server-side printing).
          if (!isTable(obj)) return 'unknown type'
          printer.printObj(obj, event)
          if (own) w.write(tw.flush())
          return undefined
        },
      }
    }
    case 'json':
      return {
        printObj(obj, event) {
          // A WatchEvent is marshalled compactly, type first (struct order), one per line;
          // OmitManagedFieldsPrinter cannot reach inside it.
          if (event) w.write(`{"type":${marshalGoJson(event)},"object":${marshalGoJson(obj)}}\n`)
          else w.write(toKubectlJson(flags.showManagedFields ? obj : omitManagedFields(obj)))
          return undefined
        },
      }
    case 'yaml': {
      let printCount = 0
      return {
        printObj(obj, event) {
          if (printCount > 0) w.write('---\n')
          printCount++
          const doc = event ? watchEvent(event, obj) : flags.showManagedFields ? obj : omitManagedFields(obj)
          const printed = printKubectlYaml(doc)
          if ('error' in printed) return printed.error
          w.write(printed.output)
          return undefined
        },
      }
    }
    case 'name':
      return {
        printObj(obj) {
          w.write(printNames(obj))
          return undefined
        },
      }
    case 'jsonpath':
      return {
        printObj(obj, event) {
          // A WatchEvent goes through json.Marshal/Unmarshal first: every number a float64.
          const printed = event
            ? printJsonPath(format.template, watchEvent(event, obj), { allowMissingKeys: format.allowMissingKeys, outputJson: format.asJson, numbers: 'typed' })
            : printJsonPath(format.template, obj, { allowMissingKeys: format.allowMissingKeys, outputJson: format.asJson })
          if ('error' in printed) return printed.error
          w.write(printed.output)
          return undefined
        },
      }
    case 'custom-columns': {
      // The header is printed once per Go type; everything kubectl get prints is one type.
      let headerPrinted = false
      return {
        printObj(obj, event) {
          const own = !(w instanceof TabWriter)
          const tw = own ? newKubectlTabWriter() : (w as TabWriter)
          const objects = event ? [watchEvent(event, obj)] : isList(obj) ? obj.items : [obj]
          const spec = headerPrinted ? { ...format.spec, noHeaders: true } : format.spec
          headerPrinted = true
          const { rows, error } = customColumnsRows(spec, objects, event ? 'typed' : 'unstructured')
          for (const row of rows) tw.write(`${row.join('\t')}\n`)
          if (own) w.write(tw.flush())
          return error
        },
      }
    }
  }
}

/**
 * GetOptions.ToPrinter's printer for one mapping: the format's printer, inside SortingPrinter
 * when --sort-by is given, inside skipPrinter when `outputObjects` is passed (watches).
 */
export function newGetPrinter(flags: GetPrintFlags, opts: GetPrinterOptions, w: GetWriter): GetPrinter {
  const delegate = formatPrinter(flags, opts, w)
  let printer = delegate
  if (flags.sortBy.length > 0) printer = sortingPrinter(flags.sortBy, delegate)
  const outputObjects = opts.outputObjects
  if (outputObjects) {
    const inner = printer
    printer = {
      printObj(obj, event) {
        if (outputObjects.value) return inner.printObj(obj, event)
        // skipPrinter still hands a Table over without its rows (the table printer learns the
        // columns); anything else is dropped.
        if (event || !isTable(obj)) return undefined
        return inner.printObj({ ...obj, rows: [] })
      },
    }
  }
  return printer
}

/** SortingPrinter: Tables with more than one row and Lists are sorted before printing. */
function sortingPrinter(sortField: string, delegate: GetPrinter): GetPrinter {
  return {
    printObj(obj, event) {
      if (event) return delegate.printObj(obj, event)
      if (isTable(obj) && obj.rows.length > 1) {
        const rows = sortTableRows<TableRow>(obj.rows, relaxedOrRaw(sortField))
        if ('error' in rows) return rows.error
        return delegate.printObj({ ...obj, rows })
      }
      if (isList(obj)) {
        if (obj.items.length === 0) return delegate.printObj(obj)
        const sorted = sortObjects(obj.items, sortField)
        if ('error' in sorted) return sorted.error
        return delegate.printObj({ ...obj, items: sorted.sorted })
      }
      return delegate.printObj(obj)
    },
  }
}
