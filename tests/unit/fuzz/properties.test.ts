/** Properties of the pure domain rules, checked on inputs fast-check makes up. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createGroupStore } from '../../../src/doc/group-store'
import { createSpaceDoc } from '../../../src/doc/schema'
import { byOrder, type Criterion } from '../../../src/domain/criteria'
import { csvText } from '../../../src/domain/csv'
import type { GroupId, SpaceId, SpaceKey } from '../../../src/domain/ids'
import { formatInvite, INVITE_NAME_MAX, parseInvite } from '../../../src/domain/invite'
import {
  exportMurmurationsProfile,
  importMurmurationsText,
  importMurmurationsValue,
} from '../../../src/domain/murmurations'
import { buildSkillsMap, matchNeeds } from '../../../src/domain/skill-matching'
import { balances } from '../../../src/domain/skill-tallies'
import type { Exchange, SkillEntry, SkillId } from '../../../src/domain/skills'
import { decimalToMinor, minorToDecimal } from '../../../src/domain/stipends'

/** RFC 4180 reader (quotes, doubled quotes, CRLF), to read back what csvText wrote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch !== '"') cell += ch
      else if (text[i + 1] === '"') {
        cell += '"'
        i++
      } else quoted = false
    } else if (ch === '"') quoted = true
    else if (ch === ',') endCell()
    else if (ch === '\r' || ch === '\n') {
      // a line break outside quotes ends the row, as spreadsheet apps read it
      endCell()
      rows.push(row)
      row = []
      if (ch === '\r' && text[i + 1] === '\n') i++
    } else cell += ch
  }
  return rows
}
const defused = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')

describe('properties', () => {
  it('CSV: every table reads back as written, formulas defused', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('=1+1', '"', ',', '\r\n', 'a\rb', 'a\nb', '-3'),
    )
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 6 }),
        (rows) => {
          expect(readCsv(csvText(rows))).toEqual(rows.map((row) => row.map(defused)))
        },
      ),
    )
  })

  it('invites: a formatted invite parses back; garbage never throws', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc
          .array(
            fc.oneof(
              fc.string({ unit: 'grapheme', maxLength: 8 }),
              fc.constantFrom('\u202e', '\u2066', '\u0007', '&', '#', ' '),
            ),
            { maxLength: 30 },
          )
          .map((parts) => parts.join('')),
        (id, key, name) => {
          const invite = { spaceId: b64(id) as SpaceId, key: b64(key) as SpaceKey, name }
          const parsed = parseInvite(
            `Join us: ${formatInvite('https://weave.example', invite)} thanks`,
          )
          expect(
            parsed.ok && parsed.value.spaceId === invite.spaceId && parsed.value.key === invite.key,
          ).toBe(true)
          if (parsed.ok) {
            expect(parsed.value.name.length).toBeLessThanOrEqual(INVITE_NAME_MAX)
            expect(parsed.value.name).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/) // eslint-disable-line no-control-regex
          }
        },
      ),
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const parsed = parseInvite(text)
        expect(typeof parsed.ok).toBe('boolean')
      }),
    )
  })

  it('stipends: an amount written as a decimal reads back to the same minor units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.constantFrom('GBP', 'JPY', 'BHD', 'EUR'),
        (minor, currency) => {
          expect(decimalToMinor(minorToDecimal(minor, currency), currency)).toBe(minor)
        },
      ),
    )
  })

  it('criteria: the list order does not depend on the order they arrived in', () => {
    const criterion = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      order: fc.integer({ min: -5, max: 5 }),
    })
    fc.assert(
      fc.property(
        fc.uniqueArray(criterion, { selector: (c) => c.id, maxLength: 12 }),
        fc.integer(),
        (items, shift) => {
          const list = items.map((c) => ({ ...c, text: c.id }) as unknown as Criterion)
          const rotated = list.map((_, i) => list[(i + Math.abs(shift)) % list.length]!)
          expect([...rotated].sort(byOrder).map((c) => c.id)).toEqual(
            [...list].sort(byOrder).map((c) => c.id),
          )
        },
      ),
    )
  })

  it('tallies: hours given and received balance across the network', () => {
    const exchange = fc.record({
      from: fc.nat(4),
      to: fc.nat(4),
      minutes: fc.integer({ min: 1, max: 6000 }),
    })
    fc.assert(
      fc.property(fc.array(exchange, { maxLength: 30 }), (rows) => {
        const ids = [0, 1, 2, 3, 4].map((i) => `group-${i}` as GroupId)
        const exchanges = rows.map(
          (r, i) =>
            ({
              id: `x${i}`,
              fromGroupId: ids[r.from],
              toGroupId: ids[r.to],
              minutes: r.minutes,
            }) as unknown as Exchange,
        )
        const result = [...balances(exchanges, ids).values()]
        const given = result.reduce((sum, b) => sum + b.givenMinutes, 0)
        const received = result.reduce((sum, b) => sum + b.receivedMinutes, 0)
        expect(given).toBe(received)
        expect(given).toBe(rows.reduce((sum, r) => sum + r.minutes, 0))
      }),
    )
  })

  it('matching: a need is matched only with other groups offering the same skill, best first', () => {
    const entry = fc.record({
      group: fc.nat(3),
      skill: fc.constantFrom('s1', 's2', 's3'),
      kind: fc.constantFrom('offer', 'need'),
      level: fc.constantFrom('teach', 'do', 'learning'),
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (rows) => {
        const store = createGroupStore(createSpaceDoc())
        const ids = [0, 1, 2, 3].map((i) => store.addGroup({ name: `G${i}`, summary: '' }))
        const skills = ['s1', 's2', 's3'].map((id) => ({
          id: id as SkillId,
          name: id,
          category: 'other',
          createdAt: 0,
        }))
        const entries = rows.map(
          (r, i) =>
            ({
              id: `e${i}`,
              groupId: ids[r.group],
              skillId: r.skill,
              kind: r.kind,
              level: r.level,
              urgency: 'now',
              note: '',
              contact: '',
              createdAt: i,
            }) as unknown as SkillEntry,
        )
        const map = buildSkillsMap({
          skills: skills as never,
          entries,
          exchanges: [],
          groups: store.getSnapshot().items,
        })
        for (const { need, group, matches } of matchNeeds(map)) {
          expect(need.kind).toBe('need')
          for (const match of matches) {
            expect(match.offer.skill).toBe(need.skill)
            expect(match.offer.kind).toBe('offer')
            expect(match.group.id).not.toBe(group.id)
          }
          for (let i = 1; i < matches.length; i++)
            expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score)
          const offering = new Set(
            entries
              .filter(
                (e) => e.kind === 'offer' && e.skillId === need.skill && e.groupId !== need.groupId,
              )
              .map((e) => e.groupId),
          )
          expect(matches.length).toBe(offering.size)
        }
      }),
    )
  })

  it('Murmurations: the public fields of an exported profile import back', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
      .filter((s) => s.trim() !== '')
    fc.assert(
      fc.property(
        text,
        fc.option(text, { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
        (name, summary, members) => {
          const exported = exportMurmurationsProfile({
            name,
            summary: summary ?? '',
            visibility: { name: 'public', summary: 'public', memberCount: 'public' },
            ...(members ? { memberCount: members } : {}),
          })
          if (!exported.ok) throw new Error(exported.error)
          for (const imported of [
            importMurmurationsValue(exported.value),
            importMurmurationsText(JSON.stringify(exported.value)),
          ]) {
            if (!imported.ok) throw new Error(imported.message)
            expect(imported.value.fields.name).toBe(name.trim())
            expect(imported.value.fields.summary).toBe(summary?.trim() ?? '')
            expect(imported.value.fields.memberCount).toBe(members)
          }
        },
      ),
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (garbage) => void importMurmurationsText(garbage)),
    )
  })
})
