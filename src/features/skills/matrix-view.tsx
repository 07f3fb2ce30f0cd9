/**
 * The matrix of groups × skills as a real table (row and column headers a screen reader
 * announces, matrix-table.tsx), scrolling on a phone with the group names kept in view.
 * Filtered by category; skills nobody has listed are hidden unless asked for. Saved as CSV.
 */
import { useId, useMemo, useState } from 'react'
import { matrixCsv } from '../../domain/skill-export'
import type { SkillsMap } from '../../domain/skill-matching'
import { matrixCells } from '../../domain/skill-tallies'
import type { SkillCategory } from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import { saveFile } from '../../ui/save-file'
import { LEVEL_LABELS, skillName, URGENCY_LABELS } from './labels'
import { MatrixTable } from './matrix-table'
import { CategorySelect } from './skill-select'
import { useGroupsByName } from './use-skills-map'

export function MatrixView({ map, spaceName }: { map: SkillsMap; spaceName: string }) {
  const t = useT()
  const id = useId()
  const [category, setCategory] = useState<SkillCategory | ''>('')
  const [showUnused, setShowUnused] = useState(false)
  const cells = useMemo(() => matrixCells(map), [map])
  const used = useMemo(() => new Set(map.entries.map((e) => e.skill)), [map])
  const skills = map.skills
    .filter((s) => (category === '' || s.category === category) && (showUnused || used.has(s.id)))
    .map((s) => ({ skill: s, name: skillName(t, s) }))
    .sort((a, b) => a.name.localeCompare(b.name, t.locale))
  const groups = useGroupsByName(map)

  const exportCsv = () => {
    const text = matrixCsv(
      map,
      cells,
      skills.map((s) => s.skill),
      {
        group: t('skills.groupLabel'),
        skillName: (s) => skillName(t, s),
        level: (l) => t(LEVEL_LABELS[l]),
        urgency: (u) => t(URGENCY_LABELS[u]),
      },
    )
    void saveFile(
      new File([text], t('skills.matrixFileName', { space: spaceName }), { type: 'text/csv' }),
    )
  }

  return (
    <div className="stack">
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('skills.categoryFilter')}</label>
          <CategorySelect
            id={`${id}-category`}
            value={category}
            onChange={setCategory}
            any={{ label: t('skills.allCategories'), onChoose: () => setCategory('') }}
          />
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={showUnused}
            onChange={(e) => setShowUnused(e.target.checked)}
          />{' '}
          {t('skills.showUnused')}
        </label>
      </div>
      {groups.length === 0 || skills.length === 0 ? (
        <p className="empty">{t('skills.matrixEmpty')}</p>
      ) : (
        <p className="hint" id={`${id}-scroll`}>
          {t('skills.matrixScroll')}
        </p>
      )}
      {groups.length > 0 && skills.length > 0 && (
        <MatrixTable
          captionId={`${id}-caption`}
          caption={t('skills.matrixCaption', { groups: groups.length, skills: skills.length })}
          describedBy={`${id}-scroll`}
          groups={groups}
          skills={skills}
          cells={cells}
        />
      )}
      <div className="button-row">
        <button type="button" onClick={exportCsv} disabled={groups.length === 0}>
          {t('skills.matrixCsv')}
        </button>
      </div>
    </div>
  )
}
