// Go's sort.Sort / sort.Slice: pattern-defeating quicksort, NOT stable. kubectl sorts describe
// events, tolerations, taints and selector requirements with it, so with more than 12 equal
// keys (events of the same second) the printed order is this algorithm's, not insertion order.
// Mirrors: Go src/sort/sort.go (Sort, xorshift, nextPowerOfTwo) and zsortinterface.go (pdqsort,
// insertionSort, heapSort, siftDown, partition, partitionEqual, partialInsertionSort,
// breakPatterns, choosePivot, median, medianAdjacent, reverseRange), Go 1.19+ (kubectl 1.32 is
// built with Go 1.23). Dropped: nothing; sort.Slice shares the same algorithm (zsortfunc.go).

/** sortedHint: what choosePivot learned about the order of the range. */
const Hint = { Unknown: 0, Increasing: 1, Decreasing: 2 } as const
type Hint = (typeof Hint)[keyof typeof Hint]

/** bits.Len: the number of bits needed to represent n (0 for 0). */
function bitsLen(n: number): number {
  return n === 0 ? 0 : Math.floor(Math.log2(n)) + 1
}

const MASK64 = (1n << 64n) - 1n

class Sorter<T> {
  readonly data: T[]
  private readonly lessFn: (a: T, b: T) => boolean

  constructor(data: T[], less: (a: T, b: T) => boolean) {
    this.data = data
    this.lessFn = less
  }

  less(i: number, j: number): boolean {
    return this.lessFn(this.data[i], this.data[j])
  }

  swap(i: number, j: number): void {
    const t = this.data[i]
    this.data[i] = this.data[j]
    this.data[j] = t
  }

  insertionSort(a: number, b: number): void {
    for (let i = a + 1; i < b; i++) {
      for (let j = i; j > a && this.less(j, j - 1); j--) this.swap(j, j - 1)
    }
  }

  siftDown(lo: number, hi: number, first: number): void {
    let root = lo
    for (;;) {
      let child = 2 * root + 1
      if (child >= hi) break
      if (child + 1 < hi && this.less(first + child, first + child + 1)) child++
      if (!this.less(first + root, first + child)) return
      this.swap(first + root, first + child)
      root = child
    }
  }

  heapSort(a: number, b: number): void {
    const first = a
    const lo = 0
    const hi = b - a
    for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) this.siftDown(i, hi, first)
    for (let i = hi - 1; i >= 0; i--) {
      this.swap(first, first + i)
      this.siftDown(lo, i, first)
    }
  }

  pdqsort(a: number, b: number, limit: number): void {
    const maxInsertion = 12
    let wasBalanced = true
    let wasPartitioned = true
    for (;;) {
      const length = b - a
      if (length <= maxInsertion) {
        this.insertionSort(a, b)
        return
      }
      // Fall back to heapsort if too many bad choices were made.
      if (limit === 0) {
        this.heapSort(a, b)
        return
      }
      // If the last partitioning was imbalanced, break patterns.
      if (!wasBalanced) {
        this.breakPatterns(a, b)
        limit--
      }
      let [pivot, hint] = this.choosePivot(a, b)
      if (hint === Hint.Decreasing) {
        this.reverseRange(a, b)
        pivot = b - 1 - (pivot - a)
        hint = Hint.Increasing
      }
      // The slice is likely already sorted.
      if (wasBalanced && wasPartitioned && hint === Hint.Increasing) {
        if (this.partialInsertionSort(a, b)) return
      }
      // Probably many duplicates: partition into equal and greater elements.
      if (a > 0 && !this.less(a - 1, pivot)) {
        a = this.partitionEqual(a, b, pivot)
        continue
      }
      const [mid, alreadyPartitioned] = this.partition(a, b, pivot)
      wasPartitioned = alreadyPartitioned
      const leftLen = mid - a
      const rightLen = b - mid
      const balanceThreshold = Math.trunc(length / 8)
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold
        this.pdqsort(a, mid, limit)
        a = mid + 1
      } else {
        wasBalanced = rightLen >= balanceThreshold
        this.pdqsort(mid + 1, b, limit)
        b = mid
      }
    }
  }

  partition(a: number, b: number, pivot: number): [number, boolean] {
    this.swap(a, pivot)
    let i = a + 1
    let j = b - 1
    while (i <= j && this.less(i, a)) i++
    while (i <= j && !this.less(j, a)) j--
    if (i > j) {
      this.swap(j, a)
      return [j, true]
    }
    this.swap(i, j)
    i++
    j--
    for (;;) {
      while (i <= j && this.less(i, a)) i++
      while (i <= j && !this.less(j, a)) j--
      if (i > j) break
      this.swap(i, j)
      i++
      j--
    }
    this.swap(j, a)
    return [j, false]
  }

  partitionEqual(a: number, b: number, pivot: number): number {
    this.swap(a, pivot)
    let i = a + 1
    let j = b - 1
    for (;;) {
      while (i <= j && !this.less(a, i)) i++
      while (i <= j && this.less(a, j)) j--
      if (i > j) break
      this.swap(i, j)
      i++
      j--
    }
    return i
  }

  partialInsertionSort(a: number, b: number): boolean {
    const maxSteps = 5
    const shortestShifting = 50
    let i = a + 1
    for (let step = 0; step < maxSteps; step++) {
      while (i < b && !this.less(i, i - 1)) i++
      if (i === b) return true
      if (b - a < shortestShifting) return false
      this.swap(i, i - 1)
      // Shift the smaller one to the left.
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!this.less(j, j - 1)) break
          this.swap(j, j - 1)
        }
      }
      // Shift the greater one to the right.
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!this.less(j, j - 1)) break
          this.swap(j, j - 1)
        }
      }
    }
    return false
  }

  breakPatterns(a: number, b: number): void {
    const length = b - a
    if (length < 8) return
    let random = BigInt(length)
    const next = (): bigint => {
      random ^= (random << 13n) & MASK64
      random ^= random >> 7n
      random ^= (random << 17n) & MASK64
      return random
    }
    const modulus = BigInt(2 ** bitsLen(length))
    const start = a + Math.trunc(length / 4) * 2 - 1
    for (let idx = start; idx <= a + Math.trunc(length / 4) * 2 + 1; idx++) {
      let other = Number(next() & (modulus - 1n))
      if (other >= length) other -= length
      this.swap(idx, a + other)
    }
  }

  choosePivot(a: number, b: number): [number, Hint] {
    const shortestNinther = 50
    const maxSwaps = 4 * 3
    const l = b - a
    const swaps = { n: 0 }
    let i = a + Math.trunc(l / 4) * 1
    let j = a + Math.trunc(l / 4) * 2
    let k = a + Math.trunc(l / 4) * 3
    if (l >= 8) {
      if (l >= shortestNinther) {
        i = this.medianAdjacent(i, swaps)
        j = this.medianAdjacent(j, swaps)
        k = this.medianAdjacent(k, swaps)
      }
      j = this.median(i, j, k, swaps)
    }
    if (swaps.n === 0) return [j, Hint.Increasing]
    if (swaps.n === maxSwaps) return [j, Hint.Decreasing]
    return [j, Hint.Unknown]
  }

  private order2(a: number, b: number, swaps: { n: number }): [number, number] {
    if (this.less(b, a)) {
      swaps.n++
      return [b, a]
    }
    return [a, b]
  }

  median(a: number, b: number, c: number, swaps: { n: number }): number {
    ;[a, b] = this.order2(a, b, swaps)
    ;[b, c] = this.order2(b, c, swaps)
    ;[a, b] = this.order2(a, b, swaps)
    return b
  }

  medianAdjacent(a: number, swaps: { n: number }): number {
    return this.median(a - 1, a, a + 1, swaps)
  }

  reverseRange(a: number, b: number): void {
    let i = a
    let j = b - 1
    while (i < j) {
      this.swap(i, j)
      i++
      j--
    }
  }
}

/**
 * sort.Sort / sort.Slice with `less`: returns a sorted copy, equal elements ordered exactly as
 * Go would leave them.
 */
export function goSort<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
  const sorter = new Sorter([...items], less)
  const n = sorter.data.length
  if (n > 1) sorter.pdqsort(0, n, bitsLen(n))
  return sorter.data
}
