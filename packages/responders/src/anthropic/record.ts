/**
 * Record mode's Anthropic knowledge as a provider trait: where the upstream is and how the key
 * travels. Its answers become rules in the server's `record/to-rule.ts`, by endpoint.
 */
import type { ProviderRecord } from '../engine/endpoint.js'

/** The Anthropic API root (without `/v1`, as the SDK's `baseURL`). */
export const DEFAULT_ANTHROPIC_UPSTREAM = 'https://api.anthropic.com'

export const ANTHROPIC_RECORD: ProviderRecord = {
  defaultUpstream: DEFAULT_ANTHROPIC_UPSTREAM,
  upstreamOption: 'anthropicUpstream',
  ruleType: 'llm.anthropic',
  // The key goes as `x-api-key`; a client's `Authorization` would be a second credential.
  // The Messages API requires it; the SDKs send this one.
  requestHeaders: { 'anthropic-version': '2023-06-01' },
  key: {
    option: 'anthropicKey',
    header: 'x-api-key',
    replaces: ['authorization'],
    env: ['ANTHROPIC_API_KEY'],
  },
}
