// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import * as Y from 'yjs'
import { createGroupStore } from '../../../src/doc/group-store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GroupsScreen } from '../../../src/features/groups/groups-screen'
import { type SpaceSession } from '../../../src/session/session'
import { openTestSession, renderInApp } from '../../support/unit-app'
import { dismissUndo, undoStore } from '../../../src/ui/undo'

let session: SpaceSession

beforeEach(async () => {
  localStorage.clear()
  window.history.replaceState(null, '', '/')
  session = await openTestSession('groups-screen')
})

afterEach(async () => {
  cleanup()
  dismissUndo()
  await session.dispose()
})

function renderScreen() {
  return renderInApp(<GroupsScreen session={session} />)
}

/** A section of "Add more details", by its title. */
const section = (title: string) =>
  screen.getByText(title, { selector: 'summary' }).closest('details')!

describe('groups screen', () => {
  it('says what to do when there are no groups', () => {
    renderScreen()
    expect(screen.getByText(/No groups yet/)).toBeTruthy()
  })

  it('asks a new group only its name, refuses it without one, and keeps what was typed', () => {
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    expect(screen.queryByRole('textbox', { name: 'Email' })).toBeNull()
    expect(screen.queryByRole('checkbox')).toBeNull()
    fireEvent.change(screen.getByRole('textbox', { name: /what the group does/ }), {
      target: { value: 'Bulk buying' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    const name = screen.getByRole('textbox', { name: 'Group name' })
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(name)
    const described = name.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(described)?.textContent).toBe('Please write the group’s name.')
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: /what the group does/ }).value,
    ).toBe('Bulk buying')
    expect(session.stores.groups.getSnapshot().items).toHaveLength(0)
  })

  it('opens the section that holds a problem and moves focus to the field', () => {
    const id = session.stores.groups.addGroup({ name: 'Tenants Union', summary: '' })
    window.history.replaceState(null, '', `/spaces/${session.spaceId}/groups/${id}/edit`)
    renderScreen()
    const contact = section('Contact')
    expect(contact.open).toBe(false)
    fireEvent.change(screen.getByRole('textbox', { name: 'Email' }), {
      target: { value: 'not-an-email' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const email = screen.getByRole('textbox', { name: 'Email' })
    expect(contact.open).toBe(true)
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(email)
    expect(screen.getByText(/Write an email address/)).toBeTruthy()
    expect(session.stores.groups.getSnapshot().items[0]?.contacts.email).toBe('')
  })

  it('keeps what was typed when the form is left and opened again', () => {
    const first = renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Group name' }), {
      target: { value: 'Half typed' },
    })
    first.unmount()
    renderScreen()
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Group name' }).value).toBe(
      'Half typed',
    )
    expect(screen.getByText(/it is not saved yet/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Discard these changes' }))
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Group name' }).value).toBe('')
  })

  it('after adding, shows the profile with "Add more details", whose sections save people, answers and who can see them', () => {
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Group name' }), {
      target: { value: 'Tenants Union' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    expect(screen.getByRole('heading', { name: 'Tenants Union', level: 1 })).toBeTruthy()
    expect(screen.getByText('Tenants Union added.')).toBeTruthy()
    const more = screen.getByRole('region', { name: 'Add more details' })
    fireEvent.click(within(more).getByRole('link', { name: 'People' }))
    expect(window.location.search).toBe('?section=people')
    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Rosa' },
    })
    const people = section('People')
    expect(people.open).toBe(true)
    fireEvent.change(within(people).getByRole('combobox', { name: 'Who can see this' }), {
      target: { value: 'public' },
    })
    const about = section('About the group')
    fireEvent.change(within(about).getByRole('combobox', { name: 'Who can see this' }), {
      target: { value: 'each' },
    })
    fireEvent.click(
      within(within(about).getByRole('group', { name: 'In the public profile' })).getByRole(
        'checkbox',
        { name: 'Group name' },
      ),
    )
    const criterion = screen.getByRole('group', { name: 'Unfunded or underfunded' })
    fireEvent.click(within(criterion).getByRole('radio', { name: 'Partly' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const [group] = session.stores.groups.getSnapshot().items
    expect(group?.name).toBe('Tenants Union')
    expect(group?.visibility.name).toBe('public')
    expect(group?.visibility.summary ?? 'network').toBe('network')
    expect(group?.visibility.people).toBe('public')
    expect(group?.people.map((p) => p.name)).toEqual(['Rosa'])
    expect(Object.values(group?.criteria ?? {}).map((a) => a.answer)).toEqual(['partly'])
  })

  it('deletes from the profile with Undo, and from the list to the trash', () => {
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Group name' }), {
      target: { value: 'Seed Library' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    fireEvent.click(screen.getByRole('button', { name: 'Delete Seed Library' }))
    expect(screen.getByRole('heading', { name: 'Groups', level: 1 })).toBeTruthy()
    expect(session.stores.groups.getSnapshot().items).toHaveLength(0)
    const offer = undoStore.getSnapshot()
    expect(offer?.message).toBe('Seed Library deleted.')
    act(() => offer?.undo())
    const list = screen.getByRole('list', { name: '1 group' })
    expect(within(list).getByRole('heading', { name: 'Seed Library' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Delete Seed Library' }))
    expect(screen.queryByRole('list', { name: '1 group' })).toBeNull()
    expect(undoStore.getSnapshot()?.message).toBe('Seed Library deleted.')
    fireEvent.click(screen.getByRole('button', { name: 'Restore Seed Library' }))
    expect(screen.getByRole('list', { name: '1 group' })).toBeTruthy()
  })

  it('shows a group’s offers and needs from the skills map, each leading to its skill', () => {
    const id = session.stores.groups.addGroup({
      name: 'Bike Kitchen',
      summary: '',
      languages: ['bsl', 'en'],
    })
    const skills = session.stores.skills
    const fixing = skills.addSkill('Bike repair', 'other')
    const grants = skills.addSkill('Grant writing', 'money')
    if (!fixing.ok || !grants.ok) throw new Error('skills not added')
    const common = { groupId: id, note: '', contact: '' }
    skills.addEntry({ ...common, skillId: fixing.value, kind: 'offer', level: 'teach' })
    skills.addEntry({ ...common, skillId: grants.value, kind: 'need', urgency: 'soon' })
    window.history.replaceState(null, '', `/spaces/${session.spaceId}/groups/${id}`)
    renderScreen()
    const card = screen.getByRole('region', { name: 'Offers and needs' })
    const offer = within(card).getByRole('link', { name: 'Bike repair' })
    expect(offer.getAttribute('href')).toBe(
      `/spaces/${session.spaceId}/skills/skill/${fixing.value}`,
    )
    expect(within(card).getByRole('link', { name: 'Grant writing' })).toBeTruthy()
    expect(
      within(card).getByRole('link', { name: 'Add an offer or need' }).getAttribute('href'),
    ).toBe(`/spaces/${session.spaceId}/skills/add`)
    // languages by name, a sign language too (browsers give back its code)
    expect(screen.getByText(/British Sign Language/)).toBeTruthy()
    expect(screen.queryByText(/\bbsl\b/)).toBeNull()
  })

  it('shows a group that arrives from another device without any action', () => {
    renderScreen()
    const elsewhere = new Y.Doc()
    createGroupStore(elsewhere).addGroup({ name: 'Tenants Union', summary: 'Rights at home' })
    act(() => Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(elsewhere), 'peer'))
    expect(screen.getByRole('heading', { name: 'Tenants Union' })).toBeTruthy()
  })

  it('draws fifty cards at a time in a large network, while search still finds every group', () => {
    act(() => {
      for (let n = 0; n < 120; n++)
        session.stores.groups.addGroup({ name: `Group ${String(n).padStart(3, '0')}`, summary: '' })
    })
    renderScreen()
    const cards = () => screen.getAllByRole('heading', { level: 2, name: /^Group \d+$/ })
    expect(cards()).toHaveLength(50)
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more groups' }))
    expect(cards()).toHaveLength(100)
    fireEvent.click(screen.getByRole('button', { name: 'Show 20 more groups' }))
    expect(cards()).toHaveLength(120)
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull()
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search groups' }), {
      target: { value: 'Group 119' },
    })
    expect(cards().map((h) => h.textContent)).toEqual(['Group 119'])
  })
})
