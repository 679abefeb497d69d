import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { captureContext } from '../test-context.js'

// An agent's second turn: the tool offered, its call, its result. Only a whole body carries
// the tools, so only `--body` lets explain and simulate judge `tools_offered`.
const AGENT = `version: 1
rules:
  - type: llm
    when: { tools_offered: get_weather, has_tool_result: false }
    respond:
      tool_calls:
        - function: { name: get_weather, arguments: { city: Paris } }
  - type: llm
    when: { tools_offered: get_weather, last_role: tool }
    respond:
      content: "Forecast: {{ tool_result }}"
`

const TOOLS = [
  {
    type: 'function',
    function: { name: 'get_weather', parameters: { type: 'object', properties: {} } },
  },
]

const SECOND_TURN = {
  model: 'gpt-4o',
  tools: TOOLS,
  messages: [
    { role: 'user', content: 'Weather in Paris?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
  ],
}

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-explain-body-'))
  await writeFile(join(dir, 'agent.yaml'), AGENT)
  await writeFile(join(dir, 'second.json'), JSON.stringify(SECOND_TURN))
  await writeFile(join(dir, 'list.json'), '[]')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(command: string, args: string[]) {
  const context = captureContext({ cwd: dir })
  const code = await runCLI(['mocktopus', command, ...args], context)
  return { code, out: context.stdout.join('\n'), err: context.stderr.join('\n') }
}

describe('explain and simulate --body', () => {
  it('judge a whole request body: its tools and its tool result', async () => {
    const { code, out } = await run('explain', ['-s', 'agent.yaml', '--body', 'second.json'])
    expect(code).toBe(0)
    expect(out).toMatch(/✗ rules\[0\].*conversation holds a tool result/)
    expect(out).toMatch(/✓ rules\[1\].*request offers "get_weather".*<- answers/)
    expect(out).toContain('"content": "Forecast: sunny"')
  })

  it('simulate prints the answer the body gets, the model from the body', async () => {
    const { code, out } = await run('simulate', ['-s', 'agent.yaml', '--body', 'second.json'])
    expect(code).toBe(0)
    expect(out).toContain('Forecast: sunny')
  })

  it('refuses a body that is not a JSON object, and two request sources at once', async () => {
    const list = await run('explain', ['-s', 'agent.yaml', '--body', 'list.json'])
    expect(list.code).not.toBe(0)
    expect(list.err).toContain('list.json must hold a JSON object')
    const both = await run('explain', ['--prompt', 'hi', '--body', 'second.json'])
    expect(both.code).not.toBe(0)
    expect(both.err).toContain('give either --prompt or --body, not both')
  })
})
