/**
 * What a new meeting's notes start from: a ready-made template (blank, dialogue round,
 * workshop) or one the space saved. One string value, so a single <select> offers both.
 */
import {
  isTemplateId,
  templateNotes,
  type SavedTemplate,
  type TemplateId,
  type TemplateLabels,
} from '../../domain/meeting-templates'

export type TemplateChoice = TemplateId | `saved:${string}`

const SAVED = 'saved:'

export const savedChoice = (template: Pick<SavedTemplate, 'id'>): TemplateChoice =>
  `${SAVED}${template.id}`

export function isTemplateChoice(value: string): value is TemplateChoice {
  return isTemplateId(value) || (value.startsWith(SAVED) && value.length > SAVED.length)
}

/**
 * The notes a new meeting starts with. A saved template deleted on another phone while the
 * form was open gives blank notes rather than an error: the meeting is still made.
 */
export function notesForChoice(
  choice: TemplateChoice,
  saved: ReadonlyMap<string, SavedTemplate>,
  groupNames: readonly string[],
  labels: TemplateLabels,
): string {
  if (isTemplateId(choice)) return templateNotes(choice, groupNames, labels)
  return saved.get(choice.slice(SAVED.length))?.notes ?? ''
}
