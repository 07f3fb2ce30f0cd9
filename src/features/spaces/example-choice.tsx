import { useId, useState } from 'react'
import { useT } from '../../i18n/i18n-context'
import { createExampleSpace } from '../../session/example-space'
import { useAppServices } from '../../session/use-app'
import { navigate } from '../../ui/router'

/** On an empty spaces screen: the same "try it with example data" as on first run. */
export function ExampleChoice() {
  const t = useT()
  const services = useAppServices()
  const id = useId()
  const [busy, setBusy] = useState(false)
  const start = async () => {
    setBusy(true)
    const result = await createExampleSpace(services, t('example.spaceName'), t.locale)
    setBusy(false)
    if (result.ok) navigate(`/spaces/${result.value.id}/groups`)
  }
  return (
    <div className="stack">
      <p className="hint" id={id}>
        {t('example.hint')}
      </p>
      <button type="button" disabled={busy} aria-describedby={id} onClick={() => void start()}>
        {t('example.try')}
      </button>
    </div>
  )
}
