/**
 * First run: the person's name (shown to others in the network) and their language.
 * Nothing leaves the phone; this only sets up the device profile. Trying the example network
 * needs no name: a default one is used until the person changes it in Settings.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import { useT } from '../../i18n/i18n-context'
import { createExampleSpace } from '../../session/example-space'
import { useAppServices, useDevice } from '../../session/use-app'
import { navigate } from '../../ui/router'
import { LanguageSelect } from '../../ui/language-select'

const COLOURS = [
  '#b3261e',
  '#7d5260',
  '#1f6f50',
  '#00658f',
  '#8c4a00',
  '#5b4fb5',
  '#006a6a',
  '#a0367a',
]
export const DISPLAY_NAME_MAX = 60

export function FirstRunScreen() {
  const t = useT()
  const services = useAppServices()
  const { locale } = useDevice()
  const [name, setName] = useState('')
  const [error, setError] = useState(false)
  const [busy, setBusy] = useState(false)
  const nameId = useId()
  const errorId = useId()

  const submit = async (event: SyntheticEvent, withExample = false) => {
    event.preventDefault()
    // trying the example needs no name: a default one, changed later in Settings
    const displayName = name.trim() || (withExample ? t('example.defaultName') : '')
    if (displayName === '') {
      setError(true)
      document.getElementById(nameId)?.focus()
      return
    }
    setBusy(true)
    const colour = COLOURS[Math.floor(Math.random() * COLOURS.length)] ?? '#1f6f50'
    const result = await services.saveProfile({
      displayName: displayName.slice(0, DISPLAY_NAME_MAX),
      colour,
    })
    if (!result.ok) {
      setBusy(false) // the app-wide alert says why; the typed name stays
      return
    }
    if (!withExample) return
    const example = await createExampleSpace(services, t('example.spaceName'), locale)
    if (example.ok) navigate(`/spaces/${example.value.id}/groups`)
  }

  return (
    <main className="page narrow" id="main">
      <h1 id="main-heading" tabIndex={-1}>
        {t('firstRun.title')}
      </h1>
      <p className="lead">{t('firstRun.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <div className="field">
          <label htmlFor={`${nameId}-lang`}>{t('firstRun.language')}</label>
          <LanguageSelect
            id={`${nameId}-lang`}
            value={locale}
            onChange={(choice) => void services.setLocale(choice)}
          />
        </div>
        <div className="field">
          <label htmlFor={nameId}>{t('firstRun.name')}</label>
          <p className="hint" id={`${nameId}-hint`}>
            {t('firstRun.nameHint')}
          </p>
          <input
            id={nameId}
            value={name}
            maxLength={DISPLAY_NAME_MAX}
            autoComplete="nickname"
            aria-invalid={error}
            aria-describedby={error ? `${nameId}-hint ${errorId}` : `${nameId}-hint`}
            onChange={(event) => {
              setName(event.target.value)
              if (event.target.value.trim()) setError(false)
            }}
          />
          {error && (
            <p className="error" id={errorId} role="alert">
              {t('firstRun.nameRequired')}
            </p>
          )}
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('firstRun.continue')}
        </button>
        <p className="hint" id={`${nameId}-example-hint`}>
          {t('example.hint')}{' '}
          {name.trim() === '' && t('example.noName', { name: t('example.defaultName') })}
        </p>
        <button
          type="button"
          disabled={busy}
          aria-describedby={`${nameId}-example-hint`}
          onClick={(event) => void submit(event, true)}
        >
          {t('example.try')}
        </button>
      </form>
      <p className="hint">{t('firstRun.privacy')}</p>
    </main>
  )
}
