/**
 * Runs in Chromium, on the app's own origin, for scripts/bench-meetings.mjs: builds spaces
 * through the real storage layer (Dexie update log and snapshot, the database the app opens),
 * so the app then opens them as it would a space used for years. Also times, without any UI,
 * opening the big space from storage and the search filter over it. Figures only.
 */
import { createSpaceStores, createSpaceDoc, initialiseSchema } from '../../../src/doc/space-stores'
import { fromTextHandle } from '../../../src/doc/text-handle'
import { newSpaceId, newSpaceKey, type GroupId, type SpaceId } from '../../../src/domain/ids'
import {
  createSearchCache,
  filterMeetings,
  MEETING_KINDS,
  type Meeting,
  type MeetingFields,
} from '../../../src/domain/meeting'
import { openWeaveDb } from '../../../src/storage/db'
import { createDeviceRepo } from '../../../src/storage/device-repo'
import { attachPersistence } from '../../../src/storage/persistence'
import { createSpaceRepo } from '../../../src/storage/space-repo'
import { notesText, RARE, seededRandom } from './notes-content'

export interface SeededSpace {
  readonly spaceId: string
  readonly meetingId: string
  readonly meetings: number
  readonly notesChars: number
  readonly storedBytes: number
  readonly buildMs: number
}

const pad = (n: number) => String(n).padStart(2, '0')

async function storedBytes(db: ReturnType<typeof openWeaveDb>, spaceId: SpaceId) {
  const rows = await db.updates.where('spaceId').equals(spaceId).toArray()
  const snapshot = await db.snapshots.get(spaceId)
  return rows.reduce((n, r) => n + r.update.byteLength, 0) + (snapshot?.state.byteLength ?? 0)
}

/**
 * A space of `meetings` meetings whose notes add up to about `notesChars` characters, with
 * attending groups, an agenda, decisions and actions. Rare words go into a few notes; the
 * last meeting's notes are `longNoteChars` long when given.
 */
async function seedSpace(
  name: string,
  meetings: number,
  notesChars: number,
  seed: number,
  longNoteChars = 0,
) {
  const started = performance.now()
  const db = openWeaveDb()
  const spaceId = newSpaceId()
  const now = Date.now()
  await createDeviceRepo(db).saveProfile({ displayName: 'Bench', colour: '#2f6f4f' })
  const added = await createSpaceRepo(db).addSpace({
    id: spaceId,
    name,
    key: newSpaceKey(),
    settings: { signallingUrls: [], iceServers: [] },
    createdAt: now,
    openedAt: now,
  })
  if (!added.ok) throw new Error(added.message)
  const doc = createSpaceDoc()
  const persistence = attachPersistence(db, spaceId, doc)
  await persistence.whenLoaded
  initialiseSchema(doc)
  const stores = createSpaceStores(doc)
  const random = seededRandom(seed)
  const groups: GroupId[] = Array.from({ length: Math.min(20, meetings) }, (_, i) =>
    stores.groups.addGroup({ name: `Group ${i + 1}`, summary: '' }),
  )
  let meetingId = ''
  let chars = 0
  for (let i = 0; i < meetings; i++) {
    const year = 2018 + Math.floor(i / 250)
    const month = 1 + (Math.floor(i / 20) % 12)
    const day = 1 + (i % 28)
    const fields: MeetingFields = {
      title: `${['Dialogue space', 'Workshop', 'Group meeting'][i % 3] ?? ''} ${i + 1}`,
      kind: MEETING_KINDS[i % MEETING_KINDS.length] ?? 'dialogue',
      startsAt: `${year}-${pad(month)}-${pad(day)}T18:30`,
      place: 'Community hall',
      facilitator: 'Ana',
      noteTaker: 'Ben',
      groupIds: groups.filter(() => random() < 0.2),
      people: [],
    }
    const rare = RARE.filter((_, r) => i % (400 + r * 100) === 7)
    const last = i === meetings - 1 && longNoteChars > 0
    const text = notesText(random, last ? longNoteChars : Math.round(notesChars / meetings), rare)
    chars += text.length
    const id = stores.meetings.addMeeting(fields, text)
    meetingId = id
    for (const point of ['Round of news', 'Stipends', 'Next meeting'])
      stores.meetings.addAgendaItem(id, point)
    stores.meetings.recordDecision(id, { text: `Decision ${i}`, method: 'consent', outcome: '' })
    stores.meetings.addAction(id, { what: `Send the minutes ${i}`, who: 'Ben', due: '' })
  }
  await persistence.destroy()
  const bytes = await storedBytes(db, spaceId)
  db.close()
  const result: SeededSpace = {
    spaceId,
    meetingId,
    meetings,
    notesChars: chars,
    storedBytes: bytes,
    buildMs: performance.now() - started,
  }
  return result
}

const median = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2
}

/**
 * Opens a stored space without any UI (a new doc loading from IndexedDB, then its meetings
 * read), then runs the list's search filter for each query `repeats` times.
 */
async function timeWithoutUi(spaceId: SpaceId, queries: readonly string[], repeats: number) {
  const db = openWeaveDb()
  const started = performance.now()
  const doc = createSpaceDoc()
  const persistence = attachPersistence(db, spaceId, doc)
  await persistence.whenLoaded
  const loadedMs = performance.now() - started
  const stores = createSpaceStores(doc)
  const { items } = stores.meetings.getSnapshot()
  const readMs = performance.now() - started - loadedMs
  const notesOf = (m: Meeting) => stores.meetings.notesText(m.id)
  const search = queries.map((query) => {
    const filter = { query, kind: '' as const, groupId: '' }
    // cold: nothing folded yet (the first query after opening); warm: the list's cache in use
    const cold: number[] = []
    const warm: number[] = []
    let found = 0
    for (let r = 0; r < repeats; r++) {
      let t0 = performance.now()
      const cache = createSearchCache()
      filterMeetings(items, filter, notesOf, cache)
      cold.push(performance.now() - t0)
      t0 = performance.now()
      found = filterMeetings(items, filter, notesOf, cache).length
      warm.push(performance.now() - t0)
    }
    return { query, found, coldMs: median(cold), warmMs: median(warm) }
  })
  // What one keystroke in one meeting's notes costs the list's snapshot (re-read, warm)
  const rebuilds: number[] = []
  const target = items[0]
  for (let r = 0; target && r < 10; r++) {
    fromTextHandle(stores.meetings.notesOf(target.id)!).insert(0, 'x')
    const t0 = performance.now()
    stores.meetings.getSnapshot()
    rebuilds.push(performance.now() - t0)
  }
  await persistence.destroy()
  db.close()
  return { loadedMs, readMs, meetings: items.length, search, rebuildMs: median(rebuilds) }
}

const api = { seedSpace, timeWithoutUi }

declare global {
  interface Window {
    meetingsBench: typeof api
  }
}

window.meetingsBench = api
