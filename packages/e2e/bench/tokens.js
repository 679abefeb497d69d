/**
 * What counting usage with the real tokenizer costs: a 1 MB chat message and one 20 KB word
 * (`x` repeated: the case that is quadratic in BPE ports), through `countTokens` and
 * `chatPromptTokens` of @mocktopus/responders, with the load time of each encoding. Past
 * `MAX_WORD_LENGTH` a text is estimated instead, so the 20 KB word costs a regex scan.
 *
 * Run after `pnpm build`: `node packages/e2e/bench/tokens.js`.
 */
import {
  chatPromptTokens,
  countTokens,
  estimateTokens,
  loadEncoding,
  MAX_WORD_LENGTH,
} from '@mocktopus/responders'

/** @param {number} start */
const ms = (start) => `${(performance.now() - start).toFixed(1)} ms`
const rssMB = () => `${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`

console.log(`rss before loading: ${rssMB()}`)
/** @type {[import('@mocktopus/responders').EncodingName, string][]} */
const ENCODINGS = [
  ['o200k_base', 'gpt-4o'],
  ['cl100k_base', 'gpt-4'],
]
for (const [name, model] of ENCODINGS) {
  let start = performance.now()
  await loadEncoding(name)
  console.log(`${name}: loaded in ${ms(start)}, rss ${rssMB()}`)
  countTokens(model, 'warm up')

  const sentence = 'The quick brown fox jumps over the lazy dog. '
  const message = sentence.repeat(Math.ceil(1_048_576 / sentence.length)).slice(0, 1_048_576)
  start = performance.now()
  const prompt = chatPromptTokens(model, [{ role: 'user', content: message }])
  console.log(`${name}: 1 MB message, ${prompt} prompt tokens in ${ms(start)}`)

  const word = 'x'.repeat(20_000)
  start = performance.now()
  const counted = countTokens(model, word)
  const fellBack = counted === estimateTokens(word) ? 'estimated' : 'tokenized'
  console.log(`${name}: 20 KB word, ${counted} tokens (${fellBack}) in ${ms(start)}`)

  // The worst text still tokenized: 1 MB of distinct runs just under the bound, each its own
  // BPE word (no cache hit), against 1 MB of letters in random order (many short tokens).
  const runs = []
  for (let i = 0, length = 0; length < 1_048_576; i++) {
    const run = `${'x'.repeat(MAX_WORD_LENGTH - 2)}${String.fromCharCode(97 + (i % 26))}${i % 10}`
    runs.push(run)
    length += run.length + 1
  }
  start = performance.now()
  countTokens(model, runs.join(' '))
  console.log(`${name}: 1 MB of distinct ${MAX_WORD_LENGTH}-character words in ${ms(start)}`)
  let seed = 1
  const letter = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return String.fromCharCode(97 + Math.floor((seed / 2147483648) * 26))
  }
  const random = Array.from({ length: 1_048_576 }, (_, i) => (i % 8 === 7 ? ' ' : letter())).join(
    '',
  )
  start = performance.now()
  countTokens(model, random)
  console.log(`${name}: 1 MB of random letters in ${ms(start)}`)
}
