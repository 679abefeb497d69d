import { readFileSync } from 'node:fs'
import { createMatcher, lintScenario, parseScenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'

// Every YAML example in docs/scenarios.md must be a valid scenario (or part of one).
const docs = readFileSync(new URL('../../../../docs/scenarios.md', import.meta.url), 'utf8')
const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string)

function asScenario(block: string): string {
  if (/^(#.*\n)*version:/.test(block)) return block
  if (block.startsWith('- ')) return `version: 1\nrules:\n${block.replace(/^/gm, '  ')}`
  if (block.startsWith('pricing:')) return `version: 1\nrules: []\n${block}`
  return block
}

describe('docs/scenarios.md', () => {
  it('has YAML examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5)
  })

  it.each(blocks.map((block, i) => [i + 1, block]))('example %i parses', (_, block) => {
    const text = asScenario(block as string)
    if (text.startsWith('# yaml-language-server') && !text.includes('version:')) return
    expect(() => parseScenario(text, { source: 'docs' })).not.toThrow()
  })

  it('behaves as the first example describes', () => {
    const scenario = parseScenario(blocks[0] as string)
    const matcher = createMatcher(scenario)
    const chat = (content: string, model = 'gpt-4o') => ({
      endpoint: '/v1/chat/completions',
      model,
      messages: [{ role: 'user', content }],
    })
    expect(
      matcher.match(chat('weather in Paris?'))?.rule.respond?.tool_calls?.[0]?.function,
    ).toEqual({
      name: 'get_weather',
      arguments: '{"city":"Paris"}',
    })
    expect(matcher.match(chat('What is the capital of France?'))?.index).toBe(1)
    expect([1, 2, 3].map(() => matcher.match(chat('retry me'))?.index)).toEqual([2, 2, 3])
    expect(lintScenario(scenario)).toEqual([])
  })
})
