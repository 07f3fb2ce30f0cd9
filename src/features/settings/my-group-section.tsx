/**
 * Which group this phone speaks for in each space ("who could help us" on the skills map).
 * A space's groups live in its document, so a space is opened only when its row is opened.
 */
import { useId, useState } from 'react'
import type { SpaceId } from '../../domain/ids'
import { useT } from '../../i18n/i18n-context'
import {
  useAppServices,
  useDevice,
  useSpaces,
  useSpaceSession,
  useStore,
} from '../../session/use-app'
import type { Session } from '../../session/session'
import { GroupPicker } from '../../ui/group-picker'

export function MyGroupSection() {
  const t = useT()
  const id = useId()
  const spaces = useSpaces()
  if (spaces.length === 0) return null
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.myGroup')}</h2>
      <p className="hint">{t('settings.myGroupHint')}</p>
      {spaces.map((space) => (
        <SpaceRow key={space.id} spaceId={space.id} name={space.name} />
      ))}
    </section>
  )
}

function SpaceRow({ spaceId, name }: { spaceId: SpaceId; name: string }) {
  const [open, setOpen] = useState(false)
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{name}</summary>
      {open && <Picker spaceId={spaceId} name={name} />}
    </details>
  )
}

function Picker({ spaceId, name }: { spaceId: SpaceId; name: string }) {
  const t = useT()
  const state = useSpaceSession(spaceId)
  if (state.status !== 'ready') return <p role="status">{t('space.loading')}</p>
  return <GroupSelect session={state.session} name={name} />
}

function GroupSelect({ session, name }: { session: Session; name: string }) {
  const t = useT()
  const id = useId()
  const services = useAppServices()
  const groups = useStore(session.stores.groups).items
  const chosen = useDevice().myGroups[session.spaceId] ?? ''
  if (groups.length === 0) return <p className="hint">{t('skills.noGroups')}</p>
  return (
    <div className="field">
      <label htmlFor={id}>{t('settings.myGroupIn', { space: name })}</label>
      <GroupPicker
        id={id}
        groups={groups}
        value={chosen}
        none={t('skills.myGroupNone')}
        onChange={(groupId) => void services.setMyGroup(session.spaceId, groupId || undefined)}
      />
    </div>
  )
}
