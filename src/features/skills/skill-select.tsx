/**
 * Choosing a skill from the space's list, grouped by category and sorted in the reader's
 * language, with "a skill not on the list" for a new one; choosing a kind of skill; and
 * finding skills whose names look like one typed.
 */
import { useMemo } from 'react'
import type { SkillsMap } from '../../domain/skill-matching'
import {
  isSkillCategory,
  SKILL_CATEGORIES,
  similarSkillNames,
  type Skill,
  type SkillCategory,
  type SkillId,
} from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { Translator } from '../../i18n/translate'
import { CATEGORY_LABELS, skillName } from './labels'

export const NEW_SKILL = '__new'

export function skillsByCategory(t: Translator, skills: readonly Skill[]) {
  return SKILL_CATEGORIES.map((category) => ({
    category,
    skills: skills
      .filter((s) => s.category === category)
      .map((s) => ({ skill: s, name: skillName(t, s) }))
      .sort((a, b) => a.name.localeCompare(b.name, t.locale)),
  })).filter((c) => c.skills.length > 0)
}

interface Props {
  readonly id: string
  readonly map: SkillsMap
  readonly value: SkillId | typeof NEW_SKILL | ''
  readonly onChange: (value: SkillId | typeof NEW_SKILL | '') => void
  readonly allowNew?: boolean
  readonly invalid?: boolean
  readonly describedBy?: string | undefined
}

export function SkillSelect({ id, map, value, onChange, allowNew, invalid, describedBy }: Props) {
  const t = useT()
  const groups = useMemo(() => skillsByCategory(t, map.skills), [t, map.skills])
  return (
    <select
      id={id}
      value={value}
      aria-invalid={invalid ?? false}
      aria-describedby={describedBy}
      onChange={(e) => {
        const next = e.target.value
        if (next === '' || next === NEW_SKILL) onChange(next)
        else if (map.byId.has(next as SkillId)) onChange(next as SkillId)
      }}
    >
      <option value="">{t('skills.chooseSkill')}</option>
      {allowNew && <option value={NEW_SKILL}>{t('skills.newSkillOption')}</option>}
      {groups.map(({ category, skills }) => (
        <optgroup key={category} label={t(CATEGORY_LABELS[category])}>
          {skills.map(({ skill, name }) => (
            <option key={skill.id} value={skill.id}>
              {name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  )
}

/** Skills whose stored or displayed name looks like `name` (see similarSkillNames). */
export function similarSkills(
  t: Translator,
  skills: readonly Skill[],
  name: string,
): readonly Skill[] {
  if (name.trim() === '') return []
  return skills.filter(
    (s) => similarSkillNames(s.name, name) || similarSkillNames(skillName(t, s), name),
  )
}

interface CategoryProps {
  readonly id: string
  readonly value: SkillCategory | ''
  readonly onChange: (value: SkillCategory) => void
  /** A first choice meaning every kind, for a filter. */
  readonly any?: { readonly label: string; readonly onChoose: () => void }
}

export function CategorySelect({ id, value, onChange, any }: CategoryProps) {
  const t = useT()
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => {
        const next = e.target.value
        if (isSkillCategory(next)) onChange(next)
        else any?.onChoose()
      }}
    >
      {any && <option value="">{any.label}</option>}
      {SKILL_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(CATEGORY_LABELS[c])}
        </option>
      ))}
    </select>
  )
}
