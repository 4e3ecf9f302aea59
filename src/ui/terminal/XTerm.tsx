// The terminal panel's xterm (lazy-loaded: xterm is the largest library on the page).
import { useEffect, useRef } from 'react'
import { terminalView } from './terminalViews'
import { TestIds } from '../testIds'

export default function XTerm({ terminalId }: { terminalId: string }) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = host.current
    if (!el) return
    const view = terminalView(terminalId)
    view.mount(el)
    view.term.focus()
    let frame = 0
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        if (el.clientWidth > 0 && el.clientHeight > 0) view.fit.fit()
      })
    })
    ro.observe(el)
    return () => {
      cancelAnimationFrame(frame)
      ro.disconnect()
    }
  }, [terminalId])
  return <div className="xterm-host" ref={host} data-testid={TestIds.terminal} />
}
