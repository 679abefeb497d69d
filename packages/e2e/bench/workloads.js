/**
 * What the benchmark sends and the scenarios that answer it. Everything is generated here, so
 * the figures depend on nothing outside the repository.
 */

/** The rule count of the large scenario. */
export const MANY_RULES = 10_000

// A 2,048-character answer cut into 20-character chunks: about 100 content chunks per stream.
const STREAM_CHUNK_SIZE = 20
export const STREAM_ANSWER = 'Mocktopus streams this answer quickly. '.repeat(60).slice(0, 2048)

/**
 * The small scenario: one chat rule, one streamed rule, one Anthropic rule, a Gemini and an
 * Ollama rule, generated embeddings and a fallback, as a typical test suite writes them. Only
 * rule types every build knows (the Gemini and Ollama rules are `llm` with a model glob), so
 * `bench:cpu --against` an older build loads it too.
 */
export const SMALL_SCENARIO = `version: 1
meta:
  name: bench small
rules:
  - type: llm.openai
    when:
      model: gpt-4o*
      messages_contains: weather
    respond:
      content: It is sunny and 21 degrees in Lisbon today.
  - type: llm.openai
    when:
      messages_contains: story
    respond:
      content: ${JSON.stringify(STREAM_ANSWER)}
      chunk_size: ${STREAM_CHUNK_SIZE}
  - type: llm.anthropic
    when:
      model: claude-*
      messages_contains: weather
    respond:
      content: It is sunny and 21 degrees in Lisbon today.
  - type: llm
    when:
      model: gemini-*
      messages_contains: weather
    respond:
      content: It is sunny and 21 degrees in Lisbon today.
  - type: embeddings
    when:
      model: text-embedding-3-*
    respond: {}
  - type: llm
    when:
      model: llama3.2
      messages_contains: weather
    respond:
      content: It is sunny and 21 degrees in Lisbon today.
  - type: llm
    respond:
      content: Fallback answer.
`

/**
 * The id every rule of the large scenario keys on; fixed width, so no id contains another.
 *
 * @param {number} index
 */
function ticket(index) {
  return `ticket T${String(index).padStart(5, '0')}.`
}

/**
 * A scenario of `count` chat rules, each with a model glob and its own `messages_contains`;
 * `LAST_RULE_CHAT` matches only the last one, so the matcher has to pass every other rule.
 *
 * @param {number} count
 */
export function manyRulesScenario(count) {
  const lines = ['version: 1', 'meta:', `  name: bench ${count} rules`, 'rules:']
  for (let i = 1; i <= count; i++) {
    lines.push(
      `  - { type: llm.openai, when: { model: 'gpt-4o*', messages_contains: '${ticket(i)}' }, respond: { content: 'Answer for ${ticket(i)}' } }`,
    )
  }
  return `${lines.join('\n')}\n`
}

const SYSTEM = { role: 'system', content: 'You are a helpful assistant.' }

/** The non-streaming chat request. */
export const CHAT = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [SYSTEM, { role: 'user', content: 'What is the weather like in Lisbon?' }],
})

/** The streaming chat request: about 100 chunks, no delay. */
export const CHAT_STREAM = JSON.stringify({
  model: 'gpt-4o-mini',
  stream: true,
  messages: [SYSTEM, { role: 'user', content: 'Tell me a story.' }],
})

/** The request that only the last rule of the large scenario matches. */
export const LAST_RULE_CHAT = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [SYSTEM, { role: 'user', content: `What is the status of ${ticket(MANY_RULES)}` }],
})

/** The Anthropic Messages request (non-streaming). */
export const ANTHROPIC = JSON.stringify({
  model: 'claude-sonnet-4-5',
  max_tokens: 256,
  system: SYSTEM.content,
  messages: [{ role: 'user', content: 'What is the weather like in Lisbon?' }],
})

/** The Gemini `generateContent` request (non-streaming); the model is in the path. */
export const GEMINI = JSON.stringify({
  systemInstruction: { parts: [{ text: SYSTEM.content }] },
  contents: [{ role: 'user', parts: [{ text: 'What is the weather like in Lisbon?' }] }],
})

/** The Ollama chat request, `stream: false` (Ollama streams by default). */
export const OLLAMA = JSON.stringify({
  model: 'llama3.2',
  messages: [SYSTEM, { role: 'user', content: 'What is the weather like in Lisbon?' }],
  stream: false,
})

const AGENT_TOOLS = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
]
const AGENT_USER = { role: 'user', content: 'What is the weather like in Lisbon?' }

/** A two-step agent loop: the first request asks, the second sends the tool's result back. */
export const AGENT_LOOP = [
  JSON.stringify({ model: 'gpt-4o-mini', messages: [SYSTEM, AGENT_USER], tools: AGENT_TOOLS }),
  JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [
      SYSTEM,
      AGENT_USER,
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny, 21 degrees' },
    ],
    tools: AGENT_TOOLS,
  }),
]

/**
 * The agent scenario: the conversation's shape picks the answer, and the final text quotes the
 * tool's result through a template. A server of its own, so the other workloads' scenario
 * still loads in builds from before these conditions existed (`bench:cpu --against`).
 */
export const AGENT_SCENARIO = `version: 1
meta:
  name: bench agent loop
rules:
  - type: llm.openai
    when:
      tools_offered: get_weather
      has_tool_result: false
    respond:
      tool_calls:
        - function: { name: get_weather, arguments: '{"city":"Lisbon"}' }
  - type: llm.openai
    when:
      last_role: tool
    respond:
      content: "It is {{ tool_result }} in Lisbon."
`

/** @param {'float' | 'base64'} format */
export function embeddingsRequest(format) {
  return JSON.stringify({
    model: 'text-embedding-3-small',
    input: 'The quick brown fox jumps over the lazy dog.',
    encoding_format: format,
  })
}

/** How many sessions the sessions workload interleaves. */
export const SESSIONS = 8

/** Each interleaved session's chat path: `/sessions/bench-N/v1/chat/completions`. */
export const SESSION_PATHS = Array.from(
  { length: SESSIONS },
  (_, i) => `/sessions/bench-${i + 1}/v1/chat/completions`,
)

/**
 * @typedef {object} BenchRequest
 * @property {'small' | 'many' | 'agent'} server the scenario that answers it
 * @property {string} path
 * @property {string} body
 * @property {readonly string[]} [bodies] several bodies sent in turn (then `body` is the first)
 * @property {readonly string[]} [paths] Mocktopus is loaded on these paths in turn (then
 *   `path` is the first); the baseline answers one path
 * @property {readonly string[]} [baselinePaths] the baseline is Mocktopus itself, loaded on
 *   these paths in turn, instead of the bare server
 */

/**
 * What each workload sends, by key: `pnpm bench` loads them all, `pnpm bench:cpu --workload`
 * one of them.
 *
 * @type {Record<'chat' | 'sessions' | 'stream' | 'embeddings-float' | 'embeddings-base64' | 'many-rules' | 'anthropic' | 'gemini' | 'ollama' | 'agent', BenchRequest>}
 */
export const REQUESTS = {
  chat: { server: 'small', path: '/v1/chat/completions', body: CHAT },
  sessions: {
    server: 'small',
    path: SESSION_PATHS[0] ?? '',
    paths: SESSION_PATHS,
    baselinePaths: SESSION_PATHS.map(() => '/v1/chat/completions'),
    body: CHAT,
  },
  stream: { server: 'small', path: '/v1/chat/completions', body: CHAT_STREAM },
  'embeddings-float': { server: 'small', path: '/v1/embeddings', body: embeddingsRequest('float') },
  'embeddings-base64': {
    server: 'small',
    path: '/v1/embeddings',
    body: embeddingsRequest('base64'),
  },
  'many-rules': { server: 'many', path: '/v1/chat/completions', body: LAST_RULE_CHAT },
  anthropic: { server: 'small', path: '/v1/messages', body: ANTHROPIC },
  gemini: {
    server: 'small',
    path: '/v1beta/models/gemini-2.5-flash:generateContent',
    body: GEMINI,
  },
  ollama: { server: 'small', path: '/api/chat', body: OLLAMA },
  agent: {
    server: 'agent',
    path: '/v1/chat/completions',
    body: /** @type {string} */ (AGENT_LOOP[0]),
    bodies: AGENT_LOOP,
  },
}

/**
 * The scenario text of a server.
 *
 * @param {'small' | 'many' | 'agent'} server
 */
export function scenarioText(server) {
  if (server === 'agent') return AGENT_SCENARIO
  return server === 'many' ? manyRulesScenario(MANY_RULES) : SMALL_SCENARIO
}
