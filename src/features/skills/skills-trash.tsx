/** Offers, needs and exchanges taken off, with a way to put each back. */
import { useId } from 'react'
import type { SkillsMap } from '../../domain/skill-matching'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { formatDay, hoursText, skillName } from './labels'

export function SkillsTrash({
  session,
  map,
  onNotice,
}: {
  session: Session
  map: SkillsMap
  onNotice: (message: string) => void
}) {
  const t = useT()
  const id = useId()
  const store = session.stores.skills
  const entries = useStore(store.entries).trash
  const exchanges = useStore(store.exchanges).trash
  if (entries.length + exchanges.length === 0) return null
  const group = (groupId: string) => session.stores.groups.getSnapshot().byId.get(groupId)?.name
  const skill = (skillId: string) =>
    skillName(t, map.byId.get(map.rootOf(skillId as never) ?? (skillId as never)))
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('skills.trash')}</h2>
      <ul className="list">
        {entries.map((e) => {
          const label = `${group(e.groupId) ?? ''} · ${skill(e.skillId)}`
          return (
            <li key={e.id} className="trash-row">
              <span>{label}</span>
              <button
                type="button"
                onClick={() => {
                  store.restoreEntry(e.id)
                  onNotice(t('skills.putBackDone', { item: label }))
                }}
              >
                {t('skills.putBack', { item: label })}
              </button>
            </li>
          )
        })}
        {exchanges.map((e) => {
          const label = `${formatDay(e.date, t.locale)} · ${group(e.fromGroupId) ?? ''} → ${group(e.toGroupId) ?? ''} · ${hoursText(t, e.minutes)}`
          return (
            <li key={e.id} className="trash-row">
              <span>{label}</span>
              <button
                type="button"
                onClick={() => {
                  store.restoreExchange(e.id)
                  onNotice(t('skills.putBackDone', { item: label }))
                }}
              >
                {t('skills.putBack', { item: label })}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
