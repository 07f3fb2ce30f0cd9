/**
 * "Who can see this", once per section instead of a "Public" box after every field: only the
 * network (the default), anyone (the public profile, the only part that can leave in an
 * export), or a choice for each part when a section mixes the two.
 */
import { useState } from 'react'
import type { Visibilities, VisibilityField } from '../../domain/group'
import { useT } from '../../i18n/i18n-context'
import { PART_LABEL } from './form-sections'

interface Props {
  readonly id: string
  readonly fields: readonly VisibilityField[]
  readonly visibility: Visibilities
  readonly onChange: (visibility: Visibilities) => void
}

type Choice = 'network' | 'public' | 'each'

export function VisibilityControl({ id, fields, visibility, onChange }: Props) {
  const t = useT()
  const publicCount = fields.filter((f) => visibility[f] === 'public').length
  const mixed = publicCount > 0 && publicCount < fields.length
  const [each, setEach] = useState(mixed)
  const choice: Choice =
    each || mixed ? 'each' : publicCount === fields.length ? 'public' : 'network'
  const setAll = (value: 'network' | 'public') =>
    onChange({ ...visibility, ...Object.fromEntries(fields.map((f) => [f, value])) })
  return (
    <div className="field who-can-see">
      <label htmlFor={`${id}-who`}>{t('groupForm.whoCanSee')}</label>
      <select
        id={`${id}-who`}
        value={choice}
        onChange={(event) => {
          const value = event.target.value
          if (value === 'each') setEach(true)
          else {
            setEach(false)
            setAll(value === 'public' ? 'public' : 'network')
          }
        }}
      >
        <option value="network">{t('groupForm.seeNetwork')}</option>
        <option value="public">{t('groupForm.seePublic')}</option>
        {fields.length > 1 && <option value="each">{t('groupForm.seeEach')}</option>}
      </select>
      {choice === 'each' && (
        <fieldset className="choices public-parts">
          <legend>{t('groupForm.publicParts')}</legend>
          {fields.map((field) => (
            <label key={field} className="choice">
              <input
                type="checkbox"
                checked={visibility[field] === 'public'}
                onChange={(event) =>
                  onChange({ ...visibility, [field]: event.target.checked ? 'public' : 'network' })
                }
              />
              <span>{t(PART_LABEL[field])}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  )
}
