import { describe, expect, it } from 'vitest'
import {
  answerShape,
  compareShapes,
  createShapeCollector,
  describeShapeChange,
  ndjsonShape,
  parseShape,
} from './shape.js'

const COMPLETION = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-mini',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello there', refusal: null },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
}

describe('answerShape', () => {
  it('keeps paths, types and enum values, never the text', () => {
    const shape = answerShape(COMPLETION)
    expect(shape).toBe(
      [
        'choices[].finish_reason:"stop"',
        'choices[].index:number',
        'choices[].message.content:string',
        'choices[].message.refusal:null',
        'choices[].message.role:"assistant"',
        'created:number',
        'id:string',
        'model:string',
        'object:"chat.completion"',
        'usage.completion_tokens:number',
        'usage.prompt_tokens:number',
        'usage.total_tokens:number',
      ].join(' '),
    )
    expect(shape).not.toContain('Hello')
    expect(shape).not.toContain('gpt-4o-mini')
  })

  it('marks empty containers and encodes keys that would break the line', () => {
    expect(answerShape({ a: [], b: {}, 'odd key': 1 })).toBe('a:array b:object odd%20key:number')
  })

  it('keeps an enum value only when it is short and plain', () => {
    expect(answerShape({ type: 'has space' })).toBe('type:string')
  })
})

describe('createShapeCollector', () => {
  it('takes the union over the chunks of a stream, skipping [DONE]', () => {
    const shape = createShapeCollector()
    shape.addEvent({ data: '{"choices":[{"delta":{"role":"assistant"},"finish_reason":null}]}' })
    shape.addEvent({ data: '{"choices":[{"delta":{"content":"Hi"},"finish_reason":"stop"}]}' })
    shape.addEvent({ data: '[DONE]' })
    expect(shape.result()).toBe(
      '@chunk.choices[].delta.content:string @chunk.choices[].delta.role:"assistant" @chunk.choices[].finish_reason:"stop"|null',
    )
  })

  it('keys named events by their name (Anthropic)', () => {
    const shape = createShapeCollector()
    shape.addEvent({ event: 'message_start', data: '{"type":"message_start","message":{}}' })
    shape.addEvent({
      event: 'message_delta',
      data: '{"type":"message_delta","delta":{"stop_reason":"end_turn"}}',
    })
    expect(shape.result()).toBe(
      '@message_delta.delta.stop_reason:"end_turn" @message_delta.type:"message_delta" @message_start.message:object @message_start.type:"message_start"',
    )
  })

  it('gives nothing for a stream with no JSON event', () => {
    const shape = createShapeCollector()
    shape.addEvent({ data: '[DONE]' })
    expect(shape.result()).toBeUndefined()
  })

  it('reads NDJSON lines as unnamed chunks', () => {
    expect(ndjsonShape('{"done":false}\n\n{"done":true,"done_reason":"stop"}\n')).toBe(
      '@chunk.done:boolean @chunk.done_reason:"stop"',
    )
  })
})

describe('parseShape', () => {
  it('gives each ancestor the container kind its children imply', () => {
    const shape = parseShape('choices[].message.role:"assistant" finish:"a:b"|null')
    expect([...(shape.get('choices') ?? [])]).toEqual(['array'])
    expect([...(shape.get('choices[]') ?? [])]).toEqual(['object'])
    expect([...(shape.get('choices[].message') ?? [])]).toEqual(['object'])
    expect([...(shape.get('finish') ?? [])]).toEqual(['"a:b"', 'null'])
  })
})

describe('compareShapes', () => {
  const recorded = answerShape(COMPLETION)

  it('finds nothing when the answer kept its shape, whatever its text', () => {
    const again = {
      ...COMPLETION,
      choices: [
        {
          ...COMPLETION.choices[0],
          message: { role: 'assistant', content: 'Else', refusal: null },
        },
      ],
      usage: { ...COMPLETION.usage, total_tokens: 99 },
    }
    expect(compareShapes(recorded, answerShape(again))).toEqual([])
  })

  it('names a dropped object once, a new enum value and a new field', () => {
    const { usage: _, ...rest } = COMPLETION
    const now = {
      ...rest,
      service_tier: 'default',
      choices: [{ ...COMPLETION.choices[0], finish_reason: 'end' }],
    }
    const changes = compareShapes(recorded, answerShape(now))
    expect(changes.map(describeShapeChange)).toEqual([
      'choices[].finish_reason: new value "end" (recorded "stop")',
      'service_tier: added (string)',
      'usage: removed (was object)',
    ])
  })

  it('names a type it never had, but not a kind recorded and missing now', () => {
    expect(compareShapes('created:number', 'created:string')).toEqual([
      { kind: 'type-changed', path: 'created', recorded: ['number'], now: ['string'] },
    ])
    expect(compareShapes('a.b:number a.c:string', 'a:null')).toEqual([
      { kind: 'type-changed', path: 'a', recorded: ['object'], now: ['null'] },
    ])
    expect(compareShapes('finish:"stop"|null', 'finish:"stop"')).toEqual([])
    expect(compareShapes('id:string', 'id:"x"')).toEqual([])
  })
})
