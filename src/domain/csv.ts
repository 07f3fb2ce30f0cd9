/**
 * CSV as spreadsheet apps read it: RFC 4180 quoting, CRLF line ends, a byte-order mark so
 * accented names read as UTF-8, and text never taken for a formula.
 */

/** One cell. Numbers are written as they are; text that starts like a formula is defused. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The whole file: each row ends in CRLF, so a table with no rows is the byte-order mark alone. */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')}`
}
