import { useState } from 'react'
import { useT } from '../../i18n/i18n-context'
import { useDevice, useSpaces } from '../../session/use-app'
import { Link } from '../../ui/router'

/** A backup older than this (or none) earns a gentle reminder. */
export const REMIND_AFTER_MS = 30 * 24 * 60 * 60 * 1000

/** Reminds, without alarm, that spaces only this phone has are lost with the phone. */
export function BackupReminder() {
  const t = useT()
  const [now] = useState(() => Date.now())
  const spaces = useSpaces()
  const { lastBackupAt } = useDevice()
  if (spaces.length === 0) return null
  if (lastBackupAt !== undefined && now - lastBackupAt < REMIND_AFTER_MS) return null
  return (
    <p className="notice reminder">
      {lastBackupAt === undefined ? t('backup.reminderNever') : t('backup.reminderOld')}{' '}
      <Link to="/settings">{t('backup.reminderLink')}</Link>
    </p>
  )
}
