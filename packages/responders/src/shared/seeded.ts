/**
 * Seeded numbers that are the same on every machine: splitmix32, integer arithmetic only, so
 * chaos faults and stream jitter repeat exactly for the same seed and the same requests.
 */

const GOLDEN = 0x9e3779b9

/**
 * splitmix32's output function: a well-mixed 32-bit value of `x`.
 *
 * @example mix32(42) === mix32(42) // true
 */
export function mix32(x: number): number {
  let z = (x + GOLDEN) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/**
 * The `k`th value derived from `seed`, below `bound` (an integer from 0 to `bound - 1`).
 *
 * @example seededBelow(draw, 3, 10) // the same digit for the same draw
 */
export function seededBelow(seed: number, k: number, bound: number): number {
  if (bound <= 1) return 0
  return mix32((seed + Math.imul(k + 1, GOLDEN)) | 0) % bound
}

/** A splitmix32 generator: `next()` advances its state once. */
export class SeededRandom {
  #state: number
  readonly #seed: number

  constructor(seed: number) {
    this.#seed = seed >>> 0
    this.#state = this.#seed
  }

  /** The next 32-bit value. */
  next(): number {
    this.#state = (this.#state + GOLDEN) | 0
    return mix32(this.#state)
  }

  /** Back to the seed's first value. */
  reset(): void {
    this.#state = this.#seed
  }
}
