/**
 * The skills map of a space: its vocabulary, each group's entries (offers and needs) and the
 * exchanges of time between groups.
 *
 * The vocabulary is stored flat in one root Y.Map, one key per value (`name:<id>`,
 * `category:<id>`, `mergedInto:<id>`, `removedAt:<id>`, `createdAt:<id>`), as the criteria
 * are: starter skills have fixed ids, and two devices renaming one at the same time must not
 * each create a container for it (one would be dropped). Starter skills are not written until
 * someone changes one. Entries and exchanges are collections with random ids.
 *
 * A merge writes one key, `mergedInto:<from>`; nothing is moved. Entries keep the skill they
 * were written with and are read through the merges (domain/skill-matching.ts), so entries
 * added elsewhere while the merge happened follow it, and a merge can be undone.
 */
import { frozen } from '../domain/entity'
import { newId } from '../domain/ids'
import { fail, ok, type Result } from '../domain/result'
import { resolveMerges } from '../domain/skill-matching'
import {
  isSkillCategory,
  SKILL_NAME_MAX,
  STARTER_SKILLS,
  validateExchange,
  validateSkillName,
  type EntryFields,
  type Exchange,
  type ExchangeError,
  type ExchangeFields,
  type Skill,
  type SkillCategory,
  type SkillEntry,
  type SkillId,
  type SkillNameError,
} from '../domain/skills'
import { createCollection } from './collection'
import { lastChangeStamp } from './last-change'
import { entryFields, readEntry, readExchange } from './skill-fields'
import { readId } from './read'
import { LOCAL, ROOT, type SpaceDoc } from './schema'

export interface SkillsSnapshot {
  /** Every skill: starters, added ones, merged and removed ones. */
  readonly all: readonly Skill[]
  readonly byId: ReadonlyMap<SkillId, Skill>
  readonly skipped: number
}

export type SkillResult = Result<SkillId, SkillNameError>
export type MergeResult = Result<void, 'same-skill' | 'unknown-skill'>
export type EntryResult = Result<string, SkillNameError | 'unknown-skill'>
export type ExchangeResult = Result<string, ExchangeError>
/** Done, or no such skill or entry ('not-found'; for a reset: not one of the starters). */
export type SkillChange = Result<void, 'not-found'>

const starters = new Map(STARTER_SKILLS.map((s) => [s.id as string, s]))

/**
 * `author` is this device's display name: offers and needs record who last changed them
 * (as groups do), so a space's home can say who changed what.
 */
export function createSkillStore(
  doc: SpaceDoc,
  now: () => number = Date.now,
  author: () => string = () => '',
) {
  const stamp = lastChangeStamp(author, now)
  const root = doc.getMap<unknown>(ROOT.skills)
  const listeners = new Set<() => void>()
  let snapshot: SkillsSnapshot | undefined
  root.observe(() => {
    snapshot = undefined // rebuilt on the next read
    for (const notify of listeners) notify()
  })

  const entries = createCollection<SkillEntry>(doc, {
    root: ROOT.skillEntries,
    read: (id, fields, meta) => readEntry(id, fields, meta as SkillEntry),
    compare: (a, b) => a.createdAt - b.createdAt,
    now,
  })
  const exchanges = createCollection<Exchange>(doc, {
    root: ROOT.exchanges,
    read: (id, fields, meta) => readExchange(id, fields, meta as Exchange),
    // newest first: the log reads like a diary
    compare: (a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.createdAt - a.createdAt),
    now,
  })

  const stored = (field: string, id: string) => root.get(`${field}:${id}`)

  function readSkill(id: string): Skill | undefined {
    const starter = starters.get(id)
    const name = stored('name', id)
    const category = stored('category', id)
    const mergedInto = readId(stored('mergedInto', id)) as SkillId | undefined
    const removedAt = stored('removedAt', id)
    const createdAt = stored('createdAt', id)
    const named =
      typeof name === 'string' && name.trim() !== ''
        ? name.trim().slice(0, SKILL_NAME_MAX)
        : undefined
    if (!named && !starter) return undefined
    return {
      id: id as SkillId,
      name: named ?? starter?.id.slice('skill-'.length) ?? '',
      category: isSkillCategory(category) ? category : (starter?.category ?? 'other'),
      createdAt: typeof createdAt === 'number' && createdAt >= 0 ? createdAt : 0,
      ...(!named && starter && { nameKey: starter.nameKey }),
      ...(mergedInto && mergedInto !== id && { mergedInto }),
      ...(typeof removedAt === 'number' && removedAt >= 0 && { removedAt }),
    }
  }

  function build(): SkillsSnapshot {
    const ids = new Set<string>(starters.keys())
    for (const key of root.keys()) {
      const id = readId(key.slice(key.indexOf(':') + 1))
      if (id) ids.add(id)
    }
    const all: Skill[] = []
    const byId = new Map<SkillId, Skill>()
    let skipped = 0
    for (const id of ids) {
      const skill = readSkill(id)
      if (!skill) {
        skipped++
        continue
      }
      byId.set(skill.id, frozen(skill))
      all.push(skill)
    }
    const order = (s: Skill) => starters.get(s.id)?.order ?? Number.MAX_SAFE_INTEGER
    all.sort((a, b) => order(a) - order(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    return frozen({ all: frozen(all), byId, skipped })
  }

  const getSnapshot = () => (snapshot ??= build())
  const exists = (id: SkillId) => getSnapshot().byId.has(id)
  const write = (values: Record<string, string | number | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) {
        if (root.has(key)) root.delete(key)
      } else if (root.get(key) !== value) root.set(key, value)
    }
  }
  const transact = (change: () => void) => doc.transact(change, LOCAL)

  function addSkill(name: string, category: SkillCategory): SkillResult {
    const error = validateSkillName(name)
    if (error) return fail(error)
    const id = newId<'SkillId'>()
    transact(() =>
      write({
        [`name:${id}`]: name.trim(),
        [`category:${id}`]: category,
        [`createdAt:${id}`]: now(),
      }),
    )
    return ok(id)
  }

  return {
    skills: {
      subscribe(listener: () => void) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      getSnapshot,
    },
    entries: { subscribe: entries.subscribe, getSnapshot: entries.getSnapshot },
    exchanges: { subscribe: exchanges.subscribe, getSnapshot: exchanges.getSnapshot },

    addSkill,

    renameSkill(id: SkillId, name: string): SkillResult {
      const error = validateSkillName(name)
      if (error) return fail(error)
      if (!exists(id)) return fail('name-required')
      transact(() => write({ [`name:${id}`]: name.trim() }))
      return ok(id)
    },

    /** Back to the starter name, read in each person's language. */
    resetSkillName(id: SkillId): SkillChange {
      if (!starters.has(id)) return fail('not-found')
      transact(() => write({ [`name:${id}`]: undefined }))
      return ok()
    },

    setSkillCategory(id: SkillId, category: SkillCategory): SkillChange {
      if (!exists(id)) return fail('not-found')
      transact(() => write({ [`category:${id}`]: category }))
      return ok()
    },

    /** Merges `from` into what `into` reads as now; every entry and exchange of `from` follows. */
    mergeSkills(from: SkillId, into: SkillId): MergeResult {
      const rootOf = resolveMerges(getSnapshot().all)
      const target = rootOf(into)
      const source = rootOf(from)
      if (!target || !source) return fail('unknown-skill')
      if (target === source) return fail('same-skill')
      transact(() =>
        write({ [`mergedInto:${source}`]: target, [`removedAt:${source}`]: undefined }),
      )
      return ok()
    },

    /** Undoes a merge: the skill and the entries written with it stand on their own again. */
    separateSkill(id: SkillId): SkillChange {
      if (!exists(id)) return fail('not-found')
      transact(() => write({ [`mergedInto:${id}`]: undefined }))
      return ok()
    },

    removeSkill(id: SkillId): SkillChange {
      if (!exists(id)) return fail('not-found')
      transact(() => write({ [`removedAt:${id}`]: now() }))
      return ok()
    },

    restoreSkill(id: SkillId): SkillChange {
      if (!exists(id)) return fail('not-found')
      transact(() => write({ [`removedAt:${id}`]: undefined }))
      return ok()
    },

    /**
     * Adds an offer or a need. With `newSkill`, the skill is added in the same transaction,
     * so no device ever sees the entry without its skill.
     */
    addEntry(
      fields: EntryFields,
      newSkill?: { readonly name: string; readonly category: SkillCategory },
    ): EntryResult {
      let result: EntryResult = fail('unknown-skill')
      transact(() => {
        let skillId = fields.skillId
        if (newSkill) {
          const added = addSkill(newSkill.name, newSkill.category)
          if (!added.ok) {
            result = added
            return
          }
          skillId = added.value
        } else if (!exists(skillId)) return
        result = ok(entries.add({ ...entryFields({ ...fields, skillId }), ...stamp() }))
      })
      return result
    },

    updateEntry(id: string, fields: EntryFields): SkillChange {
      return entries.update(id, { ...entryFields(fields), ...stamp() })
    },
    removeEntry: (id: string) => entries.softDelete(id),
    restoreEntry: (id: string) => entries.restore(id),

    addExchange(fields: ExchangeFields): ExchangeResult {
      const clean = { ...fields, note: fields.note.trim() }
      const error = validateExchange(clean)
      if (error) return fail(error)
      if (!exists(clean.skillId)) return fail('skill-required')
      return ok(exchanges.add({ ...clean }))
    },
    removeExchange: (id: string) => exchanges.softDelete(id),
    restoreExchange: (id: string) => exchanges.restore(id),

    trashCount: () => entries.getSnapshot().trash.length + exchanges.getSnapshot().trash.length,
    purgeDeleted: () => entries.purgeDeleted() + exchanges.purgeDeleted(),
  }
}

export type SkillStore = ReturnType<typeof createSkillStore>
