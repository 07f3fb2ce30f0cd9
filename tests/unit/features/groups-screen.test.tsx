// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import * as Y from 'yjs'
import { createGroupStore } from '../../../src/doc/group-store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import { GroupsScreen } from '../../../src/features/groups/groups-screen'
import { I18nProvider } from '../../../src/i18n/i18n-context'
import { createTranslator, englishCatalog } from '../../../src/i18n/translate'
import { openSession, type Session } from '../../../src/session/session'
import { openWeaveDb } from '../../../src/storage/db'

let session: Session

beforeEach(async () => {
  localStorage.clear()
  window.history.replaceState(null, '', '/')
  session = openSession(openWeaveDb(`groups-screen-${Math.random()}`), {
    id: newSpaceId(),
    name: 'Network',
    key: newSpaceKey(),
    settings: { signallingUrls: [], iceServers: [] },
    createdAt: 1,
    openedAt: 1,
  })
  await session.ready
})

afterEach(async () => {
  cleanup()
  await session.dispose()
})

function renderScreen() {
  return render(
    <I18nProvider translator={createTranslator('en', englishCatalog)}>
      <GroupsScreen session={session} />
    </I18nProvider>,
  )
}

describe('groups screen', () => {
  it('says what to do when there are no groups', () => {
    renderScreen()
    expect(screen.getByText(/No groups yet/)).toBeTruthy()
  })

  it('refuses a group without a name: the message is tied to the field, which gets focus', () => {
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    fireEvent.change(screen.getByRole('textbox', { name: /what the group does/ }), {
      target: { value: 'Bulk buying' },
    })
    fireEvent.change(screen.getByRole('textbox', { name: 'Email' }), {
      target: { value: 'not-an-email' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    const name = screen.getByRole('textbox', { name: 'Group name' })
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(name)
    const described = name.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(described)?.textContent).toBe('Please write the group’s name.')
    const email = screen.getByRole('textbox', { name: 'Email' })
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText(/Write an email address/)).toBeTruthy()
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: /what the group does/ }).value,
    ).toBe('Bulk buying')
    expect(session.stores.groups.getSnapshot().items).toHaveLength(0)
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

  it('saves people, criteria answers and public fields from the form', () => {
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Group name' }), {
      target: { value: 'Tenants Union' },
    })
    fireEvent.click(screen.getByRole('checkbox', { name: 'Public (Group name)' }))
    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Rosa' },
    })
    const criterion = screen.getByRole('group', { name: 'Unfunded or underfunded' })
    fireEvent.click(within(criterion).getByRole('radio', { name: 'Partly' }))
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    const [group] = session.stores.groups.getSnapshot().items
    expect(group?.name).toBe('Tenants Union')
    expect(group?.visibility.name).toBe('public')
    expect(group?.people.map((p) => p.name)).toEqual(['Rosa'])
    expect(Object.values(group?.criteria ?? {}).map((a) => a.answer)).toEqual(['partly'])
  })

  it('adds a group, deletes it to the trash and restores it', () => {
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Group name' }), {
      target: { value: 'Seed Library' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    const list = screen.getByRole('list', { name: '1 group' })
    expect(within(list).getByRole('heading', { name: 'Seed Library' })).toBeTruthy()
    expect(session.stores.groups.getSnapshot().items.map((g) => g.name)).toEqual(['Seed Library'])

    fireEvent.click(screen.getByRole('button', { name: 'Delete Seed Library' }))
    expect(screen.queryByRole('list', { name: '1 group' })).toBeNull()
    expect(screen.getByText('Seed Library moved to the trash.')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Restore Seed Library' }))
    expect(screen.getByRole('list', { name: '1 group' })).toBeTruthy()
  })

  it('shows a group that arrives from another device without any action', () => {
    renderScreen()
    const elsewhere = new Y.Doc()
    createGroupStore(elsewhere).addGroup({ name: 'Tenants Union', summary: 'Rights at home' })
    act(() => Y.applyUpdate(session.stores.doc, Y.encodeStateAsUpdate(elsewhere), 'peer'))
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
