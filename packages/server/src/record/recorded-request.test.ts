import { ENDPOINTS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { rebuildRequest, recordedFacts, unescapeGlob } from './recorded-request.js'
import type { RecordedWhen } from './to-rule.js'

const COMPLETION = { object: 'chat.completion', choices: [{ finish_reason: 'stop' }] }

describe('recordedFacts', () => {
  it('keeps what when does not give, and the shape', () => {
    const when: RecordedWhen = {
      endpoint: ENDPOINTS.chatCompletions,
      model: 'gpt-4o-mini',
      conversation: [{ role: 'user', content: 'Hi' }],
    }
    const body = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 20,
      stream: true,
    }
    const facts = recordedFacts({ when, status: 200, body: COMPLETION, sent: { body } })
    expect(facts).toEqual({
      recorded: {
        request: { max_tokens: 20, stream: true },
        shape: 'choices[].finish_reason:"stop" object:"chat.completion"',
      },
    })
    expect(rebuildRequest({ when, ...facts }).body).toEqual(body)
  })

  it('keeps the conversation when when cannot rebuild it, with secrets blanked', () => {
    const when: RecordedWhen = {
      endpoint: ENDPOINTS.chatCompletions,
      model: 'm',
      conversation: [{ role: 'user', content: 'Look sk-secret-123' }],
    }
    const messages = [{ role: 'user', content: [{ type: 'text', text: 'Look sk-secret-123' }] }]
    const facts = recordedFacts({
      when,
      status: 200,
      body: COMPLETION,
      sent: { body: { model: 'm', messages }, query: '?key=abc&alt=sse' },
      secrets: ['sk-secret-123'],
    })
    expect(facts.recorded?.request).toEqual({
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Look [REDACTED]' }] }],
    })
    expect(facts.recorded?.query).toBe('alt=sse')
  })

  it('keeps a stream shape given, and nothing for errors or without the request', () => {
    const when: RecordedWhen = { endpoint: ENDPOINTS.embeddings, model: 'e', input: ['a'] }
    expect(
      recordedFacts({ when, status: 200, body: {}, shape: '@chunk.x:number' }).recorded,
    ).toEqual({ shape: '@chunk.x:number' })
    expect(recordedFacts({ when, status: 429, body: {}, sent: { body: {} } })).toEqual({})
    expect(recordedFacts({ when, status: 200, body: {} })).toEqual({})
  })
})

describe('rebuildRequest', () => {
  it('rebuilds an Anthropic request with its system prompt', () => {
    const request = rebuildRequest({
      when: {
        endpoint: ENDPOINTS.messages,
        model: 'claude-\\*',
        conversation: [
          { role: 'system', content: 'Be brief' },
          { role: 'user', content: 'Hi' },
        ],
      },
      recorded: { request: { max_tokens: 64 } },
    })
    expect(request).toEqual({
      path: '/v1/messages',
      search: '',
      body: {
        model: 'claude-*',
        system: 'Be brief',
        messages: [{ role: 'user', content: 'Hi' }],
        max_tokens: 64,
      },
    })
  })

  it('puts a Gemini model in the path and keeps the query', () => {
    const request = rebuildRequest({
      when: {
        endpoint: ENDPOINTS.geminiStreamGenerateContent,
        model: 'gemini-2.5-flash',
        conversation: [{ role: 'user', content: 'Hi' }],
      },
      recorded: { query: 'alt=sse' },
    })
    expect(request.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent')
    expect(request.search).toBe('?alt=sse')
    expect(request.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] })
  })

  it('rebuilds embeddings and Responses inputs', () => {
    expect(
      rebuildRequest({ when: { endpoint: ENDPOINTS.embeddings, model: 'e', input: ['a', 'b'] } })
        .body,
    ).toEqual({ model: 'e', input: ['a', 'b'] })
    expect(
      rebuildRequest({
        when: {
          endpoint: ENDPOINTS.responses,
          model: 'm',
          conversation: [
            { role: 'system', content: 'Sys' },
            { role: 'user', content: 'Hi' },
          ],
        },
      }).body,
    ).toEqual({ model: 'm', instructions: 'Sys', input: 'Hi' })
  })

  it('undoes the glob escaping', () => {
    expect(unescapeGlob('a\\[b\\]\\*')).toBe('a[b]*')
  })
})
