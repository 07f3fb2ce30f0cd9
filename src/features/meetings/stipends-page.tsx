/**
 * Participation and stipends for the network's coordinator: the rule (amount, currency, which
 * kinds of meeting count), a month's report per group (meetings attended, due, paid,
 * outstanding) with payments recorded from it, and the report as CSV.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import { localNow, MEETING_KINDS, type MeetingKind } from '../../domain/meeting'
import {
  decimalToMinor,
  formatMoney,
  isCurrency,
  minorToDecimal,
  PERIOD,
  report,
  reportCsv,
} from '../../domain/stipends'
import { useT } from '../../i18n/i18n-context'
import { directionOf } from '../../i18n/locales'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { formatMonth, formatNumber } from '../../ui/format'
import { saveFile } from '../../ui/save-file'
import { KIND_LABELS } from './labels'

export function StipendsPage({ session }: { session: Session }) {
  const t = useT()
  const id = useId()
  const store = session.stores.stipends
  const settings = useStore(store.settings)
  const payments = useStore(store.payments).items
  const groups = useStore(session.stores.groups).items
  const meetings = useStore(session.stores.meetings).items
  const [period, setPeriod] = useState(localNow().slice(0, 7))
  const [notice, setNotice] = useState('')
  const rows = PERIOD.test(period) ? report(period, groups, meetings, payments, settings) : []
  // In Arabic a trailing left-to-right mark keeps a symbol such as "UK£" in one piece, where
  // a neutral "£" at the end of the line would otherwise jump before the "UK".
  const mark = directionOf(t.locale) === 'rtl' ? '\u200e' : ''
  const money = (minor: number) => formatMoney(minor, settings.currency, t.locale) + mark
  const caption = t('stipends.caption', { period: formatMonth(period, t.locale) })

  const pay = (groupId: string, amountMinor: number, name: string) => {
    store.recordPayment({
      groupId,
      period,
      amountMinor,
      paidOn: localNow().slice(0, 10),
      note: '',
    })
    setNotice(t('stipends.paid', { name, amount: money(amountMinor) }))
  }

  const csv = async () => {
    const text = reportCsv(rows, settings.currency, [
      t('stipends.period'),
      t('stipends.group'),
      t('stipends.attended'),
      t('stipends.due'),
      t('stipends.paidColumn'),
      t('stipends.outstanding'),
      t('stipends.currency'),
    ])
    await saveFile(new File([text], `stipends-${period}.csv`, { type: 'text/csv' }))
  }

  return (
    <div className="stack">
      <SettingsForm session={session} />
      <section className="card stack" aria-labelledby={`${id}-report`}>
        <h2 id={`${id}-report`}>{t('stipends.reportTitle')}</h2>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t('stipends.month')}</label>
          <input
            id={`${id}-period`}
            type="month"
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
          />
        </div>
        {/* focusable so a keyboard can scroll the table sideways on a narrow screen */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stipends.group')}</th>
                <th scope="col">{t('stipends.attended')}</th>
                <th scope="col">{t('stipends.due')}</th>
                <th scope="col">{t('stipends.paidColumn')}</th>
                <th scope="col">{t('stipends.outstanding')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('stipends.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.groupId}>
                  <th scope="row">{row.groupName}</th>
                  <td>{formatNumber(row.meetingsAttended, t.locale)}</td>
                  <td>{money(row.dueMinor)}</td>
                  <td>{money(row.paidMinor)}</td>
                  <td>{money(row.outstandingMinor)}</td>
                  <td>
                    {row.outstandingMinor > 0 && (
                      <button
                        type="button"
                        onClick={() => pay(row.groupId, row.outstandingMinor, row.groupName)}
                      >
                        {t('stipends.recordPayment', { name: row.groupName })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 0 && <p className="hint">{t('stipends.noGroups')}</p>}
        <button type="button" onClick={() => void csv()}>
          {t('stipends.csv')}
        </button>
        <p className="notice" role="status">
          {notice}
        </p>
      </section>
    </div>
  )
}

function SettingsForm({ session }: { session: Session }) {
  const t = useT()
  const id = useId()
  const store = session.stores.stipends
  const settings = useStore(store.settings)
  const [amount, setAmount] = useState(minorToDecimal(settings.amountMinor, settings.currency))
  const [currency, setCurrency] = useState(settings.currency)
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
    if (minor === undefined) {
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
      <button type="submit">{t('stipends.saveRule')}</button>
      <p className="notice" role="status">
        {saved ? t('stipends.ruleSaved') : ''}
      </p>
    </form>
  )
}
