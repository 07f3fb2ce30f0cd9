/**
 * The profile form. A new group is asked only its name (and one line about it); an existing one
 * opens "Add more details" as short sections, each folded until wanted and each with one "Who
 * can see this". It validates on save, opens the section that holds a problem and moves focus
 * there. What is typed is kept as a draft on this device (form-draft.ts) until it is saved or
 * cancelled; saving writes only what this person changed (updateGroupFrom), so an edit made
 * meanwhile on another device survives.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type SyntheticEvent } from 'react'
import type { Group, GroupDraft, GroupErrorField } from '../../domain/group'
import { parseGroupDraft } from '../../domain/group'
import type { GroupId } from '../../domain/ids'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { formatTime } from '../../ui/format'
import { CriteriaEditor } from './criteria-editor'
import { discardDraft, draftKey, loadDraft, saveDraft, type SavedDraft } from './form-draft'
import { FORM_SECTIONS, SECTION_FIELDS, SECTION_TITLE, SECTION_VISIBILITY } from './form-sections'
import type { FormSection } from './form-sections'
import { sectionOf } from './form-sections'
import { changesOf, checkForm, formStateOf, type FormErrors, type FormState } from './form-state'
import { LanguagesSection } from './languages-section'
import { PeopleEditor } from './people-editor'
import {
  AboutSection,
  ContactSection,
  NameFields,
  OrganisedSection,
  PlaceSection,
  WorkSection,
} from './profile-sections'
import { VisibilityControl } from './visibility-control'

/** Form order, for moving focus to the first field with a problem. */
const FIELD_ORDER: readonly GroupErrorField[] = FORM_SECTIONS.flatMap((s) => SECTION_FIELDS[s])
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

/** The sections holding a problem, so they open before focus moves into them. */
function sectionsWithErrors(errors: FormErrors): FormSection[] {
  const open = new Set<FormSection>()
  for (const field of Object.keys(errors.group) as GroupErrorField[]) open.add(sectionOf(field))
  if (Object.keys(errors.people).length > 0) open.add('people')
  if (Object.keys(errors.answers).length > 0) open.add('membership')
  return [...open]
}

interface Props {
  readonly session: Session
  /** The group to edit; a new group when absent. */
  readonly group?: Group | undefined
  /** The section to open first ("Add more details" → Contact); About when absent. */
  readonly section?: FormSection | undefined
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

export function GroupForm({ session, group, section, onSaved, onCancel }: Props) {
  const t = useT()
  const id = useId()
  const store = session.stores.groups
  const criteria = useStore(session.stores.criteria).items
  const key = draftKey(session.spaceId, group?.id ?? 'new')
  const [kept] = useState(() => loadDraft(key))
  const [draft, setDraft] = useState<SavedDraft>(() => kept ?? freshDraft(group))
  const [showKept, setShowKept] = useState(kept !== undefined)
  const [showErrors, setShowErrors] = useState(false)
  const [open, setOpen] = useState<ReadonlySet<FormSection>>(() => new Set([section ?? 'about']))
  const focusNext = useRef<string | undefined>(undefined)
  useEffect(() => {
    // after the sections holding a problem have opened
    if (focusNext.current) document.getElementById(focusNext.current)?.focus()
    focusNext.current = undefined
  })
  const state = draft.current
  const check = showErrors ? checkForm(state) : undefined
  const errors = check && !check.ok ? check.errors : undefined
  // a new group is only its name, unless a Murmurations import filled in more to check
  const short = !group && draft.origin !== 'import'

  const update = (change: FormState | ((current: FormState) => FormState)) =>
    setDraft((previous) => {
      const current = typeof change === 'function' ? change(previous.current) : change
      const next = withCurrent(previous, current)
      saveDraft(key, next)
      return next
    })
  const setGroup = (patch: Partial<GroupDraft>) =>
    update({ ...state, group: { ...state.group, ...patch } })

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const result = checkForm(state)
    if (!result.ok) {
      setShowErrors(true)
      setOpen(new Set([...open, ...sectionsWithErrors(result.errors)]))
      focusNext.current = firstErrorId(id, result.errors, state)
      const target = focusNext.current && document.getElementById(focusNext.current)
      if (target) target.focus()
      return
    }
    const changes = changesOf(draft.base, state, result.value)
    let groupId = group?.id
    if (group) {
      const before = parseGroupDraft(draft.base.group)
      store.updateGroupFrom(group.id, before.ok ? before.value : result.value, result.value)
    } else groupId = store.addGroup(result.value)
    if (!groupId) return
    for (const person of changes.addPeople) store.addPerson(groupId, person)
    for (const { id: personId, patch } of changes.updatePeople)
      store.updatePerson(groupId, personId, patch)
    for (const personId of changes.removePeople) store.removePerson(groupId, personId)
    for (const { id: criterionId, answer, note } of changes.answer)
      store.answerCriterion(groupId, criterionId, { answer, note })
    for (const criterionId of changes.clearAnswers) store.clearCriterionAnswer(groupId, criterionId)
    discardDraft(key)
    onSaved(groupId, result.value.name)
  }

  const sectionProps = { id, draft: state.group, errors: errors?.group ?? {}, set: setGroup }
  const problems = errors
    ? Object.keys(errors.group).length +
      Object.values(errors.people).reduce((n, e) => n + Object.keys(e).length, 0) +
      Object.keys(errors.answers).length
    : 0
  const contents: Readonly<Record<FormSection, ReactNode>> = {
    about: <AboutSection {...sectionProps} />,
    contact: <ContactSection {...sectionProps} />,
    people: (
      <PeopleEditor
        id={id}
        people={state.people}
        errors={errors?.people ?? {}}
        onChange={(people) => update({ ...state, people })}
        onRestore={(person, index) =>
          update((current) => ({
            ...current,
            people: [...current.people.slice(0, index), person, ...current.people.slice(index)],
          }))
        }
      />
    ),
    work: <WorkSection {...sectionProps} />,
    where: <PlaceSection {...sectionProps} />,
    languages: <LanguagesSection {...sectionProps} />,
    organised: <OrganisedSection {...sectionProps} />,
    membership: (
      <CriteriaEditor
        id={id}
        criteria={criteria}
        answers={state.answers}
        errors={errors?.answers ?? {}}
        onChange={(answers) => update({ ...state, answers })}
      />
    ),
  }

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
      {short ? (
        <>
          <NameFields {...sectionProps} />
          <p className="hint">{t('groupForm.newHint')}</p>
        </>
      ) : (
        <>
          <p className="hint">{t('groupForm.visibilityHint')}</p>
          {FORM_SECTIONS.map((name) => (
            <details
              key={name}
              className="form-section card"
              open={open.has(name)}
              onToggle={(event) => {
                const isOpen = event.currentTarget.open
                if (isOpen === open.has(name)) return
                const next = new Set(open)
                if (isOpen) next.add(name)
                else next.delete(name)
                setOpen(next)
              }}
            >
              <summary>{t(SECTION_TITLE[name])}</summary>
              <div className="stack">
                {contents[name]}
                <VisibilityControl
                  id={`${id}-${name}`}
                  fields={SECTION_VISIBILITY[name]}
                  visibility={state.group.visibility}
                  onChange={(visibility) => setGroup({ visibility })}
                />
              </div>
            </details>
          ))}
        </>
      )}
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
