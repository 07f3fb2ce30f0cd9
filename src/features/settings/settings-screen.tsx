/**
 * Settings: the device profile, language, light or dark colours, this phone's group in each
 * space and the backup first; what a member rarely needs (the health of local storage, the
 * app's version and updates) folded under "Advanced".
 */
import { useEffect, useId, useState, type SyntheticEvent } from 'react'
import { useT } from '../../i18n/i18n-context'
import { LOCALE_NAMES, matchLocale } from '../../i18n/locales'
import type { UpdateController } from '../../session/platform'
import { useAppServices, useDevice, useStore } from '../../session/use-app'
import { formatBytes } from '../../ui/format'
import { Link } from '../../ui/router'
import { BackupSection } from './backup-section'
import { MyGroupSection } from './my-group-section'
import { ThemeSection } from './theme-section'
import { LanguageSelect } from '../../ui/language-select'

const NAME_MAX = 60

export function SettingsScreen({ update }: { update: UpdateController }) {
  const t = useT()
  return (
    <main className="page narrow" id="main">
      <h1 id="main-heading" tabIndex={-1}>
        {t('settings.title')}
      </h1>
      <ProfileSection />
      <LanguageSection />
      <ThemeSection />
      <MyGroupSection />
      <BackupSection />
      <p className="link-row">
        <Link to="/install">{t('settings.installLink')}</Link>
      </p>
      <details className="card advanced">
        <summary>{t('settings.advanced')}</summary>
        <div className="stack">
          <p className="hint">{t('settings.advancedHint')}</p>
          <StorageSection />
          <section className="stack" aria-labelledby="settings-app">
            <h2 id="settings-app">{t('settings.app')}</h2>
            <p>{t('settings.version', { version: __APP_VERSION__ })}</p>
            <UpdateRow update={update} />
          </section>
        </div>
      </details>
    </main>
  )
}

function ProfileSection() {
  const t = useT()
  const services = useAppServices()
  const { profile } = useDevice()
  const [name, setName] = useState(profile?.displayName ?? '')
  const [saved, setSaved] = useState(false)
  const id = useId()
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (!profile || name.trim() === '') return
    const result = await services.saveProfile({
      ...profile,
      displayName: name.trim().slice(0, NAME_MAX),
    })
    setSaved(result.ok)
  }
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.profile')}</h2>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={id}>{t('settings.displayName')}</label>
          <input
            id={id}
            value={name}
            maxLength={NAME_MAX}
            onChange={(event) => {
              setName(event.target.value)
              setSaved(false)
            }}
          />
        </div>
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          {t('settings.saveName')}
        </button>
        <p role="status" className="notice">
          {saved ? t('settings.nameSaved') : ''}
        </p>
      </form>
    </section>
  )
}

function LanguageSection() {
  const t = useT()
  const services = useAppServices()
  const { localeChoice } = useDevice()
  const id = useId()
  const phone = matchLocale(navigator.languages)
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.language')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('settings.languageLabel')}</label>
        <LanguageSelect
          id={id}
          value={localeChoice}
          device={t('settings.languageDevice', { language: LOCALE_NAMES[phone] })}
          onChange={(choice) => void services.setLocale(choice)}
        />
      </div>
    </section>
  )
}

function StorageSection() {
  const t = useT()
  const services = useAppServices()
  const { persistence, usage } = useStore(services.storage)
  const id = useId()
  useEffect(() => {
    void services.refreshStorage()
  }, [services])
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.storage')}</h2>
      <p>
        {persistence === undefined
          ? t('settings.checking')
          : persistence === 'granted'
            ? t('settings.persistGranted')
            : persistence === 'denied'
              ? t('settings.persistDenied')
              : t('settings.persistUnsupported')}
      </p>
      {usage && (
        <p>
          {t('settings.usage', {
            used: formatBytes(usage.usage, t.locale),
            quota: formatBytes(usage.quota, t.locale),
          })}
        </p>
      )}
      <button type="button" onClick={() => void services.refreshStorage()}>
        {t('settings.persistAsk')}
      </button>
    </section>
  )
}

function UpdateRow({ update }: { update: UpdateController }) {
  const t = useT()
  const status = useStore(update.state)
  if (status === 'unsupported') return <p>{t('settings.updatesUnsupported')}</p>
  return (
    <div className="stack">
      <p role="status">
        {status === 'checking'
          ? t('settings.updateChecking')
          : status === 'up-to-date'
            ? t('settings.upToDate')
            : status === 'available'
              ? t('update.available')
              : status === 'failed'
                ? t('settings.updateFailed')
                : ''}
      </p>
      {status === 'available' ? (
        <button type="button" className="primary" onClick={() => void update.apply()}>
          {t('update.apply')}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => void update.check()}
          disabled={status === 'checking' || status === 'applying'}
        >
          {t('settings.checkUpdates')}
        </button>
      )}
    </div>
  )
}
