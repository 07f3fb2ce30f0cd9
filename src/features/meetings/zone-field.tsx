/**
 * Where a meeting's time is: this phone's time zone unless changed. Most meetings are local, so
 * the form shows one line ("Time zone: Europe/London") and a Change button; only a meeting in
 * another place, or online across zones, needs the list (every zone the browser knows).
 */
import { useId, useMemo, useState } from 'react'
import { deviceTimeZone } from '../../domain/zoned-time'
import { useT } from '../../i18n/i18n-context'

function knownZones(current: string): string[] {
  // older phones' browsers lack the list: they offer the meeting's, the phone's and UTC
  const zones = 'supportedValuesOf' in Intl ? Intl.supportedValuesOf('timeZone') : []
  return [...new Set([current, deviceTimeZone(), 'UTC', ...zones])].sort()
}

export function ZoneField({ zone, onChange }: { zone: string; onChange: (zone: string) => void }) {
  const t = useT()
  const id = useId()
  const [open, setOpen] = useState(zone !== deviceTimeZone())
  const zones = useMemo(() => (open ? knownZones(zone) : []), [open, zone])
  if (!open)
    return (
      <p className="zone-line">
        <span id={`${id}-zone`}>{t('meetings.zoneLine', { zone })}</span>{' '}
        <button
          type="button"
          className="link-button"
          aria-describedby={`${id}-zone`}
          onClick={() => setOpen(true)}
        >
          {t('meetings.zoneChange')}
        </button>
      </p>
    )
  return (
    <div className="field">
      <label htmlFor={`${id}-select`}>{t('meetings.zoneLabel')}</label>
      <select id={`${id}-select`} value={zone} onChange={(e) => onChange(e.target.value)}>
        {zones.map((name) => (
          <option key={name} value={name}>
            {name.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
    </div>
  )
}
