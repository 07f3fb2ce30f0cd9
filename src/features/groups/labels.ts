/**
 * Names of the things a profile stores as codes: statuses, scopes, countries, languages and
 * ESSGlobal terms, in the reader's language (Intl.DisplayNames where the browser has it).
 */
import { termLabel } from '../../domain/essglobal'
import { COUNTRY_CODES } from '../../domain/essglobal'
import type { GeographicScope, GroupStatus, Visibility } from '../../domain/group'
import type { CriterionAnswerValue } from '../../domain/criteria'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'

export const STATUS_KEY: Readonly<Record<GroupStatus, MessageKey>> = {
  active: 'groups.status.active',
  'on-hold': 'groups.status.onHold',
  ended: 'groups.status.ended',
}

export const SCOPE_KEY: Readonly<Record<GeographicScope, MessageKey>> = {
  local: 'groups.scope.local',
  regional: 'groups.scope.regional',
  national: 'groups.scope.national',
  international: 'groups.scope.international',
}

export const ANSWER_KEY: Readonly<Record<CriterionAnswerValue, MessageKey>> = {
  yes: 'criteria.answer.yes',
  partly: 'criteria.answer.partly',
  no: 'criteria.answer.no',
  'not-sure': 'criteria.answer.not-sure',
}

export const VISIBILITY_KEY: Readonly<Record<Visibility, MessageKey>> = {
  public: 'groups.visibility.public',
  network: 'groups.visibility.network',
}

/** Languages offered in the picker; a group's other languages are kept and shown too. */
export const COMMON_LANGUAGES = [
  'en',
  'es',
  'pt',
  'fr',
  'ca',
  'eu',
  'gl',
  'cy',
  'ga',
  'gd',
  'de',
  'it',
  'nl',
  'pl',
  'ro',
  'bg',
  'el',
  'uk',
  'ru',
  'tr',
  'ku',
  'ar',
  'fa',
  'ps',
  'ur',
  'hi',
  'bn',
  'pa',
  'gu',
  'ta',
  'so',
  'am',
  'ti',
  'sw',
  'yo',
  'ig',
  'ha',
  'zh',
  'vi',
  'tl',
  'ko',
  'ja',
  'qu',
  'ay',
  'gn',
  'sq',
  'lt',
  'lv',
  'hr',
  'sr',
  'bs',
  'bsl',
  'ase',
  'lsm',
] as const

function displayName(code: string, locale: string, type: 'region' | 'language'): string {
  try {
    return new Intl.DisplayNames([locale], { type, fallback: 'code' }).of(code) ?? code
  } catch {
    return code // RangeError: a code the browser cannot name; the code is still readable
  }
}

export const countryName = (code: string, locale: string) => displayName(code, locale, 'region')
export const languageName = (tag: string, locale: string) => displayName(tag, locale, 'language')
/** Sign languages browsers rarely name (Intl.DisplayNames gives back "bsl"): named here. */
const LANGUAGE_KEY: Readonly<Record<string, MessageKey>> = {
  bsl: 'groups.language.bsl',
  ase: 'groups.language.ase',
  lsm: 'groups.language.lsm',
}

/** A language's name in the reader's language, from the catalog where browsers have none. */
export function useLanguageName(): (tag: string) => string {
  const t = useT()
  return (tag) => {
    const key = LANGUAGE_KEY[tag.toLowerCase()]
    return key ? t(key) : languageName(tag, t.locale)
  }
}
export const termName = (id: string, locale: string) => termLabel(id, locale) ?? id

const countryCache = new Map<string, readonly { code: string; name: string }[]>()

/** Every country of the ESSGlobal list, named and sorted in the reader's language. */
export function countryOptions(locale: string): readonly { code: string; name: string }[] {
  let options = countryCache.get(locale)
  if (!options) {
    options = [...COUNTRY_CODES]
      .map((code) => ({ code, name: countryName(code, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale))
    countryCache.set(locale, options)
  }
  return options
}
