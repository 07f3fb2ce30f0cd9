import { describe, expect, it } from 'vitest'
import type { Meeting, MeetingId } from '../../../src/domain/meeting'
import {
  escapeMarkdown,
  formatDueDate,
  minutesMarkdown,
  minutesText,
  type MinutesLabels,
} from '../../../src/domain/minutes'

const labels: MinutesLabels = {
  date: 'Date',
  kind: 'Kind',
  place: 'Place',
  facilitator: 'Facilitator',
  noteTaker: 'Note-taker',
  groups: 'Groups',
  people: 'People',
  agenda: 'Agenda',
  notes: 'Notes',
  decisions: 'Decisions',
  actions: 'Actions',
  method: (m) => m[0]!.toUpperCase() + m.slice(1),
  due: (d) => `by ${d}`,
}

const meeting: Meeting = {
  id: 'm1' as MeetingId,
  createdAt: 1,
  updatedAt: 1,
  title: '# March [dialogue](javascript:x)',
  kind: 'dialogue',
  startsAt: '2026-03-12T18:30',
  timeZone: '',
  place: 'Hall',
  facilitator: 'Ana',
  noteTaker: '',
  groupIds: [],
  people: ['Ana', 'Ben'],
  hasNotes: true,
  agenda: [{ id: 'a1' as never, text: 'News', order: 1 }],
  removedAgenda: [],
  decisions: [{ id: 'd1', text: 'Join', method: 'consent', outcome: 'agreed', createdAt: 1 }],
  actions: [
    { id: 'x1', what: 'Book the hall', who: 'Ben', due: '2026-03-20', done: true, createdAt: 1 },
  ],
  rsvps: [],
}

describe('minutes as Markdown', () => {
  it('lays out the meeting; notes headings stay headings, other typed text cannot become markup', () => {
    const md = minutesMarkdown(meeting, {
      when: '12 Mar 2026, 18:30',
      kind: 'Dialogue space',
      groupNames: ['Riverside Pantry'],
      notes: '- not a list\n## Riverside Pantry\nAsked for help',
      labels,
    })
    expect(md).toBe(
      [
        '# \\# March \\[dialogue\\](javascript\\:x)',
        '',
        '- **Date:** 12 Mar 2026, 18:30',
        '- **Kind:** Dialogue space',
        '- **Place:** Hall',
        '- **Facilitator:** Ana',
        '- **Groups:** Riverside Pantry',
        '- **People:** Ana, Ben',
        '',
        '## Agenda',
        '',
        '1. News',
        '',
        '## Notes',
        '',
        '\\- not a list',
        '',
        '### Riverside Pantry',
        '',
        'Asked for help',
        '',
        '## Decisions',
        '',
        '- Join (Consent, agreed)',
        '',
        '## Actions',
        '',
        '- [x] Book the hall — Ben, by 2026-03-20',
        '',
      ].join('\n'),
    )
  })

  it('escapes what Markdown would act on, and leaves plain punctuation readable', () => {
    expect(escapeMarkdown('*a* _b_ `c` <d> ![e](f) | h ~i~')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\<d\\> !\\[e\\](f) \\| h \\~i\\~',
    )
    expect(escapeMarkdown('12. June: 3.5 hours - see notes')).toBe(
      '12\\. June: 3.5 hours - see notes',
    )
    expect(escapeMarkdown('+ extra')).toBe('\\+ extra')
  })
})

const extras = {
  when: '12 Mar 2026, 18:30',
  kind: 'Dialogue space',
  network: 'Leeds Network',
  groupNames: ['Riverside Pantry'],
  labels,
}

describe('hostile notes in the Markdown export', () => {
  const hostile = [
    '[click](javascript:alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<javascript:alert(1)>',
    '[ref]: javascript:alert(1)',
    '![x](data:text/html;base64,PHNjcmlwdD4=)',
    '&#60;script&#62;alert(1)&#60;/script&#62;',
    'javascript:alert(document.cookie)',
    'before\r<iframe src="javascript:alert(1)">',
    'line\u2028# heading',
    '```\ncode\n```',
    'Title\n===',
  ]
  for (const notes of hostile) {
    it(`neutralises ${JSON.stringify(notes)}`, () => {
      const md = minutesMarkdown({ ...meeting, title: notes }, { ...extras, notes })
      // no raw tag, no link or image syntax, no character reference, no live scheme
      expect(md).not.toMatch(/(^|[^\\])</)
      expect(md).not.toMatch(/(^|[^\\])\]\(/)
      expect(md).not.toMatch(/(^|[^\\])&#/)
      expect(md).not.toMatch(/(javascript|data)\s*:/i)
      expect(md).not.toMatch(/(^|\n)```/)
      expect(md).not.toMatch(/\r|\u2028/)
      expect(md).not.toMatch(/\n===/)
    })
  }

  it('keeps the words readable: only a backslash is added', () => {
    const md = minutesMarkdown(meeting, { ...extras, notes: 'see javascript: the language' })
    expect(md).toContain('see javascript\\: the language')
  })
})

describe('minutes as text for the share sheet', () => {
  it('reads as minutes: network, title, facts, headings, decisions and actions, no markup', () => {
    const text = minutesText(
      { ...meeting, title: 'March dialogue round' },
      { ...extras, notes: '## Riverside Pantry\nAsked for *help*\n## Chapeltown Cooks\nFine' },
    )
    expect(text).toBe(
      [
        'Leeds Network',
        'March dialogue round',
        'Date: 12 Mar 2026, 18:30',
        'Kind: Dialogue space',
        'Place: Hall',
        'Facilitator: Ana',
        'Groups: Riverside Pantry',
        'People: Ana, Ben',
        '',
        'Agenda',
        '1. News',
        '',
        'Notes',
        '',
        'Riverside Pantry',
        'Asked for *help*',
        '',
        'Chapeltown Cooks',
        'Fine',
        '',
        'Decisions',
        '• Join (Consent, agreed)',
        '',
        'Actions',
        '☑ Book the hall — Ben, by 2026-03-20',
        '',
      ].join('\n'),
    )
  })
})

describe("due dates in the reader's language", () => {
  it('shows the weekday, day and month, and the year only when it is another year', () => {
    expect(formatDueDate('2026-12-18', 'en-GB', 2026)).toBe('Fri 18 Dec')
    expect(formatDueDate('2027-01-08', 'en-GB', 2026)).toMatch(/^Fri,? 8 Jan 2027$/)
    expect(formatDueDate('2026-12-18', 'ar', 2026)).not.toMatch(/2026|12-18/)
    expect(formatDueDate('soon', 'en', 2026)).toBe('soon')
    expect(formatDueDate('2026-02-31', 'en', 2026)).toBe('2026-02-31')
  })
})
