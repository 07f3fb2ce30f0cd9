/**
 * Participation and stipends: which groups took part in counted meetings each month, what is
 * due under the space's rule, what was paid (in one payment or several), and what is still
 * owed. The rule: the amount for each month in which a group was ticked among the groups at
 * a meeting of a kind that counts (every kind, until the network says otherwise), from the
 * month it joined the network. The amount and currency are the network's to choose: until
 * they are, nothing is due. Money is kept in whole minor units (pence, cents), never in
 * floating point.
 */
import type { Group } from './group'
import { MEETING_KINDS, type Meeting, type MeetingKind } from './meeting'
import { csvText } from './csv'
import { westernDigits } from './typed-numbers'

export interface StipendSettings {
  /** Per group per month, in minor units (50000 = 500.00 GBP); 0 until the network chooses. */
  readonly amountMinor: number
  /** ISO 4217 code, e.g. GBP, EUR, JPY; '' until the network chooses. */
  readonly currency: string
  /** The kinds of meeting that count. */
  readonly kinds: readonly MeetingKind[]
}

/** Nothing chosen yet, and every kind of meeting counts (none is left out unseen). */
export const DEFAULT_STIPEND: StipendSettings = {
  amountMinor: 0,
  currency: '',
  kinds: MEETING_KINDS,
}

/** Whether the network has chosen an amount and a currency: only then is anything due. */
export const ruleChosen = (settings: StipendSettings): boolean =>
  settings.amountMinor > 0 && isCurrency(settings.currency)

export interface Payment {
  readonly id: string
  readonly groupId: string
  /** `YYYY-MM` */
  readonly period: string
  readonly amountMinor: number
  /** `YYYY-MM-DD` */
  readonly paidOn: string
  readonly note: string
}

export interface StipendRow {
  readonly groupId: string
  readonly groupName: string
  readonly period: string
  readonly meetingsAttended: number
  readonly dueMinor: number
  readonly paidMinor: number
  readonly outstandingMinor: number
}

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/

export const isCurrency = (code: string): boolean => {
  if (!/^[A-Z]{3}$/.test(code)) return false
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code })
    return true
  } catch {
    return false
  }
}

/** How many decimal places a currency uses (GBP 2, JPY 0), from Intl. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  )
}

/** "12.50" from 1250 GBP; an integer string for zero-digit currencies. No floats involved. */
export function minorToDecimal(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency)
  const sign = amountMinor < 0 ? '-' : ''
  const text = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0')
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`
}

/** Parses "12.5" or "12,50" into minor units; undefined when it is not an amount. */
export function decimalToMinor(text: string, currency: string): number | undefined {
  const digits = currencyDigits(currency)
  const match = /^(\d{1,9})(?:[.,](\d+))?$/.exec(westernDigits(text.trim()))
  if (!match) return undefined
  const [, whole = '0', fraction = ''] = match
  if (fraction.length > digits) return undefined
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
}

/** In the reader's language, e.g. "£12.50" or "١٢٫٥٠ UK£"; a plain number with no currency. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  if (!isCurrency(currency)) return new Intl.NumberFormat(locale).format(amountMinor / 100)
  const digits = currencyDigits(currency)
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    amountMinor / 10 ** digits,
  )
}

export function report(
  period: string,
  groups: readonly Group[],
  meetings: readonly Meeting[],
  payments: readonly Payment[],
  settings: StipendSettings,
): StipendRow[] {
  return groups
    .filter((g) => g.deletedAt === undefined)
    .map((group) => {
      const attended = meetings.filter(
        (m) =>
          m.deletedAt === undefined &&
          m.startsAt.slice(0, 7) === period &&
          settings.kinds.includes(m.kind) &&
          m.groupIds.includes(group.id),
      ).length
      const joined = group.joinedAt === undefined || group.joinedAt.slice(0, 7) <= period
      const dueMinor = attended > 0 && joined && ruleChosen(settings) ? settings.amountMinor : 0
      const paidMinor = payments
        .filter((p) => p.groupId === group.id && p.period === period)
        .reduce((sum, p) => sum + p.amountMinor, 0)
      return {
        groupId: group.id,
        groupName: group.name,
        period,
        meetingsAttended: attended,
        dueMinor,
        paidMinor,
        outstandingMinor: Math.max(0, dueMinor - paidMinor),
      }
    })
}

export type PaymentProblem = 'amount' | 'tooMuch'

/**
 * Checks a payment typed against a row of the report: a positive amount, and no more than is
 * still owed (a payment cannot be undone, so an overpayment is refused rather than kept).
 * Part of what is owed is fine: the rest stays owed.
 */
export function checkPayment(
  row: Pick<StipendRow, 'outstandingMinor'>,
  amountMinor: number | undefined,
): PaymentProblem | undefined {
  if (amountMinor === undefined || amountMinor <= 0) return 'amount'
  if (amountMinor > row.outstandingMinor) return 'tooMuch'
  return undefined
}

export function reportCsv(
  rows: readonly StipendRow[],
  currency: string,
  headers: readonly string[],
): string {
  return csvText([
    headers,
    ...rows.map((r) => [
      r.period,
      r.groupName,
      r.meetingsAttended,
      minorToDecimal(r.dueMinor, currency),
      minorToDecimal(r.paidMinor, currency),
      minorToDecimal(r.outstandingMinor, currency),
      currency,
    ]),
  ])
}
