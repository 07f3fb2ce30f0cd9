import { describe, expect, it } from 'vitest'
import {
  draftOf,
  parseGroupDraft,
  validateGroupFields,
  validatePersonFields,
  type GroupDraft,
} from '../../../src/domain/group'

const NOW = Date.UTC(2026, 5, 1)
const empty: GroupDraft = draftOf({ name: '', summary: '' })

describe('validation of what a person typed', () => {
  it('accepts a name alone', () => {
    expect(parseGroupDraft({ ...empty, name: ' Tenants Union ' }, NOW)).toMatchObject({
      ok: true,
      value: { name: 'Tenants Union', summary: '' },
    })
  })

  it('reports each invalid field with its own code', () => {
    const result = parseGroupDraft(
      {
        ...empty,
        name: '   ',
        summary: 's'.repeat(281),
        country: 'Narnia',
        yearFounded: '2031',
        memberCount: 'lots',
        website: 'javascript:alert(1)',
        email: 'someone@',
        phone: 'call me',
        languages: ['en', 'english!'],
        activities: ['AM60', 'L2'],
        legalForm: 'OS10',
        joinedAt: '2024-02-30',
      },
      NOW,
    )
    expect(result).toEqual({
      ok: false,
      error: 'invalid',
      errors: {
        name: 'name-required',
        summary: 'summary-too-long',
        country: 'country-invalid',
        yearFounded: 'year-out-of-range',
        memberCount: 'count-invalid',
        website: 'url-invalid',
        email: 'email-invalid',
        phone: 'phone-invalid',
        languages: 'language-invalid',
        activities: 'term-unknown',
        legalForm: 'term-unknown',
        joinedAt: 'date-invalid',
      },
    })
  })

  it('reads years and counts typed with Arabic or Urdu keyboard digits', () => {
    const result = parseGroupDraft(
      { ...empty, name: 'Co-op', memberCount: '١٬٢٠٠', yearFounded: '۱۹۹۸' },
      NOW,
    )
    expect(result).toMatchObject({ ok: true, value: { memberCount: 1200, yearFounded: 1998 } })
  })

  it('normalises what people type: scheme-less URLs, thousands, language case, country case', () => {
    const result = parseGroupDraft(
      {
        ...empty,
        name: 'Co-op',
        website: 'example.org/about',
        memberCount: '1,200',
        yearFounded: ' 1998 ',
        languages: ['pt-br', 'EN', 'en'],
        country: 'gb',
      },
      NOW,
    )
    expect(result).toMatchObject({
      ok: true,
      value: {
        website: 'https://example.org/about',
        memberCount: 1200,
        yearFounded: 1998,
        languages: ['pt-BR', 'en'],
        place: { country: 'GB' },
      },
    })
  })

  it('keeps the existing name and summary checks for callers that only have those', () => {
    expect(validateGroupFields({ name: 'x'.repeat(121), summary: '' })).toEqual({
      name: 'name-too-long',
    })
    expect(validateGroupFields({ name: 'Ok', summary: '' })).toEqual({})
  })

  it('checks years and dates against the range', () => {
    expect(validateGroupFields({ name: 'A', summary: '', yearFounded: 1600 }, NOW)).toEqual({
      yearFounded: 'year-out-of-range',
    })
    expect(validateGroupFields({ name: 'A', summary: '', joinedAt: '1200-01-01' }, NOW)).toEqual({
      joinedAt: 'date-out-of-range',
    })
    expect(validateGroupFields({ name: 'A', summary: '', joinedAt: '2026-05-31' }, NOW)).toEqual({})
  })

  it('validates people', () => {
    expect(validatePersonFields({ name: '' })).toEqual({ name: 'name-required' })
    expect(
      validatePersonFields({
        name: 'Ana',
        role: 'r'.repeat(121),
        contacts: { email: 'ana@example.org', phone: '07700 900123', other: '' },
      }),
    ).toEqual({ role: 'text-too-long' })
  })

  it('round-trips stored fields through the form text', () => {
    const fields = {
      name: 'Co-op',
      summary: '',
      story: '',
      place: { locality: '', region: '', country: 'ES' },
      activities: ['AM60'],
      languages: ['es'],
      website: 'https://example.org',
      contacts: { email: '', phone: '', other: '' },
      visibility: { name: 'public' as const },
      yearFounded: 2001,
      memberCount: 12,
      status: 'ended' as const,
    }
    expect(parseGroupDraft(draftOf(fields), NOW)).toEqual({ ok: true, value: fields })
  })
})
