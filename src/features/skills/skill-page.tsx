/**
 * One skill: who offers it and who needs it; renaming it, its category, merging it with a
 * skill of another name (every offer, need and exchange follows; a merge can be undone),
 * taking it off the list.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import type { SkillsMap } from '../../domain/skill-matching'
import { type Skill, type SkillId } from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { Link } from '../../ui/router'
import { CATEGORY_LABELS, LEVEL_LABELS, NAME_ERRORS, skillName, URGENCY_LABELS } from './labels'
import { CategorySelect, similarSkills, SkillSelect } from './skill-select'

interface Props {
  readonly session: Session
  readonly map: SkillsMap
  readonly skill: Skill
  readonly base: string
  readonly onNotice: (message: string) => void
}

export function SkillPage({ session, map, skill, base, onNotice }: Props) {
  const t = useT()
  const id = useId()
  const store = session.stores.skills
  const root = map.rootOf(skill.id)
  const name = skillName(t, skill)

  if (root && root !== skill.id) {
    const into = map.byId.get(root)
    return (
      <div className="stack">
        <p>
          {t('skills.mergedInto', { name })}{' '}
          <Link to={`${base}/skill/${root}`}>{skillName(t, into)}</Link>
        </p>
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              store.separateSkill(skill.id)
              onNotice(t('skills.separated', { name }))
            }}
          >
            {t('skills.separate', { name })}
          </button>
        </div>
      </div>
    )
  }

  const entries = map.entries.filter((e) => e.skill === skill.id)
  const aliases = map.aliases.get(skill.id) ?? []
  const similar = [
    ...new Set([
      ...similarSkills(t, map.skills, skill.name),
      ...similarSkills(t, map.skills, name),
    ]),
  ].filter((s) => s.id !== skill.id)
  const groupName = (groupId: string) => map.groups.get(groupId as never)?.name ?? ''
  const merge = (from: SkillId, into: SkillId) => {
    const result = store.mergeSkills(from, into)
    const fromName = skillName(t, map.byId.get(from))
    onNotice(
      result.ok
        ? t('skills.merged', { from: fromName, into: skillName(t, map.byId.get(into)) })
        : t('skills.mergeRefused'),
    )
  }

  return (
    <div className="stack">
      <p className="hint">{t(CATEGORY_LABELS[skill.category])}</p>
      {aliases.length > 0 && (
        <section className="stack" aria-labelledby={`${id}-aliases`}>
          <h2 id={`${id}-aliases`}>{t('skills.aliases')}</h2>
          <ul className="list">
            {aliases.map((alias) => (
              <li key={alias.id} className="trash-row">
                <span>{skillName(t, alias)}</span>
                <button
                  type="button"
                  onClick={() => {
                    store.separateSkill(alias.id)
                    onNotice(t('skills.separated', { name: skillName(t, alias) }))
                  }}
                >
                  {t('skills.separate', { name: skillName(t, alias) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(['offer', 'need'] as const).map((kind) => {
        const list = entries.filter((e) => e.kind === kind)
        return (
          <section key={kind} className="card stack" aria-labelledby={`${id}-${kind}`}>
            <h2 id={`${id}-${kind}`}>
              {t(kind === 'offer' ? 'skills.whoOffers' : 'skills.whoNeeds')}
            </h2>
            {list.length === 0 ? (
              <p className="hint">{t('skills.nobody')}</p>
            ) : (
              <ul className="list">
                {list.map((e) => (
                  <li key={e.id}>
                    <strong>{groupName(e.groupId)}</strong>
                    {' · '}
                    {e.kind === 'offer' ? t(LEVEL_LABELS[e.level]) : t(URGENCY_LABELS[e.urgency])}
                    {e.contact && ` · ${t('skills.askContact', { contact: e.contact })}`}
                    {e.note && <p className="pre-line hint">{e.note}</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      })}
      {similar.map((other) => (
        <p key={other.id} className="notice">
          {t('skills.looksSame', { name: skillName(t, other) })}{' '}
          <button type="button" onClick={() => merge(other.id, skill.id)}>
            {t('skills.mergeHere', { from: skillName(t, other), into: name })}
          </button>
        </p>
      ))}
      <ManageSkill session={session} map={map} skill={skill} onNotice={onNotice} merge={merge} />
    </div>
  )
}

function ManageSkill({
  session,
  map,
  skill,
  onNotice,
  merge,
}: Omit<Props, 'base'> & { merge: (from: SkillId, into: SkillId) => void }) {
  const t = useT()
  const id = useId()
  const store = session.stores.skills
  const name = skillName(t, skill)
  const [rename, setRename] = useState(name)
  const [error, setError] = useState<string>()
  const [target, setTarget] = useState<SkillId | ''>('')
  const others = { ...map, skills: map.skills.filter((s) => s.id !== skill.id) }

  const submitName = (event: SyntheticEvent) => {
    event.preventDefault()
    const result = store.renameSkill(skill.id, rename)
    if (!result.ok) {
      setError(t(NAME_ERRORS[result.error], { max: 80 }))
      return
    }
    setError(undefined)
    onNotice(t('skills.renamed', { name: rename.trim() }))
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-manage`}>
      <h2 id={`${id}-manage`}>{t('skills.manage')}</h2>
      <form className="stack" onSubmit={submitName} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('skills.renameLabel')}</label>
          <input
            id={`${id}-name`}
            value={rename}
            maxLength={80}
            aria-invalid={error !== undefined}
            aria-describedby={error ? `${id}-name-error` : undefined}
            onChange={(e) => setRename(e.target.value)}
          />
          {error && (
            <p className="error" id={`${id}-name-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="button-row">
          <button type="submit">{t('skills.rename')}</button>
          {!skill.nameKey && skill.id.startsWith('skill-') && (
            <button type="button" onClick={() => store.resetSkillName(skill.id)}>
              {t('skills.resetName')}
            </button>
          )}
        </div>
      </form>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('skills.categoryLabel')}</label>
        <CategorySelect
          id={`${id}-category`}
          value={skill.category}
          onChange={(category) => store.setSkillCategory(skill.id, category)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-merge`}>{t('skills.mergeLabel', { name })}</label>
        <p className="hint" id={`${id}-merge-hint`}>
          {t('skills.mergeHint')}
        </p>
        <SkillSelect
          id={`${id}-merge`}
          map={others}
          value={target}
          onChange={(value) => setTarget(value === '__new' ? '' : value)}
          describedBy={`${id}-merge-hint`}
        />
        <div className="button-row">
          <button
            type="button"
            disabled={target === ''}
            onClick={() => target && merge(skill.id, target)}
          >
            {t('skills.mergeButton')}
          </button>
        </div>
      </div>
      <div className="button-row">
        {skill.removedAt === undefined ? (
          <button
            type="button"
            className="danger"
            onClick={() => {
              store.removeSkill(skill.id)
              onNotice(t('skills.removedSkill', { name }))
            }}
          >
            {t('skills.removeSkill', { name })}
          </button>
        ) : (
          <button type="button" onClick={() => store.restoreSkill(skill.id)}>
            {t('skills.restoreSkill', { name })}
          </button>
        )}
      </div>
    </section>
  )
}
