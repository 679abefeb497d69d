import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseScenario } from '@mocktopus/scenario'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { captureContext } from '../test-context.js'

const FIXTURES = {
  fixtures: [
    { match: { userMessage: 'hello' }, response: { content: 'Hello! How can I help?' } },
    { match: { inputText: 'vector' }, response: { embedding: [0.1, 0.2, 0.3] } },
    { match: { userMessage: 'think' }, response: { content: 'ok', reasoning: 'r' } },
  ],
}

const CASSETTE_LINE = {
  timestamp: 1718000000.5,
  request_method: 'POST',
  request_path: '/v1/chat/completions',
  request_body: {
    model: 'gpt-4',
    messages: [{ role: 'user', content: 'Hello' }],
    temperature: 0.2,
  },
  response_status: 200,
  response_body: {
    id: 'chatcmpl-py',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
  },
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-convert-'))
  await writeFile(join(dir, 'fixtures.json'), JSON.stringify(FIXTURES))
  await writeFile(
    join(dir, 'session_1718000000.jsonl'),
    `${JSON.stringify(CASSETTE_LINE)}\n${JSON.stringify({ ...CASSETTE_LINE, request_method: 'GET', request_path: '/v1/models' })}\n`,
  )
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('mocktopus convert', () => {
  it('writes aimock fixtures as scenario YAML and names what it left out on stderr', async () => {
    const context = captureContext({ cwd: dir })
    expect(await runCLI('mocktopus convert --from aimock fixtures.json', context)).toBe(0)
    const yaml = context.stdout.join('\n')
    expect(yaml).toContain('embedding: [ 0.1, 0.2, 0.3 ]')
    const scenario = parseScenario(yaml, { source: 'out.yaml' })
    expect(scenario.rules.map((rule) => rule.type)).toEqual(['llm', 'embeddings', 'llm'])
    expect(context.stderr).toEqual([
      'not carried over: fixtures.json: fixtures[2]: response.reasoning is not carried over (Mocktopus does not send reasoning)',
      'converted 3 rules from 1 file',
    ])
  })

  it('writes a Python cassette to --out, with the skipped lines and parameters named', async () => {
    const context = captureContext({ cwd: dir })
    const code = await runCLI(
      'mocktopus convert --from python-cassette session_1718000000.jsonl --out converted.yaml',
      context,
    )
    expect(code).toBe(0)
    const scenario = parseScenario(await readFile(join(dir, 'converted.yaml'), 'utf8'))
    expect(scenario.rules).toHaveLength(1)
    expect(scenario.rules[0]?.when.conversation).toEqual([{ role: 'user', content: 'Hello' }])
    expect(context.stderr[0]).toMatch(
      /^not carried over: session_1718000000\.jsonl:2: GET \/v1\/models/,
    )
    expect(context.stderr[1]).toBe(
      'not carried over: session_1718000000.jsonl: request parameters not part of the match (a recording matches on the model and conversation): temperature',
    )
    expect(context.stderr[2]).toBe('converted 1 rule from 1 file to converted.yaml')
  })

  it('passes mocktopus validate', async () => {
    await runCLI(
      'mocktopus convert --from aimock fixtures.json -o a.yaml',
      captureContext({ cwd: dir }),
    )
    const context = captureContext({ cwd: dir })
    expect(await runCLI('mocktopus validate a.yaml', context)).toBe(0)
  })

  it('needs --from, a known format and a file', async () => {
    const context = captureContext({ cwd: dir })
    expect(await runCLI('mocktopus convert fixtures.json', context)).toBe(2)
    expect(await runCLI('mocktopus convert --from vcr fixtures.json', context)).toBe(2)
    expect(await runCLI('mocktopus convert --from aimock', context)).toBe(2)
    expect(context.stderr.join('\n')).toContain(
      '--from must be one of aimock, python-cassette; got "vcr"',
    )
  })

  it('fails when nothing could be converted', async () => {
    await writeFile(join(dir, 'empty.json'), '{"fixtures":[]}')
    const context = captureContext({ cwd: dir })
    expect(await runCLI('mocktopus convert --from aimock empty.json', context)).toBe(1)
    expect(context.stderr.at(-1)).toContain('nothing in empty.json could be converted')
  })
})
