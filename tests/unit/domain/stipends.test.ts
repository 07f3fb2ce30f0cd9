import { describe, expect, it } from 'vitest'
import type { Group } from '../../../src/domain/group'
import type { Meeting, MeetingId } from '../../../src/domain/meeting'
import {
  checkPayment,
  DEFAULT_STIPEND,
  formatMoney,
  ruleChosen,
  decimalToMinor,
  minorToDecimal,
  report,
  reportCsv,
  type Payment,
} from '../../../src/domain/stipends'
import { csvCell } from '../../../src/domain/csv'

const group = (id: string, name: string, joinedAt?: string) =>
  ({ id, name, createdAt: 1, updatedAt: 1, ...(joinedAt ? { joinedAt } : {}) }) as unknown as Group
const meeting = (kind: Meeting['kind'], startsAt: string, groupIds: string[]) =>
  ({
    id: startsAt as MeetingId,
    kind,
    startsAt,
    groupIds,
    createdAt: 1,
    updatedAt: 1,
  }) as unknown as Meeting

describe('stipends', () => {
  const groups = [
    group('g1', 'Riverside Pantry', '2026-01-15'),
    group('g2', 'Seed Library', '2026-03-02'),
    group('g3', 'Tool Share'),
  ]
  const meetings = [
    meeting('dialogue', '2026-02-10T18:00', ['g1', 'g2', 'g3']),
    meeting('dialogue', '2026-02-24T18:00', ['g1']),
    meeting('group-meeting', '2026-02-12T18:00', ['g3']),
  ]
  const settings = { amountMinor: 50_000, currency: 'GBP', kinds: ['dialogue' as const] }

  it('is due once a month for taking part in a counted meeting, from the month the group joined', () => {
    const payments: Payment[] = [
      {
        id: 'p1',
        groupId: 'g1',
        period: '2026-02',
        amountMinor: 20_000,
        paidOn: '2026-03-01',
        note: '',
      },
    ]
    const rows = report('2026-02', groups, meetings, payments, settings)
    expect(
      rows.map((r) => [
        r.groupName,
        r.meetingsAttended,
        r.dueMinor,
        r.paidMinor,
        r.outstandingMinor,
      ]),
    ).toEqual([
      ['Riverside Pantry', 2, 50_000, 20_000, 30_000],
      ['Seed Library', 1, 0, 0, 0], // joined in March
      ['Tool Share', 1, 50_000, 0, 50_000], // the group meeting does not count
    ])
  })

  it('keeps money in minor units, with each currency’s digits', () => {
    expect(minorToDecimal(50_000, 'GBP')).toBe('500.00')
    expect(minorToDecimal(5, 'EUR')).toBe('0.05')
    expect(minorToDecimal(500, 'JPY')).toBe('500')
    expect(decimalToMinor('12,5', 'EUR')).toBe(1250)
    expect(decimalToMinor('0.1', 'GBP')).toBe(10)
    expect(decimalToMinor('٥٠٠٫٥٠', 'GBP')).toBe(50050) // an Arabic keyboard's digits
    expect(decimalToMinor('1.234', 'GBP')).toBeUndefined()
    expect(decimalToMinor('12.5', 'JPY')).toBeUndefined()
    expect(decimalToMinor('abc', 'GBP')).toBeUndefined()
  })

  it('writes CSV a spreadsheet reads safely: quoted, no formulas, UTF-8 with a BOM', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('Pantry, Leeds')).toBe('"Pantry, Leeds"')
    expect(csvCell('-5')).toBe("'-5")
    expect(csvCell(-5)).toBe('-5')
    const rows = report('2026-02', [group('g1', 'Cooperativa Año')], meetings, [], settings)
    const text = reportCsv(rows, 'GBP', [
      'Month',
      'Group',
      'Meetings',
      'Due',
      'Paid',
      'Outstanding',
      'Currency',
    ])
    expect(text).toBe(
      '\uFEFFMonth,Group,Meetings,Due,Paid,Outstanding,Currency\r\n2026-02,Cooperativa Año,2,500.00,0.00,500.00,GBP\r\n',
    )
  })
})

describe('the rule before the network chooses, and partial payments', () => {
  const groups = [group('g1', 'Riverside Pantry'), group('g2', 'Seed Library')]
  const meetings = [
    meeting('group-meeting', '2026-02-10T18:00', ['g1']),
    meeting('other', '2026-02-11T18:00', ['g2']),
  ]
  const pay = (id: string, amountMinor: number): Payment => ({
    id,
    groupId: 'g1',
    period: '2026-02',
    amountMinor,
    paidOn: '2026-03-01',
    note: '',
  })

  it('counts every kind of meeting by default, and nothing is due until amount and currency are chosen', () => {
    expect(ruleChosen(DEFAULT_STIPEND)).toBe(false)
    const rows = report('2026-02', groups, meetings, [], DEFAULT_STIPEND)
    expect(rows.map((r) => [r.meetingsAttended, r.dueMinor, r.outstandingMinor])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
    ])
    expect(ruleChosen({ ...DEFAULT_STIPEND, amountMinor: 100 })).toBe(false)
    expect(ruleChosen({ ...DEFAULT_STIPEND, currency: 'EUR' })).toBe(false)
    expect(ruleChosen({ ...DEFAULT_STIPEND, amountMinor: 100, currency: 'EUR' })).toBe(true)
  })

  it('adds up partial payments, and what is still owed is the rest', () => {
    const settings = { ...DEFAULT_STIPEND, amountMinor: 30_000, currency: 'EUR' }
    const rows = report('2026-02', groups, meetings, [pay('a', 10_000), pay('b', 5_050)], settings)
    expect(rows[0]).toMatchObject({ dueMinor: 30_000, paidMinor: 15_050, outstandingMinor: 14_950 })
    const paidUp = report(
      '2026-02',
      groups,
      meetings,
      [pay('a', 10_000), pay('b', 20_000)],
      settings,
    )
    expect(paidUp[0]).toMatchObject({ paidMinor: 30_000, outstandingMinor: 0 })
  })

  it('accepts a payment of part or all of what is owed, never more, never nothing', () => {
    const row = { outstandingMinor: 14_950 }
    expect(checkPayment(row, 14_950)).toBeUndefined()
    expect(checkPayment(row, 1)).toBeUndefined()
    expect(checkPayment(row, 14_951)).toBe('tooMuch')
    expect(checkPayment(row, 0)).toBe('amount')
    expect(checkPayment(row, undefined)).toBe('amount')
  })

  it("writes money in the reader's language", () => {
    expect(formatMoney(150_000, 'EUR', 'de')).toBe('1.500,00\u00a0€')
    expect(formatMoney(1_250, 'GBP', 'en-GB')).toBe('£12.50')
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500')
    expect(formatMoney(1_250, 'GBP', 'ar-EG')).toMatch(/١٢٫٥٠/)
  })
})
