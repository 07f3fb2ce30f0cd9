import { useT } from '../i18n/i18n-context'
import { useDevice } from '../session/use-app'
import { Link } from '../ui/router'

/** The app's top bar: home (the spaces on this device) and settings. */
export function TopBar() {
  const t = useT()
  const { profile } = useDevice()
  return (
    <header className="top-bar">
      <Link to="/" className="brand">
        <img src="/icon.svg" alt="" width="28" height="28" />
        <span>{t('app.name')}</span>
      </Link>
      {profile && (
        <nav aria-label={t('nav.main')}>
          <Link to="/">{t('nav.spaces')}</Link>
          <Link to="/settings">{t('nav.settings')}</Link>
        </nav>
      )}
    </header>
  )
}
