// DeepCopy for API objects (plain JSON data). The engine has no structuredClone: it is not an
// ECMAScript built-in, and API objects need nothing beyond JSON types anyway.
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(deepCopy) as T
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = deepCopy(v)
  return out as T
}

/** API types from kubernetes-types are readonly; the apiserver and builders fill objects in place. */
export type DeepMutable<T> = T extends (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T
