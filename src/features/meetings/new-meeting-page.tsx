/**
 * A new meeting: its details, and the notes it starts from (a ready-made template, one the
 * space saved, or blank). The notes are written with the meeting, in one transaction.
 */
import { localNow, type MeetingFields } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { navigate } from '../../ui/router'
import { MeetingForm } from './meeting-form'
import { notesForChoice } from './template-choice'

const blank = (): MeetingFields => ({
  title: '',
  kind: 'dialogue',
  startsAt: `${localNow().slice(0, 11)}18:00`,
  place: '',
  facilitator: '',
  noteTaker: '',
  groupIds: [],
  people: [],
})

export function NewMeeting({ session, base }: { session: Session; base: string }) {
  const t = useT()
  const groups = useStore(session.stores.groups).byId
  const saved = useStore(session.stores.templates).byId
  return (
    <MeetingForm
      session={session}
      initial={blank()}
      submitLabel={t('meetings.create')}
      withTemplate
      onSubmit={(fields, template) => {
        const names = fields.groupIds.flatMap((id) => groups.get(id)?.name ?? [])
        const notes = notesForChoice(template, saved, names, {
          ourWork: t('templates.ourWork'),
          plans: t('templates.plans'),
          difficulties: t('templates.difficulties'),
          needs: t('templates.needs'),
          topic: t('templates.topic'),
          learnt: t('templates.learnt'),
          followUps: t('templates.followUps'),
        })
        navigate(`${base}/${session.stores.meetings.addMeeting(fields, notes)}`)
      }}
      onCancel={() => navigate(base)}
    />
  )
}
