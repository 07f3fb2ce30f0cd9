import { useId, useState, type SyntheticEvent } from 'react'
import { useT } from '../../i18n/i18n-context'
import { useAppServices } from '../../session/use-app'
import type { SpaceRecord } from '../../session/types'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { formatTime } from '../../ui/format'
import { Link } from '../../ui/router'
import { SPACE_NAME_MAX } from './create-space-form'

type Mode = 'view' | 'rename' | 'leave' | 'trash'

/** One space on this device, with rename, leave and empty-trash. */
export function SpaceRow({ space }: { space: SpaceRecord }) {
  const t = useT()
  const services = useAppServices()
  const [mode, setMode] = useState<Mode>('view')
  const [name, setName] = useState(space.name)
  const [trashCount, setTrashCount] = useState(0)
  const [notice, setNotice] = useState('')
  const id = useId()

  const rename = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (name.trim() === '') return
    const result = await services.renameSpace(space.id, name.slice(0, SPACE_NAME_MAX))
    if (result.ok) setMode('view')
  }

  const openTrash = async () => {
    const counted = await services.trashCount(space)
    if (!counted.ok) return // the app-wide alert says why
    setTrashCount(counted.value)
    setMode('trash')
  }

  const closeTrash = () => {
    setMode('view')
  }

  return (
    <li className="card space-row">
      {mode === 'rename' ? (
        <form className="stack" onSubmit={(event) => void rename(event)}>
          <div className="field">
            <label htmlFor={id}>{t('spaces.newName')}</label>
            <input
              id={id}
              value={name}
              maxLength={SPACE_NAME_MAX}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="button-row">
            <button type="button" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={name.trim() === ''}>
              {t('common.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <h2 className="space-name">
            <Link to={`/spaces/${space.id}/home`}>{space.name}</Link>
          </h2>
          <p className="hint">
            {t('spaces.lastOpened', { time: formatTime(space.openedAt, t.locale) })}
          </p>
          <div className="button-row">
            <button
              type="button"
              onClick={() => setMode('rename')}
              aria-label={t('spaces.renameNamed', { name: space.name })}
            >
              {t('spaces.rename')}
            </button>
            <button
              type="button"
              onClick={() => void openTrash()}
              aria-label={t('spaces.emptyTrashNamed', { name: space.name })}
            >
              {t('spaces.emptyTrash')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => setMode('leave')}
              aria-label={t('spaces.leaveNamed', { name: space.name })}
            >
              {t('spaces.leave')}
            </button>
          </div>
        </>
      )}
      <p role="status" className="notice">
        {notice}
      </p>
      <ConfirmDialog
        open={mode === 'leave'}
        title={t('spaces.leaveTitle', { name: space.name })}
        confirmLabel={t('spaces.leaveConfirm')}
        cancelLabel={t('common.cancel')}
        danger
        onCancel={() => setMode('view')}
        onConfirm={() => void services.leaveSpace(space.id)}
      >
        <p>{t('spaces.leaveWarning')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={mode === 'trash'}
        title={t('spaces.emptyTrashTitle')}
        confirmLabel={t('spaces.emptyTrashConfirm')}
        cancelLabel={t('common.cancel')}
        danger
        onCancel={closeTrash}
        onConfirm={() => {
          closeTrash()
          void services.emptyTrash(space).then((removed) => {
            if (removed.ok) setNotice(t('spaces.trashEmptied', { count: removed.value }))
          })
        }}
      >
        <p>{t('spaces.emptyTrashWarning', { count: trashCount })}</p>
      </ConfirmDialog>
    </li>
  )
}
