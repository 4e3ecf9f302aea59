// Elastic tabstops: the column aligner behind every `kubectl get` table (liggitt/tabwriter,
// minwidth 6, tabwidth 4, padding 3, RememberWidths) and every `kubectl describe` (Go's
// text/tabwriter, minwidth 0, tabwidth 8, padding 2).
// Mirrors: github.com/liggitt/tabwriter tabwriter.go (a fork of Go's text/tabwriter that adds
// RememberWidths); with RememberWidths off it behaves as text/tabwriter.
// Kept: cells terminated by \t (hard) or \v (soft), lines by \n or \f (\f also flushes), the
// "a line with a single cell flushes" rule, column blocks of consecutive lines, widths in
// code points (Go counts runes), AlignRight, DiscardEmptyColumns, TabIndent, Debug, padchar \t.
// Dropped: Escape (\xff) sequences and FilterHTML. A JS string written as UTF-8 never contains
// the byte 0xff, and kubectl never sets FilterHTML, so neither can change kubectl's output.

/** Right-align cell content (upstream AlignRight). */
export const ALIGN_RIGHT = 1 << 2
/** Treat columns made only of empty soft-tab (\v) cells as absent. */
export const DISCARD_EMPTY_COLUMNS = 1 << 3
/** Pad leading empty cells with tabs whatever the padchar. */
export const TAB_INDENT = 1 << 4
/** Print '|' between columns. */
export const DEBUG = 1 << 5
/** Keep the widest width seen per column across flushes, so streamed rows stay aligned. */
export const REMEMBER_WIDTHS = 1 << 6

interface Cell {
  text: string
  /** Width in code points, as Go's utf8.RuneCount. */
  width: number
  /** Terminated by a hard tab. */
  htab: boolean
}

function runeCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/**
 * A tabwriter.Writer. `write` text in any chunks; `flush` formats whatever is buffered and
 * returns all output produced since the previous `flush` call (a line holding a single cell,
 * or a \f, makes the writer emit earlier lines on its own, as upstream does).
 * @example
 * const w = new TabWriter(6, 4, 3, ' ', REMEMBER_WIDTHS)
 * w.write('NAME\tREADY\nweb\t1/1\n')
 * w.flush() // "NAME   READY\nweb    1/1\n"
 */
export class TabWriter {
  private readonly minwidth: number
  private readonly tabwidth: number
  private readonly padding: number
  private readonly padchar: string
  private readonly flags: number

  private lines: Cell[][] = [[]]
  private cell = ''
  private widths: number[] = []
  private maxwidths: number[] = []
  private out: string[] = []

  constructor(minwidth: number, tabwidth: number, padding: number, padchar: string, flags: number) {
    if (minwidth < 0 || tabwidth < 0 || padding < 0) throw new Error('negative minwidth, tabwidth, or padding')
    this.minwidth = minwidth
    this.tabwidth = tabwidth
    this.padding = padding
    this.padchar = padchar
    // "tab padding enforces left-alignment"
    this.flags = padchar === '\t' ? flags & ~ALIGN_RIGHT : flags
  }

  write(text: string): void {
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue
      this.cell += text.slice(start, i)
      start = i + 1
      const ncells = this.terminateCell(ch === '\t')
      if (ch === '\n' || ch === '\f') {
        this.lines.push([])
        // A '\f' always flushes. A finished line with a single cell cannot influence the
        // alignment of later lines (the last cell of a line is never part of a column), so
        // everything so far can be written out.
        if (ch === '\f' || ncells === 1) {
          this.flushBuffered()
          if (ch === '\f' && this.flags & DEBUG) this.out.push('---\n')
        }
      }
    }
    this.cell += text.slice(start)
  }

  /** Format and emit everything buffered; return the output since the last call. */
  flush(): string {
    this.flushBuffered()
    const text = this.out.join('')
    this.out = []
    return text
  }

  /** True when nothing is buffered. */
  isEmpty(): boolean {
    return this.cell.length === 0 && this.lines.length === 1 && this.lines[0].length === 0
  }

  /** RememberedWidths: a copy of the remembered per-column widths. */
  rememberedWidths(): number[] {
    return [...this.maxwidths]
  }

  /** SetRememberedWidths: replace (or, with [], forget) the remembered widths. */
  setRememberedWidths(widths: readonly number[]): this {
    this.maxwidths = [...widths]
    return this
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]
    line.push({ text: this.cell, width: runeCount(this.cell), htab })
    this.cell = ''
    return line.length
  }

  private flushBuffered(): void {
    if (this.cell.length > 0) this.terminateCell(false)
    this.format(0, this.lines.length)
    this.lines = [[]]
    this.cell = ''
    this.widths = []
  }

  /**
   * Format lines [line0, line1): find the next block of consecutive lines that have a cell in
   * column `widths.length`, size that column, and recurse into the columns to its right.
   */
  private format(line0: number, line1: number): void {
    const column = this.widths.length
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur].length - 1) continue
      // A cell exists in this column: this line has more cells than the previous one.
      this.writeLines(line0, cur)
      line0 = cur

      let width = this.minwidth
      let discardable = true
      for (; cur < line1; cur++) {
        const line = this.lines[cur]
        if (column >= line.length - 1) break
        const c = line[column]
        const w = c.width + this.padding
        if (w > width) width = w
        if (c.width > 0 || c.htab) discardable = false
      }
      if (discardable && this.flags & DISCARD_EMPTY_COLUMNS) width = 0

      if (this.flags & REMEMBER_WIDTHS) {
        if (this.maxwidths.length < this.widths.length) {
          this.maxwidths.push(...this.widths.slice(this.maxwidths.length))
        }
        const i = this.widths.length
        if (this.maxwidths.length === i) this.maxwidths.push(width)
        else if (this.maxwidths[i] > width) width = this.maxwidths[i]
        else if (this.maxwidths[i] < width) this.maxwidths[i] = width
      }

      this.widths.push(width)
      this.format(line0, cur)
      this.widths.pop()
      line0 = cur
    }
    this.writeLines(line0, line1)
  }

  private writeLines(line0: number, line1: number): void {
    const debug = (this.flags & DEBUG) !== 0
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]
      let useTabs = (this.flags & TAB_INDENT) !== 0
      for (let j = 0; j < line.length; j++) {
        const c = line[j]
        if (j > 0 && debug) this.out.push('|')
        if (c.text.length === 0) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j], useTabs)
        } else {
          useTabs = false
          if (this.flags & ALIGN_RIGHT) {
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j], false)
            this.out.push(c.text)
          } else {
            this.out.push(c.text)
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j], false)
          }
        }
      }
      // The last buffered line has no newline yet: write the incomplete cell instead.
      if (i + 1 === this.lines.length) this.out.push(this.cell)
      else this.out.push('\n')
    }
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean): void {
    if (this.padchar === '\t' || useTabs) {
      if (this.tabwidth === 0) return
      const w = Math.ceil(cellw / this.tabwidth) * this.tabwidth
      const n = w - textw
      if (n < 0) throw new Error('internal error')
      this.out.push('\t'.repeat(Math.ceil(n / this.tabwidth)))
      return
    }
    this.out.push(this.padchar.repeat(Math.max(0, cellw - textw)))
  }
}
