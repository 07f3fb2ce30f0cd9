/**
 * Which screen a path shows. Focus moves to each new screen's heading so a screen reader
 * hears where it arrived, and keyboard users start at the top of the new content.
 */
import { lazy, Suspense, useEffect } from 'react'
import type { SpaceId } from '../domain/ids'
import { FirstRunScreen } from '../features/first-run/first-run-screen'
import { INVITE_PATH } from '../domain/invite'
import { SpacesScreen } from '../features/spaces/spaces-screen'
import { useT } from '../i18n/i18n-context'
import type { InstallController, UpdateController } from '../session/platform'
import { useDevice } from '../session/use-app'
import { ErrorBoundary } from '../ui/error-boundary'
import { matchPath, navigate, usePath } from '../ui/router'
import { PAGES, type Section } from './space-pages'

// The first screens a person sees are in the main bundle; the rest load when first opened
// (and are precached by the service worker, so they open offline too).
const SpaceLayout = lazy(() => import('./space-layout').then((m) => ({ default: m.SpaceLayout })))
const SettingsScreen = lazy(() =>
  import('../features/settings/settings-screen').then((m) => ({ default: m.SettingsScreen })),
)
const InstallScreen = lazy(() =>
  import('../features/install/install-screen').then((m) => ({ default: m.InstallScreen })),
)
const JoinScreen = lazy(() =>
  import('../features/join/join-screen').then((m) => ({ default: m.JoinScreen })),
)

/**
 * Focuses the new screen's heading, waiting a moment for a screen that is still loading, and
 * names the page after it: the title is what a screen reader says first, and what the
 * browser's tabs and history show.
 */
function focusHeading(appName: string): () => void {
  let frames = 0
  let handle = 0
  const attempt = () => {
    const heading = document.getElementById('main-heading')
    if (heading) {
      heading.focus({ preventScroll: false })
      const text = heading.textContent.trim()
      document.title = text && text !== appName ? `${text} · ${appName}` : appName
    } else if (frames++ < 120) handle = requestAnimationFrame(attempt)
  }
  attempt()
  return () => cancelAnimationFrame(handle)
}

interface Props {
  readonly update: UpdateController
  readonly install: InstallController
}

export function Routes({ update, install }: Props) {
  const t = useT()
  const path = usePath()
  const { profile } = useDevice()

  // Finishing the first run shows the spaces screen at the same path: focus its heading too.
  const started = profile !== undefined
  // again when the language changes: the title is then in the new language
  useEffect(() => focusHeading(t('app.name')), [path, started, t])

  if (!profile) return <FirstRunScreen />

  const space = matchPath('/spaces/:id/:section', path)
  const spaceRoot = matchPath('/spaces/:id', path)
  const groupPage =
    matchPath('/spaces/:id/groups/:groupId', path) ??
    matchPath('/spaces/:id/groups/:groupId/edit', path)
  const skillsPage =
    matchPath('/spaces/:id/skills/:view', path) ??
    matchPath('/spaces/:id/skills/skill/:skillId', path)
  const meetingPage =
    matchPath('/spaces/:id/meetings/:meetingId', path) ??
    matchPath('/spaces/:id/meetings/:meetingId/edit', path)
  // Inside one space the layout stays mounted from page to page (its session, its status),
  // so moving between a list and a profile does not flash 'loading'.
  const spaceId = groupPage?.id ?? meetingPage?.id ?? skillsPage?.id ?? space?.id
  const screenKey = spaceId ? `space:${spaceId}` : path
  let screen
  if (path === '/') screen = <SpacesScreen />
  else if (path === '/settings') screen = <SettingsScreen update={update} />
  else if (path === '/install') screen = <InstallScreen install={install} />
  else if (path === INVITE_PATH) screen = <JoinScreen />
  else if (space?.id && PAGES.includes(space.section as Section))
    screen = <SpaceLayout spaceId={space.id as SpaceId} section={space.section as Section} />
  else if (groupPage?.id)
    screen = <SpaceLayout spaceId={groupPage.id as SpaceId} section="groups" />
  else if (skillsPage?.id)
    screen = <SpaceLayout spaceId={skillsPage.id as SpaceId} section="skills" />
  else if (meetingPage?.id)
    screen = <SpaceLayout spaceId={meetingPage.id as SpaceId} section="meetings" />
  else if (spaceRoot?.id) {
    navigate(`/spaces/${spaceRoot.id}/home`, { replace: true })
    return null
  } else screen = <NotFound />

  return (
    <ErrorBoundary
      key={screenKey}
      fallback={() => (
        <main className="page" id="main">
          <h1 id="main-heading" tabIndex={-1}>
            {t('error.title')}
          </h1>
          <p>{t('error.body')}</p>
        </main>
      )}
    >
      <Suspense fallback={<Loading />}>{screen}</Suspense>
    </ErrorBoundary>
  )
}

function Loading() {
  const t = useT()
  return (
    <main className="page" id="main" aria-busy="true">
      <p role="status">{t('space.loading')}</p>
    </main>
  )
}

function NotFound() {
  const t = useT()
  return (
    <main className="page" id="main">
      <h1 id="main-heading" tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </main>
  )
}
