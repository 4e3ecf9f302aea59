// One seeded random generator for the whole world (DESIGN.md §2): name suffixes, uids, IPs,
// jitter. Same seed, same sequence. sfc32 seeded through splitmix32: small, fast and well mixed.

/** The alphabet of k8s.io/apimachinery/pkg/util/rand.String: no vowels, no confusable digits. */
const K8S_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    let s = seed >>> 0
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
    for (let i = 0; i < 12; i++) this.uint32()
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0
    this.c = (this.c + t) >>> 0
    return t
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]
  }

  /** Like utilrand.String(n): the suffix of generateName ("nginx-7d4b9"). */
  nameSuffix(n = 5): string {
    let s = ''
    for (let i = 0; i < n; i++) s += K8S_ALPHANUMS[this.int(K8S_ALPHANUMS.length)]
    return s
  }

  /** `n` lowercase hex digits (container ids, digests of simulated content). */
  hex(n: number): string {
    let s = ''
    while (s.length < n) s += this.uint32().toString(16).padStart(8, '0')
    return s.slice(0, n)
  }

  /** A version-4 UUID, as the apiserver assigns to metadata.uid. */
  uid(): string {
    const h = this.hex(32).split('')
    h[12] = '4'
    h[16] = '89ab'[parseInt(h[16], 16) & 3]
    const s = h.join('')
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
  }
}
