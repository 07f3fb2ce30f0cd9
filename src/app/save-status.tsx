import { useT } from '../i18n/i18n-context'
import type { Session } from '../session/session'
import { useSaveState } from '../session/use-app'

/** Says whether every edit is stored on this phone; announced politely to screen readers. */
export function SaveStatus({ session }: { session: Session }) {
  const t = useT()
  const state = useSaveState(session)
  let text: string
  if (state.kind === 'saving') text = t('save.saving')
  else if (state.kind === 'saved') text = t('save.saved')
  else if (state.error === 'quota-exceeded') text = t('save.quota')
  else text = t('save.failed')
  return (
    <p role="status" className={`save-status ${state.kind}`}>
      {text}
    </p>
  )
}
