/**
 * The Prometheus text exposition format (version 0.0.4), only as much of it as Mocktopus emits:
 * counters and histograms with labels.
 */

/** The `Content-Type` of a scrape response in this format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

export type Labels = Readonly<Record<string, string>>

/** A HELP text: backslash and line feed are escaped. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
}

/** A label value: backslash, double quote and line feed are escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

/**
 * A sample value as Go's strconv would print it, the form Prometheus reads.
 *
 * @example formatValue(Number.POSITIVE_INFINITY) // '+Inf'
 */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Number.POSITIVE_INFINITY) return '+Inf'
  if (value === Number.NEGATIVE_INFINITY) return '-Inf'
  return String(value)
}

function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`)
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`
}

/** One `name{labels} value` line. */
export function sampleLine(name: string, labels: Labels, value: number): string {
  return `${name}${formatLabels(labels)} ${formatValue(value)}`
}

/** The `# HELP` and `# TYPE` lines that open a metric family. */
export function familyHeader(
  name: string,
  type: 'counter' | 'gauge' | 'histogram',
  help: string,
): string[] {
  return [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`]
}

/** The running state of one labelled histogram series. */
export interface HistogramSeries {
  readonly labels: Labels
  /** Cumulative counts, one per bucket bound (the `+Inf` bucket is `count`). */
  readonly buckets: number[]
  sum: number
  count: number
}

/** Adds one observation to a series whose buckets follow `bounds`. */
export function observeHistogram(
  series: HistogramSeries,
  bounds: readonly number[],
  value: number,
): void {
  for (let i = 0; i < bounds.length; i++) {
    if (value <= (bounds[i] as number)) series.buckets[i] = (series.buckets[i] ?? 0) + 1
  }
  series.sum += value
  series.count += 1
}

/** The `_bucket`, `_sum` and `_count` lines of one histogram series. */
export function histogramLines(
  name: string,
  bounds: readonly number[],
  series: HistogramSeries,
): string[] {
  const lines = bounds.map((bound, i) =>
    sampleLine(
      `${name}_bucket`,
      { ...series.labels, le: formatValue(bound) },
      series.buckets[i] ?? 0,
    ),
  )
  lines.push(sampleLine(`${name}_bucket`, { ...series.labels, le: '+Inf' }, series.count))
  lines.push(sampleLine(`${name}_sum`, series.labels, series.sum))
  lines.push(sampleLine(`${name}_count`, series.labels, series.count))
  return lines
}
