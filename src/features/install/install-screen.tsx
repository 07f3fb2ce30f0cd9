/**
 * How to install Weave on this device: the browser's own prompt where there is one,
 * step-by-step instructions on iPhone and iPad (Safari has no prompt).
 */
import { useT } from '../../i18n/i18n-context'
import type { InstallController } from '../../session/platform'
import { useStore } from '../../session/use-app'

export function InstallScreen({ install }: { install: InstallController }) {
  const t = useT()
  const status = useStore(install.state)
  return (
    <main className="page narrow" id="main">
      <h1 id="main-heading" tabIndex={-1}>
        {t('install.title')}
      </h1>
      <p className="lead">{t('install.why')}</p>
      {status === 'installed' && <p className="card">{t('install.installed')}</p>}
      {status === 'prompt' && (
        <button type="button" className="primary" onClick={() => void install.prompt()}>
          {t('install.button')}
        </button>
      )}
      {status === 'manual' && <p className="card">{t('install.manual')}</p>}
      {status !== 'installed' && (
        <section className="card" aria-labelledby="install-ios">
          <h2 id="install-ios">{t('install.iosTitle')}</h2>
          <ol className="steps">
            <li>{t('install.iosStep1')}</li>
            <li>{t('install.iosStep2')}</li>
            <li>{t('install.iosStep3')}</li>
          </ol>
        </section>
      )}
      <p className="hint">{t('install.dataHint')}</p>
    </main>
  )
}
