/**
 * A meeting, as a notebook (Google Docs' open-and-type): a compact line of when and where,
 * then the shared notes, large and first; the agenda, decisions, actions and who came are
 * compact parts below that open in place. Deleting offers Undo rather than asking.
 */
import { formatMeetingTime, KIND_LABELS } from './labels'
import { localNow, type Meeting } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import { MeetingMedia } from '../../session/meeting-media-slot'
import type { Session } from '../../session/session'
import { IconButton } from '../../ui/icon-button'
import { navigate } from '../../ui/router'
import { offerUndo } from '../../ui/undo'
import { AgendaSection } from './agenda-section'
import { CalendarButton } from './calendar-button'
import { AttendanceSection } from './attendance-section'
import { MinutesActions } from './minutes-actions'
import { NotesView } from './notes-view'
import { ActionsSection } from './actions-section'
import { DecisionsSection } from './outcomes-section'
import { ProposalsSection } from './proposals-section'
import { RsvpSection } from './rsvp-section'
import { ZoneNote } from './zone-note'
import { Page } from '../../ui/page'
import { SaveTemplateSection } from './save-template'

export function MeetingPage({
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
  const notes = store.notesOf(meeting.id)
  const who = [
    meeting.facilitator && `${t('meetings.facilitatorLabel')}: ${meeting.facilitator}`,
    meeting.noteTaker && `${t('meetings.noteTakerLabel')}: ${meeting.noteTaker}`,
  ].filter(Boolean)
  return (
    <Page title={meeting.title} back={base}>
      <div className="meeting-line">
        <p>
          <span>{formatMeetingTime(meeting.startsAt, t.locale)}</span>
          <ZoneNote meeting={meeting} />
          <span> · {t(KIND_LABELS[meeting.kind])}</span>
          {meeting.place && (
            <span>
              {' · '}
              {/^https?:\/\//i.test(meeting.place) ? (
                <a href={meeting.place} rel="noopener noreferrer" target="_blank">
                  {meeting.place}
                </a>
              ) : (
                meeting.place
              )}
            </span>
          )}
          {who.length > 0 && <span className="hint meeting-who">{who.join(' · ')}</span>}
        </p>
        <IconButton
          icon="edit"
          label={t('meetings.editDetails')}
          onClick={() => navigate(`${base}/${meeting.id}/edit`)}
        />
      </div>
      {meeting.startsAt >= localNow() && <RsvpSection session={session} meeting={meeting} />}
      {notes ? (
        <NotesView
          session={session}
          notes={notes}
          meetingId={meeting.id}
          text={store.notesText(meeting.id)}
        />
      ) : (
        <p className="notice">{t('meetings.noNotes')}</p>
      )}
      <MeetingMedia session={session} meetingId={meeting.id} />
      <AgendaSection session={session} meeting={meeting} />
      <ProposalsSection session={session} meeting={meeting} />
      <DecisionsSection session={session} meeting={meeting} />
      <ActionsSection session={session} meeting={meeting} />
      <AttendanceSection session={session} meeting={meeting} base={base} />
      <MinutesActions session={session} meeting={meeting} />
      <CalendarButton
        session={session}
        meetings={[meeting]}
        label={t('calendar.add')}
        fileName={`${meeting.startsAt.slice(0, 10)}-meeting.ics`}
      />
      {notes && <SaveTemplateSection session={session} meeting={meeting} />}
      <div className="button-row">
        <button
          type="button"
          className="danger"
          onClick={() => {
            store.deleteMeeting(meeting.id)
            offerUndo(t('meetings.deleted', { title: meeting.title }), () =>
              store.restoreMeeting(meeting.id),
            )
            navigate(base)
          }}
        >
          {t('meetings.delete', { title: meeting.title })}
        </button>
      </div>
    </Page>
  )
}
