// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GroupFields } from '../../../src/domain/group'
import { filterGroups, NO_FILTERS, regionsOf } from '../../../src/features/groups/group-filter'
import { GroupsScreen } from '../../../src/features/groups/groups-screen'
import { type Session } from '../../../src/session/session'
import { openTestSession, renderInApp } from '../../support/unit-app'

let session: Session

const GROUPS: GroupFields[] = [
  {
    name: 'Café Solidario',
    summary: '',
    place: { locality: 'Málaga', region: 'Andalucía', country: 'ES' },
    activities: ['AM60'],
    languages: ['es'],
    status: 'active',
  },
  {
    name: 'Tenants Union',
    summary: '',
    place: { locality: 'Leeds', region: 'Yorkshire', country: 'GB' },
    activities: ['AM90'],
    languages: ['en', 'pl'],
    status: 'on-hold',
  },
  {
    name: 'Seed Library',
    summary: '',
    place: { locality: 'Sheffield', region: 'yorkshire', country: 'GB' },
    activities: ['AM60', 'AM130'],
    languages: ['en'],
    status: 'active',
  },
]

beforeEach(async () => {
  window.history.replaceState(null, '', '/')
  session = await openTestSession('groups-filter')
  for (const group of GROUPS) session.stores.groups.addGroup(group)
})

afterEach(async () => {
  cleanup()
  await session.dispose()
})

const names = (filters: Partial<typeof NO_FILTERS>, locale = 'en') =>
  filterGroups(
    session.stores.groups.getSnapshot().items,
    { ...NO_FILTERS, ...filters },
    locale,
  ).map((g) => g.name)

describe('searching and filtering groups', () => {
  it('finds by name, place, activity and language, ignoring case and accents', () => {
    expect(names({ query: 'cafe' })).toEqual(['Café Solidario'])
    expect(names({ query: 'malaga' })).toEqual(['Café Solidario'])
    expect(names({ query: 'united kingdom' })).toEqual(['Seed Library', 'Tenants Union'])
    expect(names({ query: 'food' })).toEqual(['Café Solidario', 'Seed Library'])
    expect(names({ query: 'polish' })).toEqual(['Tenants Union'])
    expect(names({ query: 'polaco' }, 'es')).toEqual(['Tenants Union'])
    expect(names({ query: 'food sheffield' })).toEqual(['Seed Library'])
    expect(names({ query: 'nothing like this' })).toEqual([])
  })

  it('filters by activity, region (as written, in any case) and status', () => {
    expect(names({ activity: 'AM60' })).toEqual(['Café Solidario', 'Seed Library'])
    expect(names({ region: 'Yorkshire' })).toEqual(['Seed Library', 'Tenants Union'])
    expect(names({ status: 'on-hold' })).toEqual(['Tenants Union'])
    expect(names({ activity: 'AM60', region: 'Yorkshire', status: 'active' })).toEqual([
      'Seed Library',
    ])
    // One entry per region, however each group capitalised it.
    const regions = regionsOf(session.stores.groups.getSnapshot().items, 'en')
    expect(regions.map((r) => r.toLowerCase())).toEqual(['andalucía', 'yorkshire'])
  })

  it('shows the count and a way out when nothing matches', () => {
    renderInApp(<GroupsScreen session={session} />)
    expect(screen.getByText('3 groups')).toBeTruthy()
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
      target: { value: 'active' },
    })
    expect(screen.getByText('2 of 3 groups')).toBeTruthy()
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search groups' }), {
      target: { value: 'zzz' },
    })
    expect(screen.getByText(/No group matches this search/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }))
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Café Solidario',
      'Seed Library',
      'Tenants Union',
    ])
  })
})
