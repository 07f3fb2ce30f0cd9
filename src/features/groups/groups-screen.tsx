/**
 * The groups of a space: the list (/spaces/:id/groups), a new group (…/groups/new), a profile
 * (…/groups/:groupId) and its edit form (…/groups/:groupId/edit).
 */
import { useEffect, useState } from 'react'
import type { Group } from '../../domain/group'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { Page } from '../../ui/page'
import { Link, navigate, usePath, useRoute } from '../../ui/router'
import { formatList } from '../../ui/format'
import { offerUndo } from '../../ui/undo'
import { CriteriaPage } from './criteria-page'
import { clearFlash, peekFlash, setFlash } from './flash'
import { isFormSection } from './form-sections'
import { GroupForm } from './group-form'
import { GroupList } from './group-list'
import { GroupProfile } from './group-profile'
import './groups.css'

export function GroupsScreen({ session }: { session: Session }) {
  const t = useT()
  const path = usePath()
  const store = session.stores.groups
  const { byId } = useStore(store)
  const [notice, setNotice] = useState(peekFlash)
  useEffect(() => clearFlash(), [])
  useEffect(() => {
    // The space reloads its session on each path, so the app's own focus move can miss the
    // heading; put focus there unless something on the new page already has it.
    if (document.activeElement === document.body) document.getElementById('main-heading')?.focus()
  }, [path])

  const base = `/spaces/${session.spaceId}/groups`
  const route = useRoute()
  const item = route.page === 'space' ? route.item : undefined
  const editing = route.page === 'space' && route.editing ? item : undefined
  const viewing = editing ? undefined : item
  const go = (to: string, message = '') => {
    setFlash(message)
    setNotice(message)
    navigate(to)
  }
  const imported = (to: string) => (skipped: readonly string[]) =>
    go(
      to,
      skipped.length > 0
        ? t('murmurations.skipped', { fields: formatList(skipped, t.locale) })
        : '',
    )
  const status = (
    <p role="status" className="notice">
      {notice}
    </p>
  )

  if (viewing === 'new')
    return (
      <Page className="groups-page" title={t('groups.addTitle')} back={base}>
        {status}
        <GroupForm
          session={session}
          onSaved={(id, name) => go(`${base}/${id}`, t('groups.added', { name }))}
          onCancel={() => go(base)}
        />
      </Page>
    )

  if (viewing === 'criteria')
    return (
      <Page className="groups-page" title={t('criteria.pageTitle')} back={base}>
        <CriteriaPage session={session} />
      </Page>
    )

  const groupId = editing ?? viewing
  if (groupId !== undefined) {
    const group: Group | undefined = byId.get(groupId)
    if (!group)
      return (
        <Page className="groups-page" title={t('groups.notFound')} back={base}>
          <p>{t('groups.notFoundBody')}</p>
        </Page>
      )
    const profile = `${base}/${group.id}`
    if (editing) {
      const section = new URLSearchParams(window.location.search).get('section')
      return (
        <Page
          className="groups-page"
          title={t('groups.editNamed', { name: group.name })}
          back={profile}
        >
          {status}
          <GroupForm
            key={group.id}
            session={session}
            group={group}
            section={isFormSection(section) ? section : undefined}
            onSaved={(_id, name) => go(profile, t('groups.saved', { name }))}
            onCancel={() => go(profile)}
          />
        </Page>
      )
    }
    return (
      <Page className="groups-page" title={group.name} back={base}>
        {status}
        {group.deletedAt !== undefined && (
          <div className="kept-draft">
            <p>{t('groups.inTrash')}</p>
            <button
              type="button"
              onClick={() => {
                store.restoreGroup(group.id)
                setNotice(t('groups.restored', { name: group.name }))
              }}
            >
              {t('groups.restoreNamed', { name: group.name })}
            </button>
          </div>
        )}
        <GroupProfile
          session={session}
          group={group}
          base={base}
          onDelete={() => {
            store.deleteGroup(group.id)
            offerUndo(t('groups.deletedUndo', { name: group.name }), () =>
              store.restoreGroup(group.id),
            )
            go(base)
          }}
          onImported={imported(`${profile}/edit`)}
        />
      </Page>
    )
  }

  return (
    <Page className="groups-page" title={t('groups.title')}>
      {status}
      <GroupList
        session={session}
        base={base}
        setNotice={setNotice}
        onImported={imported(`${base}/new`)}
      />
      <p className="link-row">
        <Link to={`${base}/criteria`}>{t('criteria.link')}</Link>
      </p>
    </Page>
  )
}
