import { ClockControls } from '../timeline/ClockControls'
import { useMirror } from '../state/mirrorStore'

export function TopBar() {
  const session = useMirror((s) => s.session)
  const nodes = useMirror((s) => s.uidsByKind.Node?.length ?? 0)
  return (
    <header className="topbar">
      <div className="brand">
        <img src="/icons/pod.svg" alt="" width={22} height={22} />
        <span className="brand-name">Podlab</span>
      </div>
      <div className="session">
        {session ? (
          <>
            <span className="chip">{session.scenario || 'kind'}</span>
            <span className="muted">
              {nodes} node{nodes === 1 ? '' : 's'} · seed {session.seed}
            </span>
          </>
        ) : (
          <span className="muted">starting…</span>
        )}
      </div>
      <span className="spacer" />
      <ClockControls />
      <span className="spacer" />
      <a className="credit" href="https://github.com/kubernetes/community/tree/master/icons" target="_blank" rel="noreferrer" title="Kubernetes icons from the Kubernetes Icons Set by the Kubernetes project, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)">
        Icons: Kubernetes, CC BY 4.0
      </a>
    </header>
  )
}
