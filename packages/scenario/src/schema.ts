/**
 * The JSON Schema of a scenario file, version 1. It checks shapes and names; what a schema
 * cannot say (regexes compile, `respond` xor `error`, `times` given once) is checked in
 * `validate.ts`. `schema.json` in the package is this object, kept equal by a test.
 */
import { DURATION_RANGES, type DurationRange, MAX_CHUNK_DELAYS } from './durations.js'
import { MATCHED_PARAMS } from './params.js'

const string = (description: string) => ({ type: 'string', description }) as const
const nonNegativeInteger = (description: string) =>
  ({ type: 'integer', minimum: 0, description }) as const
const duration = (key: string, type: 'integer' | 'number', what: string) => {
  const { max, unit, spoken } = DURATION_RANGES[key] as DurationRange
  return {
    type,
    minimum: 0,
    maximum: max,
    description: `${what}, 0 to ${max} ${unit} (${spoken}).`,
  } as const
}

const TIMES = {
  type: ['integer', 'null'],
  minimum: 1,
  description: 'How many times the rule may be selected (null or absent: unlimited).',
} as const

const WHEN = {
  type: ['object', 'null'],
  description:
    'Conditions, all of which must hold. Empty or absent: every request the type answers.',
  additionalProperties: false,
  properties: {
    model: string(
      'Glob over the model id: * any run of characters (also /), ? one, [...] a class.',
    ),
    messages_contains: string(
      'Case-sensitive substring of the last user message (embeddings: of any input).',
    ),
    input_contains: string('Alias of messages_contains, for embeddings rules.'),
    messages_regex: string(
      'Regular expression over all messages joined by a space (embeddings: any input); flags i, m, s. Python syntax, matched in linear time by RE2: no back-references or lookaround.',
    ),
    input_regex: string('Alias of messages_regex, for embeddings rules.'),
    endpoint: string('Request path, exact or glob, e.g. /v1/chat/completions or /v1/*.'),
    ignore_case: {
      type: 'boolean',
      description: 'Makes messages_contains case-insensitive.',
    },
    times: TIMES,
    conversation: {
      type: 'array',
      description: 'The whole conversation, exactly: every message role and text, in order.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['role', 'content'],
        properties: { role: { type: 'string' }, content: { type: 'string' } },
      },
    },
    input: {
      type: 'array',
      description: 'Embeddings: the inputs, exactly and in order.',
      items: { type: 'string' },
    },
    last_role: {
      type: 'string',
      enum: ['user', 'assistant', 'tool'],
      description:
        'Role of the last message. A tool result counts as tool on every API: chat role tool, Responses function_call_output, Anthropic tool_result blocks.',
    },
    has_tool_result: {
      type: 'boolean',
      description: 'Whether the conversation holds a tool result (true) or none (false).',
    },
    tool_result_contains: string("Case-sensitive substring of the latest tool result's text."),
    tool_call_id: string('The call id the latest tool result answers, e.g. call_1.'),
    tools_offered: {
      type: ['string', 'array'],
      items: { type: 'string' },
      minItems: 1,
      description: 'A tool name, or a list of names, that the request must all offer.',
    },
    system_contains: string(
      'Case-sensitive substring of the system prompt (system and developer messages, Responses instructions, Anthropic system).',
    ),
    turn: nonNegativeInteger(
      'How many assistant turns came before this request: 0 on the first call.',
    ),
    tools: {
      type: 'array',
      items: { type: 'string' },
      description:
        'The names of the tools the request offers, exactly (order ignored; [] for none). Written by record mode with --match-on tools.',
    },
    params: {
      type: 'object',
      description: `The request sampling and output parameters, exactly: ${MATCHED_PARAMS.join(', ')}. The same names with equal values, and no other. Written by record mode with --match-on params.`,
    },
  },
} as const

const TOOL_CALL = {
  type: 'object',
  additionalProperties: false,
  required: ['function'],
  properties: {
    id: string('Tool call id; generated deterministically when absent.'),
    type: { type: 'string', enum: ['function'] },
    function: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: string('Function name.'),
        arguments: {
          type: ['string', 'object'],
          description:
            'Arguments as a JSON string, or as an object (serialised at load). Absent: generated from the tool schema in the request.',
        },
      },
    },
  },
} as const

// One choice of a chat completion answered with `n` > 1.
const CHOICE = {
  type: 'object',
  additionalProperties: false,
  properties: {
    content: { type: ['string', 'null'], description: "The choice's text (null: none)." },
    refusal: string('The choice declines with this text.'),
    tool_calls: { type: 'array', items: TOOL_CALL },
    finish_reason: string('Why the choice stopped, e.g. stop, length, tool_calls.'),
  },
} as const

const RESPOND = {
  type: 'object',
  description: 'The successful response.',
  additionalProperties: false,
  properties: {
    content: { type: ['string', 'null'], description: 'The assistant text (null: none).' },
    json: {
      description:
        'Any JSON value, sent serialised as the content; checked against the schema the request asks for.',
    },
    refusal: string('The model declines with this text, in the provider refusal shape.'),
    tool_calls: { type: 'array', items: TOOL_CALL },
    usage: {
      type: 'object',
      additionalProperties: false,
      properties: {
        input_tokens: nonNegativeInteger('Prompt tokens reported.'),
        output_tokens: nonNegativeInteger('Completion tokens reported.'),
        total_tokens: nonNegativeInteger('Total tokens reported.'),
      },
    },
    embeddings: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['embedding'],
        properties: { embedding: { type: 'array', items: { type: 'number' } } },
      },
    },
    finish_reason: string('Why generation stopped, e.g. stop, length, tool_calls.'),
    choices: {
      type: 'array',
      minItems: 1,
      items: CHOICE,
      description:
        'Chat and legacy completions asked for several choices (n > 1, or several prompts): choice N is item N (its content, tool_calls, finish_reason); a choice past the list is the answer above. Written by record mode.',
    },
    delay_ms: duration('delay_ms', 'integer', 'Wait before the response starts'),
    chunk_size: { type: 'integer', minimum: 1, description: 'Characters per stream chunk.' },
    chunk_delay_ms: duration('chunk_delay_ms', 'integer', 'Wait between stream chunks'),
    chunk_delays_ms: {
      type: 'array',
      maxItems: MAX_CHUNK_DELAYS,
      items: duration('chunk_delays_ms', 'integer', 'A wait before one stream chunk'),
      description:
        "Streams: the waits before the second chunk, the third, ... in turn (record mode writes the upstream's own); past the list, chunk_delay_ms (or tokens_per_second).",
    },
    ttft_ms: duration('ttft_ms', 'integer', 'Streams: wait before the first chunk'),
    tokens_per_second: {
      type: 'number',
      exclusiveMinimum: 0,
      description: 'Streams: pace the chunks at this many tokens a second.',
    },
    jitter_ms: duration('jitter_ms', 'integer', 'Streams: a seeded extra wait before each chunk'),
    id: string('Response id; generated deterministically when absent.'),
    images: { description: 'Accepted for compatibility; not sent.' },
    audio_url: string('Accepted for compatibility; not sent.'),
    metadata: { type: 'object', description: 'Accepted for compatibility; not sent.' },
    stream: {
      type: 'boolean',
      description: 'Accepted for compatibility and ignored: the request decides whether to stream.',
    },
  },
} as const

// One respond, or a list of them used in turn: keywords for mappings (properties) and for lists
// (items) sit side by side, so an error inside either keeps its own path, with no `oneOf`.
const RESPONDS = {
  type: ['object', 'array'],
  description:
    'The successful response, or a list of responses: use N of the rule answers with item N, the last one repeating (or, with cycle, starting over).',
  additionalProperties: false,
  properties: RESPOND.properties,
  items: RESPOND,
  minItems: 1,
} as const

const ERROR = {
  type: 'object',
  description: 'An error response in the provider envelope.',
  additionalProperties: false,
  required: ['error_type'],
  properties: {
    error_type: {
      type: 'string',
      enum: [
        'rate_limit',
        'authentication',
        'invalid_request',
        'timeout',
        'content_filter',
        'server_error',
      ],
    },
    message: string('Error message.'),
    status_code: { type: 'integer', minimum: 400, maximum: 599, description: 'HTTP status.' },
    code: string('Provider error code, e.g. rate_limit_exceeded.'),
    param: string('The request parameter at fault.'),
    retry_after: duration('retry_after', 'number', 'Retry-After header'),
    delay_ms: duration('delay_ms', 'integer', 'Wait before the error'),
  },
} as const

const chance = (what: string) =>
  ({ type: 'number', minimum: 0, maximum: 1, description: `Chance (0 to 1) of ${what}.` }) as const

const CHAOS = {
  type: 'object',
  description: 'Seeded faults for this rule (docs/chaos.md).',
  additionalProperties: false,
  properties: {
    rate_limit: chance('a 429 with retry-after'),
    server_error: chance('a 500 or 503 (Anthropic: 500 or 529)'),
    disconnect: chance('a cut connection (a stream: after some chunks)'),
    malformed: chance('a truncated JSON body with status 200'),
    disconnect_after_chunks: {
      type: 'integer',
      minimum: 0,
      description: 'Cut every stream of the rule after this many chunks.',
    },
    stall_after_chunks: {
      type: 'integer',
      minimum: 0,
      description: 'Stall every stream of the rule after this many chunks, for stall_ms.',
    },
    stall_ms: duration('stall_ms', 'integer', 'How long a stall lasts'),
  },
} as const

// Written by record mode for `mocktopus drift`; never read to match or answer.
const RECORDED = {
  type: 'object',
  description:
    'Written by record mode for mocktopus drift: what the request sent beyond when, and the shape of the upstream answer. Not used to match or answer.',
  additionalProperties: false,
  properties: {
    request: {
      type: 'object',
      description:
        'The request body fields that when does not give (stream, max_tokens, tools, ...); with the conversation too when when cannot rebuild it.',
    },
    query: {
      type: 'string',
      description: 'The query string the request was sent with, e.g. alt=sse.',
    },
    shape: {
      type: 'string',
      description:
        'The shape of the upstream answer (or of its stream events): field paths, types and enum values, separated by spaces.',
    },
  },
} as const

const RULE = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: {
      type: 'string',
      enum: ['llm.openai', 'llm.anthropic', 'llm.gemini', 'llm.ollama', 'llm', 'embeddings'],
      description: 'Which endpoints the rule answers.',
    },
    when: WHEN,
    respond: RESPONDS,
    error: ERROR,
    chaos: CHAOS,
    times: TIMES,
    cycle: {
      type: 'boolean',
      description:
        'With a list under respond: after the last item, start over at the first (default false: the last repeats).',
    },
    recorded: RECORDED,
  },
  oneOf: [{ required: ['respond'] }, { required: ['error'] }],
} as const

const PRICE = {
  type: 'object',
  additionalProperties: false,
  required: ['input'],
  properties: {
    input: { type: 'number', minimum: 0, description: 'USD per 1M input tokens.' },
    output: { type: 'number', minimum: 0, description: 'USD per 1M output tokens.' },
    cached_input: { type: 'number', minimum: 0, description: 'USD per 1M cached input tokens.' },
  },
} as const

/**
 * The JSON Schema (draft-07) of a scenario file. Point editors at the package's `schema.json`
 * with `# yaml-language-server: $schema=...`.
 *
 * @example new Ajv().compile(scenarioSchema)
 */
export const scenarioSchema: Readonly<Record<string, unknown>> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://unpkg.com/@mocktopus/scenario/schema.json',
  title: 'Mocktopus scenario',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'rules'],
  properties: {
    version: { const: 1, description: 'Schema version; only 1 exists.' },
    meta: { type: 'object', description: 'Free-form information about the scenario.' },
    strict: {
      type: 'boolean',
      description:
        "Refuse with the provider's 400 what the real API refuses: unknown body fields, a tool result without its call, Anthropic turns out of order.",
    },
    pricing: {
      type: 'object',
      description: 'Per-model prices (USD per 1M tokens), keyed by model id or family.',
      additionalProperties: PRICE,
    },
    rules: { type: 'array', description: 'Rules, tried in order.', items: RULE },
  },
}
