import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CriterionId } from '../../../src/domain/criteria'
import type { GroupFields, PersonId } from '../../../src/domain/group'
import { groupFieldsOf } from '../../../src/domain/group'
import { createGroupStore, type GroupStore } from '../../../src/doc/group-store'
import { ROOT, createSpaceDoc } from '../../../src/doc/schema'
import { runConvergence, type Random } from '../../support/convergence'
import { fail } from '../../../src/domain/result'

const profile: GroupFields = {
  name: 'Leeds Food Co-op',
  summary: 'Bulk buying',
  story: 'Since 2012.',
  place: { locality: 'Leeds', region: 'West Yorkshire', country: 'GB' },
  scope: 'local',
  activities: ['AM60'],
  legalForm: 'L2',
  organisationalStructure: 'OS80',
  membershipType: 'BMT10',
  yearFounded: 2012,
  memberCount: 40,
  languages: ['en', 'ur'],
  website: 'leedsfood.example.org',
  contacts: { email: 'hi@leedsfood.example.org', phone: '+44 113 496 0000', other: '' },
  status: 'active',
  joinedAt: '2024-03-01',
  visibility: { name: 'public', website: 'public' },
}

/** The object without some keys (a copy). */
function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !keys.includes(key as K)),
  ) as Omit<T, K>
}

function pair() {
  const docA = new Y.Doc()
  const docB = new Y.Doc()
  const a = createGroupStore(docA, { author: () => 'Amina' })
  const b = createGroupStore(docB, { author: () => 'Ben' })
  const sync = () => {
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB))
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA))
  }
  return { docA, a, b, sync }
}

describe('group profile commands', () => {
  it('stores and reads back every field of the profile', () => {
    let clock = 1_000
    const store = createGroupStore(createSpaceDoc(), { author: () => 'Amina', now: () => clock })
    const id = store.addGroup(profile)
    const group = store.getSnapshot().byId.get(id)
    expect(group && groupFieldsOf(group)).toEqual({
      ...profile,
      website: 'https://leedsfood.example.org',
    })
    expect(group?.lastChange).toEqual({ by: 'Amina', at: 1_000 })
    clock = 2_000
    store.updateGroup(id, { memberCount: 41, languages: ['en'], activities: ['AM60', 'AM10'] })
    const updated = store.getSnapshot().byId.get(id)
    expect(updated?.memberCount).toBe(41)
    expect(updated?.languages).toEqual(['en'])
    expect(updated?.activities).toEqual(['AM10', 'AM60']) // vocabulary order
    expect(updated?.lastChange).toEqual({ by: 'Amina', at: 2_000 })
  })

  it('clears a field that a form emptied', () => {
    const store = createGroupStore(createSpaceDoc())
    const id = store.addGroup(profile)
    const rest = without(profile, 'yearFounded', 'scope')
    store.updateGroupFrom(id, profile, { ...rest, website: '' })
    const group = store.getSnapshot().byId.get(id)
    expect(group?.yearFounded).toBeUndefined()
    expect(group?.scope).toBeUndefined()
    expect(group?.website).toBe('')
    expect(group?.memberCount).toBe(40)
  })

  it('adds, edits, removes and restores people, and records criteria answers', () => {
    let clock = 1_000 // people are listed in the order they were added: one tick apart
    const store = createGroupStore(createSpaceDoc(), { now: () => ++clock })
    const id = store.addGroup({ name: 'Timebank', summary: '' })
    const ana = store.addPerson(id, { name: ' Ana ', role: 'Coordinator' })
    const raj = store.addPerson(id, {
      name: 'Raj',
      contacts: { email: 'raj@example.org', phone: '', other: '' },
    })
    if (!ana || !raj) throw new Error('people not added')
    store.updatePerson(id, ana, { role: 'Treasurer' })
    expect(
      store
        .getSnapshot()
        .byId.get(id)
        ?.people.map((p) => [p.name, p.role]),
    ).toEqual([
      ['Ana', 'Treasurer'],
      ['Raj', ''],
    ])
    store.removePerson(id, raj)
    expect(
      store
        .getSnapshot()
        .byId.get(id)
        ?.people.map((p) => p.name),
    ).toEqual(['Ana'])
    expect(
      store
        .getSnapshot()
        .byId.get(id)
        ?.removedPeople.map((p) => p.name),
    ).toEqual(['Raj'])
    store.restorePerson(id, raj)
    expect(store.getSnapshot().byId.get(id)?.people).toHaveLength(2)

    const criterion = 'seon-underfunded' as CriterionId
    store.answerCriterion(id, criterion, { answer: 'partly', note: ' One small grant ' })
    expect(store.getSnapshot().byId.get(id)?.criteria[criterion]).toEqual({
      answer: 'partly',
      note: 'One small grant',
    })
    store.clearCriterionAnswer(id, criterion)
    expect(store.getSnapshot().byId.get(id)?.criteria).toEqual({})
  })

  it('refuses commands on groups and people that do not exist', () => {
    const store = createGroupStore(createSpaceDoc())
    const id = store.addGroup({ name: 'Zine makers', summary: '' })
    expect(store.addPerson('missing-group-1' as never, { name: 'A' })).toBeUndefined()
    expect(store.updatePerson(id, 'missing-person' as PersonId, { name: 'B' })).toEqual(
      fail('no-person'),
    )
    expect(store.restorePerson(id, 'missing-person' as PersonId)).toEqual(fail('no-person'))
  })
})

describe('concurrent edits of one group on two devices', () => {
  it('keeps edits of different fields, people added on both, and both set additions', () => {
    const { a, b, sync } = pair()
    const id = a.addGroup(profile)
    sync()
    const opened = groupFieldsOf(b.getSnapshot().byId.get(id)!)
    a.updateGroup(id, { website: 'https://food.example.org', languages: ['en', 'ur', 'pl'] })
    a.addPerson(id, { name: 'Ana' })
    a.setVisibility(id, 'email', 'public')
    // B's form was opened before A's edits arrived; B changes only the summary and a language.
    b.updateGroupFrom(id, opened, {
      ...opened,
      summary: 'Bulk buying, weekly',
      languages: ['en', 'ur', 'so'],
    })
    b.addPerson(id, { name: 'Ben' })
    b.answerCriterion(id, 'seon-community-led' as CriterionId, { answer: 'yes', note: '' })
    sync()
    for (const store of [a, b]) {
      const group = store.getSnapshot().byId.get(id)
      expect(group?.website).toBe('https://food.example.org')
      expect(group?.summary).toBe('Bulk buying, weekly')
      expect(group?.languages).toEqual(['en', 'pl', 'so', 'ur'])
      expect(group?.people.map((p) => p.name).sort()).toEqual(['Ana', 'Ben'])
      expect(group?.visibility.email).toBe('public')
      expect(group?.criteria['seon-community-led' as CriterionId]?.answer).toBe('yes')
    }
    expect(a.getSnapshot().items).toEqual(b.getSnapshot().items)
  })

  it('keeps an edit of a person made while another device removed them', () => {
    const { a, b, sync } = pair()
    const id = a.addGroup({ name: 'Land Trust', summary: '' })
    const person = a.addPerson(id, { name: 'Sam' })!
    sync()
    a.removePerson(id, person)
    b.updatePerson(id, person, { role: 'Secretary' })
    sync()
    a.restorePerson(id, person)
    sync()
    expect(
      b
        .getSnapshot()
        .byId.get(id)
        ?.people.map((p) => [p.name, p.role]),
    ).toEqual([['Sam', 'Secretary']])
  })
})

describe('tolerant profile reader', () => {
  it('drops malformed values from a peer instead of failing', () => {
    const doc = createSpaceDoc()
    const store = createGroupStore(doc)
    const id = store.addGroup({ name: 'Good', summary: '' })
    const group = doc.getMap<Y.Map<unknown>>(ROOT.groups).get(id)!
    doc.transact(() => {
      group.set('website', 'javascript:alert(1)')
      group.set('country', 'Narnia')
      group.set('scope', 'galactic')
      group.set('yearFounded', 20.5)
      group.set('memberCount', -3)
      group.set('legalForm', 'L999')
      group.set('status', { active: true })
      group.set('joinedAt', 'last spring')
      group.set('activity:AM60', true)
      group.set('activity:NOT-A-TERM', true)
      group.set('activity:AM10', 'yes')
      group.set('language:es', true)
      group.set('language:!!', true)
      group.set('visibility:email', 'everyone')
      group.set('visibility:nonsense', 'public')
      group.set('person:short', new Y.Map([['name', 'Bad id']]))
      group.set('person:no-name-00001', new Y.Map([['role', 'Nobody']]))
      group.set('person:not-a-map-001', 'Alice')
      group.set('criterion:seon-underfunded', { answer: 'maybe', note: 'x' })
      group.set('criterion:seon-independent', { answer: 'no', note: 7 })
      group.set('lastChange', { by: 42, at: 'now' })
    })
    const read = store.getSnapshot().byId.get(id)
    expect(store.getSnapshot().skipped).toBe(0)
    expect(read).toMatchObject({
      website: '',
      place: { locality: '', region: '', country: '' },
      activities: ['AM60'],
      languages: ['es'],
      visibility: {},
      people: [],
      criteria: { 'seon-independent': { answer: 'no', note: '' } },
    })
    for (const field of [
      'scope',
      'yearFounded',
      'memberCount',
      'legalForm',
      'status',
      'joinedAt',
      'lastChange',
    ])
      expect(read).not.toHaveProperty(field)
  })
})

describe('group profile convergence', () => {
  const names = ['Ana', 'Ben', 'Chidi', 'Dana']
  const activities = ['AM10', 'AM60', 'AM90', 'AM120']
  const languages = ['en', 'es', 'pl', 'ur']

  function operate(store: GroupStore, random: Random) {
    const [group] = store.getSnapshot().items
    if (!group) return
    const id = group.id
    const roll = random.next()
    if (roll < 0.12) store.updateGroup(id, { summary: `summary ${random.int(99)}` })
    else if (roll < 0.22)
      store.updateGroup(id, {
        place: { ...group.place, locality: random.pick(['Leeds', 'Hull', 'York']) },
      })
    else if (roll < 0.3) store.updateGroup(id, { memberCount: random.int(500) })
    else if (roll < 0.42) {
      const opened = groupFieldsOf(group)
      const toggle = (list: readonly string[] = [], item: string) =>
        list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
      store.updateGroupFrom(id, opened, {
        ...opened,
        activities: toggle(opened.activities, random.pick(activities)),
        languages: toggle(opened.languages, random.pick(languages)),
      })
    } else if (roll < 0.55) store.addPerson(id, { name: random.pick(names) })
    else if (roll < 0.67 && group.people.length > 0)
      store.updatePerson(id, random.pick(group.people).id, { role: `role ${random.int(9)}` })
    else if (roll < 0.74 && group.people.length > 0)
      store.removePerson(id, random.pick(group.people).id)
    else if (roll < 0.8 && group.removedPeople.length > 0)
      store.restorePerson(id, random.pick(group.removedPeople).id)
    else if (roll < 0.9)
      store.answerCriterion(
        id,
        random.pick(['seon-underfunded', 'seon-independent']) as CriterionId,
        {
          answer: random.pick(['yes', 'partly', 'no', 'not-sure'] as const),
          note: `note ${random.int(9)}`,
        },
      )
    else
      store.setVisibility(
        id,
        random.pick(['email', 'place', 'people'] as const),
        random.pick(['public', 'network'] as const),
      )
  }

  for (const seed of [7, 19, 2024]) {
    it(`converges on one group edited at once on four devices (seed ${seed})`, () => {
      let shared: Uint8Array | undefined
      runConvergence({
        peers: 4,
        seed,
        steps: 250,
        setup(doc, peer) {
          const store = createGroupStore(doc, { author: () => `peer ${peer}` })
          // Every peer starts from the same group, as if it had synced before going offline.
          if (!shared) {
            store.addGroup(profile)
            shared = Y.encodeStateAsUpdate(doc)
          } else Y.applyUpdate(doc, shared)
          return store
        },
        operate,
        project: (store) => store.getSnapshot(),
        invariants(store) {
          const { items, skipped } = store.getSnapshot()
          expect(skipped).toBe(0)
          expect(items).toHaveLength(1)
          const group = items[0]!
          const ids = [...group.people, ...group.removedPeople].map((p) => p.id)
          expect(new Set(ids).size).toBe(ids.length)
          expect(group.name).toBe('Leeds Food Co-op') // nobody renamed it: no edit touched it
          expect(group.lastChange?.by).toMatch(/^peer \d$/)
        },
      })
    })
  }
})
