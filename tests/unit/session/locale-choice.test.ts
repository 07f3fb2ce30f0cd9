// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAppServices } from '../../../src/session/app-services'
import { openWeaveDb } from '../../../src/storage/db'

const phoneLanguages = (languages: string[]) =>
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the language of Weave', () => {
  it('follows the phone until one is chosen, and again once "same as this phone" is', async () => {
    phoneLanguages(['ar-EG', 'en'])
    const db = openWeaveDb(`locale-${crypto.randomUUID()}`)
    const first = await createAppServices(db)
    expect(first.device.getSnapshot()).toMatchObject({ locale: 'ar', localeChoice: 'device' })

    await first.setLocale('es')
    expect(first.device.getSnapshot().locale).toBe('es')
    expect((await createAppServices(db)).device.getSnapshot()).toMatchObject({
      locale: 'es',
      localeChoice: 'es',
    })

    await first.setLocale('device')
    expect(first.device.getSnapshot().locale).toBe('ar')
    const later = await createAppServices(db)
    expect(later.device.getSnapshot()).toMatchObject({ locale: 'ar', localeChoice: 'device' })
  })

  it('changes with the phone’s language while Weave is open, unless one was chosen', async () => {
    phoneLanguages(['en-GB'])
    const services = await createAppServices(openWeaveDb(`locale-${crypto.randomUUID()}`))
    phoneLanguages(['ur-PK'])
    window.dispatchEvent(new Event('languagechange'))
    expect(services.device.getSnapshot().locale).toBe('ur')

    await services.setLocale('en')
    phoneLanguages(['es-MX'])
    window.dispatchEvent(new Event('languagechange'))
    expect(services.device.getSnapshot().locale).toBe('en')
  })
})
