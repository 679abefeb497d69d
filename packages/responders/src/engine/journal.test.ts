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
