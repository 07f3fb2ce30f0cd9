/**
 * Composition root: builds the device services (storage, sessions), the platform controllers
 * (install, updates) and the first translator, then renders. Nothing here is React state.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createAppServices, type AppServices } from '../session/app-services'
import { createTranslator, englishCatalog, loadCatalog } from '../i18n/translate'
import { App } from './app'
import { BootError } from './boot-error'
import { createInstallController } from './install'
import { createUpdateController } from './pwa'
import './styles.css'

const install = createInstallController() // early, so the browser's install event is not missed
const root = createRoot(document.getElementById('root') as HTMLElement)

async function boot() {
  let services: AppServices
  try {
    services = await createAppServices(undefined, { liveSync: true })
  } catch (error) {
    console.error('Local storage could not be opened', error)
    root.render(<BootError translator={createTranslator('en', englishCatalog)} />)
    return
  }
  const update = createUpdateController(() => services.sessions.flushAll())
  const { locale } = services.device.getSnapshot()
  const translator = createTranslator(locale, await loadCatalog(locale))
  root.render(
    <StrictMode>
      <App services={services} update={update} install={install} initialTranslator={translator} />
    </StrictMode>,
  )
}

void boot()
