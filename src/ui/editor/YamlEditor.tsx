// The manifest editor (lazy chunk): Monaco with the Kubernetes schema, and apiserver dry-runs
// while typing whose field errors become markers (owner 'apiserver') on the field's line.
import { useEffect, useRef } from 'react'
import { monaco } from './monacoSetup'
import { useProblems, type Problem } from './problems'
import { engine } from '../bridge/engine'
import { uiActions, useUi } from '../state/uiStore'
import { TestIds } from '../testIds'

const DRY_RUN_DEBOUNCE_MS = 400
const APISERVER = 'apiserver'

function severityOf(s: monaco.MarkerSeverity): Problem['severity'] {
  if (s === monaco.MarkerSeverity.Error) return 'error'
  if (s === monaco.MarkerSeverity.Warning) return 'warning'
  return 'info'
}

function publishProblems(model: monaco.editor.ITextModel): void {
  const problems = monaco.editor
    .getModelMarkers({ resource: model.uri })
    .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message, owner: m.owner, severity: severityOf(m.severity) }))
    .sort((a, b) => a.line - b.line || a.column - b.column)
  useProblems.setState({ problems })
}

async function dryRun(model: monaco.editor.ITextModel, fileName: string): Promise<void> {
  const content = model.getValue()
  const result = await engine().apply(fileName, content, true)
  // A newer edit already has its own dry-run on the way: these lines may no longer match.
  if (model.isDisposed() || model.getValue() !== content) return
  let markers: monaco.editor.IMarkerData[] = []
  if (result.fieldErrors.length > 0) {
    // The YAML parser that maps field paths to lines loads only once there are field errors.
    const { locateField } = await import('./fieldPath')
    if (model.isDisposed() || model.getValue() !== content) return
    markers = result.fieldErrors.map((fe) => ({
      ...locateField(content, fe.document, fe.field),
      severity: monaco.MarkerSeverity.Error,
      message: fe.message,
      source: APISERVER,
    }))
  }
  monaco.editor.setModelMarkers(model, APISERVER, markers)
}

export default function YamlEditor() {
  const host = useRef<HTMLDivElement>(null)
  const fileName = useUi((s) => s.editorFileName)

  useEffect(() => {
    const el = host.current
    if (!el) return
    const uri = monaco.Uri.parse(`file:///manifests/${fileName}`)
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(useUi.getState().editorText, 'yaml', uri)
    const editor = monaco.editor.create(el, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      overviewRulerLanes: 2,
      padding: { top: 8 },
    })

    let timer: ReturnType<typeof setTimeout> | undefined
    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void dryRun(model, fileName), DRY_RUN_DEBOUNCE_MS)
    }
    const onChange = model.onDidChangeContent(() => {
      uiActions.setEditorText(model.getValue())
      schedule()
    })
    const onMarkers = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === uri.toString())) publishProblems(model)
    })
    schedule()

    return () => {
      clearTimeout(timer)
      onChange.dispose()
      onMarkers.dispose()
      editor.dispose()
      model.dispose()
    }
  }, [fileName])

  return <div className="monaco-host" ref={host} data-testid={TestIds.editor} />
}
