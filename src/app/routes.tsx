/**
 * Which screen a path shows. Focus moves to each new screen's heading so a screen reader
 * hears where it arrived, and keyboard users start at the top of the new content.
 */
import { lazy, Suspense, useEffect } from 'react'
import { FirstRunScreen } from '../features/first-run/first-run-screen'
import { SpacesScreen } from '../features/spaces/spaces-screen'
import { useT } from '../i18n/i18n-context'
import type { InstallController, UpdateController } from '../session/platform'
import { useDevice } from '../session/use-app'
import { ErrorBoundary } from '../ui/error-boundary'
import { navigate, useRoute } from '../ui/router'
import { PAGES } from './space-pages'

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
  const route = useRoute()
  const { profile } = useDevice()

  // Finishing the first run shows the spaces screen at the same path: focus its heading too.
  const started = profile !== undefined
  // again when the language changes: the title is then in the new language
  useEffect(() => focusHeading(t('app.name')), [route, started, t])

  if (!profile) return <FirstRunScreen />

  if (route.page === 'space-root') {
    navigate(`/spaces/${route.spaceId}/home`, { replace: true })
    return null
  }
  const section = route.page === 'space' ? PAGES.find((p) => p === route.section) : undefined
  // Inside one space the layout stays mounted from page to page (its session, its status),
  // so moving between a list and a profile does not flash 'loading'.
  const screenKey = route.page === 'space' && section ? `space:${route.spaceId}` : route.page
  let screen
  if (route.page === 'spaces') screen = <SpacesScreen />
  else if (route.page === 'settings') screen = <SettingsScreen update={update} />
  else if (route.page === 'install') screen = <InstallScreen install={install} />
  else if (route.page === 'join') screen = <JoinScreen />
  else if (route.page === 'space' && section)
    screen = <SpaceLayout spaceId={route.spaceId} section={section} />
  else screen = <NotFound />

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
