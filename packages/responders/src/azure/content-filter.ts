/**
 * Azure OpenAI's content filter annotations: every chat and text completion carries
 * `prompt_filter_results` and, per choice, `content_filter_results`; a stream opens with a chunk
 * that has no choices and the prompt's results. Mocktopus filters nothing: every category is
 * `safe` unless the rule's answer finishes with `content_filter`.
 */

/** One harm category's verdict. */
export interface AzureFilterVerdict {
  readonly filtered: boolean
  readonly severity: 'safe' | 'low' | 'medium' | 'high'
}

/** The four harm categories Azure reports on every prompt and completion. */
export interface AzureContentFilterResults {
  readonly hate: AzureFilterVerdict
  readonly self_harm: AzureFilterVerdict
  readonly sexual: AzureFilterVerdict
  readonly violence: AzureFilterVerdict
}

/** The prompt's verdicts, one entry a prompt (`prompt_index`). */
export interface AzurePromptFilterResult {
  readonly prompt_index: number
  readonly content_filter_results: AzureContentFilterResults
}

const SAFE: AzureFilterVerdict = { filtered: false, severity: 'safe' }

/** Every category safe: what an answer Mocktopus does not filter reports. */
export const SAFE_RESULTS: AzureContentFilterResults = {
  hate: SAFE,
  self_harm: SAFE,
  sexual: SAFE,
  violence: SAFE,
}

/**
 * What a filtered prompt or completion reports: Mocktopus cannot know the category, so it names
 * `hate` at `high` severity, the others safe.
 */
export const FILTERED_RESULTS: AzureContentFilterResults = {
  ...SAFE_RESULTS,
  hate: { filtered: true, severity: 'high' },
}

/** `prompt_filter_results` for one prompt that passed. */
export const PROMPT_FILTER_RESULTS: readonly AzurePromptFilterResult[] = [
  { prompt_index: 0, content_filter_results: SAFE_RESULTS },
]

interface ChoiceLike {
  readonly finish_reason?: unknown
  readonly delta?: Record<string, unknown>
  readonly [key: string]: unknown
}

function choiceResults(choice: ChoiceLike, streamed: boolean): AzureContentFilterResults | object {
  if (choice.finish_reason === 'content_filter') return FILTERED_RESULTS
  if (!streamed) return SAFE_RESULTS
  // A streamed chunk is judged only when it carries text: the role chunk and the finish chunk
  // carry `{}`, as Azure's do.
  const delta = choice.delta ?? {}
  const text = delta.content ?? delta.refusal ?? delta.tool_calls
  return text === undefined || text === '' || text === null ? {} : SAFE_RESULTS
}

function annotateChoices(choices: unknown, streamed: boolean): unknown {
  if (!Array.isArray(choices)) return choices
  return choices.map((choice: ChoiceLike) => ({
    ...choice,
    content_filter_results: choiceResults(choice, streamed),
  }))
}

/**
 * A chat or text completion as Azure sends it: `content_filter_results` on each choice and
 * `prompt_filter_results` before `usage` (last when there is none); other keys keep their order.
 *
 * @example azureCompletionBody({ id, object: 'chat.completion', choices: [...], usage })
 */
export function azureCompletionBody(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === 'usage') out.prompt_filter_results = PROMPT_FILTER_RESULTS
    out[key] = key === 'choices' ? annotateChoices(value, false) : value
  }
  if (!('prompt_filter_results' in out)) out.prompt_filter_results = PROMPT_FILTER_RESULTS
  return out
}

/**
 * A streamed chunk as Azure sends it: `content_filter_results` on each choice (`{}` on chunks
 * without text). The usage chunk (no choices) passes unchanged.
 *
 * @example azureChunk({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'Hi' } }] })
 */
export function azureChunk(chunk: Record<string, unknown>): Record<string, unknown> {
  const choices = chunk.choices
  if (!Array.isArray(choices) || choices.length === 0) return chunk
  return { ...chunk, choices: annotateChoices(choices, true) }
}

/**
 * The chunk an Azure stream opens with: no choices, empty ids, and the prompt's results.
 *
 * @example azurePromptChunk() // { choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [...] }
 */
export function azurePromptChunk(): Record<string, unknown> {
  return {
    choices: [],
    created: 0,
    id: '',
    model: '',
    object: '',
    prompt_filter_results: PROMPT_FILTER_RESULTS,
  }
}
