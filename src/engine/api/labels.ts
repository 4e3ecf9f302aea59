// Label selectors (k8s.io/apimachinery/pkg/labels). (Interim version by the lead; the full
// parser with upstream's error texts replaces it.)
import type { LabelSelector } from './types'

export interface Selector {
  matches(labels: Record<string, string>): boolean
  string(): string
}

interface Req {
  key: string
  op: 'in' | 'notin' | 'exists' | '!' | '=' | '!='
  values: string[]
}

export function parseSelector(s: string): Selector {
  const reqs: Req[] = []
  const terms = s.match(/([^,(]+(\([^)]*\))?)/g) ?? []
  for (const raw of terms) {
    const t = raw.trim()
    if (!t) continue
    let m: RegExpExecArray | null
    if ((m = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(t))) reqs.push({ key: m[1], op: m[2] as 'in', values: m[3].split(',').map((v) => v.trim()) })
    else if ((m = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(t))) reqs.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [m[3]] })
    else if ((m = /^!\s*(\S+)$/.exec(t))) reqs.push({ key: m[1], op: '!', values: [] })
    else if (/^[^\s!=()]+$/.test(t)) reqs.push({ key: t, op: 'exists', values: [] })
    else throw new Error(`unable to parse requirement: ${t}`)
  }
  return fromReqs(reqs, s)
}

function fromReqs(reqs: Req[], text: string): Selector {
  return {
    string: () => text,
    matches(labels) {
      return reqs.every((r) => {
        const has = Object.prototype.hasOwnProperty.call(labels, r.key)
        const v = labels[r.key]
        switch (r.op) {
          case '=':
          case 'in':
            return has && r.values.includes(v)
          case '!=':
          case 'notin':
            return !has || !r.values.includes(v)
          case 'exists':
            return has
          case '!':
            return !has
        }
      })
    },
  }
}

export function labelSelectorAsSelector(sel: LabelSelector | undefined): Selector {
  const parts: string[] = []
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) parts.push(`${k}=${v}`)
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`)
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`)
    else if (e.operator === 'Exists') parts.push(e.key)
    else parts.push(`!${e.key}`)
  }
  return parseSelector(parts.join(','))
}

export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>'
}
