import { describe, expect, it } from 'vitest'
import { exampleMeetings } from '../../../src/domain/example-meetings'
import { isDueDate, validateMeetingFields } from '../../../src/domain/meeting'
import { noteHeading } from '../../../src/domain/minutes'

const names = ['Riverside Food Co-op', 'Hillside Tenants Union', 'Common Hours Timebank', 'Green']
const today = new Date(2026, 11, 4)

describe('the example network’s meetings', () => {
  it('has a past dialogue round with notes under group headings, decisions, actions and people', () => {
    const [round, workshop] = exampleMeetings('en', names, today)
    expect(round?.startsAt).toBe('2026-11-24T18:30')
    expect(round?.notes.split('\n').flatMap((line) => noteHeading(line) ?? [])).toEqual(
      names.slice(0, 3),
    )
    expect(round?.decisions.length).toBeGreaterThan(0)
    expect(round?.actions.every((a) => a.who !== '' && isDueDate(a.due) && a.due !== '')).toBe(true)
    expect(round?.people.length).toBeGreaterThan(0)
    expect(workshop).toMatchObject({ kind: 'workshop', startsAt: '2026-12-18T10:00' })
  })

  it('is valid meeting data in every language it is written in, and reads the language', () => {
    for (const language of ['en', 'es', 'ar', 'ur', 'pl']) {
      for (const m of exampleMeetings(language, names, today)) {
        expect(validateMeetingFields({ ...m, groupIds: [] })).toEqual({})
      }
    }
    expect(exampleMeetings('ar', names, today)[0]?.title).toMatch(/[\u0600-\u06ff]/)
    expect(exampleMeetings('pl', names, today)[0]?.title).toMatch(/^Dialogue round/)
  })
})
