import { describe, expect, it } from 'vitest'
import { formatIssues, MocktopusError, ScenarioError, ScenarioNotFoundError } from './errors.js'

describe('ScenarioError', () => {
  it('lists each issue as source:line:column path: message', () => {
    const error = new ScenarioError(
      [
        { path: 'rules[0].when.modle', message: 'unknown key "modle"', line: 5, column: 7 },
        { path: 'version', message: 'is required' },
        { path: '', message: 'YAML: bad', line: 2, column: 1 },
      ],
      { source: 'a.yaml' },
    )
    expect(error.message).toBe(
      'a.yaml:5:7 rules[0].when.modle: unknown key "modle"\na.yaml version: is required\na.yaml:2:1 YAML: bad',
    )
    expect(error).toBeInstanceOf(MocktopusError)
    expect(error).toBeInstanceOf(Error)
    expect(error.code).toBe('SCENARIO_INVALID')
  })

  it('keeps its cause', () => {
    const cause = new Error('root')
    expect(new ScenarioError([], { cause }).cause).toBe(cause)
  })

  it('has a not-found subclass that names the path', () => {
    const error = new ScenarioNotFoundError('x.yaml')
    expect(error).toBeInstanceOf(ScenarioError)
    expect(error.code).toBe('SCENARIO_NOT_FOUND')
    expect(error.message).toContain('x.yaml')
  })
})

describe('formatIssues', () => {
  it('defaults the source to <scenario> and the column to 1', () => {
    expect(formatIssues([{ path: 'a', message: 'b', line: 3 }])).toBe('<scenario>:3:1 a: b')
  })
})
