import { describe, it, expect } from 'vitest'
import { ageSince, clockTime, humanDuration } from './time'

const s = 1000, m = 60 * s, h = 60 * m, d = 24 * h

describe('humanDuration (apimachinery HumanDuration; facts §1.2)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-500, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 30 * s, '2m30s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [45 * d, '45d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [3 * 365 * d + 12 * d, '3y12d'],
    [9 * 365 * d, '9y'],
  ])('%d ms is %s', (ms, want) => expect(humanDuration(ms)).toBe(want))
})

describe('ageSince', () => {
  it('measures from an RFC 3339 timestamp to the virtual now', () => {
    expect(ageSince('2025-01-01T00:00:00Z', Date.parse('2025-01-01T00:01:05Z'))).toBe('65s')
  })
  it('prints <unknown> without a time', () => {
    expect(ageSince(undefined, 0)).toBe('<unknown>')
  })
})

describe('clockTime', () => {
  it('formats virtual epoch ms as UTC HH:MM:SS', () => {
    expect(clockTime(Date.parse('2025-03-04T09:08:07.999Z'))).toBe('09:08:07')
  })
})
