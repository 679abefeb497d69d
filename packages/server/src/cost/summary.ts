import type { CostReport } from './tracker.js'

function dollars(usd: number): string {
  return `$${usd.toFixed(4)}`
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}

function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`
}

function duration(hours: number): string {
  const seconds = Math.round(hours * 3600)
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`
}

/**
 * The report as text for people: the total, then one line per model, most expensive first.
 * The CLI prints it on shutdown; `GET /cost-report` returns it as `summary`.
 *
 * @example
 * formatCostSummary(tracker.report())
 * // Mocktopus saved $0.0075 on 1 mocked request (prices checked 2026-11-25)
 * // ...
 */
export function formatCostSummary(report: CostReport): string {
  if (report.requests_mocked === 0) return 'No requests mocked yet.'
  const tokens = report.input_tokens_mocked + report.output_tokens_mocked
  const lines = [
    `Mocktopus saved ${dollars(report.total_saved)} on ${plural(report.requests_mocked, 'mocked request')} (prices checked ${report.pricing_checked_at})`,
    `Tokens: ${count(tokens)} (${count(report.input_tokens_mocked)} input, ${count(report.output_tokens_mocked)} output)`,
    `Runtime: ${duration(report.runtime_hours)}`,
    '',
    'By model:',
  ]
  const models = Object.entries(report.breakdown_by_model).sort(
    ([a, x], [b, y]) => y.cost_saved - x.cost_saved || (a < b ? -1 : 1),
  )
  const width = Math.max(...models.map(([model]) => model.length))
  for (const [model, stats] of models) {
    const cost = stats.priced_as === null ? 'unpriced' : dollars(stats.cost_saved)
    const note =
      stats.priced_as !== null && stats.priced_as !== model.toLowerCase()
        ? ` (priced as ${stats.priced_as})`
        : ''
    lines.push(
      `  ${model.padEnd(width)}  ${cost.padStart(9)}  ${plural(stats.requests, 'request')}${note}`,
    )
  }
  if (report.unpriced_models.length > 0) {
    lines.push(
      '',
      `Unpriced (tokens counted, $0): ${report.unpriced_models.join(', ')}. Add them to the scenario's pricing: block or a --pricing file.`,
    )
  }
  return lines.join('\n')
}
