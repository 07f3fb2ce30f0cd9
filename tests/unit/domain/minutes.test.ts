import { describe, expect, it } from 'vitest'
import type { Meeting, MeetingId } from '../../../src/domain/meeting'
import { escapeMarkdown, minutesMarkdown, type MinutesLabels } from '../../../src/domain/minutes'

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
}

describe('minutes as Markdown', () => {
  it("lays out the meeting with the notes' own headings, and nothing typed becomes a link or a list", () => {
    const md = minutesMarkdown(meeting, {
      when: '12 Mar 2026, 18:30',
      kind: 'Dialogue space',
      groupNames: ['Riverside Pantry'],
      notes: '- not a list\n## Riverside Pantry\n#not a heading',
      labels,
    })
    expect(md).toBe(
      [
        '# \\# March \\[dialogue\\](javascript:x)',
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
        '\\- not a list  \n### Riverside Pantry  \n\\#not a heading',
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
