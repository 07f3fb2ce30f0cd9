/**
 * Home: the spaces on this device, and making a new one.
 */
import { useT } from '../../i18n/i18n-context'
import { useSpaces } from '../../session/use-app'
import { CreateSpaceForm } from './create-space-form'
import { BackupReminder } from './backup-reminder'
import { ExampleChoice } from './example-choice'
import { JoinForm } from './join-form'
import { RestoreForm } from './restore-form'
import { SpaceRow } from './space-row'

export function SpacesScreen() {
  const t = useT()
  const spaces = useSpaces()
  return (
    <main className="page" id="main">
      <h1 id="main-heading" tabIndex={-1}>
        {t('spaces.title')}
      </h1>
      {spaces.length === 0 ? (
        <>
          <p className="empty">{t('spaces.empty')}</p>
          <ExampleChoice />
        </>
      ) : (
        <>
          <p className="hint">{t('spaces.count', { count: spaces.length })}</p>
          <ul className="list" aria-label={t('spaces.listLabel')}>
            {spaces.map((space) => (
              <SpaceRow key={space.id} space={space} />
            ))}
          </ul>
        </>
      )}
      <BackupReminder />
      <CreateSpaceForm />
      <JoinForm />
      <RestoreForm />
    </main>
  )
}
