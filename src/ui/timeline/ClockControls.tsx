// Pause/resume, step to the next engine timer, speed, and the virtual time. The worker owns the
// clock; these only send `clock` requests and show the state the batches report.
import { SPEEDS } from '../../worker/protocol'
import { engine } from '../bridge/engine'
import { useMirror } from '../state/mirrorStore'
import { selectClock } from '../state/selectors'
import { clockTime } from '../format/time'
import { TestIds } from '../testIds'

export function ClockControls() {
  const clock = useMirror(selectClock)
  const disabled = !clock
  const paused = clock?.paused ?? false
  return (
    <div className="clock" role="group" aria-label="Clock">
      <button
        type="button"
        className="btn icon"
        data-testid={TestIds.clockToggle}
        disabled={disabled}
        onClick={() => engine().clock(paused ? 'resume' : 'pause')}
        title={paused ? 'Resume the clock' : 'Pause the clock'}
        aria-label={paused ? 'Resume' : 'Pause'}
      >
        {paused ? (
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M4 2.5v11l9-5.5z" fill="currentColor" /></svg>
        ) : (
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" /></svg>
        )}
      </button>
      <button
        type="button"
        className="btn icon"
        data-testid={TestIds.clockStep}
        disabled={disabled}
        onClick={() => engine().clock('step')}
        title="Step: pause and run to the next scheduled event"
        aria-label="Step"
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M3 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z" fill="currentColor" /></svg>
      </button>
      <select
        className="speed"
        data-testid={TestIds.clockSpeed}
        disabled={disabled}
        value={clock?.speed ?? 1}
        onChange={(e) => engine().clock('setSpeed', Number(e.target.value))}
        aria-label="Speed"
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <time
        className={`clock-time${paused ? ' paused' : ''}`}
        data-testid={TestIds.clockTime}
        dateTime={clock ? new Date(clock.now).toISOString() : undefined}
        title={clock ? `Virtual time ${new Date(clock.now).toISOString()}` : undefined}
      >
        {clock ? clockTime(clock.now) : '--:--:--'}
      </time>
      {paused && <span className="paused-tag">paused</span>}
    </div>
  )
}
