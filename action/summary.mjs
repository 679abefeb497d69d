/**
 * The GitHub Action's summary step (the `summary` sub-action; composite actions have no `post:`):
 * writes what Mocktopus saved (`GET /cost-report`) and every request no rule answered (journal
 * entries with status 404 and no rule) to the job summary, sets the step's outputs, then stops
 * the server the start step left running.
 *
 * Reads: MOCKTOPUS_URL, MOCKTOPUS_PID (both written to GITHUB_ENV by start.mjs),
 * MOCKTOPUS_AUTH_TOKEN (when the server has one), INPUT_FAIL_ON_UNMATCHED, INPUT_STOP,
 * GITHUB_STEP_SUMMARY, GITHUB_OUTPUT.
 */
import { appendFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

const env = process.env
const url = env.MOCKTOPUS_URL
const headers = env.MOCKTOPUS_AUTH_TOKEN
  ? { authorization: `Bearer ${env.MOCKTOPUS_AUTH_TOKEN}` }
  : {}
const lines = ['## Mocktopus', '']
let unmatched = null
let saved = null
let mocked = null

async function get(path) {
  const response = await fetch(`${url}${path}`, { headers, signal: AbortSignal.timeout(10_000) })
  if (!response.ok) {
    await response.body?.cancel()
    throw new Error(`GET ${path} answered ${response.status}`)
  }
  return response.json()
}

// The journal a page at a time, as connectMocktopus() reads it.
async function journal() {
  const entries = []
  let after = null
  for (;;) {
    const page = await get(
      `/_mocktopus/requests?limit=500${after === null ? '' : `&after=${after}`}`,
    )
    entries.push(...page.requests)
    if (page.requests.length === 0 || page.cursor === after) return entries
    after = page.cursor
  }
}

// Table cells come from requests; keep them from breaking the table or the page.
const cell = (value) =>
  String(value ?? '')
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replaceAll('`', "'")
    .replaceAll(/[\r\n]+/g, ' ')

if (!url) {
  lines.push('No server to report on: `MOCKTOPUS_URL` is not set (did the start step run?).')
} else {
  try {
    const { report, summary } = await get('/cost-report')
    saved = report.total_saved
    mocked = report.requests_mocked
    lines.push(
      `Saved **$${saved.toFixed(4)}** on ${mocked} mocked request${mocked === 1 ? '' : 's'}.`,
      '',
      '<details><summary>Cost report</summary>',
      '',
      '```text',
      summary,
      '```',
      '',
      '</details>',
      '',
    )
  } catch (error) {
    lines.push(`The cost report could not be read: ${error.message}.`, '')
  }
  try {
    const entries = await journal()
    const missed = entries.filter((e) => e.status === 404 && e.ruleIndex == null)
    unmatched = missed.length
    if (missed.length === 0) {
      lines.push(`Every request was answered by a rule (${entries.length} in the journal).`)
    } else {
      lines.push(
        `### Unmatched requests (${missed.length} of ${entries.length})`,
        '',
        'No rule answered these; `mocktopus explain` or the inspector (`/_mocktopus/ui`) says which rule came closest.',
        '',
        '| # | time | method | path | model | error | session |',
        '| - | ---- | ------ | ---- | ----- | ----- | ------- |',
        ...missed.map(
          (e, i) =>
            `| ${i + 1} | ${cell(e.time)} | ${cell(e.method)} | \`${cell(e.path)}\` | ${cell(e.model)} | ${cell(e.error)} | ${cell(e.session)} |`,
        ),
      )
    }
  } catch (error) {
    lines.push(`The request journal could not be read: ${error.message} (are admin routes off?).`)
  }
}

if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n`)
else console.log(lines.join('\n'))
if (env.GITHUB_OUTPUT) {
  const outputs = {
    'cost-saved': saved ?? '',
    'requests-mocked': mocked ?? '',
    unmatched: unmatched ?? '',
  }
  appendFileSync(
    env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  )
}

if (env.INPUT_STOP !== 'false' && env.MOCKTOPUS_PID) {
  const pid = Number(env.MOCKTOPUS_PID)
  try {
    // The start step made the server its own process group: this stops npx and the server.
    process.kill(-pid, 'SIGTERM')
    for (let i = 0; i < 50; i++) {
      process.kill(-pid, 0)
      await sleep(100)
    }
  } catch {}
}

if (env.INPUT_FAIL_ON_UNMATCHED === 'true' && unmatched) {
  console.log(
    `::error title=Mocktopus::${unmatched} request(s) matched no rule; see the job summary`,
  )
  process.exit(1)
}
