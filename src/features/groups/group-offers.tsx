/**
 * What a group offers and needs on the skills map, on its own profile: each entry leads to the
 * skill's page, and "Add an offer or need" to the skills screen. Read from the session's stores
 * through the domain's merge rules (a merged skill shows under the name it was merged into),
 * since features do not import each other.
 */
import { useMemo } from 'react'
import type { GroupId } from '../../domain/ids'
import { buildSkillsMap } from '../../domain/skill-matching'
import type { Skill } from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey, Translator } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { Icon } from '../../ui/icons'
import { Link } from '../../ui/router'

const nameOf = (t: Translator, skill: Skill | undefined) =>
  !skill ? '' : skill.nameKey ? t(skill.nameKey as MessageKey) : skill.name

export function GroupOffers({ session, groupId }: { session: Session; groupId: GroupId }) {
  const t = useT()
  const store = session.stores.skills
  const skills = useStore(store.skills)
  const entries = useStore(store.entries)
  const groups = useStore(session.stores.groups)
  const mine = useMemo(() => {
    const map = buildSkillsMap({
      skills: skills.all,
      entries: entries.items.filter((e) => e.groupId === groupId),
      exchanges: [],
      groups: groups.items,
    })
    return map.entries.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      skill: entry.skill,
      name: nameOf(t, map.byId.get(entry.skill)),
      note: entry.note,
    }))
  }, [skills, entries, groups, groupId, t])
  const skillsBase = `/spaces/${session.spaceId}/skills`
  return (
    <section className="card stack" aria-labelledby="offers-heading">
      <h2 id="offers-heading">{t('groups.offersNeeds')}</h2>
      {mine.length === 0 && <p className="hint">{t('groups.noOffersNeeds')}</p>}
      {(['offer', 'need'] as const).map((kind) => {
        const list = mine.filter((e) => e.kind === kind)
        if (list.length === 0) return null
        return (
          <div key={kind} className="stack">
            <h3>{t(kind === 'offer' ? 'groups.offers' : 'groups.needs')}</h3>
            <ul className="list group-offers">
              {list.map((entry) => (
                <li key={entry.id}>
                  <Link to={`${skillsBase}/skill/${entry.skill}`}>{entry.name}</Link>
                  {entry.note && <span className="hint block">{entry.note}</span>}
                </li>
              ))}
            </ul>
          </div>
        )
      })}
      <p>
        <Link className="button" to={`${skillsBase}/add`}>
          <Icon name="add" size={20} />
          {t('groups.addOfferNeed')}
        </Link>
      </p>
    </section>
  )
}
