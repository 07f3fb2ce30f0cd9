import { describe, expect, it } from 'vitest'
import type { Group } from '../../../src/domain/group'
import type { Meeting } from '../../../src/domain/meeting'
import { myActions } from '../../../src/features/home/whats-new'

const meeting = (actions: { what: string; who: string }[], groupIds: string[] = []) =>
  ({
    id: 'm1',
    title: 'Gathering',
    groupIds,
    actions: actions.map((a, i) => ({ ...a, id: `a${i}`, due: '', done: false, createdAt: 1 })),
  }) as unknown as Meeting

describe('open actions that concern this phone', () => {
  it('finds a person or group by whole words, not inside another name', () => {
    const rows = myActions(
      [
        meeting([
          { what: 'Book the hall', who: 'Ana and Sam' },
          { what: 'Buy bananas', who: 'Banana Co-op' },
          { what: 'Call Anabel', who: 'Anabel' },
          { what: 'Print flyers', who: 'ana, by Friday' },
        ]),
      ],
      '2026-01-01',
      { name: 'Ana', group: undefined },
    )
    expect(rows.map((r) => r.action.what)).toEqual(['Book the hall', 'Print flyers'])
  })

  it('counts an action given to nobody at a meeting my group took part in', () => {
    const group = { id: 'g1', name: 'Riverside Pantry', people: [] } as unknown as Group
    const rows = myActions(
      [meeting([{ what: 'Bring the urn', who: '' }], ['g1']), meeting([{ what: 'x', who: '' }])],
      '2026-01-01',
      { name: '', group },
    )
    expect(rows.map((r) => r.action.what)).toEqual(['Bring the urn'])
  })
})
