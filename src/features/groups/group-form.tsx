/**
 * The full profile form, for a new group or an existing one. It validates on save, ties each
 * message to its field and moves focus to the first problem. What is typed is kept as a draft
 * on this device (form-draft.ts) until it is saved or cancelled; saving writes only what this
 * person changed (updateGroupFrom), so an edit made meanwhile on another device survives.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import type { Group, GroupDraft, GroupErrorField } from '../../domain/group'
import { parseGroupDraft } from '../../domain/group'
import type { GroupId } from '../../domain/ids'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { formatTime } from '../../ui/format'
import { CriteriaEditor } from './criteria-editor'
import { discardDraft, draftKey, loadDraft, saveDraft, type SavedDraft } from './form-draft'
import { PublicSwitch } from './form-fields'
import { changesOf, checkForm, formStateOf, type FormErrors, type FormState } from './form-state'
import { PeopleEditor } from './people-editor'
import {
  AboutSection,
  ContactSection,
  FactsSection,
  PlaceSection,
  WorkSection,
} from './profile-sections'

/** Form order, for moving focus to the first field with a problem. */
const FIELD_ORDER: readonly GroupErrorField[] = [
  'name',
  'summary',
  'story',
  'locality',
  'region',
  'country',
  'scope',
  'activities',
  'legalForm',
  'organisationalStructure',
  'membershipType',
  'yearFounded',
  'memberCount',
  'languages',
  'status',
  'joinedAt',
  'website',
  'email',
  'phone',
  'otherContact',
]
const PERSON_ORDER = ['name', 'role', 'email', 'phone', 'otherContact'] as const

function firstErrorId(id: string, errors: FormErrors, state: FormState): string | undefined {
  const field = FIELD_ORDER.find((f) => errors.group[f])
  if (field) return `${id}-${field}`
  for (const person of state.people) {
    const found = PERSON_ORDER.find((f) => errors.people[person.key]?.[f])
    if (found) return `${id}-p-${person.key}-${found === 'otherContact' ? 'other' : found}`
  }
  const criterion = Object.keys(errors.answers)[0]
  if (!criterion) return undefined
  return errors.answers[criterion] === 'answer-required'
    ? `${id}-c-${criterion}-yes`
    : `${id}-c-${criterion}-note`
}

interface Props {
  readonly session: Session
  /** The group to edit; a new group when absent. */
  readonly group?: Group | undefined
  readonly onSaved: (id: GroupId, name: string) => void
  readonly onCancel: () => void
}

/** The draft with new contents, stamped with when they were typed. */
const withCurrent = (draft: SavedDraft, current: FormState): SavedDraft => ({
  ...draft,
  current,
  at: Date.now(),
})

function freshDraft(group: Group | undefined): SavedDraft {
  const state = formStateOf(group)
  return { base: state, current: state, origin: 'typed', at: Date.now() }
}

export function GroupForm({ session, group, onSaved, onCancel }: Props) {
  const t = useT()
  const id = useId()
  const store = session.stores.groups
  const criteria = useStore(session.stores.criteria).items
  const key = draftKey(session.spaceId, group?.id ?? 'new')
  const [kept] = useState(() => loadDraft(key))
  const [draft, setDraft] = useState<SavedDraft>(() => kept ?? freshDraft(group))
  const [showKept, setShowKept] = useState(kept !== undefined)
  const [showErrors, setShowErrors] = useState(false)
  const state = draft.current
  const check = showErrors ? checkForm(state) : undefined
  const errors = check && !check.ok ? check.errors : undefined

  const update = (current: FormState) => {
    const next = withCurrent(draft, current)
    setDraft(next)
    saveDraft(key, next)
  }
  const setGroup = (patch: Partial<GroupDraft>) =>
    update({ ...state, group: { ...state.group, ...patch } })

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const result = checkForm(state)
    if (!result.ok) {
      setShowErrors(true)
      const target = firstErrorId(id, result.errors, state)
      if (target) document.getElementById(target)?.focus()
      return
    }
    const changes = changesOf(draft.base, state, result.fields)
    let groupId = group?.id
    if (group) {
      const before = parseGroupDraft(draft.base.group)
      store.updateGroupFrom(group.id, before.ok ? before.fields : result.fields, result.fields)
    } else groupId = store.addGroup(result.fields)
    if (!groupId) return
    for (const person of changes.addPeople) store.addPerson(groupId, person)
    for (const { id: personId, patch } of changes.updatePeople)
      store.updatePerson(groupId, personId, patch)
    for (const personId of changes.removePeople) store.removePerson(groupId, personId)
    for (const { id: criterionId, answer, note } of changes.answer)
      store.answerCriterion(groupId, criterionId, { answer, note })
    for (const criterionId of changes.clearAnswers) store.clearCriterionAnswer(groupId, criterionId)
    discardDraft(key)
    onSaved(groupId, result.fields.name)
  }

  const visibilitySwitch = (field: 'people' | 'criteria', label: string) => (
    <PublicSwitch
      id={`${id}-${field}`}
      field={field}
      label={label}
      visibility={state.group.visibility}
      onChange={(visibility) => setGroup({ visibility })}
    />
  )
  const sectionProps = { id, draft: state.group, errors: errors?.group ?? {}, set: setGroup }
  const problems = errors
    ? Object.keys(errors.group).length +
      Object.values(errors.people).reduce((n, e) => n + Object.keys(e).length, 0) +
      Object.keys(errors.answers).length
    : 0

  return (
    <form className="stack group-form" onSubmit={submit} noValidate>
      {showKept && (
        <div className="kept-draft" role="status">
          <p>
            {draft.origin === 'import'
              ? t('groupForm.imported')
              : t('groupForm.draftKept', { time: formatTime(draft.at, t.locale) })}
          </p>
          <button
            type="button"
            onClick={() => {
              discardDraft(key)
              setDraft(freshDraft(group))
              setShowKept(false)
              setShowErrors(false)
            }}
          >
            {t('groupForm.discardDraft')}
          </button>
        </div>
      )}
      <p className="hint">{t('groupForm.publicHint')}</p>
      <AboutSection {...sectionProps} />
      <PlaceSection {...sectionProps} />
      <WorkSection {...sectionProps} />
      <FactsSection {...sectionProps} />
      <ContactSection {...sectionProps} />
      <PeopleEditor
        id={id}
        people={state.people}
        errors={errors?.people ?? {}}
        onChange={(people) => update({ ...state, people })}
        publicSwitch={visibilitySwitch('people', t('groupForm.people'))}
      />
      <CriteriaEditor
        id={id}
        criteria={criteria}
        answers={state.answers}
        errors={errors?.answers ?? {}}
        onChange={(answers) => update({ ...state, answers })}
        publicSwitch={visibilitySwitch('criteria', t('groupForm.criteria'))}
      />
      {problems > 0 && (
        <p className="error" role="status">
          {t('groupForm.problems', { count: problems })}
        </p>
      )}
      <div className="button-row form-actions">
        <button
          type="button"
          onClick={() => {
            discardDraft(key)
            onCancel()
          }}
        >
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary">
          {group ? t('common.save') : t('groups.add')}
        </button>
      </div>
    </form>
  )
}
