// The store's ordered index of live keys (etcd mvcc/index.go: treeIndex, a B-tree of keys that
// Range walks from the first key >= the range start). Here the B-tree is flattened to one level:
// a list of sorted leaves of at most LEAF_MAX keys each, so that adding or removing a key moves
// at most a leaf's worth of entries, instead of re-sorting (or shifting) every key of the store.
// Left out: etcd's per-key generations and revisions (the Store keeps only the live value).

/** Leaves split in two when they grow past this; small enough that a splice into one is cheap. */
const LEAF_MAX = 512

/** etcd orders keys byte-wise; for the ASCII keys of the registry, code-unit order is the same. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (keys[mid] < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

export class KeyIndex {
  /** Non-empty sorted leaves; every key of leaf i sorts before every key of leaf i + 1. */
  private leaves: string[][] = []
  private count = 0

  get size(): number {
    return this.count
  }

  /** Add a key; a key already present is left as it is. */
  insert(key: string): void {
    if (this.leaves.length === 0) {
      this.leaves.push([key])
      this.count = 1
      return
    }
    const li = this.leafFor(key)
    const leaf = this.leaves[li]
    const i = lowerBound(leaf, key)
    if (leaf[i] === key) return
    leaf.splice(i, 0, key)
    this.count++
    if (leaf.length > LEAF_MAX) this.leaves.splice(li + 1, 0, leaf.splice(leaf.length >> 1))
  }

  /** Remove a key; returns whether it was present. */
  remove(key: string): boolean {
    if (this.leaves.length === 0) return false
    const li = this.leafFor(key)
    const leaf = this.leaves[li]
    const i = lowerBound(leaf, key)
    if (leaf[i] !== key) return false
    leaf.splice(i, 1)
    this.count--
    if (leaf.length === 0) this.leaves.splice(li, 1)
    return true
  }

  /** Every key starting with `prefix`, in byte order (etcd's Range over [prefix, prefixEnd)). */
  withPrefix(prefix: string): string[] {
    const out: string[] = []
    if (this.leaves.length === 0) return out
    let li = this.leafFor(prefix)
    let i = lowerBound(this.leaves[li], prefix)
    for (; li < this.leaves.length; li++, i = 0) {
      const leaf = this.leaves[li]
      for (; i < leaf.length; i++) {
        if (!leaf[i].startsWith(prefix)) return out
        out.push(leaf[i])
      }
    }
    return out
  }

  /** Every key, in byte order. */
  all(): string[] {
    return this.leaves.flat()
  }

  /** The leaf whose key range holds `key`: the last leaf whose first key is <= key (or the first). */
  private leafFor(key: string): number {
    let lo = 0
    let hi = this.leaves.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.leaves[mid][0] <= key) lo = mid + 1
      else hi = mid
    }
    return lo === 0 ? 0 : lo - 1
  }
}
