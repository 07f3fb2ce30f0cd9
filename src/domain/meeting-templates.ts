/**
 * Templates that prepare a meeting's notes: a dialogue round gives each attending group its
 * own section (our work, plans, difficulties, what we need from the network), a workshop its
 * topic, what was learnt and follow-ups, and blank nothing. The headings come in the reader's
 * language; the notes are plain text anyone can change.
 */
export const TEMPLATES = ['blank', 'dialogue-round', 'workshop'] as const
export type TemplateId = (typeof TEMPLATES)[number]

export interface TemplateLabels {
  readonly ourWork: string
  readonly plans: string
  readonly difficulties: string
  readonly needs: string
  readonly topic: string
  readonly learnt: string
  readonly followUps: string
}

export const isTemplateId = (value: unknown): value is TemplateId =>
  typeof value === 'string' && (TEMPLATES as readonly string[]).includes(value)

export function templateNotes(
  template: TemplateId,
  groupNames: readonly string[],
  labels: TemplateLabels,
): string {
  if (template === 'workshop')
    return [labels.topic, '', labels.learnt, '', labels.followUps, ''].map(line).join('\n')
  if (template === 'dialogue-round') {
    const questions = [labels.ourWork, labels.plans, labels.difficulties, labels.needs]
    return groupNames
      .map((name) => [`== ${name} ==`, ...questions.map((q) => `${q}: `), ''].join('\n'))
      .join('\n')
  }
  return ''
}

const line = (text: string) => (text === '' ? '' : `${text}:`)
