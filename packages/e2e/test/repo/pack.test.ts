import { type ChildProcess, execFile, execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The published packages, installed the way a user installs them: `pnpm pack` each one (which
// turns `workspace:^` into versions), `npm install` the tarballs into an empty folder outside
// the workspace, then run the installed `mocktopus`. A missing file, or a dependency declared
// only as a devDependency, fails here and nowhere else. Runs after `pnpm build` (as `pnpm test`
// does): it packs the dist/ that build wrote.

const root = join(import.meta.dirname, '../../../..')
// Every workspace package that is published (the private e2e one aside), in dependency order.
const PACKAGES = ['scenario', 'responders', 'server', 'stub', 'cli', 'mocktopus'] as const
const PUBLISHED = readdirSync(join(root, 'packages')).filter((dir) => {
  const file = join(root, 'packages', dir, 'package.json')
  return existsSync(file) && !(JSON.parse(readFileSync(file, 'utf8')) as Manifest).private
})
const work = mkdtempSync(join(tmpdir(), 'mocktopus-pack-'))
// Every program the tests start keeps its temporary files (the installed command's code cache)
// in the work folder, removed with it.
const PROGRAM_ENV = { TMPDIR: join(work, 'tmp') }
mkdirSync(PROGRAM_ENV.TMPDIR)
const tarballs = join(work, 'tarballs')
const app = join(work, 'app')

interface Manifest {
  name: string
  private?: boolean
  version: string
  license?: string
  files?: string[]
  bin?: Record<string, string>
  exports: Record<string, string | Record<string, string>>
  repository?: { type: string; url: string; directory: string }
  publishConfig?: { access?: string }
  dependencies?: Record<string, string>
}
const manifest = (pkg: string): Manifest =>
  JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')) as Manifest

// The pnpm that package.json names: from PATH when it is that version, else through npx (CI
// starts the suite with `npx pnpm@<version>`, which puts no pnpm on PATH for child processes).
function pnpmCommand(): [string, string[]] {
  const wanted = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      packageManager: string
    }
  ).packageManager
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' })
  if (onPath.status === 0 && `pnpm@${onPath.stdout.trim()}` === wanted) return ['pnpm', []]
  return ['npx', ['--yes', wanted]]
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...PROGRAM_ENV, npm_config_update_notifier: 'false' },
  })
}

function tarball(pkg: string): string {
  const { name, version } = manifest(pkg)
  return join(tarballs, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`)
}

function listTarball(pkg: string): string[] {
  return run('tar', ['-tzf', tarball(pkg)], work)
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''))
}

// The executable as installed, found as npm finds it: from the package's `bin`.
const mocktopusBin = () => {
  const installed = join(app, 'node_modules/@mocktopus/cli')
  const { bin } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest
  return join(installed, bin?.mocktopus ?? 'missing bin')
}
const mocktopus = (args: string[]) => run(process.execPath, [mocktopusBin(), ...args], app)

beforeAll(() => {
  for (const pkg of PACKAGES) {
    const entry = join(root, 'packages', pkg, 'dist/index.js')
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`pnpm build\` first.`)
  }
  mkdirSync(tarballs)
  mkdirSync(app)
  const [pnpm, prefix] = pnpmCommand()
  for (const pkg of PACKAGES) {
    run(pnpm, [...prefix, 'pack', '--pack-destination', tarballs], join(root, 'packages', pkg))
  }
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'mocktopus-pack-check', version: '0.0.0', private: true }),
  )
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...PACKAGES.map((pkg) => tarball(pkg)),
    ],
    app,
  )
}, 240_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('published packages', { timeout: 30_000 }, () => {
  it('are every workspace package but the private ones', () => {
    expect([...PUBLISHED].sort()).toEqual([...PACKAGES].sort())
  })

  for (const pkg of PACKAGES) {
    describe(`@mocktopus/${pkg}`, () => {
      const m = manifest(pkg)

      it('declares what the registry and changesets need', () => {
        expect(m.license).toBe('MIT')
        expect(m.publishConfig?.access).toBe('public')
        expect(m.repository).toEqual({
          type: 'git',
          url: 'git+https://github.com/evalops/mocktopus.git',
          directory: `packages/${pkg}`,
        })
        expect(existsSync(join(root, 'packages', pkg, 'README.md'))).toBe(true)
      })

      it('ships its README, dist/ and every file its exports name, and no sources', () => {
        const files = listTarball(pkg)
        expect(files).toContain('README.md')
        expect(files).toContain('package.json')
        for (const [subpath, entry] of Object.entries(m.exports)) {
          const conditions = typeof entry === 'string' ? { default: entry } : entry
          for (const [condition, target] of Object.entries(conditions)) {
            // The source condition is for this repository's tests; consumers never set it.
            if (condition === '@mocktopus/source') continue
            expect(files, `${subpath} ${condition}`).toContain(target.replace(/^\.\//, ''))
          }
        }
        for (const target of Object.values(m.bin ?? {})) {
          expect(files).toContain(target.replace(/^\.\//, ''))
          // The CLI's launcher runs the bundled command, which carries third-party code, so
          // the package ships their licenses; the unscoped package's bin runs the CLI's.
          if (pkg === 'mocktopus') continue
          expect(files).toContain('dist/command.cjs')
          expect(files).toContain('dist/THIRD-PARTY-NOTICES.md')
        }
        expect(files.filter((f) => f.startsWith('src/') || /\.test\./.test(f))).toEqual([])
      })

      it('passes publint --strict as packed, the source condition included', () => {
        const out = run(
          join(root, 'node_modules/.bin/publint'),
          ['run', tarball(pkg), '--strict'],
          work,
        )
        expect(out).toContain('All good!')
      })

      it('depends on its siblings by version, not by workspace protocol', () => {
        const packed = JSON.parse(
          run('tar', ['-xzOf', tarball(pkg), 'package/package.json'], work),
        ) as Manifest
        for (const [name, range] of Object.entries(packed.dependencies ?? {})) {
          expect(range, name).not.toMatch(/^(workspace|catalog|link|file):/)
        }
      })

      it('imports in a plain Node project with only its published dependencies', () => {
        const script = Object.keys(m.exports)
          .map((subpath) => {
            const specifier = JSON.stringify(`${m.name}${subpath.slice(1)}`)
            return subpath.endsWith('.json')
              ? `await import(${specifier}, { with: { type: 'json' } })`
              : `await import(${specifier})`
          })
          .join(';')
        expect(() =>
          run(process.execPath, ['--input-type=module', '-e', script], app),
        ).not.toThrow()
      })
    })
  }
})

describe('the unscoped mocktopus package', { timeout: 30_000 }, () => {
  const installed = join(app, 'node_modules/mocktopus')

  it('runs the @mocktopus/cli command as its own mocktopus bin', () => {
    const { bin } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest
    const command = join(installed, bin?.mocktopus ?? 'missing bin')
    expect(run(process.execPath, [command, '--version'], app).trim()).toBe(manifest('cli').version)
    const out = run(
      process.execPath,
      [command, 'validate', join(root, 'examples/errors.yaml')],
      app,
    )
    expect(out).toContain('rules')
  })

  it('re-exports the scoped packages’ entry points, the same objects', () => {
    const script = [
      "const m = await import('mocktopus')",
      "const node = await import('mocktopus/node')",
      "const server = await import('@mocktopus/server')",
      "const serverNode = await import('@mocktopus/server/node')",
      "const stub = await import('@mocktopus/stub')",
      'console.log(JSON.stringify([',
      '  m.createMocktopus === server.createMocktopus,',
      '  m.createStub === stub.createStub,',
      '  node.startMocktopus === serverNode.startMocktopus,',
      ']))',
    ].join('\n')
    const out = run(process.execPath, ['--input-type=module', '-e', script], app)
    expect(JSON.parse(out)).toEqual([true, true, true])
  })

  it('is released with the scoped packages, at their version', () => {
    expect(manifest('mocktopus').version).toBe(manifest('cli').version)
    const packed = JSON.parse(
      run('tar', ['-xzOf', tarball('mocktopus'), 'package/package.json'], work),
    ) as Manifest
    expect(packed.dependencies?.['@mocktopus/cli']).toBe(`^${manifest('cli').version}`)
  })
})

describe('the installed mocktopus command', { timeout: 30_000 }, () => {
  it('prints its version', () => {
    expect(mocktopus(['--version']).trim()).toBe(manifest('cli').version)
  })

  it('validates the example scenarios', () => {
    const examples = readdirSync(join(root, 'examples'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(root, 'examples', f))
    expect(examples.length).toBeGreaterThan(0)
    const out = mocktopus(['validate', ...examples])
    expect(out).toContain('rules')
  })

  it('runs a client against it through bazel/testing/with_mocktopus.sh', () => {
    const scenario = join(work, 'wrapper.yaml')
    writeFileSync(
      scenario,
      'version: 1\nrules:\n  - type: llm\n    respond: { content: hello from the wrapper }\n',
    )
    const client = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source code for the child process
      'const r = await fetch(`${process.env.OPENAI_BASE_URL}/chat/completions`, {',
      "  method: 'POST',",
      "  headers: { 'content-type': 'application/json' },",
      "  body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),",
      '})',
      'const body = await r.json()',
      'console.log(JSON.stringify({ url: process.env.OPENAI_BASE_URL, anthropic: process.env.ANTHROPIC_BASE_URL, content: body.choices[0].message.content }))',
    ].join('\n')
    const out = run(
      join(root, 'bazel/testing/with_mocktopus.sh'),
      [
        join(app, 'node_modules/.bin/mocktopus'),
        scenario,
        process.execPath,
        '--input-type=module',
        '-e',
        client,
      ],
      app,
    )
    const result = JSON.parse(out.trim().split('\n').at(-1) as string) as {
      url: string
      anthropic: string
      content: string
    }
    expect(result.content).toBe('hello from the wrapper')
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    expect(result.anthropic).toBe(result.url.replace(/\/v1$/, ''))
  })

  it('serves a chat completion on a free port', async () => {
    const scenario = join(work, 'pack.yaml')
    writeFileSync(
      scenario,
      [
        'version: 1',
        'rules:',
        '  - type: llm',
        '    when: { messages_contains: ping }',
        '    respond: { content: pong from the packed server }',
        '',
      ].join('\n'),
    )
    const child: ChildProcess = spawn(
      process.execPath,
      [mocktopusBin(), 'serve', '--port', '0', '--scenario', scenario],
      { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...PROGRAM_ENV } },
    )
    try {
      const baseURL = await new Promise<string>((resolve, reject) => {
        let output = ''
        const timer = setTimeout(() => reject(new Error(`no URL in:\n${output}`)), 30_000)
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const url = output.match(/(http:\/\/127\.0\.0\.1:\d+\/v1)\b/)?.[1]
          if (url) {
            clearTimeout(timer)
            resolve(url)
          }
        })
        child.stderr?.on('data', (chunk: Buffer) => {
          output += chunk.toString()
        })
        child.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${output}`)))
      })
      const response = await fetch(`${baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer test' },
        body: JSON.stringify({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'ping' }],
        }),
      })
      expect(response.status).toBe(200)
      const body = (await response.json()) as {
        object: string
        choices: { message: { content: string } }[]
      }
      expect(body.object).toBe('chat.completion')
      expect(body.choices[0]?.message.content).toBe('pong from the packed server')
      // Through the Hono app, whose Node adapter the bin leaves in node_modules and loads the
      // first time a request needs it.
      const models = await fetch(`${baseURL}/models`)
      expect(models.status).toBe(200)
      expect(((await models.json()) as { object: string }).object).toBe('list')
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
    }
  }, 60_000)
})

// The README's Quick start, run as a new user runs it: its install line (with the packed
// tarballs standing in for the registry's `mocktopus`), its scenario, its `npx mocktopus serve`
// line and its SDK snippet, taken from README.md, not copied here. Only the port moves, and only
// when something on this machine already listens on the README's 8080.
describe('the README Quick start, as written', { timeout: 60_000 }, () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const section = readme.slice(
    readme.indexOf('## Quick start\n'),
    readme.indexOf('\n## ', readme.indexOf('## Quick start\n') + 1),
  )
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({
    lang: lang as string,
    body: body as string,
  }))
  const commands = blocks
    .filter((block) => block.lang === 'sh')
    .flatMap((block) => block.body.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
  const install = commands.find((line) => line.startsWith('npm i'))
  const serve = commands.find((line) => line.startsWith('npx mocktopus serve'))
  const scenario = blocks.find((block) => block.lang === 'yaml')?.body
  const snippet = blocks.find((block) => block.lang === 'ts')?.body
  const quickstart = join(work, 'quickstart')

  it('installs with npm i -D mocktopus, serves with npx and answers the SDK snippet', async () => {
    expect(install).toBe('npm i -D mocktopus')
    expect(serve).toBe('npx mocktopus serve -s scenario.yaml')
    expect(scenario?.split('\n')[0]).toBe('# scenario.yaml')
    expect(snippet).toContain("from 'openai'")
    mkdirSync(quickstart)
    writeFileSync(
      join(quickstart, 'package.json'),
      JSON.stringify({ name: 'quickstart', version: '0.0.0', private: true }),
    )
    // `npm i -D mocktopus`, the registry's package replaced by the tarballs it would bring, and
    // the SDK the snippet imports (`npm i openai`), from this repository's own install.
    const [npm, ...installArgs] = (install as string).split(' ')
    run(
      npm as string,
      [
        ...installArgs.filter((arg) => arg !== 'mocktopus'),
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '--prefer-offline',
        ...PACKAGES.map((pkg) => tarball(pkg)),
        realpathSync(join(root, 'packages/e2e/node_modules/openai')),
      ],
      quickstart,
    )
    const declared = JSON.parse(readFileSync(join(quickstart, 'package.json'), 'utf8')) as {
      devDependencies?: Record<string, string>
    }
    expect(Object.keys(declared.devDependencies ?? {})).toContain('mocktopus')
    writeFileSync(join(quickstart, 'scenario.yaml'), scenario as string)

    const port = (await isFree(8080)) ? 8080 : await freePort()
    const [npx, ...serveArgs] = (serve as string).split(' ')
    if (port !== 8080) serveArgs.push('--port', String(port))
    // In a process group of its own, stopped as a terminal's Ctrl+C stops it: the signal goes
    // to npx and to the server it started.
    const server = spawn(npx as string, serveArgs, {
      cwd: quickstart,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...PROGRAM_ENV, npm_config_update_notifier: 'false' },
    })
    try {
      const printed = await addressOf(server)
      expect(printed).toBe(`http://127.0.0.1:${port}/v1`)
      writeFileSync(
        join(quickstart, 'quickstart.mjs'),
        (snippet as string).replaceAll('127.0.0.1:8080', `127.0.0.1:${port}`),
      )
      const said = /\/\/ (.+)\n*$/.exec(snippet as string)?.[1]
      expect(said).toBe('Hello! How can I assist you today?')
      const out = await runAsync(process.execPath, ['quickstart.mjs'], quickstart)
      expect(out.trim()).toBe(said)
    } finally {
      await stopGroup(server)
    }
    expect(await eventually(() => isFree(port))).toBe(true)
  })

  it('mocktopus init names the installed schema, a file that exists', () => {
    const [npx] = (serve as string).split(' ')
    run(npx as string, ['mocktopus', 'init', '-o', 'new.yaml'], quickstart)
    const first = readFileSync(join(quickstart, 'new.yaml'), 'utf8').split('\n')[0] ?? ''
    const schema = /\$schema=(\S+)/.exec(first)?.[1] ?? ''
    expect(schema).toBe('./node_modules/@mocktopus/scenario/schema.json')
    const parsed = JSON.parse(readFileSync(join(quickstart, schema), 'utf8')) as object
    expect(parsed).toHaveProperty('$schema')
  })
})

// The server closes its port once it has stopped: asked a few times, as it exits after npx.
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

// The OpenAI base URL `mocktopus serve` prints once it listens.
function addressOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no URL in:\n${output}`)), 30_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /(http:\/\/127\.0\.0\.1:\d+\/v1)\b/.exec(output)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve(url)
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited ${code}:\n${output}`))
    })
  })
}

function runAsync(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, ...PROGRAM_ENV } }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    )
  })
}

// Waits for the group's leader; the server in it is checked gone by its port.
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-(child.pid as number), 'SIGTERM')
    await exited
  }
}
