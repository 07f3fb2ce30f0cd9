/**
 * A space's own meeting templates, a collection like any other: each a nested Y.Map with its
 * name and notes (one atomic string each: a template is a copy of notes, not a place people
 * type together), soft-deleted so a delete on one phone never eats a rename on another and can
 * be undone. Readers skip what a peer stored malformed and count it.
 */
import {
  TEMPLATE_NAME_MAX,
  TEMPLATE_NOTES_MAX,
  validateSavedTemplate,
  type SavedTemplate,
  type SavedTemplateError,
  type SavedTemplateId,
} from '../domain/meeting-templates'
import { fail, ok, type Result } from '../domain/result'
import { createCollection } from './collection'
import type { Fields } from './read'
import { ROOT, type SpaceDoc } from './schema'

export type SaveTemplateResult = Result<SavedTemplateId, SavedTemplateError>

function read(id: string, fields: Fields, meta: SavedTemplate): SavedTemplate | undefined {
  const name = fields.get('name')
  const notes = fields.get('notes')
  // Too long is refused, not cut: a cut template would silently lose its end.
  if (typeof name !== 'string' || name.trim() === '' || name.length > TEMPLATE_NAME_MAX)
    return undefined
  if (typeof notes !== 'string' || notes.length > TEMPLATE_NOTES_MAX) return undefined
  return {
    ...meta,
    id: id as SavedTemplateId,
    name: name.trim(),
    notes,
  }
}

export function createTemplateStore(doc: SpaceDoc, now?: () => number) {
  const templates = createCollection<SavedTemplate>(doc, {
    root: ROOT.templates,
    read: (id, fields, meta) => read(id, fields, meta as SavedTemplate),
    compare: (a, b) => a.name.localeCompare(b.name),
    ...(now ? { now } : {}),
  })
  return {
    subscribe: templates.subscribe,
    getSnapshot: templates.getSnapshot,
    /** Saves notes under a new name; an invalid name or empty notes change nothing. */
    saveTemplate(name: string, notes: string): SaveTemplateResult {
      const error = validateSavedTemplate(name, notes, templates.getSnapshot().items)
      if (error) return fail(error)
      return ok(templates.add({ name: name.trim(), notes }))
    },
    /** Two phones may save the same name while apart: both are kept, nothing is lost. */
    deleteTemplate: (id: SavedTemplateId) => templates.softDelete(id),
    restoreTemplate: (id: SavedTemplateId) => templates.restore(id),
    purgeDeleted: () => templates.purgeDeleted(),
  }
}

export type TemplateStore = ReturnType<typeof createTemplateStore>
