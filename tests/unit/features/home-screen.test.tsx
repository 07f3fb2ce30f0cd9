// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSpaceStores } from '../../../src/doc/space-stores'
import type { MeetingFields } from '../../../src/domain/meeting'
import type { SkillId } from '../../../src/domain/skills'
import { HomeScreen } from '../../../src/features/home/home-screen'
import { type AppServices } from '../../../src/session/app-services'
import type { SpaceSession } from '../../../src/session/session'
import type { SpaceRecord } from '../../../src/storage/types'
import { meetingFields, needEntry, offerEntry } from '../../support/fixtures'
import { phoneWithSpace, renderInApp } from '../../support/unit-app'

let services: AppServices
let space: SpaceRecord
let session: SpaceSession
let release: () => void

beforeEach(async () => {
  ;({ services, space, session, release } = await phoneWithSpace('home-screen', 'Food Network', {
    displayName: 'Amina',
  }))
})

afterEach(() => {
  cleanup()
  release()
})

function open() {
  window.history.replaceState(null, '', `/spaces/${space.id}/home`)
  return renderInApp(<HomeScreen session={session} space={space} />, services)
}

/** What another phone (Ben's) did, arriving the way sync delivers it: as a Yjs update. */
function fromBen(change: (stores: ReturnType<typeof createSpaceStores>) => void) {
  const ben = createSpaceStores(undefined, { author: () => 'Ben' })
  Y.applyUpdate(ben.doc, Y.encodeStateAsUpdate(session.doc))
  change(ben)
  act(() => Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(ben.doc)))
}

const section = (name: string | RegExp) => screen.getByRole('region', { name })
const hrefOf = (link: HTMLElement) => link.getAttribute('href')
const meeting = (over: Partial<MeetingFields>) =>
  meetingFields({ startsAt: '2099-03-12T18:30', ...over })

describe('space home', () => {
  it('tells a new space its one next step: add a group, then invite someone', async () => {
    open()
    const add = screen.getByRole('link', { name: 'Add your first group' })
    expect(hrefOf(add)).toBe(`/spaces/${space.id}/groups/new`)
    expect(screen.queryByRole('region', { name: /New since|Recent changes/ })).toBeNull()
    expect(screen.getByText('No meeting planned yet.')).toBeTruthy()
    expect(hrefOf(screen.getByRole('link', { name: 'New meeting' }))).toBe(
      `/spaces/${space.id}/meetings/new`,
    )

    act(() => void session.stores.groups.addGroup({ name: 'Riverside Pantry', summary: '' }))
    const invite = await screen.findByRole('link', { name: 'Invite someone' })
    expect(hrefOf(invite)).toBe(`/spaces/${space.id}/share`)
    // once the space has left this phone, the home stops asking
    await act(() => services.markShared(space.id))
    expect(screen.queryByRole('link', { name: 'Invite someone' })).toBeNull()
  })

  it('shows what others changed since this phone last looked, each leading to it', async () => {
    const pantry = session.stores.groups.addGroup({ name: 'Riverside Pantry', summary: '' })
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5))
    await tick()
    await services.markLooked(space.id)
    await tick()
    session.stores.groups.addGroup({ name: 'My own group', summary: '' }) // by Amina, here
    session.stores.meetings.addMeeting(meeting({ title: 'My own meeting' }))
    fromBen((ben) => {
      ben.groups.updateGroup(pantry, { summary: 'Food for all' })
      const renters = ben.groups.addGroup({ name: 'Leeds Renters', summary: '' })
      ben.skills.addEntry(needEntry(renters, 'skill-bookkeeping' as SkillId, { urgency: 'now' }))
      ben.meetings.addMeeting(meeting({ title: 'Spring gathering' }))
    })
    open()
    const news = section('New since you last looked')
    const renters = within(news).getByRole('link', { name: /New group: Leeds Renters/ })
    expect(renters.textContent).toContain('Ben')
    const changed = within(news).getByRole('link', { name: /Riverside Pantry: profile changed/ })
    expect(hrefOf(changed)).toBe(`/spaces/${space.id}/groups/${pantry}`)
    const gathering = within(news).getByRole('link', { name: /Meeting added: Spring gathering/ })
    expect(gathering.textContent).toContain('Ben')
    const need = within(news).getByRole('link', { name: /Leeds Renters needs Bookkeeping/ })
    expect(need.textContent).toContain('Ben') // offers and needs say who, like groups
    expect(hrefOf(need)).toBe(`/spaces/${space.id}/skills/skill/skill-bookkeeping`)
    // what this phone's person did is not news to them
    expect(within(news).queryByText(/My own group/)).toBeNull()
    expect(within(news).queryByText(/My own meeting/)).toBeNull()

    // looking again later: nothing new since
    cleanup()
    await services.markLooked(space.id)
    open()
    within(section('New since you last looked')).getByText('Nothing new since you last looked.')
  })

  it('answers “are you coming?” for the next meeting from the home, in one tap', () => {
    const meetings = session.stores.meetings
    meetings.addMeeting(meeting({ title: 'Long ago', startsAt: '2001-01-01T10:00' }))
    const next = meetings.addMeeting(meeting({ title: 'Seed swap' }))
    open()
    const coming = within(section('Next meeting')).getByRole('group', {
      name: 'Are you coming to Seed swap?',
    })
    const going = within(coming).getByRole('button', { name: 'Going' })
    expect(going.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(going)
    const answers = meetings.getSnapshot().byId.get(next)?.rsvps
    expect(answers?.map((r) => [r.name, r.answer])).toEqual([['Amina', 'going']])
    expect(going.getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(within(coming).getByRole('button', { name: 'Not going' }))
    expect(
      meetings
        .getSnapshot()
        .byId.get(next)
        ?.rsvps.map((r) => r.answer),
    ).toEqual(['no'])
  })

  it('asks nothing about a meeting that is over', () => {
    session.stores.meetings.addMeeting(meeting({ title: 'Long ago', startsAt: '2001-01-01T10:00' }))
    open()
    expect(within(section('Last meeting')).queryByRole('group')).toBeNull()
  })

  it('leads to the next meeting, and lists my group’s open actions and the needs it could meet', async () => {
    const groups = session.stores.groups
    const pantry = groups.addGroup({ name: 'Riverside Pantry', summary: '' })
    const renters = groups.addGroup({ name: 'Leeds Renters', summary: '' })
    groups.addPerson(pantry, { name: 'Sam' })
    const meetings = session.stores.meetings
    meetings.addMeeting(meeting({ title: 'Long ago', startsAt: '2001-01-01T10:00' }))
    const next = meetings.addMeeting(
      meeting({ title: 'Book-keeping workshop', place: 'Hall', groupIds: [pantry] }),
    )
    meetings.addMeeting(meeting({ title: 'Later still', startsAt: '2100-01-01T10:00' }))
    meetings.addAction(next, { what: 'Book the hall', who: 'Sam', due: '' })
    meetings.addAction(next, { what: 'Bring the urn', who: '', due: '' })
    meetings.addAction(next, { what: 'Print flyers', who: 'Someone else', due: '' })
    const skillId = 'skill-bookkeeping' as SkillId
    session.stores.skills.addEntry(needEntry(renters, skillId, { urgency: 'now' }))
    session.stores.skills.addEntry(offerEntry(pantry, skillId))
    open()
    const nextMeeting = within(section('Next meeting')).getByRole('link', {
      name: /Book-keeping workshop/,
    })
    expect(hrefOf(nextMeeting)).toBe(`/spaces/${space.id}/meetings/${next}`)
    expect(nextMeeting.textContent).toContain('Hall')

    // no group chosen yet: the home asks, right where the needs would be
    const choose = screen.getByRole('combobox', { name: 'Which group is this phone’s?' })
    fireEvent.change(choose, { target: { value: pantry } })
    const actions = await screen.findByRole('region', { name: 'Open actions for Riverside Pantry' })
    within(actions).getByRole('link', { name: /Book the hall/ })
    within(actions).getByRole('link', { name: /Bring the urn/ }) // at a meeting the group took part in
    expect(within(actions).queryByText(/Print flyers/)).toBeNull()
    const needs = section('Needs Riverside Pantry could meet')
    const need = within(needs).getByRole('link', { name: /Leeds Renters needs Bookkeeping/ })
    expect(hrefOf(need)).toBe(`/spaces/${space.id}/groups/${renters}`)
    expect(need.textContent).toContain('Needed now')
    await waitFor(() => expect(services.device.getSnapshot().myGroups[space.id]).toBe(pantry))
  })
})
