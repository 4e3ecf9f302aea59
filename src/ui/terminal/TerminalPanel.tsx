import { Suspense, lazy } from 'react'
import { useMirror } from '../state/mirrorStore'

const XTerm = lazy(() => import('./XTerm'))

export function TerminalPanel() {
  const terminalIds = useMirror((s) => s.session?.terminalIds)
  const id = terminalIds?.[0] ?? 'host'
  return (
    <div className="panel terminal-panel">
      <div className="panel-header dark">
        <span className="panel-tab active">Terminal</span>
        <span className="panel-hint">{id === 'host' ? 'laptop shell' : id}</span>
      </div>
      <div className="panel-body">
        <Suspense fallback={<div className="loading dark">Loading terminal…</div>}>
          <XTerm terminalId={id} />
        </Suspense>
      </div>
    </div>
  )
}
