/**
 * Removing someone from a space: nobody can take a key back, so the space moves to a new one
 * and the people who stay are invited again.
 */
import { useId, useState } from 'react'
import { useT } from '../../i18n/i18n-context'
import { useAppServices } from '../../session/use-app'
import type { SpaceRecord } from '../../session/types'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { navigate } from '../../ui/router'

export function MoveSection({ space }: { space: SpaceRecord }) {
  const t = useT()
  const services = useAppServices()
  const id = useId()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)

  const move = async () => {
    setConfirming(false)
    setBusy(true)
    const result = await services.moveToNewKey(
      space.id,
      t('move.oldName', { name: space.name }).slice(0, 80),
    )
    setBusy(false)
    if (result.ok) navigate(`/spaces/${result.value.id}/share`)
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('move.title')}</h2>
      <p className="hint">{t('move.intro')}</p>
      <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
        {t('move.start')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('move.confirmTitle', { name: space.name })}
        confirmLabel={t('move.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void move()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('move.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  )
}
