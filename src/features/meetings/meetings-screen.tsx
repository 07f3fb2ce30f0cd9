/**
 * Meetings of a space: the list (/spaces/:id/meetings, upcoming then past), a new meeting
 * (…/meetings/new), the space's note templates (…/meetings/templates), a meeting with its
 * shared notes (…/meetings/:meetingId) and its details form (…/meetings/:meetingId/edit).
 */
import { useState, type ReactNode } from 'react'
import {
  createSearchCache,
  filterMeetings,
  localNow,
  splitByTime,
  type Meeting,
  type MeetingFields,
  type MeetingFilter,
} from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { Link, matchPath, navigate, usePath } from '../../ui/router'
import { formatList } from '../../ui/format'
import { Icon } from '../../ui/icons'
import { AgendaSection } from './agenda-section'
import { OpenActions } from './open-actions'
import { StipendsPage } from './stipends-page'
import { ActionsSection, DecisionsSection } from './outcomes-section'
import { formatMeetingTime, KIND_LABELS } from './labels'
import { MeetingFilters } from './meeting-filters'
import { MeetingForm } from './meeting-form'
import { MeetingList } from './meeting-list'
import { MinutesActions } from './minutes-actions'
import { NewMeeting } from './new-meeting-page'
import { NotesView } from './notes-view'
import { SaveTemplateSection } from './save-template'
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
  const path = usePath()
  const store = session.stores.meetings
  const { items, byId, trash } = useStore(store)
  const groups = useStore(session.stores.groups).byId
  const [notice, setNotice] = useState('')
  const [filter, setFilter] = useState<MeetingFilter>({ query: '', kind: '', groupId: '' })
  const [searchCache] = useState(createSearchCache)
  const base = `/spaces/${session.spaceId}/meetings`
  const editing = matchPath('/spaces/:id/meetings/:meetingId/edit', path)?.meetingId
  const viewing = matchPath('/spaces/:id/meetings/:meetingId', path)?.meetingId
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
          submitLabel={t('common.save')}
          onSubmit={(fields) => {
            store.updateMeetingFrom(meeting.id, fieldsOf(meeting), fields)
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
      <div className="button-row">
        <Link to={`${base}/new`} className="button primary">
          <Icon name="add" size={20} />
          {t('meetings.new')}
        </Link>
        <Link to={`${base}/actions`} className="button">
          {t('actions.openTitle')}
        </Link>
        <Link to={`${base}/stipends`} className="button">
          {t('stipends.title')}
        </Link>
        <Link to={`${base}/templates`} className="button">
          {t('templates.manage')}
        </Link>
      </div>
      {items.length === 0 ? (
        <p className="empty">{t('meetings.empty')}</p>
      ) : (
        <MeetingFilters
          filter={filter}
          onChange={setFilter}
          groups={[...groups.values()].filter((g) => g.deletedAt === undefined)}
          shown={shown.length}
          total={items.length}
        />
      )}
      <MeetingList which="upcoming" meetings={upcoming} base={base} />
      <MeetingList which="past" meetings={past} base={base} />
      {trash.length > 0 && <TrashList session={session} onNotice={setNotice} />}
    </Page>
  )
}

function MeetingPage({
  session,
  meeting,
  base,
}: {
  session: Session
  meeting: Meeting
  base: string
}) {
  const t = useT()
  const groups = useStore(session.stores.groups).byId
  const notes = session.stores.meetings.notesOf(meeting.id)
  const attending = meeting.groupIds
    .map((id) => groups.get(id)?.name)
    .filter((name): name is string => !!name)
  return (
    <Page title={meeting.title} back={base}>
      <dl className="facts">
        <dt>{t('meetings.dateLabel')}</dt>
        <dd>{formatMeetingTime(meeting.startsAt, t.locale)}</dd>
        <dt>{t('meetings.kindLabel')}</dt>
        <dd>{t(KIND_LABELS[meeting.kind])}</dd>
        {meeting.place && (
          <>
            <dt>{t('meetings.placeLabel')}</dt>
            <dd>
              {/^https?:\/\//i.test(meeting.place) ? (
                <a href={meeting.place} rel="noopener noreferrer" target="_blank">
                  {meeting.place}
                </a>
              ) : (
                meeting.place
              )}
            </dd>
          </>
        )}
        {meeting.facilitator && (
          <>
            <dt>{t('meetings.facilitatorLabel')}</dt>
            <dd>{meeting.facilitator}</dd>
          </>
        )}
        {meeting.noteTaker && (
          <>
            <dt>{t('meetings.noteTakerLabel')}</dt>
            <dd>{meeting.noteTaker}</dd>
          </>
        )}
        {attending.length > 0 && (
          <>
            <dt>{t('meetings.groupsLabel')}</dt>
            <dd>{formatList(attending, t.locale)}</dd>
          </>
        )}
        {meeting.people.length > 0 && (
          <>
            <dt>{t('meetings.peopleLabel')}</dt>
            <dd>{formatList(meeting.people, t.locale)}</dd>
          </>
        )}
      </dl>
      <div className="button-row">
        <Link to={`${base}/${meeting.id}/edit`} className="button">
          {t('meetings.editDetails')}
        </Link>
        <button
          type="button"
          className="danger"
          onClick={() => {
            session.stores.meetings.deleteMeeting(meeting.id)
            navigate(base)
          }}
        >
          {t('meetings.delete', { title: meeting.title })}
        </button>
      </div>
      <MinutesActions session={session} meeting={meeting} />
      <AgendaSection session={session} meeting={meeting} />
      <DecisionsSection session={session} meeting={meeting} />
      <ActionsSection session={session} meeting={meeting} />
      {notes ? (
        <NotesView session={session} notes={notes} />
      ) : (
        <p className="notice">{t('meetings.noNotes')}</p>
      )}
      {notes && <SaveTemplateSection session={session} meeting={meeting} />}
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

function Page({ title, back, children }: { title: string; back?: string; children: ReactNode }) {
  const t = useT()
  return (
    <section aria-labelledby="main-heading" className="stack">
      {back && (
        <p className="back-link">
          <Link to={back}>
            <Icon name="back" size={20} />
            {t('groups.back')}
          </Link>
        </p>
      )}
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  )
}
