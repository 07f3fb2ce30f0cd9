import { I18nProvider } from '../i18n/i18n-context'
import type { Translator } from '../i18n/translate'

/** Shown when IndexedDB cannot be opened at all (private browsing, storage switched off). */
export function BootError({ translator: t }: { translator: Translator }) {
  return (
    <I18nProvider translator={t}>
      <main className="page narrow" id="main">
        <h1>{t('boot.title')}</h1>
        <p>{t('boot.body')}</p>
      </main>
    </I18nProvider>
  )
}
