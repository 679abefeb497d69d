import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { captureContext } from '../test-context.js'

const fixtures = join(import.meta.dirname, '../../test/fixtures')
const examples = join(import.meta.dirname, '../../../../examples')

async function simulate(args: string[], cwd = fixtures) {
  const context = captureContext({ cwd })
  const code = await runCLI(['mocktopus', 'simulate', ...args], context)
  return { code, out: context.stdout, err: context.stderr }
}

describe('mocktopus simulate', () => {
  it('prints the content', async () => {
    expect(await simulate(['-s', 'valid.yaml', '--prompt', 'hello'])).toEqual({
      code: 0,
      out: ['Hi from the fixture!'],
      err: [],
    })
  })

  it('prints tool calls as readable lines', async () => {
    const result = await simulate(['-s', 'valid.yaml', '--prompt', 'weather', '--model', 'gpt-4.1'])
    expect(result.out).toEqual(['-> get_weather({"city": "Oslo"})  [call_1]'])
  })

  it('prints an error rule as its status and message', async () => {
    const result = await simulate(['-s', 'valid.yaml', '--prompt', 'limit'])
    expect(result).toEqual({ code: 0, out: ['429 rate_limit_exceeded: Slow down.'], err: [] })
  })

  it('prints the chunks as they would stream with --stream', async () => {
    const result = await simulate(['-s', 'valid.yaml', '--prompt', 'hello', '--stream'])
    expect(result.code).toBe(0)
    expect(result.out).toEqual([
      'chunk  1  role: assistant',
      'chunk  2  "Hi"',
      'chunk  3  " from"',
      'chunk  4  " the"',
      'chunk  5  " fixture!"',
      'chunk  6  finish_reason: stop',
      '[DONE]',
    ])
  })

  it('streams tool call arguments in pieces', async () => {
    const result = await simulate(
      ['-s', 'streaming.yaml', '--prompt', "what's the weather", '--stream'],
      examples,
    )
    expect(result.out[1]).toBe('chunk  2  tool_calls[0] get_weather call_stream_weather')
    const pieces = result.out
      .filter((line) => line.includes('arguments +='))
      .map((line) => /arguments \+= '(.*)'$/.exec(line)?.[1])
    expect(pieces.join('')).toBe('{"city": "Lisbon", "unit": "celsius"}')
    expect(result.out.at(-2)).toBe(
      `chunk ${String(pieces.length + 3).padStart(2)}  finish_reason: tool_calls`,
    )
  })

  it('says clearly when no rule matches and exits 1', async () => {
    const result = await simulate(['-s', 'no-fallback.yaml', '--prompt', 'hello'])
    expect(result.code).toBe(1)
    expect(result.out).toEqual([])
    expect(result.err).toEqual([
      'no rule matched; rules[0] came closest: last user message "hello" does not contain "weather"',
    ])
  })

  it('needs --prompt (exit 2)', async () => {
    const result = await simulate(['-s', 'valid.yaml'])
    expect(result).toMatchObject({
      code: 2,
      err: ['error: --prompt is required: the user message to match, e.g. --prompt "hello"'],
    })
  })

  it('prints a scenario error as file:line:column lines and exits 1', async () => {
    const result = await simulate(['-s', 'invalid.yaml', '--prompt', 'x'])
    expect(result.code).toBe(1)
    expect(result.err.join('\n')).toContain('invalid.yaml:5:7 rules[0].when.modle: unknown key')
  })
})
