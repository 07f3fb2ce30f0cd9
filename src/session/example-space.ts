/**
 * "Try it with example data": a new space holding the fictional network of
 * domain/example-network.ts, written through the group store like any edit and flushed to
 * storage before the space is opened.
 */
import { exampleMeetings } from '../domain/example-meetings'
import { EXAMPLE_ENTRIES, EXAMPLE_EXCHANGE, exampleGroups } from '../domain/example-network'
import type { GroupId } from '../domain/ids'
import type { Locale } from '../i18n/locales'
import { ok } from '../domain/result'
import type { SpaceRecord, StorageResult } from '../storage/types'
import type { AppServices } from './app-services'
import { withReadySession } from './command-context'

export async function createExampleSpace(
  services: AppServices,
  name: string,
  locale: Locale,
): Promise<StorageResult<SpaceRecord>> {
  const created = await services.createSpace(name)
  if (!created.ok) return created
  const filled = await withReadySession(services.sessions, created.value, async (session) => {
    const groups = session.stores.groups
    const ids: GroupId[] = []
    const examples = exampleGroups(locale)
    // names and summaries in the reader's language where written, else English
    for (const example of examples) {
      const id = groups.addGroup(example.fields)
      ids.push(id)
      for (const person of example.people) groups.addPerson(id, person)
      for (const [criterion, answer] of example.answers)
        groups.answerCriterion(id, criterion, { answer, note: '' })
    }
    const skills = session.stores.skills
    for (const entry of EXAMPLE_ENTRIES) {
      const groupId = ids[entry.group]
      if (!groupId) continue
      const common = { groupId, skillId: entry.skill, note: '', contact: '' }
      skills.addEntry(
        entry.offer
          ? { ...common, kind: 'offer', level: entry.offer }
          : { ...common, kind: 'need', urgency: entry.need ?? 'sometime' },
      )
    }
    const [from, to] = [ids[EXAMPLE_EXCHANGE.from], ids[EXAMPLE_EXCHANGE.to]]
    if (from && to)
      skills.addExchange({
        fromGroupId: from,
        toGroupId: to,
        skillId: EXAMPLE_EXCHANGE.skill,
        minutes: EXAMPLE_EXCHANGE.minutes,
        date: EXAMPLE_EXCHANGE.date,
        note: '',
      })
    const meetings = session.stores.meetings
    const names = examples.map((example) => example.fields.name)
    for (const example of exampleMeetings(locale, names, new Date())) {
      const id = meetings.addMeeting(
        {
          title: example.title,
          kind: example.kind,
          startsAt: example.startsAt,
          place: example.place,
          facilitator: example.facilitator,
          noteTaker: example.noteTaker,
          groupIds: example.groups.flatMap((index) => ids[index] ?? []),
          people: example.people,
        },
        example.notes,
      )
      for (const text of example.agenda) meetings.addAgendaItem(id, text)
      for (const decision of example.decisions) meetings.recordDecision(id, decision)
      for (const { done, ...action } of example.actions) {
        const actionId = meetings.addAction(id, action)
        if (done && actionId) meetings.setActionDone(id, actionId, true)
      }
    }
    await session.persistence.flush()
    return ok()
  })
  return filled.ok ? created : filled
}
