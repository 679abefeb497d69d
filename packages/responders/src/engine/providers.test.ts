import { RULE_TYPE_ENDPOINTS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import type { Provider, ProviderRecord } from './endpoint.js'
import { ENDPOINT_TABLE, RULE_ENDPOINTS } from './endpoints.js'

const providers: Provider[] = [...new Set(ENDPOINT_TABLE.map((row) => row.provider))]
const records = providers
  .map((provider) => provider.record)
  .filter((record): record is ProviderRecord => record !== undefined)

describe('provider traits', () => {
  it('gives each provider one name, and each upstream its own option and key option', () => {
    const names = providers.map((provider) => provider.name)
    expect(new Set(names).size).toBe(names.length)
    const options = records.flatMap((record) => [
      record.upstreamOption,
      ...(record.key ? [record.key.option] : []),
    ])
    expect(new Set(options).size).toBe(options.length)
    for (const record of records) {
      expect(record.upstreamOption).toMatch(/^(upstream|[a-z]+Upstream)$/)
      if (record.defaultUpstream !== undefined) {
        expect(new URL(record.defaultUpstream).protocol).toMatch(/^https?:$/)
      }
    }
    // Only Azure's resources are each user's own.
    expect(
      records.filter((record) => !record.defaultUpstream).map((r) => r.upstreamOption),
    ).toEqual(['azureUpstream'])
  })

  it("names a rule type that answers every rule row of its provider but the embeddings'", () => {
    const embeddings = new Set(RULE_TYPE_ENDPOINTS.embeddings)
    for (const row of RULE_ENDPOINTS) {
      const record = row.provider.record
      if (!record || embeddings.has(row.path)) continue
      expect(RULE_TYPE_ENDPOINTS[record.ruleType], row.id).toContain(row.path)
    }
  })

  it('has a record trait for every provider', () => {
    expect(providers.filter((provider) => !provider.record).map((p) => p.name)).toEqual([])
  })

  it('ends a failing stream in its own frame only where the provider says so', () => {
    for (const provider of providers) {
      const frame = provider.streamFailure?.()
      if (frame) expect(frame.ndjson).toBe(true)
    }
    expect(providers.filter((provider) => provider.streamFailure).map((p) => p.name)).toEqual([
      'ollama',
    ])
  })
})
