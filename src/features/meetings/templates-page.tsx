/**
 * The space's own note templates: read one, delete it (it goes to the deleted list, where it
 * can be restored until the space's trash is emptied).
 */
import { useState } from 'react'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'

export function TemplatesPage({ session }: { session: Session }) {
  const t = useT()
  const store = session.stores.templates
  const { items, trash } = useStore(store)
  const [notice, setNotice] = useState('')
  return (
    <div className="stack">
      <p className="hint">{t('templates.manageHint')}</p>
      <p role="status" className="notice">
        {notice}
      </p>
      {items.length === 0 ? (
        <p className="empty">{t('templates.none')}</p>
      ) : (
        <ul className="list" aria-label={t('templates.listLabel')}>
          {items.map((template) => (
            <li key={template.id} className="card stack">
              <details>
                <summary className="card-title">{template.name}</summary>
                <pre className="template-notes">{template.notes}</pre>
              </details>
              <div className="button-row">
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    store.deleteTemplate(template.id)
                    setNotice(t('templates.deleted', { name: template.name }))
                  }}
                >
                  {t('templates.delete', { name: template.name })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {trash.length > 0 && (
        <section className="card stack" aria-labelledby="templates-trash">
          <h2 id="templates-trash">{t('templates.trash')}</h2>
          <ul className="list">
            {trash.map((template) => (
              <li key={template.id} className="trash-row">
                <span>{template.name}</span>
                <button
                  type="button"
                  onClick={() => {
                    store.restoreTemplate(template.id)
                    setNotice(t('templates.restored', { name: template.name }))
                  }}
                >
                  {t('templates.restore', { name: template.name })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
