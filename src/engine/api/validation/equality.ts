// apiequality.Semantic.DeepEqual: reflect.DeepEqual as apimachinery forks it, where an empty
// slice or map equals a nil one, and resource.Quantity compares by value (Cmp), not by its
// internal representation.
// Mirrors: k8s.io/apimachinery pkg/api/equality/semantic.go and
// third_party/forked/golang/reflect/deep_equal.go (Equalities.DeepEqual).
// Left out: the metav1.Time/MicroTime and label/field selector equalities (no such fields in
// the values compared here).

import type { GoPtr, GoStruct, GoType, GoValue } from './goValue'

export function semanticDeepEqual(t: GoType, a: GoValue, b: GoValue): boolean {
  if (t.equal) return t.equal(a, b)
  switch (t.kind) {
    case 'bool':
    case 'int32':
    case 'int64':
    case 'string':
      return a === b || String(a) === String(b)
    case 'ptr':
      if (a === null || b === null) return a === b
      return semanticDeepEqual(t.elem!, (a as GoPtr).elem, (b as GoPtr).elem)
    case 'slice': {
      const xs = (a as readonly GoValue[] | null) ?? []
      const ys = (b as readonly GoValue[] | null) ?? []
      return xs.length === ys.length && xs.every((x, i) => semanticDeepEqual(t.elem!, x, ys[i]))
    }
    case 'map': {
      const mx = (a as ReadonlyMap<string, GoValue> | null) ?? new Map<string, GoValue>()
      const my = (b as ReadonlyMap<string, GoValue> | null) ?? new Map<string, GoValue>()
      if (mx.size !== my.size) return false
      for (const [k, v] of mx) if (!my.has(k) || !semanticDeepEqual(t.elem!, v, my.get(k)!)) return false
      return true
    }
    case 'struct':
      return t.fields!.every((f) => semanticDeepEqual(f.type, (a as GoStruct)[f.name], (b as GoStruct)[f.name]))
  }
}
