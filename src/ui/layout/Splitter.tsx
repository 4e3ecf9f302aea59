// A drag handle between two panels. It reports the new size of the panel it controls; the
// layout clamps it with CSS so no panel can be dragged away entirely.
import { useRef } from 'react'

export interface SplitterProps {
  /** 'x' resizes a width (vertical bar), 'y' a height (horizontal bar). */
  axis: 'x' | 'y'
  size: number
  /** +1 when dragging right/down grows the panel, -1 when it shrinks it. */
  direction: 1 | -1
  min: number
  onResize(px: number): void
  label: string
}

export function Splitter({ axis, size, direction, min, onResize, label }: SplitterProps) {
  const start = useRef<{ pos: number; size: number } | null>(null)
  return (
    <div
      className={`splitter ${axis}`}
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={label}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId)
        start.current = { pos: axis === 'x' ? e.clientX : e.clientY, size }
      }}
      onPointerMove={(e) => {
        if (!start.current) return
        const delta = (axis === 'x' ? e.clientX : e.clientY) - start.current.pos
        onResize(Math.max(min, start.current.size + direction * delta))
      }}
      onPointerUp={() => (start.current = null)}
      onPointerCancel={() => (start.current = null)}
    />
  )
}
