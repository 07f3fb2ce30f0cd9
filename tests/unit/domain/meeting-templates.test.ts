import { describe, expect, it } from 'vitest'
import {
  templateNotes,
  TEMPLATE_NAME_MAX,
  TEMPLATE_NOTES_MAX,
  validateSavedTemplate,
  type TemplateLabels,
} from '../../../src/domain/meeting-templates'

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
        '## Riverside Pantry',
        'Our work: ',
        'Plans: ',
        'Difficulties: ',
        'What we need from the network: ',
        '',
        '## Seed Library',
        'Our work: ',
        'Plans: ',
        'Difficulties: ',
        'What we need from the network: ',
        '',
      ].join('\n'),
    )
  })

  it('give a dialogue round without groups one round of questions, and keep a heading on one line', () => {
    expect(templateNotes('dialogue-round', [], labels)).toBe(
      'Our work: \nPlans: \nDifficulties: \nWhat we need from the network: \n',
    )
    expect(templateNotes('dialogue-round', ['Seed\nLibrary'], labels)).toMatch(/^## Seed Library\n/)
  })

  it('prepare a workshop, and leave blank notes blank', () => {
    expect(templateNotes('workshop', ['ignored'], labels)).toBe(
      '## Topic\n\n## What we learnt\n\n## Follow-ups\n\n',
    )
    expect(templateNotes('blank', ['Riverside Pantry'], labels)).toBe('')
  })

  it('refuse a saved template without a name, with a name in use, or without notes', () => {
    const existing = [{ name: 'Reunión mensual' }]
    const check = (name: string, notes = 'Round of news:') =>
      validateSavedTemplate(name, notes, existing)
    expect(check('Our round')).toBeUndefined()
    expect(check('   ')).toBe('name-required')
    expect(check('x'.repeat(TEMPLATE_NAME_MAX + 1))).toBe('name-too-long')
    expect(check(' reunion MENSUAL ')).toBe('name-taken') // case and accents do not count
    expect(check('Our round', ' \n ')).toBe('notes-empty')
    expect(check('Our round', 'x'.repeat(TEMPLATE_NOTES_MAX + 1))).toBe('notes-too-long')
  })
})
