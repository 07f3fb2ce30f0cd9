/**
 * Who could help whom: for the group this phone speaks for, "who could help us" and "whom we
 * could help"; then every need in the network with the groups that offer it, best first, each
 * with the reasons in plain words.
 */
import { createContext, useContext, useId, useState } from 'react'
import { contactLinks, type ContactKind } from '../../domain/contact-links'
import type { Group } from '../../domain/group'
import type { GroupId } from '../../domain/ids'
import {
  helpFor,
  helpFrom,
  type Match,
  type NeedMatches,
  type SkillsMap,
} from '../../domain/skill-matching'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { Icon, type IconName } from '../../ui/icons'
import { Link } from '../../ui/router'
import { reasonText, skillName, URGENCY_LABELS } from './labels'
import { useGroupsByName, useMatches, useMyGroup } from './use-skills-map'

/** What every match row needs from the screen: where links go, and the groups' contacts. */
const MatchContext = createContext<{
  spaceId: string
  base: string
  groups: ReadonlyMap<string, Group>
}>({ spaceId: '', base: '', groups: new Map() })

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
  const fullGroups = useStore(session.stores.groups).byId

  if (groups.length === 0)
    return (
      <p className="empty">
        {t('skills.noGroups')}{' '}
        <Link to={`/spaces/${session.spaceId}/groups`}>{t('skills.goToGroups')}</Link>
      </p>
    )

  return (
    <MatchContext.Provider value={{ spaceId: session.spaceId, base, groups: fullGroups }}>
      <div className="stack">
        <div className="field">
          <label htmlFor={`${id}-mine`}>{t('skills.myGroupLabel')}</label>
          <p className="hint" id={`${id}-mine-hint`}>
            {t('skills.myGroupHint')}
          </p>
          <select
            id={`${id}-mine`}
            value={myGroup ?? ''}
            aria-describedby={`${id}-mine-hint`}
            onChange={(e) => void setMyGroup((e.target.value || undefined) as GroupId | undefined)}
          >
            <option value="">{t('skills.myGroupNone')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        {myGroup && (
          <section className="card stack" aria-labelledby={`${id}-us`}>
            <h2 id={`${id}-us`}>{t('skills.helpUs', { group: myName })}</h2>
            {ours.length === 0 ? (
              <p className="hint">
                {t('skills.helpUsEmpty')} <Link to={`${base}/add`}>{t('skills.addNeed')}</Link>
              </p>
            ) : (
              <ul className="list">
                {ours.map((need) => (
                  <NeedItem key={need.need.id} map={map} need={need} showGroup={false} />
                ))}
              </ul>
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
                      <strong>{group.name}</strong>
                      {' · '}
                      {skillName(t, map.byId.get(need.skill))}
                      {' · '}
                      {need.kind === 'need' && t(URGENCY_LABELS[need.urgency])}
                    </p>
                    {need.note && <p className="pre-line">{need.note}</p>}
                    {need.contact && <p>{t('skills.askContact', { contact: need.contact })}</p>}
                    <p className="hint">{match.reasons.map((r) => reasonText(t, r)).join(' · ')}</p>
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
              <ul className="list">
                {matches.slice(0, shown).map((need) => (
                  <NeedItem key={need.need.id} map={map} need={need} showGroup />
                ))}
              </ul>
              {matches.length > shown && (
                <button type="button" onClick={() => setShown(shown + PAGE)}>
                  {t('skills.showMoreNeeds', { count: Math.min(PAGE, matches.length - shown) })}
                </button>
              )}
            </>
          )}
        </section>
      </div>
    </MatchContext.Provider>
  )
}

const PAGE = 20
/** Groups shown per need before "show all": the best ones come first. */
const FIRST_MATCHES = 3

function NeedItem({
  map,
  need,
  showGroup,
}: {
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
            <MatchItem key={match.offer.id} match={match} need={need} />
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

const CONTACT_LABELS: Record<ContactKind, MessageKey> = {
  call: 'skills.contactCall',
  sms: 'skills.contactSms',
  email: 'skills.contactEmail',
  whatsapp: 'skills.contactWhatsapp',
  signal: 'skills.contactSignal',
}
const CONTACT_ICONS: Record<ContactKind, IconName> = {
  call: 'call',
  sms: 'message',
  email: 'mail',
  whatsapp: 'message',
  signal: 'message',
}

/**
 * A group that could help, and the ways to act on it in one tap: its profile, a call or a
 * message to whoever it said to ask (or the group's own phone and email), and logging the time
 * once it has helped, with the form filled in.
 */
function MatchItem({ match, need }: { match: Match; need: NeedMatches }) {
  const t = useT()
  const { spaceId, groups, base } = useContext(MatchContext)
  const group = groups.get(match.group.id)
  const typed = contactLinks(match.offer.contact)
  const links =
    typed.length > 0
      ? typed
      : contactLinks(`${group?.contacts.phone ?? ''} ${group?.contacts.email ?? ''}`)
  const who = match.offer.contact.trim() || match.group.name
  const logTime = `${base}/time?${new URLSearchParams({
    from: match.group.id,
    to: need.group.id,
    skill: need.need.skill,
  }).toString()}`
  return (
    <li className="match stack">
      <p>
        <Link to={`/spaces/${spaceId}/groups/${match.group.id}`} className="match-group">
          {match.group.name}
        </Link>
      </p>
      <p className="hint">{match.reasons.map((r) => reasonText(t, r)).join(' · ')}</p>
      {match.offer.contact && <p>{t('skills.askContact', { contact: match.offer.contact })}</p>}
      {match.offer.note && <p className="pre-line">{match.offer.note}</p>}
      <p className="match-actions">
        {links.map((link) => (
          <a
            key={link.kind}
            href={link.href}
            className="button match-contact"
            aria-label={t('skills.contactFor', { action: t(CONTACT_LABELS[link.kind]), name: who })}
            {...(link.href.startsWith('https:') ? { target: '_blank', rel: 'noopener' } : {})}
          >
            <Icon name={CONTACT_ICONS[link.kind]} size={18} />
            <span>{t(CONTACT_LABELS[link.kind])}</span>
          </a>
        ))}
        <Link
          to={logTime}
          className="button match-contact"
          aria-label={t('skills.logTimeFor', { from: match.group.name, to: need.group.name })}
        >
          <Icon name="time" size={18} />
          <span>{t('skills.logTime')}</span>
        </Link>
      </p>
    </li>
  )
}
