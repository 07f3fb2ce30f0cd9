/**
 * The ESSGlobal vocabularies a group profile uses (activities, legal form, organisational
 * structure, membership type), from essglobal-terms.json, which scripts/extract-essglobal.mjs
 * generates from the reference Turtle files. A profile stores term ids (`AM60`); labels are
 * looked up here in the reader's language.
 *
 * The vocabularies are translated unevenly (activities only into English; the others into
 * some of es/fr/pt/ko), so most of the app's languages would show English labels. Weave's own
 * draft translations (essglobal-translations.json) fill the gaps: the vocabulary's own label
 * comes first, then ours, then English.
 */
import data from './essglobal-terms.json'
import translations from './essglobal-translations.json'

export const ESSGLOBAL_VOCABULARIES = [
  'activities',
  'legalForm',
  'organisationalStructure',
  'membershipType',
] as const
export type EssglobalVocabulary = (typeof ESSGLOBAL_VOCABULARIES)[number]

export interface EssglobalTerm {
  readonly id: string
  readonly vocabulary: EssglobalVocabulary
  /** The concept's URI, e.g. http://purl.org/essglobal/standard/legal-form/L2. */
  readonly uri: string
  /** Labels by lower-case language code; always has `en`. */
  readonly labels: Readonly<Record<string, string>>
}

/**
 * ESSGlobal terms are CC BY 3.0: whoever shows them must credit them. The UI shows this
 * (for example on the about screen and next to a term picker).
 */
export const ESSGLOBAL_ATTRIBUTION: {
  readonly title: string
  readonly creator: string
  /** Where the vocabularies come from (a link target) and how to name that link. */
  readonly source: string
  readonly sourceLabel: string
  readonly licence: string
  readonly licenceUrl: string
} = data.attribution

const byVocabulary = new Map<EssglobalVocabulary, readonly EssglobalTerm[]>(
  ESSGLOBAL_VOCABULARIES.map((vocabulary) => {
    const { scheme, terms } = data.vocabularies[vocabulary]
    const list = terms.map((term): EssglobalTerm =>
      Object.freeze({
        id: term.id,
        vocabulary,
        uri: scheme + term.id,
        labels: Object.freeze({ ...term.labels }),
      }),
    )
    return [vocabulary, Object.freeze(list)]
  }),
)

const byId = new Map<string, EssglobalTerm>(
  [...byVocabulary.values()].flat().map((term) => [term.id, term]),
)

/** ISO 3166-1 alpha-2 codes of the ESSGlobal countries vocabulary (the assigned ones). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(data.countries)

/** The terms of one vocabulary, in the vocabulary's own order. */
export function listTerms(vocabulary: EssglobalVocabulary): readonly EssglobalTerm[] {
  return byVocabulary.get(vocabulary) ?? []
}

export function findTerm(id: string, vocabulary?: EssglobalVocabulary): EssglobalTerm | undefined {
  const term = byId.get(id)
  return term && (vocabulary === undefined || term.vocabulary === vocabulary) ? term : undefined
}

export function isTermOf(vocabulary: EssglobalVocabulary, id: string): boolean {
  return findTerm(id, vocabulary) !== undefined
}

/** Weave's translations of term labels, by lower-case base language, then term id. */
const overlay: Readonly<Record<string, Readonly<Record<string, string>> | undefined>> =
  translations.labels

/**
 * The label of a term in a locale (`es`, `es-MX`, `pt-BR`…): the vocabulary's own label for
 * the full tag, then for the base language, then Weave's translation for the base language,
 * then English. Undefined for an id no vocabulary has (e.g. from a newer peer).
 */
export function termLabel(id: string, locale: string): string | undefined {
  const term = byId.get(id)
  if (!term) return undefined
  const tag = locale.toLowerCase()
  const base = tag.split('-')[0] ?? ''
  return term.labels[tag] ?? term.labels[base] ?? overlay[base]?.[id] ?? term.labels.en
}

/** A term whose label (in any language) equals the text, ignoring case and outer spaces. */
export function findTermByLabel(
  text: string,
  vocabularies: readonly EssglobalVocabulary[] = ESSGLOBAL_VOCABULARIES,
): EssglobalTerm | undefined {
  const wanted = text.trim().toLocaleLowerCase()
  if (wanted === '') return undefined
  for (const vocabulary of vocabularies) {
    for (const term of listTerms(vocabulary)) {
      if (Object.values(term.labels).some((label) => label.toLocaleLowerCase() === wanted))
        return term
    }
  }
  return undefined
}
