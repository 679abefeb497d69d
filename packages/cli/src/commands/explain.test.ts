import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { captureContext } from '../test-context.js'

const fixtures = join(import.meta.dirname, '../../test/fixtures')

async function explain(args: string[]) {
  const context = captureContext({ cwd: fixtures })
  const code = await runCLI(['mocktopus', 'explain', ...args], context)
  return { code, out: context.stdout.join('\n'), err: context.stderr.join('\n') }
}

function answerJSON(out: string): Record<string, unknown> {
  const start = out.indexOf('\n  {', out.indexOf('Answer'))
  return JSON.parse(out.slice(start))
}

describe('mocktopus explain', () => {
  it('gives every rule a verdict, names the winner and prints the exact body', async () => {
    const { code, out } = await explain(['-s', 'valid.yaml', '--prompt', 'hello there'])
    expect(code).toBe(0)
    expect(out).toContain('Rules     valid.yaml')
    expect(out).toMatch(/✓ rules\[0\] \(line 3\): .*contains "hello".* <- answers/)
    expect(out).toMatch(/✗ rules\[1\] \(line 11\): messages "hello there" do not match \/weather\//)
    expect(out).toMatch(
      /✗ rules\[3\] \(line 29\): type embeddings does not answer \/v1\/chat\/completions/,
    )
    expect(out).toMatch(/✓ rules\[4\] \(line 31\): .*, but rules\[0\] comes first/)
    expect(out).toContain('Answer    rules[0] (line 3)')
    expect(out).toMatch(/^ {2}200, application\/json, (.+, )?x-mocktopus-rule: 0$/m)
    const body = answerJSON(out) as {
      object: string
      choices: { message: { content: string } }[]
      usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number }
    }
    expect(body.object).toBe('chat.completion')
    expect(body.choices[0]?.message.content).toBe('Hi from the fixture!')
    expect(body.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 })
  })

  it('previews a Gemini generateContent request with the model in its path', async () => {
    const { code, out } = await explain([
      '-s',
      'valid.yaml',
      '--endpoint',
      '/v1beta/models/:model:generateContent',
      '--prompt',
      'hello there',
    ])
    expect(code).toBe(0)
    expect(out).toContain('Request   POST /v1beta/models/:model:generateContent')
    expect(out).toContain('Answer    rules[0] (line 3)')
    const body = answerJSON(out) as {
      candidates: { content: { parts: { text: string }[] } }[]
      modelVersion: string
      usageMetadata: { totalTokenCount: number }
    }
    expect(body.candidates[0]?.content.parts[0]?.text).toBe('Hi from the fixture!')
    expect(body.modelVersion).toBe('gemini-2.5-flash')
    expect(body.usageMetadata.totalTokenCount).toBe(7)
  })

  it('shows tool calls for the model given with --model', async () => {
    const { code, out } = await explain([
      '-s',
      'valid.yaml',
      '--prompt',
      'weather?',
      '--model',
      'gpt-4o',
    ])
    expect(code).toBe(0)
    const body = answerJSON(out) as {
      choices: { message: { content: null; tool_calls: unknown[] }; finish_reason: string }[]
    }
    expect(body.choices[0]?.finish_reason).toBe('tool_calls')
    expect(body.choices[0]?.message.tool_calls).toEqual([
      {
        id: 'call_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city": "Oslo"}' },
      },
    ])
  })

  it('shows an error rule as its status, headers and envelope', async () => {
    const { code, out } = await explain(['-s', 'valid.yaml', '--prompt', 'over the limit'])
    expect(code).toBe(0)
    expect(out).toMatch(/^ {2}429, application\/json, retry-after: 7, (.+, )?x-mocktopus-rule: 2$/m)
    expect(answerJSON(out)).toEqual({
      error: {
        message: 'Slow down.',
        type: 'rate_limit_error',
        param: null,
        code: 'rate_limit_exceeded',
      },
    })
  })

  it('previews embeddings with the embeddings rule, abbreviating the vector', async () => {
    const { code, out } = await explain([
      '-s',
      'valid.yaml',
      '--endpoint',
      '/v1/embeddings',
      '--prompt',
      'hello',
    ])
    expect(code).toBe(0)
    expect(out).toMatch(/✗ rules\[0\] \(line 3\): type llm does not answer \/v1\/embeddings/)
    expect(out).toContain('Answer    rules[3] (line 29)')
    expect(out).toContain('"... 1536 values"')
  })

  it('previews the Anthropic Messages API, system prompt included', async () => {
    const { code, out } = await explain([
      '-s',
      'valid.yaml',
      '--endpoint',
      '/v1/messages',
      '--messages',
      'messages.json',
    ])
    expect(code).toBe(0)
    expect(out).toContain('"system": "You are terse."')
    const body = answerJSON(out) as { type: string; content: unknown[] }
    expect(body.type).toBe('message')
    expect(body.content).toEqual([{ type: 'text', text: 'Hi from the fixture!' }])
  })

  it('previews the Responses and legacy completions APIs', async () => {
    const responses = await explain([
      '-s',
      'valid.yaml',
      '--endpoint',
      '/v1/responses',
      '--prompt',
      'hello',
    ])
    expect(answerJSON(responses.out)).toMatchObject({ object: 'response', status: 'completed' })
    const completions = await explain([
      '-s',
      'valid.yaml',
      '--endpoint',
      '/v1/completions',
      '--prompt',
      'hello',
    ])
    expect(answerJSON(completions.out)).toMatchObject({
      object: 'text_completion',
      choices: [{ text: 'Hi from the fixture!' }],
    })
  })

  it('reads the conversation from --messages', async () => {
    const { code, out } = await explain(['-s', 'valid.yaml', '--messages', 'messages.json'])
    expect(code).toBe(0)
    expect(out).toContain('"content": "You are terse."')
    expect(out).toContain('Answer    rules[0] (line 3)')
  })

  it('explains a miss with the closest rule and exits 1', async () => {
    const { code, out } = await explain([
      '-s',
      'no-fallback.yaml',
      '--prompt',
      'weather?',
      '--model',
      'gpt-3.5-turbo',
    ])
    expect(code).toBe(1)
    expect(out).toContain(
      'Answer    404 no_matching_rule: no rule matched; rules[0] came closest: model "gpt-3.5-turbo" does not match "gpt-4*"',
    )
  })

  it('uses the built-in scenario without -s', async () => {
    const { code, out } = await explain(['--prompt', 'hi'])
    expect(code).toBe(0)
    expect(out).toContain('Rules     built-in default scenario')
    expect(out).toContain('Hello from Mocktopus!')
  })

  it('needs --prompt or --messages, not both (exit 2)', async () => {
    expect((await explain(['-s', 'valid.yaml'])).code).toBe(2)
    const both = await explain(['--prompt', 'x', '--messages', 'messages.json'])
    expect(both).toMatchObject({
      code: 2,
      err: 'error: give either --prompt or --messages, not both',
    })
  })

  it('rejects an endpoint it cannot preview (exit 2)', async () => {
    const { code, err } = await explain(['--prompt', 'x', '--endpoint', '/v2/chat'])
    expect(code).toBe(2)
    expect(err).toMatch(/^error: --endpoint \/v2\/chat is not one explain can preview; use one of/)
  })

  it('fails with exit 1 on a messages file that is not a list of messages', async () => {
    const { code, err } = await explain(['--messages', 'valid.yaml'])
    expect(code).toBe(1)
    expect(err).toMatch(/^error: valid\.yaml is not valid JSON/)
  })
})
