/**
 * The shell: language, top bar, update offer and the routes.
 */
import { useEffect, useLayoutEffect, useState } from 'react'
import { I18nProvider } from '../i18n/i18n-context'
import { createTranslator, loadCatalog, type Translator } from '../i18n/translate'
import type { AppServices } from '../session/app-services'
import type { InstallController, UpdateController } from '../session/platform'
import { AppServicesContext, useStore } from '../session/use-app'
import { UndoBar } from '../ui/undo-bar'
import { Routes } from './routes'
import { StorageAlert } from './storage-alert'
import { TopBar } from './top-bar'
import { UpdateBanner } from './update-banner'

interface Props {
  readonly services: AppServices
  readonly update: UpdateController
  readonly install: InstallController
  readonly initialTranslator: Translator
}

export function App({ services, update, install, initialTranslator }: Props) {
  // A translator is a function: wrap it so React does not call it as an updater.
  const [translator, setTranslator] = useState<Translator>(() => initialTranslator)

  useEffect(() => {
    let current = initialTranslator.locale
    return services.device.subscribe(() => {
      const { locale } = services.device.getSnapshot()
      if (locale === current) return
      current = locale
      void loadCatalog(locale).then((catalog) =>
        setTranslator(() => createTranslator(locale, catalog)),
      )
    })
  }, [services, initialTranslator])

  // A chosen theme overrides the device's prefers-color-scheme (styles.css reads data-theme);
  // set before the first paint, so a dark choice never flashes light.
  const { theme } = useStore(services.device)
  useLayoutEffect(() => {
    if (theme === 'device') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = theme
  }, [theme])

  return (
    <AppServicesContext.Provider value={services}>
      <I18nProvider translator={translator}>
        <TopBar />
        <UpdateBanner update={update} />
        <StorageAlert />
        <Routes update={update} install={install} />
        <UndoBar undoLabel={translator('common.undo')} closeLabel={translator('common.close')} />
      </I18nProvider>
    </AppServicesContext.Provider>
  )
}
