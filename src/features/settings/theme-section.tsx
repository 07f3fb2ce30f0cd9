/**
 * Light or dark colours. The default follows the phone's own setting; someone reading in
 * bright sun or at night can override it here for Weave alone.
 */
import { useId } from 'react'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import { THEMES, type Theme } from '../../session/device-state'
import { useAppServices, useDevice } from '../../session/use-app'

const LABELS: Readonly<Record<Theme, MessageKey>> = {
  device: 'settings.themeDevice',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
}

export function ThemeSection() {
  const t = useT()
  const services = useAppServices()
  const { theme } = useDevice()
  const id = useId()
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.theme')}</h2>
      <div role="radiogroup" aria-labelledby={`${id}-title`}>
        {THEMES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-theme`}
              value={value}
              checked={theme === value}
              onChange={() => void services.setTheme(value)}
            />
            {t(LABELS[value])}
          </label>
        ))}
      </div>
    </section>
  )
}
