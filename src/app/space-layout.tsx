/**
 * Inside a space: its name, how its local copy is doing, and the sections
 * (groups, skills, meetings) as a bottom navigation on phones.
 */
import type { SpaceId } from '../domain/ids'
import { GroupsScreen } from '../features/groups/groups-screen'
import { MeetingsScreen } from '../features/meetings/meetings-screen'
import { ShareScreen } from '../features/share/share-screen'
import { SkillsScreen } from '../features/skills/skills-screen'
import { useT } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/translate'
import { useSpaceSession } from '../session/use-app'
import { ErrorBoundary } from '../ui/error-boundary'
import { Icon } from '../ui/icons'
import { Link } from '../ui/router'
import { SaveStatus } from './save-status'
import { SyncIndicator } from './sync-indicator'

import { SECTIONS, type Section } from './space-pages'

const LABELS: Record<(typeof SECTIONS)[number], MessageKey> = {
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
          </Link>
        ))}
      </nav>
      <main className="page with-tabs" id="main">
        <div className="space-bar">
          <p className="space-title">{space.name}</p>
          <SaveStatus session={session} />
          <SyncIndicator session={session} />
        </div>
        <ErrorBoundary key={section} fallback={() => <p role="alert">{t('error.body')}</p>}>
          {section === 'groups' && <GroupsScreen session={session} />}
          {section === 'skills' && <SkillsScreen session={session} space={space} />}
          {section === 'meetings' && <MeetingsScreen session={session} />}
          {section === 'share' && <ShareScreen session={session} space={space} />}
        </ErrorBoundary>
      </main>
    </>
  )
}
