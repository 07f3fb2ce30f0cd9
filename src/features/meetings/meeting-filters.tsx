import { useId } from 'react'
import type { Group } from '../../domain/group'
import { MEETING_KINDS, type MeetingFilter } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import { KIND_LABELS } from './labels'
import { GroupPicker } from '../../ui/group-picker'

/** Search across titles, notes, decisions and actions; filter by kind and by group. */
export function MeetingFilters({
  filter,
  onChange,
  groups,
  shown,
  total,
}: {
  filter: MeetingFilter
  onChange: (next: MeetingFilter) => void
  groups: readonly Group[]
  shown: number
  total: number
}) {
  const t = useT()
  const id = useId()
  return (
    <div className="stack" role="search" aria-label={t('meetings.searchLabel')}>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('meetings.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={filter.query}
          onChange={(e) => onChange({ ...filter, query: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('meetings.kindLabel')}</label>
        <select
          id={`${id}-kind`}
          value={filter.kind}
          onChange={(e) => {
            const kind = MEETING_KINDS.find((k) => k === e.target.value) ?? ''
            onChange({ ...filter, kind })
          }}
        >
          <option value="">{t('meetings.anyKind')}</option>
          {MEETING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(KIND_LABELS[kind])}
            </option>
          ))}
        </select>
      </div>
      {groups.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-group`}>{t('meetings.groupFilter')}</label>
          <GroupPicker
            id={`${id}-group`}
            groups={groups}
            value={filter.groupId}
            none={t('meetings.anyGroup')}
            onChange={(groupId) => onChange({ ...filter, groupId })}
          />
        </div>
      )}
      <p role="status">{t('meetings.count', { shown, total })}</p>
    </div>
  )
}
