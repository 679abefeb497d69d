// autocannon ships no types; this is the part of its programmatic API the bench uses.
declare module 'autocannon' {
  export interface Options {
    readonly url: string
    readonly connections?: number
    readonly duration?: number
    readonly method?: string
    readonly headers?: Readonly<Record<string, string>>
    readonly body?: string
    readonly pipelining?: number
    readonly timeout?: number
  }
  export interface Histogram {
    readonly average: number
    readonly total: number
    readonly p50: number
    readonly p99: number
  }
  export interface Result {
    /** Seconds. */
    readonly duration: number
    readonly errors: number
    readonly timeouts: number
    readonly non2xx: number
    /** Milliseconds. */
    readonly latency: Histogram
    readonly requests: Histogram
  }
  export default function autocannon(options: Options): Promise<Result>
}
