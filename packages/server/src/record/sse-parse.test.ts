import { describe, expect, it } from 'vitest'
import { createSSEParser } from './sse-parse.js'

describe('createSSEParser', () => {
  it('completes an event only at the blank line, however the text is cut', () => {
    const parser = createSSEParser()
    const text = 'event: message_start\ndata: {"a":1}\n\ndata: [DONE]\n\n'
    const events = [...text].flatMap((char) => parser.push(char))
    expect(events).toEqual([{ event: 'message_start', data: '{"a":1}' }, { data: '[DONE]' }])
    expect(parser.end()).toEqual([])
  })

  it('reads CRLF and CR line ends, comments, and joins data lines', () => {
    const parser = createSSEParser()
    const events = [
      ...parser.push(': keep-alive\r\ndata: one\r'),
      ...parser.push('\ndata: two\r\n\r\n'),
      ...parser.push('data:three\r\r'),
      ...parser.end(),
    ]
    expect(events).toEqual([{ data: 'one\ntwo' }, { data: 'three' }])
  })

  it('hands out an event left without its blank line when the stream ends', () => {
    const parser = createSSEParser()
    expect(parser.push('data: last')).toEqual([])
    expect(parser.end()).toEqual([{ data: 'last' }])
  })
})
