/**
 * The upstreams record mode and `drift` reach, one per provider with a `record` trait (in the
 * responders, `<provider>/record.ts`): the options that set their roots (`--anthropic-upstream`
 * is `anthropicUpstream`) and the keys sent in place of the client's (`--gemini-key`, or the
 * environment's `GEMINI_API_KEY`). A new provider's upstream needs its flags in `cli.ts` only.
 */
import { ENDPOINT_TABLE, type ProviderRecord } from '@mocktopus/responders'
import { type RawOptions, stringOption } from './options.js'

/** Each provider's record trait, in table order (OpenAI first). */
export const UPSTREAMS: readonly ProviderRecord[] = [
  ...new Set(ENDPOINT_TABLE.map((row) => row.provider.record)),
].filter((record): record is ProviderRecord => record !== undefined)

/**
 * The upstream roots given on the command line, by option name.
 *
 * @example upstreamRoots({ geminiUpstream: 'http://127.0.0.1:9000' }) // { geminiUpstream: 'http://127.0.0.1:9000' }
 */
export function upstreamRoots(options: RawOptions): Readonly<Record<string, string>> {
  const roots: Record<string, string> = {}
  for (const { upstreamOption } of UPSTREAMS) {
    const root = stringOption(options, upstreamOption)
    if (root !== undefined) roots[upstreamOption] = root
  }
  return roots
}

/**
 * The keys given on the command line (`--openai-key`), by option name.
 *
 * @example upstreamKeyFlags({ anthropicKey: 'sk-ant-1' }) // { anthropicKey: 'sk-ant-1' }
 */
export function upstreamKeyFlags(options: RawOptions): Readonly<Record<string, string>> {
  const keys: Record<string, string> = {}
  for (const { key } of UPSTREAMS) {
    const value = key && stringOption(options, key.option)
    if (key && value !== undefined) keys[key.option] = value
  }
  return keys
}

/**
 * Each provider's key: the flag's, else the first of its environment variables that is set;
 * an empty one is no key.
 *
 * @example upstreamKeys({}, { GOOGLE_API_KEY: 'g-1' }) // { geminiKey: 'g-1' }
 */
export function upstreamKeys(
  flags: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string | undefined>>,
): Readonly<Record<string, string>> {
  const keys: Record<string, string> = {}
  for (const { key } of UPSTREAMS) {
    if (!key) continue
    const value = flags[key.option] ?? key.env.map((name) => env[name]).find((v) => v !== undefined)
    if (value) keys[key.option] = value
  }
  return keys
}
