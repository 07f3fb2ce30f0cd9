/**
 * The space's skills by category, each with how many groups offer and need it, a search,
 * and a form to add a skill that warns when one of a similar name is already there.
 */
import { useId, useMemo, useState, type SyntheticEvent } from 'react'
import type { SkillsMap } from '../../domain/skill-matching'
import {
  normaliseSkillName,
  similarSkillNames,
  type Skill,
  type SkillCategory,
} from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { Link, navigate } from '../../ui/router'
import { CATEGORY_LABELS, NAME_ERRORS, skillName } from './labels'
import { CategorySelect, similarSkills, skillsByCategory } from './skill-select'

export function SkillList({
  session,
  map,
  base,
}: {
  session: Session
  map: SkillsMap
  base: string
}) {
  const t = useT()
  const id = useId()
  const [query, setQuery] = useState('')
  const counts = new Map<string, { offers: Set<string>; needs: Set<string> }>()
  for (const e of map.entries) {
    const count = counts.get(e.skill) ?? { offers: new Set(), needs: new Set() }
    ;(e.kind === 'offer' ? count.offers : count.needs).add(e.groupId)
    counts.set(e.skill, count)
  }
  const wanted = normaliseSkillName(query)
  const matchesQuery = (name: string, aliases: readonly string[]) =>
    wanted === '' || [name, ...aliases].some((n) => normaliseSkillName(n).includes(wanted))
  const categories = skillsByCategory(t, map.skills)
    .map((c) => ({
      ...c,
      skills: c.skills.filter(({ skill, name }) =>
        matchesQuery(
          name,
          (map.aliases.get(skill.id) ?? []).map((a) => skillName(t, a)),
        ),
      ),
    }))
    .filter((c) => c.skills.length > 0)

  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('skills.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {categories.length === 0 && <p className="empty">{t('skills.searchEmpty')}</p>}
      {categories.map(({ category, skills }) => (
        <section key={category} className="stack" aria-labelledby={`${id}-${category}`}>
          <h2 id={`${id}-${category}`}>{t(CATEGORY_LABELS[category])}</h2>
          <ul className="list skill-rows">
            {skills.map(({ skill, name }) => {
              const count = counts.get(skill.id)
              return (
                <li key={skill.id}>
                  <Link to={`${base}/skill/${skill.id}`}>{name}</Link>
                  <span className="hint">
                    {t('skills.counts', {
                      offers: count?.offers.size ?? 0,
                      needs: count?.needs.size ?? 0,
                    })}
                  </span>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
      <SimilarSkills session={session} map={map} counts={counts} />
      <AddSkill session={session} map={map} base={base} />
    </div>
  )
}

/**
 * Skills whose names look like one skill (two groups typed it offline, differently), each
 * pair with one button to put them together. The one kept is a starter skill if either is
 * (its name reads in every language), else the one more groups use.
 */
function SimilarSkills({
  session,
  map,
  counts,
}: {
  session: Session
  map: SkillsMap
  counts: ReadonlyMap<string, { offers: Set<string>; needs: Set<string> }>
}) {
  const t = useT()
  const id = useId()
  const [notice, setNotice] = useState('')
  const pairs = useMemo(() => {
    const named = map.skills.map((s) => ({ skill: s, names: [s.name, skillName(t, s)] }))
    const found: [Skill, Skill][] = []
    named.forEach((a, i) => {
      for (const b of named.slice(i + 1))
        if (a.names.some((x) => b.names.some((y) => similarSkillNames(x, y))))
          found.push([a.skill, b.skill])
    })
    return found
  }, [t, map.skills])
  const used = (s: Skill) =>
    (counts.get(s.id)?.offers.size ?? 0) + (counts.get(s.id)?.needs.size ?? 0)
  const kept = ([a, b]: [Skill, Skill]): [Skill, Skill] =>
    a.nameKey && !b.nameKey
      ? [b, a]
      : b.nameKey && !a.nameKey
        ? [a, b]
        : used(a) >= used(b)
          ? [b, a]
          : [a, b]
  if (pairs.length === 0 && notice === '') return null
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('skills.similarTitle')}</h2>
      <p className="hint">{t('skills.similarHint')}</p>
      <p role="status" className="notice">
        {notice}
      </p>
      <ul className="list">
        {pairs.map((pair) => {
          const [from, into] = kept(pair)
          const labels = { from: skillName(t, from), into: skillName(t, into) }
          return (
            <li key={`${from.id}|${into.id}`} className="entry-row">
              <p>
                {labels.from} · {labels.into}
              </p>
              <button
                type="button"
                onClick={() => {
                  const result = session.stores.skills.mergeSkills(from.id, into.id)
                  setNotice(result.ok ? t('skills.merged', labels) : t('skills.mergeRefused'))
                }}
              >
                {t('skills.mergeHere', labels)}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function AddSkill({ session, map, base }: { session: Session; map: SkillsMap; base: string }) {
  const t = useT()
  const id = useId()
  const [name, setName] = useState('')
  const [category, setCategory] = useState<SkillCategory>('other')
  const [error, setError] = useState<string>()
  const similar = similarSkills(t, map.skills, name)[0]

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const result = session.stores.skills.addSkill(name, category)
    if (!result.ok) {
      setError(t(NAME_ERRORS[result.error], { max: 80 }))
      document.getElementById(`${id}-name`)?.focus()
      return
    }
    navigate(`${base}/skill/${result.value}`)
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('skills.addSkillTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('skills.newSkillName')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={80}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {error && (
          <p className="error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      {similar && (
        <p className="notice" role="status">
          {t('skills.similarExists', { name: skillName(t, similar) })}{' '}
          <Link to={`${base}/skill/${similar.id}`}>
            {t('skills.openExisting', { name: skillName(t, similar) })}
          </Link>
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('skills.categoryLabel')}</label>
        <CategorySelect id={`${id}-category`} value={category} onChange={setCategory} />
      </div>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('skills.addSkill')}
        </button>
      </div>
    </form>
  )
}
