import { constants, openSync, writeSync } from 'node:fs'
import {
  lstat,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_SCENARIO_SIZE, parseScenario, readSimpleYaml } from '@mocktopus/scenario'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { RecordingsError } from '../../record/errors.js'
import type { RecordedRule } from '../../record/to-rule.js'
import { loadRecordings } from './load-recordings.js'
import { appendColumn, createRecordingsFile } from './recordings-file.js'

// The real `open`, watched: which names the temporary files get and how they are opened.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  return { ...actual, open: vi.fn(actual.open) }
})
// The real synchronous calls of an append, watched (and made to fail) the same way.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>()
  return { ...actual, openSync: vi.fn(actual.openSync), writeSync: vi.fn(actual.writeSync) }
})

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

describe('createRecordingsFile: appending', () => {
  it('appends a new recording after what is on disk, in one write, without a temporary file', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    const before = await readFile(path, 'utf8')
    vi.mocked(open).mockClear()
    vi.mocked(openSync).mockClear()
    vi.mocked(writeSync).mockClear()
    await file.add(chatRule('Bye', 'Goodbye'))
    expect(vi.mocked(open)).not.toHaveBeenCalled()
    const opened = vi.mocked(openSync).mock.calls.map(([name, flags]) => ({ name, flags }))
    expect(opened).toEqual([{ name: path, flags: expect.any(Number) }])
    expect(vi.mocked(writeSync)).toHaveBeenCalledTimes(1)
    const flags = opened[0]?.flags as number
    expect(flags & constants.O_APPEND).toBe(constants.O_APPEND)
    expect(flags & constants.O_NOFOLLOW).toBe(constants.O_NOFOLLOW)
    const after = await readFile(path, 'utf8')
    expect(after.startsWith(before)).toBe(true)
    // The same text a rewrite of the whole file gives.
    const whole = createRecordingsFile({ path: join(dir, 'other', 'recordings.yaml') })
    await whole.add(chatRule('Bye', 'Goodbye'))
    const item = (await readFile(join(dir, 'other', 'recordings.yaml'), 'utf8')).split(
      'rules:\n',
    )[1]
    expect(after.slice(before.length)).toBe(item)
    expect(parseScenario(after).rules.map((rule) => rule.respond?.content)).toEqual([
      'Hello',
      'Goodbye',
    ])
  })

  it('appends a rule the direct writer leaves to yaml as yaml writes it', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    const before = await readFile(path, 'utf8')
    // An array directly in an array: written through a yaml Document.
    const odd = { ...chatRule('Grid', 'ok'), respond: { content: 'ok', grid: [[1, 2], ['a']] } }
    await file.add(odd)
    const after = await readFile(path, 'utf8')
    expect(after.startsWith(before)).toBe(true)
    const whole = createRecordingsFile({ path: join(dir, 'other', 'recordings.yaml') })
    await whole.add(odd)
    const item = (await readFile(join(dir, 'other', 'recordings.yaml'), 'utf8')).split(
      'rules:\n',
    )[1]
    expect(after.slice(before.length)).toBe(item)
    expect(parse(after).rules[1].respond.grid).toEqual([[1, 2], ['a']])
  })

  it('reads the file again after an edit by hand, between two appends', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    // A rule for 'Bye' added by hand: recording 'Bye' must replace it, not add a second one.
    const text = await readFile(path, 'utf8')
    const byHand = (await readFile(path, 'utf8')).split('rules:\n')[1]?.replace('Hi', 'Bye')
    await writeFile(path, `${text}${byHand?.replace('Hello', 'By hand')}`)
    await file.add(chatRule('Bye', 'Goodbye'))
    await file.add(chatRule('Later', 'See you'))
    const scenario = parseScenario(await readFile(path, 'utf8'))
    expect(scenario.rules.map((rule) => rule.respond?.content)).toEqual([
      'Hello',
      'Goodbye',
      'See you',
    ])
  })

  it('rejects the recording when the append fails, and appends the next one', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    vi.mocked(writeSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })
    })
    await expect(file.add(chatRule('Lost', 'Gone'))).rejects.toThrow('EIO')
    vi.mocked(openSync).mockImplementationOnce(() => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), {
        code: 'EACCES',
      })
    })
    await expect(file.add(chatRule('Lost too', 'Gone'))).rejects.toThrow('EACCES')
    await file.add(chatRule('Bye', 'Goodbye'))
    const scenario = parseScenario(await readFile(path, 'utf8'))
    expect(scenario.rules.map((rule) => rule.respond?.content)).toEqual(['Hello', 'Goodbye'])
  })

  it('writes the whole recording when the system writes part of it at a time', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    const actual = vi.mocked(writeSync).getMockImplementation() as typeof writeSync
    // Seven bytes a call, as a write interrupted by a signal may do.
    vi.mocked(writeSync).mockImplementation(((
      fd: number,
      buffer: Uint8Array,
      offset: number,
      length: number,
    ) => actual(fd, buffer, offset, Math.min(length, 7))) as typeof writeSync)
    vi.mocked(writeSync).mockClear()
    try {
      await file.add(chatRule('Bye', 'Goodbye 🐙'))
    } finally {
      vi.mocked(writeSync).mockImplementation(actual)
    }
    expect(vi.mocked(writeSync).mock.calls.length).toBeGreaterThan(10)
    const scenario = parseScenario(await readFile(path, 'utf8'))
    expect(scenario.rules.map((rule) => rule.respond?.content)).toEqual(['Hello', 'Goodbye 🐙'])
  })

  it('writes each value on one line, which the fast reader of replay takes', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    const long = `A long answer ${'that goes on '.repeat(30)}to the end.`
    const lines = 'First line\n\n  ```ts\n  const a = "b: c" # no comment\n  ```\n'
    await file.add(chatRule(long, lines))
    await file.add(chatRule('Bye', long))
    const text = await readFile(path, 'utf8')
    expect(text).not.toMatch(/: [|>]/)
    const fast = readSimpleYaml(text)
    expect(fast).toBeDefined()
    expect(fast?.data).toEqual(parse(text))
    expect(parseScenario(text).rules.map((rule) => rule.respond?.content)).toEqual([lines, long])
  })

  it('writes any text so that the fast reader reads it as yaml does', async () => {
    // A small seeded generator, so a failure can be replayed.
    let state = 7
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0
      return state / 0x100000000
    }
    const pieces = [
      'a',
      'Hello',
      ' ',
      ': ',
      ' #',
      '#',
      '"',
      "'",
      '\\',
      '\n',
      '\n\n',
      '\t',
      '- ',
      '{',
      '}',
      '[',
      ']',
      ',',
      '&x',
      '*y',
      '!',
      '|',
      '>',
      '%',
      '@',
      '`',
      'null',
      'true',
      '1e3',
      '0x1F',
      '~',
      '\u00e9',
      '\u{1F600}',
      '---',
      '...',
      '? ',
      '  ',
      '{{ model }}',
      'x'.repeat(150),
    ]
    const text = () =>
      Array.from(
        { length: Math.floor(next() * 6) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('')
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    const rules = Array.from({ length: 150 }, (_, i) => chatRule(`${i} ${text()}`, text()))
    for (const rule of rules) await file.add(rule)
    const written = await readFile(path, 'utf8')
    const fast = readSimpleYaml(written)
    expect(fast).toBeDefined()
    expect(fast?.data).toEqual(parse(written))
    expect(
      (fast?.data as { rules: { respond: { content: string } }[] } | undefined)?.rules.map(
        (rule) => rule.respond.content,
      ),
    ).toEqual(rules.map((rule) => rule.respond?.content))
  })

  it('keeps comments written by hand anywhere, also after the last rule', async () => {
    const path = join(dir, 'recordings.yaml')
    const handWritten = [
      '# Our recordings, reviewed by Ana.',
      'version: 1',
      '# The rules below are what the API said on 3 May.',
      'rules:',
      '  # The greeting.',
      '  - type: llm.openai',
      '    when:',
      '      endpoint: /v1/chat/completions',
      '      model: gpt-4o',
      '      conversation: [{ role: user, content: Hi }]',
      '    respond: { content: Hello } # trimmed by hand',
      '# end of the reviewed part',
    ].join('\n')
    // No newline at the end, as an editor may leave it.
    await writeFile(path, handWritten)
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Bye', 'Goodbye'))
    await file.add(chatRule('Later', 'See you'))
    const text = await readFile(path, 'utf8')
    expect(text.startsWith(`${handWritten}\n  - type: llm.openai`)).toBe(true)
    expect(parseScenario(text).rules.map((rule) => rule.respond?.content)).toEqual([
      'Hello',
      'Goodbye',
      'See you',
    ])
  })

  it('keeps the note written above a recording when it is recorded again', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    await file.add(chatRule('Bye', 'Goodbye'))
    const text = await readFile(path, 'utf8')
    const second = text.lastIndexOf('  - type:')
    await writeFile(path, `${text.slice(0, second)}  # Ana: check this one\n${text.slice(second)}`)
    await file.add(chatRule('Bye', 'Farewell'))
    const after = await readFile(path, 'utf8')
    expect(after).toContain('  # Ana: check this one\n  - type: llm.openai')
    expect(parseScenario(after).rules.map((rule) => rule.respond?.content)).toEqual([
      'Hello',
      'Farewell',
    ])
  })

  it('appends at the column the file indents its rules at', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, 'version: 1\nrules:\n- type: llm\n  respond: { content: first }\n')
    await createRecordingsFile({ path }).add(chatRule('Bye', 'Goodbye'))
    const text = await readFile(path, 'utf8')
    expect(text).toMatch(/\n- type: llm\.openai\n {2}when:\n {4}endpoint:/)
    expect(parseScenario(text).rules.map((rule) => rule.respond?.content)).toEqual([
      'first',
      'Goodbye',
    ])
  })

  it('rewrites a file whose rules are not the last key, or are empty, keeping its comments', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, 'version: 1\nrules: []\n# keep me\nmeta: { owner: ana }\n')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    await file.add(chatRule('Bye', 'Goodbye'))
    const text = await readFile(path, 'utf8')
    expect(text).toContain('# keep me')
    const scenario = parseScenario(text)
    expect(scenario.meta).toEqual({ owner: 'ana' })
    expect(scenario.rules.map((rule) => rule.respond?.content)).toEqual(['Hello', 'Goodbye'])
  })

  it('never appends through a symlink put where the file was', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    await file.add(chatRule('Hi', 'Hello'))
    const victim = join(dir, 'victim.yaml')
    await writeFile(victim, await readFile(path, 'utf8'))
    const untouched = await readFile(victim, 'utf8')
    await rm(path)
    await symlink(victim, path)
    await file.add(chatRule('Bye', 'Goodbye'))
    expect(await readFile(victim, 'utf8')).toBe(untouched)
    expect((await lstat(path)).isSymbolicLink()).toBe(false)
    expect(parseScenario(await readFile(path, 'utf8')).rules).toHaveLength(2)
  })
})

describe('appendColumn', () => {
  it('gives the column of the items of a block rules sequence that ends the file', () => {
    expect(appendColumn('version: 1\nrules:\n  - type: llm\n    respond: {}\n')).toBe(2)
    expect(appendColumn('rules: # mine\n- type: llm\n\n# done\n')).toBe(0)
    expect(appendColumn('rules:\n    - a: |\n        text\n\n          more\n')).toBe(4)
  })

  it('gives nothing when another key, a document marker or no item follows rules', () => {
    expect(appendColumn('rules:\n  - type: llm\nmeta: {}\n')).toBeUndefined()
    expect(appendColumn('rules:\n  - type: llm\n...\n')).toBeUndefined()
    expect(appendColumn('rules: []\n')).toBeUndefined()
    expect(appendColumn('rules:\n')).toBeUndefined()
    expect(appendColumn('version: 1\n')).toBeUndefined()
    expect(appendColumn('rules:\n  - type: llm\n  other: 1\n')).toBeUndefined()
  })
})

describe('createRecordingsFile: temporary files', () => {
  it('writes a new file and a re-recording through a temporary file with a random name, created exclusively', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    vi.mocked(open).mockClear()
    await file.add(chatRule('Hi', 'Hello'))
    await file.add(chatRule('Bye', 'Goodbye'))
    await file.add(chatRule('Hi', 'Hello again'))
    const temps = vi.mocked(open).mock.calls.filter(([name]) => String(name).endsWith('.tmp'))
    expect(temps).toHaveLength(2)
    for (const [name, flags] of temps) {
      expect(String(name)).toMatch(/recordings\.yaml\.[0-9a-f]{8}-[0-9a-f-]{27}\.tmp$/)
      expect(flags).toBe('wx')
    }
    expect(temps[0]?.[0]).not.toBe(temps[1]?.[0])
    expect(await readdir(dir)).toEqual(['recordings.yaml'])
  })

  it('never writes through a symlink planted at a predictable temporary name', async () => {
    const path = join(dir, 'recordings.yaml')
    const victim = join(dir, 'victim.txt')
    await writeFile(victim, 'untouched\n')
    // The names the writer used to take: `${path}.${pid}.${sequence}.tmp`.
    const planted = Array.from({ length: 20 }, (_, i) => `${path}.${process.pid}.${i + 1}.tmp`)
    for (const name of planted) await symlink(victim, name)
    const file = createRecordingsFile({ path })
    for (let i = 0; i < 5; i++) await file.add(chatRule(`prompt ${i}`, `answer ${i}`))
    expect(await readFile(victim, 'utf8')).toBe('untouched\n')
    for (const name of planted) expect((await lstat(name)).isSymbolicLink()).toBe(true)
    expect((await lstat(path)).isSymbolicLink()).toBe(false)
    expect(parseScenario(await readFile(path, 'utf8')).rules).toHaveLength(5)
  })
})

describe('createRecordingsFile: the size replay reads', () => {
  const yamlFiles = async () => (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort()

  it('starts the next file of the series before a file grows past maxSize', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path, maxSize: 1200 })
    const written: string[] = []
    for (let i = 0; i < 10; i++) {
      written.push(await file.add(chatRule(`prompt ${i}`, `answer ${i} ${'-'.repeat(200)}`)))
    }
    const files = await yamlFiles()
    expect(files.length).toBeGreaterThan(2)
    expect(files).toContain('recordings-2.yaml')
    expect(new Set(written)).toEqual(new Set(files.map((name) => join(dir, name))))
    for (const name of files) {
      expect((await readFile(join(dir, name), 'utf8')).length).toBeLessThanOrEqual(1200)
    }
    const { scenario } = await loadRecordings(dir)
    expect(scenario.rules).toHaveLength(10)
  })

  it('replaces a recording in the file that holds it, whichever of the series', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path, maxSize: 1200 })
    for (let i = 0; i < 6; i++)
      await file.add(chatRule(`prompt ${i}`, `answer ${i} ${'-'.repeat(200)}`))
    expect(await file.add(chatRule('prompt 0', 'short'))).toBe(path)
    // Larger than its file has room for: moved to the end of the series, not kept twice.
    const moved = await file.add(chatRule('prompt 1', `long ${'='.repeat(600)}`))
    expect(moved).not.toBe(path)
    const { scenario } = await loadRecordings(dir)
    const answers = scenario.rules.map((rule) => String(rule.respond?.content).slice(0, 6))
    expect(answers).toHaveLength(6)
    expect(answers.filter((answer) => answer.startsWith('long'))).toHaveLength(1)
    expect(answers).toContain('short')
  })

  it('refuses a recording that alone is over maxSize, and writes nothing', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path, maxSize: 1200 })
    await file.add(chatRule('small', 'fits'))
    const error = await file
      .add(chatRule('huge', 'x'.repeat(2000)))
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RecordingsError)
    expect((error as Error).message).toMatch(
      /^the recording would make a file of \d+ characters on its own, over the 1200 that replay reads in one file; it was not written$/,
    )
    expect(await yamlFiles()).toEqual(['recordings.yaml'])
    expect(parseScenario(await readFile(path, 'utf8')).rules).toHaveLength(1)
  })

  it('keeps every file within the 16 MiB replay reads, at the real limit', async () => {
    const path = join(dir, 'recordings.yaml')
    const file = createRecordingsFile({ path })
    const nine = 9 * 1024 * 1024
    await file.add(chatRule('first', 'a'.repeat(nine)))
    await file.add(chatRule('second', 'b'.repeat(nine)))
    await expect(file.add(chatRule('third', 'c'.repeat(17 * 1024 * 1024)))).rejects.toThrow(
      RecordingsError,
    )
    expect(await yamlFiles()).toEqual(['recordings-2.yaml', 'recordings.yaml'])
    for (const name of await yamlFiles()) {
      expect((await readFile(join(dir, name), 'utf8')).length).toBeLessThanOrEqual(
        MAX_SCENARIO_SIZE,
      )
    }
    const { scenario } = await loadRecordings(dir)
    expect(scenario.rules.map((rule) => String(rule.respond?.content).length)).toEqual([nine, nine])
  }, 60_000)
})

describe('createRecordingsFile: prepare', () => {
  it('creates the directory and leaves nothing behind', async () => {
    const nested = join(dir, 'a', 'b')
    await createRecordingsFile({ path: join(nested, 'recordings.yaml') }).prepare()
    expect(await readdir(nested)).toEqual([])
  })

  it('names a directory that cannot be created', async () => {
    await writeFile(join(dir, 'plain-file'), '')
    const where = join(dir, 'plain-file', 'recordings')
    const error = await createRecordingsFile({ path: join(where, 'recordings.yaml') })
      .prepare()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RecordingsError)
    expect((error as Error).message).toContain(`cannot create the recordings directory ${where} (`)
  })

  it('names a directory that cannot be written', async () => {
    // A directory where the test file should go: the probe cannot be created whoever runs it.
    const where = join(dir, 'recordings')
    await mkdir(where)
    const spy = vi.mocked(open)
    spy.mockImplementationOnce(async () => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${where}/probe'`), {
        code: 'EACCES',
      })
    })
    const error = await createRecordingsFile({ path: join(where, 'recordings.yaml') })
      .prepare()
      .catch((caught: unknown) => caught)
    expect((error as Error).message).toBe(
      `cannot write in the recordings directory ${where} (EACCES: permission denied, open '${where}/probe'); fix its permissions or choose another directory`,
    )
  })

  it('refuses a recordings file that is not YAML, before any recording', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, 'rules: [unclosed\n')
    await expect(createRecordingsFile({ path }).prepare()).rejects.toThrow(
      `${path} is not valid YAML`,
    )
  })
})
