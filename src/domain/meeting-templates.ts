/**
 * Templates that prepare a meeting's notes: a dialogue round gives each attending group its
 * own section (our work, plans, difficulties, what we need from the network), a workshop its
 * topic, what was learnt and follow-ups, and blank nothing. The headings come in the reader's
 * language; the notes are plain text anyone can change. A heading is a line starting with "## ",
 * as in Markdown: the minutes turn it into a heading, and anyone can type one.
 */
import type { EntityMeta } from './entity'
import type { Brand } from './ids'
import { fold } from './meeting'

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
    return [labels.topic, labels.learnt, labels.followUps].map((h) => `${heading(h)}\n\n`).join('')
  if (template === 'dialogue-round') {
    const questions = [labels.ourWork, labels.plans, labels.difficulties, labels.needs]
    const section = (name?: string) =>
      [...(name ? [heading(name)] : []), ...questions.map((q) => `${q}: `), ''].join('\n')
    // no groups chosen yet: one round of questions, so the notes still start ready to fill
    return groupNames.length === 0 ? section() : groupNames.map(section).join('\n')
  }
  return ''
}

/** A Markdown heading of the second level, on one line whatever the name holds. */
export const heading = (text: string) => `## ${text.replace(/\s+/g, ' ').trim()}`

/**
 * A space's own templates: notes a space wrote once and wants to start from again (its own
 * round of questions, its own workshop outline). Kept in the space, so every member gets them.
 */
export type SavedTemplateId = Brand<string, 'SavedTemplateId'>

export interface SavedTemplate extends EntityMeta<SavedTemplateId> {
  readonly name: string
  /** The notes a new meeting starts from, as plain text. */
  readonly notes: string
}

export const TEMPLATE_NAME_MAX = 80
/** Generous for an outline, small enough that a space of templates stays light to sync. */
export const TEMPLATE_NOTES_MAX = 20_000

export type SavedTemplateError =
  'name-required' | 'name-too-long' | 'name-taken' | 'notes-empty' | 'notes-too-long'

/** Names compared as people read them: case and accents do not make a different template. */
const sameName = (a: string, b: string) => fold(a.trim()) === fold(b.trim())

/** Why a template cannot be saved under `name` with `notes`, or undefined if it can. */
export function validateSavedTemplate(
  name: string,
  notes: string,
  existing: readonly Pick<SavedTemplate, 'name'>[],
): SavedTemplateError | undefined {
  const clean = name.trim()
  if (clean === '') return 'name-required'
  if (clean.length > TEMPLATE_NAME_MAX) return 'name-too-long'
  if (existing.some((t) => sameName(t.name, clean))) return 'name-taken'
  if (notes.trim() === '') return 'notes-empty'
  if (notes.length > TEMPLATE_NOTES_MAX) return 'notes-too-long'
  return undefined
}
