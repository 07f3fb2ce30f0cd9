import { describe, expect, it } from 'vitest'
import {
  createSearchCache,
  filterMeetings,
  isLocalDateTime,
  openActions,
  orderAt,
  splitByTime,
  validateMeetingFields,
  type Meeting,
  type MeetingId,
} from '../../../src/domain/meeting'

const meeting = (id: string, startsAt: string, actions: Meeting['actions'] = []): Meeting => ({
  id: id as MeetingId,
  createdAt: 1,
  updatedAt: 1,
  title: id,
  kind: 'dialogue',
  startsAt,
  timeZone: '',
  place: '',
  facilitator: '',
  noteTaker: '',
  groupIds: [],
  people: [],
  hasNotes: true,
  agenda: [],
  removedAgenda: [],
  decisions: [],
  actions,
  rsvps: [],
})
const action = (what: string, who: string, due: string, done = false) => ({
  id: what,
  what,
  who,
  due,
  done,
  createdAt: 1,
})

describe('meetings, as rules', () => {
  it('accepts real dates only, and web links only for a place that is a link', () => {
    expect(isLocalDateTime('2026-02-28T23:59')).toBe(true)
    expect(isLocalDateTime('2026-02-29T10:00')).toBe(false)
    expect(isLocalDateTime('2026-13-01T10:00')).toBe(false)
    const base = {
      title: 'Dialogue',
      kind: 'dialogue' as const,
      startsAt: '2026-03-01T18:00',
      place: 'https://call.example.org/x',
      facilitator: '',
      noteTaker: '',
      groupIds: [],
      people: [],
    }
    expect(validateMeetingFields(base)).toEqual({})
    expect(validateMeetingFields({ ...base, place: 'javascript:alert(1)' })).toEqual({
      place: 'link-not-web',
    })
    expect(validateMeetingFields({ ...base, title: ' ', startsAt: '' })).toEqual({
      title: 'title-required',
      startsAt: 'date-invalid',
    })
  })

  it('lists upcoming meetings soonest first and past ones most recent first', () => {
    const all = [
      meeting('a', '2026-01-10T10:00'),
      meeting('b', '2026-05-10T10:00'),
      meeting('c', '2026-03-10T10:00'),
      meeting('d', '2025-12-10T10:00'),
    ]
    const { upcoming, past } = splitByTime(all, '2026-02-01T00:00')
    expect(upcoming.map((m) => m.id)).toEqual(['c', 'b'])
    expect(past.map((m) => m.id)).toEqual(['a', 'd'])
  })

  it('lists open actions overdue first, then by date, undated last, and filters by who', () => {
    const all = [
      meeting('m1', '2026-01-10T10:00', [
        action('call the council', 'Ana', '2026-01-20'),
        action('book the hall', 'Riverside Pantry', ''),
        action('done already', 'Ana', '2026-01-01', true),
      ]),
      meeting('m2', '2026-02-10T10:00', [action('send minutes', 'Ben', '2026-03-01')]),
    ]
    const rows = openActions(all, '2026-02-15')
    expect(rows.map((r) => [r.action.what, r.overdue])).toEqual([
      ['call the council', true],
      ['send minutes', false],
      ['book the hall', false],
    ])
    expect(openActions(all, '2026-02-15', 'ana').map((r) => r.action.what)).toEqual([
      'call the council',
    ])
  })

  it('finds an order between neighbours, before the first and after the last', () => {
    const items = [{ order: 1 }, { order: 2 }, { order: 3 }]
    expect(orderAt(items, 0)).toBe(0)
    expect(orderAt(items, 1)).toBe(1.5)
    expect(orderAt(items, 3)).toBe(4)
    expect(orderAt([], 0)).toBe(0)
  })

  it('finds meetings by any word in their title, notes, decisions or actions, with filters', () => {
    const all = [
      { ...meeting('Reunión de marzo', '2026-03-01T18:00'), groupIds: ['g1'] },
      {
        ...meeting('Workshop', '2026-04-01T18:00', [action('Book the hall', 'Ana', '')]),
        kind: 'workshop' as const,
      },
    ]
    const notes = (m: Meeting) => (m.title === 'Workshop' ? 'We learnt about ledgers' : '')
    const find = (query: string, kind: '' | 'workshop' = '', groupId = '') =>
      filterMeetings(all, { query, kind, groupId }, notes).map((m) => m.title)
    expect(find('reunion')).toEqual(['Reunión de marzo']) // accents forgiven
    expect(find('LEDGERS')).toEqual(['Workshop'])
    expect(find('hall ana')).toEqual(['Workshop'])
    expect(find('hall bob')).toEqual([])
    expect(find('', 'workshop')).toEqual(['Workshop'])
    expect(find('', '', 'g1')).toEqual(['Reunión de marzo'])
  })

  it('folds each meeting once for many searches, and again when its notes change', () => {
    const all = [meeting('Workshop', '2026-04-01T18:00')]
    let notes = 'We learnt about ledgers'
    let asked = 0
    const notesOf = () => {
      asked++
      return notes
    }
    const cache = createSearchCache()
    const find = (query: string) =>
      filterMeetings(all, { query, kind: '', groupId: '' }, notesOf, cache).length
    expect(find('ledgers')).toBe(1)
    expect(find('learnt ledgers')).toBe(1)
    notes = 'We learnt about compost'
    expect(find('ledgers')).toBe(0) // the new notes, not the folded old ones
    expect(find('COMPOST')).toBe(1)
    expect(asked).toBe(4)
  })
})
