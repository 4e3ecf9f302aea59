// UI-only state: what the user typed in the editor, panel sizes, the active tab. Persisted in
// localStorage so a reload never loses the user's manifest (the mirror is never persisted: the
// worker is its source of truth).
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { SAMPLE_FILE_NAME, SAMPLE_MANIFEST } from '../editor/sample'

export interface ApplyOutput {
  id: number
  fileName: string
  dryRun: boolean
  stdout: string
  stderr: string
  exitCode: number
}

export interface UiState {
  editorFileName: string
  editorText: string
  /** Height of the bottom row (terminal and events), px. */
  bottomHeight: number
  /** Width of the editor column, px. */
  editorWidth: number
  /** Width of the events panel in the bottom row, px. */
  eventsWidth: number
  /** Apply results, oldest first (not persisted). */
  applyLog: ApplyOutput[]
}

export const useUi = create<UiState>()(
  persist(
    () => ({
      editorFileName: SAMPLE_FILE_NAME,
      editorText: SAMPLE_MANIFEST,
      bottomHeight: 300,
      editorWidth: 460,
      // Close to half the window: room for the events' messages, the rest for the shell.
      eventsWidth: typeof window === 'undefined' ? 600 : Math.round(window.innerWidth * 0.45),
      applyLog: [] as ApplyOutput[],
    }),
    {
      name: 'podlab.ui',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        editorFileName: s.editorFileName,
        editorText: s.editorText,
        bottomHeight: s.bottomHeight,
        editorWidth: s.editorWidth,
        eventsWidth: s.eventsWidth,
      }),
    },
  ),
)

const APPLY_LOG_MAX = 50

export const uiActions = {
  setEditorText(text: string): void {
    useUi.setState({ editorText: text })
  },
  setSize(key: 'bottomHeight' | 'editorWidth' | 'eventsWidth', px: number): void {
    useUi.setState({ [key]: Math.round(px) } as Pick<UiState, typeof key>)
  },
  logApply(out: ApplyOutput): void {
    useUi.setState((s) => ({ applyLog: [...s.applyLog, out].slice(-APPLY_LOG_MAX) }))
  },
}
