import { useSyncExternalStore } from 'react'
import { useT } from '../i18n/i18n-context'
import { useAppServices } from '../session/use-app'

/** Says so when a change outside any space (a new space, a name, the profile) was not stored. */
export function StorageAlert() {
  const t = useT()
  const { writeError } = useAppServices()
  const error = useSyncExternalStore(writeError.subscribe, writeError.getSnapshot)
  if (!error) return null
  return (
    <p role="alert" className="banner error-banner">
      {error === 'quota-exceeded' ? t('storage.writeQuota') : t('storage.writeFailed')}
    </p>
  )
}
