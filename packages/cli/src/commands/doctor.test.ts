import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { captureContext } from '../test-context.js'
import { isPortFree } from './doctor.js'

const fixtures = join(import.meta.dirname, '../../test/fixtures')
let blocker: Server | undefined

function occupyPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    blocker = server
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

afterEach(() => {
  blocker?.close()
  blocker = undefined
})

describe('isPortFree', () => {
  it('tells a free port from one in use', async () => {
    expect(await isPortFree(await occupyPort())).toBe(false)
    expect(await isPortFree(await freePort())).toBe(true)
  })
})

describe('mocktopus doctor', () => {
  it('passes every check and says so', async () => {
    const context = captureContext({ cwd: fixtures })
    const port = await freePort()
    expect(await runCLI(`mocktopus doctor -s valid.yaml -p ${port}`, context)).toBe(0)
    expect(context.stdout[0]).toMatch(/^✓ Node\.js {3}v\d+\.\d+\.\d+ \(needs 20 or later\)$/)
    expect(context.stdout[1]).toBe('✓ Scenario  valid.yaml: 5 rules, valid')
    expect(context.stdout[2]).toBe(`✓ Port      ${port} on 127.0.0.1 is free`)
    expect(context.stdout[3]).toMatch(/^✓ Examples {2}\d+ templates and examples parse$/)
    expect(context.stdout.at(-1)).toBe('All checks passed: ready to run mocktopus serve.')
  })

  it('checks the built-in scenario without -s', async () => {
    const context = captureContext()
    await runCLI(`mocktopus doctor -p ${await freePort()}`, context)
    expect(context.stdout[1]).toBe('✓ Scenario  built-in default scenario: 3 rules, valid')
  })

  it('fails on a port in use and an invalid scenario, with hints (exit 1)', async () => {
    const port = await occupyPort()
    const context = captureContext({ cwd: fixtures })
    expect(await runCLI(`mocktopus doctor -s invalid.yaml -p ${port}`, context)).toBe(1)
    const out = context.stdout.join('\n')
    expect(out).toContain('✗ Scenario  invalid.yaml:5:7 rules[0].when.modle: unknown key')
    expect(out).toContain('-> run mocktopus validate invalid.yaml for every problem')
    expect(out).toContain(`✗ Port      ${port} on 127.0.0.1 is in use`)
    expect(out).toContain('--port 0 picks a free one')
    expect(context.stdout.at(-1)).toBe('2 of 4 checks failed.')
  })
})
