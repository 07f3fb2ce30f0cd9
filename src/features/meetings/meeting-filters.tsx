/**
 * The top of the meetings list, content first (like a chat list): "New meeting" where the
 * thumb is, and beside it two compact buttons that fold away what most visits do not need:
 * "Filter" (search across titles, notes, decisions and actions; kind; group) and "More"
 * (proposals and polls, open actions, participation and stipends, note templates). While a search or filter narrows the
 * list, the count and "Clear" stay in sight even with the fold closed, so nothing hides
 * meetings out of sight.
 */
import { useId, useState } from 'react'
import type { Group } from '../../domain/group'
import { MEETING_KINDS, type MeetingFilter } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import { IconButton } from '../../ui/icon-button'
import { Icon } from '../../ui/icons'
import { Link } from '../../ui/router'
import { KIND_LABELS } from './labels'
import { GroupPicker } from '../../ui/group-picker'

export const NO_MEETING_FILTER: MeetingFilter = { query: '', kind: '', groupId: '' }

export const isFilteringMeetings = (filter: MeetingFilter) =>
  filter.query.trim() !== '' || filter.kind !== '' || filter.groupId !== ''

export function MeetingsTop({
  base,
  filter,
  onChange,
  groups,
  shown,
  total,
}: {
  base: string
  filter: MeetingFilter
  onChange: (next: MeetingFilter) => void
  groups: readonly Group[]
  shown: number
  total: number
}) {
  const t = useT()
  const id = useId()
  const filtering = isFilteringMeetings(filter)
  // open when a filter is already set (coming back to the list), so nothing narrows it unseen
  const [filtersOpen, setFiltersOpen] = useState(filtering)
  const [moreOpen, setMoreOpen] = useState(false)
  return (
    <>
      <div className="meetings-top">
        <Link to={`${base}/new`} className="button primary">
          <Icon name="add" size={20} />
          {t('meetings.new')}
        </Link>
        {total > 0 && (
          <button
            type="button"
            aria-expanded={filtersOpen}
            aria-controls={`${id}-filters`}
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            <Icon name="search" size={20} />
            {t('meetings.filter')}
          </button>
        )}
        <IconButton
          icon="more"
          label={t('meetings.more')}
          aria-expanded={moreOpen}
          aria-controls={`${id}-more`}
          onClick={() => setMoreOpen(!moreOpen)}
        />
      </div>
      {moreOpen && (
        <nav id={`${id}-more`} className="card meetings-more" aria-label={t('meetings.more')}>
          <Link to={`${base}/proposals`}>{t('proposals.title')}</Link>
          <Link to={`${base}/actions`}>{t('actions.openTitle')}</Link>
          <Link to={`${base}/stipends`}>{t('stipends.title')}</Link>
          <Link to={`${base}/templates`}>{t('templates.manage')}</Link>
        </nav>
      )}
      {total > 0 && (filtersOpen || filtering) && (
        <div
          id={`${id}-filters`}
          className="stack meetings-filters"
          role="search"
          aria-label={t('meetings.searchLabel')}
        >
          {filtersOpen && <FilterFields filter={filter} onChange={onChange} groups={groups} />}
          <div className="list-count">
            <p role="status">{t('meetings.count', { shown, total })}</p>
            {filtering && (
              <button type="button" onClick={() => onChange(NO_MEETING_FILTER)}>
                {t('meetings.clearFilters')}
              </button>
            )}
          </div>
        </div>
      )}
    </>
  )
}

function FilterFields({
  filter,
  onChange,
  groups,
}: {
  filter: MeetingFilter
  onChange: (next: MeetingFilter) => void
  groups: readonly Group[]
}) {
  const t = useT()
  const id = useId()
  return (
    <>
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
    </>
  )
}
