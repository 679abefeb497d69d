/** Terminal colours: on a TTY only, and never when `NO_COLOR` is set (https://no-color.org). */

export interface Colors {
  readonly enabled: boolean
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  green(text: string): string
  yellow(text: string): string
  cyan(text: string): string
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * Whether to colour output written to `stream`.
 *
 * @example shouldUseColor(process.stdout, process.env)
 */
export function shouldUseColor(stream: { readonly isTTY?: boolean }, env: Env): boolean {
  // no-color.org: set and non-empty disables colour, whatever its value.
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.TERM === 'dumb') return false
  return stream.isTTY === true
}

function paint(enabled: boolean, open: number, close: number): (text: string) => string {
  return enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text
}

/**
 * Colour functions that are the identity when `enabled` is false.
 *
 * @example createColors(false).red('x') // 'x'
 */
export function createColors(enabled: boolean): Colors {
  return {
    enabled,
    bold: paint(enabled, 1, 22),
    dim: paint(enabled, 2, 22),
    red: paint(enabled, 31, 39),
    green: paint(enabled, 32, 39),
    yellow: paint(enabled, 33, 39),
    cyan: paint(enabled, 36, 39),
  }
}
