/**
 * The one way unit tests build what the app runs on: a phone's services on a database of its
 * own (fake-indexeddb, see unit-setup.ts), a space with its session open, a bare session on a
 * space record, and a render inside the app's services and the English catalog.
 */
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { newSpaceId, newSpaceKey } from '../../src/domain/ids'
import { I18nProvider } from '../../src/i18n/i18n-context'
import { createTranslator, englishCatalog } from '../../src/i18n/translate'
import { createAppServices, type AppServices } from '../../src/session/app-services'
import { openSession, type SpaceSession } from '../../src/session/session'
import { AppServicesContext } from '../../src/session/use-app'
import { openWeaveDb, type WeaveDb } from '../../src/storage/db'
import type { SpaceRecord } from '../../src/storage/types'

/** A database no other test shares; `label` names it in failures. */
export function freshDb(label: string): WeaveDb {
  return openWeaveDb(`${label}-${crypto.randomUUID()}`)
}

/** A phone's app services on a database of its own. */
export function phoneServices(label: string, db: WeaveDb = freshDb(label)): Promise<AppServices> {
  return createAppServices(db)
}

/** A space as the spaces table holds it, for a session opened on it directly. */
export function spaceRecord(): SpaceRecord {
  return {
    id: newSpaceId(),
    name: 'Network',
    key: newSpaceKey(),
    settings: { signallingUrls: [], iceServers: [] },
    createdAt: 1,
    openedAt: 1,
  }
}

/** A ready session on a new space of a database of its own; dispose() it after the test. */
export async function openTestSession(label: string): Promise<SpaceSession> {
  const session = openSession(freshDb(label), spaceRecord())
  await session.ready
  return session
}

export interface SpaceOnPhone {
  readonly services: AppServices
  readonly space: SpaceRecord
  readonly session: SpaceSession
  /** Lets go of the session (as leaving the space's screens does). */
  readonly release: () => void
}

/**
 * A phone's services with one space created through them (named `name`) and its session
 * acquired and ready, as the space's screens have it.
 */
export async function phoneWithSpace(
  label: string,
  name = 'Network',
  options: { displayName?: string } = {},
): Promise<SpaceOnPhone> {
  const services = await phoneServices(label)
  if (options.displayName !== undefined)
    await services.saveProfile({ displayName: options.displayName, colour: '#336699' })
  const created = await services.createSpace(name)
  if (!created.ok) throw new Error(`createSpace: ${JSON.stringify(created)}`)
  const space = created.value
  const { session, release } = services.sessions.acquire(space)
  await session.ready
  return { services, space, session, release }
}

/** Renders a screen in English, inside the app's services when given (as the app shell does). */
export function renderInApp(ui: ReactNode, services?: AppServices) {
  const translated = (
    <I18nProvider translator={createTranslator('en', englishCatalog)}>{ui}</I18nProvider>
  )
  return render(
    services ? (
      <AppServicesContext.Provider value={services}>{translated}</AppServicesContext.Provider>
    ) : (
      translated
    ),
  )
}
