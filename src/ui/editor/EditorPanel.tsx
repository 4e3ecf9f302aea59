// The editor column: a manifest tab, Apply, the problems list and what apply printed. The
// Monaco part is lazy; everything else here is small and loads with the page.
import { Suspense, lazy, useState } from 'react'
import { engine } from '../bridge/engine'
import { uiActions, useUi } from '../state/uiStore'
import { useMirror } from '../state/mirrorStore'
import { selectPhase } from '../state/selectors'
import { useProblems } from './problems'
import { TestIds } from '../testIds'

const YamlEditor = lazy(() => import('./YamlEditor'))

let applyCount = 0

async function applyNow(): Promise<void> {
  const { editorFileName, editorText } = useUi.getState()
  const result = await engine().apply(editorFileName, editorText, false)
  uiActions.logApply({ id: ++applyCount, fileName: editorFileName, dryRun: false, ...result })
}

function Problems() {
  const problems = useProblems((s) => s.problems)
  if (problems.length === 0) return null
  return (
    <ul className="problems" data-testid={TestIds.editorProblems}>
      {problems.map((p, i) => (
        <li key={i} className={`problem ${p.severity}`} data-owner={p.owner} data-line={p.line}>
          <span className="problem-pos">Ln {p.line}</span>
          <span className="problem-msg">{p.message}</span>
          <span className="problem-owner">{p.owner}</span>
        </li>
      ))}
    </ul>
  )
}

function ApplyStatus() {
  const last = useUi((s) => s.applyLog[s.applyLog.length - 1])
  if (!last) return <div className="apply-status muted" data-testid={TestIds.editorStatus}>Apply sends this file to the cluster, like kubectl apply -f.</div>
  const text = (last.exitCode === 0 ? last.stdout : last.stderr || last.stdout).trim().split('\n').join(' · ')
  return (
    <div className={`apply-status ${last.exitCode === 0 ? 'ok' : 'err'}`} data-testid={TestIds.editorStatus} title={text}>
      {text || `exit ${last.exitCode}`}
    </div>
  )
}

function ApplyOutput() {
  const log = useUi((s) => s.applyLog)
  if (log.length === 0) return null
  return (
    <pre className="apply-output" data-testid={TestIds.editorOutput}>
      {log.map((r) => (
        <div key={r.id}>
          <span className="apply-cmd">apply -f {r.fileName}</span>
          {'\n'}
          {r.stdout && <span>{r.stdout}</span>}
          {r.stderr && <span className="stderr">{r.stderr}</span>}
        </div>
      ))}
    </pre>
  )
}

export function EditorPanel() {
  const fileName = useUi((s) => s.editorFileName)
  const ready = useMirror(selectPhase) === 'ready'
  const [busy, setBusy] = useState(false)
  const onApply = () => {
    setBusy(true)
    void applyNow().finally(() => setBusy(false))
  }
  return (
    <div className="panel editor-panel">
      <div className="panel-header">
        <span className="panel-tab active">{fileName}</span>
        <span className="spacer" />
        <button type="button" className="btn primary" data-testid={TestIds.editorApply} onClick={onApply} disabled={!ready || busy}>
          Apply
        </button>
      </div>
      <div className="panel-body editor-body">
        <Suspense fallback={<div className="loading">Loading editor…</div>}>
          <YamlEditor />
        </Suspense>
      </div>
      <Problems />
      <ApplyStatus />
      <ApplyOutput />
    </div>
  )
}
