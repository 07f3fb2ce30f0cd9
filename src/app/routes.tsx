/**
 * Which screen a path shows. Focus moves to each new screen's heading so a screen reader
 * hears where it arrived, and keyboard users start at the top of the new content.
 */
import { useEffect } from 'react'
import type { SpaceId } from '../domain/ids'
import { FirstRunScreen } from '../features/first-run/first-run-screen'
import { InstallScreen } from '../features/install/install-screen'
import { JoinScreen } from '../features/join/join-screen'
import { INVITE_PATH } from '../domain/invite'
import { SettingsScreen } from '../features/settings/settings-screen'
import { SpacesScreen } from '../features/spaces/spaces-screen'
import { useT } from '../i18n/i18n-context'
import type { InstallController, UpdateController } from '../session/platform'
import { useDevice } from '../session/use-app'
import { ErrorBoundary } from '../ui/error-boundary'
import { matchPath, navigate, usePath } from '../ui/router'
import { PAGES, SpaceLayout, type Section } from './space-layout'

interface Props {
  readonly update: UpdateController
  readonly install: InstallController
}

export function Routes({ update, install }: Props) {
  const t = useT()
  const path = usePath()
  const { profile } = useDevice()

  useEffect(() => {
    document.getElementById('main-heading')?.focus({ preventScroll: false })
  }, [path])

  if (!profile) return <FirstRunScreen />

  const space = matchPath('/spaces/:id/:section', path)
  const spaceRoot = matchPath('/spaces/:id', path)
  const groupPage =
    matchPath('/spaces/:id/groups/:groupId', path) ??
    matchPath('/spaces/:id/groups/:groupId/edit', path)
  let screen
  if (path === '/') screen = <SpacesScreen />
  else if (path === '/settings') screen = <SettingsScreen update={update} />
  else if (path === '/install') screen = <InstallScreen install={install} />
  else if (path === INVITE_PATH) screen = <JoinScreen />
  else if (space?.id && PAGES.includes(space.section as Section))
    screen = <SpaceLayout spaceId={space.id as SpaceId} section={space.section as Section} />
  else if (groupPage?.id)
    screen = <SpaceLayout spaceId={groupPage.id as SpaceId} section="groups" />
  else if (spaceRoot?.id) {
    navigate(`/spaces/${spaceRoot.id}/groups`, { replace: true })
    return null
  } else screen = <NotFound />

  return (
    <ErrorBoundary
      key={path}
      fallback={() => (
        <main className="page" id="main">
          <h1 id="main-heading" tabIndex={-1}>
            {t('error.title')}
          </h1>
          <p>{t('error.body')}</p>
        </main>
      )}
    >
      {screen}
    </ErrorBoundary>
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
