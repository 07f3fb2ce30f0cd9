import { useT } from '../../i18n/i18n-context'

/** Meetings of a space. Notes, agenda and attendance arrive with the meetings work. */
export function MeetingsScreen() {
  const t = useT()
  return (
    <section aria-labelledby="main-heading" className="stack">
      <h1 id="main-heading" tabIndex={-1}>
        {t('meetings.title')}
      </h1>
      <p className="empty">{t('meetings.notYet')}</p>
    </section>
  )
}
