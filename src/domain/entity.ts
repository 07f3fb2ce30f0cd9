/**
 * What every entity inside a space has. Deletion is soft (`deletedAt`) so that a delete
 * on one device never silently eats an edit made concurrently on another, and can be undone.
 */
export interface EntityMeta<Id extends string = string> {
  readonly id: Id
  readonly createdAt: number
  readonly updatedAt: number
  readonly deletedAt?: number
}

export const isDeleted = (entity: EntityMeta): boolean => entity.deletedAt !== undefined

/** Freeze in development so an accidental mutation of a snapshot fails loudly. */
export function frozen<T extends object>(value: T): T {
  return import.meta.env.DEV ? Object.freeze(value) : value
}
