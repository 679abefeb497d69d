/**
 * Ollama's timings, made up deterministically: every duration is nanoseconds derived from the
 * token counts alone, so the same answer always reports the same numbers.
 */
import type { OllamaMetrics } from './types.js'

// About what a small model on a laptop reports: a millisecond to load (already loaded), a
// millisecond to read a prompt token, 20 to write one.
export const LOAD_NS = 1_000_000
export const PROMPT_TOKEN_NS = 1_000_000
export const EVAL_TOKEN_NS = 20_000_000

/**
 * The timings and counts of a final line, in nanoseconds.
 *
 * @example ollamaMetrics(10, 5).eval_duration // 100000000
 */
export function ollamaMetrics(promptTokens: number, evalTokens: number): OllamaMetrics {
  const promptNs = promptTokens * PROMPT_TOKEN_NS
  const evalNs = evalTokens * EVAL_TOKEN_NS
  return {
    total_duration: LOAD_NS + promptNs + evalNs,
    load_duration: LOAD_NS,
    prompt_eval_count: promptTokens,
    prompt_eval_duration: promptNs,
    eval_count: evalTokens,
    eval_duration: evalNs,
  }
}
