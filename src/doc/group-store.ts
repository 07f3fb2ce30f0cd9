/**
 * Groups of the network: the only place that knows how a group is stored in Yjs.
 */
import {
  byName,
  GROUP_NAME_MAX,
  GROUP_SUMMARY_MAX,
  type Group,
  type GroupFields,
} from '../domain/group'
import type { GroupId } from '../domain/ids'
import { createCollection, type CollectionSnapshot } from './collection'
import { readString } from './read'
import { ROOT, type SpaceDoc } from './schema'

export type GroupSnapshot = CollectionSnapshot<Group>

export function createGroupStore(doc: SpaceDoc) {
  const groups = createCollection<Group>(doc, {
    root: ROOT.groups,
    compare: byName,
    read(_id, fields, meta) {
      const name = readString(fields, 'name', GROUP_NAME_MAX)?.trim()
      if (!name) return undefined // a group without a name is not a group
      return {
        ...meta,
        id: meta.id as GroupId,
        name,
        summary: readString(fields, 'summary', GROUP_SUMMARY_MAX) ?? '',
      }
    },
  })

  return {
    subscribe: groups.subscribe,
    getSnapshot: groups.getSnapshot,
    addGroup(fields: GroupFields): GroupId {
      return groups.add({ name: fields.name.trim(), summary: fields.summary.trim() })
    },
    /** Writes only the fields given, so a concurrent edit of another field survives. */
    updateGroup(id: GroupId, patch: Partial<GroupFields>): boolean {
      return groups.update(id, {
        name: patch.name?.trim(),
        summary: patch.summary?.trim(),
      })
    },
    deleteGroup: (id: GroupId) => groups.softDelete(id),
    restoreGroup: (id: GroupId) => groups.restore(id),
    purgeDeletedGroups: () => groups.purgeDeleted(),
  }
}

export type GroupStore = ReturnType<typeof createGroupStore>
