/**
 * Token estimates for when a rule gives no usage. Real tokenizers average about four characters
 * of English per token; we round up so any non-empty text costs at least one token. The
 * estimate is documented, deterministic and cheap, which matters more here than exactness.
 *
 * @example estimateTokens('Hello world') // 3
 */
export function estimateTokens(text: string | null | undefined): number {
  if (!text) return 0
  return Math.ceil(text.length / 4)
}
