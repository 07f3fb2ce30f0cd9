/**
 * Words for the skills map in the reader's language: categories, levels, urgencies, the
 * reasons a match is suggested, hours and skill names (a starter skill nobody renamed is read
 * from the catalog, so each person sees it in their own language).
 */
import type { MatchReason } from '../../domain/skill-matching'
import type {
  NeedUrgency,
  OfferLevel,
  Skill,
  SkillCategory,
  SkillNameError,
} from '../../domain/skills'
import type { MessageKey, Translator } from '../../i18n/translate'

export const CATEGORY_LABELS: Record<SkillCategory, MessageKey> = {
  organising: 'skills.category.organising',
  money: 'skills.category.money',
  legal: 'skills.category.legal',
  funding: 'skills.category.funding',
  food: 'skills.category.food',
  housing: 'skills.category.housing',
  care: 'skills.category.care',
  digital: 'skills.category.digital',
  communication: 'skills.category.communication',
  campaigning: 'skills.category.campaigning',
  buildings: 'skills.category.buildings',
  other: 'skills.category.other',
}

export const LEVEL_LABELS: Record<OfferLevel, MessageKey> = {
  teach: 'skills.level.teach',
  do: 'skills.level.do',
  learning: 'skills.level.learning',
}

export const URGENCY_LABELS: Record<NeedUrgency, MessageKey> = {
  now: 'skills.urgency.now',
  soon: 'skills.urgency.soon',
  sometime: 'skills.urgency.sometime',
}

/** Short words for a matrix cell, where space is tight. */
export const LEVEL_CELLS: Record<OfferLevel, MessageKey> = {
  teach: 'skills.cell.teach',
  do: 'skills.cell.do',
  learning: 'skills.cell.learning',
}
export const URGENCY_CELLS: Record<NeedUrgency, MessageKey> = {
  now: 'skills.cell.now',
  soon: 'skills.cell.soon',
  sometime: 'skills.cell.sometime',
}

export const NAME_ERRORS: Record<SkillNameError, MessageKey> = {
  'name-required': 'skills.error.nameRequired',
  'name-too-long': 'skills.error.nameTooLong',
}

export function skillName(t: Translator, skill: Skill | undefined): string {
  if (!skill) return t('skills.unknownSkill')
  return skill.nameKey ? t(skill.nameKey as MessageKey) : skill.name
}

/** Minutes as hours in the reader's words: "1.5 hours". */
export function hoursText(t: Translator, minutes: number): string {
  return t('skills.hours', { count: Math.round((minutes / 60) * 100) / 100 })
}

function displayName(locale: string, type: 'language' | 'region', code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type, fallback: 'code' }).of(code) ?? code
  } catch {
    return code // a tag the browser does not know: show it as written
  }
}

export function reasonText(t: Translator, reason: MatchReason): string {
  switch (reason.kind) {
    case 'level':
      return t(LEVEL_LABELS[reason.level])
    case 'language':
      return t('skills.reason.language', {
        languages: new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(
          reason.languages.map((code) => displayName(t.locale, 'language', code)),
        ),
      })
    case 'region':
      return t('skills.reason.place', { place: reason.region })
    case 'country':
      return t('skills.reason.place', { place: displayName(t.locale, 'region', reason.country) })
    case 'exchanges':
      return t('skills.reason.exchanges', { count: reason.count })
  }
}

/** Today as `YYYY-MM-DD` in local time, for the date an exchange happened. */
export function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function formatDay(date: string, locale: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(y, m - 1, d))
}
