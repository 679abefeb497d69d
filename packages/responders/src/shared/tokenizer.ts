/**
 * Token counts the way the OpenAI API counts them, for models whose tokenizer is public: the
 * `o200k_base` and `cl100k_base` encodings (gpt-tokenizer, a pure-JS port of tiktoken), with
 * the chat format's per-message overhead from the OpenAI cookbook. Other models, and texts past
 * the bound below, keep `estimateTokens`.
 *
 * The encodings are large (about 2.4 MB and 1.2 MB of code, 40 to 70 MB of memory once loaded,
 * 0.3 to 1 s of the main thread to load), so each loads when first needed: by the first request
 * whose model needs it, or earlier, by the Node server's warm-up of the encodings its scenario
 * names (`packages/server/src/node/warm-tokenizers.ts`). The OpenAI rows answer after the load
 * (`afterTokenizer`), whoever started it, so the same request always gets the same count.
 */
import type { ChatMessage } from '@mocktopus/scenario'
import { messageText } from '@mocktopus/scenario'
import { estimateTokens } from './tokens.js'

/** The public encodings Mocktopus counts with. */
export type EncodingName = 'o200k_base' | 'cl100k_base'

interface Encoding {
  countTokens(text: string, options: { disallowedSpecial: Set<string> }): number
}

/**
 * The longest run of non-space characters a text may hold to be tokenized. BPE over one word is
 * quadratic in its length in this port (20 KB of `x` took about half a second); a text holding
 * a longer run is estimated instead. At 200 the worst text still tokenized (1 MB of distinct
 * 200-character runs) costs about what 1 MB of prose does, so the cost stays linear in size
 * (`node packages/e2e/bench/tokens.js` prints the figures).
 */
export const MAX_WORD_LENGTH = 200

const LONG_WORD = new RegExp(`\\S{${MAX_WORD_LENGTH + 1}}`)

// Special-token text (`<|endoftext|>`) in a message counts as plain text, as the API does.
const AS_TEXT = { disallowedSpecial: new Set<string>() }

const encodings: Partial<Record<EncodingName, Encoding>> = {}
const loading: Partial<Record<EncodingName, Promise<void>>> = {}
const settled = new Set<EncodingName>()

const IMPORTS: Readonly<Record<EncodingName, () => Promise<Encoding>>> = {
  o200k_base: () => import('gpt-tokenizer/encoding/o200k_base'),
  cl100k_base: () => import('gpt-tokenizer/encoding/cl100k_base'),
}

/**
 * Loads one encoding once; later calls return the same promise. A failed import leaves the
 * estimate in place (every request's count is then the estimate, so still stable).
 *
 * @example await loadEncoding('o200k_base')
 */
export function loadEncoding(name: EncodingName): Promise<void> {
  loading[name] ??= IMPORTS[name]().then(
    (module) => {
      encodings[name] = module
      settled.add(name)
    },
    () => {
      settled.add(name)
    },
  )
  return loading[name]
}

/**
 * Loads both encodings (`o200k_base` is about 40 MB of memory and half a second, `cl100k_base`
 * about 35 MB): for callers that need every answer at once, such as the CLI's preview.
 *
 * @example await loadTokenizers()
 */
export async function loadTokenizers(): Promise<void> {
  await Promise.all([loadEncoding('o200k_base'), loadEncoding('cl100k_base')])
}

/**
 * Whether `model`'s encoding has finished loading (loaded or failed), or it has none.
 *
 * @example tokenizerSettled('gpt-4o')
 */
export function tokenizerSettled(model: string): boolean {
  const name = encodingFor(model)
  return name === undefined || settled.has(name)
}

/**
 * Runs `answer` once `model`'s encoding is loaded: at once when it is (or the model has none),
 * else after the load, so an answer's usage never depends on when the request arrived.
 *
 * @example answer: (input) => afterTokenizer(input.params.model, () => answerChat(input))
 */
export function afterTokenizer<T>(model: string, answer: () => T): T | Promise<T> {
  const name = encodingFor(model)
  if (name === undefined || settled.has(name)) return answer()
  return loadEncoding(name).then(answer) as Promise<T>
}

const O200K =
  /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|gpt-realtime|gpt-audio|o1|o3|o4|codex|omni-moderation)/
const CL100K =
  /^(gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002|davinci-002|babbage-002)/

/**
 * The encoding OpenAI counts `model` with, or `undefined` for a model whose tokenizer Mocktopus
 * does not know (other providers, Azure deployment names, made-up ids). A fine-tune
 * (`ft:gpt-4o-mini:...`) counts as its base.
 *
 * @example encodingFor('gpt-4o-mini') // 'o200k_base'
 */
export function encodingFor(model: string): EncodingName | undefined {
  const base = model.startsWith('ft:') ? model.slice(3) : model
  if (O200K.test(base)) return 'o200k_base'
  if (CL100K.test(base)) return 'cl100k_base'
  return undefined
}

function encodingOf(model: string): Encoding | undefined {
  const name = encodingFor(model)
  return name === undefined ? undefined : encodings[name]
}

/**
 * Tokens of `text` in `model`'s encoding; the estimate when the model's tokenizer is not known
 * or not loaded, or the text holds a word longer than `MAX_WORD_LENGTH`.
 *
 * @example countTokens('gpt-4o', 'hello world') // 2 (once loaded)
 */
export function countTokens(model: string, text: string | null | undefined): number {
  if (!text) return 0
  const encoding = encodingOf(model)
  return encoding ? countWith(encoding, text) : estimateTokens(text)
}

/**
 * How much text the counts already made are kept for, per encoding: 4 Mi UTF-16 units (8 MB)
 * of keys and 20,000 texts at most, the oldest out first. Agents send their whole history on
 * every turn and suites send the same prompts again and again: a kept count turns a repeated
 * text's BPE (tens of microseconds a message) into one lookup, and an agent run's cost from
 * quadratic in its turns back to linear.
 */
export const COUNT_MEMO_CHARS: number = 4 * 1024 * 1024
const COUNT_MEMO_ENTRIES = 20_000

interface CountMemo {
  readonly counts: Map<string, number>
  chars: number
}

const memos = new Map<Encoding, CountMemo>()

function remember(encoding: Encoding, text: string, count: number): void {
  // One text larger than a sixteenth of the bound would push out most of the others.
  if (text.length > COUNT_MEMO_CHARS / 16) return
  let memo = memos.get(encoding)
  if (!memo) {
    memo = { counts: new Map(), chars: 0 }
    memos.set(encoding, memo)
  }
  memo.counts.set(text, count)
  memo.chars += text.length
  while (memo.chars > COUNT_MEMO_CHARS || memo.counts.size > COUNT_MEMO_ENTRIES) {
    const oldest = memo.counts.keys().next().value as string
    memo.counts.delete(oldest)
    memo.chars -= oldest.length
  }
}

function countWith(encoding: Encoding, text: string): number {
  if (!text) return 0
  const kept = memos.get(encoding)?.counts.get(text)
  if (kept !== undefined) return kept
  if (text.length > MAX_WORD_LENGTH && LONG_WORD.test(text)) return estimateTokens(text)
  const count = encoding.countTokens(text, AS_TEXT)
  remember(encoding, text, count)
  return count
}

/**
 * How many texts and UTF-16 units of text the count memo holds, summed over encodings (for
 * tests and the memory figures).
 *
 * @example countMemoSize() // { texts: 12, chars: 3400 }
 */
export function countMemoSize(): { texts: number; chars: number } {
  let texts = 0
  let chars = 0
  for (const memo of memos.values()) {
    texts += memo.counts.size
    chars += memo.chars
  }
  return { texts, chars }
}

/** A chat completions tool as the request offers it. */
interface ToolLike {
  readonly type?: unknown
  readonly function?: {
    readonly name?: unknown
    readonly description?: unknown
    readonly parameters?: { readonly properties?: Record<string, unknown> }
  }
}

const TOKENS_PER_MESSAGE = 3
const TOKENS_PER_NAME = 1
const REPLY_PRIMING = 3

function toolCallsText(message: ChatMessage): string {
  const calls = message.tool_calls
  if (!Array.isArray(calls)) return ''
  return calls
    .map((call: { function?: { name?: unknown; arguments?: unknown } }) => {
      const fn = call?.function
      return `${typeof fn?.name === 'string' ? fn.name : ''}${typeof fn?.arguments === 'string' ? fn.arguments : ''}`
    })
    .join('')
}

const stripPeriod = (text: string) => (text.endsWith('.') ? text.slice(0, -1) : text)

// The cookbook's count for function definitions (`num_tokens_for_tools`); its constants differ
// between the o200k and the cl100k models only in the per-function start.
function toolTokens(encoding: Encoding, name: EncodingName, tools: readonly unknown[]): number {
  const functions = tools.filter(
    (tool): tool is ToolLike => typeof tool === 'object' && tool !== null,
  )
  if (functions.length === 0) return 0
  const funcInit = name === 'o200k_base' ? 7 : 10
  let count = 0
  for (const tool of functions) {
    const fn = tool.function
    if (!fn) continue
    count += funcInit
    const description = typeof fn.description === 'string' ? stripPeriod(fn.description) : ''
    count += countWith(encoding, `${String(fn.name ?? '')}:${description}`)
    const properties = fn.parameters?.properties ?? {}
    const keys = Object.keys(properties)
    if (keys.length > 0) {
      count += 3
      for (const key of keys) {
        count += 3
        const property = (properties[key] ?? {}) as {
          type?: unknown
          description?: unknown
          enum?: unknown
        }
        if (Array.isArray(property.enum)) {
          count -= 3
          for (const item of property.enum) count += 3 + countWith(encoding, String(item))
        }
        const about =
          typeof property.description === 'string' ? stripPeriod(property.description) : ''
        count += countWith(encoding, `${key}:${String(property.type ?? '')}:${about}`)
      }
    }
  }
  return count + 12
}

/**
 * A chat request's prompt tokens as the OpenAI cookbook counts them (`num_tokens_from_messages`):
 * 3 per message, plus the tokens of its role, text (content, or its text parts) and tool calls
 * (name and arguments), plus the name's tokens and 1 more for a `name`, plus 3 priming the
 * reply; tools add the cookbook's `num_tokens_for_tools`. `undefined` for a model whose
 * tokenizer is unknown or not loaded, so the caller estimates.
 *
 * @example chatPromptTokens('gpt-4o', [{ role: 'user', content: 'hello world' }]) // 9
 */
export function chatPromptTokens(
  model: string,
  messages: readonly ChatMessage[],
  tools?: readonly unknown[],
): number | undefined {
  const name = encodingFor(model)
  const encoding = name === undefined ? undefined : encodings[name]
  if (!encoding || !name) return undefined
  let count = REPLY_PRIMING
  for (const message of messages) {
    count += TOKENS_PER_MESSAGE + countWith(encoding, message.role)
    count += countWith(encoding, messageText(message))
    count += countWith(encoding, toolCallsText(message))
    if (typeof message.name === 'string') {
      count += countWith(encoding, message.name) + TOKENS_PER_NAME
    }
  }
  return tools && tools.length > 0 ? count + toolTokens(encoding, name, tools) : count
}

/**
 * Whether `model` is counted with a loaded encoding (else its counts are estimates).
 *
 * @example countsExactly('claude-sonnet-4-5') // false
 */
export function countsExactly(model: string): boolean {
  return encodingOf(model) !== undefined
}
