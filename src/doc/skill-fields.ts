/**
 * How an offer or need and an exchange of time are stored: read back from whatever a peer
 * wrote (anything malformed is skipped), and the fields a command writes.
 */
import type { GroupId } from '../domain/ids'
import {
  CONTACT_MAX,
  ENTRY_NOTE_MAX,
  EXCHANGE_NOTE_MAX,
  isNeedUrgency,
  isOfferLevel,
  validateExchange,
  type EntryFields,
  type Exchange,
  type SkillEntry,
  type SkillId,
} from '../domain/skills'
import { REMOVE_FIELD, type FieldValue } from './collection'
import { readLastChange } from './last-change'
import { readId, readString, type Fields } from './read'

export function readEntry(id: string, fields: Fields, meta: SkillEntry): SkillEntry | undefined {
  const groupId = readId(fields.get('groupId')) as GroupId | undefined
  const skillId = readId(fields.get('skillId')) as SkillId | undefined
  if (!groupId || !skillId) return undefined
  const lastChange = readLastChange(fields.get('lastChange'))
  const common = {
    ...meta,
    id,
    groupId,
    skillId,
    note: readString(fields, 'note', ENTRY_NOTE_MAX) ?? '',
    contact: readString(fields, 'contact', CONTACT_MAX) ?? '',
    ...(lastChange && { lastChange }),
  }
  const kind = fields.get('kind')
  const level = fields.get('level')
  const urgency = fields.get('urgency')
  if (kind === 'offer' && isOfferLevel(level)) return { ...common, kind, level }
  if (kind === 'need' && isNeedUrgency(urgency)) return { ...common, kind, urgency }
  return undefined
}

export function readExchange(id: string, fields: Fields, meta: Exchange): Exchange | undefined {
  const exchange = {
    ...meta,
    id,
    fromGroupId: (readId(fields.get('fromGroupId')) ?? '') as GroupId,
    toGroupId: (readId(fields.get('toGroupId')) ?? '') as GroupId,
    skillId: (readId(fields.get('skillId')) ?? '') as SkillId,
    minutes: fields.get('minutes') as number,
    date: readString(fields, 'date', 10) ?? '',
    note: readString(fields, 'note', EXCHANGE_NOTE_MAX) ?? '',
  }
  return validateExchange(exchange) ? undefined : exchange
}

export const entryFields = (fields: EntryFields): Record<string, FieldValue> => ({
  groupId: fields.groupId,
  skillId: fields.skillId,
  kind: fields.kind,
  note: fields.note.trim().slice(0, ENTRY_NOTE_MAX),
  contact: fields.contact.trim().slice(0, CONTACT_MAX),
  ...(fields.kind === 'offer'
    ? { level: fields.level, urgency: REMOVE_FIELD }
    : { urgency: fields.urgency, level: REMOVE_FIELD }),
})
