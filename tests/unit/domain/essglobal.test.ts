import { describe, expect, it, vi } from 'vitest'
import translations from '../../../src/domain/essglobal-translations.json'
import {
  ESSGLOBAL_ATTRIBUTION,
  ESSGLOBAL_VOCABULARIES,
  findTerm,
  findTermByLabel,
  listTerms,
  termLabel,
} from '../../../src/domain/essglobal'

describe('ESSGlobal terms', () => {
  it('lists the terms of each vocabulary, each with an English label', () => {
    for (const vocabulary of ESSGLOBAL_VOCABULARIES) {
      const terms = listTerms(vocabulary)
      expect(terms.length).toBeGreaterThan(3)
      for (const term of terms) expect(term.labels.en).toBeTruthy()
    }
    expect(listTerms('legalForm').map((t) => t.id)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5'])
    expect(listTerms('activities')[9]?.id).toBe('AM100') // numeric order, as the vocabulary lists them
  })

  it('gives the label in the reader’s language, falling back to English', () => {
    expect(termLabel('L2', 'es')).toBe('Cooperativa')
    expect(termLabel('L2', 'es-MX')).toBe('Cooperativa')
    expect(termLabel('AM60', 'fr')).toBe('Food') // neither the vocabulary nor Weave has French
    expect(termLabel('AM60', 'fr-CA')).toBe('Food')
    expect(termLabel('AM60', 'de')).toBe('Food')
    expect(termLabel('NOPE', 'en')).toBeUndefined()
  })

  const OVERLAY_LANGUAGES = ['es', 'ar', 'ur', 'pl', 'ro', 'pt'] as const
  const overlay: Readonly<Record<string, Readonly<Record<string, string>> | undefined>> =
    translations.labels
  const allTerms = ESSGLOBAL_VOCABULARIES.flatMap((vocabulary) => listTerms(vocabulary))

  it('labels every term in each of the app’s other languages, through the vocabulary or Weave', () => {
    expect(allTerms).toHaveLength(52)
    expect(Object.keys(overlay).sort()).toEqual([...OVERLAY_LANGUAGES].sort())
    for (const language of OVERLAY_LANGUAGES) {
      for (const term of allTerms) {
        const label = termLabel(term.id, language)
        expect(label?.trim(), `${term.id} in ${language}`).toBeTruthy()
        // The vocabulary's own label or Weave's, never the English fallback.
        expect(label, `${term.id} in ${language}`).toBe(
          term.labels[language] ?? overlay[language]?.[term.id],
        )
      }
    }
  })

  it('has Weave translations only for known terms, and none the vocabulary already has', () => {
    for (const [language, labels] of Object.entries(overlay)) {
      for (const [id, label] of Object.entries(labels ?? {})) {
        const term = findTerm(id)
        expect(term, `${id} (${language})`).toBeDefined()
        expect(term?.labels[language], `${id} (${language})`).toBeUndefined()
        expect(label.trim()).toBe(label)
        expect(label).not.toBe('')
      }
    }
  })

  it('prefers the vocabulary’s own translation to Weave’s, and Weave’s to English', () => {
    // OS60 has a Spanish label in the vocabulary; the lookup must return it, not ours.
    expect(findTerm('OS60')?.labels.es).toBe('Cooperativas de trabajo')
    expect(termLabel('OS60', 'es')).toBe('Cooperativas de trabajo')
    expect(termLabel('OS60', 'es-AR')).toBe('Cooperativas de trabajo')
    expect(termLabel('L4', 'pt-BR')).toBe('Organização Não Governamental')
    // No Spanish or Polish label in the vocabulary: Weave's translation, also for a regional tag.
    expect(termLabel('L4', 'es')).toBe(overlay.es?.L4)
    expect(termLabel('L4', 'es-MX')).toBe(overlay.es?.L4)
    expect(termLabel('AM60', 'pl')).toBe(overlay.pl?.AM60)
    expect(overlay.pl?.AM60).not.toBe('Food')
    // English readers always get the vocabulary's English.
    expect(termLabel('AM60', 'en')).toBe('Food')
    expect(termLabel('AM60', 'en-GB')).toBe('Food')
  })

  it('lets the vocabulary’s label win even when Weave has one for the same term', async () => {
    vi.resetModules()
    vi.doMock('../../../src/domain/essglobal-translations.json', () => ({
      default: { note: '', labels: { es: { OS60: 'Ours', AM60: 'Comida' } } },
    }))
    try {
      const fresh = await import('../../../src/domain/essglobal')
      expect(fresh.termLabel('OS60', 'es')).toBe('Cooperativas de trabajo')
      expect(fresh.termLabel('AM60', 'es')).toBe('Comida')
      expect(fresh.termLabel('AM60', 'pl')).toBe('Food') // not in this overlay: English
    } finally {
      vi.doUnmock('../../../src/domain/essglobal-translations.json')
      vi.resetModules()
    }
  })

  it('knows concept URIs and finds terms by any label', () => {
    expect(findTerm('OS60')?.uri).toBe(
      'http://purl.org/essglobal/standard/organisational-structure/OS60',
    )
    expect(findTerm('OS60', 'legalForm')).toBeUndefined()
    expect(findTermByLabel(' cooperativa ')?.id).toBe('L2')
    expect(findTermByLabel('Workers cooperative')?.id).toBe('OS60')
  })

  it('carries the CC BY 3.0 credit the UI must show', () => {
    expect(ESSGLOBAL_ATTRIBUTION).toMatchObject({
      licence: 'CC BY 3.0',
      licenceUrl: 'http://creativecommons.org/licenses/by/3.0/',
      source: 'https://github.com/DigitalCommons/map-sse',
    })
  })
})
