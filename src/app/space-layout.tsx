/**
 * Inside a space: its name, how its copy is doing (saved, shared, with whom), one Share action,
 * and the sections (home, groups, skills, meetings) as a bottom navigation on phones.
 */
import { lazy } from 'react'
import type { SpaceId } from '../domain/ids'
import { GroupsScreen } from '../features/groups/groups-screen'
import { HomeScreen } from '../features/home/home-screen'
import { useUnseenCount } from '../features/home/use-unseen'
import { MeetingsScreen } from '../features/meetings/meetings-screen'
import { RoomScreen } from '../features/room/room-screen'
import { ShareScreen } from '../features/share/share-screen'
import { SkillsScreen } from '../features/skills/skills-screen'
import { useT } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/translate'
import { MeetingMediaSlot } from '../session/meeting-media-slot'
import type { Session } from '../session/session'
import { useSpaceSession } from '../session/use-app'
import { ErrorBoundary } from '../ui/error-boundary'
import { formatNumber } from '../ui/format'
import { Icon } from '../ui/icons'
import { Link } from '../ui/router'
import { SaveStatus } from './save-status'
import { SyncIndicator } from './sync-indicator'

import { SECTIONS, type Section } from './space-pages'

/** A meeting's photos and voice notes: their own chunk, loaded with the first meeting opened. */
const MeetingMediaSection = lazy(() => import('../features/media/meeting-media'))

const LABELS: Record<(typeof SECTIONS)[number], MessageKey> = {
  home: 'nav.home',
  groups: 'nav.groups',
  skills: 'nav.skills',
  meetings: 'nav.meetings',
}

export function SpaceLayout({ spaceId, section }: { spaceId: SpaceId; section: Section }) {
  const t = useT()
  const state = useSpaceSession(spaceId)

  if (state.status === 'missing') {
    return (
      <main className="page" id="main">
        <h1 id="main-heading" tabIndex={-1}>
          {t('space.missingTitle')}
        </h1>
        <p>{t('space.missingBody')}</p>
        <Link to="/">{t('notFound.home')}</Link>
      </main>
    )
  }
  if (state.status === 'loading') {
    return (
      <main className="page" id="main" aria-busy="true">
        <p role="status">{t('space.loading')}</p>
      </main>
    )
  }
  const { session, space } = state
  return (
    <>
      <nav className="tabs" aria-label={t('nav.space', { name: space.name })}>
        {SECTIONS.map((name) => (
          <Link
            key={name}
            to={`/spaces/${space.id}/${name}`}
            className="tab"
            aria-current={name === section ? 'page' : undefined}
          >
            <Icon name={name} />
            <span>{t(LABELS[name])}</span>
            {name === 'home' && section !== 'home' && <UnseenBadge session={session} />}
          </Link>
        ))}
      </nav>
      <main className="page with-tabs" id="main">
        <div className="space-bar">
          <div className="space-head">
            <p className="space-title" title={space.name}>
              {space.name}
            </p>
            {section !== 'share' && (
              <Link to={`/spaces/${space.id}/share`} className="share-action">
                <Icon name="share" size={20} />
                <span>{t('space.share')}</span>
              </Link>
            )}
          </div>
          <div className="space-status">
            <SyncIndicator session={session} space={space} />
            <SaveStatus session={session} />
          </div>
        </div>
        <ErrorBoundary key={section} fallback={() => <p role="alert">{t('error.body')}</p>}>
          {section === 'home' && <HomeScreen session={session} space={space} />}
          {section === 'groups' && <GroupsScreen session={session} />}
          {section === 'skills' && <SkillsScreen session={session} space={space} />}
          {section === 'meetings' && (
            <MeetingMediaSlot.Provider value={MeetingMediaSection}>
              <MeetingsScreen session={session} />
            </MeetingMediaSlot.Provider>
          )}
          {section === 'share' && <ShareScreen session={session} space={space} />}
          {section === 'room' && <RoomScreen session={session} space={space} />}
        </ErrorBoundary>
      </main>
    </>
  )
}

/** The number of changes by others since this phone last looked at the home. */
function UnseenBadge({ session }: { session: Session }) {
  const t = useT()
  const count = useUnseenCount(session)
  if (count === 0) return null
  return (
    <>
      <span className="tab-badge" aria-hidden="true">
        {count > 99 ? '99+' : formatNumber(count, t.locale)}
      </span>
      <span className="visually-hidden">{t('nav.homeUnseen', { count })}</span>
    </>
  )
}
