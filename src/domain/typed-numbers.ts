/**
 * Numbers as people type them. Arabic, Urdu and Persian keyboards type their own digits
 * (٢, ۲) and decimal separator (٫); every parser of typed numbers reads them as 0–9 and '.'.
 */
export function westernDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0) ?? 0) & 0xf))
    .replace(/\u066B/g, '.')
}
