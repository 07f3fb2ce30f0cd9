/**
 * Ways to reach someone from what was typed as their contact: a free-text "who to ask"
 * ("Tom 0113 496 0000", "amina@example.org") and a group's phone and email fields. Numbers are
 * normalised for links (digits, a leading + kept; 00 read as +) and shown as typed.
 */

export type ContactKind = 'call' | 'sms' | 'mail' | 'whatsapp' | 'signal'

export interface ContactLink {
  readonly kind: ContactKind
  readonly href: string
  /** What the person typed: the number or address as it should be shown. */
  readonly shown: string
}

export interface ContactDetails {
  /** A name to ask for, when one was given ("Tom"); '' otherwise. */
  readonly name: string
  readonly links: readonly ContactLink[]
}

const EMAIL = /[^\s<>()[\],;:"]+@[^\s<>()[\],;:"]+\.[^\s<>()[\],;:".]+/
const PHONE = /\+?\d[\d\s().-]{5,}\d/

/** Digits with a leading + when the number is international; undefined when too short. */
export function normalisePhone(typed: string): string | undefined {
  const trimmed = typed.trim()
  let digits = trimmed.replace(/\D/g, '')
  let plus = trimmed.startsWith('+')
  if (!plus && digits.startsWith('00')) {
    digits = digits.slice(2)
    plus = true
  }
  if (digits.length < 6 || digits.length > 15) return undefined
  return plus ? `+${digits}` : digits
}

export function phoneLinks(typed: string): ContactLink[] {
  const number = normalisePhone(typed)
  if (!number) return []
  const shown = typed.trim()
  const links: ContactLink[] = [
    { kind: 'call', href: `tel:${number}`, shown },
    { kind: 'sms', href: `sms:${number}`, shown },
  ]
  // WhatsApp and Signal need the country code: a local number would reach someone else
  if (number.startsWith('+')) {
    const digits = number.slice(1)
    links.push(
      { kind: 'whatsapp', href: `https://wa.me/${digits}`, shown },
      { kind: 'signal', href: `https://signal.me/#p/+${digits}`, shown },
    )
  }
  return links
}

export function emailLink(typed: string): ContactLink[] {
  const address = typed.trim()
  if (!EMAIL.test(address)) return []
  return [{ kind: 'mail', href: `mailto:${address}`, shown: address }]
}

/** Reads a free-text contact: the phone number and email in it, and the name left over. */
export function parseContact(text: string): ContactDetails {
  const phone = PHONE.exec(text)?.[0]
  const email = EMAIL.exec(text)?.[0]
  let rest = text
  if (phone) rest = rest.replace(phone, ' ')
  if (email) rest = rest.replace(email, ' ')
  const name = rest
    .replace(/[,;:/|()<>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return {
    name,
    links: [...(phone ? phoneLinks(phone) : []), ...(email ? emailLink(email) : [])],
  }
}

/**
 * The links for a match: those in the entry's "who to ask" first, then the group's own phone
 * and email for any way of reaching them the entry did not give. One link per kind.
 */
export function matchContact(
  entryContact: string,
  group: { readonly phone?: string; readonly email?: string } | undefined,
): ContactDetails {
  const fromEntry = parseContact(entryContact)
  const fromGroup = [
    ...(group?.phone ? phoneLinks(group.phone) : []),
    ...(group?.email ? emailLink(group.email) : []),
  ]
  const links = [...fromEntry.links]
  for (const link of fromGroup) if (!links.some((l) => l.kind === link.kind)) links.push(link)
  return { name: fromEntry.name, links }
}
