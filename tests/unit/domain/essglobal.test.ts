import { describe, expect, it } from 'vitest'
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
    expect(termLabel('L4', 'es')).toBe('Non-Profit Organisation') // no Spanish label
    expect(termLabel('AM60', 'fr')).toBe('Food')
    expect(termLabel('NOPE', 'en')).toBeUndefined()
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
