/**
 * A space's home: what's new since this phone last looked, and what's next (the next meeting,
 * open actions for this phone's group, needs that group could meet). Content first, like a
 * chat list; each row leads somewhere in one tap; an empty space shows the one next step.
 */
import { useEffect, useMemo, useState } from 'react'
import type { GroupId } from '../../domain/ids'
import { buildSkillsMap, helpFrom, matchNeeds } from '../../domain/skill-matching'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import type { SpaceRecord } from '../../session/types'
import { useAppServices, useDevice, useStore } from '../../session/use-app'
import { Link } from '../../ui/router'
import { ProposalsSection } from './home-proposals'
import { ActionsSection, MeetingSection, NeedsSection, NewSection } from './home-sections'
import { useNow } from '../../ui/use-now'
import './home.css'

/** How far back a first look goes, before this phone has looked at the space's home. */
const FIRST_LOOK_MS = 7 * 24 * 60 * 60 * 1000

export function HomeScreen({ session, space }: { session: Session; space: SpaceRecord }) {
  const t = useT()
  const services = useAppServices()
  const device = useDevice()
  const base = `/spaces/${space.id}`
  // "since you last looked" stays as it was when the home opened, while it is open
  const [{ since, firstLook }] = useState(() => {
    const last = device.lastLooked[space.id]
    return { since: last ?? Date.now() - FIRST_LOOK_MS, firstLook: last === undefined }
  })
  useEffect(() => {
    void services.markLooked(space.id)
    return () => void services.markLooked(space.id)
  }, [services, space.id])

  const groups = useStore(session.stores.groups).items
  const meetings = useStore(session.stores.meetings).items
  const proposals = useStore(session.stores.proposals).items
  const now = useNow()
  const skills = useStore(session.stores.skills.skills)
  const entries = useStore(session.stores.skills.entries)
  const exchanges = useStore(session.stores.skills.exchanges)
  const map = useMemo(
    () =>
      buildSkillsMap({
        skills: skills.all,
        entries: entries.items,
        exchanges: exchanges.items,
        groups,
      }),
    [skills, entries, exchanges, groups],
  )
  const chosen = device.myGroups[space.id] as GroupId | undefined
  const myGroup = groups.find((g) => g.id === chosen)
  const needs = useMemo(
    () => (myGroup ? helpFrom(matchNeeds(map), myGroup.id) : []),
    [map, myGroup],
  )
  const shared = device.shared[space.id] !== undefined

  return (
    <div className="stack home">
      <h1 id="main-heading" tabIndex={-1}>
        {t('home.title')}
      </h1>
      {groups.length === 0 ? (
        <NextStep
          text={t('home.startGroups')}
          action={t('home.addGroup')}
          to={`${base}/groups/new`}
        />
      ) : !shared ? (
        <NextStep text={t('home.startInvite')} action={t('home.invite')} to={`${base}/share`} />
      ) : null}
      {(groups.length > 0 || meetings.length > 0) && (
        <NewSection
          input={{ groups, meetings, map }}
          since={since}
          me={device.profile?.displayName ?? ''}
          firstLook={firstLook}
          base={base}
          skills={map}
        />
      )}
      <MeetingSection
        meetings={meetings}
        base={base}
        me={device.profile?.displayName ?? ''}
        onAnswer={(meeting, answer) => {
          const me = device.profile?.displayName ?? ''
          session.stores.meetings.setRsvp(meeting.id, me, answer, chosen ?? '')
        }}
      />
      <ProposalsSection
        proposals={proposals}
        me={device.profile?.displayName ?? ''}
        now={now}
        base={base}
      />
      <Link to={`${base}/room`} className="button">
        {t('room.entry')}
      </Link>
      {groups.length > 0 && (
        <>
          <ActionsSection
            meetings={meetings}
            me={{ name: device.profile?.displayName ?? '', group: myGroup }}
            base={base}
          />
          <NeedsSection
            needs={needs}
            skills={map}
            groups={groups}
            myGroup={myGroup}
            onChoose={(id) => void services.setMyGroup(space.id, id)}
            base={base}
          />
        </>
      )}
    </div>
  )
}

/** The one thing a new space needs next, with its button where the thumb is. */
function NextStep({ text, action, to }: { text: string; action: string; to: string }) {
  return (
    <section className="card stack home-next">
      <p>{text}</p>
      <Link to={to} className="button primary">
        {action}
      </Link>
    </section>
  )
}
