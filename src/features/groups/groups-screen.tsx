/**
 * The groups of a space: list, add, edit, delete to the trash and restore.
 * The full profile (issue: group profiles) builds on this screen.
 */
import { useState } from 'react'
import type { GroupId } from '../../domain/ids'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { GroupForm } from './group-form'

export function GroupsScreen({ session }: { session: Session }) {
  const t = useT()
  const store = session.stores.groups
  const { items, trash } = useStore(store)
  const [editing, setEditing] = useState<GroupId | undefined>()
  const [adding, setAdding] = useState(false)
  const [notice, setNotice] = useState('')

  return (
    <section aria-labelledby="main-heading" className="stack">
      <h1 id="main-heading" tabIndex={-1}>
        {t('groups.title')}
      </h1>
      <p role="status" className="notice">
        {notice}
      </p>
      {items.length === 0 ? (
        <p className="empty">{t('groups.empty')}</p>
      ) : (
        <ul className="list" aria-label={t('groups.listLabel', { count: items.length })}>
          {items.map((group) => (
            <li key={group.id} className="card">
              {editing === group.id ? (
                <GroupForm
                  initial={{ name: group.name, summary: group.summary }}
                  submitLabel={t('common.save')}
                  onCancel={() => setEditing(undefined)}
                  onSubmit={(fields) => {
                    store.updateGroup(group.id, fields)
                    setEditing(undefined)
                    setNotice(t('groups.saved', { name: fields.name.trim() }))
                  }}
                />
              ) : (
                <>
                  <h2 className="card-title">{group.name}</h2>
                  {group.summary && <p>{group.summary}</p>}
                  <div className="button-row">
                    <button
                      type="button"
                      onClick={() => setEditing(group.id)}
                      aria-label={t('groups.editNamed', { name: group.name })}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        store.deleteGroup(group.id)
                        setNotice(t('groups.deleted', { name: group.name }))
                      }}
                      aria-label={t('groups.deleteNamed', { name: group.name })}
                    >
                      {t('common.delete')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <div className="card">
          <h2>{t('groups.addTitle')}</h2>
          <GroupForm
            submitLabel={t('groups.add')}
            onCancel={() => setAdding(false)}
            onSubmit={(fields) => {
              store.addGroup(fields)
              setNotice(t('groups.added', { name: fields.name.trim() }))
            }}
          />
        </div>
      ) : (
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          {t('groups.add')}
        </button>
      )}
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
    </section>
  )
}
