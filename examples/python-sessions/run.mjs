/**
 * `pnpm test:python`: makes a virtual environment in .venv (git-ignored) with the packages of
 * requirements.txt, starts one `mocktopus serve` on a free port, and runs the pytest suite
 * against it with MOCKTOPUS_URL set. Needs python3 with venv, and `pnpm build` done.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const here = import.meta.dirname
const root = join(here, '../..')
const venv = join(here, '.venv')
const python = join(venv, 'bin/python')

function step(command, args) {
  const done = spawnSync(command, args, { stdio: 'inherit', cwd: here })
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

if (!existsSync(python)) step('python3', ['-m', 'venv', venv])
step(python, [
  '-m',
  'pip',
  'install',
  '--quiet',
  '--disable-pip-version-check',
  '-r',
  'requirements.txt',
])

const cli = join(root, 'packages/cli/dist/bin.cjs')
if (!existsSync(cli)) throw new Error('packages/cli/dist is missing: run pnpm build first')
const server = spawn(
  process.execPath,
  [cli, 'serve', '-p', '0', '-s', join(here, 'scenario.yaml')],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
)
const url = await new Promise((resolve, reject) => {
  let output = ''
  server.stdout.on('data', (chunk) => {
    output += chunk
    const found = /Anthropic\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)
    if (found) resolve(found[1])
  })
  server.on('exit', (code) => reject(new Error(`mocktopus serve exited with ${code}: ${output}`)))
})
const tests = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', here], {
  stdio: 'inherit',
  cwd: here,
  env: { ...process.env, MOCKTOPUS_URL: url },
})
server.kill('SIGTERM')
process.exitCode = tests.status ?? 1
