/**
 * Meetings of a space: the list (/spaces/:id/meetings, upcoming then past), a new meeting
 * (…/meetings/new), the space's note templates (…/meetings/templates), a meeting with its
 * shared notes (…/meetings/:meetingId) and its details form (…/meetings/:meetingId/edit).
 */
import { useState } from 'react'
import {
  createSearchCache,
  filterMeetings,
  localNow,
  splitByTime,
  type Meeting,
  type MeetingFields,
  type MeetingFilter,
} from '../../domain/meeting'
import { deviceTimeZone } from '../../domain/zoned-time'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { navigate, useRoute } from '../../ui/router'
import { CalendarButton } from './calendar-button'
import { OpenActions } from './open-actions'
import { ProposalsPage } from './proposals-page'
import { StipendsPage } from './stipends-page'
import { MeetingsTop, NO_MEETING_FILTER } from './meeting-filters'
import { MeetingForm } from './meeting-form'
import { MeetingList } from './meeting-list'
import { MeetingPage } from './meeting-page'
import { NewMeeting } from './new-meeting-page'
import { Page } from '../../ui/page'
import './meetings.css'
import { TemplatesPage } from './templates-page'

const fieldsOf = (m: Meeting): MeetingFields => ({
  title: m.title,
  kind: m.kind,
  startsAt: m.startsAt,
  place: m.place,
  facilitator: m.facilitator,
  noteTaker: m.noteTaker,
  groupIds: m.groupIds,
  people: m.people,
})

export function MeetingsScreen({ session }: { session: Session }) {
  const t = useT()
  const route = useRoute()
  const store = session.stores.meetings
  const { items, byId, trash } = useStore(store)
  const groups = useStore(session.stores.groups).byId
  const [notice, setNotice] = useState('')
  const [filter, setFilter] = useState<MeetingFilter>(NO_MEETING_FILTER)
  const [searchCache] = useState(createSearchCache)
  const base = `/spaces/${session.spaceId}/meetings`
  const item = route.page === 'space' ? route.item : undefined
  const editing = route.page === 'space' && route.editing ? item : undefined
  const viewing = editing ? undefined : item
  const status = (
    <p role="status" className="notice">
      {notice}
    </p>
  )

  if (viewing === 'new')
    return (
      <Page title={t('meetings.new')} back={base}>
        <NewMeeting session={session} base={base} />
      </Page>
    )

  if (viewing === 'templates')
    return (
      <Page title={t('templates.manage')} back={base}>
        <TemplatesPage session={session} />
      </Page>
    )

  if (viewing === 'stipends')
    return (
      <Page title={t('stipends.title')} back={base}>
        <StipendsPage session={session} />
      </Page>
    )

  if (viewing === 'proposals')
    return (
      <Page title={t('proposals.title')} back={base}>
        <ProposalsPage session={session} base={base} />
      </Page>
    )

  if (viewing === 'actions')
    return (
      <Page title={t('actions.openTitle')} back={base}>
        <OpenActions session={session} base={base} />
      </Page>
    )

  const meeting = byId.get(editing ?? viewing ?? '')
  if ((editing ?? viewing) !== undefined && !meeting)
    return (
      <Page title={t('meetings.notFound')} back={base}>
        <p>{t('meetings.notFoundBody')}</p>
      </Page>
    )

  if (meeting && editing)
    return (
      <Page
        title={t('meetings.editNamed', { title: meeting.title })}
        back={`${base}/${meeting.id}`}
      >
        <MeetingForm
          key={meeting.id}
          session={session}
          initial={fieldsOf(meeting)}
          initialZone={meeting.timeZone}
          submitLabel={t('common.save')}
          onSubmit={(fields, _template, timeZone) => {
            store.updateMeetingFrom(meeting.id, fieldsOf(meeting), fields)
            if (timeZone !== (meeting.timeZone || deviceTimeZone()))
              store.setTimeZone(meeting.id, timeZone)
            navigate(`${base}/${meeting.id}`)
          }}
          onCancel={() => navigate(`${base}/${meeting.id}`)}
        />
      </Page>
    )

  if (meeting) return <MeetingPage session={session} meeting={meeting} base={base} />

  const shown = filterMeetings(items, filter, (m) => store.notesText(m.id), searchCache)
  const { upcoming, past } = splitByTime(shown, localNow())

  return (
    <Page title={t('meetings.title')}>
      {status}
      <MeetingsTop
        base={base}
        filter={filter}
        onChange={setFilter}
        groups={[...groups.values()].filter((g) => g.deletedAt === undefined)}
        shown={shown.length}
        total={items.length}
      />
      {items.length === 0 && <p className="empty">{t('meetings.empty')}</p>}
      <MeetingList which="upcoming" meetings={upcoming} base={base} />
      {upcoming.length > 0 && (
        <CalendarButton
          session={session}
          meetings={upcoming}
          label={t('calendar.addUpcoming', { count: upcoming.length })}
          fileName="meetings.ics"
        />
      )}
      <MeetingList which="past" meetings={past} base={base} />
      {trash.length > 0 && <TrashList session={session} onNotice={setNotice} />}
    </Page>
  )
}

function TrashList({ session, onNotice }: { session: Session; onNotice: (m: string) => void }) {
  const t = useT()
  const { trash } = useStore(session.stores.meetings)
  return (
    <section className="card stack" aria-labelledby="meetings-trash">
      <h2 id="meetings-trash">{t('meetings.trash')}</h2>
      <ul className="list">
        {trash.map((m) => (
          <li key={m.id} className="trash-row">
            <span>{m.title}</span>
            <button
              type="button"
              onClick={() => {
                session.stores.meetings.restoreMeeting(m.id)
                onNotice(t('meetings.restored', { title: m.title }))
              }}
            >
              {t('meetings.restore', { title: m.title })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
