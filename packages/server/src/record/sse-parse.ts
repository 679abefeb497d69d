/**
 * An incremental reader of server-sent events, for the copy of an upstream stream that the
 * recorder reads. Bytes arrive cut anywhere (mid-line, mid-character), so text is buffered
 * until a blank line ends an event.
 */

/** One event as the SSE spec assembles it: the last `event:` and every `data:` line joined. */
export interface SSEEvent {
  readonly event?: string
  readonly data: string
}

export interface SSEParser {
  /** Feeds the next piece of text; returns the events it completed. */
  push(text: string): SSEEvent[]
  /** Ends the stream; returns an event left without its closing blank line, if any. */
  end(): SSEEvent[]
}

/**
 * A parser that keeps what it has not yet seen the end of.
 *
 * @example
 * const parser = createSSEParser()
 * parser.push('data: {"a":1}\n') // []
 * parser.push('\n') // [{ data: '{"a":1}' }]
 */
export function createSSEParser(): SSEParser {
  let buffer = ''
  let event: string | undefined
  let data: string[] = []

  const line = (text: string, out: SSEEvent[]): void => {
    if (text === '') {
      if (data.length > 0)
        out.push(event === undefined ? { data: data.join('\n') } : { event, data: data.join('\n') })
      event = undefined
      data = []
      return
    }
    if (text.startsWith(':')) return
    const colon = text.indexOf(':')
    const field = colon === -1 ? text : text.slice(0, colon)
    let value = colon === -1 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }

  return {
    push(text) {
      buffer += text
      const out: SSEEvent[] = []
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer)
        // A lone `\r` at the end may be the first half of `\r\n`: wait for the next piece.
        if (!match || (match[0] === '\r' && match.index === buffer.length - 1)) break
        line(buffer.slice(0, match.index), out)
        buffer = buffer.slice(match.index + match[0].length)
      }
      return out
    },
    end() {
      const out: SSEEvent[] = []
      const rest = buffer.replace(/\r$/, '')
      if (rest !== '') line(rest, out)
      buffer = ''
      line('', out)
      return out
    },
  }
}
