import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createGroupStore, type GroupStore } from '../../../src/doc/group-store'
import { createSpaceDoc } from '../../../src/doc/schema'
import { createSkillStore, type SkillStore } from '../../../src/doc/skill-store'
import { newId, type GroupId } from '../../../src/domain/ids'
import { buildSkillsMap, matchNeeds } from '../../../src/domain/skill-matching'
import { STARTER_SKILLS, type EntryFields, type SkillId } from '../../../src/domain/skills'
import { runConvergence } from '../../support/convergence'

const bookkeeping = STARTER_SKILLS.find((s) => s.id === 'skill-bookkeeping')!.id
const facilitation = STARTER_SKILLS.find((s) => s.id === 'skill-facilitation')!.id

const offer = (groupId: string, skillId: SkillId): EntryFields => ({
  kind: 'offer',
  level: 'teach',
  groupId: groupId as GroupId,
  skillId,
  note: '',
  contact: '',
})
const need = (groupId: string, skillId: SkillId): EntryFields => ({
  kind: 'need',
  urgency: 'now',
  groupId: groupId as GroupId,
  skillId,
  note: '',
  contact: '',
})

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

function mapOf(skills: SkillStore, groups: GroupStore) {
  return buildSkillsMap({
    skills: skills.skills.getSnapshot().all,
    entries: skills.entries.getSnapshot().items,
    exchanges: skills.exchanges.getSnapshot().items,
    groups: groups.getSnapshot().items,
  })
}

describe('skill store', () => {
  it('records who last changed an offer or a need, for the space home to say', () => {
    let clock = 1_000
    const doc = createSpaceDoc()
    const store = createSkillStore(
      doc,
      () => clock,
      () => 'Ben',
    )
    const group = newId<'GroupId'>()
    const added = store.addEntry(offer(group, bookkeeping))
    if (!added.ok) throw new Error('not added')
    expect(store.entries.getSnapshot().items[0]?.lastChange).toEqual({ by: 'Ben', at: 1_000 })
    clock = 2_000
    store.updateEntry(added.value, need(group, bookkeeping))
    // what another phone reads, through the document
    const other = createSpaceDoc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const read = createSkillStore(other).entries.getSnapshot().items[0]
    expect(read?.lastChange).toEqual({ by: 'Ben', at: 2_000 })
    // a phone with no name records nobody
    const anonymous = createSkillStore(createSpaceDoc())
    anonymous.addEntry(offer(group, bookkeeping))
    const unsigned = anonymous.entries.getSnapshot().items
    expect(unsigned).toHaveLength(1)
    expect(unsigned[0]?.lastChange).toBeUndefined()
  })

  it('starts with the starter list without writing anything to the document', () => {
    const doc = createSpaceDoc()
    const store = createSkillStore(doc)
    expect(store.skills.getSnapshot().all.map((s) => s.id)).toEqual(STARTER_SKILLS.map((s) => s.id))
    expect(store.skills.getSnapshot().all[0]?.nameKey).toBe('skillNames.facilitation')
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(10) // empty
  })

  it('adds an entry with a new skill in one step, and refuses bad input changing nothing', () => {
    const store = createSkillStore(createSpaceDoc())
    const added = store.addEntry(need('group-aaaa', '' as SkillId), {
      name: ' Seed saving ',
      category: 'food',
    })
    expect(added.ok).toBe(true)
    const entry = store.entries.getSnapshot().items[0]!
    expect(store.skills.getSnapshot().byId.get(entry.skillId)).toMatchObject({
      name: 'Seed saving',
      category: 'food',
    })

    const before = store.entries.getSnapshot()
    expect(
      store.addEntry(offer('group-aaaa', '' as SkillId), { name: '  ', category: 'food' }),
    ).toEqual({
      ok: false,
      error: 'name-required',
    })
    expect(store.addEntry(offer('group-aaaa', 'skill-nope-nope' as SkillId))).toEqual({
      ok: false,
      error: 'unknown-skill',
    })
    expect(store.entries.getSnapshot()).toBe(before)
    expect(
      store.addExchange({
        fromGroupId: 'group-aaaa' as GroupId,
        toGroupId: 'group-aaaa' as GroupId,
        skillId: bookkeeping,
        minutes: 60,
        date: '2026-03-01',
        note: '',
      }),
    ).toEqual({ ok: false, error: 'same-group' })
    expect(store.exchanges.getSnapshot().items).toEqual([])
  })

  it('renames a starter skill for everyone and can go back to the name in each language', () => {
    const store = createSkillStore(createSpaceDoc())
    store.renameSkill(bookkeeping, 'Book-keeping and accounts')
    const renamed = store.skills.getSnapshot().byId.get(bookkeeping)
    expect(renamed?.name).toBe('Book-keeping and accounts')
    expect(renamed?.nameKey).toBeUndefined()
    store.resetSkillName(bookkeeping)
    expect(store.skills.getSnapshot().byId.get(bookkeeping)?.nameKey).toBe('skillNames.bookkeeping')
  })

  it('skips malformed values a peer wrote, and counts them', () => {
    const doc = createSpaceDoc()
    const store = createSkillStore(doc)
    doc.getMap('skills').set('name:skill-xxxx', 42)
    doc.getMap('skills').set('category:skill-yyyy', 'wizardry')
    const entry = new Y.Map<unknown>()
    doc.getMap('skillEntries').set('bad', entry)
    entry.set('createdAt', 1)
    entry.set('kind', 'offer')
    entry.set('level', 'grand master')
    entry.set('groupId', 'group-aaaa')
    entry.set('skillId', bookkeeping)
    expect(store.skills.getSnapshot().skipped).toBe(2)
    expect(store.entries.getSnapshot()).toMatchObject({ items: [], skipped: 1 })
  })

  it('merges "Book-keeping" into "bookkeeping" with entries added elsewhere meanwhile', () => {
    const a = createSpaceDoc()
    const b = createSpaceDoc()
    const storeA = createSkillStore(a)
    const storeB = createSkillStore(b)
    const groupsA = createGroupStore(a)
    const g1 = groupsA.addGroup({ name: 'Pantry', summary: '' })
    const g2 = groupsA.addGroup({ name: 'Renters', summary: '' })
    const added = storeA.addEntry(offer(g1, '' as SkillId), {
      name: 'Book-keeping',
      category: 'money',
    })
    sync(a, b)
    const typo = storeA.entries.getSnapshot().byId.get(added.ok ? added.value : '')!.skillId

    // A merges the new name into the starter skill while B, offline, adds a need under it
    storeA.mergeSkills(typo, bookkeeping)
    storeB.addEntry(need(g2, typo))
    sync(a, b)

    for (const [skills, doc] of [
      [storeA, a],
      [storeB, b],
    ] as const) {
      const map = mapOf(skills, createGroupStore(doc))
      expect(map.skills.some((s) => s.id === typo)).toBe(false)
      expect(map.entries.map((e) => e.skill)).toEqual([bookkeeping, bookkeeping])
      expect(matchNeeds(map)[0]?.matches.map((m) => m.group.id)).toEqual([g1])
    }

    storeA.separateSkill(typo)
    expect(mapOf(storeA, groupsA).entries.map((e) => e.skill)).toEqual([typo, typo])
  })

  it('settles two devices merging the same pair in opposite directions on one result', () => {
    const a = createSpaceDoc()
    const b = createSpaceDoc()
    const storeA = createSkillStore(a)
    const storeB = createSkillStore(b)
    storeA.addEntry(offer('group-aaaa', bookkeeping))
    storeB.addEntry(need('group-bbbb', facilitation))
    storeA.mergeSkills(bookkeeping, facilitation)
    storeB.mergeSkills(facilitation, bookkeeping)
    sync(a, b)
    const listed = (store: SkillStore) =>
      buildSkillsMap({
        skills: store.skills.getSnapshot().all,
        entries: store.entries.getSnapshot().items,
        exchanges: [],
        groups: [],
      })
    const [mapA, mapB] = [listed(storeA), listed(storeB)]
    expect(mapA.rootOf(bookkeeping)).toBe(mapA.rootOf(facilitation))
    expect(mapB.rootOf(bookkeeping)).toBe(mapA.rootOf(bookkeeping))
    expect(mapA.skills.map((s) => s.id)).toEqual(mapB.skills.map((s) => s.id))
    expect(mapA.skills.filter((s) => [bookkeeping, facilitation].includes(s.id))).toHaveLength(1)
    // and merging again is refused rather than making a new cycle
    expect(storeA.mergeSkills(bookkeeping, facilitation)).toEqual({
      ok: false,
      error: 'same-skill',
    })
  })

  it('converges under concurrent entries, edits, merges and exchanges, with nothing dangling', () => {
    for (const seed of [11, 12, 13]) {
      const { states } = runConvergence({
        peers: 3,
        seed,
        steps: 300,
        setup: (doc) => {
          const groups = createGroupStore(doc)
          groups.addGroup({ name: `Group ${doc.clientID % 100}`, summary: '' }) // one of its own
          return { skills: createSkillStore(doc), groups }
        },
        operate({ skills, groups }, random) {
          const live = groups.getSnapshot().items
          const group = live.length > 0 ? random.pick(live).id : undefined
          const all = skills.skills.getSnapshot().all
          const skill = random.pick(all).id
          const entries = skills.entries.getSnapshot().items
          const op = random.int(10)
          if (op === 0) groups.addGroup({ name: `Group ${random.int(1000)}`, summary: '' })
          else if (op === 1 && group && random.chance(0.3)) groups.deleteGroup(group)
          else if (op === 2 && group)
            skills.addEntry(offer(group, '' as SkillId), {
              name: random.pick(['Bookkeeping', 'Book-keeping', 'Seed saving', 'Welsh']),
              category: 'other',
            })
          else if (op === 3 && group)
            skills.addEntry(random.chance(0.5) ? offer(group, skill) : need(group, skill))
          else if (op === 4 && entries.length > 0) {
            const entry = random.pick(entries)
            skills.updateEntry(entry.id, { ...need(entry.groupId, entry.skillId), note: 'edited' })
          } else if (op === 5 && entries.length > 0) skills.removeEntry(random.pick(entries).id)
          else if (op === 6) skills.mergeSkills(skill, random.pick(all).id)
          else if (op === 7 && random.chance(0.3)) skills.separateSkill(skill)
          else if (op === 8) skills.renameSkill(skill, `Renamed ${random.int(100)}`)
          else if (op === 9 && live.length > 1) {
            const [from, to] = [random.pick(live).id, random.pick(live).id]
            if (from !== to)
              skills.addExchange({
                fromGroupId: from,
                toGroupId: to,
                skillId: skill,
                minutes: 30 + random.int(240),
                date: '2026-03-01',
                note: '',
              })
          }
        },
        project: ({ skills, groups }) => {
          const map = mapOf(skills, groups)
          return {
            skills: map.skills.map((s) => [s.id, s.name, s.category]),
            entries: map.entries.map((e) => [e.id, e.skill, e.groupId, e.kind, e.note]),
            exchanges: map.exchanges.map((e) => [e.id, e.skill, e.minutes]),
            matches: matchNeeds(map).map((m) => [m.need.id, m.matches.map((x) => x.offer.id)]),
          }
        },
        invariants: ({ skills, groups }) => {
          const map = mapOf(skills, groups)
          const listed = new Set(map.skills.map((s) => s.id))
          const liveGroups = new Set(groups.getSnapshot().items.map((g) => g.id))
          for (const entry of map.entries) {
            expect(listed.has(entry.skill), `entry ${entry.id} has no skill`).toBe(true)
            expect(liveGroups.has(entry.groupId), `entry ${entry.id} has no group`).toBe(true)
          }
          for (const exchange of map.exchanges)
            expect(listed.has(exchange.skill), `exchange ${exchange.id} has no skill`).toBe(true)
        },
      })
      expect(states[0]!.skills.entries.getSnapshot().items.length).toBeGreaterThan(10)
    }
  }, 30_000) // several seeded runs: slower than one unit on a busy machine
})
