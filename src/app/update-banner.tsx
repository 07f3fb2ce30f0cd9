import { useT } from '../i18n/i18n-context'
import type { UpdateController } from '../session/platform'
import { useStore } from '../session/use-app'

/** Offers a waiting new version; it is applied only when the person says so. */
export function UpdateBanner({ update }: { update: UpdateController }) {
  const t = useT()
  const status = useStore(update.state)
  if (status !== 'available' && status !== 'applying') return null
  return (
    <aside className="banner" aria-label={t('update.label')}>
      <p>{t('update.available')}</p>
      <button
        type="button"
        className="primary"
        onClick={() => void update.apply()}
        disabled={status === 'applying'}
      >
        {t('update.apply')}
      </button>
    </aside>
  )
}
