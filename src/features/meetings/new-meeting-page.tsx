/**
 * A new meeting in one tap (Google Docs' "blank / from a template"): choosing what the notes
 * start from makes the meeting at once, titled from the template and the date, and opens its
 * notes with the cursor where the first answer goes. Title, date, place and groups can be set
 * first ("Or set the title, date and groups first") or changed later from the meeting.
 */
import { useState } from 'react'
import { localNow, type MeetingFields, type MeetingKind } from '../../domain/meeting'
import { TEMPLATES, type TemplateId, type TemplateLabels } from '../../domain/meeting-templates'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { Icon } from '../../ui/icons'
import { navigate } from '../../ui/router'
import { MeetingForm, TEMPLATE_LABELS } from './meeting-form'
import { focusNotesWhenOpened } from './notes-view'
import { notesForChoice, savedChoice, type TemplateChoice } from './template-choice'

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

const KIND_OF: Record<TemplateId, MeetingKind> = {
  blank: 'other',
  'dialogue-round': 'dialogue',
  workshop: 'workshop',
}
const TITLE_OF: Record<TemplateId, MessageKey> = {
  blank: 'meetings.untitled',
  'dialogue-round': 'meetings.kind.dialogue',
  workshop: 'meetings.kind.workshop',
}

export function NewMeeting({ session, base }: { session: Session; base: string }) {
  const t = useT()
  const groups = useStore(session.stores.groups)
  const saved = useStore(session.stores.templates)
  const [details, setDetails] = useState(false)
  const labels: TemplateLabels = {
    ourWork: t('templates.ourWork'),
    plans: t('templates.plans'),
    difficulties: t('templates.difficulties'),
    needs: t('templates.needs'),
    topic: t('templates.topic'),
    learnt: t('templates.learnt'),
    followUps: t('templates.followUps'),
  }

  const create = (
    fields: MeetingFields,
    template: TemplateChoice,
    groupNames: string[],
    timeZone?: string,
  ) => {
    const notes = notesForChoice(template, saved.byId, groupNames, labels)
    const id = session.stores.meetings.addMeeting(fields, notes, timeZone)
    focusNotesWhenOpened(id)
    navigate(`${base}/${id}`)
  }

  /** One tap: dated now, titled "Dialogue space, 4 Dec", a section for every group. */
  const quick = (template: TemplateChoice, what: string, kind: MeetingKind) => {
    const startsAt = localNow().slice(0, 16)
    const date = new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'short' }).format(
      new Date(),
    )
    const names = groups.items.filter((g) => g.deletedAt === undefined).map((g) => g.name)
    create(
      { ...blank(), kind, startsAt, title: t('meetings.defaultTitle', { what, date }) },
      template,
      names,
    )
  }

  return (
    <div className="stack">
      <section className="stack" aria-labelledby="quick-start">
        <h2 id="quick-start">{t('meetings.quickStart')}</h2>
        <p className="hint">{t('meetings.quickStartHint')}</p>
        <ul className="list quick-start">
          {TEMPLATES.map((tpl) => (
            <li key={tpl}>
              <button
                type="button"
                className="quick-choice"
                onClick={() => quick(tpl, t(TITLE_OF[tpl]), KIND_OF[tpl])}
              >
                <Icon name={tpl === 'blank' ? 'edit' : 'meetings'} size={22} />
                {t(TEMPLATE_LABELS[tpl])}
              </button>
            </li>
          ))}
          {saved.items.map((tpl) => (
            <li key={tpl.id}>
              <button
                type="button"
                className="quick-choice"
                onClick={() => quick(savedChoice(tpl), tpl.name, 'dialogue')}
              >
                <Icon name="meetings" size={22} />
                {tpl.name}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <button
        type="button"
        className="part-toggle card"
        aria-expanded={details}
        aria-controls="new-meeting-details"
        onClick={() => setDetails(!details)}
      >
        <span>{t('meetings.detailsFirst')}</span>
        <Icon name={details ? 'up' : 'down'} size={20} />
      </button>
      <div id="new-meeting-details" hidden={!details}>
        {details && (
          <MeetingForm
            session={session}
            initial={blank()}
            submitLabel={t('meetings.create')}
            withTemplate
            onSubmit={(fields, template, timeZone) =>
              create(
                fields,
                template,
                fields.groupIds.flatMap((id) => groups.byId.get(id)?.name ?? []),
                timeZone,
              )
            }
            onCancel={() => navigate(base)}
          />
        )}
      </div>
    </div>
  )
}
