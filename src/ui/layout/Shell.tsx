// The page: top bar; graph (centre) and editor (right); terminal and events along the bottom.
// Sizes are UI state (persisted); CSS clamps them to the window.
import type { CSSProperties } from 'react'
import { TopBar } from './TopBar'
import { Splitter } from './Splitter'
import { GraphCanvas } from '../graph/GraphCanvas'
import { EditorPanel } from '../editor/EditorPanel'
import { TerminalPanel } from '../terminal/TerminalPanel'
import { EventsPanel } from '../inspect/EventsPanel'
import { uiActions, useUi } from '../state/uiStore'
import { useMirror } from '../state/mirrorStore'
import { selectFatal } from '../state/selectors'
import { TestIds } from '../testIds'

function FatalBanner() {
  const fatal = useMirror(selectFatal)
  if (!fatal) return null
  return (
    <div className="fatal" role="alert" data-testid={TestIds.fatal}>
      <strong>The simulation stopped.</strong> <span>{fatal.split('\n')[0]}</span>
      <button type="button" className="btn" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  )
}

export function Shell() {
  const bottomHeight = useUi((s) => s.bottomHeight)
  const editorWidth = useUi((s) => s.editorWidth)
  const eventsWidth = useUi((s) => s.eventsWidth)
  const style = {
    '--bottom-h': `${bottomHeight}px`,
    '--editor-w': `${editorWidth}px`,
    '--events-w': `${eventsWidth}px`,
  } as CSSProperties
  return (
    <div className="app" style={style}>
      <TopBar />
      <FatalBanner />
      <main className="workspace">
        <section className="graph-pane" aria-label="Cluster graph">
          <GraphCanvas />
        </section>
        <Splitter axis="x" size={editorWidth} direction={-1} min={280} onResize={(px) => uiActions.setSize('editorWidth', px)} label="Resize editor" />
        <section className="editor-pane" aria-label="Editor">
          <EditorPanel />
        </section>
      </main>
      <Splitter axis="y" size={bottomHeight} direction={-1} min={120} onResize={(px) => uiActions.setSize('bottomHeight', px)} label="Resize terminal" />
      <footer className="bottom-row">
        <section className="terminal-pane" aria-label="Terminal">
          <TerminalPanel />
        </section>
        <Splitter axis="x" size={eventsWidth} direction={-1} min={240} onResize={(px) => uiActions.setSize('eventsWidth', px)} label="Resize events" />
        <section className="events-pane" aria-label="Events">
          <EventsPanel />
        </section>
      </footer>
    </div>
  )
}
