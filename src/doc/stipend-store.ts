/**
 * A space's stipend settings (one field each, so two coordinators changing the amount and the
 * counted kinds at once both keep theirs) and its log of payments, a collection like any other.
 */
import { MEETING_KINDS } from '../domain/meeting'
import {
  DEFAULT_STIPEND,
  isCurrency,
  PERIOD,
  type Payment,
  type StipendSettings,
} from '../domain/stipends'
import { createCollection } from './collection'
import { readString, type Fields } from './read'
import { LOCAL, ROOT, type SpaceDoc } from './schema'

type PaymentEntity = Payment & { readonly createdAt: number; readonly updatedAt: number }

function readPayment(id: string, fields: Fields, meta: PaymentEntity): PaymentEntity | undefined {
  const groupId = readString(fields, 'groupId', 64)
  const period = readString(fields, 'period', 7)
  const paidOn = readString(fields, 'paidOn', 10)
  const amountMinor = fields.get('amountMinor')
  if (!groupId || !period || !PERIOD.test(period) || !paidOn) return undefined
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || amountMinor <= 0)
    return undefined
  return {
    ...meta,
    id,
    groupId,
    period,
    paidOn,
    amountMinor,
    note: readString(fields, 'note', 500) ?? '',
  }
}

export function createStipendStore(doc: SpaceDoc, now?: () => number) {
  const settings = doc.getMap<unknown>(ROOT.stipends)
  const payments = createCollection<PaymentEntity>(doc, {
    root: ROOT.payments,
    read: (id, fields, meta) => readPayment(id, fields, meta as PaymentEntity),
    compare: (a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0),
    ...(now ? { now } : {}),
  })
  let cached: StipendSettings | undefined
  const listeners = new Set<() => void>()
  settings.observe(() => {
    cached = undefined
    for (const listener of listeners) listener()
  })

  function getSettings(): StipendSettings {
    if (cached) return cached
    const amount = settings.get('amountMinor')
    const currency = settings.get('currency')
    const kinds = MEETING_KINDS.filter((kind) => {
      const value = settings.get(`kind:${kind}`)
      return typeof value === 'boolean' ? value : DEFAULT_STIPEND.kinds.includes(kind)
    })
    cached = {
      amountMinor:
        typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0
          ? amount
          : DEFAULT_STIPEND.amountMinor,
      currency:
        typeof currency === 'string' && isCurrency(currency) ? currency : DEFAULT_STIPEND.currency,
      kinds,
    }
    return cached
  }

  return {
    settings: {
      subscribe(listener: () => void) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      getSnapshot: getSettings,
    },
    payments: { subscribe: payments.subscribe, getSnapshot: payments.getSnapshot },
    /** Writes only the settings that differ. */
    saveSettings(next: StipendSettings) {
      const current = getSettings()
      doc.transact(() => {
        if (next.amountMinor !== current.amountMinor) settings.set('amountMinor', next.amountMinor)
        if (next.currency !== current.currency) settings.set('currency', next.currency)
        for (const kind of MEETING_KINDS) {
          const on = next.kinds.includes(kind)
          if (on !== current.kinds.includes(kind)) settings.set(`kind:${kind}`, on)
        }
      }, LOCAL)
    },
    recordPayment(payment: Omit<Payment, 'id'>): string {
      return payments.add({ ...payment })
    },
    removePayment: (id: string) => payments.softDelete(id),
  }
}

export type StipendStore = ReturnType<typeof createStipendStore>
