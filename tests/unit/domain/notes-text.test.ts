import { describe, expect, it } from 'vitest'
import { earlyEdit, firstGapOffset, textChange } from '../../../src/domain/notes-text'

const apply = (text: string, change: { from: number; to: number; insert: string } | undefined) =>
  change ? text.slice(0, change.from) + change.insert + text.slice(change.to) : text

describe('where typing starts in prepared notes', () => {
  it('is the end of the first empty line or question line', () => {
    expect(firstGapOffset('## Riverside\nQuestion: \nmore')).toBe('## Riverside\nQuestion: '.length)
    expect(firstGapOffset('Title\n\nrest')).toBe('Title\n'.length)
    expect(firstGapOffset('')).toBe(0)
    expect(firstGapOffset('all filled in')).toBeUndefined()
  })
})

describe('what was typed before the notes editor loaded', () => {
  it('is one change from the text it started from', () => {
    expect(textChange('ab', 'ab')).toBeUndefined()
    expect(textChange('Hello world', 'Hello big world')).toEqual({ from: 6, to: 6, insert: 'big ' })
    expect(textChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' })
    expect(textChange('one two', 'one')).toEqual({ from: 3, to: 7, insert: '' })
  })

  it('goes into untouched notes exactly as typed, caret kept', () => {
    const early = { base: 'Agenda:\n', typed: 'Agenda: hall booked\n', cursor: 19 }
    const { change, cursor } = earlyEdit('Agenda:\n', early)
    expect(apply('Agenda:\n', change)).toBe('Agenda: hall booked\n')
    expect(cursor).toBe(19)
  })

  it('adds what was typed without removing what someone else wrote meanwhile', () => {
    const early = { base: 'one two', typed: 'one', cursor: 3 }
    // a deletion against changed notes is not applied: the other person's words stay
    expect(apply('one two three', earlyEdit('one two three', early).change)).toBe('one two three')
    const typed = { base: '', typed: 'Seed swap', cursor: 9 }
    const { change, cursor } = earlyEdit('From Ben', typed)
    const result = apply('From Ben', change)
    expect(result).toContain('Seed swap')
    expect(result).toContain('From Ben')
    expect(result.slice(cursor - 9, cursor)).toBe('Seed swap')
  })
})
