// DeepCopy for API objects (plain JSON data). The engine has no structuredClone: it is not an
// ECMAScript built-in, and API objects need nothing beyond JSON types anyway.
// Every request body is copied as it is decoded, so this is one of the engine's hottest
// functions: plain indexed loops, no Object.entries or Array.prototype.map allocations.
// Own enumerable keys are copied in their order; undefined properties are left out (as JSON
// leaves them out); arrays keep their length and undefined elements.
export function deepCopy<T>(value: T): T {
  return value === null || typeof value !== 'object' ? value : (copyObject(value) as T)
}

function copyObject(value: object): object {
  if (Array.isArray(value)) {
    const n = value.length
    const out: unknown[] = []
    for (let i = 0; i < n; i++) {
      const v: unknown = value[i]
      out.push(v === null || typeof v !== 'object' ? v : copyObject(v))
    }
    return out
  }
  const out: Record<string, unknown> = {}
  const keys = Object.keys(value)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    const v = (value as Record<string, unknown>)[k]
    if (v === undefined) continue
    out[k] = v === null || typeof v !== 'object' ? v : copyObject(v)
  }
  return out
}

/** API types from kubernetes-types are readonly; the apiserver and builders fill objects in place. */
export type DeepMutable<T> = T extends (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T
