// kubectl's human-readable printer of server-side Tables (`kubectl get`, `get -o wide`, `-A`,
// `--show-labels`, `-L`, `get -w`), writing through one remembered-width tabwriter.
// Mirrors: k8s.io/cli-runtime pkg/printers/tableprinter.go (HumanReadablePrinter.PrintObj,
// printTable, decorateTable, addColumns, formatLabelHeaders, labelValues), terminal.go
// (WriteEscaped) and tabwriter.go (GetNewTabWriter: 6, 4, 3, ' ', RememberWidths); plus the
// group loop of kubectl pkg/cmd/get/get.go (new header set per resource type, widths reset,
// one blank line between groups that printed something).
// Dropped: the fallback for servers that answer with a plain object instead of a Table (the
// default NAME/AGE handler): Podlab's apiserver always answers with a Table.

import type { KubeObject, Table, TableColumnDefinition } from '../../../api/types'
import { formatLabels } from '../../../api/printers/helpers'
import { REMEMBER_WIDTHS, TabWriter } from './tabwriter'

export interface TablePrintOptions {
  /** -o wide: also show priority > 0 columns. */
  wide?: boolean
  /** --no-headers. */
  noHeaders?: boolean
  /** -A: a NAMESPACE column first, from each row's object. */
  withNamespace?: boolean
  /** --show-labels: a LABELS column last. */
  showLabels?: boolean
  /** Prefix NAME cells as "<kind>[.<group>]/<name>", e.g. "pod" or "deployment.apps". */
  withKind?: string
  /** -L key1,key2: one column per label key, headed by the upper-cased last path segment. */
  columnLabels?: string[]
}

type AnyCell = unknown

interface WorkingTable {
  columns: TableColumnDefinition[]
  rows: { cells: AnyCell[]; object?: KubeObject }[]
}

/** GetNewTabWriter: the tabwriter every kubectl table goes through. */
export function newKubectlTabWriter(): TabWriter {
  return new TabWriter(6, 4, 3, ' ', REMEMBER_WIDTHS)
}

/** WriteEscaped: ESC becomes "^[" and CR "\r" (two characters), against terminal injection. */
export function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r')
}

/** fmt.Sprint of a decoded JSON cell value (ints stay ints: the apimachinery decoder keeps them). */
function sprint(value: unknown): string {
  if (typeof value === 'number') return formatGoNumber(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return '<nil>'
  return JSON.stringify(value)
}

/** Go %v of an int64 or float64. */
function formatGoNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN'
  const abs = Math.abs(n)
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    // strconv 'g' with the shortest representation: "1e-05", "1.5e+21"
    const [mant, exp] = n.toExponential().split('e')
    const e = Number(exp)
    const sign = e < 0 ? '-' : '+'
    const digits = String(Math.abs(e)).padStart(2, '0')
    return `${mant}e${sign}${digits}`
  }
  return String(n)
}

/** printTable's cell formatting: strings cut at the first line break (then "..."), escaped. */
function formatCell(cell: AnyCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') {
    const m = /[\f\n\r]/.exec(cell)
    return m ? escapeTerminal(cell.slice(0, m.index)) + '...' : escapeTerminal(cell)
  }
  return escapeTerminal(sprint(cell))
}

/** formatLabelHeaders: "app.kubernetes.io/name" heads its column "NAME". */
export function formatLabelHeaders(columnLabels: readonly string[]): string[] {
  return columnLabels.map((l) => {
    const parts = l.split('/')
    return parts[parts.length - 1].toUpperCase()
  })
}

function columnsEqual(a: readonly TableColumnDefinition[] | undefined, b: readonly TableColumnDefinition[] | undefined): boolean {
  if (!a || !b) return a === b
  if (a.length !== b.length) return false
  return a.every(
    (c, i) => c.name === b[i].name && c.type === b[i].type && c.format === b[i].format && c.description === b[i].description && c.priority === b[i].priority,
  )
}

/** decorateTable: NAMESPACE first, label columns last, kind-prefixed names. Never mutates input. */
function decorateTable(table: WorkingTable, options: TablePrintOptions): WorkingTable {
  const columnLabels = options.columnLabels ?? []
  let width = table.columns.length + columnLabels.length
  if (options.withNamespace) width++
  if (options.showLabels) width++

  let columns = table.columns
  let nameColumn = -1
  if (options.withKind) {
    nameColumn = columns.findIndex((c) => c.format === 'name' && c.type === 'string')
  }
  if (width !== table.columns.length) {
    const extra = (name: string): TableColumnDefinition => ({ name, type: 'string', format: '', description: '', priority: 0 })
    columns = [
      ...(options.withNamespace ? [extra('Namespace')] : []),
      ...table.columns,
      ...formatLabelHeaders(columnLabels).map(extra),
      ...(options.showLabels ? [extra('Labels')] : []),
    ]
  }

  const includeLabels = columnLabels.length > 0 || !!options.showLabels
  let rows = table.rows
  if (includeLabels || options.withNamespace || nameColumn !== -1) {
    rows = table.rows.map((row) => {
      let cells = [...row.cells]
      if (nameColumn !== -1) cells[nameColumn] = `${options.withKind!.toLowerCase()}/${sprint(cells[nameColumn])}`
      const meta = row.object?.metadata
      if (!meta) {
        if (options.withNamespace) cells = [null, ...cells]
        // upstream appends inside `for j := 0; j < width-len(row.Cells); j++`, re-evaluating
        // the bound as the row grows, so only about half of the missing cells are added
        for (let j = 0; j < width - cells.length; j++) cells.push(null)
        return { ...row, cells }
      }
      if (options.withNamespace) cells = [meta.namespace ?? '', ...cells]
      if (includeLabels) {
        const labels = meta.labels ?? {}
        for (const key of columnLabels) cells.push(labels[key] ?? '')
        if (options.showLabels) cells.push(formatLabels(labels))
      }
      return { ...row, cells }
    })
  }
  return { columns, rows }
}

/** watch.EventType as `--output-watch-events` prints it. */
const FORMATTED_EVENT_TYPE: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
}

/**
 * A HumanReadablePrinter bound to one tabwriter: print the list, then each watch event's table,
 * and the columns stay aligned (widths only grow), as `kubectl get -w` does.
 * @example
 * const p = new TablePrinter({})
 * p.printObj(printTable('pods', pods, now)); out(p.flush())
 * p.printObj(printTable('pods', [changed], now)); out(p.flush()) // no header, same widths
 */
export class TablePrinter {
  private readonly options: TablePrintOptions
  private readonly writer: TabWriter
  private lastColumns: TableColumnDefinition[] | undefined
  private printedHeaders = false

  constructor(options: TablePrintOptions = {}, writer: TabWriter = newKubectlTabWriter()) {
    this.options = options
    this.writer = writer
  }

  /**
   * PrintObj for a Table. `eventType` (ADDED, MODIFIED, ...) adds the leading EVENT column of
   * `--output-watch-events`. Headers are printed once per distinct set of column definitions,
   * and not at all for a table without rows.
   */
  printObj(table: Table, eventType?: string): void {
    const local: TablePrintOptions = { ...this.options }
    let columns = table.columnDefinitions ?? []
    if (this.printedHeaders && (columns.length === 0 || columnsEqual(columns, this.lastColumns))) {
      local.noHeaders = true
    }
    if (columns.length === 0) {
      // Watch events may omit the columns to save bandwidth: reuse the last ones.
      columns = this.lastColumns ?? []
    } else if (!columnsEqual(columns, this.lastColumns)) {
      this.lastColumns = columns
      this.printedHeaders = false
    }
    if (table.rows.length > 0) this.printedHeaders = true

    let working = decorateTable({ columns: [...columns], rows: table.rows.map((r) => ({ cells: r.cells, object: r.object })) }, local)
    if (eventType) {
      const formatted = FORMATTED_EVENT_TYPE[eventType] ?? eventType
      working = {
        columns: [{ name: 'Event', type: 'string', format: '', description: '', priority: 0 }, ...working.columns],
        rows: working.rows.map((r) => ({ ...r, cells: [formatted, ...r.cells] })),
      }
    }
    this.writer.write(renderTable(working, local))
  }

  /** Flush the tabwriter; returns the text printed since the last flush. */
  flush(): string {
    return this.writer.flush()
  }

  /** SetRememberedWidths(nil): a new resource type starts with fresh column widths. */
  resetWidths(): void {
    this.writer.setRememberedWidths([])
  }
}

/** printTable: header line (upper-cased names) unless noHeaders or no rows, then the rows. */
function renderTable(table: WorkingTable, options: TablePrintOptions): string {
  const visible = (c: TableColumnDefinition): boolean => !!options.wide || c.priority === 0
  let out = ''
  if (!options.noHeaders) {
    // avoid printing headers if we have no rows to display
    if (table.rows.length === 0) return ''
    out += table.columns.filter(visible).map((c) => c.name.toUpperCase()).join('\t') + '\n'
  }
  for (const row of table.rows) {
    const cells: string[] = []
    for (let i = 0; i < row.cells.length; i++) {
      // don't trust the server to send no more cells than columns (issue 66379)
      if (i >= table.columns.length) break
      if (!visible(table.columns[i])) continue
      cells.push(formatCell(row.cells[i]))
    }
    out += cells.join('\t') + '\n'
  }
  return out
}

/**
 * One-shot printing of a single Table, as `kubectl get <type>` does.
 * @example printTableText(printTable('nodes', nodes, now), { wide: true })
 */
export function printTableText(table: Table, options: TablePrintOptions = {}): string {
  const printer = new TablePrinter(options)
  printer.printObj(table)
  return printer.flush()
}

/** One resource group of `kubectl get a,b` / `kubectl get all`. */
export interface TableGroup {
  table: Table
  options: TablePrintOptions
}

/**
 * The group loop of get.go: each resource type gets a fresh printer (headers) and forgets the
 * previous widths; a blank line goes before a group only if something was printed since the
 * previous header set and headers are on. Returns the stdout text ("" when nothing matched,
 * where kubectl prints "No resources found..." on stderr instead).
 */
export function printTableGroups(groups: readonly TableGroup[]): string {
  const writer = newKubectlTabWriter()
  let out = ''
  let written = 0
  let separatorReady = false
  let first = true
  const emit = (text: string): void => {
    if (text.length === 0) return
    if (separatorReady) {
      out += '\n'
      written += 1
      separatorReady = false
    }
    out += text
    written += text.length
  }
  for (const group of groups) {
    emit(writer.flush())
    writer.setRememberedWidths([])
    if (!first && !group.options.noHeaders && written > 0) separatorReady = true
    first = false
    const printer = new TablePrinter(group.options, writer)
    printer.printObj(group.table)
  }
  emit(writer.flush())
  return out
}
