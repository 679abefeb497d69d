const SURROGATE = /[\uD800-\uDFFF]/

/**
 * Splits text into the pieces a stream sends. With `chunkSize`, fixed runs of that many
 * characters; without, word-sized pieces (each word with the whitespace before it), which is
 * how real model streams look. Joining the pieces always gives back the text.
 *
 * @example splitText('Hello big world') // ['Hello', ' big', ' world']
 */
export function splitText(text: string, chunkSize?: number): string[] {
  if (text === '') return []
  if (chunkSize && chunkSize > 0) {
    const pieces: string[] = []
    // Without surrogate pairs, slices of the string are the pieces: no array of characters.
    if (!SURROGATE.test(text)) {
      for (let i = 0; i < text.length; i += chunkSize) pieces.push(text.slice(i, i + chunkSize))
      return pieces
    }
    // Iterate by code point so a chunk boundary never splits a surrogate pair.
    const chars = Array.from(text)
    for (let i = 0; i < chars.length; i += chunkSize) {
      pieces.push(chars.slice(i, i + chunkSize).join(''))
    }
    return pieces
  }
  return text.match(/\s*\S+|\s+$/g) ?? [text]
}
