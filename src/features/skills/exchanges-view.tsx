/**
 * The timebank: log that one group gave another some hours of a skill, see each group's
 * hours given and received, read the log (newest first), save it as CSV.
 */
import { useId } from 'react'
import type { GroupId } from '../../domain/ids'
import { exchangesCsv } from '../../domain/skill-export'
import type { SkillsMap } from '../../domain/skill-matching'
import { balances } from '../../domain/skill-tallies'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { saveFile } from '../../ui/save-file'
import { ExchangeForm } from './exchange-form'
import { formatDay, hoursText, skillName } from './labels'
import { useGroupsByName } from './use-skills-map'

interface Props {
  readonly session: Session
  readonly map: SkillsMap
  readonly spaceName: string
  readonly onNotice: (message: string) => void
}

export function ExchangesView({ session, map, spaceName, onNotice }: Props) {
  const t = useT()
  const id = useId()
  const groups = useGroupsByName(map)
  const hours = balances(
    map.exchanges,
    groups.map((g) => g.id),
  )
  const groupName = (groupId: string) =>
    map.groups.get(groupId as GroupId)?.name ??
    session.stores.groups.getSnapshot().byId.get(groupId)?.name ??
    t('skills.unknownGroup')

  const exportCsv = () => {
    const text = exchangesCsv(map, {
      headers: [
        t('skills.csv.date'),
        t('skills.csv.from'),
        t('skills.csv.to'),
        t('skills.csv.skill'),
        t('skills.csv.hours'),
        t('skills.csv.note'),
      ],
      groupName,
      skillName: (s) => skillName(t, s),
    })
    void saveFile(
      new File([text], t('skills.exchangesFileName', { space: spaceName }), { type: 'text/csv' }),
    )
  }

  return (
    <div className="stack">
      {groups.length < 2 ? (
        <p className="empty">{t('skills.exchangeNeedsGroups')}</p>
      ) : (
        <ExchangeForm session={session} map={map} onNotice={onNotice} />
      )}
      <div
        className="table-scroll balances"
        role="region"
        aria-labelledby={`${id}-balances`}
        tabIndex={0}
      >
        <table>
          <caption id={`${id}-balances`}>{t('skills.balancesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('skills.groupLabel')}</th>
              <th scope="col">{t('skills.given')}</th>
              <th scope="col">{t('skills.received')}</th>
            </tr>
          </thead>
          <tbody>
            {[...hours.values()].map((b) => (
              <tr key={b.groupId}>
                <th scope="row">{groupName(b.groupId)}</th>
                <td>{hoursText(t, b.givenMinutes)}</td>
                <td>{hoursText(t, b.receivedMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="stack" aria-labelledby={`${id}-log`}>
        <h2 id={`${id}-log`}>{t('skills.logTitle')}</h2>
        {map.exchanges.length === 0 ? (
          <p className="empty">{t('skills.logEmpty')}</p>
        ) : (
          <ul className="list">
            {map.exchanges.map((e) => (
              <li key={e.id} className="entry-row">
                <p>
                  {t('skills.logLine', {
                    from: groupName(e.fromGroupId),
                    to: groupName(e.toGroupId),
                    hours: hoursText(t, e.minutes),
                    skill: skillName(t, map.byId.get(e.skill)),
                  })}
                </p>
                <p className="hint">
                  {formatDay(e.date, t.locale)}
                  {e.note && ` · ${e.note}`}
                </p>
                <button
                  type="button"
                  onClick={() => {
                    session.stores.skills.removeExchange(e.id)
                    onNotice(t('skills.exchangeRemoved'))
                  }}
                >
                  {t('skills.removeExchange', { date: formatDay(e.date, t.locale) })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          <button type="button" onClick={exportCsv} disabled={map.exchanges.length === 0}>
            {t('skills.exchangesCsv')}
          </button>
        </div>
      </section>
    </div>
  )
}
