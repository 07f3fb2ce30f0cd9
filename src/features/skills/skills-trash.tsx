/** Offers, needs and exchanges taken off, with a way to put each back. */
import { useId } from 'react'
import type { SkillsMap } from '../../domain/skill-matching'
import type { SkillId } from '../../domain/skills'
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
  const skill = (skillId: SkillId) => skillName(t, map.byId.get(map.rootOf(skillId) ?? skillId))
  const rows = [
    ...entries.map((e) => ({
      id: e.id,
      label: `${group(e.groupId) ?? ''} · ${skill(e.skillId)}`,
      restore: () => store.restoreEntry(e.id),
    })),
    ...exchanges.map((e) => ({
      id: e.id,
      label: `${formatDay(e.date, t.locale)} · ${group(e.fromGroupId) ?? ''} → ${group(e.toGroupId) ?? ''} · ${hoursText(t, e.minutes)}`,
      restore: () => store.restoreExchange(e.id),
    })),
  ]
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('skills.trash')}</h2>
      <ul className="list">
        {rows.map(({ id: rowId, label, restore }) => (
          <li key={rowId} className="trash-row">
            <span>{label}</span>
            <button
              type="button"
              onClick={() => {
                restore()
                onNotice(t('skills.putBackDone', { item: label }))
              }}
            >
              {t('skills.putBack', { item: label })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
