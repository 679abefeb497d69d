import OpenAI from 'openai'
import { beforeAll, describe, expect, it } from 'vitest'
import { openaiErrors, openaiSchema } from '../../src/contracts.js'
import { useMocktopus } from '../openai/harness.js'
import { RESPONSES_SCENARIO, WEATHER_TOOL } from '../responses/scenario.js'

// What the real server sends over HTTP, read raw and through the SDK, checked against the
// official OpenAI spec: every body, every stream event, and the SSE framing around them.
const h = useMocktopus(RESPONSES_SCENARIO)
const client = () => new OpenAI({ apiKey: 'sk-test', baseURL: h.baseURL, maxRetries: 0 })

async function post(path: string, body: Record<string, unknown>) {
  return fetch(`${h.baseURL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
    body: JSON.stringify(body),
  })
}

function frames(text: string): { event?: string; data: string }[] {
  return text
    .split('\n\n')
    .filter((frame) => frame !== '')
    .map((frame) => {
      const lines = frame.split('\n')
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7)
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6) ?? ''
      return event === undefined ? { data } : { event, data }
    })
}

const INPUTS: Record<string, Record<string, unknown>> = {
  text: { input: 'Hi there', instructions: 'Be brief.', temperature: 0.5 },
  'tool call': { input: 'What is the weather?', tools: [WEATHER_TOOL], tool_choice: 'auto' },
  incomplete: { input: 'cut short please', max_output_tokens: 5 },
}

describe('Responses API over HTTP against the OpenAI spec', () => {
  // Compiling the spec's schemas takes seconds on a busy machine; do it once, outside the tests.
  beforeAll(() => {
    openaiSchema('Response')
    openaiSchema('ResponseStreamEvent')
    openaiSchema('ErrorResponse')
    openaiSchema('CreateCompletionResponse')
    openaiSchema('ResponseItemList')
  }, 120_000)

  for (const [name, body] of Object.entries(INPUTS)) {
    it(`sends a valid Response body: ${name}`, async () => {
      const res = await post('/responses', { model: 'gpt-4.1', ...body })
      expect(res.status).toBe(200)
      expect(openaiErrors('Response', await res.json())).toEqual([])
    })

    it(`streams valid events, each named by an event line: ${name}`, async () => {
      const res = await post('/responses', { model: 'gpt-4.1', stream: true, ...body })
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
      const sent = frames(await res.text())
      expect(sent.length).toBeGreaterThan(5)
      for (const [i, frame] of sent.entries()) {
        const event = JSON.parse(frame.data) as { type: string; sequence_number: number }
        expect(frame.event).toBe(event.type)
        expect(event.sequence_number).toBe(i)
        expect([event.type, openaiErrors('ResponseStreamEvent', event)]).toEqual([event.type, []])
      }
    })
  }

  it('retrieves a stored response that is a valid Response', async () => {
    const created = await client().responses.create({ model: 'gpt-4.1', input: 'Hi there' })
    const res = await fetch(`${h.baseURL}/responses/${created.id}`)
    expect(openaiErrors('Response', await res.json())).toEqual([])
  })

  it('lists input items as a valid ResponseItemList', async () => {
    const created = await client().responses.create({
      model: 'gpt-4.1',
      input: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'input_text', text: 'What is the weather?' }] },
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'Sunny in Paris' },
        { role: 'assistant', content: 'It is sunny.' },
        { role: 'user', content: 'Hi there' },
      ],
    })
    const res = await fetch(`${h.baseURL}/responses/${created.id}/input_items`)
    const list = (await res.json()) as { data: unknown[] }
    expect(list.data).toHaveLength(6)
    expect(openaiErrors('ResponseItemList', list)).toEqual([])
  })

  it('answers errors in a valid ErrorResponse envelope', async () => {
    const limited = await post('/responses', {
      model: 'gpt-4.1',
      input: 'rate limit',
      stream: true,
    })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toBe('application/json')
    expect(openaiErrors('ErrorResponse', await limited.json())).toEqual([])
    const unknown = await post('/responses', {
      model: 'gpt-4.1',
      input: 'x',
      previous_response_id: 'resp_unknown',
    })
    expect(openaiErrors('ErrorResponse', await unknown.json())).toEqual([])
  })
})

describe('Legacy completions over HTTP against the OpenAI spec', () => {
  it('sends a valid CreateCompletionResponse', async () => {
    const res = await post('/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'Hello' })
    expect(openaiErrors('CreateCompletionResponse', await res.json())).toEqual([])
  })

  it('streams chunks that are valid once their choice finishes, then [DONE]', async () => {
    const res = await post('/completions', {
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Hello',
      stream: true,
    })
    const sent = frames(await res.text())
    expect(sent.at(-1)).toEqual({ data: '[DONE]' })
    for (const frame of sent.slice(0, -1)) {
      expect(frame.event).toBeUndefined()
      const chunk = JSON.parse(frame.data) as { choices: { finish_reason: string | null }[] }
      // The API sends `finish_reason: null` until a choice ends; the spec's enum omits null.
      const choices = chunk.choices.map((c) => ({ ...c, finish_reason: c.finish_reason ?? 'stop' }))
      expect(openaiErrors('CreateCompletionResponse', { ...chunk, choices })).toEqual([])
    }
  })
})
