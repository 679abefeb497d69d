import { describe, expect, it } from 'vitest'
import { monotonicMs } from './monotonic.js'

describe('monotonicMs', () => {
  it('counts milliseconds forward, as performance.now() does', async () => {
    const [a, pa] = [monotonicMs(), performance.now()]
    await new Promise((resolve) => setTimeout(resolve, 30))
    const [b, pb] = [monotonicMs(), performance.now()]
    expect(b).toBeGreaterThan(a)
    // The same span on both clocks, give or take a millisecond of reading them.
    expect(Math.abs(b - a - (pb - pa))).toBeLessThan(2)
  })
})
