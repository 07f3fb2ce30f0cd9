// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LOCALES } from '../../../src/i18n/locales'
import { LanguageSelect } from '../../../src/ui/language-select'

afterEach(cleanup)

function languages(props: { value: 'en' | 'device'; device?: string }) {
  const onChange = vi.fn()
  render(
    <>
      <label htmlFor="lang">Language</label>
      <LanguageSelect id="lang" {...props} onChange={onChange} />
    </>,
  )
  return { select: screen.getByRole<HTMLSelectElement>('combobox', { name: 'Language' }), onChange }
}

describe('LanguageSelect', () => {
  it('names each language in itself, marked with its lang', () => {
    const { select } = languages({ value: 'en' })
    expect([...select.options].map((o) => o.lang)).toEqual([...LOCALES])
    expect(screen.getByRole('option', { name: 'العربية' }).getAttribute('lang')).toBe('ar')
  })

  it("offers the phone's language first only where asked, and answers the choice", () => {
    const { select, onChange } = languages({ value: 'device', device: "The phone's (English)" })
    expect(select.options[0]?.text).toBe("The phone's (English)")
    fireEvent.change(select, { target: { value: 'ur' } })
    fireEvent.change(select, { target: { value: 'device' } })
    expect(onChange.mock.calls).toEqual([['ur'], ['device']])
  })
})
