/**
 * The app's languages, each named in itself (and marked with its `lang`, so a screen reader
 * reads "العربية" in Arabic), with an optional first choice: "the phone's language".
 */
import type { SelectHTMLAttributes } from 'react'
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../i18n/locales'

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children' | 'value' | 'onChange'> & {
  readonly value: Locale | 'device'
  /** the wording of a first choice that follows the phone's language; none without it */
  readonly device?: string
  readonly onChange: (choice: Locale | 'device') => void
}

export function LanguageSelect({ value, device, onChange, ...rest }: Props) {
  return (
    <select
      {...rest}
      value={value}
      onChange={(event) => {
        const choice = event.target.value
        if ((choice === 'device' && device !== undefined) || isLocale(choice)) onChange(choice)
      }}
    >
      {device !== undefined && <option value="device">{device}</option>}
      {LOCALES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LOCALE_NAMES[code]}
        </option>
      ))}
    </select>
  )
}
