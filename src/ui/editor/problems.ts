// The editor's problems (all markers on its model: monaco-yaml's schema checks and the
// apiserver's dry-run), shared with the panel that lists them. Not persisted.
import { create } from 'zustand'

export interface Problem {
  line: number
  column: number
  message: string
  /** 'yaml' (schema), 'apiserver' (dry-run). */
  owner: string
  severity: 'error' | 'warning' | 'info'
}

export const useProblems = create<{ problems: Problem[] }>()(() => ({ problems: [] }))
