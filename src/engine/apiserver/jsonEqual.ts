// Whether two API objects would serialize to the same JSON text, without serializing them: the
// same keys in the same order (undefined members left out, as JSON.stringify leaves them out)
// and equal values. The apiserver uses it to tell a no-op update, on every write.

type Json = unknown

function definedKeys(o: Record<string, unknown>, skip?: ReadonlySet<string>): string[] {
  const keys: string[] = []
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue
    if (o[k] === undefined || typeof o[k] === 'function' || skip?.has(k)) continue
    keys.push(k)
  }
  return keys
}

export function jsonEqual(a: Json, b: Json, skipTop?: ReadonlySet<string>): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // NaN and infinities serialize as null.
    if (typeof a === 'number' && typeof b === 'number') return !Number.isFinite(a) && !Number.isFinite(b)
    if (typeof a === 'number' && !Number.isFinite(a)) return b === null
    if (typeof b === 'number' && !Number.isFinite(b)) return a === null
    return false
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    if (a.length !== bb.length) return false
    for (let i = 0; i < a.length; i++) {
      // JSON.stringify writes undefined array members as null.
      const x = a[i] === undefined ? null : a[i]
      const y = bb[i] === undefined ? null : bb[i]
      if (!jsonEqual(x, y)) return false
    }
    return true
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const ak = definedKeys(ao, skipTop)
  const bk = definedKeys(bo, skipTop)
  if (ak.length !== bk.length) return false
  for (let i = 0; i < ak.length; i++) {
    if (ak[i] !== bk[i]) return false
    if (!jsonEqual(ao[ak[i]!], bo[bk[i]!])) return false
  }
  return true
}

const META_SKIP: ReadonlySet<string> = new Set(['resourceVersion', 'managedFields'])

/** A no-op update: equal but for metadata.resourceVersion and metadata.managedFields. */
export function sameObject(a: object, b: object): boolean {
  const ak = definedKeys(a as Record<string, unknown>)
  const bk = definedKeys(b as Record<string, unknown>)
  if (ak.length !== bk.length) return false
  for (let i = 0; i < ak.length; i++) {
    const k = ak[i]!
    if (k !== bk[i]) return false
    const x = (a as Record<string, unknown>)[k]
    const y = (b as Record<string, unknown>)[k]
    const equal = k === 'metadata' && x && y && typeof x === 'object' && typeof y === 'object' ? metaEqual(x, y) : jsonEqual(x, y)
    if (!equal) return false
  }
  return true
}

function metaEqual(x: object, y: object): boolean {
  return jsonEqual(x, y, META_SKIP)
}
