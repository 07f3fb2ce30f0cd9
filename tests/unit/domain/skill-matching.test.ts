import { describe, expect, it } from 'vitest'
import type { GroupId } from '../../../src/domain/ids'
import {
  buildSkillsMap,
  helpFor,
  helpFrom,
  matchNeeds,
  resolveMerges,
  type MatchGroup,
} from '../../../src/domain/skill-matching'
import { balances, matrixCells, networkLinks } from '../../../src/domain/skill-tallies'
import {
  parseHours,
  similarSkillNames,
  STARTER_SKILLS,
  type Exchange,
  type Skill,
  type SkillEntry,
  type SkillId,
} from '../../../src/domain/skills'
import { needEntry, offerEntry } from '../../support/fixtures'

const gid = (s: string) => s as GroupId
const sid = (s: string) => s as SkillId

function group(id: string, over: Partial<MatchGroup> = {}): MatchGroup {
  return {
    id: gid(id),
    name: id,
    languages: [],
    place: { locality: '', region: '', country: '' },
    ...over,
  }
}

const skill = (id: string, over: Partial<Skill> = {}): Skill => ({
  id: sid(id),
  name: id,
  category: 'money',
  createdAt: 1,
  ...over,
})

let n = 0
const meta = () => ({ id: `e${++n}`, createdAt: n, updatedAt: n })
const offer = (g: string, s: string, level: 'teach' | 'do' | 'learning' = 'do'): SkillEntry => ({
  ...meta(),
  ...offerEntry(gid(g), sid(s), { level }),
})
const need = (g: string, s: string, urgency: 'now' | 'soon' | 'sometime' = 'soon'): SkillEntry => ({
  ...meta(),
  ...needEntry(gid(g), sid(s), { urgency }),
})
const exchange = (from: string, to: string, s: string, minutes: number): Exchange => ({
  ...meta(),
  fromGroupId: gid(from),
  toGroupId: gid(to),
  skillId: sid(s),
  minutes,
  date: '2026-03-01',
  note: '',
})

describe('skills vocabulary', () => {
  it('starts with about forty skills in eleven categories, with ids every device agrees on', () => {
    expect(STARTER_SKILLS.length).toBeGreaterThanOrEqual(40)
    expect(new Set(STARTER_SKILLS.map((s) => s.category)).size).toBe(11)
    expect(new Set(STARTER_SKILLS.map((s) => s.id)).size).toBe(STARTER_SKILLS.length)
  })

  it('sees names that differ in case, accents, spaces, hyphens or one typo as one skill', () => {
    expect(similarSkillNames('Book-keeping', 'bookkeeping')).toBe(true)
    expect(similarSkillNames('Bóok keeping', 'BOOKKEEPING')).toBe(true)
    expect(similarSkillNames('Facilitaton', 'Facilitation')).toBe(true)
    expect(similarSkillNames('Design', 'Designs')).toBe(true)
    expect(similarSkillNames('Press', 'Dress')).toBe(false) // too short for a typo to count
    expect(similarSkillNames('Grant writing', 'Plain writing')).toBe(false)
  })

  it('reads hours as people type them, into whole minutes', () => {
    expect(parseHours('1.5')).toBe(90)
    expect(parseHours('1,5')).toBe(90)
    expect(parseHours(' 2 ')).toBe(120)
    expect(parseHours('١٫٥')).toBe(90) // Arabic keyboard
    expect(parseHours('۲')).toBe(120) // Urdu / Persian keyboard
    expect(parseHours('0')).toBeUndefined()
    expect(parseHours('-1')).toBeUndefined()
    expect(parseHours('two')).toBeUndefined()
    expect(parseHours('99999')).toBeUndefined()
  })
})

describe('merging skills', () => {
  it('moves every entry and exchange of the merged skill to the one it became', () => {
    const skills = [skill('a', { mergedInto: sid('b') }), skill('b'), skill('c')]
    const map = buildSkillsMap({
      skills,
      entries: [offer('g1', 'a', 'teach'), need('g2', 'a'), offer('g3', 'b')],
      exchanges: [exchange('g1', 'g2', 'a', 60)],
      groups: [group('g1'), group('g2'), group('g3')],
    })
    expect(map.skills.map((s) => s.id)).toEqual(['b', 'c'])
    expect(map.entries.map((e) => e.skill)).toEqual(['b', 'b', 'b'])
    expect(map.exchanges.map((e) => e.skill)).toEqual(['b'])
    expect(map.aliases.get(sid('b'))?.map((s) => s.id)).toEqual(['a'])
    // the need written with "a" now finds both offers, the teacher first
    const [matches] = matchNeeds(map)
    expect(matches?.matches.map((m) => m.group.id)).toEqual(['g1', 'g3'])
  })

  it('follows chains of merges and settles opposite merges on the smallest id everywhere', () => {
    const chain = resolveMerges([
      skill('x', { mergedInto: sid('y') }),
      skill('y', { mergedInto: sid('z') }),
      skill('z'),
    ])
    expect([chain(sid('x')), chain(sid('y')), chain(sid('z'))]).toEqual(['z', 'z', 'z'])

    // two devices merged the same pair in opposite directions: a cycle
    const opposite = [skill('m', { mergedInto: sid('k') }), skill('k', { mergedInto: sid('m') })]
    for (const order of [opposite, [...opposite].reverse()]) {
      const rootOf = resolveMerges(order)
      expect([rootOf(sid('m')), rootOf(sid('k'))]).toEqual(['k', 'k'])
    }
    expect(resolveMerges(opposite)(sid('unknown'))).toBeUndefined()
  })

  it('keeps a removed skill on the list while entries still use it', () => {
    const skills = [skill('a', { removedAt: 5 }), skill('b', { removedAt: 5 })]
    const map = buildSkillsMap({
      skills,
      entries: [offer('g1', 'a')],
      exchanges: [],
      groups: [group('g1')],
    })
    expect(map.skills.map((s) => s.id)).toEqual(['a'])
  })
})

describe('matching needs with offers', () => {
  const groups = [
    group('needer', {
      name: 'Riverside Pantry',
      languages: ['en', 'pl'],
      place: { locality: 'Leeds', region: 'Yorkshire', country: 'GB' },
    }),
    group('near', {
      name: 'Leeds Renters',
      place: { locality: 'Leeds', region: 'yorkshire', country: 'GB' },
    }),
    group('speaker', { name: 'Polish Club', languages: ['pl'] }),
    group('teacher', { name: 'Co-op School', place: { locality: '', region: '', country: 'ES' } }),
    group('learner', { name: 'Allotments' }),
  ]

  it('ranks offers by level, a shared language, place and earlier exchanges, with reasons', () => {
    const map = buildSkillsMap({
      skills: [skill('books')],
      entries: [
        need('needer', 'books', 'now'),
        offer('near', 'books', 'do'),
        offer('speaker', 'books', 'do'),
        offer('teacher', 'books', 'teach'),
        offer('learner', 'books', 'learning'),
        offer('needer', 'books', 'teach'), // a group never matches itself
      ],
      exchanges: [exchange('learner', 'needer', 'books', 120)],
      groups,
    })
    const [result] = matchNeeds(map)
    expect(result?.matches.map((m) => [m.group.name, m.score])).toEqual([
      ['Polish Club', 35], // can do (20) + Polish (15)
      ['Co-op School', 30], // can teach (30)
      ['Leeds Renters', 30], // can do (20) + same region (10); tie broken by name
      ['Allotments', 15], // learning (10) + one earlier exchange (5)
    ])
    const reasons = (name: string) => result?.matches.find((m) => m.group.name === name)?.reasons
    expect(reasons('Polish Club')).toEqual([
      { kind: 'level', level: 'do' },
      { kind: 'language', languages: ['pl'] },
    ])
    expect(reasons('Leeds Renters')).toContainEqual({ kind: 'region', region: 'yorkshire' })
    expect(reasons('Allotments')).toContainEqual({ kind: 'exchanges', count: 1, minutes: 120 })
  })

  it('lists a group once per need at its best level, urgent needs first', () => {
    const map = buildSkillsMap({
      skills: [skill('a', { mergedInto: sid('b') }), skill('b'), skill('c')],
      entries: [
        need('needer', 'c', 'sometime'),
        need('near', 'b', 'now'),
        offer('teacher', 'a', 'learning'),
        offer('teacher', 'b', 'teach'),
      ],
      exchanges: [],
      groups,
    })
    const all = matchNeeds(map)
    expect(all.map((m) => [m.group.id, m.need.skill])).toEqual([
      ['near', 'b'],
      ['needer', 'c'],
    ])
    expect(
      all[0]?.matches.map((m) => [m.group.id, m.offer.kind === 'offer' && m.offer.level]),
    ).toEqual([['teacher', 'teach']])
    expect(all[1]?.matches).toEqual([]) // nobody offers it yet: still listed
  })

  it('answers "who could help us" and "whom we could help" for one group', () => {
    const map = buildSkillsMap({
      skills: [skill('books'), skill('law')],
      entries: [
        need('needer', 'books'),
        offer('near', 'books', 'teach'),
        need('near', 'law'),
        offer('needer', 'law', 'do'),
      ],
      exchanges: [],
      groups,
    })
    const matches = matchNeeds(map)
    expect(helpFor(matches, gid('needer')).map((m) => m.matches.map((x) => x.group.id))).toEqual([
      ['near'],
    ])
    expect(helpFrom(matches, gid('needer')).map((m) => [m.group.id, m.need.skill])).toEqual([
      ['near', 'law'],
    ])
    expect(networkLinks(matches, [])).toEqual([
      { a: 'near', b: 'needer', matches: 2, exchangedMinutes: 0 },
    ])
  })

  it('leaves out entries of groups that are not live', () => {
    const map = buildSkillsMap({
      skills: [skill('books')],
      entries: [need('needer', 'books'), offer('gone', 'books', 'teach')],
      exchanges: [],
      groups,
    })
    expect(matchNeeds(map)[0]?.matches).toEqual([])
  })
})

describe('timebank balances and the matrix', () => {
  it('adds hours given and received for each group, including groups with none', () => {
    const result = balances(
      [exchange('a', 'b', 's', 90), exchange('b', 'a', 's', 30), exchange('a', 'c', 's', 60)],
      [gid('a'), gid('b'), gid('c'), gid('d')],
    )
    expect([...result.values()]).toEqual([
      { groupId: 'a', givenMinutes: 150, receivedMinutes: 30 },
      { groupId: 'b', givenMinutes: 30, receivedMinutes: 90 },
      { groupId: 'c', givenMinutes: 0, receivedMinutes: 60 },
      { groupId: 'd', givenMinutes: 0, receivedMinutes: 0 },
    ])
  })

  it('shows in each cell the best offer level and the most urgent need', () => {
    const map = buildSkillsMap({
      skills: [skill('s')],
      entries: [offer('g', 's', 'learning'), offer('g', 's', 'teach'), need('g', 's', 'sometime')],
      exchanges: [],
      groups: [group('g')],
    })
    expect(matrixCells(map).get('g|s')).toEqual({ offer: 'teach', need: 'sometime' })
  })
})
