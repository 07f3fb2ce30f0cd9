/** The sections of a space's home. Every row is one link: to a group, a meeting or a skill. */
import { useId, useState, type ReactNode } from 'react'
import type { Group } from '../../domain/group'
import type { GroupId } from '../../domain/ids'
import { localNow, personKey, type Meeting, type RsvpAnswer } from '../../domain/meeting'
import type { helpFrom, SkillsMap } from '../../domain/skill-matching'
import type { Skill } from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey, Translator } from '../../i18n/translate'
import { Link } from '../../ui/router'
import { RsvpButtons } from '../../ui/rsvp-buttons'
import { dayText, meetingTime, whenText } from './home-format'
import { changesSince, myActions, nextMeeting, type Change, type ChangeInput } from './whats-new'
import { GroupPicker } from '../../ui/group-picker'

const SHOWN = 5

function skillName(t: Translator, skill: Skill | undefined): string {
  if (!skill) return t('skills.unknownSkill')
  return skill.nameKey ? t(skill.nameKey as MessageKey) : skill.name
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section className="stack home-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

export function Row({ to, title, meta }: { to: string; title: string; meta?: string }) {
  return (
    <li>
      <Link to={to} className="home-row">
        <span className="home-row-title">{title}</span>
        {meta && <span className="home-row-meta">{meta}</span>}
      </Link>
    </li>
  )
}

const CHANGE_TEXT: Record<Change['kind'], { added: MessageKey; changed: MessageKey }> = {
  group: { added: 'home.groupAdded', changed: 'home.groupChanged' },
  meeting: { added: 'home.meetingAdded', changed: 'home.meetingChanged' },
  offer: { added: 'home.offerAdded', changed: 'home.offerChanged' },
  need: { added: 'home.needAdded', changed: 'home.needChanged' },
}

export function NewSection(props: {
  input: ChangeInput
  since: number
  me: string
  firstLook: boolean
  base: string
  skills: Pick<SkillsMap, 'byId'>
}) {
  const t = useT()
  const [all, setAll] = useState(false)
  const changes = changesSince(props.input, props.since, props.me)
  const shown = all ? changes : changes.slice(0, SHOWN)
  return (
    <Section title={props.firstLook ? t('home.recentTitle') : t('home.newTitle')}>
      {changes.length === 0 ? (
        <p className="empty">{props.firstLook ? t('home.nothingRecent') : t('home.nothingNew')}</p>
      ) : (
        <ul className="home-rows">
          {shown.map((change) => {
            const keys = CHANGE_TEXT[change.kind]
            const skill = change.skillId && skillName(t, props.skills.byId.get(change.skillId))
            const when = whenText(change.at, t.locale)
            return (
              <Row
                key={change.key}
                to={props.base + change.path}
                title={t(change.added ? keys.added : keys.changed, {
                  name: change.name,
                  skill: skill ?? '',
                })}
                meta={change.by ? t('home.byWhen', { by: change.by, when }) : when}
              />
            )
          })}
        </ul>
      )}
      {!all && changes.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          {t('home.showMore', { count: changes.length - SHOWN })}
        </button>
      )}
    </Section>
  )
}

/**
 * The next meeting, one tap from its notes, and (once this phone's person has a name) "are you
 * coming?" answered right here, as an event card in a messaging app.
 */
export function MeetingSection({
  meetings,
  base,
  me,
  onAnswer,
}: {
  meetings: readonly Meeting[]
  base: string
  me: string
  onAnswer: (meeting: Meeting, answer: RsvpAnswer) => void
}) {
  const t = useT()
  const next = nextMeeting(meetings, localNow())
  const mine =
    next && me ? next.meeting.rsvps.find((r) => personKey(r.name) === personKey(me)) : undefined
  return (
    <Section title={next && !next.upcoming ? t('home.lastMeeting') : t('home.nextMeeting')}>
      {next ? (
        <ul className="home-rows">
          <Row
            to={`${base}/meetings/${next.meeting.id}`}
            title={next.meeting.title}
            meta={[meetingTime(next.meeting.startsAt, t.locale), next.meeting.place]
              .filter(Boolean)
              .join(' · ')}
          />
        </ul>
      ) : (
        <p className="empty">{t('home.noMeeting')}</p>
      )}
      {next?.upcoming && me && (
        <RsvpButtons
          label={t('home.comingTo', { title: next.meeting.title })}
          chosen={mine?.answer}
          onAnswer={(answer) => onAnswer(next.meeting, answer)}
        />
      )}
      <Link to={`${base}/meetings/new`} className="button">
        {t('meetings.new')}
      </Link>
    </Section>
  )
}

export function ActionsSection(props: {
  meetings: readonly Meeting[]
  me: { name: string; group: Group | undefined }
  base: string
}) {
  const t = useT()
  const rows = myActions(props.meetings, localNow().slice(0, 10), props.me)
  const title = props.me.group
    ? t('home.actionsFor', { group: props.me.group.name })
    : t('home.actionsMine')
  return (
    <Section title={title}>
      {rows.length === 0 ? (
        <p className="empty">{t('home.noActions')}</p>
      ) : (
        <ul className="home-rows">
          {rows.slice(0, SHOWN).map(({ meeting, action, overdue }) => (
            <Row
              key={`${meeting.id}:${action.id}`}
              to={`${props.base}/meetings/${meeting.id}`}
              title={overdue ? `${t('actions.overdue')} ${action.what}` : action.what}
              meta={[
                action.who,
                action.due && t('actions.dueOn', { date: dayText(action.due, t.locale) }),
                meeting.title,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          ))}
        </ul>
      )}
      {rows.length > SHOWN && (
        <Link to={`${props.base}/meetings/actions`}>
          {t('home.allActions', { count: rows.length })}
        </Link>
      )}
    </Section>
  )
}

export function NeedsSection(props: {
  needs: ReturnType<typeof helpFrom>
  skills: Pick<SkillsMap, 'byId'>
  groups: readonly Group[]
  myGroup: Group | undefined
  onChoose: (id: GroupId | undefined) => void
  base: string
}) {
  const t = useT()
  const id = useId()
  const { myGroup } = props
  if (!myGroup)
    return (
      <Section title={t('home.needsTitle')}>
        <div className="field">
          <label htmlFor={id}>{t('home.chooseGroup')}</label>
          <GroupPicker
            id={id}
            groups={props.groups}
            value=""
            none={t('skills.myGroupNone')}
            onChange={(groupId) => props.onChoose((groupId || undefined) as GroupId | undefined)}
          />
        </div>
        <p className="hint">{t('home.chooseGroupHint')}</p>
      </Section>
    )
  return (
    <Section title={t('home.needsFor', { group: myGroup.name })}>
      {props.needs.length === 0 ? (
        <p className="empty">{t('home.noNeeds')}</p>
      ) : (
        <ul className="home-rows">
          {props.needs.slice(0, SHOWN).map(({ need, group }) => (
            <Row
              key={need.id}
              to={`${props.base}/groups/${group.id}`}
              title={t('home.needAdded', {
                name: group.name,
                skill: skillName(t, props.skills.byId.get(need.skill)),
              })}
              meta={need.kind === 'need' ? t(`skills.urgency.${need.urgency}`) : ''}
            />
          ))}
        </ul>
      )}
      <Link to={`${props.base}/skills/add`}>{t('home.addOffer')}</Link>
    </Section>
  )
}
