import { ENDPOINTS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { AZURE_RECORD, openaiEndpointOf } from './record.js'

describe('openaiEndpointOf', () => {
  it("maps Azure's deployment and v1 routes, concrete or patterns, to OpenAI's", () => {
    expect(openaiEndpointOf('/openai/deployments/gpt-4o/chat/completions')).toBe(
      ENDPOINTS.chatCompletions,
    )
    expect(openaiEndpointOf(ENDPOINTS.azureChatCompletions)).toBe(ENDPOINTS.chatCompletions)
    expect(openaiEndpointOf(ENDPOINTS.azureEmbeddings)).toBe(ENDPOINTS.embeddings)
    expect(openaiEndpointOf(ENDPOINTS.azureV1Completions)).toBe(ENDPOINTS.completions)
    expect(openaiEndpointOf(ENDPOINTS.azureResponses)).toBe(ENDPOINTS.responses)
    expect(openaiEndpointOf(ENDPOINTS.azureV1Responses)).toBe(ENDPOINTS.responses)
    expect(openaiEndpointOf(ENDPOINTS.messages)).toBe(ENDPOINTS.messages)
  })
})

describe('AZURE_RECORD', () => {
  it("reads an Azure answer as OpenAI's at the matching endpoint", () => {
    const body = {
      id: 'chatcmpl-az',
      prompt_filter_results: [],
      choices: [{ index: 0, message: { content: 'Hi' }, finish_reason: 'stop' }],
    }
    expect(AZURE_RECORD.respond(body, ENDPOINTS.azureChatCompletions)).toEqual({
      content: 'Hi',
      finish_reason: 'stop',
      id: 'chatcmpl-az',
    })
    const embeddings = { data: [{ index: 0, embedding: [0.5] }] }
    expect(AZURE_RECORD.respond(embeddings, ENDPOINTS.azureEmbeddings)).toEqual({
      embeddings: [{ embedding: [0.5] }],
    })
  })

  it("folds an Azure stream, its content filter opener included, as OpenAI's", () => {
    if (AZURE_RECORD.assemble?.kind !== 'events') throw new Error('no events assembler')
    const assembler = AZURE_RECORD.assemble.create('/openai/deployments/gpt-4o/chat/completions')
    for (const data of [
      { id: '', choices: [], prompt_filter_results: [{ prompt_index: 0 }] },
      { id: 'c1', choices: [{ index: 0, delta: { role: 'assistant', content: 'He' } }] },
      { id: 'c1', choices: [{ index: 0, delta: { content: 'llo' }, finish_reason: 'stop' }] },
    ]) {
      assembler?.add({ data: JSON.stringify(data) })
    }
    assembler?.add({ data: '[DONE]' })
    const result = assembler?.result()
    expect(
      result?.ok && AZURE_RECORD.respond(result.body, ENDPOINTS.azureChatCompletions),
    ).toMatchObject({
      content: 'Hello',
      finish_reason: 'stop',
    })
  })

  it('has no default upstream, and sends its key as api-key', () => {
    expect(AZURE_RECORD.defaultUpstream).toBeUndefined()
    expect(AZURE_RECORD.key).toMatchObject({ header: 'api-key', env: ['AZURE_OPENAI_API_KEY'] })
  })
})
