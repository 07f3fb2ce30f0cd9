/**
 * Ways to reach someone from what a group typed as a contact ("Tom 07700 900123",
 * "+44 7700 900123", "tom@example.org"): call, text, email, and WhatsApp or Signal where the
 * number is international (both need the country code). Shown as typed; the links carry the
 * number reduced to digits and a leading +. Nothing here guesses a country.
 */
export type ContactKind = 'call' | 'sms' | 'email' | 'whatsapp' | 'signal'

export interface ContactLink {
  readonly kind: ContactKind
  readonly href: string
  /** The number or address as it will be used (for the link's accessible name). */
  readonly value: string
}

const EMAIL = /[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+/
/** A run of digits with the spaces, dots, dashes and brackets people write numbers with. */
const PHONE = /\+?\d[\d\s().-]{5,}\d/

/** Arabic-Indic and extended Arabic-Indic digits, as typed on Arabic and Urdu keyboards. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
}

export function contactLinks(text: string): ContactLink[] {
  const links: ContactLink[] = []
  const email = EMAIL.exec(text)?.[0]
  if (email)
    links.push({
      kind: 'email',
      href: `mailto:${encodeURIComponent(email).replace('%40', '@')}`,
      value: email,
    })
  const phone = PHONE.exec(westernDigits(text))?.[0]
  if (phone) {
    const digits = phone.replace(/\D/g, '')
    const international = phone.trim().startsWith('+') || phone.trim().startsWith('00')
    const number = international ? `+${digits.replace(/^00/, '')}` : digits
    if (digits.length >= 7 && digits.length <= 15) {
      links.push({ kind: 'call', href: `tel:${number}`, value: number })
      links.push({ kind: 'sms', href: `sms:${number}`, value: number })
      if (international) {
        const bare = number.slice(1)
        links.push({ kind: 'whatsapp', href: `https://wa.me/${bare}`, value: number })
        links.push({ kind: 'signal', href: `https://signal.me/#p/+${bare}`, value: number })
      }
    }
  }
  return links
}
