/**
 * What the profile form holds while someone types: the profile as text (GroupDraft), the
 * people and the criteria answers, all plain JSON so a draft can be kept between visits.
 * `changesOf` works out the commands that turn the stored group into what was typed.
 */
import {
  validateCriterionNote,
  type CriterionAnswerValue,
  type CriterionId,
} from '../../domain/criteria'
import {
  draftOf,
  groupFieldsOf,
  parseGroupDraft,
  validatePersonFields,
  type Group,
  type GroupDraft,
  type GroupFieldErrors,
  type GroupFields,
  type PersonFieldErrors,
  type PersonFields,
  type PersonId,
} from '../../domain/group'
import { ok, type Result } from '../../domain/result'

export interface PersonDraft {
  /** Stable key for the row; the stored id once the person exists. */
  readonly key: string
  readonly id?: PersonId
  readonly name: string
  readonly role: string
  readonly email: string
  readonly phone: string
  readonly other: string
}

export interface AnswerDraft {
  readonly answer: CriterionAnswerValue | ''
  readonly note: string
}

export interface FormState {
  readonly group: GroupDraft
  readonly people: readonly PersonDraft[]
  readonly answers: Readonly<Record<string, AnswerDraft>>
}

export const EMPTY_FIELDS: GroupFields = { name: '', summary: '' }

export function formStateOf(group: Group | undefined): FormState {
  if (!group) return { group: draftOf(EMPTY_FIELDS), people: [], answers: {} }
  return {
    group: draftOf(groupFieldsOf(group)),
    people: group.people.map((person) => ({
      key: person.id,
      id: person.id,
      name: person.name,
      role: person.role,
      email: person.contacts.email,
      phone: person.contacts.phone,
      other: person.contacts.other,
    })),
    answers: Object.fromEntries(
      Object.entries(group.criteria).map(([id, answer]) => [
        id,
        { answer: answer.answer, note: answer.note },
      ]),
    ),
  }
}

export const isBlankPerson = (p: PersonDraft) =>
  !p.id && [p.name, p.role, p.email, p.phone, p.other].every((text) => text.trim() === '')

export function personFieldsOf(person: PersonDraft): PersonFields {
  return {
    name: person.name.trim(),
    role: person.role.trim(),
    contacts: {
      email: person.email.trim(),
      phone: person.phone.trim(),
      other: person.other.trim(),
    },
  }
}

export interface FormErrors {
  readonly group: GroupFieldErrors
  readonly people: Readonly<Record<string, PersonFieldErrors>>
  readonly answers: Readonly<Record<string, 'note-too-long' | 'answer-required'>>
}

export type FormCheck = Result<GroupFields, 'invalid', { readonly errors: FormErrors }>

export function checkForm(state: FormState, now = Date.now()): FormCheck {
  const parsed = parseGroupDraft(state.group, now)
  const people: Record<string, PersonFieldErrors> = {}
  for (const person of state.people) {
    if (isBlankPerson(person)) continue
    const errors = validatePersonFields(personFieldsOf(person))
    if (Object.keys(errors).length > 0) people[person.key] = errors
  }
  const answers: Record<string, 'note-too-long' | 'answer-required'> = {}
  for (const [id, { answer, note }] of Object.entries(state.answers)) {
    const error =
      validateCriterionNote(note) ??
      (answer === '' && note.trim() !== '' ? 'answer-required' : undefined)
    if (error) answers[id] = error
  }
  const valid = parsed.ok && Object.keys(people).length === 0 && Object.keys(answers).length === 0
  if (valid) return ok(parsed.value)
  const group = parsed.ok ? {} : parsed.errors
  return { ok: false, error: 'invalid', errors: { group, people, answers } }
}

/** The group-store commands a save needs, as plain data (so they are easy to test). */
export interface FormChanges {
  readonly fields: GroupFields
  readonly addPeople: readonly PersonFields[]
  readonly updatePeople: readonly { id: PersonId; patch: Partial<PersonFields> }[]
  readonly removePeople: readonly PersonId[]
  readonly answer: readonly { id: CriterionId; answer: CriterionAnswerValue; note: string }[]
  readonly clearAnswers: readonly CriterionId[]
}

export function changesOf(base: FormState, state: FormState, fields: GroupFields): FormChanges {
  const before = new Map(base.people.flatMap((p) => (p.id ? [[p.id, p] as const] : [])))
  const kept = new Set(state.people.flatMap((p) => (p.id ? [p.id] : [])))
  const updatePeople: { id: PersonId; patch: Partial<PersonFields> }[] = []
  for (const person of state.people) {
    const was = person.id && before.get(person.id)
    if (!person.id || !was) continue
    const now = personFieldsOf(person)
    const old = personFieldsOf(was)
    const contactsChanged =
      now.contacts?.email !== old.contacts?.email ||
      now.contacts?.phone !== old.contacts?.phone ||
      now.contacts?.other !== old.contacts?.other
    const patch: Partial<PersonFields> = {
      ...(now.name !== old.name && { name: now.name }),
      ...(now.role !== old.role && { role: now.role ?? '' }),
      ...(contactsChanged && now.contacts && { contacts: now.contacts }),
    }
    if (Object.keys(patch).length > 0) updatePeople.push({ id: person.id, patch })
  }
  const answer: { id: CriterionId; answer: CriterionAnswerValue; note: string }[] = []
  const clearAnswers: CriterionId[] = []
  for (const [id, now] of Object.entries(state.answers)) {
    const was = base.answers[id]
    if (was?.answer === now.answer && was.note.trim() === now.note.trim()) continue
    if (now.answer !== '')
      answer.push({ id: id as CriterionId, answer: now.answer, note: now.note.trim() })
    else if (was && was.answer !== '') clearAnswers.push(id as CriterionId)
  }
  return {
    fields,
    addPeople: state.people.filter((p) => !p.id && !isBlankPerson(p)).map((p) => personFieldsOf(p)),
    updatePeople,
    removePeople: [...before.keys()].filter((id) => !kept.has(id)),
    answer,
    clearAnswers,
  }
}
