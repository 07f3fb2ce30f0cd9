/**
 * Everything the rest of the app may do with one space's document, behind plain stores.
 * session/ builds one of these per open space; features reach it through session hooks.
 */
import { createCriteriaStore, type CriteriaStore } from './criteria-store'
import { createGroupStore, type GroupStore, type GroupStoreOptions } from './group-store'
import { createSpaceDoc, initialiseSchema, type SpaceDoc } from './schema'

export interface SpaceStores {
  readonly doc: SpaceDoc
  readonly groups: GroupStore
  readonly criteria: CriteriaStore
  /** Counts of soft-deleted entities, for "empty the trash". */
  trashCount(): number
  /** Removes every soft-deleted entity for good. Returns how many. */
  emptyTrash(): number
}

export function createSpaceStores(
  doc: SpaceDoc = createSpaceDoc(),
  options: GroupStoreOptions = {},
): SpaceStores {
  const groups = createGroupStore(doc, options)
  return {
    doc,
    groups,
    criteria: createCriteriaStore(doc, options.now),
    trashCount: () => groups.getSnapshot().trash.length,
    emptyTrash: () => groups.purgeDeletedGroups(),
  }
}

export { createSpaceDoc, initialiseSchema }
export type { SpaceDoc }
