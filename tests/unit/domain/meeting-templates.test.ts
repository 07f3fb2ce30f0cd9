import { describe, expect, it } from 'vitest'
import { templateNotes, type TemplateLabels } from '../../../src/domain/meeting-templates'

const labels: TemplateLabels = {
  ourWork: 'Our work',
  plans: 'Plans',
  difficulties: 'Difficulties',
  needs: 'What we need from the network',
  topic: 'Topic',
  learnt: 'What we learnt',
  followUps: 'Follow-ups',
}

describe('meeting templates', () => {
  it('give each group of a dialogue round its own section, in the order chosen', () => {
    expect(templateNotes('dialogue-round', ['Riverside Pantry', 'Seed Library'], labels)).toBe(
      [
        '== Riverside Pantry ==',
        'Our work: ',
        'Plans: ',
        'Difficulties: ',
        'What we need from the network: ',
        '',
        '== Seed Library ==',
        'Our work: ',
        'Plans: ',
        'Difficulties: ',
        'What we need from the network: ',
        '',
      ].join('\n'),
    )
  })

  it('prepare a workshop, and leave blank notes blank', () => {
    expect(templateNotes('workshop', ['ignored'], labels)).toBe(
      'Topic:\n\nWhat we learnt:\n\nFollow-ups:\n',
    )
    expect(templateNotes('blank', ['Riverside Pantry'], labels)).toBe('')
  })
})
