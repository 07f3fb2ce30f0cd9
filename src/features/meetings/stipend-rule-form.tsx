/**
 * The stipend rule, chosen by the network: the amount per group per month, its currency (no
 * amount is assumed; until the network chose a currency, the field suggests the one of the
 * reader's region, e.g. EGP for Arabic in Egypt, and nothing is due until the rule is saved),
 * and which kinds of meeting count (every kind, until the network unticks some).
 */
import { useId, useState, type SyntheticEvent } from 'react'
import { currencyForLocale, regionalTag } from '../../domain/locale-currency'
import { MEETING_KINDS, type MeetingKind } from '../../domain/meeting'
import { decimalToMinor, isCurrency, minorToDecimal } from '../../domain/stipends'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { KIND_LABELS } from './labels'

export function StipendRuleForm({ session }: { session: Session }) {
  const t = useT()
  const id = useId()
  const store = session.stores.stipends
  const settings = useStore(store.settings)
  const [amount, setAmount] = useState(
    settings.amountMinor > 0 && isCurrency(settings.currency)
      ? minorToDecimal(settings.amountMinor, settings.currency)
      : '',
  )
  const [currency, setCurrency] = useState(
    () =>
      settings.currency ||
      currencyForLocale(
        regionalTag(t.locale, typeof navigator === 'undefined' ? [] : navigator.languages),
      ),
  )
  const [kinds, setKinds] = useState<readonly MeetingKind[]>(settings.kinds)
  const [error, setError] = useState<'amount' | 'currency' | undefined>()
  const [saved, setSaved] = useState(false)

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const code = currency.trim().toUpperCase()
    if (!isCurrency(code)) {
      setError('currency')
      return
    }
    const minor = decimalToMinor(amount, code)
    if (minor === undefined || minor <= 0) {
      setError('amount')
      return
    }
    setError(undefined)
    store.saveSettings({ amountMinor: minor, currency: code, kinds })
    setSaved(true)
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={id}>
      <h2 id={id}>{t('stipends.ruleTitle')}</h2>
      <p className="hint">{t('stipends.ruleHint')}</p>
      <div className="field">
        <label htmlFor={`${id}-amount`}>{t('stipends.amount')}</label>
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          value={amount}
          aria-invalid={error === 'amount'}
          aria-describedby={error === 'amount' ? `${id}-error` : undefined}
          onChange={(e) => setAmount(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-currency`}>{t('stipends.currency')}</label>
        <input
          id={`${id}-currency`}
          value={currency}
          maxLength={3}
          autoCapitalize="characters"
          aria-invalid={error === 'currency'}
          aria-describedby={error === 'currency' ? `${id}-error` : undefined}
          onChange={(e) => setCurrency(e.target.value)}
        />
      </div>
      <fieldset className="stack">
        <legend>{t('stipends.kinds')}</legend>
        {MEETING_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(e) =>
                setKinds(e.target.checked ? [...kinds, kind] : kinds.filter((k) => k !== kind))
              }
            />{' '}
            {t(KIND_LABELS[kind])}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error === 'amount' ? t('stipends.errorAmount') : t('stipends.errorCurrency')}
        </p>
      )}
      <button type="submit" className="primary">
        {t('stipends.saveRule')}
      </button>
      <p className="notice" role="status">
        {saved ? t('stipends.ruleSaved') : ''}
      </p>
    </form>
  )
}
