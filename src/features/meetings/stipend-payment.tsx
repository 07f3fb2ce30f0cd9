/**
 * Recording a payment: the amount starts as what is still owed and can be changed to pay part
 * of it; the dialog says that a payment cannot be undone, and nothing is recorded until it is
 * confirmed. A wrong amount gets a message and records nothing.
 */
import { useId, useState } from 'react'
import { localNow } from '../../domain/meeting'
import {
  checkPayment,
  decimalToMinor,
  minorToDecimal,
  type StipendRow,
} from '../../domain/stipends'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { ConfirmDialog } from '../../ui/confirm-dialog'

interface Props {
  readonly session: Session
  readonly row: StipendRow
  readonly currency: string
  readonly money: (minor: number) => string
  /** With the notice to show once a payment is recorded, or nothing when cancelled. */
  readonly onClose: (notice?: string) => void
}

export function PaymentDialog({ session, row, currency, money, onClose }: Props) {
  const t = useT()
  const id = useId()
  const [amount, setAmount] = useState(minorToDecimal(row.outstandingMinor, currency))
  const [problem, setProblem] = useState<'amount' | 'tooMuch' | undefined>()

  const confirm = () => {
    const minor = decimalToMinor(amount, currency)
    const found = checkPayment(row, minor)
    if (found || minor === undefined) {
      setProblem(found ?? 'amount')
      return
    }
    session.stores.stipends.recordPayment({
      groupId: row.groupId,
      period: row.period,
      amountMinor: minor,
      paidOn: localNow().slice(0, 10),
      note: '',
    })
    onClose(t('stipends.paid', { name: row.groupName, amount: money(minor) }))
  }

  return (
    <ConfirmDialog
      open
      title={t('stipends.recordPayment', { name: row.groupName })}
      confirmLabel={t('stipends.payConfirm')}
      cancelLabel={t('common.cancel')}
      onConfirm={confirm}
      onCancel={() => onClose()}
    >
      <div className="stack">
        <p>{t('stipends.payOwed', { amount: money(row.outstandingMinor) })}</p>
        <div className="field">
          <label htmlFor={`${id}-amount`}>{t('stipends.payAmount', { currency })}</label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            value={amount}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? `${id}-error` : `${id}-hint`}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
        <p className="hint" id={`${id}-hint`}>
          {t('stipends.payFinal')}
        </p>
        {problem && (
          <p className="error" id={`${id}-error`} role="alert">
            {problem === 'tooMuch'
              ? t('stipends.payTooMuch', { amount: money(row.outstandingMinor) })
              : t('stipends.errorAmount')}
          </p>
        )}
      </div>
    </ConfirmDialog>
  )
}
