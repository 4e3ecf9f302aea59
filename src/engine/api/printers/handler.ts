// The shape of one resource's table printer: its column definitions and a row function.
// Mirrors: kubernetes pkg/printers/tablegenerator.go (TableHandler registration: columns plus a
// print function per type). Rows always carry the wide (priority 1) cells: the apiserver's
// TableConvertor calls GenerateTable with Wide: true and leaves hiding them to kubectl.

import type { KubeObject, TableColumnDefinition } from '../types'

export type Cell = string | number | boolean

export interface TableHandler<T = KubeObject> {
  columns: readonly TableColumnDefinition[]
  printRow(obj: T, nowMs: number): Cell[]
}
