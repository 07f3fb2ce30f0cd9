// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildSkillsMap } from '../../../src/domain/skill-matching'
import { SkillsScreen } from '../../../src/features/skills/skills-screen'
import { type AppServices } from '../../../src/session/app-services'
import type { Session } from '../../../src/session/session'
import type { SpaceRecord } from '../../../src/storage/types'
import { phoneWithSpace, renderInApp } from '../../support/unit-app'

let services: AppServices
let space: SpaceRecord
let session: Session
let release: () => void

beforeEach(async () => {
  ;({ services, space, session, release } = await phoneWithSpace('skills-screen'))
  for (const name of ['Riverside Pantry', 'Leeds Renters'])
    session.stores.groups.addGroup({ name, summary: '' })
})

afterEach(() => {
  cleanup()
  release()
})

function open(view = '') {
  window.history.replaceState(null, '', `/spaces/${space.id}/skills${view}`)
  return renderInApp(<SkillsScreen session={session} space={space} />, services)
}

const select = (name: string, label: string) => {
  const box = screen.getByRole('combobox', { name })
  const option = within(box).getByRole<HTMLOptionElement>('option', { name: label })
  fireEvent.change(box, { target: { value: option.value } })
}

describe('skills screen', () => {
  it('adds a need under a new skill, and keeps nothing when the form is not filled in', () => {
    open('/add')
    fireEvent.click(screen.getByRole('button', { name: 'Add' }))
    const group = screen.getByRole('combobox', { name: 'Group' })
    expect(group.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(group)
    expect(session.stores.skills.entries.getSnapshot().items).toEqual([])

    select('Group', 'Leeds Renters')
    fireEvent.click(screen.getByRole('radio', { name: 'We need this' }))
    select('Skill', 'A skill not on the list…')
    fireEvent.click(screen.getByRole('button', { name: 'Add' }))
    expect(screen.getByText('Please write the name of the skill.')).toBeTruthy()
    expect(session.stores.skills.entries.getSnapshot().items).toEqual([])

    fireEvent.change(screen.getByRole('textbox', { name: 'Name of the skill' }), {
      target: { value: 'Welsh translation' },
    })
    select('Kind of skill', 'Communication, design and translation')
    select('How soon', 'Needed now')
    fireEvent.click(screen.getByRole('button', { name: 'Add' }))
    expect(screen.getByRole('status').textContent).toContain(
      'Added: Leeds Renters needs Welsh translation',
    )
    const [entry] = session.stores.skills.entries.getSnapshot().items
    expect(entry).toMatchObject({ kind: 'need', urgency: 'now' })
    expect(session.stores.skills.skills.getSnapshot().byId.get(entry!.skillId)).toMatchObject({
      name: 'Welsh translation',
      category: 'communication',
    })
  })

  it('remembers on this phone which group it speaks for, and answers for that group', async () => {
    const id = (name: string) =>
      session.stores.groups.getSnapshot().items.find((g) => g.name === name)!.id
    const [pantry, renters] = [id('Riverside Pantry'), id('Leeds Renters')]
    const skillId = 'skill-bookkeeping' as never
    act(() => {
      session.stores.skills.addEntry({
        kind: 'need',
        urgency: 'soon',
        groupId: renters,
        skillId,
        note: 'Year-end accounts',
        contact: '',
      })
      session.stores.skills.addEntry({
        kind: 'offer',
        level: 'teach',
        groupId: pantry,
        skillId,
        note: '',
        contact: 'Sam',
      })
    })
    open()
    select('Our group on this phone', 'Leeds Renters')
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Who could help Leeds Renters' })).toBeTruthy(),
    )
    const help = screen.getByRole('region', { name: 'Who could help Leeds Renters' })
    expect(within(help).getByText('Riverside Pantry')).toBeTruthy()
    expect(within(help).getByText('Ask: Sam')).toBeTruthy()
    expect(services.device.getSnapshot().myGroups[space.id]).toBe(renters)
  })

  it('leads from a match to the group, to its contact, and to a filled-in exchange form', async () => {
    const id = (name: string) =>
      session.stores.groups.getSnapshot().items.find((g) => g.name === name)!.id
    const [pantry, renters] = [id('Riverside Pantry'), id('Leeds Renters')]
    const skillId = 'skill-bookkeeping' as never
    act(() => {
      session.stores.skills.addEntry({
        kind: 'need',
        urgency: 'soon',
        groupId: renters,
        skillId,
        note: '',
        contact: '',
      })
      session.stores.skills.addEntry({
        kind: 'offer',
        level: 'teach',
        groupId: pantry,
        skillId,
        note: '',
        contact: 'Sam +44 7700 900123',
      })
    })
    open()
    const matches = screen.getByRole('list', { name: 'Who could help with Bookkeeping' })
    const profile = within(matches).getByRole('link', {
      name: 'Open the profile of Riverside Pantry',
    })
    expect(profile.getAttribute('href')).toBe(`/spaces/${space.id}/groups/${pantry}`)
    const call = within(matches).getByRole('link', { name: 'Call Sam at Riverside Pantry' })
    expect(call.getAttribute('href')).toBe('tel:+447700900123')
    const whatsapp = within(matches).getByRole('link', { name: 'WhatsApp Sam at Riverside Pantry' })
    expect(whatsapp.getAttribute('href')).toBe('https://wa.me/447700900123')

    fireEvent.click(
      within(matches).getByRole('link', { name: 'Log time Riverside Pantry gave for Bookkeeping' }),
    )
    await waitFor(() => expect(screen.getByRole('form', { name: 'Log time given' })).toBeTruthy())
    const chosen = (name: string) =>
      screen.getByRole<HTMLSelectElement>('combobox', { name }).selectedOptions[0]?.text
    expect(chosen('Group that gave its time')).toBe('Riverside Pantry')
    expect(chosen('Group that received it')).toBe('Leeds Renters')
    expect(chosen('Skill')).toBe('Bookkeeping')
    const hours = screen.getByRole('textbox', { name: 'Hours' })
    expect(document.activeElement).toBe(hours)
    fireEvent.change(hours, { target: { value: '2.5' } })
    fireEvent.click(screen.getByRole('button', { name: 'Log it' }))
    expect(session.stores.skills.exchanges.getSnapshot().items).toMatchObject([
      { fromGroupId: pantry, toGroupId: renters, skillId, minutes: 150 },
    ])
  })

  it('logs time given and refuses a group giving time to itself', () => {
    open('/time')
    select('Group that gave its time', 'Leeds Renters')
    select('Group that received it', 'Leeds Renters')
    select('Skill', 'Bookkeeping')
    fireEvent.change(screen.getByRole('textbox', { name: 'Hours' }), { target: { value: '3' } })
    fireEvent.click(screen.getByRole('button', { name: 'Log it' }))
    expect(screen.getByText(/cannot give time to itself/)).toBeTruthy()
    expect(session.stores.skills.exchanges.getSnapshot().items).toEqual([])

    select('Group that received it', 'Riverside Pantry')
    fireEvent.click(screen.getByRole('button', { name: 'Log it' }))
    const balances = screen.getByRole('table', { name: 'Hours given and received' })
    const row = within(balances).getByRole('row', { name: /Leeds Renters/ })
    expect(row.textContent).toBe('Leeds Renters3 hours0 hours')
  })
})

describe('skills list', () => {
  it('offers to put together two names of one skill, keeping the one every language has', () => {
    const renters = session.stores.groups
      .getSnapshot()
      .items.find((g) => g.name === 'Leeds Renters')
    act(() => {
      session.stores.skills.addEntry(
        {
          kind: 'need',
          urgency: 'now',
          groupId: renters!.id,
          skillId: '' as never,
          note: '',
          contact: '',
        },
        { name: 'Book keeping', category: 'money' },
      )
    })
    open('/list')
    const similar = screen.getByRole('region', { name: 'Maybe the same skill' })
    fireEvent.click(
      within(similar).getByRole('button', { name: 'Put “Book keeping” into “Bookkeeping”' }),
    )
    const [entry] = session.stores.skills.entries.getSnapshot().items
    const { rootOf } = buildSkillsMap({
      skills: session.stores.skills.skills.getSnapshot().all,
      entries: [],
      exchanges: [],
      groups: [],
    })
    expect(rootOf(entry!.skillId)).toBe('skill-bookkeeping')
    expect(within(similar).getByRole('status').textContent).toBe(
      '“Book keeping” is now part of “Bookkeeping”. All offers, needs and hours moved.',
    )
    expect(within(similar).queryByRole('button')).toBeNull()
  })
})
