import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mocktopus } from './run.js'

const fixtures = join(import.meta.dirname, 'fixtures')
const examples = join(import.meta.dirname, '../../../examples')
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('mocktopus validate (subprocess)', () => {
  it('exits 0 for the examples', async () => {
    const files = [
      'chat-basics',
      'errors',
      'tool-calling',
      'embeddings',
      'streaming',
      'multi-model',
    ]
    const result = await mocktopus(['validate', ...files.map((f) => `${f}.yaml`)], {
      cwd: examples,
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('6 files valid')
  })

  it('exits 1 with file:line:column lines for an invalid file', async () => {
    const result = await mocktopus(['validate', 'invalid.yaml'], { cwd: fixtures })
    expect(result.code).toBe(1)
    expect(result.stdout.split('\n')[0]).toBe(
      'invalid.yaml:5:7 rules[0].when.modle: unknown key "modle"; did you mean "model"?',
    )
  })

  it('exits 0 with warnings, and prints JSON with --json', async () => {
    expect((await mocktopus(['validate', 'warnings.yaml'], { cwd: fixtures })).code).toBe(0)
    const json = await mocktopus(['validate', '--json', 'warnings.yaml'], { cwd: fixtures })
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: true,
      files: [{ file: 'warnings.yaml' }],
    })
  })
})

describe('mocktopus explain and simulate (subprocess)', () => {
  it('explains a match and exits 0', async () => {
    const result = await mocktopus(['explain', '-s', 'valid.yaml', '--prompt', 'hello'], {
      cwd: fixtures,
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Answer    rules[0] (line 3)')
  })

  it('explains a miss and exits 1', async () => {
    const result = await mocktopus(['explain', '-s', 'no-fallback.yaml', '--prompt', 'hello'], {
      cwd: fixtures,
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('404 no_matching_rule: no rule matched; rules[0] came closest')
  })

  it('simulates content, a stream and a miss', async () => {
    const ok = await mocktopus(['simulate', '-s', 'valid.yaml', '--prompt', 'hello'], {
      cwd: fixtures,
    })
    expect(ok).toMatchObject({ code: 0, stdout: 'Hi from the fixture!\n' })
    const stream = await mocktopus(
      ['simulate', '-s', 'valid.yaml', '--prompt', 'hello', '--stream'],
      {
        cwd: fixtures,
      },
    )
    expect(stream.stdout.split('\n').at(-2)).toBe('[DONE]')
    const miss = await mocktopus(['simulate', '-s', 'no-fallback.yaml', '--prompt', 'hi'], {
      cwd: fixtures,
    })
    expect(miss.code).toBe(1)
    expect(miss.stderr).toMatch(/^no rule matched; rules\[0\] came closest/)
  })

  it('exits 2 without --prompt', async () => {
    expect((await mocktopus(['simulate'])).code).toBe(2)
    expect((await mocktopus(['explain'])).code).toBe(2)
  })
})

describe('mocktopus init and example (subprocess)', () => {
  it('writes a template, then refuses to overwrite it without --force', async () => {
    const first = await mocktopus(['init', '--template', 'agents'], { cwd: dir })
    expect(first.code).toBe(0)
    const written = await readFile(join(dir, 'mocktopus.yaml'), 'utf8')
    expect(written).toContain('get_weather')
    await writeFile(join(dir, 'mocktopus.yaml'), 'edited')
    const second = await mocktopus(['init'], { cwd: dir })
    expect(second.code).toBe(1)
    expect(second.stderr).toBe(
      'error: mocktopus.yaml already exists; pass --force to overwrite it, or -o to write another file\n',
    )
    expect(await readFile(join(dir, 'mocktopus.yaml'), 'utf8')).toBe('edited')
    expect((await mocktopus(['init', '--force'], { cwd: dir })).code).toBe(0)
    const validated = await mocktopus(['validate', 'mocktopus.yaml'], { cwd: dir })
    expect(validated.stdout).toBe('✓ mocktopus.yaml: 6 rules\n')
  })

  it('prints an example byte for byte', async () => {
    const result = await mocktopus(['example', '--type', 'errors'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(await readFile(join(examples, 'errors.yaml'), 'utf8'))
  })

  it('exits 2 for an unknown example type', async () => {
    const result = await mocktopus(['example', '--type', 'poetry'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^error: --type must be one of basic, streaming/)
  })
})

describe('mocktopus doctor (subprocess)', () => {
  it('passes offline, making no outbound connection', async () => {
    // The preload makes any attempt to open a socket, resolve a host name or fetch fail the
    // process loudly; binding a local port (which looks up the IP literal) stays allowed.
    const guard = join(dir, 'no-network.cjs')
    await writeFile(
      guard,
      `const net = require('node:net'); const dns = require('node:dns');
const fail = (what) => { process.stderr.write('OUTBOUND ' + what + '\\n'); process.exit(99) };
net.Socket.prototype.connect = function (...args) { fail('connect ' + JSON.stringify(args[0])) };
const lookup = dns.lookup;
dns.lookup = (host, ...rest) => (net.isIP(host) || host === 'localhost' ? lookup(host, ...rest) : fail('dns.lookup ' + host));
dns.resolve = () => fail('dns.resolve');
globalThis.fetch = () => fail('fetch');`,
    )
    const result = await mocktopus(['doctor', '-s', 'valid.yaml', '-p', '0'], {
      cwd: fixtures,
      env: { NODE_OPTIONS: `--require ${guard}` },
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('All checks passed')
  })

  it('exits 1 with a clear verdict when a check fails', async () => {
    const result = await mocktopus(['doctor', '-s', 'invalid.yaml', '-p', '0'], { cwd: fixtures })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/1 of 4 checks failed\.\n$/)
  })
})
