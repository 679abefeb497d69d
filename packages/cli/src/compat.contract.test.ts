import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCLI } from './cli.js'
import { captureContext } from './test-context.js'

const COMPAT_DIR = resolve(
  process.env.MOCKTOPUS_COMPAT_DIR ??
    join(import.meta.dirname, '../../../../shared/compat/python-mocktopus-examples'),
)
const FILES = [
  'chat-basic.yaml',
  'errors.yaml',
  'eval-deterministic.yaml',
  'haiku.yaml',
  'tool-calling.yaml',
]

describe('the CLI on the Python-era example scenarios', () => {
  it('finds them', () => {
    expect(existsSync(COMPAT_DIR), `set MOCKTOPUS_COMPAT_DIR; not found: ${COMPAT_DIR}`).toBe(true)
  })

  it('validates all five (warnings allowed, exit 0)', async () => {
    const context = captureContext({ cwd: COMPAT_DIR })
    expect(await runCLI(['mocktopus', 'validate', ...FILES], context)).toBe(0)
    expect(context.stdout.at(-1)).toBe('5 files valid')
  })

  it('simulates them as the compat README lists', async () => {
    const simulate = async (file: string, prompt: string, model = 'gpt-4o-mini') => {
      const context = captureContext({ cwd: COMPAT_DIR })
      const code = await runCLI(
        ['mocktopus', 'simulate', '-s', file, '--prompt', prompt, '--model', model],
        context,
      )
      return { code, out: context.stdout.join('\n'), err: context.stderr.join('\n') }
    }
    expect((await simulate('chat-basic.yaml', 'hello')).out).toBe(
      'Hello! How can I assist you today?',
    )
    expect((await simulate('chat-basic.yaml', 'Hello')).out).toBe(
      'I understand your request. Let me help you with that.',
    )
    expect((await simulate('errors.yaml', 'auth test')).out).toBe(
      '401 invalid_api_key: Invalid API key provided',
    )
    expect((await simulate('tool-calling.yaml', 'What is the weather in SF?', 'gpt-4')).out).toBe(
      '-> get_current_weather({"location": "San Francisco, CA", "unit": "fahrenheit"})  [call_weather_123]',
    )
    const miss = await simulate('tool-calling.yaml', 'weather?', 'gpt-3.5-turbo')
    expect(miss.code).toBe(1)
    expect(miss.err).toMatch(/^no rule matched; rules\[0\] came closest: model "gpt-3\.5-turbo"/)
  })
})
