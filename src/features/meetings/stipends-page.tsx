/**
 * Participation and stipends for the network's coordinator: what counts, in plain words, at
 * the top; a month's report per group (meetings, due, paid, still owed) whose group column
 * stays in view while the figures scroll inside the table; payments of all or part of what is
 * owed, confirmed first (a payment cannot be undone); and the rule, which the network chooses
 * (no amount or currency is assumed).
 */
import { useId, useState } from 'react'
import { localNow } from '../../domain/meeting'
import {
  formatMoney,
  PERIOD,
  report,
  reportCsv,
  ruleChosen,
  type StipendRow,
} from '../../domain/stipends'
import { useT } from '../../i18n/i18n-context'
import { directionOf } from '../../i18n/locales'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { formatList, formatMonth, formatNumber } from '../../ui/format'
import { IconButton } from '../../ui/icon-button'
import { saveFile } from '../../ui/save-file'
import { KIND_LABELS } from './labels'
import { PaymentDialog } from './stipend-payment'
import { StipendRuleForm } from './stipend-rule-form'
import './stipends.css'

export function StipendsPage({ session }: { session: Session }) {
  const t = useT()
  const id = useId()
  const store = session.stores.stipends
  const settings = useStore(store.settings)
  const payments = useStore(store.payments).items
  const groups = useStore(session.stores.groups).items
  const meetings = useStore(session.stores.meetings).items
  const [period, setPeriod] = useState(localNow().slice(0, 7))
  const [paying, setPaying] = useState<StipendRow | undefined>()
  const [notice, setNotice] = useState('')
  const chosen = ruleChosen(settings)
  const rows = PERIOD.test(period) ? report(period, groups, meetings, payments, settings) : []
  // In Arabic a trailing left-to-right mark keeps a symbol such as "UK£" in one piece, where
  // a neutral "£" at the end of the line would otherwise jump before the "UK".
  const mark = directionOf(t.locale) === 'rtl' ? '\u200e' : ''
  const money = (minor: number) => formatMoney(minor, settings.currency, t.locale) + mark
  const caption = t('stipends.caption', { period: formatMonth(period, t.locale) })
  const kinds = formatList(
    settings.kinds.map((kind) => t(KIND_LABELS[kind])),
    t.locale,
  )

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

  // Keyed, so the form keeps its state ("Rule saved.") when it moves below the report.
  const rule = <StipendRuleForm key="rule" session={session} />

  const reportSection = (
    <section key="report" className="card stack" aria-labelledby={`${id}-report`}>
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
      <div className="table-scroll stipend-table" tabIndex={0} role="region" aria-label={caption}>
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
                    <IconButton
                      icon="add"
                      label={t('stipends.recordPayment', { name: row.groupName })}
                      onClick={() => setPaying(row)}
                    />
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
  )

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby={`${id}-counts`}>
        <h2 id={`${id}-counts`}>{t('stipends.countsTitle')}</h2>
        <p>
          {settings.kinds.length > 0
            ? t('stipends.counts', { kinds })
            : t('stipends.countsNothing')}
        </p>
        <p className={chosen ? undefined : 'notice'}>
          {chosen
            ? t('stipends.countsAmount', { amount: money(settings.amountMinor) })
            : t('stipends.noRule')}
        </p>
      </section>
      {chosen ? [reportSection, rule] : [rule, reportSection]}
      {paying && (
        <PaymentDialog
          session={session}
          row={paying}
          currency={settings.currency}
          money={money}
          onClose={(done) => {
            setPaying(undefined)
            if (done) setNotice(done)
          }}
        />
      )}
    </div>
  )
}
