/**
 * Record mode's OpenAI knowledge as a provider trait: where the upstream is and how the key
 * travels. Its answers become rules in the server's `record/to-rule.ts`, by endpoint, and its
 * streams are folded by `record/assemble.ts`; a provider without a `record` gets this one.
 */
import type { ProviderRecord } from '../engine/endpoint.js'

/** The OpenAI API root, `/v1` included, as the SDK's `baseURL`. */
export const DEFAULT_OPENAI_UPSTREAM = 'https://api.openai.com/v1'

export const OPENAI_RECORD: ProviderRecord = {
  defaultUpstream: DEFAULT_OPENAI_UPSTREAM,
  upstreamOption: 'upstream',
  ruleType: 'llm.openai',
  key: { option: 'openaiKey', header: 'authorization', env: ['OPENAI_API_KEY'] },
}
