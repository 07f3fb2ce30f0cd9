import { useT } from '../../i18n/i18n-context'

/** The skills map of a space. Its content arrives with the skills-map work. */
export function SkillsScreen() {
  const t = useT()
  return (
    <section aria-labelledby="main-heading" className="stack">
      <h1 id="main-heading" tabIndex={-1}>
        {t('skills.title')}
      </h1>
      <p className="empty">{t('skills.notYet')}</p>
    </section>
  )
}
