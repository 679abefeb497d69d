import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import OpenAI from 'openai'
import { afterAll, describe, expect, it } from 'vitest'

// The Dockerfile as far as it can be checked without a Docker daemon: its instructions read
// statically, and its ENTRYPOINT and CMD run with Node against the built CLI, as the container
// runs them (only the port is 0 here). .github/workflows/docker.yml builds and runs the image.

const root = join(import.meta.dirname, '../../../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const work = mkdtempSync(join(tmpdir(), 'mocktopus-docker-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Instruction {
  readonly keyword: string
  readonly args: string
}

// Instructions in order, continuation lines joined, comments dropped.
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/)
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') }
    })
}

const all = instructions(read('Dockerfile'))
const stages = all.reduce<Instruction[][]>((list, instruction) => {
  if (instruction.keyword === 'FROM') list.push([])
  list.at(-1)?.push(instruction)
  return list
}, [])
const final = stages.at(-1) ?? []
const one = (keyword: string) => {
  const found = final.filter((i) => i.keyword === keyword)
  expect(found, keyword).toHaveLength(1)
  return (found[0] as Instruction).args
}
const json = (args: string) => JSON.parse(args) as string[]

const CMD = json(one('CMD'))
const ENTRYPOINT = json(one('ENTRYPOINT'))
const PORT = CMD[CMD.indexOf('--port') + 1] ?? ''

describe('Dockerfile', () => {
  it('builds in one stage and runs from a second on a small Node 20 base', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2)
    const base = /^NODE_IMAGE=(\S+)$/.exec(
      all.find((i) => i.keyword === 'ARG' && i.args.startsWith('NODE_IMAGE='))?.args ?? '',
    )?.[1]
    expect(base).toMatch(/^node:20(\.\d+)*-(alpine|slim)/)
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile build argument
    expect(final[0]?.args).toBe('${NODE_IMAGE}')
    // The run stage copies the installed command from the build stage, not the workspace.
    expect(final.filter((i) => i.keyword === 'COPY').map((i) => i.args)).toEqual([
      '--from=build /app /app',
    ])
  })

  it('installs every published package from its packed tarball, without dev dependencies', () => {
    const run = (stages[0] ?? [])
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join(' ')
    const packed = /for pkg in ([\w ]+); do/.exec(run)?.[1]?.split(' ')
    const published = readdirSync(join(root, 'packages')).filter((dir) => {
      const file = join(root, 'packages', dir, 'package.json')
      return (
        existsSync(file) &&
        !(JSON.parse(readFileSync(file, 'utf8')) as { private?: boolean }).private
      )
    })
    expect([...(packed ?? [])].sort()).toEqual(published.sort())
    expect(run).toContain('pnpm install --frozen-lockfile')
    expect(run).toContain('npm install --omit=dev')
  })

  it('runs as the unprivileged node user', () => {
    expect(one('USER')).toBe('node')
  })

  it('listens on all interfaces only by its CMD’s explicit flag, with any Host name', () => {
    expect(ENTRYPOINT).toEqual(['node', '/app/entrypoint.cjs'])
    expect(CMD[0]).toBe('serve')
    expect(CMD[CMD.indexOf('--host') + 1]).toBe('0.0.0.0')
    expect(CMD[CMD.indexOf('--allowed-hosts') + 1]).toBe('all')
    expect(one('EXPOSE')).toBe(PORT)
  })

  it('checks its health with node on /health at the served port, not curl', () => {
    const check = one('HEALTHCHECK')
    const command = json(check.slice(check.indexOf('CMD ') + 4))
    expect(command[0]).toBe('node')
    expect(command.join(' ')).toContain(`http://127.0.0.1:${PORT}/health`)
    expect(check).not.toMatch(/curl|wget/)
  })

  it('stops with SIGTERM', () => {
    expect(one('STOPSIGNAL')).toBe('SIGTERM')
  })

  it('keeps dependencies and build output out of the context, and the sources in', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.git']))
    for (const needed of ['packages', 'examples', 'deploy', 'package.json', 'pnpm-lock.yaml']) {
      expect(ignored.some((pattern) => pattern === needed || pattern === `${needed}/`)).toBe(false)
    }
  })
})

// The container's command line, run here: ENTRYPOINT + CMD with the port made free.
function startAsContainer(env: Record<string, string>, extra: string[] = []): ChildProcess {
  const argv = [...ENTRYPOINT.slice(1), ...CMD].map((arg) =>
    arg === '/app/entrypoint.cjs' ? join(root, 'deploy/docker/entrypoint.cjs') : arg,
  )
  argv[argv.indexOf('--port') + 1] = '0'
  return spawn(process.execPath, [...argv, ...extra], {
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TMPDIR: work,
      MOCKTOPUS_BIN: join(root, 'packages/cli/dist/bin.cjs'),
      ...env,
    },
  })
}

function banner(child: ChildProcess): Promise<{ origin: string; text: string }> {
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const origin = /OpenAI\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(text)?.[1]
      if (origin && text.includes('Press Ctrl+C')) resolve({ origin, text })
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
    })
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${text}`)))
  })
}

// GET with a Host header of our choosing (fetch does not let us set it).
function getStatus(origin: string, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers: { host } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end()
  })
}

function stopped(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, output }))
    child.kill('SIGTERM')
  })
}

describe("the image's command line, run with node", { timeout: 30_000 }, () => {
  it('serves the built-in scenario when none is mounted, answers /health for any Host, and stops on SIGTERM with 0', async () => {
    const child = startAsContainer({ MOCKTOPUS_SCENARIO: join(work, 'none.yaml') })
    const { origin, text } = await banner(child)
    expect(text).toContain('built-in default scenario')
    expect(await getStatus(origin, '/health', '127.0.0.1')).toBe(200)
    // A compose service name: refused by default (DNS rebinding), served with --allowed-hosts all.
    expect(await getStatus(origin, '/v1/models', 'mocktopus:8080')).toBe(200)
    const { code, output } = await stopped(child)
    expect(code).toBe(0)
    expect(output).toContain('Mocktopus stopped.')
  })

  it('serves the scenario mounted at MOCKTOPUS_SCENARIO to the openai SDK', async () => {
    const scenario = join(work, 'scenario.yaml')
    writeFileSync(
      scenario,
      'version: 1\nrules:\n  - type: llm\n    respond: { content: from the mounted scenario }\n',
    )
    const child = startAsContainer({ MOCKTOPUS_SCENARIO: scenario })
    try {
      const { origin, text } = await banner(child)
      expect(text).toContain(scenario)
      const openai = new OpenAI({ apiKey: 'test', baseURL: `${origin}/v1`, maxRetries: 0 })
      const reply = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
      })
      expect(reply.choices[0]?.message.content).toBe('from the mounted scenario')
    } finally {
      await stopped(child)
    }
  })

  it('leaves a scenario given on the command line alone', async () => {
    const mounted = join(work, 'mounted.yaml')
    writeFileSync(mounted, 'version: 1\nrules: []\n')
    const given = join(work, 'given.yaml')
    writeFileSync(given, 'version: 1\nrules:\n  - type: llm\n    respond: { content: given }\n')
    const child = startAsContainer({ MOCKTOPUS_SCENARIO: mounted }, ['-s', given])
    try {
      const { text } = await banner(child)
      expect(text).toContain(given)
      expect(text).not.toContain(mounted)
    } finally {
      await stopped(child)
    }
  })
})
