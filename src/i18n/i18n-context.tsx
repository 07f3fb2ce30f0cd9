/**
 * React side of i18n: the active translator, and `lang`/`dir` on <html> kept in step.
 */
import { createContext, useContext, useLayoutEffect, type ReactNode } from 'react'
import { directionOf } from './locales'
import type { Translator } from './translate'

const TranslatorContext = createContext<Translator | undefined>(undefined)

export function I18nProvider({
  translator,
  children,
}: {
  translator: Translator
  children: ReactNode
}) {
  // before the first paint, so an Arabic screen is never drawn left to right first
  useLayoutEffect(() => {
    document.documentElement.lang = translator.locale
    document.documentElement.dir = directionOf(translator.locale)
  }, [translator])
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>
}

export function useT(): Translator {
  const translator = useContext(TranslatorContext)
  if (!translator) throw new Error('useT() needs an <I18nProvider> above it')
  return translator
}
