/** The benchmark's one table, as aligned plain text. */

/**
 * @typedef {object} Row
 * @property {string} label
 * @property {string} unit
 * @property {number} mocktopus
 * @property {number | undefined} baseline
 * @property {string} [ratio] overrides `mocktopus / baseline`, e.g. a ratio to another row
 * @property {string} [target]
 * @property {boolean} [met]
 */

/** @param {number} n */
export function formatNumber(n) {
  if (!Number.isFinite(n)) return '-'
  if (n >= 1000) return Math.round(n).toLocaleString('en-US')
  if (n >= 100) return n.toFixed(0)
  if (n >= 10) return n.toFixed(1)
  return n.toFixed(2)
}

/** @param {number} n */
export function formatRatio(n) {
  // A latency that rounds to 0 ms (autocannon counts whole milliseconds) has no ratio.
  return Number.isFinite(n) ? `${n.toFixed(2)} x` : '-'
}

/**
 * @param {readonly number[]} values
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2
}

/**
 * @param {readonly Row[]} rows
 */
export function renderTable(rows) {
  const header = ['', 'unit', 'Mocktopus', 'node:http', 'ratio', 'target', '']
  const cells = rows.map((row) => [
    row.label,
    row.unit,
    formatNumber(row.mocktopus),
    row.baseline === undefined ? '-' : formatNumber(row.baseline),
    row.ratio ?? (row.baseline === undefined ? '-' : formatRatio(row.mocktopus / row.baseline)),
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'met' : 'MISSED',
  ])
  const all = [header, ...cells]
  const widths = header.map((_, i) => Math.max(...all.map((line) => (line[i] ?? '').length)))
  // Text columns align left, figures right.
  const align = (/** @type {string} */ text, /** @type {number} */ i) =>
    i <= 1 || i >= 5 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0)
  return all.map((line) => line.map(align).join('  ').trimEnd()).join('\n')
}
