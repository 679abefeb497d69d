import { describe, expect, it } from 'vitest'
import { ScenarioError } from './errors.js'
import { createScenario } from './normalize.js'
import { parseScenario } from './parse.js'
import {
  escapeTemplate,
  parseTemplate,
  renderTemplate,
  respondTemplate,
  type Template,
  type TemplateValues,
} from './template.js'

const VALUES: TemplateValues = {
  lastUserMessage: () => 'What is "the" weather?\nIn Paris',
  toolResult: () => 'sunny, 21°C',
  model: () => 'gpt-4o',
  body: {
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'hi' }],
    metadata: { user: 'ada', tags: ['a', 'b'] },
    n: 2,
    stream: false,
    empty: null,
  },
}

function template(text: string): Template {
  const parsed = parseTemplate(text)
  if (!parsed.ok || !parsed.template) throw new Error(`not a template: ${text}`)
  return parsed.template
}

const render = (text: string, mode?: 'text' | 'json') =>
  renderTemplate(template(text), VALUES, mode)

function issuesOf(text: string): string[] {
  try {
    parseScenario(text, { source: 's.yaml' })
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n')
    throw error
  }
  return []
}

describe('parseTemplate', () => {
  it('finds no template in text without {{', () => {
    expect(parseTemplate('plain text, even with }} and { braces }')).toEqual({
      ok: true,
      template: undefined,
    })
  })

  it('splits text into literal parts and placeholders, spaces optional', () => {
    expect(template('Hi {{model}}, you said {{ last_user_message }}.').parts).toEqual([
      'Hi ',
      { name: 'model' },
      ', you said ',
      { name: 'last_user_message' },
      '.',
    ])
    expect(template('{{ request.messages.0.content }}').parts).toEqual([
      { name: 'request', path: ['messages', '0', 'content'] },
    ])
  })

  it("reads {{ '{{' }} as a literal {{, with any spacing", () => {
    expect(template("{{'{{'}}{{\t'{{'\n}}").parts).toEqual(['{{{{'])
    expect(template("{{ '{{' }} model }} is {{ model }}").parts).toEqual([
      '{{ model }} is ',
      { name: 'model' },
    ])
  })

  it('names the unknown name and the closest known one', () => {
    expect(parseTemplate('{{ last_user_msg }}')).toEqual({
      ok: false,
      message:
        'unknown template name "last_user_msg"; did you mean "last_user_message"? the names are last_user_message, tool_result, model, request.<path>',
    })
  })

  it('refuses an unclosed {{, an empty one and request without a path', () => {
    expect(parseTemplate('a {{ model')).toMatchObject({
      ok: false,
      message: `"{{" at character 3 is not closed by "}}"; write {{ '{{' }} for a literal "{{"`,
    })
    expect(parseTemplate('{{ }}')).toMatchObject({ ok: false })
    expect(parseTemplate('{{ request }}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('is not a request path'),
    })
    expect(parseTemplate('{{ request..x }}')).toMatchObject({ ok: false })
    expect(parseTemplate("{{ 'open }}")).toMatchObject({ ok: false })
  })
})

describe('escapeTemplate', () => {
  it('gives a template that renders to the text itself', () => {
    for (const text of ['no braces', 'Hi {{ name }}', '{{{ x }}}', '{{{{', "{{ '{{' }}", '}}{{']) {
      const escaped = escapeTemplate(text)
      const parsed = parseTemplate(escaped)
      if (!parsed.ok) throw new Error(parsed.message)
      expect(parsed.template ? renderTemplate(parsed.template, VALUES) : escaped).toBe(text)
    }
    expect(escapeTemplate('plain')).toBe('plain')
  })
})

describe('renderTemplate', () => {
  it('inserts the values by name', () => {
    expect(render('{{ model }}: {{ tool_result }}')).toBe('gpt-4o: sunny, 21°C')
    expect(render('> {{ last_user_message }}')).toBe('> What is "the" weather?\nIn Paris')
  })

  it('follows a request path through objects and lists', () => {
    expect(render('{{ request.messages.0.content }}')).toBe('hi')
    expect(render('{{ request.metadata.user }}/{{ request.metadata.tags.1 }}')).toBe('ada/b')
    expect(render('{{ request.n }} {{ request.stream }}')).toBe('2 false')
  })

  it('renders a missing path and null as empty, objects and lists as JSON', () => {
    expect(
      render('[{{ request.nope.deeper }}][{{ request.messages.9 }}][{{ request.empty }}]'),
    ).toBe('[][][]')
    expect(render('[{{ request.messages.x }}][{{ request.constructor }}]')).toBe('[][]')
    expect(render('{{ request.metadata }}')).toBe('{"user":"ada","tags":["a","b"]}')
  })

  it('escapes inserted values as JSON string text in json mode, literal parts as written', () => {
    const args = render(
      '{"q": "{{ last_user_message }}", "meta": "{{ request.metadata }}"}',
      'json',
    )
    expect(JSON.parse(args)).toEqual({
      q: 'What is "the" weather?\nIn Paris',
      meta: '{"user":"ada","tags":["a","b"]}',
    })
  })

  it('asks only for the values a template uses', () => {
    const asked: string[] = []
    const ask = (name: string, value: string) => () => {
      asked.push(name)
      return value
    }
    const values: TemplateValues = {
      lastUserMessage: ask('last', ''),
      toolResult: ask('tool', ''),
      model: ask('model', 'm'),
      body: {},
    }
    renderTemplate(template('{{ model }}'), values)
    expect(asked).toEqual(['model'])
  })
})

describe('respondTemplate', () => {
  it('is undefined for a respond without placeholders', () => {
    const scenario = createScenario({
      version: 1,
      rules: [{ type: 'llm', respond: { content: 'hi' } }],
    })
    expect(respondTemplate(scenario.rules[0]?.respond ?? {})).toBeUndefined()
  })

  it('renders content and tool arguments given as a string or a mapping', () => {
    const scenario = createScenario({
      version: 1,
      rules: [
        {
          type: 'llm',
          respond: {
            content: 'For {{ model }}',
            tool_calls: [
              { function: { name: 'a', arguments: '{"city": "{{ last_user_message }}"}' } },
              { function: { name: 'b', arguments: { user: '{{ request.metadata.user }}' } } },
              { function: { name: 'c', arguments: '{}' } },
            ],
          },
        },
      ],
    })
    const respond = scenario.rules[0]?.respond ?? {}
    const rendered = respondTemplate(respond)?.render(VALUES)
    expect(rendered?.content).toBe('For gpt-4o')
    expect(rendered?.tool_calls?.map((call) => JSON.parse(call.function.arguments ?? ''))).toEqual([
      { city: 'What is "the" weather?\nIn Paris' },
      { user: 'ada' },
      {},
    ])
    // The third call had nothing to fill in: it is the scenario's own object.
    expect(rendered?.tool_calls?.[2]).toBe(respond.tool_calls?.[2])
    // The same parsed template every time: parsed at load, not per request.
    expect(respondTemplate(respond)).toBe(respondTemplate(respond))
  })
})

describe('respondTemplate with json', () => {
  it('fills in the strings of a json value, keys and other values as written', () => {
    const json = {
      answer: 'for {{ model }}',
      '{{ model }}': 1,
      list: ['{{ request.n }}', 3],
      ok: true,
    }
    const scenario = createScenario({ version: 1, rules: [{ type: 'llm', respond: { json } }] })
    const respond = scenario.rules[0]?.respond ?? {}
    expect(respondTemplate(respond)?.render(VALUES).json).toEqual({
      answer: 'for gpt-4o',
      '{{ model }}': 1,
      list: ['2', 3],
      ok: true,
    })
  })

  it('reports a bad placeholder in a json string with its path', () => {
    const text =
      'version: 1\nrules:\n  - type: llm\n    respond:\n      json: { a: [x, "{{ nope }}"] }\n'
    expect(issuesOf(text)).toEqual([
      expect.stringMatching(
        /^s\.yaml:5:22 rules\[0\]\.respond\.json\.a\[1\]: unknown template name "nope"/,
      ),
    ])
  })
})

describe('templates in a scenario file', () => {
  it('reports an unknown name with its file, line and column', () => {
    const text = [
      'version: 1',
      'rules:',
      '  - type: llm',
      '    respond:',
      '      content: "You said {{ last_user_msg }}"',
      '',
    ].join('\n')
    expect(issuesOf(text)).toEqual([
      's.yaml:5:16 rules[0].respond.content: unknown template name "last_user_msg"; did you mean "last_user_message"? the names are last_user_message, tool_result, model, request.<path>',
    ])
  })

  it('reports a bad placeholder inside tool arguments, string or mapping', () => {
    const text = [
      'version: 1',
      'rules:',
      '  - type: llm',
      '    respond:',
      '      tool_calls:',
      `        - function: { name: a, arguments: '{"q": "{{ tool_results }}"}' }`,
      '        - function: { name: b, arguments: { q: "{{ modle }}" } }',
      '',
    ].join('\n')
    expect(issuesOf(text)).toEqual([
      expect.stringMatching(
        /^s\.yaml:6:43 rules\[0\]\.respond\.tool_calls\[0\]\.function\.arguments: unknown template name "tool_results"; did you mean "tool_result"\?/,
      ),
      expect.stringMatching(
        /^s\.yaml:7:48 rules\[0\]\.respond\.tool_calls\[1\]\.function\.arguments\.q: unknown template name "modle"; did you mean "model"\?/,
      ),
    ])
  })

  it('refuses a placeholder in tool arguments outside a JSON string', () => {
    const text = [
      'version: 1',
      'rules:',
      '  - type: llm',
      '    respond:',
      '      tool_calls:',
      `        - function: { name: a, arguments: '{"n": {{ request.n }}}' }`,
      '',
    ].join('\n')
    expect(issuesOf(text)).toEqual([
      expect.stringMatching(
        /^s\.yaml:6:43 rules\[0\]\.respond\.tool_calls\[0\]\.function\.arguments: must be a JSON object.*a placeholder goes inside a JSON string/,
      ),
    ])
  })

  it("takes a literal {{ written as {{ '{{' }}", () => {
    const scenario = parseScenario(
      `version: 1\nrules:\n  - type: llm\n    respond:\n      content: "{{ '{{' }} model }} is {{ model }}"\n`,
    )
    const respond = scenario.rules[0]?.respond ?? {}
    expect(respondTemplate(respond)?.render(VALUES).content).toBe('{{ model }} is gpt-4o')
  })
})
