/**
 * A real Chromium for the browser lane: Debian's `chromium` (or `CHROMIUM_PATH`) driven by
 * playwright-core, with what a test checks about a page collected as it runs: console errors,
 * uncaught exceptions and every URL the page requested.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

/** Where screenshots go: `INSPECTOR_SCREENSHOTS` (docs/images for the docs), else artifacts/. */
export const SCREENSHOTS: string =
  process.env.INSPECTOR_SCREENSHOTS ?? join(import.meta.dirname, 'artifacts')

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error(
      'No chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH. .ci/run installs it.',
    )
  }
}

/** Launches Chromium headless. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Containers run tests as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  })
}

export interface WatchedPage {
  readonly page: Page
  readonly context: BrowserContext
  /** Console messages of type `error` and uncaught exceptions. */
  readonly errors: string[]
  /** Every URL the page requested. */
  readonly requests: string[]
}

/** A page in a fresh context, watched. */
export async function watchedPage(
  browser: Browser,
  options: { width: number; height: number; colorScheme?: 'light' | 'dark' },
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    colorScheme: options.colorScheme ?? 'light',
  })
  const page = await context.newPage()
  const errors: string[] = []
  const requests: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('request', (request) => requests.push(request.url()))
  return { page, context, errors, requests }
}

/** Saves a screenshot named `name`.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}
