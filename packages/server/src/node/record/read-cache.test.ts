import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseScenario, readSimpleYaml } from '@mocktopus/scenario'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadRecordings } from './load-recordings.js'
import { createReadCache, type ReadCacheOptions } from './read-cache.js'

let dir: string
let cacheDir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-read-cache-test-'))
  cacheDir = join(dir, 'cache')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function recordings(count: number, answer = 'Hello'): string {
  const rules = Array.from(
    { length: count },
    (_, i) => `  - type: llm.openai
    when:
      endpoint: /v1/chat/completions
      model: gpt-4o
      conversation:
        - role: user
          content: question ${i}
    respond:
      content: ${answer} ${i}
      usage: { input_tokens: 3, output_tokens: 2 }
`,
  )
  return `version: 1\nrules:\n${rules.join('')}`
}

/** A cache whose writes happen when `flush` is called, and that counts the fast reads it did. */
function testCache(options: ReadCacheOptions = {}) {
  const writes: (() => void)[] = []
  const cache = createReadCache({
    directory: cacheDir,
    env: {},
    minChars: 0,
    schedule: (write) => writes.push(write),
    ...options,
  })
  return {
    cache,
    flush() {
      for (const write of writes.splice(0)) write()
    },
  }
}

async function readThrough(cache: ReturnType<typeof createReadCache>, path: string) {
  const identity = await stat(path, { bigint: true })
  return cache.reader(path, identity)(await readFile(path, 'utf8'))
}

describe('createReadCache', () => {
  it('keeps a read for the next start and gives it back while the file is unchanged', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, recordings(3))
    const first = testCache()
    const read = await readThrough(first.cache, path)
    expect(read).toEqual(readSimpleYaml(await readFile(path, 'utf8')))
    first.flush()
    const entries = await readdir(cacheDir)
    expect(entries).toHaveLength(1)
    expect((await stat(join(cacheDir, entries[0] as string))).mode & 0o777).toBe(0o600)
    expect((await stat(cacheDir)).mode & 0o777).toBe(0o700)

    // The next start: an entry whose data differs from the file's would show it was used.
    const entry = join(cacheDir, entries[0] as string)
    const text = await readFile(entry, 'utf8')
    await writeFile(entry, text.replace('"Hello 0"', '"From the cache"'))
    const again = await readThrough(testCache().cache, path)
    expect(
      (again as unknown as { data: { rules: { respond: { content: string } }[] } }).data.rules[0]
        ?.respond,
    ).toEqual({ content: 'From the cache', usage: { input_tokens: 3, output_tokens: 2 } })
    expect(again?.ruleLines).toEqual(read?.ruleLines)
  })

  it('reads a file again once it was written, even at the same size', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, recordings(3, 'Hello'))
    const first = testCache()
    await readThrough(first.cache, path)
    first.flush()
    await writeFile(path, recordings(3, 'Howdy'))
    const read = await readThrough(testCache().cache, path)
    expect(JSON.stringify(read)).toContain('Howdy 0')
    expect(JSON.stringify(read)).not.toContain('Hello 0')
  })

  it('is validated as any read: a cache cannot make a scenario valid', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, recordings(2))
    const first = testCache()
    await readThrough(first.cache, path)
    first.flush()
    const [name] = await readdir(cacheDir)
    const entry = join(cacheDir, name as string)
    await writeFile(entry, (await readFile(entry, 'utf8')).replace('"respond"', '"respnd"'))
    const identity = await stat(path, { bigint: true })
    const read = testCache().cache.reader(path, identity)
    // The cached data is refused by validation, and the text is then read by `yaml`: the
    // file itself is valid, so the scenario is the file's.
    const scenario = parseScenario(await readFile(path, 'utf8'), { read })
    expect(scenario.rules[0]?.respond?.content).toBe('Hello 0')
  })

  it('keeps no read that JSON would change (.nan, .inf, -0)', async () => {
    const path = join(dir, 'odd.yaml')
    await writeFile(path, 'version: 1\nmeta: { a: .nan, b: -0 }\nrules: []\n')
    const first = testCache()
    const read = await readThrough(first.cache, path)
    expect(Number.isNaN((read as unknown as { data: { meta: { a: number } } }).data.meta.a)).toBe(
      true,
    )
    first.flush()
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/)
  })

  it('keeps the directory under its size, oldest entries out first', async () => {
    const paths = [join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'c.yaml')]
    for (const path of paths) await writeFile(path, recordings(40))
    const size = (await readFile(paths[0] as string, 'utf8')).length
    // Room for about two entries (an entry is a bit over the file's size as JSON).
    const { cache, flush } = testCache({ maxBytes: Math.round(size * 2.6) })
    for (const path of paths) {
      await readThrough(cache, path)
      flush()
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const entries = await readdir(cacheDir)
    expect(entries).toHaveLength(2)
    const total = await Promise.all(
      entries.map(async (name) => (await stat(join(cacheDir, name))).size),
    )
    expect(total.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(Math.round(size * 2.6))
  })

  it('drops the entries of files that are gone when it writes one', async () => {
    const gone = join(dir, 'gone.yaml')
    const kept = join(dir, 'kept.yaml')
    await writeFile(gone, recordings(3))
    await writeFile(kept, recordings(3))
    const { cache, flush } = testCache()
    await readThrough(cache, gone)
    await readThrough(cache, kept)
    flush()
    expect(await readdir(cacheDir)).toHaveLength(2)
    await rm(gone)
    const other = join(dir, 'other.yaml')
    await writeFile(other, recordings(2))
    await readThrough(cache, other)
    flush()
    const entries = await readdir(cacheDir)
    expect(entries).toHaveLength(2)
    const paths = await Promise.all(
      entries.map(
        async (name) =>
          JSON.parse((await readFile(join(cacheDir, name), 'utf8')).split('\n')[0] as string).path,
      ),
    )
    expect(paths.sort()).toEqual([kept, other].sort())
  })

  it('uses no directory others can write to, and is off with MOCKTOPUS_NO_READ_CACHE', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, recordings(2))
    const shared = join(dir, 'shared')
    await mkdir(shared)
    await chmod(shared, 0o777)
    const open = testCache({ directory: shared })
    expect(await readThrough(open.cache, path)).toBeDefined()
    open.flush()
    expect(await readdir(shared)).toEqual([])

    const off = testCache({ env: { MOCKTOPUS_NO_READ_CACHE: '1' } })
    await readThrough(off.cache, path)
    off.flush()
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/)
  })

  it('leaves small files to the reader alone', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, recordings(1))
    const small = testCache({ minChars: 10_000 })
    await readThrough(small.cache, path)
    small.flush()
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/)
  })
})

describe('ReadCache.keep', () => {
  it('keeps a read at once, which the next start gets while the file is unchanged', async () => {
    const path = join(dir, 'recordings.yaml')
    await writeFile(path, recordings(3))
    const { cache, flush } = testCache()
    cache.keep(path)
    // Written at once: nothing was scheduled.
    flush()
    const [name] = await readdir(cacheDir)
    const entry = join(cacheDir, name as string)
    await writeFile(entry, (await readFile(entry, 'utf8')).replace('"Hello 0"', '"Kept"'))
    expect(JSON.stringify(await readThrough(testCache().cache, path))).toContain('"Kept"')
    // A file written after the keep is read again.
    await writeFile(path, recordings(3, 'Later'))
    expect(JSON.stringify(await readThrough(testCache().cache, path))).toContain('"Later 0"')
  })

  it('leaves a missing or unreadable file alone', async () => {
    const { cache } = testCache()
    expect(() => cache.keep(join(dir, 'missing.yaml'))).not.toThrow()
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/)
  })
})

describe('loadRecordings with a read cache', () => {
  it('loads the same recordings from the cache as from the file', async () => {
    const recordingsDir = join(dir, 'recordings')
    await mkdir(recordingsDir)
    await writeFile(join(recordingsDir, 'recordings.yaml'), recordings(5))
    const first = testCache()
    const cold = await loadRecordings(recordingsDir, { readCache: first.cache })
    first.flush()
    expect(await readdir(cacheDir)).toHaveLength(1)
    const warm = await loadRecordings(recordingsDir, { readCache: testCache().cache })
    expect(warm.origins).toEqual(cold.origins)
    expect(warm.scenario.rules).toEqual(cold.scenario.rules)
  })
})
