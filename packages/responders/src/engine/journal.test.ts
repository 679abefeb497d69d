import { describe, expect, it } from 'vitest'
import { createJournal, DEFAULT_JOURNAL_SIZE } from './journal.js'

describe('createJournal', () => {
  it('keeps entries oldest first', () => {
    const journal = createJournal<number>()
    journal.record(1)
    journal.record(2)
    expect(journal.entries()).toEqual([1, 2])
    expect(journal.size).toBe(DEFAULT_JOURNAL_SIZE)
    expect(journal.dropped).toBe(0)
  })

  it('drops the oldest entries once full, and counts them', () => {
    const journal = createJournal<number>({ size: 3 })
    for (let i = 1; i <= 7; i++) journal.record(i)
    expect(journal.entries()).toEqual([5, 6, 7])
    expect(journal.dropped).toBe(4)
    journal.record(8)
    journal.record(9)
    journal.record(10)
    expect(journal.entries()).toEqual([8, 9, 10])
  })

  it('never holds more than its size over a long run', () => {
    const journal = createJournal<{ i: number }>({ size: 50 })
    for (let i = 0; i < 10_000; i++) journal.record({ i })
    const entries = journal.entries()
    expect(entries).toHaveLength(50)
    expect(entries[0]).toEqual({ i: 9950 })
    expect(entries.at(-1)).toEqual({ i: 9999 })
  })

  it('returns a copy, so callers cannot change what it holds', () => {
    const journal = createJournal<number>({ size: 2 })
    journal.record(1)
    journal.entries().push(99)
    expect(journal.entries()).toEqual([1])
  })

  it('clears everything, including the dropped count', () => {
    const journal = createJournal<number>({ size: 2 })
    for (let i = 0; i < 5; i++) journal.record(i)
    journal.clear()
    expect(journal.entries()).toEqual([])
    expect(journal.dropped).toBe(0)
    journal.record(7)
    expect(journal.entries()).toEqual([7])
  })

  it('records nothing with size 0', () => {
    const journal = createJournal<number>({ size: 0 })
    journal.record(1)
    expect(journal.entries()).toEqual([])
    expect(journal.dropped).toBe(1)
  })

  it('rejects a negative or fractional size', () => {
    expect(() => createJournal({ size: -1 })).toThrow(RangeError)
    expect(() => createJournal({ size: 1.5 })).toThrow(/whole number/)
  })
})

describe('createJournal: the byte bound and pages', () => {
  it('drops the oldest entries once their weights pass the byte bound', () => {
    const journal = createJournal<string>({ size: 100, bytes: 1000 })
    journal.record('a', 400)
    journal.record('b', 400)
    journal.record('c', 400)
    expect(journal.entries()).toEqual(['b', 'c'])
    expect(journal.dropped).toBe(1)
    // An entry heavier than the whole bound is not kept, and pushes nothing out.
    journal.record('huge', 1001)
    expect(journal.entries()).toEqual(['b', 'c'])
    expect(journal.dropped).toBe(2)
  })

  it('pages by a cursor that survives dropped entries and clears', () => {
    const journal = createJournal<number>({ size: 3 })
    for (let i = 1; i <= 5; i++) journal.record(i)
    // Kept: 3, 4, 5 (numbered 3 to 5).
    expect(journal.page({ limit: 2 })).toEqual({ entries: [3, 4], cursor: 4 })
    expect(journal.page({ after: 4 })).toEqual({ entries: [5], cursor: 5 })
    expect(journal.page({ after: 5 })).toEqual({ entries: [], cursor: 5 })
    // A cursor older than what is kept starts from the oldest kept.
    expect(journal.page({ after: 1, limit: 1 })).toEqual({ entries: [3], cursor: 3 })
    journal.clear()
    expect(journal.page()).toEqual({ entries: [], cursor: null })
    journal.record(6)
    expect(journal.page({ after: 5 })).toEqual({ entries: [6], cursor: 6 })
  })

  it('numbers the last entry recorded, kept or not, across a clear', () => {
    const journal = createJournal<number>({ size: 1 })
    expect(journal.last).toBe(0)
    journal.record(1)
    journal.record(2)
    expect(journal.last).toBe(2)
    journal.clear()
    expect(journal.last).toBe(2)
    const none = createJournal<number>({ size: 0 })
    none.record(1)
    expect(none.last).toBe(1)
  })

  it('stays within both bounds under a long run', () => {
    const journal = createJournal<number>({ size: 50, bytes: 10_000 })
    for (let i = 0; i < 5000; i++) journal.record(i, (i % 7) * 100)
    const kept = journal.entries()
    expect(kept.length).toBeLessThanOrEqual(50)
    expect(kept.reduce((sum, i) => sum + (i % 7) * 100, 0)).toBeLessThanOrEqual(10_000)
    expect(kept.at(-1)).toBe(4999)
  })
})
