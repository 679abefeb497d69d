/**
 * The inspector page (`GET /_mocktopus/ui`) in a real Chromium: served by the real CLI, fed by
 * the real SDKs, read and driven with the keyboard as a person would.
 */
import { execFileSync } from 'node:child_process'
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { serve as serveNode } from '@hono/node-server'
import { createMocktopus } from '@mocktopus/server'
import { Hono } from 'hono'
import OpenAI from 'openai'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltCLI, buildCLI } from '../test/record-replay/cli-child.js'
import { launch, screenshot, watchedPage } from './chromium.js'

const SCENARIO = `version: 1
meta:
  name: inspector demo
rules:
  - type: llm
    when:
      messages_contains: hello
    respond:
      content: Hello from the mock!
      usage: { input_tokens: 12, output_tokens: 6 }
  - type: llm
    when:
      model: gpt-4o*
      messages_contains: stream
    respond:
      content: Streaming, one chunk at a time.
      chunk_size: 8
  - type: embeddings
    when:
      model: text-embedding-3-small
    respond: {}
  - type: llm
    when:
      messages_contains: flaky
    respond:
      content: Not this time.
    chaos: { rate_limit: 1 }
`

const UNMATCHED = 'What is the capital of Peru?'

let dir: string
let scenarioFile: string
let cli: BuiltCLI
let browser: Browser

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-inspector-'))
  scenarioFile = join(dir, 'mocktopus.yaml')
  await writeFile(scenarioFile, SCENARIO)
  ;[cli, browser] = await Promise.all([buildCLI(), launch()])
})

afterAll(async () => {
  await browser?.close()
  await cli?.dispose()
  await rm(dir, { recursive: true, force: true })
})

// Sends one request and resolves with how long its row took to appear after the SDK returned.
// The delay is printed as a figure, not asserted (a shared machine makes a time bound flaky);
// the wait's limit only keeps a row that never comes from hanging the run.
async function rowAfter(page: Page, n: number, send: () => Promise<unknown>): Promise<number> {
  await send()
  const sent = performance.now()
  await page.locator(`tr[data-n="${n}"]`).waitFor({ timeout: 10_000 })
  return performance.now() - sent
}

function visibleRows(page: Page) {
  return page.locator('#rows tr:visible')
}

describe('the inspector in Chromium', () => {
  it('lists SDK requests live, explains them and suggests the rule a miss needs', async () => {
    const server = await cli.serve(['-s', scenarioFile])
    const watched = await watchedPage(browser, { width: 1280, height: 800 })
    const { page, context, errors, requests } = watched
    let suggested = ''
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
      const openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0 })
      const anthropic = new Anthropic({
        apiKey: 'sk-test',
        baseURL: server.url,
        maxRetries: 0,
        defaultHeaders: { 'x-mocktopus-session': 'demo' },
      })

      // Sent before the page opens: the page starts from the journal.
      await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hello inspector' }],
      })
      await page.goto(`${server.url}/_mocktopus/ui`)
      await page.locator('body[data-ready="true"]').waitFor()
      await expect(page.locator('tr[data-n="1"] td.msg').textContent()).resolves.toBe(
        'hello inspector',
      )

      // Then live, as each answer arrives (the delays are printed below).
      const delays = [
        await rowAfter(page, 2, async () => {
          const stream = await openai.chat.completions.create({
            model: 'gpt-4o',
            messages: [{ role: 'user', content: 'please stream this' }],
            stream: true,
          })
          for await (const _chunk of stream) {
          }
        }),
        await rowAfter(page, 3, () =>
          anthropic.messages.create({
            model: 'claude-3-5-haiku-latest',
            max_tokens: 64,
            messages: [{ role: 'user', content: 'hello from claude' }],
          }),
        ),
        await rowAfter(page, 4, () =>
          openai.chat.completions
            .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'a flaky one' }] })
            .then(
              () => expect.fail('the rule always answers 429'),
              (error: { status?: number }) => expect(error.status).toBe(429),
            ),
        ),
        await rowAfter(page, 5, () =>
          openai.chat.completions
            .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: UNMATCHED }] })
            .then(
              () => expect.fail('no rule should answer'),
              (error: { status?: number }) => expect(error.status).toBe(404),
            ),
        ),
      ]
      console.log(
        `inspector: rows appeared ${delays.map((ms) => ms.toFixed(0)).join(', ')} ms after the SDK returned`,
      )
      await expect(visibleRows(page).count()).resolves.toBe(5)
      await expect(page.locator('tr[data-n="3"]').textContent()).resolves.toContain('anthropic')
      await expect(page.locator('tr[data-n="3"]').textContent()).resolves.toContain('demo')
      await expect(page.locator('tr[data-n="4"]').textContent()).resolves.toContain('rate_limit')
      await expect(page.locator('tr[data-n="5"] td.miss').textContent()).resolves.toBe('unmatched')
      await expect(page.locator('tr[data-n="1"]').textContent()).resolves.toContain(
        'mocktopus.yaml:5',
      )

      // Filters: unmatched only (u), and the search box (/).
      await page.keyboard.press('u')
      await expect(visibleRows(page).count()).resolves.toBe(1)
      await page.keyboard.press('u')
      await page.keyboard.press('/')
      await page.keyboard.type('claude')
      await expect(visibleRows(page).count()).resolves.toBe(1)
      await page.locator('#search').fill('')
      await page.keyboard.press('Escape')
      await page.locator('#f-session').selectOption('demo')
      await expect(visibleRows(page).count()).resolves.toBe(1)
      await page.locator('#f-session').selectOption('')
      await expect(visibleRows(page).count()).resolves.toBe(5)

      // The streamed answer, frame by frame with timing.
      await page.locator('tr[data-n="2"]').click()
      const frames = page.locator('table.frames tbody tr')
      await frames.last().waitFor()
      await expect(frames.last().textContent()).resolves.toContain('data: [DONE]')
      await expect(page.locator('.verdicts li.answer').textContent()).resolves.toContain(
        'rules[1] (line 11)',
      )

      // The miss, opened from the keyboard: three rows up from the stream's, the newest.
      await page.keyboard.press('Escape')
      for (let i = 0; i < 3; i++) await page.keyboard.press('k')
      await expect(page.locator('tr[aria-selected="true"]').getAttribute('data-n')).resolves.toBe(
        '5',
      )
      await page.keyboard.press('Enter')
      const suggestion = page.locator('pre.suggestion')
      await suggestion.waitFor()
      const rule = (await suggestion.textContent()) as string
      suggested = rule
      expect(rule).toContain(`messages_contains: ${UNMATCHED}`)
      expect(rule).toContain('model: gpt-4o-mini')
      await expect(page.locator('.verdicts li.no').first().textContent()).resolves.toContain(
        'does not contain "hello"',
      )
      await screenshot(page, 'inspector-wide')
      await page.emulateMedia({ colorScheme: 'dark' })
      await screenshot(page, 'inspector-dark')
      await page.emulateMedia({ colorScheme: 'light' })
      // Narrow: the detail takes the whole width.
      await page.setViewportSize({ width: 420, height: 800 })
      await screenshot(page, 'inspector-narrow-detail')
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.getByRole('button', { name: 'Copy rule' }).click()
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(rule)
      await page.getByRole('button', { name: 'Copy as curl' }).click()
      const curl = await page.evaluate(() => navigator.clipboard.readText())
      expect(curl).toContain(`curl '${server.url}/v1/chat/completions'`)
      // The curl sends the same request: the server answers it as it did the SDK's.
      const replay = JSON.parse(execFileSync('sh', ['-c', `${curl} -s`], { encoding: 'utf8' }))
      expect(replay.error.code).toBe('no_matching_rule')

      // Narrow, Escape goes back to the list.
      await page.setViewportSize({ width: 420, height: 800 })
      await page.keyboard.press('Escape')
      await expect(page.locator('#detail').isHidden()).resolves.toBe(true)
      await screenshot(page, 'inspector-narrow')
      await page.setViewportSize({ width: 1280, height: 800 })

      // The scenario view: hits and the rule never used.
      await page.keyboard.press('s')
      const hits = page.locator('#scenario td.hits')
      await hits.first().waitFor()
      await expect(hits.allTextContents()).resolves.toEqual(['2', '1', 'never', '1'])
      await expect(page.locator('#scenario').textContent()).resolves.toContain('1 never used')
      await screenshot(page, 'inspector-scenario')

      expect(errors).toEqual([])
      expect(requests.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([])
    } finally {
      await context.close()
      await server.stop()
    }

    // The suggested rule, appended to the scenario, answers the same request.
    await appendFile(scenarioFile, suggested)
    const explained = await cli.run([
      'explain',
      '-s',
      scenarioFile,
      '--endpoint',
      '/v1/chat/completions',
      '--model',
      'gpt-4o-mini',
      '--prompt',
      UNMATCHED,
    ])
    expect(explained.code).toBe(0)
    expect(explained.stdout).toMatch(/rules\[4\] \(line \d+\): .*<- answers/)
  })

  it('asks for the auth token once, under an app mount prefix', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, authToken: 's3cret' })
    const app = new Hono()
    app.route('/llm', mock.app)
    const server = serveNode({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const { page, context, errors, requests } = await watchedPage(browser, {
      width: 900,
      height: 600,
    })
    try {
      const openai = new OpenAI({ apiKey: 's3cret', baseURL: `${url}/llm/v1`, maxRetries: 0 })
      await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hello behind a token' }],
      })
      await page.goto(`${url}/llm/_mocktopus/ui`)
      const token = page.locator('#token')
      await token.waitFor()
      await token.fill('s3cret')
      await page.keyboard.press('Enter')
      await page.locator('body[data-ready="true"]').waitFor()
      await expect(page.locator('tr[data-n="1"] td.msg').textContent()).resolves.toBe(
        'hello behind a token',
      )
      // Kept in the tab: a reload connects without asking again.
      await page.reload()
      await page.locator('body[data-ready="true"]').waitFor()
      await expect(page.locator('#token-form').isHidden()).resolves.toBe(true)
      await rowAfter(page, 2, () =>
        openai.embeddings.create({ model: 'text-embedding-3-small', input: 'vectors please' }),
      )
      await page.locator('tr[data-n="2"]').click()
      await page.locator('.verdicts li.answer').waitFor()
      // Cut off, the page reconnects from its last entry: what came meanwhile is not lost.
      ;(server as Server).closeAllConnections()
      await page.locator('#status.down').waitFor()
      await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hello while the page was away' }],
      })
      await page.locator('tr[data-n="3"]').waitFor()
      await expect(page.locator('#rows tr').count()).resolves.toBe(3)
      await expect(page.locator('#status.live').count()).resolves.toBe(1)
      // The only errors are Chromium's notes of the 401s that made the page ask, and of the
      // feed cut off while offline.
      const expected = /401|ERR_INCOMPLETE_CHUNKED_ENCODING|network error/
      expect(errors.filter((text) => !expected.test(text))).toEqual([])
      expect(requests.filter((address) => !address.startsWith(`${url}/llm/`))).toEqual([])
    } finally {
      await context.close()
      ;(server as Server).closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
