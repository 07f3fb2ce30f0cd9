/**
 * Groups of the network: the only place that knows how a group is stored in Yjs (the layout is
 * in group-fields.ts). Commands write only what changed, each in one transaction, and stamp
 * who changed the profile and when.
 */
import { CRITERION_NOTE_MAX, type CriterionAnswer, type CriterionId } from '../domain/criteria'
import {
  byName,
  groupFieldsOf,
  type Group,
  type GroupFields,
  type PersonFields,
  type PersonId,
  type Visibility,
  type VisibilityField,
} from '../domain/group'
import type { GroupId } from '../domain/ids'
import { newId } from '../domain/ids'
import { fail, type Result } from '../domain/result'
import { createCollection, nestedFields, REMOVE_FIELD, type CollectionSnapshot } from './collection'
import { groupPatch, KEY, personPatch, readGroup } from './group-fields'
import { ROOT, type SpaceDoc } from './schema'

export type GroupSnapshot = CollectionSnapshot<Group>

/** What a group command answers: done, no such group, or no such person in it. */
export type GroupResult = Result<void, 'not-found' | 'no-person'>

export interface GroupStoreOptions {
  /** The display name of whoever uses this device, recorded as who last changed a profile. */
  readonly author?: () => string
  readonly now?: () => number
}

export function createGroupStore(doc: SpaceDoc, options: GroupStoreOptions = {}) {
  const now = options.now ?? Date.now
  const author = options.author ?? (() => '')
  const groups = createCollection<Group>(doc, {
    root: ROOT.groups,
    compare: byName,
    now,
    read: (_id, fields, meta) => readGroup(fields, meta),
  })
  const stamp = () => ({ lastChange: { by: author().slice(0, 120), at: now() } })
  const current = (id: GroupId) => groups.getSnapshot().byId.get(id)

  /** Edits one group if it exists (live or in the trash). */
  function change(id: GroupId, patch: Parameters<typeof groups.update>[1]): GroupResult {
    if (!current(id)) return fail('not-found')
    return groups.update(id, { ...patch, ...stamp() })
  }
  const hasPerson = (id: GroupId, personId: PersonId, removed = false) =>
    (removed ? current(id)?.removedPeople : current(id)?.people)?.some((p) => p.id === personId)

  return {
    subscribe: groups.subscribe,
    getSnapshot: groups.getSnapshot,

    addGroup(fields: GroupFields): GroupId {
      return groups.add({ ...groupPatch(undefined, fields), ...stamp() })
    },

    /**
     * Writes the fields given, compared with the stored group, so a concurrent edit of another
     * field survives. Lists (activities, languages) given here replace the stored ones.
     */
    updateGroup(id: GroupId, patch: Partial<GroupFields>): GroupResult {
      const group = current(id)
      if (!group) return fail('not-found')
      const before = groupFieldsOf(group)
      return change(id, groupPatch(before, { ...before, ...patch }))
    },

    /**
     * What a profile form calls: writes only what the person changed between the values the
     * form opened with (`before`) and what it holds now (`after`). A field someone else changed
     * meanwhile, on another device, is left as they made it unless this person changed it too.
     */
    updateGroupFrom(id: GroupId, before: GroupFields, after: GroupFields): GroupResult {
      return change(id, groupPatch(before, after))
    },

    setVisibility(id: GroupId, field: VisibilityField, visibility: Visibility): GroupResult {
      return change(id, { [KEY.visibility + field]: visibility })
    },

    /** Adds a person to the group; undefined when the group does not exist. */
    addPerson(id: GroupId, fields: PersonFields): PersonId | undefined {
      const personId = newId<'PersonId'>()
      const person = nestedFields({ ...personPatch(fields), addedAt: now() })
      return change(id, { [KEY.person + personId]: person }).ok ? personId : undefined
    },

    updatePerson(id: GroupId, personId: PersonId, patch: Partial<PersonFields>): GroupResult {
      if (!hasPerson(id, personId)) return fail(current(id) ? 'no-person' : 'not-found')
      return change(id, { [KEY.person + personId]: nestedFields(personPatch(patch)) })
    },

    /** Soft: an edit of the person made at the same time elsewhere is not lost, and it can be undone. */
    removePerson(id: GroupId, personId: PersonId): GroupResult {
      if (!hasPerson(id, personId)) return fail(current(id) ? 'no-person' : 'not-found')
      return change(id, { [KEY.person + personId]: nestedFields({ removedAt: now() }) })
    },

    restorePerson(id: GroupId, personId: PersonId): GroupResult {
      if (!hasPerson(id, personId, true)) return fail(current(id) ? 'no-person' : 'not-found')
      return change(id, { [KEY.person + personId]: nestedFields({ removedAt: REMOVE_FIELD }) })
    },

    answerCriterion(id: GroupId, criterionId: CriterionId, answer: CriterionAnswer): GroupResult {
      const stored = {
        answer: answer.answer,
        note: answer.note.trim().slice(0, CRITERION_NOTE_MAX),
      }
      return change(id, { [KEY.criterion + criterionId]: stored })
    },

    clearCriterionAnswer(id: GroupId, criterionId: CriterionId): GroupResult {
      return change(id, { [KEY.criterion + criterionId]: REMOVE_FIELD })
    },

    deleteGroup: (id: GroupId) => groups.softDelete(id),
    restoreGroup: (id: GroupId) => groups.restore(id),
    purgeDeletedGroups: () => groups.purgeDeleted(),
  }
}

export type GroupStore = ReturnType<typeof createGroupStore>
