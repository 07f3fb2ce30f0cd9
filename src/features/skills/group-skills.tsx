/**
 * The skills map by group: what each group offers and needs, its hours given and received,
 * and changing or taking off one of its entries (with a way back).
 */
import { useId, useMemo, useState } from 'react'
import type { ResolvedEntry, SkillsMap } from '../../domain/skill-matching'
import { balances } from '../../domain/skill-tallies'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { EntryForm } from './entry-form'
import { hoursText, LEVEL_LABELS, skillName, URGENCY_LABELS } from './labels'
import { useGroupsByName } from './use-skills-map'

interface Props {
  readonly session: Session
  readonly map: SkillsMap
  readonly onNotice: (message: string) => void
}

export function GroupSkills({ session, map, onNotice }: Props) {
  const t = useT()
  const id = useId()
  const groups = useGroupsByName(map)
  const hours = useMemo(
    () =>
      balances(
        map.exchanges,
        groups.map((g) => g.id),
      ),
    [map.exchanges, groups],
  )
  // one pass over the entries, not one per group (a network has hundreds of groups)
  const byGroup = useMemo(() => {
    const lists = new Map<string, ResolvedEntry[]>()
    for (const entry of map.entries) {
      const list = lists.get(entry.groupId)
      if (list) list.push(entry)
      else lists.set(entry.groupId, [entry])
    }
    return lists
  }, [map.entries])
  if (groups.length === 0) return <p className="empty">{t('skills.noGroups')}</p>
  return (
    <ul className="list">
      {groups.map((group) => {
        const entries = byGroup.get(group.id) ?? []
        const balance = hours.get(group.id)
        return (
          <li key={group.id} className="card stack">
            <h2 id={`${id}-${group.id}`}>{group.name}</h2>
            <p className="hint">
              {t('skills.balanceLine', {
                given: hoursText(t, balance?.givenMinutes ?? 0),
                received: hoursText(t, balance?.receivedMinutes ?? 0),
              })}
            </p>
            {entries.length === 0 && <p className="hint">{t('skills.groupEmpty')}</p>}
            {(['offer', 'need'] as const).map((kind) => {
              const list = entries.filter((e) => e.kind === kind)
              return (
                list.length > 0 && (
                  <section
                    key={kind}
                    className="stack"
                    aria-label={t(kind === 'offer' ? 'skills.groupOffers' : 'skills.groupNeeds2', {
                      group: group.name,
                    })}
                  >
                    <h3>{t(kind === 'offer' ? 'skills.offersHeading' : 'skills.needsHeading')}</h3>
                    <ul className="list">
                      {list.map((entry) => (
                        <EntryRow
                          key={entry.id}
                          session={session}
                          map={map}
                          entry={entry}
                          onNotice={onNotice}
                        />
                      ))}
                    </ul>
                  </section>
                )
              )
            })}
          </li>
        )
      })}
    </ul>
  )
}

function EntryRow({ session, map, entry, onNotice }: Props & { readonly entry: ResolvedEntry }) {
  const t = useT()
  const [editing, setEditing] = useState(false)
  const store = session.stores.skills
  const name = skillName(t, map.byId.get(entry.skill))
  if (editing)
    return (
      <li className="stack">
        <EntryForm
          map={map}
          initial={{ ...entry, skillId: entry.skill }}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onSubmit={({ fields }) => {
            if (!store.updateEntry(entry.id, fields).ok) return 'skills.error.skillRequired'
            setEditing(false)
            onNotice(t('skills.entrySaved', { skill: skillName(t, map.byId.get(fields.skillId)) }))
            return undefined
          }}
        />
      </li>
    )
  return (
    <li className="entry-row">
      <p>
        <strong>{name}</strong>
        {' · '}
        {entry.kind === 'offer' ? t(LEVEL_LABELS[entry.level]) : t(URGENCY_LABELS[entry.urgency])}
      </p>
      {entry.note && <p className="pre-line hint">{entry.note}</p>}
      {entry.contact && (
        <p className="hint">{t('skills.askContact', { contact: entry.contact })}</p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => setEditing(true)}>
          {t('skills.editEntry', { skill: name })}
        </button>
        <button
          type="button"
          onClick={() => {
            store.removeEntry(entry.id)
            onNotice(t('skills.entryRemoved', { skill: name }))
          }}
        >
          {t('skills.removeEntry', { skill: name })}
        </button>
      </div>
    </li>
  )
}
