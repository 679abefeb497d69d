import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { EXAMPLE_FILE_NAMES, EXAMPLE_TYPES } from '../scenarios.js'
import { captureContext } from '../test-context.js'

const examples = join(import.meta.dirname, '../../../../examples')

describe('mocktopus example', () => {
  it.each(EXAMPLE_TYPES)('prints examples/ for --type %s', async (type) => {
    const context = captureContext()
    expect(await runCLI(`mocktopus example --type ${type}`, context)).toBe(0)
    const file = readFileSync(join(examples, `${EXAMPLE_FILE_NAMES[type]}.yaml`), 'utf8')
    expect(`${context.stdout.join('\n')}\n`).toBe(file)
  })

  it('prints the basic example by default', async () => {
    const context = captureContext()
    await runCLI('mocktopus example', context)
    expect(context.stdout[0]).toMatch(/^# Chat basics/)
  })
})
