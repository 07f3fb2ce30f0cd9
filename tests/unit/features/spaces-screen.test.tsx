// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SpacesScreen } from '../../../src/features/spaces/spaces-screen'
import { type AppServices } from '../../../src/session/app-services'
import { StorageAlert } from '../../../src/app/storage-alert'
import type { SpaceRecord, StorageResult } from '../../../src/storage/types'
import type { WeaveDb } from '../../../src/storage/db'
import { freshDb, phoneServices, renderInApp } from '../../support/unit-app'

let db: WeaveDb
let services: AppServices

beforeEach(async () => {
  db = freshDb('spaces-screen')
  services = await phoneServices('spaces-screen', db)
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

async function created(pending: Promise<StorageResult<SpaceRecord>>): Promise<SpaceRecord> {
  const result = await pending
  if (!result.ok) throw new Error(result.message)
  return result.value
}

function renderScreen() {
  return renderInApp(
    <>
      <StorageAlert />
      <SpacesScreen />
    </>,
    services,
  )
}

describe('spaces screen', () => {
  it('offers example data when there are no spaces, and makes a fictional network', async () => {
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Try it with example data' }))
    await waitFor(async () => expect(await db.spaces.count()).toBe(1))
    const [space] = await db.spaces.toArray()
    expect(space?.name).toBe('Example network (fictional)')
    const { session, release } = services.sessions.acquire(space!)
    await session.ready
    const groups = session.stores.groups.getSnapshot().items
    expect(groups.length).toBeGreaterThanOrEqual(4)
    expect(groups.every((g) => g.summary.startsWith('Fictional example:'))).toBe(true)
    release()
  })

  it('says so when the disk is full, keeps the typed name, and adds no space', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const full = vi
      .spyOn(db.spaces, 'add')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
    renderScreen()
    const name = screen.getByRole('textbox', { name: 'Name of the space' })
    fireEvent.change(name, { target: { value: 'Food co-ops' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create space' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/storage is full/)
    expect((name as HTMLInputElement).value).toBe('Food co-ops')
    expect(await db.spaces.count()).toBe(0)

    full.mockRestore()
    fireEvent.click(screen.getByRole('button', { name: 'Create space' }))
    await waitFor(async () => expect(await db.spaces.count()).toBe(1))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
  })

  it('creates a space, refusing an empty name with a message', async () => {
    renderScreen()
    expect(screen.getByText(/You have no spaces yet/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Create space' }))
    expect(screen.getByRole('alert').textContent).toBe('Please write a name for the space.')
    fireEvent.change(screen.getByRole('textbox', { name: 'Name of the space' }), {
      target: { value: 'Food Network' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Create space' }))
    await screen.findByRole('link', { name: 'Food Network' })
    expect((await db.spaces.toArray()).map((s) => s.name)).toEqual(['Food Network'])
  })

  it('renames a space', async () => {
    await services.createSpace('Old name')
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Rename Old name' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'New name' }), {
      target: { value: 'New name' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('link', { name: 'New name' })
    expect((await db.spaces.toArray())[0]?.name).toBe('New name')
  })

  it('leaves a space only after the warning is confirmed, deleting its data from this device', async () => {
    const space = await created(services.createSpace('Network'))
    const { session, release } = services.sessions.acquire(space)
    await session.ready
    session.stores.groups.addGroup({ name: 'Co-op', summary: '' })
    await session.persistence.flush()
    release()
    renderScreen()

    fireEvent.click(screen.getByRole('button', { name: 'Leave Network' }))
    const dialog = screen.getByRole('dialog', { name: 'Leave Network?' })
    expect(within(dialog).getByText(/Other people keep their copies/)).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(await db.spaces.count()).toBe(1)

    fireEvent.click(screen.getByRole('button', { name: 'Leave Network' }))
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Leave Network?' })).getByRole('button', {
        name: 'Delete from this phone',
      }),
    )
    await waitFor(async () => expect(await db.spaces.count()).toBe(0))
    expect(await db.updates.where('spaceId').equals(space.id).count()).toBe(0)
    expect(await db.snapshots.get(space.id)).toBeUndefined()
    await screen.findByText(/You have no spaces yet/)
  })

  it('empties the trash of a space for good, after saying how many items go', async () => {
    const space = await created(services.createSpace('Network'))
    const { session, release } = services.sessions.acquire(space)
    await session.ready
    const keep = session.stores.groups.addGroup({ name: 'Keep', summary: '' })
    const drop = session.stores.groups.addGroup({ name: 'Drop', summary: '' })
    session.stores.groups.deleteGroup(drop)
    renderScreen()

    fireEvent.click(screen.getByRole('button', { name: 'Empty trash of Network' }))
    const dialog = await screen.findByRole('dialog', { name: 'Empty the trash?' })
    expect(within(dialog).getByText(/1 deleted item will be removed for good/)).toBeTruthy()
    act(() => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Empty trash' }))
    })
    await screen.findByText('1 item removed for good.')
    const { byId } = session.stores.groups.getSnapshot()
    expect([...byId.keys()]).toEqual([keep])
    release()
  })
})
