/** A token bucket: `burst` tokens, refilled at `ratePerSecond`. */
export interface Bucket {
  /** false when there are not enough tokens (nothing is taken then) */
  take(cost: number): boolean
}

export function createBucket(ratePerSecond: number, burst: number): Bucket {
  let tokens = burst
  let last = performance.now()
  return {
    take(cost) {
      const now = performance.now()
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * ratePerSecond)
      last = now
      if (tokens < cost) return false
      tokens -= cost
      return true
    },
  }
}
