/**
 * Every command the fuzzer may run on a peer, one line each: a weight and what it does to the
 * peer's stores, picking its targets from that peer's own snapshot (as a person on that phone
 * would). A command that does not apply (nothing to edit yet) simply does nothing.
 * To cover a new store command, add one line here.
 */
import type { SpaceStores } from '../../../src/doc/space-stores'
import { fromTextHandle } from '../../../src/doc/text-handle'
import { CRITERION_ANSWERS } from '../../../src/domain/criteria'
import { groupFieldsOf, VISIBILITY_FIELDS, type GroupFields } from '../../../src/domain/group'
import type { GroupId } from '../../../src/domain/ids'
import {
  DECISION_METHODS,
  MEETING_KINDS,
  RSVP_ANSWERS,
  type MeetingFields,
  type MeetingId,
} from '../../../src/domain/meeting'
import {
  isStanceKind,
  PROPOSAL_KINDS,
  STANCES,
  type Answer,
  type Proposal,
} from '../../../src/domain/proposal'
import { SKILL_CATEGORIES, type EntryFields, type SkillId } from '../../../src/domain/skills'
import type { Random } from '../../support/convergence'

interface Ctx {
  readonly s: SpaceStores
  readonly r: Random
}
type Operation = readonly [name: string, weight: number, run: (ctx: Ctx) => unknown]

const WORDS = ['agua', 'حصاد', 'seeds', 'żywność', 'کھانا', 'Ana', 'co-op', '', ' ', 'a\nb']
const word = (r: Random) => r.pick(WORDS) + (r.chance(0.5) ? ` ${r.int(100)}` : '')
const some = <T>(r: Random, items: readonly T[]): T | undefined =>
  items.length > 0 ? r.pick(items) : undefined

const group = ({ s, r }: Ctx) => some(r, s.groups.getSnapshot().items)
const anyGroup = ({ s, r }: Ctx) =>
  some(r, [...s.groups.getSnapshot().items, ...s.groups.getSnapshot().trash])
const meeting = ({ s, r }: Ctx) => some(r, s.meetings.getSnapshot().items)
const skill = ({ s, r }: Ctx) => some(r, s.skills.skills.getSnapshot().all)
const entry = ({ s, r }: Ctx) => some(r, s.skills.entries.getSnapshot().items)
const criterion = ({ s, r }: Ctx) => some(r, s.criteria.getSnapshot().items)
const proposal = ({ s, r }: Ctx) => some(r, s.proposals.getSnapshot().items)

/** An answer that fits the proposal's kind most of the time, and now and then one that does not. */
function answerTo({ r }: Ctx, p: Proposal): Answer {
  if (isStanceKind(p.kind) && r.chance(0.9)) return { stance: r.pick(STANCES[p.kind]) }
  if (r.chance(0.1)) return { stance: r.pick(['agree', 'yes', 'block'] as const) }
  const options: Record<string, number> = {}
  for (const option of p.options) if (r.chance(0.5)) options[option.id] = r.int(3)
  return { options }
}

function entryFields(ctx: Ctx, groupId: GroupId, skillId: SkillId): EntryFields {
  const { r } = ctx
  const base = { groupId, skillId, note: word(r), contact: '' }
  return r.chance(0.5)
    ? { ...base, kind: 'offer', level: r.pick(['teach', 'do', 'learning'] as const) }
    : { ...base, kind: 'need', urgency: r.pick(['now', 'soon', 'sometime'] as const) }
}

function meetingFields(ctx: Ctx): MeetingFields {
  const { r, s } = ctx
  const groups = s.groups.getSnapshot().items
  return {
    title: word(r) || 'Meeting',
    kind: r.pick(MEETING_KINDS),
    startsAt: `2026-0${1 + r.int(9)}-1${r.int(10)}T18:30`,
    place: word(r),
    facilitator: word(r),
    noteTaker: '',
    groupIds: groups.length > 0 ? [r.pick(groups).id] : [],
    people: [],
  }
}

/**
 * What a phone took off a meeting and may bring back with Undo (decisions, actions: the
 * snapshot does not list them once removed). A reload builds new stores and forgets them, as a
 * reload forgets the Undo bar.
 */
type TakenOff = { readonly meeting: MeetingId; readonly entry: string }
const takenOff = new WeakMap<SpaceStores, { decisions: TakenOff[]; actions: TakenOff[] }>()
function takenOffBy(s: SpaceStores) {
  let lists = takenOff.get(s)
  if (!lists) takenOff.set(s, (lists = { decisions: [], actions: [] }))
  return lists
}
/** One to bring back: mostly what this phone took off, now and then one still shown (a no-op). */
function toRestore(c: Ctx, kind: 'decisions' | 'actions'): TakenOff | undefined {
  const list = takenOffBy(c.s)[kind]
  const m = meeting(c)
  const shown = m && some<{ id: string }>(c.r, m[kind])
  if (shown && (list.length === 0 || c.r.chance(0.2))) return { meeting: m.id, entry: shown.id }
  const at = c.r.int(list.length)
  return list.splice(at, 1)[0]
}

/**
 * The group form's save: what the person changed between the fields the form opened with and
 * what it holds now. Half the time the form was opened earlier on this phone, so another
 * phone's edits since then must survive.
 */
const openedForms = new WeakMap<SpaceStores, Map<GroupId, GroupFields>>()
function saveGroupForm(c: Ctx) {
  const g = group(c)
  if (!g) return
  let forms = openedForms.get(c.s)
  if (!forms) openedForms.set(c.s, (forms = new Map<GroupId, GroupFields>()))
  const now = groupFieldsOf(g)
  const before = (c.r.chance(0.5) && forms.get(g.id)) || now
  forms.set(g.id, now)
  const after: GroupFields = {
    ...before,
    ...(c.r.chance(0.5) ? { name: word(c.r) || 'G' } : {}),
    ...(c.r.chance(0.5) ? { summary: word(c.r) } : {}),
    ...(c.r.chance(0.3)
      ? { place: { region: '', country: '', ...before.place, locality: word(c.r) } }
      : {}),
    ...(c.r.chance(0.3)
      ? { activities: c.r.chance(0.5) ? [] : ['AM60', c.r.pick(['AM90', 'AM130'])] }
      : {}),
    ...(c.r.chance(0.3) ? { languages: c.r.chance(0.5) ? ['en'] : ['ar', 'ur'] } : {}),
  }
  c.s.groups.updateGroupFrom(g.id, before, after)
}

const day = (r: Random) => `2026-0${1 + r.int(9)}-1${r.int(10)}`

// prettier-ignore
export const OPERATIONS: readonly Operation[] = [
  // groups and people
  ['group add', 6, ({ s, r }) => s.groups.addGroup({ name: word(r) || 'G', summary: word(r) })],
  ['group form save', 2, saveGroupForm],
  ['group edit', 4, (c) => { const g = group(c); if (g) c.s.groups.updateGroup(g.id, { summary: word(c.r), memberCount: c.r.int(50) }) }],
  ['group delete', 1, (c) => { const g = group(c); if (g) c.s.groups.deleteGroup(g.id) }],
  ['group visibility', 1, (c) => { const g = group(c); if (g) c.s.groups.setVisibility(g.id, c.r.pick(VISIBILITY_FIELDS), c.r.pick(['public', 'network'] as const)) }],
  ['group restore', 1, (c) => { const g = some(c.r, c.s.groups.getSnapshot().trash); if (g) c.s.groups.restoreGroup(g.id) }],
  ['person add', 2, (c) => { const g = anyGroup(c); if (g) c.s.groups.addPerson(g.id, { name: word(c.r) || 'P' }) }],
  ['person edit', 1, (c) => { const g = anyGroup(c); const p = g && some(c.r, g.people); if (g && p) c.s.groups.updatePerson(g.id, p.id, { role: word(c.r) }) }],
  ['person remove', 1, (c) => { const g = anyGroup(c); const p = g && some(c.r, g.people); if (g && p) c.s.groups.removePerson(g.id, p.id) }],
  ['person restore', 1, (c) => { const g = anyGroup(c); const p = g && some(c.r, g.removedPeople); if (g && p) c.s.groups.restorePerson(g.id, p.id) }],
  // criteria
  ['criterion add', 1, (c) => c.s.criteria.addCriterion(word(c.r))],
  ['criterion reword', 1, (c) => { const k = criterion(c); if (k) c.s.criteria.rewordCriterion(k.id, word(c.r)) }],
  ['criterion reset', 0.5, (c) => { const k = criterion(c); if (k) c.s.criteria.resetCriterionText(k.id) }],
  ['criterion move', 1, (c) => { const k = criterion(c); if (k) c.s.criteria.moveCriterion(k.id, c.r.int(8)) }],
  ['criterion remove', 1, (c) => { const k = criterion(c); if (k) c.s.criteria.removeCriterion(k.id) }],
  ['criterion restore', 1, (c) => { const k = some(c.r, c.s.criteria.getSnapshot().removed); if (k) c.s.criteria.restoreCriterion(k.id) }],
  ['criterion answer', 2, (c) => { const g = group(c); const k = criterion(c); if (g && k) c.s.groups.answerCriterion(g.id, k.id, { answer: c.r.pick(CRITERION_ANSWERS), note: word(c.r), }) }],
  ['criterion clear answer', 1, (c) => { const g = group(c); const k = criterion(c); if (g && k) c.s.groups.clearCriterionAnswer(g.id, k.id) }],
  // skills, entries, exchanges
  ['skill add', 2, (c) => c.s.skills.addSkill(word(c.r), c.r.pick(SKILL_CATEGORIES))],
  ['skill rename', 2, (c) => { const k = skill(c); if (k) c.s.skills.renameSkill(k.id, word(c.r)) }],
  ['skill reset name', 0.5, (c) => { const k = skill(c); if (k) c.s.skills.resetSkillName(k.id) }],
  ['skill category', 1, (c) => { const k = skill(c); if (k) c.s.skills.setSkillCategory(k.id, c.r.pick(SKILL_CATEGORIES)) }],
  ['skill merge', 2, (c) => { const [a, b] = [skill(c), skill(c)]; if (a && b) c.s.skills.mergeSkills(a.id, b.id) }],
  ['skill separate', 1, (c) => { const k = skill(c); if (k) c.s.skills.separateSkill(k.id) }],
  ['skill remove', 1, (c) => { const k = skill(c); if (k) c.s.skills.removeSkill(k.id) }],
  ['skill restore', 1, (c) => { const k = skill(c); if (k) c.s.skills.restoreSkill(k.id) }],
  ['entry add', 4, (c) => { const g = group(c); const k = skill(c); if (g && k) c.s.skills.addEntry(entryFields(c, g.id, k.id)) }],
  ['entry add new skill', 1, (c) => { const g = group(c); if (g) c.s.skills.addEntry(entryFields(c, g.id, '' as SkillId), { name: word(c.r), category: 'other', }) }],
  ['entry edit', 2, (c) => { const e = entry(c); if (e) c.s.skills.updateEntry(e.id, entryFields(c, e.groupId, e.skillId)) }],
  ['entry remove', 1, (c) => { const e = entry(c); if (e) c.s.skills.removeEntry(e.id) }],
  ['entry restore', 1, (c) => { const e = some(c.r, c.s.skills.entries.getSnapshot().trash); if (e) c.s.skills.restoreEntry(e.id) }],
  ['exchange add', 2, (c) => { const [a, b, k] = [group(c), group(c), skill(c)]; if (a && b && k) c.s.skills.addExchange({ fromGroupId: a.id, toGroupId: b.id, skillId: k.id, minutes: 1 + c.r.int(600), date: day(c.r), note: word(c.r), }) }],
  ['exchange remove', 1, (c) => { const x = some(c.r, c.s.skills.exchanges.getSnapshot().items); if (x) c.s.skills.removeExchange(x.id) }],
  ['exchange restore', 1, (c) => { const x = some(c.r, c.s.skills.exchanges.getSnapshot().trash); if (x) c.s.skills.restoreExchange(x.id) }],
  // meetings
  ['meeting add', 3, (c) => c.s.meetings.addMeeting(meetingFields(c), c.r.chance(0.5) ? word(c.r) : ''),],
  ['meeting edit', 2, (c) => { const m = meeting(c); if (m) c.s.meetings.updateMeetingFrom(m.id, m, { ...m, ...meetingFields(c), people: m.people }) }],
  ['meeting delete', 1, (c) => { const m = meeting(c); if (m) c.s.meetings.deleteMeeting(m.id) }],
  ['meeting restore', 1, (c) => { const m = some(c.r, c.s.meetings.getSnapshot().trash); if (m) c.s.meetings.restoreMeeting(m.id) }],
  ['attendance', 2, (c) => { const m = meeting(c); const p = c.r.pick(['Ana', 'ana ', 'Ben', 'Zofia']); if (m) c.s.meetings.updateMeetingFrom(m.id, m, { ...m, people: m.people.some((x) => x.toLowerCase() === p.trim().toLowerCase()) ? m.people.filter((x) => x.toLowerCase() !== p.trim().toLowerCase()) : [...m.people, p], }) }],
  ['agenda add', 3, (c) => { const m = meeting(c); if (m) c.s.meetings.addAgendaItem(m.id, word(c.r)) }],
  ['agenda edit', 1, (c) => { const m = meeting(c); const i = m && some(c.r, m.agenda); if (m && i) c.s.meetings.editAgendaItem(m.id, i.id, word(c.r)) }],
  ['agenda move', 3, (c) => { const m = meeting(c); const i = m && some(c.r, m.agenda); if (m && i) c.s.meetings.moveAgendaItem(m.id, i.id, c.r.int(m.agenda.length)) }],
  ['agenda remove', 1, (c) => { const m = meeting(c); const i = m && some(c.r, m.agenda); if (m && i) c.s.meetings.removeAgendaItem(m.id, i.id) }],
  ['agenda restore', 1, (c) => { const m = meeting(c); const i = m && some(c.r, m.removedAgenda); if (m && i) c.s.meetings.restoreAgendaItem(m.id, i.id) }],
  ['notes insert', 5, (c) => { const m = meeting(c); const h = m && c.s.meetings.notesOf(m.id); if (h) { const t = fromTextHandle(h); t.insert(c.r.int(t.length + 1), word(c.r)) } }],
  ['notes delete', 2, (c) => { const m = meeting(c); const h = m && c.s.meetings.notesOf(m.id); if (h) { const t = fromTextHandle(h); const at = c.r.int(t.length + 1); t.delete(at, Math.min(t.length - at, 1 + c.r.int(8))) } }],
  ['decision add', 2, (c) => { const m = meeting(c); if (m) c.s.meetings.recordDecision(m.id, { text: word(c.r), method: c.r.pick(DECISION_METHODS), outcome: word(c.r), }) }],
  ['decision edit', 1, (c) => { const m = meeting(c); const d = m && some(c.r, m.decisions); if (m && d) c.s.meetings.editDecision(m.id, d.id, { text: word(c.r), method: c.r.pick(DECISION_METHODS), outcome: word(c.r), }) }],
  ['decision remove', 1, (c) => { const m = meeting(c); const d = m && some(c.r, m.decisions); if (m && d && c.s.meetings.removeDecision(m.id, d.id).ok) takenOffBy(c.s).decisions.push({ meeting: m.id, entry: d.id }) }],
  ['decision restore', 1, (c) => { const d = toRestore(c, 'decisions'); if (d) c.s.meetings.restoreDecision(d.meeting, d.entry) }],
  ['action add', 2, (c) => { const m = meeting(c); if (m) c.s.meetings.addAction(m.id, { what: word(c.r), who: word(c.r), due: c.r.chance(0.3) ? '' : day(c.r), }) }],
  ['action done', 1, (c) => { const m = meeting(c); const a = m && some(c.r, m.actions); if (m && a) c.s.meetings.setActionDone(m.id, a.id, c.r.chance(0.5)) }],
  ['action edit', 1, (c) => { const m = meeting(c); const a = m && some(c.r, m.actions); if (m && a) c.s.meetings.editAction(m.id, a.id, { what: word(c.r), who: word(c.r), due: c.r.chance(0.3) ? '' : day(c.r), }) }],
  ['group attended', 1, (c) => { const m = meeting(c); const g = group(c); if (m && g) c.s.meetings.setGroupAttended(m.id, g.id, c.r.chance(0.7)) }],
  ['person attended', 2, (c) => { const m = meeting(c); if (m) c.s.meetings.setPersonAttended(m.id, c.r.pick(['Ana', 'ana ', 'Ben', 'Zofia']), c.r.chance(0.7)) }],
  ['action remove', 1, (c) => { const m = meeting(c); const a = m && some(c.r, m.actions); if (m && a && c.s.meetings.removeAction(m.id, a.id).ok) takenOffBy(c.s).actions.push({ meeting: m.id, entry: a.id }) }],
  ['action restore', 1, (c) => { const a = toRestore(c, 'actions'); if (a) c.s.meetings.restoreAction(a.meeting, a.entry) }],
  ['rsvp', 2, (c) => { const m = meeting(c); if (m) c.s.meetings.setRsvp(m.id, c.r.pick(['Ana', 'ana ', 'Ben', 'Zofia']), c.r.pick(RSVP_ANSWERS), c.r.chance(0.5) ? (group(c)?.id ?? '') : '') }],
  ['time zone', 0.5, (c) => { const m = meeting(c); if (m) c.s.meetings.setTimeZone(m.id, c.r.pick(['Africa/Cairo', 'Europe/Warsaw', 'Asia/Karachi', 'Mars/Olympus'])) }],
  // proposals and polls
  ['proposal add', 1, (c) => { const kind = c.r.pick(PROPOSAL_KINDS); c.s.proposals.addProposal({ title: word(c.r), details: word(c.r), kind, options: kind === 'time-poll' ? [day(c.r) + 'T18:00', day(c.r) + 'T19:30'] : [word(c.r), word(c.r), word(c.r)], dots: 1 + c.r.int(6), closesAt: Date.UTC(2026, 2, 1) + c.r.int(4 * 3_600_000), meetingId: c.r.chance(0.5) ? (meeting(c)?.id ?? '') : '' }) }],
  ['proposal answer', 4, (c) => { const p = proposal(c); if (p) c.s.proposals.answer(p.id, c.r.pick(['Ana', 'ana ', 'Ben', 'Zofia']), answerTo(c, p), c.r.chance(0.7) ? word(c.r) || 'because' : '') }],
  ['proposal close', 0.5, (c) => { const p = proposal(c); if (p) c.s.proposals.close(p.id, word(c.r)) }],
  ['proposal delete', 0.3, (c) => { const p = proposal(c); if (p) c.s.proposals.deleteProposal(p.id) }],
  ['proposal restore', 0.3, (c) => { const p = some(c.r, c.s.proposals.getSnapshot().trash); if (p) c.s.proposals.restoreProposal(p.id) }],
  ['media add', 1, (c) => { const m = meeting(c); c.s.media.addMedia({ hash: c.r.pick(['a', 'b', 'c']).repeat(64), kind: c.r.chance(0.7) ? 'photo' : 'voice', mime: 'image/jpeg', size: 1 + c.r.int(300_000), width: 1600, height: 1200, caption: c.r.chance(0.5) ? word(c.r) : '', meetingId: m?.id ?? '' }) }],
  ['media caption', 1, (c) => { const x = some(c.r, c.s.media.getSnapshot().items); if (x) c.s.media.setCaption(x.id, word(c.r)) }],
  ['media delete', 0.3, (c) => { const x = some(c.r, c.s.media.getSnapshot().items); if (x) c.s.media.deleteMedia(x.id) }],
  ['media restore', 0.3, (c) => { const x = some(c.r, c.s.media.getSnapshot().trash); if (x) c.s.media.restoreMedia(x.id) }],
  // stipends
  ['stipend rules', 1, (c) => c.s.stipends.saveSettings({ amountMinor: c.r.int(100_000), currency: c.r.pick(['GBP', 'EUR', 'JPY']), kinds: MEETING_KINDS.filter(() => c.r.chance(0.5)), }),],
  ['payment add', 2, (c) => { const g = group(c); if (g) c.s.stipends.recordPayment({ groupId: g.id, period: `2026-0${1 + c.r.int(9)}`, amountMinor: c.r.int(100_000), paidOn: day(c.r), note: word(c.r), }) }],
  ['payment remove', 1, (c) => { const p = some(c.r, c.s.stipends.payments.getSnapshot().items); if (p) c.s.stipends.removePayment(p.id) }],
  // templates
  ['template save', 1, (c) => c.s.templates.saveTemplate(word(c.r), word(c.r))],
  ['template delete', 1, (c) => { const t = some(c.r, c.s.templates.getSnapshot().items); if (t) c.s.templates.deleteTemplate(t.id) }],
  ['template restore', 1, (c) => { const t = some(c.r, c.s.templates.getSnapshot().trash); if (t) c.s.templates.restoreTemplate(t.id) }],
  // the trash emptied for good
  ['empty trash', 0.2, (c) => c.s.emptyTrash()],
]

const TOTAL = OPERATIONS.reduce((sum, [, weight]) => sum + weight, 0)

/** Runs one weighted-random command on these stores; returns its name. */
export function randomOperation(stores: SpaceStores, random: Random): string {
  let roll = random.next() * TOTAL
  for (const [name, weight, run] of OPERATIONS) {
    roll -= weight
    if (roll < 0) {
      run({ s: stores, r: random })
      return name
    }
  }
  return 'none'
}
