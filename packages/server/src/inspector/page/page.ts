/**
 * @module The inspector page's script: plain DOM, no framework. It reads the live feed with
 * `fetch` (not `EventSource`, which cannot send the auth token), resumes from the last entry
 * number it saw, and asks the server for one entry's detail when it is opened.
 */

interface Entry {
  n: number
  time: string
  method: string
  path: string
  endpoint: string
  provider: string | null
  model?: string
  text: string
  status: number
  ruleIndex: number | null
  rule?: string
  durationMs: number
  cost?: number
  session?: string
  fault?: unknown
  stream: boolean
  error?: string
  aborted?: boolean
}

interface Verdict {
  index: number
  name: string
  matched: boolean
  answered: boolean
  reasons: string[]
}

interface Frame {
  ms: number
  event?: string
  data: string
}

interface DetailBody {
  entry: Entry
  exchange: { body: unknown; truncated?: boolean; bodyBytes?: number; path: string; method: string }
  requestHeaders: Record<string, string> | null
  responseHeaders: Record<string, string> | null
  answer:
    | { kind: 'json'; text: string; truncated?: number }
    | { kind: 'stream'; frames: Frame[]; truncated?: boolean }
    | { kind: 'none' }
    | null
  verdicts?: Verdict[]
  more?: number
  suggestion?: string
}

interface ScenarioRule {
  index: number
  name: string
  where?: string
  type: string
  when: Record<string, unknown>
  times: number | null
  kind: string
  hits: number
}

interface ScenarioBody {
  source: string | null
  total: number
  unused: number
  rules: ScenarioRule[]
}

const MAX_ROWS = 5000
const RECONNECT_MS = 1000
const TOKEN_KEY = 'mocktopus-token'

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is missing`)
  return found as T
}

function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  node.append(...children)
  return node
}

const rows = element<HTMLTableSectionElement>('rows')
const detail = element<HTMLElement>('detail')
const split = detail.parentElement as HTMLElement
const statusLine = element<HTMLOutputElement>('status')
const empty = element<HTMLElement>('empty')
const count = element<HTMLElement>('count')
const search = element<HTMLInputElement>('search')
const sessionFilter = element<HTMLSelectElement>('f-session')
const endpointFilter = element<HTMLSelectElement>('f-endpoint')
const statusFilter = element<HTMLSelectElement>('f-status')
const unmatchedFilter = element<HTMLInputElement>('f-unmatched')
const tokenForm = element<HTMLFormElement>('token-form')
const tokenInput = element<HTMLInputElement>('token')

const entries = new Map<number, { entry: Entry; row: HTMLTableRowElement }>()
const sessions = new Set<string>()
const endpoints = new Set<string>()
let cursor: number | undefined
let selected: number | undefined
let token = sessionStorage.getItem(TOKEN_KEY) ?? ''

function authHeaders(): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

function askToken(): void {
  tokenForm.hidden = false
  setStatus('needs the auth token', 'down')
  tokenInput.focus()
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault()
  token = tokenInput.value.trim()
  sessionStorage.setItem(TOKEN_KEY, token)
  tokenForm.hidden = true
  connect()
})

function setStatus(text: string, kind: 'live' | 'down' | '' = ''): void {
  statusLine.textContent = text
  statusLine.className = `status ${kind}`
}

async function getJSON<T>(url: string): Promise<T | undefined> {
  const response = await fetch(url, { headers: authHeaders(), cache: 'no-store' })
  if (response.status === 401) {
    askToken()
    return undefined
  }
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return (await response.json()) as T
}

// ---- the list -------------------------------------------------------------------------------

function clock(time: string): string {
  const at = new Date(time)
  return Number.isNaN(at.getTime()) ? time : at.toLocaleTimeString([], { hour12: false })
}

function money(cost: number | undefined): string {
  if (cost === undefined) return ''
  return cost < 0.01 ? `$${cost.toFixed(6)}` : `$${cost.toFixed(4)}`
}

function faultText(fault: unknown): string {
  if (fault === undefined || fault === null) return ''
  if (typeof fault === 'string') return fault
  const kind =
    (fault as { kind?: unknown; type?: unknown }).kind ?? (fault as { type?: unknown }).type
  return typeof kind === 'string' ? kind : JSON.stringify(fault)
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat
}

function addOption(select: HTMLSelectElement, known: Set<string>, value: string): void {
  if (known.has(value)) return
  known.add(value)
  select.append(make('option', { value }, value))
}

function addEntry(entry: Entry): void {
  if (entries.has(entry.n)) return
  if (cursor === undefined || entry.n > cursor) cursor = entry.n
  const status = make('td', { class: `num s${String(entry.status)[0]}` }, String(entry.status))
  const rule =
    entry.ruleIndex === null
      ? make('td', { class: 'miss' }, 'unmatched')
      : make(
          'td',
          { class: 'mono', title: entry.rule ?? '' },
          `#${entry.ruleIndex}`,
          make('span', { class: 'roomy' }, ` ${entry.rule ?? ''}`),
        )
  const row = make(
    'tr',
    { 'data-n': String(entry.n), 'aria-selected': 'false', tabindex: '-1' },
    make('td', { class: 'mono' }, clock(entry.time)),
    make('td', { class: 'wide' }, entry.session ?? ''),
    make(
      'td',
      { class: 'mono roomy', title: entry.path },
      `${entry.provider ?? ''} ${entry.endpoint}`.trim(),
    ),
    make('td', { class: 'wide mono' }, entry.model ?? ''),
    make('td', { class: 'msg', title: entry.text }, preview(entry.text)),
    status,
    rule,
    make('td', { class: 'num' }, String(entry.durationMs)),
    make('td', { class: 'num wide' }, money(entry.cost)),
    make('td', { class: 'wide' }, faultText(entry.fault)),
  )
  row.addEventListener('click', () => open(entry.n))
  entries.set(entry.n, { entry, row })
  if (entry.session) addOption(sessionFilter, sessions, entry.session)
  addOption(endpointFilter, endpoints, entry.endpoint)
  row.hidden = !visible(entry)
  rows.prepend(row)
  if (entries.size > MAX_ROWS) {
    const oldest = entries.keys().next().value as number
    entries.get(oldest)?.row.remove()
    entries.delete(oldest)
  }
  counted()
}

function visible(entry: Entry): boolean {
  if (unmatchedFilter.checked && entry.ruleIndex !== null) return false
  if (sessionFilter.value && entry.session !== sessionFilter.value) return false
  if (endpointFilter.value && entry.endpoint !== endpointFilter.value) return false
  const wanted = statusFilter.value
  const kind = String(entry.status)[0]
  if (wanted === 'error' ? entry.status < 400 : wanted !== '' && kind !== wanted) return false
  const needle = search.value.trim().toLowerCase()
  if (!needle) return true
  const haystack = `${entry.text} ${entry.model ?? ''} ${entry.endpoint} ${entry.rule ?? ''} ${entry.error ?? ''} ${entry.session ?? ''}`
  return haystack.toLowerCase().includes(needle)
}

function counted(): void {
  let shown = 0
  for (const { row } of entries.values()) if (!row.hidden) shown++
  count.textContent = `${shown} of ${entries.size}`
  empty.hidden = entries.size > 0
}

function refilter(): void {
  for (const { entry, row } of entries.values()) row.hidden = !visible(entry)
  counted()
}

for (const control of [search, sessionFilter, endpointFilter, statusFilter, unmatchedFilter]) {
  control.addEventListener('input', refilter)
}
element<HTMLFormElement>('filters').addEventListener('submit', (event) => event.preventDefault())

function clearList(): void {
  entries.clear()
  rows.replaceChildren()
  closeDetail()
  counted()
}

// ---- the live feed --------------------------------------------------------------------------

let connecting = false

async function connect(): Promise<void> {
  if (connecting) return
  connecting = true
  try {
    const url = `inspector/events${cursor === undefined ? '' : `?after=${cursor}`}`
    const response = await fetch(url, { headers: authHeaders(), cache: 'no-store' })
    if (response.status === 401) {
      askToken()
      return
    }
    if (!response.ok || !response.body) throw new Error(`the feed answered ${response.status}`)
    setStatus('live', 'live')
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      buffer += value
      let end = buffer.indexOf('\n\n')
      while (end !== -1) {
        handle(buffer.slice(0, end))
        buffer = buffer.slice(end + 2)
        end = buffer.indexOf('\n\n')
      }
    }
    throw new Error('the feed ended')
  } catch {
    setStatus('reconnecting…', 'down')
    setTimeout(connect, RECONNECT_MS)
  } finally {
    connecting = false
  }
}

function handle(block: string): void {
  let event = 'message'
  let data = ''
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7)
    else if (line.startsWith('data: ')) data += line.slice(6)
  }
  if (event === 'entry') addEntry(JSON.parse(data) as Entry)
  else if (event === 'reset') {
    clearList()
    cursor = (JSON.parse(data) as { cursor: number }).cursor
  } else if (event === 'ready') {
    document.body.dataset.ready = 'true'
    counted()
  }
}

// ---- one request ----------------------------------------------------------------------------

function copyButton(label: string, text: () => string): HTMLButtonElement {
  const button = make('button', { type: 'button' }, label)
  button.addEventListener('click', async () => {
    const value = text()
    try {
      await navigator.clipboard.writeText(value)
    } catch {
      const area = make('textarea', { readonly: '' }, value)
      document.body.append(area)
      area.select()
      document.execCommand('copy')
      area.remove()
    }
    button.textContent = 'Copied'
    setTimeout(() => {
      button.textContent = label
    }, 1500)
  })
  return button
}

function quoteShell(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

function curlOf(body: DetailBody): string {
  const { exchange, requestHeaders, entry } = body
  const url = new URL(exchange.path, location.origin).href
  const parts = [`curl ${quoteShell(url)}`]
  if (exchange.method !== 'GET' && exchange.method !== 'POST') parts.push(`-X ${exchange.method}`)
  const headers = requestHeaders ?? {}
  if (entry.provider === 'anthropic') {
    parts.push(`-H ${quoteShell('x-api-key: sk-test')}`)
    parts.push(
      `-H ${quoteShell(`anthropic-version: ${headers['anthropic-version'] ?? '2023-06-01'}`)}`,
    )
  } else parts.push(`-H ${quoteShell('authorization: Bearer sk-test')}`)
  if (exchange.body !== null && exchange.body !== undefined) {
    parts.push(`-H ${quoteShell('content-type: application/json')}`)
    const text = typeof exchange.body === 'string' ? exchange.body : JSON.stringify(exchange.body)
    parts.push(`-d ${quoteShell(text)}`)
  }
  return parts.join(' \\\n  ')
}

function pretty(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2)
    } catch {
      return value
    }
  }
  return JSON.stringify(value, null, 2)
}

function headerList(headers: Record<string, string> | null): HTMLElement {
  if (!headers || Object.keys(headers).length === 0) return make('p', { class: 'note' }, 'not kept')
  const list = make('dl', { class: 'meta mono' })
  for (const [name, value] of Object.entries(headers))
    list.append(make('dt', {}, name), make('dd', {}, value))
  return list
}

function answerView(answer: DetailBody['answer']): HTMLElement {
  if (!answer || answer.kind === 'none') {
    return make(
      'p',
      { class: 'note' },
      'Not kept: it was forwarded upstream, or dropped to stay within the memory bound.',
    )
  }
  if (answer.kind === 'json') {
    const note = answer.truncated
      ? ` (first ${answer.text.length} of ${answer.truncated} characters)`
      : ''
    return make(
      'div',
      {},
      make('pre', { class: 'answer' }, pretty(answer.text)),
      make('p', { class: 'note' }, note),
    )
  }
  const body = make('tbody')
  let last = 0
  for (const frame of answer.frames) {
    const gap = Math.max(0, frame.ms - last)
    last = frame.ms
    const data = frame.event ? `event: ${frame.event}\ndata: ${frame.data}` : `data: ${frame.data}`
    body.append(
      make(
        'tr',
        {},
        make('td', { class: 'num' }, `${frame.ms} ms`),
        make('td', { class: 'num' }, `+${gap.toFixed(1)}`),
        make('td', {}, data),
      ),
    )
  }
  const table = make(
    'table',
    { class: 'frames' },
    make(
      'thead',
      {},
      make('tr', {}, make('th', {}, 'at'), make('th', {}, 'gap'), make('th', {}, 'frame')),
    ),
    body,
  )
  const note = answer.truncated
    ? 'Later frames not kept (over 64 KiB).'
    : `${answer.frames.length} frames`
  return make('div', {}, table, make('p', { class: 'note' }, note))
}

function verdictList(body: DetailBody): HTMLElement {
  if (!body.verdicts) {
    return make(
      'p',
      { class: 'note' },
      'No verdicts: the body could not be parsed again (not JSON, truncated, or not a rule endpoint).',
    )
  }
  const list = make('ul', { class: 'verdicts' })
  if (body.verdicts.length === 0)
    list.append(make('li', { class: 'note' }, '(no rule answers this endpoint)'))
  for (const verdict of body.verdicts) {
    const kind = !verdict.matched ? 'no' : verdict.answered ? 'answer' : 'yes'
    list.append(
      make(
        'li',
        { class: kind },
        `${verdict.name}: ${verdict.reasons.join('; ') || 'no conditions'}`,
      ),
    )
  }
  if (body.more) list.append(make('li', { class: 'note' }, `… ${body.more} more`))
  return list
}

async function open(n: number): Promise<void> {
  select(n)
  const body = await getJSON<DetailBody>(`inspector/entry?n=${n}`).catch(() => undefined)
  if (selected !== n) return
  detail.hidden = false
  split.classList.add('open')
  if (!body) {
    detail.replaceChildren(make('p', { class: 'note' }, `Entry ${n} is no longer kept.`))
    return
  }
  const { entry } = body
  const close = make(
    'button',
    { type: 'button', class: 'close', 'aria-label': 'Close the detail' },
    'Close',
  )
  close.addEventListener('click', closeDetail)
  const meta = make('dl', { class: 'meta' })
  const field = (name: string, value: string) => {
    if (value) meta.append(make('dt', {}, name), make('dd', {}, value))
  }
  field('time', entry.time)
  field('session', entry.session ?? '')
  field('endpoint', `${entry.method} ${entry.path}${entry.provider ? ` (${entry.provider})` : ''}`)
  field('model', entry.model ?? '')
  field(
    'status',
    `${entry.status}${entry.error ? ` ${entry.error}` : ''}${entry.aborted ? ' (client left)' : ''}`,
  )
  field(
    'rule',
    entry.ruleIndex === null ? 'none: unmatched' : `rules[${entry.ruleIndex}] ${entry.rule ?? ''}`,
  )
  field('duration', `${entry.durationMs} ms`)
  field('cost', money(entry.cost))
  field('fault', faultText(entry.fault))

  const parts: (Node | string)[] = [close, make('h2', {}, `#${n} ${entry.endpoint}`), meta]
  const actions = make(
    'div',
    { class: 'actions' },
    copyButton('Copy as curl', () => curlOf(body)),
  )
  parts.push(actions)
  if (body.suggestion !== undefined) {
    const suggestion = body.suggestion
    parts.push(
      make(
        'section',
        { class: 'suggest', 'aria-label': 'Suggested rule' },
        make('h3', {}, 'Rule to add'),
        make(
          'p',
          { class: 'note' },
          'Append under rules: in your scenario and fill in the answer.',
        ),
        make('pre', { class: 'suggestion' }, suggestion),
        make(
          'div',
          { class: 'actions' },
          copyButton('Copy rule', () => suggestion),
        ),
      ),
    )
  }
  parts.push(make('h3', {}, 'Rules'), verdictList(body))
  parts.push(
    make('p', { class: 'note' }, 'Recomputed now against the current scenario and its counters.'),
  )
  const truncated = body.exchange.truncated
    ? ` (first part of ${body.exchange.bodyBytes} bytes)`
    : ''
  parts.push(
    make('h3', {}, `Request body${truncated}`),
    make('pre', { class: 'request' }, pretty(body.exchange.body)),
  )
  parts.push(make('h3', {}, 'Answer'), answerView(body.answer))
  parts.push(make('h3', {}, 'Request headers'), headerList(body.requestHeaders))
  parts.push(make('h3', {}, 'Answer headers'), headerList(body.responseHeaders))
  detail.replaceChildren(...parts)
  detail.focus()
}

function select(n: number | undefined): void {
  if (selected !== undefined) entries.get(selected)?.row.setAttribute('aria-selected', 'false')
  selected = n
  if (n === undefined) return
  const row = entries.get(n)?.row
  row?.setAttribute('aria-selected', 'true')
  row?.scrollIntoView({ block: 'nearest' })
  row?.focus({ preventScroll: true })
}

function closeDetail(): void {
  detail.hidden = true
  split.classList.remove('open')
  const row = selected === undefined ? undefined : entries.get(selected)?.row
  row?.focus()
}

// ---- the scenario ---------------------------------------------------------------------------

async function showScenario(): Promise<void> {
  const target = element<HTMLElement>('scenario')
  const body = await getJSON<ScenarioBody>('inspector/scenario').catch(() => undefined)
  if (!body) {
    target.replaceChildren(make('p', { class: 'note' }, 'The scenario could not be read.'))
    return
  }
  const rowsOf = body.rules.map((rule) =>
    make(
      'tr',
      { class: rule.hits === 0 ? 'unused' : '' },
      make('td', { class: 'num' }, String(rule.index)),
      make('td', { class: 'mono' }, rule.where ?? rule.name),
      make('td', { class: 'mono' }, rule.type),
      make('td', { class: 'when' }, JSON.stringify(rule.when)),
      make('td', { class: 'num' }, rule.times === null ? '' : String(rule.times)),
      make('td', { class: 'num hits' }, rule.hits === 0 ? 'never' : String(rule.hits)),
    ),
  )
  const head = make(
    'tr',
    {},
    ...['#', 'file:line', 'type', 'when', 'times', 'hits'].map((name) => make('th', {}, name)),
  )
  const more = body.total > body.rules.length ? ` (the first ${body.rules.length} shown)` : ''
  target.replaceChildren(
    make('h2', { title: body.source ?? '' }, body.source?.split(/[\\/]/).pop() || 'scenario'),
    make(
      'p',
      { class: 'note' },
      `${body.total} rules${more}; ${body.unused} never used since the start or the last reset.`,
    ),
    make('table', {}, make('thead', {}, head), make('tbody', {}, ...rowsOf)),
  )
}

function showTab(name: 'requests' | 'scenario'): void {
  const scenario = name === 'scenario'
  element('tab-requests').setAttribute('aria-selected', String(!scenario))
  element('tab-scenario').setAttribute('aria-selected', String(scenario))
  element('view-requests').hidden = scenario
  element('view-scenario').hidden = !scenario
  if (scenario) void showScenario()
}

element('tab-requests').addEventListener('click', () => showTab('requests'))
element('tab-scenario').addEventListener('click', () => showTab('scenario'))

// ---- the keyboard ---------------------------------------------------------------------------

function visibleNumbers(): number[] {
  const numbers: number[] = []
  for (const row of rows.children) {
    if (!(row as HTMLElement).hidden) numbers.push(Number((row as HTMLElement).dataset.n))
  }
  return numbers
}

function move(step: number): void {
  const numbers = visibleNumbers()
  if (numbers.length === 0) return
  const at = selected === undefined ? -1 : numbers.indexOf(selected)
  const next = numbers[Math.min(numbers.length - 1, Math.max(0, at + step))] as number
  if (detail.hidden) select(next)
  else void open(next)
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement
  const typing =
    target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA'
  if (event.key === 'Escape') {
    if (typing) (target as HTMLInputElement).blur()
    else if (!detail.hidden) closeDetail()
    return
  }
  if (typing || event.altKey || event.ctrlKey || event.metaKey) return
  if (event.key === '/') {
    event.preventDefault()
    showTab('requests')
    search.focus()
  } else if (event.key === 'j' || event.key === 'ArrowDown') {
    event.preventDefault()
    move(1)
  } else if (event.key === 'k' || event.key === 'ArrowUp') {
    event.preventDefault()
    move(-1)
  } else if (event.key === 'Enter' && selected !== undefined && target.tagName !== 'BUTTON') {
    void open(selected)
  } else if (event.key === 'u') {
    unmatchedFilter.checked = !unmatchedFilter.checked
    refilter()
  } else if (event.key === 's') {
    showTab(element('view-scenario').hidden ? 'scenario' : 'requests')
  }
})

counted()
void connect()

export {}
