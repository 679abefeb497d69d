/**
 * Token estimates for when a rule gives no usage. Real tokenizers average about four characters
 * of English per token; we round up so any non-empty text costs at least one token. The
 * estimate is documented, deterministic and cheap, which matters more here than exactness.
 *
 * @example estimateTokens('Hello world') // 3
 */
export function estimateTokens(text: string | null | undefined): number {
  if (!text) return 0
  return tokensOfLength(text.length)
}

/**
 * `estimateTokens` of a text of `length` characters, for when only the length is at hand.
 *
 * @example tokensOfLength(11) // 3
 */
export function tokensOfLength(length: number): number {
  return Math.ceil(length / 4)
}
