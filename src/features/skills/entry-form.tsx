/**
 * What a group offers or needs: the group, the skill (or a new one, with a warning when a
 * skill of a similar name is already on the list), for an offer the level, for a need the
 * urgency, a note and who to ask. Used to add an entry and to change one.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import type { GroupId } from '../../domain/ids'
import type { SkillsMap } from '../../domain/skill-matching'
import {
  CONTACT_MAX,
  ENTRY_NOTE_MAX,
  isNeedUrgency,
  isOfferLevel,
  NEED_URGENCIES,
  OFFER_LEVELS,
  validateSkillName,
  type EntryFields,
  type EntryKind,
  type NeedUrgency,
  type OfferLevel,
  type SkillCategory,
  type SkillId,
} from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import { LEVEL_LABELS, NAME_ERRORS, skillName, URGENCY_LABELS } from './labels'
import { CategorySelect, NEW_SKILL, similarSkills, SkillSelect } from './skill-select'
import { useGroupsByName } from './use-skills-map'
import { GroupPicker } from '../../ui/group-picker'

export interface EntryDraft {
  readonly fields: EntryFields
  readonly newSkill?: { readonly name: string; readonly category: SkillCategory }
}

interface Props {
  readonly map: SkillsMap
  readonly initial: Partial<EntryFields> & { readonly kind?: EntryKind }
  readonly submitLabel: string
  /** Returns an error key to show, or undefined once stored. */
  readonly onSubmit: (draft: EntryDraft) => MessageKey | undefined
  readonly onCancel?: () => void
  /** A changed entry keeps its skill: only adding may create one. */
  readonly allowNewSkill?: boolean
}

type Errors = Partial<Record<'group' | 'skill' | 'name', MessageKey>>

export function EntryForm({ map, initial, submitLabel, onSubmit, onCancel, allowNewSkill }: Props) {
  const t = useT()
  const id = useId()
  const [groupId, setGroupId] = useState<string>(initial.groupId ?? '')
  const [kind, setKind] = useState<EntryKind>(initial.kind ?? 'offer')
  const [skill, setSkill] = useState<SkillId | typeof NEW_SKILL | ''>(initial.skillId ?? '')
  const [name, setName] = useState('')
  const [category, setCategory] = useState<SkillCategory>('other')
  const [level, setLevel] = useState<OfferLevel>(
    initial.kind === 'offer' && initial.level ? initial.level : 'do',
  )
  const [urgency, setUrgency] = useState<NeedUrgency>(
    initial.kind === 'need' && initial.urgency ? initial.urgency : 'soon',
  )
  const [note, setNote] = useState(initial.note ?? '')
  const [contact, setContact] = useState(initial.contact ?? '')
  const [errors, setErrors] = useState<Errors>({})

  const groups = useGroupsByName(map)
  const similar = skill === NEW_SKILL ? similarSkills(t, map.skills, name)[0] : undefined

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const found: Errors = {}
    if (!groupId) found.group = 'skills.error.groupRequired'
    if (skill === '') found.skill = 'skills.error.skillRequired'
    const nameError = skill === NEW_SKILL ? validateSkillName(name) : undefined
    if (nameError) found.name = NAME_ERRORS[nameError]
    const first = (['group', 'skill', 'name'] as const).find((key) => found[key])
    if (first) {
      setErrors(found)
      document.getElementById(`${id}-${first}`)?.focus()
      return
    }
    const common = {
      groupId: groupId as GroupId,
      skillId: (skill === NEW_SKILL ? '' : skill) as SkillId,
      note,
      contact,
    }
    const fields: EntryFields =
      kind === 'offer' ? { ...common, kind, level } : { ...common, kind, urgency }
    const error = onSubmit(
      skill === NEW_SKILL ? { fields, newSkill: { name, category } } : { fields },
    )
    setErrors(error ? { skill: error } : {})
    if (!error) {
      setSkill('')
      setName('')
      setNote('')
    }
  }

  const errorOf = (key: keyof Errors) =>
    errors[key] && (
      <p className="error" id={`${id}-${key}-error`} role="alert">
        {t(errors[key], { max: 80 })}
      </p>
    )
  const describedBy = (key: keyof Errors) => (errors[key] ? `${id}-${key}-error` : undefined)

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-group`}>{t('skills.groupLabel')}</label>
        <GroupPicker
          id={`${id}-group`}
          groups={groups}
          value={groupId}
          none={t('skills.chooseGroup')}
          aria-invalid={errors.group !== undefined}
          aria-describedby={describedBy('group')}
          onChange={setGroupId}
        />
        {errorOf('group')}
      </div>
      <fieldset className="choices">
        <legend>{t('skills.kindLabel')}</legend>
        {(['offer', 'need'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {t(value === 'offer' ? 'skills.kind.offer' : 'skills.kind.need')}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-skill`}>{t('skills.skillLabel')}</label>
        <SkillSelect
          id={`${id}-skill`}
          map={map}
          value={skill}
          onChange={setSkill}
          allowNew={allowNewSkill ?? false}
          invalid={errors.skill !== undefined}
          describedBy={describedBy('skill')}
        />
        {errorOf('skill')}
      </div>
      {skill === NEW_SKILL && (
        <>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('skills.newSkillName')}</label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={80}
              aria-invalid={errors.name !== undefined}
              aria-describedby={describedBy('name')}
              onChange={(e) => setName(e.target.value)}
            />
            {errorOf('name')}
          </div>
          {similar && (
            <p className="notice" role="status">
              {t('skills.similarExists', { name: skillName(t, similar) })}{' '}
              <button type="button" onClick={() => setSkill(similar.id)}>
                {t('skills.useExisting', { name: skillName(t, similar) })}
              </button>
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-category`}>{t('skills.categoryLabel')}</label>
            <CategorySelect id={`${id}-category`} value={category} onChange={setCategory} />
          </div>
        </>
      )}
      {kind === 'offer' ? (
        <div className="field">
          <label htmlFor={`${id}-level`}>{t('skills.levelLabel')}</label>
          <select
            id={`${id}-level`}
            value={level}
            onChange={(e) => isOfferLevel(e.target.value) && setLevel(e.target.value)}
          >
            {OFFER_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(LEVEL_LABELS[l])}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-urgency`}>{t('skills.urgencyLabel')}</label>
          <select
            id={`${id}-urgency`}
            value={urgency}
            onChange={(e) => isNeedUrgency(e.target.value) && setUrgency(e.target.value)}
          >
            {NEED_URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(URGENCY_LABELS[u])}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('skills.noteLabel')}</label>
        <textarea
          id={`${id}-note`}
          value={note}
          maxLength={ENTRY_NOTE_MAX}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-contact`}>{t('skills.contactLabel')}</label>
        <input
          id={`${id}-contact`}
          value={contact}
          maxLength={CONTACT_MAX}
          onChange={(e) => setContact(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
