import { execFile } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../../..')
const SCRIPT = join(root, 'scripts/rbe-smoke.sh')
const work = mkdtempSync(join(tmpdir(), 'mocktopus-rbe-smoke-'))

afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Result {
  code: number
  stdout: string
  stderr: string
}

// Runs the script with a clean environment: only PATH and what the test passes.
function run(env: Record<string, string>, args: string[] = []): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      SCRIPT,
      args,
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

function executable(name: string, body: string): string {
  const path = join(work, name)
  writeFileSync(path, body)
  chmodSync(path, 0o755)
  return path
}

describe('scripts/rbe-smoke.sh', () => {
  it('runs bazel test //... with the remote config against a direct endpoint', async () => {
    const result = await run({
      MOCKTOPUS_RBE_DRY_RUN: '1',
      MOCKTOPUS_RBE_ENDPOINT: 'grpcs://rbe.example.test:443',
      MOCKTOPUS_RBE_EXTRA_CONFIGS: 'ci',
      MOCKTOPUS_RBE_INSTANCE_NAME: 'default',
      BAZEL: 'bazelisk',
    })
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toBe(
      'bazel: bazelisk test --config=remote --remote_executor=grpcs://rbe.example.test:443 ' +
        '--config=ci --remote_instance_name=default //...\n',
    )
  })

  it('passes the given Bazel command and targets through', async () => {
    const result = await run(
      {
        MOCKTOPUS_RBE_DRY_RUN: '1',
        MOCKTOPUS_RBE_ENDPOINT: 'grpc://127.0.0.1:8980',
        MOCKTOPUS_RBE_CREDENTIAL_HELPER: '/opt/rbe/credential-helper',
        BAZEL: 'bazel',
      },
      ['build', '//packages/server:dist'],
    )
    expect(result.stdout).toBe(
      'bazel: bazel build --config=remote --remote_executor=grpc://127.0.0.1:8980 ' +
        '--credential_helper=/opt/rbe/credential-helper //packages/server:dist\n',
    )
  })

  it('says what to set when there is neither an endpoint nor a tunnel', async () => {
    const result = await run({})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('set MOCKTOPUS_RBE_ENDPOINT (direct) or MOCKTOPUS_RBE_TUNNEL')
  })

  it('rejects an endpoint that is not gRPC', async () => {
    const result = await run({ MOCKTOPUS_RBE_ENDPOINT: 'https://rbe.example.test' })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('must start with grpc:// or grpcs://')
  })

  it('requires the project and zone of a tunnel', async () => {
    const result = await run({ MOCKTOPUS_RBE_TUNNEL_INSTANCE: 'rbe-vm' })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('MOCKTOPUS_RBE_TUNNEL_PROJECT is required')
  })

  it('opens the tunnel, waits for it, runs Bazel through it and closes it', async () => {
    const port = await freePort()
    const argsFile = join(work, 'bazel-args')
    // Stand-ins: a gcloud that listens where the IAP tunnel would, and a Bazel that records
    // its arguments after checking the tunnel is up.
    executable(
      'gcloud-listener.mjs',
      [
        "import { createServer } from 'node:net'",
        'const [host, port] = process.argv.at(-1).split(":")',
        'createServer((s) => s.end()).listen(Number(port), host)',
      ].join('\n'),
    )
    const gcloud = executable(
      'gcloud',
      `#!/bin/sh\nexec node ${join(work, 'gcloud-listener.mjs')} "$@"\n`,
    )
    const bazel = executable(
      'fake-bazel',
      `#!/usr/bin/env bash\n(exec 3<>/dev/tcp/127.0.0.1/${port}) 2>/dev/null || exit 9\necho "$@" > ${argsFile}\n`,
    )
    const result = await run(
      {
        PATH: `${work}:${process.env.PATH ?? ''}`,
        BAZEL: bazel,
        MOCKTOPUS_RBE_TUNNEL_INSTANCE: 'rbe-vm',
        MOCKTOPUS_RBE_TUNNEL_PROJECT: 'example-project',
        MOCKTOPUS_RBE_TUNNEL_ZONE: 'example-zone',
        MOCKTOPUS_RBE_TUNNEL_LOCAL_PORT: String(port),
        MOCKTOPUS_RBE_TUNNEL_TIMEOUT: '20',
      },
      ['test', '//packages/scenario:test'],
    )
    expect(gcloud).toBe(join(work, 'gcloud'))
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(readFileSync(argsFile, 'utf8')).toBe(
      `test --config=remote --remote_executor=grpc://127.0.0.1:${port} //packages/scenario:test\n`,
    )
    expect(await accepts(port)).toBe(false)
  })
})

// The original Python Mocktopus's users and RBE runners type `make bazel-check` and
// `make bazel-rbe-smoke`; the Makefile keeps both, delegating to buildifier, Bazel and the script.
describe('Makefile', () => {
  function make(args: string[], env: Record<string, string> = {}): Promise<Result> {
    return new Promise((resolve) => {
      execFile(
        'make',
        ['--no-print-directory', '-C', root, ...args],
        { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
          resolve({ code, stdout, stderr })
        },
      )
    })
  }

  it('bazel-check runs the buildifier check of pnpm lint:bazel, then bazel test //...', async () => {
    const catalog = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').match(
      /"@bazel\/buildifier": (\S+)/,
    )?.[1]
    const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts[
      'lint:bazel'
    ] as string
    const result = await make(['-n', 'bazel-check'], { BAZEL: 'bazelisk' })
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toBe(
      `npx --yes @bazel/buildifier@${catalog} ${script.replace(/^buildifier /, '')}\n` +
        'bazelisk test //...\n',
    )
  })

  it('bazel-test runs the launcher it is given on the targets it is given', async () => {
    const argsFile = join(work, 'make-bazel-args')
    const bazel = executable('make-fake-bazel', `#!/bin/sh\necho "$@" > ${argsFile}\n`)
    const result = await make(['bazel-test', `BAZEL=${bazel}`, 'TARGETS=//packages/cli:test'])
    expect(result.code).toBe(0)
    expect(readFileSync(argsFile, 'utf8')).toBe('test //packages/cli:test\n')
  })

  it('bazel-rbe-smoke runs scripts/rbe-smoke.sh test //... with the environment it has', async () => {
    const result = await make(['bazel-rbe-smoke'], {
      BAZEL: 'bazel',
      MOCKTOPUS_RBE_DRY_RUN: '1',
      MOCKTOPUS_RBE_ENDPOINT: 'grpcs://rbe.example.test:443',
      MOCKTOPUS_RBE_EXTRA_CONFIGS: 'ci',
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      'BAZEL=bazel scripts/rbe-smoke.sh test //...\n' +
        'bazel: bazel test --config=remote --remote_executor=grpcs://rbe.example.test:443 ' +
        '--config=ci //...\n',
    )
  })

  it('bazel-rbe-smoke passes TARGETS through and fails as the script fails', async () => {
    const result = await make(['bazel-rbe-smoke', 'TARGETS=//packages/server:test'])
    expect(result.code).not.toBe(0)
    expect(result.stdout).toContain('scripts/rbe-smoke.sh test //packages/server:test')
    expect(result.stderr).toContain('set MOCKTOPUS_RBE_ENDPOINT (direct) or MOCKTOPUS_RBE_TUNNEL')
  })
})
