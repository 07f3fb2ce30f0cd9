/** Turns validation codes into the catalog message with its limits filled in. */
import { CRITERION_NOTE_MAX } from '../../domain/criteria'
import {
  ACTIVITIES_MAX,
  CONTACT_OTHER_MAX,
  GROUP_NAME_MAX,
  GROUP_STORY_MAX,
  GROUP_SUMMARY_MAX,
  LANGUAGES_MAX,
  MEMBER_COUNT_MAX,
  PERSON_NAME_MAX,
  PERSON_ROLE_MAX,
  PLACE_PART_MAX,
  YEAR_FOUNDED_MIN,
  type GroupFieldError,
} from '../../domain/group'
import type { Translator } from '../../i18n/translate'

const TEXT_MAX: Readonly<Record<string, number>> = {
  locality: PLACE_PART_MAX,
  region: PLACE_PART_MAX,
  otherContact: CONTACT_OTHER_MAX,
  role: PERSON_ROLE_MAX,
}

function limitFor(error: GroupFieldError, field: string, now: number): number {
  if (field === 'activities') return ACTIVITIES_MAX
  if (field === 'languages') return LANGUAGES_MAX
  switch (error) {
    case 'year-out-of-range':
      return new Date(now).getUTCFullYear()
    case 'count-out-of-range':
      return MEMBER_COUNT_MAX
    case 'summary-too-long':
      return GROUP_SUMMARY_MAX
    case 'story-too-long':
      return GROUP_STORY_MAX
    case 'name-too-long':
      return field === 'person' ? PERSON_NAME_MAX : GROUP_NAME_MAX
    default:
      return TEXT_MAX[field] ?? CONTACT_OTHER_MAX
  }
}

/** `field` is the form field (`locality`), or `person` for a person's name. */
export function errorText(
  t: Translator,
  error: GroupFieldError,
  field: string,
  now = Date.now(),
): string {
  if (field === 'person' && error === 'name-required') return t('groupForm.personNameRequired')
  return t(`profileError.${error}`, { max: limitFor(error, field, now), min: YEAR_FOUNDED_MIN })
}

export function answerErrorText(t: Translator, error: 'note-too-long' | 'answer-required') {
  return error === 'note-too-long'
    ? t('criteriaError.note-too-long', { max: CRITERION_NOTE_MAX })
    : t('groupForm.answerRequired')
}
