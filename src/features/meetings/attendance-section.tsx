/**
 * Who came to a meeting, by ticking: the space's groups, each with its people, as a register
 * is taken on paper. Ticking a person ticks their group (a group that came is what stipends
 * count, domain/stipends.ts); a new person is added where they belong, in their group's own
 * line, and ticked at once. Each tick is one set member in the meeting, so two phones taking
 * the register together both count.
 */
import { useState } from 'react'
import type { Group } from '../../domain/group'
import { MEETING_TEXT_MAX, personKey, type Meeting } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { IconButton } from '../../ui/icon-button'
import { Link } from '../../ui/router'
import { entryErrorText } from './labels'
import { MeetingPart } from './meeting-part'

export function AttendanceSection({
  session,
  meeting,
  base,
}: {
  session: Session
  meeting: Meeting
  base: string
}) {
  const t = useT()
  const store = session.stores.meetings
  const groups = useStore(session.stores.groups).items.filter((g) => g.deletedAt === undefined)
  const came = new Set(meeting.people.map(personKey))
  const known = new Set(groups.flatMap((g) => g.people.map((p) => personKey(p.name))))
  const others = meeting.people.filter((name) => !known.has(personKey(name)))
  const [notice, setNotice] = useState('')

  const tickPerson = (group: Group | undefined, name: string, on: boolean) => {
    const ticked = store.setPersonAttended(meeting.id, name, on)
    if (!ticked.ok) {
      setNotice(entryErrorText(t, ticked.error, 'attendance.placeholder'))
      return
    }
    if (on && group && !meeting.groupIds.includes(group.id))
      store.setGroupAttended(meeting.id, group.id, true)
  }
  const addPerson = (group: Group | undefined, name: string) => {
    const clean = name.trim().slice(0, MEETING_TEXT_MAX)
    if (clean === '') return false
    const existing = group?.people.find((p) => personKey(p.name) === personKey(clean))
    if (group && existing)
      setNotice(t('attendance.personExists', { name: clean, group: group.name }))
    else if (group) session.stores.groups.addPerson(group.id, { name: clean })
    tickPerson(group, existing?.name ?? clean, true)
    return true
  }

  return (
    <MeetingPart
      title={t('attendance.title')}
      count={t('attendance.summary', {
        people: meeting.people.length,
        groups: meeting.groupIds.length,
      })}
    >
      <p className="hint">{t('attendance.hint')}</p>
      {groups.length === 0 && <p className="hint">{t('meetings.noGroups')}</p>}
      {groups.map((group) => (
        <fieldset key={group.id} className="attend-group">
          <legend className="visually-hidden">{group.name}</legend>
          <label className="check attend-name">
            <input
              type="checkbox"
              checked={meeting.groupIds.includes(group.id)}
              onChange={(e) => store.setGroupAttended(meeting.id, group.id, e.target.checked)}
            />{' '}
            {group.name}
          </label>
          {group.people.map((person) => (
            <label key={person.id} className="check attend-person">
              <input
                type="checkbox"
                checked={came.has(personKey(person.name))}
                onChange={(e) => tickPerson(group, person.name, e.target.checked)}
              />{' '}
              {person.name}
            </label>
          ))}
          <AddPerson
            label={t('attendance.newPerson', { group: group.name })}
            button={t('attendance.addPerson', { group: group.name })}
            onAdd={(name) => addPerson(group, name)}
          />
        </fieldset>
      ))}
      <fieldset className="attend-group">
        <legend className="attend-name">{t('attendance.others')}</legend>
        {others.map((name) => (
          <label key={personKey(name)} className="check attend-person">
            <input
              type="checkbox"
              checked
              onChange={(e) => tickPerson(undefined, name, e.target.checked)}
            />{' '}
            {name}
          </label>
        ))}
        <AddPerson
          label={t('attendance.newPerson', { group: t('attendance.others') })}
          button={t('attendance.addPerson', { group: t('attendance.others') })}
          onAdd={(name) => addPerson(undefined, name)}
        />
      </fieldset>
      <p className="notice" role="status">
        {notice}
      </p>
      <p className="link-row">
        <Link to={`${base}/stipends`}>
          {t('attendance.stipends', { count: meeting.groupIds.length })}
        </Link>
      </p>
    </MeetingPart>
  )
}

/** One line to add a person: type the name, Enter or the plus adds and ticks them. */
function AddPerson({
  label,
  button,
  onAdd,
}: {
  label: string
  button: string
  onAdd: (name: string) => boolean
}) {
  const t = useT()
  const [name, setName] = useState('')
  return (
    <form
      className="inline-add attend-add"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (onAdd(name)) setName('')
      }}
    >
      <input
        aria-label={label}
        placeholder={t('attendance.placeholder')}
        value={name}
        maxLength={MEETING_TEXT_MAX}
        onChange={(e) => setName(e.target.value)}
      />
      <IconButton icon="add" type="submit" label={button} />
    </form>
  )
}
