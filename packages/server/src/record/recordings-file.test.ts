import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseScenario } from '@mocktopus/scenario'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecordingsError } from './errors.js'
import { createRecordingsFile } from './recordings-file.js'
import type { RecordedRule } from './to-rule.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-recordings-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function chatRule(prompt: string, answer: string): RecordedRule {
  return {
    type: 'llm.openai',
    when: {
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o',
      conversation: [{ role: 'user', content: prompt }],
    },
    respond: { content: answer, usage: { input_tokens: 1, output_tokens: 2 } },
  }
}

describe('createRecordingsFile', () => {
  it('creates a scenario file, with its directory, that parseScenario accepts', async () => {
    const path = join(dir, 'nested', 'recordings.yaml')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    await file.add({
      type: 'embeddings',
      when: { endpoint: '/v1/embeddings', model: 'e', input: ['a'] },
      respond: { embeddings: [{ embedding: [0.5, -0.25] }] },
    })
    const text = await readFile(path, 'utf8')
    expect(text).toMatch(/^# Recorded by Mocktopus/)
    expect(text).toContain('usage: { input_tokens: 1, output_tokens: 2 }')
    expect(text).toContain('- embedding: [ 0.5, -0.25 ]')
    const scenario = parseScenario(text)
    expect(scenario.rules.map((rule) => rule.respond?.content ?? null)).toEqual(['Hello', null])
  })

  it('serialises concurrent writes: none is lost and the file is never corrupt', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    const other = createRecordingsFile({ path })
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? file : other).add(chatRule(`prompt ${i}`, `answer ${i}`)),
      ),
    )
    const scenario = parseScenario(await readFile(path, 'utf8'))
    expect(scenario.rules).toHaveLength(40)
    expect(new Set(scenario.rules.map((rule) => rule.respond?.content)).size).toBe(40)
    expect(await readdir(dir)).toEqual(['recordings.yaml'])
  })

  it('replaces the recording of the same request and keeps comments made by hand', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(
      path,
      [
        'version: 1',
        'rules:',
        '  # Checked by Ana: the greeting we expect.',
        '  - type: llm.openai',
        '    when:',
        '      model: gpt-4o',
        '      endpoint: /v1/chat/completions',
        '      conversation: [{ role: user, content: Hi }]',
        '    respond: { content: Old }',
        '',
      ].join('\n'),
    )
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'New'))
    await file.add(chatRule('Bye', 'Goodbye'))
    const text = await readFile(path, 'utf8')
    expect(text).toContain('# Checked by Ana')
    expect(parseScenario(text).rules.map((rule) => rule.respond?.content)).toEqual([
      'New',
      'Goodbye',
    ])
  })

  it('sees an edit made by hand between two recordings', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    const edited = (await readFile(path, 'utf8')).replace('content: Hello', 'content: Edited')
    await writeFile(path, `# reviewed\n${edited}`)
    await file.add(chatRule('Bye', 'Goodbye'))
    const text = await readFile(path, 'utf8')
    expect(text).toContain('# reviewed')
    expect(parseScenario(text).rules.map((rule) => rule.respond?.content)).toEqual([
      'Edited',
      'Goodbye',
    ])
  })

  it('refuses to overwrite a file that is not YAML', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, 'rules: [unclosed\n')
    const file = createRecordingsFile({ path })
    await expect(file.add(chatRule('Hi', 'Hello'))).rejects.toThrow(RecordingsError)
    expect(await readFile(path, 'utf8')).toBe('rules: [unclosed\n')
    await file.add(chatRule('x', 'y')).catch(() => {})
    await expect(file.flush()).resolves.toBeUndefined()
  })
})
