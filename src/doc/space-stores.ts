/**
 * Everything the rest of the app may do with one space's document, behind plain stores.
 * session/ builds one of these per open space; features reach it through session hooks.
 */
import { createCriteriaStore, type CriteriaStore } from './criteria-store'
import { createGroupStore, type GroupStore, type GroupStoreOptions } from './group-store'
import { createMediaStore, type MediaStore } from './media-store'
import { createMeetingStore, type MeetingStore } from './meeting-store'
import { createProposalStore, type ProposalStore } from './proposal-store'
import { createSkillStore, type SkillStore } from './skill-store'
import { createStipendStore, type StipendStore } from './stipend-store'
import { createTemplateStore, type TemplateStore } from './template-store'
import { createSpaceDoc, initialiseSchema, type SpaceDoc } from './schema'

export interface SpaceStores {
  readonly doc: SpaceDoc
  readonly groups: GroupStore
  readonly criteria: CriteriaStore
  readonly meetings: MeetingStore
  /** Proposals and polls, at meetings or standing alone. */
  readonly proposals: ProposalStore
  readonly stipends: StipendStore
  readonly skills: SkillStore
  /** The space's own meeting templates. */
  readonly templates: TemplateStore
  /** Records of photos and voice notes (their bytes are kept outside the document). */
  readonly media: MediaStore
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
  const meetings = createMeetingStore(doc, options.now, options.author)
  const skills = createSkillStore(doc, options.now, options.author)
  const templates = createTemplateStore(doc, options.now)
  const proposals = createProposalStore(doc, options.now)
  const media = createMediaStore(doc, options.now, options.author)
  return {
    doc,
    groups,
    criteria: createCriteriaStore(doc, options.now),
    meetings,
    proposals,
    stipends: createStipendStore(doc, options.now),
    skills,
    templates,
    media,
    trashCount: () =>
      groups.getSnapshot().trash.length +
      meetings.getSnapshot().trash.length +
      skills.trashCount() +
      templates.getSnapshot().trash.length +
      proposals.getSnapshot().trash.length +
      media.getSnapshot().trash.length,
    emptyTrash: () =>
      groups.purgeDeletedGroups() +
      meetings.purgeDeleted() +
      skills.purgeDeleted() +
      templates.purgeDeleted() +
      proposals.purgeDeleted() +
      media.purgeDeleted(),
  }
}

export { createSpaceDoc, initialiseSchema }
export type { SpaceDoc }
