/**
 * A group in the network. The full profile (place, activities, ESSGlobal terms, contacts)
 * grows from here; every field is optional except the name so a half-filled profile is valid.
 */
import type { EntityMeta } from './entity'
import type { GroupId } from './ids'

export interface Group extends EntityMeta<GroupId> {
  readonly name: string
  readonly summary: string
}

export const GROUP_NAME_MAX = 120
export const GROUP_SUMMARY_MAX = 280

export type GroupFields = Pick<Group, 'name' | 'summary'>

export type GroupFieldError = 'name-required' | 'name-too-long' | 'summary-too-long'

/** Validates what a person typed; returns the errors per field (empty when valid). */
export function validateGroupFields(
  fields: GroupFields,
): Partial<Record<keyof GroupFields, GroupFieldError>> {
  const errors: Partial<Record<keyof GroupFields, GroupFieldError>> = {}
  const name = fields.name.trim()
  if (name === '') errors.name = 'name-required'
  else if (name.length > GROUP_NAME_MAX) errors.name = 'name-too-long'
  if (fields.summary.length > GROUP_SUMMARY_MAX) errors.summary = 'summary-too-long'
  return errors
}

export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
}
