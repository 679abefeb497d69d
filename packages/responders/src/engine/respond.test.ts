import {
  createMatcher,
  createScenario,
  type MatchRequest,
  type MatchResult,
  parseScenario,
} from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { answerChat } from '../openai/chat/answer.js'
import { parseChatRequest } from '../openai/chat/request.js'
import { fixedClock } from '../shared/clock.js'
import { respondFor, sequenceIndex } from './respond.js'

const REQUEST: MatchRequest = {
  endpoint: '/v1/chat/completions',
  model: 'gpt-4o',
  messages: [
    { role: 'user', content: 'Weather in "Paris"?\nThanks' },
    { role: 'assistant', content: null, tool_calls: [] },
    { role: 'tool', tool_call_id: 'call_1', content: 'sunny, 21°C' },
  ],
}
const BODY = { model: 'gpt-4o', metadata: { user: 'ada' }, messages: REQUEST.messages }

function uses(text: string, count: number): MatchResult[] {
  const matcher = createMatcher(parseScenario(text))
  const out: MatchResult[] = []
  for (let i = 0; i < count; i++) {
    const match = matcher.match(REQUEST)
    if (!match) throw new Error(`no match on use ${i + 1}`)
    out.push(respondFor(match, REQUEST, BODY))
  }
  return out
}

const SEQUENCE = `version: 1
rules:
  - type: llm
    respond:
      - tool_calls:
          - id: call_1
            function: { name: get_weather, arguments: { city: Paris } }
      - content: first text
      - content: last text
`

describe('sequenceIndex', () => {
  it('walks the items, then repeats the last one', () => {
    expect([1, 2, 3, 4, 5].map((use) => sequenceIndex(3, use, false))).toEqual([0, 1, 2, 2, 2])
  })

  it('starts over with cycle', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((use) => sequenceIndex(3, use, true))).toEqual([
      0, 1, 2, 0, 1, 2, 0,
    ])
  })
})

describe('respondFor', () => {
  it('gives item N on use N, then the last item again', () => {
    const answers = uses(SEQUENCE, 5).map((match) => match.rule.respond)
    expect(answers[0]?.tool_calls?.[0]?.function.name).toBe('get_weather')
    expect(answers.slice(1).map((respond) => respond?.content)).toEqual([
      'first text',
      'last text',
      'last text',
      'last text',
    ])
  })

  it('starts over at the first item with cycle: true', () => {
    const answers = uses(`${SEQUENCE}    cycle: true\n`, 4).map((match) => match.rule.respond)
    expect(answers.map((respond) => respond?.content ?? 'tool call')).toEqual([
      'tool call',
      'first text',
      'last text',
      'tool call',
    ])
  })

  it('stops when times runs out: times bounds the uses of the whole list', () => {
    const matcher = createMatcher(parseScenario(`${SEQUENCE}    times: 2\n`))
    expect(matcher.match(REQUEST)?.use).toBe(1)
    expect(matcher.match(REQUEST)?.use).toBe(2)
    expect(matcher.match(REQUEST)).toBeUndefined()
  })

  it('hands back the match itself for a plain rule, and one rule object per static item', () => {
    const plain = createMatcher(
      createScenario({ version: 1, rules: [{ type: 'llm', respond: { content: 'hi' } }] }),
    ).match(REQUEST) as MatchResult
    expect(respondFor(plain, REQUEST, BODY)).toBe(plain)

    const [first, second, third, fourth] = uses(SEQUENCE, 4)
    expect(first?.rule.respond).toBe(first?.rule.sequence?.[0])
    // Answers cache their serialised choices by rule: the same item, the same rule object.
    expect(third?.rule).toBe(fourth?.rule)
    expect(second?.rule).not.toBe(third?.rule)
    expect(third?.index).toBe(0)
    expect(fourth?.use).toBe(4)
  })

  it('fills in the placeholders of this use', () => {
    const [match] = uses(
      `version: 1
rules:
  - type: llm
    respond:
      content: "{{ model }} for {{ request.metadata.user }}: {{ tool_result }} ({{ last_user_message }})"
`,
      1,
    )
    expect(match?.rule.respond?.content).toBe(
      'gpt-4o for ada: sunny, 21°C (Weather in "Paris"?\nThanks)',
    )
  })

  it('escapes values inserted into tool arguments, so the wire carries valid JSON', () => {
    const [match] = uses(
      `version: 1
rules:
  - type: llm
    respond:
      tool_calls:
        - id: call_9
          function:
            name: search
            arguments: '{"q": "{{ last_user_message }}", "user": "{{ request.metadata }}"}'
`,
      1,
    )
    const parsed = parseChatRequest(BODY)
    if (!parsed.ok) throw new Error('bad body')
    const clock = fixedClock(1_700_000_000, { instant: true })
    const answer = answerChat({ params: parsed.params, match: match as MatchResult, clock })
    if (answer.kind !== 'json') throw new Error(`expected json, got ${answer.kind}`)
    const wire = JSON.parse(answer.bodyText ?? JSON.stringify(answer.body))
    const args = wire.choices[0].message.tool_calls[0].function.arguments
    expect(JSON.parse(args)).toEqual({
      q: 'Weather in "Paris"?\nThanks',
      user: '{"user":"ada"}',
    })
  })

  it('renders each item of a sequence with templates on its own use', () => {
    const answers = uses(
      `version: 1
rules:
  - type: llm
    respond:
      - content: "one {{ model }}"
      - content: "two {{ tool_result }}"
`,
      3,
    )
    expect(answers.map((match) => match.rule.respond?.content)).toEqual([
      'one gpt-4o',
      'two sunny, 21°C',
      'two sunny, 21°C',
    ])
  })

  it('renders missing values as empty', () => {
    const [match] = uses(
      `version: 1
rules:
  - type: llm
    respond:
      content: "[{{ request.nothing.here }}]"
`,
      1,
    )
    const bare = respondFor(match as MatchResult, { endpoint: '/v1/chat/completions' }, {})
    expect(bare.rule.respond?.content).toBe('[]')
  })
})
