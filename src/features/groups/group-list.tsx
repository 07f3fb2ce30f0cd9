/**
 * The list of groups, content first: one search field, the filters folded behind "Filter", then
 * the groups; importing and the trash come after them. Search and filters are kept for the
 * session of the page, so coming back from a profile finds the list as it was left.
 */
import { useId, useState } from 'react'
import { GROUP_STATUSES, type Group, type GroupFields } from '../../domain/group'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { Link, navigate } from '../../ui/router'
import { formatList } from '../../ui/format'
import { IconButton } from '../../ui/icon-button'
import { Icon } from '../../ui/icons'
import { offerUndo } from '../../ui/undo'
import { draftKey, saveDraft } from './form-draft'
import { formStateOf } from './form-state'
import {
  activitiesOf,
  filterGroups,
  isFiltering,
  NO_FILTERS,
  regionsOf,
  type GroupFilters,
} from './group-filter'
import { countryName, STATUS_KEY, termName } from './labels'
import { MurmurationsImportForm } from './murmurations-panel'
import { draftOf } from '../../domain/group'
import { ChoiceSelect } from '../../ui/choice-select'

const remembered = new Map<string, GroupFilters>()

interface Props {
  readonly session: Session
  readonly base: string
  readonly setNotice: (notice: string) => void
  readonly onImported: (skipped: readonly string[]) => void
}

export function GroupList({ session, base, setNotice, onImported }: Props) {
  const t = useT()
  const id = useId()
  const store = session.stores.groups
  const { items, trash } = useStore(store)
  const [filters, setFiltersState] = useState(() => remembered.get(session.spaceId) ?? NO_FILTERS)
  const setFilters = (next: GroupFilters) => {
    remembered.set(session.spaceId, next)
    setFiltersState(next)
  }
  const shown = filterGroups(items, filters, t.locale)
  // a network of thousands of groups draws a page of cards at a time; search covers them all
  const [limit, setLimit] = useState(PAGE)
  const regions = regionsOf(items, t.locale)
  const activities = activitiesOf(items, t.locale)
  // open when a filter is already set, so nothing narrows the list out of sight
  const [filtersOpen, setFiltersOpen] = useState(
    () => !!(filters.activity || filters.region || filters.status),
  )

  const importNew = (fields: GroupFields, skipped: readonly string[]) => {
    const empty = formStateOf(undefined)
    saveDraft(draftKey(session.spaceId, 'new'), {
      base: empty,
      current: { ...empty, group: draftOf(fields) },
      origin: 'import',
      at: Date.now(),
    })
    onImported(skipped)
  }

  return (
    <>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => navigate(`${base}/new`)}>
          <Icon name="add" size={20} />
          {t('groups.add')}
        </button>
      </div>
      {items.length > 0 && (
        <form role="search" className="group-filters" onSubmit={(event) => event.preventDefault()}>
          <div className="field search-field">
            <label htmlFor={`${id}-q`}>{t('groups.search')}</label>
            <input
              id={`${id}-q`}
              type="search"
              value={filters.query}
              aria-describedby={`${id}-q-hint`}
              onChange={(event) => setFilters({ ...filters, query: event.target.value })}
            />
            <p className="hint" id={`${id}-q-hint`}>
              {t('groups.searchHint')}
            </p>
          </div>
          <details
            className="filter-fold"
            open={filtersOpen}
            onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
          >
            <summary>{t('groups.filter')}</summary>
            <div className="field">
              <label htmlFor={`${id}-activity`}>{t('groups.filterActivity')}</label>
              <ChoiceSelect
                id={`${id}-activity`}
                value={filters.activity}
                none={t('groups.any')}
                choices={activities.map((value) => ({ value, label: termName(value, t.locale) }))}
                onChange={(activity) => setFilters({ ...filters, activity })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-region`}>{t('groups.filterRegion')}</label>
              <ChoiceSelect
                id={`${id}-region`}
                value={filters.region}
                none={t('groups.any')}
                choices={regions.map((value) => ({ value, label: value }))}
                onChange={(region) => setFilters({ ...filters, region })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-status`}>{t('groups.filterStatus')}</label>
              <ChoiceSelect
                id={`${id}-status`}
                value={filters.status}
                none={t('groups.any')}
                choices={GROUP_STATUSES.map((value) => ({ value, label: t(STATUS_KEY[value]) }))}
                onChange={(status) => setFilters({ ...filters, status })}
              />
            </div>
          </details>
        </form>
      )}
      {items.length > 0 && (
        <div className="list-count">
          <p aria-live="polite">
            {isFiltering(filters)
              ? t('groups.countOf', { shown: shown.length, total: items.length })
              : t('groups.listLabel', { count: items.length })}
          </p>
          {isFiltering(filters) && (
            <button type="button" onClick={() => setFilters(NO_FILTERS)}>
              {t('groups.clearFilters')}
            </button>
          )}
        </div>
      )}
      {items.length === 0 ? (
        <p className="empty">{t('groups.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('groups.noMatch')}</p>
      ) : (
        <ul className="list" aria-label={t('groups.listLabel', { count: shown.length })}>
          {shown.slice(0, limit).map((group) => (
            <GroupCard
              key={group.id}
              group={group}
              base={base}
              onDelete={() => {
                store.deleteGroup(group.id)
                setNotice('')
                offerUndo(t('groups.deletedUndo', { name: group.name }), () =>
                  store.restoreGroup(group.id),
                )
              }}
            />
          ))}
        </ul>
      )}
      {shown.length > limit && (
        <div className="button-row">
          <button type="button" onClick={() => setLimit(limit + PAGE)}>
            {t('groups.showMore', { count: Math.min(PAGE, shown.length - limit) })}
          </button>
        </div>
      )}
      <details className="card">
        <summary>{t('murmurations.importNew')}</summary>
        <MurmurationsImportForm onImport={importNew} />
      </details>
      {trash.length > 0 && (
        <details className="card">
          <summary>{t('groups.trash', { count: trash.length })}</summary>
          <ul className="list">
            {trash.map((group) => (
              <li key={group.id} className="trash-row">
                <span>{group.name}</span>
                <button
                  type="button"
                  onClick={() => {
                    store.restoreGroup(group.id)
                    setNotice(t('groups.restored', { name: group.name }))
                  }}
                  aria-label={t('groups.restoreNamed', { name: group.name })}
                >
                  {t('common.restore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}

const PAGE = 50

function GroupCard({
  group,
  base,
  onDelete,
}: {
  group: Group
  base: string
  onDelete: () => void
}) {
  const t = useT()
  const { locality, region, country } = group.place
  const place = formatList(
    [locality, region, country && countryName(country, t.locale)].filter(Boolean),
    t.locale,
  )
  return (
    <li className="card group-card">
      <h2 className="card-title">
        <Link to={`${base}/${group.id}`}>{group.name}</Link>
      </h2>
      {group.summary && <p>{group.summary}</p>}
      {(place || group.status) && (
        <p className="hint">
          {[place, group.status && t(STATUS_KEY[group.status])].filter(Boolean).join(' · ')}
        </p>
      )}
      {group.activities.length > 0 && (
        <p className="hint">
          {formatList(
            group.activities.map((a) => termName(a, t.locale)),
            t.locale,
          )}
        </p>
      )}
      <div className="row-actions">
        <IconButton
          icon="edit"
          label={t('groups.editNamed', { name: group.name })}
          onClick={() => navigate(`${base}/${group.id}/edit`)}
        />
        <IconButton
          icon="trash"
          label={t('groups.deleteNamed', { name: group.name })}
          onClick={onDelete}
        />
      </div>
    </li>
  )
}
