import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'

// The Jest entry under real Jest: packages/e2e/jest/use-mocktopus.jest.mjs, run by Jest with
// Node's VM modules against the built packages (after `pnpm build`, as the pack test).

const root = join(import.meta.dirname, '../../../..')
const work = mkdtempSync(join(tmpdir(), 'mocktopus-jest-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface JestReport {
  success: boolean
  numPassedTests: number
  numFailedTests: number
  testResults: { assertionResults: { fullName: string; status: string }[] }[]
}

it('passes the Jest suite that uses useMocktopus from @mocktopus/server/jest', async () => {
  const built = join(root, 'packages/server/dist/jest.js')
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`pnpm build\` first.`)
  const jest = createRequire(join(root, 'packages/e2e/package.json')).resolve('jest/bin/jest')
  const report = join(work, 'report.json')
  const output = await new Promise<string>((resolve) => {
    execFile(
      process.execPath,
      [
        '--experimental-vm-modules',
        jest,
        '--config',
        join(root, 'packages/e2e/jest/jest.config.mjs'),
        '--ci',
        '--json',
        '--outputFile',
        report,
      ],
      { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: '1' } },
      (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
    )
  })
  expect(existsSync(report), output).toBe(true)
  const result = JSON.parse(readFileSync(report, 'utf8')) as JestReport
  const tests = result.testResults.flatMap((file) => file.assertionResults)
  expect(
    tests.map((test) => [test.fullName, test.status]),
    output,
  ).toEqual([
    [
      'useMocktopus under Jest a test gets a server on 127.0.0.1 and a session named after it',
      'passed',
    ],
    ['useMocktopus under Jest the next test starts with fresh counters', 'passed'],
  ])
  expect(result.success).toBe(true)
}, 120_000)
