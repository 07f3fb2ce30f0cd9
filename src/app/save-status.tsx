import { useT } from '../i18n/i18n-context'
import type { Session } from '../session/session'
import { useSaveState } from '../session/use-app'
import { Icon } from '../ui/icons'

/**
 * Says whether every edit is stored on this phone; announced politely to screen readers. Saved
 * is a tick and one word beside the sync status (like a document app's "Saved"), so the space's
 * bar stays two rows on a small phone; the full sentence is what a screen reader hears. A
 * failure is spelled out in full on its own row.
 */
export function SaveStatus({ session }: { session: Session }) {
  const t = useT()
  const state = useSaveState(session)
  if (state.kind === 'saved') {
    return (
      <p role="status" className="save-status saved" title={t('save.saved')}>
        <Icon name="check" size={16} />
        <span aria-hidden="true">{t('save.savedShort')}</span>
        <span className="visually-hidden">{t('save.saved')}</span>
      </p>
    )
  }
  let text: string
  if (state.kind === 'saving') text = t('save.saving')
  else if (state.error === 'quota-exceeded') text = t('save.quota')
  else text = t('save.failed')
  return (
    <p role="status" className={`save-status ${state.kind}`}>
      {text}
    </p>
  )
}
