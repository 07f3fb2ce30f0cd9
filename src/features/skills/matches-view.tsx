/**
 * Who could help whom: for the group this phone speaks for, "who could help us" and "whom we
 * could help"; then every need in the network with the groups that offer it, best first, each
 * with the reasons in plain words.
 */
import { useId, useState } from 'react'
import type { GroupId } from '../../domain/ids'
import {
  helpFor,
  helpFrom,
  type Match,
  type NeedMatches,
  type SkillsMap,
} from '../../domain/skill-matching'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { Link } from '../../ui/router'
import { logTimePath, MatchActions } from './match-actions'
import { reasonText, skillName, URGENCY_LABELS } from './labels'
import { useGroupsByName, useMatches, useMyGroup } from './use-skills-map'
import { GroupPicker } from '../../ui/group-picker'

export function MatchesView({
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
  const matches = useMatches(map)
  const [myGroup, setMyGroup] = useMyGroup(session, map)
  const groups = useGroupsByName(map)
  const ours = myGroup ? helpFor(matches, myGroup) : []
  const theirs = myGroup ? helpFrom(matches, myGroup) : []
  const myName = myGroup ? (map.groups.get(myGroup)?.name ?? '') : ''
  // a large network has thousands of needs: show a page of them at a time
  const [shown, setShown] = useState(PAGE)

  if (groups.length === 0)
    return (
      <p className="empty">
        {t('skills.noGroups')}{' '}
        <Link to={`/spaces/${session.spaceId}/groups`}>{t('skills.goToGroups')}</Link>
      </p>
    )

  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`${id}-mine`}>{t('skills.myGroupLabel')}</label>
        <p className="hint" id={`${id}-mine-hint`}>
          {t('skills.myGroupHint')}
        </p>
        <GroupPicker
          id={`${id}-mine`}
          groups={groups}
          value={myGroup ?? ''}
          none={t('skills.myGroupNone')}
          aria-describedby={`${id}-mine-hint`}
          onChange={(groupId) => void setMyGroup((groupId || undefined) as GroupId | undefined)}
        />
      </div>
      {myGroup && (
        <section className="card stack" aria-labelledby={`${id}-us`}>
          <h2 id={`${id}-us`}>{t('skills.helpUs', { group: myName })}</h2>
          {ours.length === 0 ? (
            <p className="hint">
              {t('skills.helpUsEmpty')} <Link to={`${base}/add`}>{t('skills.addNeed')}</Link>
            </p>
          ) : (
            <NeedList session={session} base={base} map={map} needs={ours} showGroup={false} />
          )}
        </section>
      )}
      {myGroup && (
        <section className="card stack" aria-labelledby={`${id}-them`}>
          <h2 id={`${id}-them`}>{t('skills.weHelp', { group: myName })}</h2>
          {theirs.length === 0 ? (
            <p className="hint">{t('skills.weHelpEmpty')}</p>
          ) : (
            <ul className="list">
              {theirs.map(({ need, group, match }) => (
                <li key={need.id} className="stack match">
                  <p>
                    {skillName(t, map.byId.get(need.skill))}
                    {' · '}
                    {need.kind === 'need' && t(URGENCY_LABELS[need.urgency])}
                  </p>
                  <MatchDetails
                    session={session}
                    group={group}
                    entry={need}
                    reasons={match.reasons}
                    logTime={{
                      to: logTimePath(base, myGroup, group.id, need.skill),
                      skillName: skillName(t, map.byId.get(need.skill)),
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section className="stack" aria-labelledby={`${id}-all`}>
        <h2 id={`${id}-all`}>{t('skills.allNeeds')}</h2>
        {matches.length === 0 ? (
          <p className="empty">{t('skills.noNeeds')}</p>
        ) : (
          <>
            <NeedList
              session={session}
              base={base}
              map={map}
              needs={matches.slice(0, shown)}
              showGroup
            />
            {matches.length > shown && (
              <button type="button" onClick={() => setShown(shown + PAGE)}>
                {t('skills.showMoreNeeds', { count: Math.min(PAGE, matches.length - shown) })}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  )
}

const PAGE = 20
/** Groups shown per need before "show all": the best ones come first. */
const FIRST_MATCHES = 3

function NeedList({
  needs,
  ...item
}: { needs: readonly NeedMatches[] } & Omit<Parameters<typeof NeedItem>[0], 'need'>) {
  return (
    <ul className="list">
      {needs.map((need) => (
        <NeedItem key={need.need.id} {...item} need={need} />
      ))}
    </ul>
  )
}

function NeedItem({
  session,
  base,
  map,
  need,
  showGroup,
}: {
  session: Session
  base: string
  map: SkillsMap
  need: NeedMatches
  showGroup: boolean
}) {
  const t = useT()
  const [all, setAll] = useState(false)
  const title = skillName(t, map.byId.get(need.need.skill))
  const listed = all ? need.matches : need.matches.slice(0, FIRST_MATCHES)
  const urgency = need.need.kind === 'need' ? t(URGENCY_LABELS[need.need.urgency]) : ''
  return (
    <li className="card stack">
      <h3>
        {showGroup ? t('skills.groupNeeds', { group: need.group.name, skill: title }) : title}
      </h3>
      <p className="hint">
        {urgency}
        {need.need.note && ` · ${need.need.note}`}
      </p>
      {need.matches.length === 0 ? (
        <p>{t('skills.nobodyYet')}</p>
      ) : (
        <ol className="list" aria-label={t('skills.whoCouldHelp', { skill: title })}>
          {listed.map((match) => (
            <MatchItem
              key={match.offer.id}
              session={session}
              base={base}
              match={match}
              need={need}
              skill={title}
            />
          ))}
        </ol>
      )}
      {listed.length < need.matches.length && (
        <button type="button" onClick={() => setAll(true)}>
          {t('skills.showAllMatches', { count: need.matches.length, skill: title })}
        </button>
      )}
    </li>
  )
}

function MatchItem({
  session,
  base,
  match,
  need,
  skill,
}: {
  session: Session
  base: string
  match: Match
  need: NeedMatches
  skill: string
}) {
  return (
    <li className="match">
      <MatchDetails
        session={session}
        group={match.group}
        entry={match.offer}
        reasons={match.reasons}
        logTime={{
          to: logTimePath(base, match.group.id, need.group.id, need.need.skill),
          skillName: skill,
        }}
      />
    </li>
  )
}

/** One group that matches: how to reach it, why it matches, and what it wrote. */
function MatchDetails({
  session,
  group,
  entry,
  reasons,
  logTime,
}: {
  session: Session
  group: { readonly id: GroupId; readonly name: string }
  entry: { readonly contact: string; readonly note: string }
  reasons: Match['reasons']
  logTime: { readonly to: string; readonly skillName: string }
}) {
  const t = useT()
  return (
    <>
      <MatchActions
        session={session}
        groupId={group.id}
        groupName={group.name}
        contact={entry.contact}
        logTime={logTime}
      />
      <p className="hint">{reasons.map((r) => reasonText(t, r)).join(' · ')}</p>
      {entry.contact && <p>{t('skills.askContact', { contact: entry.contact })}</p>}
      {entry.note && <p className="pre-line">{entry.note}</p>}
    </>
  )
}
