import { describe, expect, it } from 'vitest'
import { createJournal } from './journal.js'

interface Entry {
  readonly n: number
  readonly session?: string
}

function filled(): ReturnType<typeof createJournal<Entry>> {
  const journal = createJournal<Entry>({ size: 10 })
  for (let n = 1; n <= 6; n++) journal.record(n % 2 === 0 ? { n, session: 'a' } : { n })
  return journal
}

const inA = (entry: Entry) => entry.session === 'a'

describe('createJournal with a filter', () => {
  it('lists only the entries the filter keeps', () => {
    expect(
      filled()
        .entries(inA)
        .map((entry) => entry.n),
    ).toEqual([2, 4, 6])
  })

  it('pages through the kept entries with a cursor over every entry looked at', () => {
    const journal = filled()
    const first = journal.page({ filter: inA, limit: 2 })
    expect(first.entries.map((entry) => entry.n)).toEqual([2, 4])
    expect(first.cursor).toBe(4)
    const rest = journal.page({ filter: inA, after: first.cursor ?? undefined })
    expect(rest.entries.map((entry) => entry.n)).toEqual([6])
    expect(rest.cursor).toBe(6)
    expect(journal.page({ filter: inA, after: 6 })).toEqual({ entries: [], cursor: 6 })
  })

  it('numbers the last entry recorded', () => {
    const journal = filled()
    expect(journal.last).toBe(6)
    journal.clear()
    expect(journal.last).toBe(6)
  })
})
