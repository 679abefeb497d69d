import { describe, expect, it } from 'vitest'
import { UPSTREAMS, upstreamKeyFlags, upstreamKeys, upstreamRoots } from './upstreams.js'

describe('upstreams', () => {
  it('has one upstream per provider with a record trait, OpenAI first', () => {
    expect(UPSTREAMS.map((record) => record.upstreamOption)).toEqual([
      'upstream',
      'anthropicUpstream',
      'geminiUpstream',
      'ollamaUpstream',
      'azureUpstream',
    ])
  })

  it('takes the roots and keys given by their option names, and nothing else', () => {
    const options = {
      upstream: 'http://127.0.0.1:1/v1',
      ollamaUpstream: 'http://127.0.0.1:2',
      geminiKey: 'g-flag',
      port: '0',
    }
    expect(upstreamRoots(options)).toEqual({
      upstream: 'http://127.0.0.1:1/v1',
      ollamaUpstream: 'http://127.0.0.1:2',
    })
    expect(upstreamKeyFlags(options)).toEqual({ geminiKey: 'g-flag' })
  })

  it("prefers a flag's key to the environment's, reads the first variable set, drops empty ones", () => {
    const env = {
      OPENAI_API_KEY: 'sk-env',
      ANTHROPIC_API_KEY: '',
      GOOGLE_API_KEY: 'g-google',
    }
    expect(upstreamKeys({}, env)).toEqual({ openaiKey: 'sk-env', geminiKey: 'g-google' })
    expect(upstreamKeys({ openaiKey: 'sk-flag' }, { ...env, GEMINI_API_KEY: 'g-gemini' })).toEqual({
      openaiKey: 'sk-flag',
      geminiKey: 'g-gemini',
    })
  })
})
