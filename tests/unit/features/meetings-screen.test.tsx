// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MeetingsScreen } from '../../../src/features/meetings/meetings-screen'
import { createTranslator, englishCatalog } from '../../../src/i18n/translate'
import { type AppServices } from '../../../src/session/app-services'
import type { Session } from '../../../src/session/session'
import { navigate } from '../../../src/ui/router'
import { undoStore } from '../../../src/ui/undo'
import { meetingFields } from '../../support/fixtures'
import { phoneWithSpace, renderInApp } from '../../support/unit-app'

let services: AppServices
let session: Session
let release: () => void
let base: string

// The screen runs inside the app's services, as in the app (the minutes name the network).
beforeEach(async () => {
  const phone = await phoneWithSpace('meetings-screen')
  ;({ services, session, release } = phone)
  base = `/spaces/${phone.space.id}/meetings`
  window.history.replaceState(null, '', base)
})

afterEach(() => {
  cleanup()
  release()
})

const fields = meetingFields

function renderScreen() {
  return renderInApp(<MeetingsScreen session={session} />, services)
}

const detailsFirst = 'Or set the title, date and groups first'
const go = (path: string) => act(() => navigate(path))
const shownTitles = () => screen.queryAllByRole('link').map((a) => a.textContent)

describe('meetings screen', () => {
  it('filters the list by kind of meeting and by group taking part', () => {
    const pantry = session.stores.groups.addGroup({ name: 'Riverside Pantry', summary: '' })
    const seeds = session.stores.groups.addGroup({ name: 'Seed Library', summary: '' })
    const meetings = session.stores.meetings
    meetings.addMeeting(fields({ title: 'March round', groupIds: [pantry, seeds] }))
    meetings.addMeeting(fields({ title: 'Ledger workshop', kind: 'workshop', groupIds: [seeds] }))
    meetings.addMeeting(fields({ title: 'Pantry meeting', kind: 'group-meeting' }))
    renderScreen()
    // the meetings come first: search and filters open from Filter
    expect(screen.queryByRole('search')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }))
    const search = screen.getByRole('search', { name: 'Find meetings' })
    const status = within(search).getByRole('status')
    expect(status.textContent).toBe('3 of 3 meetings')

    const kind = within(search).getByRole('combobox', { name: 'Kind of meeting' })
    fireEvent.change(kind, { target: { value: 'workshop' } })
    expect(status.textContent).toBe('1 of 3 meetings')
    expect(shownTitles()).toContain('Ledger workshop')
    expect(shownTitles()).not.toContain('March round')

    fireEvent.change(kind, { target: { value: '' } })
    const group = within(search).getByRole('combobox', { name: 'With the group' })
    fireEvent.change(group, { target: { value: pantry } })
    expect(status.textContent).toBe('1 of 3 meetings')
    expect(shownTitles()).toContain('March round')
    fireEvent.change(group, { target: { value: seeds } })
    expect(status.textContent).toBe('2 of 3 meetings')
    fireEvent.change(kind, { target: { value: 'dialogue' } })
    expect(status.textContent).toBe('1 of 3 meetings') // both filters at once
    expect(shownTitles()).not.toContain('Ledger workshop')
  })

  it('shows past meetings fifty at a time, and search finds the ones not shown yet', () => {
    for (let i = 0; i < 120; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0')
      const year = 2000 + Math.floor(i / 28)
      session.stores.meetings.addMeeting(
        fields({ title: `Round ${i}`, startsAt: `${year}-01-${day}T18:00` }),
      )
    }
    renderScreen()
    const past = screen.getByRole('region', { name: 'Past' })
    const cards = () => within(past).getAllByRole('link').length
    expect(cards()).toBe(50)
    expect(within(past).getByRole('link', { name: 'Round 119' })).toBeTruthy() // most recent first
    fireEvent.click(within(past).getByRole('button', { name: 'Show 50 more past meetings' }))
    expect(cards()).toBe(100)
    fireEvent.click(within(past).getByRole('button', { name: 'Show 20 more past meetings' }))
    expect(cards()).toBe(120)
    expect(within(past).queryByRole('button')).toBeNull()

    cleanup()
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }))
    fireEvent.change(screen.getByRole('searchbox', { name: /Search titles/ }), {
      target: { value: 'round 0' },
    })
    expect(screen.getByRole('link', { name: 'Round 0' })).toBeTruthy() // the oldest, not on page one
  })

  it('writes both numbers of the count the same way, thousands included', () => {
    const t = createTranslator('en', englishCatalog)
    expect(t('meetings.count', { shown: 2000, total: 2000 })).toBe('2,000 of 2,000 meetings')
  })

  it('saves a meeting’s notes as a template, offers it for a new meeting, deletes it', () => {
    const notes = 'Round of news:\nWhat we need:\n'
    const id = session.stores.meetings.addMeeting(fields({ title: 'April round' }), notes)
    window.history.replaceState(null, '', `${base}/${id}`)
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Use these notes again' }))
    const section = screen.getByRole('region', { name: 'Use these notes again' })
    const name = within(section).getByRole('textbox', { name: 'Template name' })
    const save = within(section).getByRole('button', { name: 'Save these notes as a template' })

    fireEvent.click(save)
    expect(within(section).getByRole('alert').textContent).toBe('Please give the template a name.')
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(name)
    expect(session.stores.templates.getSnapshot().items).toEqual([]) // nothing saved

    fireEvent.change(name, { target: { value: 'Our round' } })
    fireEvent.click(save)
    expect(within(section).getByRole('status').textContent).toMatch(/Template “Our round” added/)
    expect(name).toHaveProperty('value', '')
    fireEvent.change(name, { target: { value: 'our ROUND' } })
    fireEvent.click(save)
    expect(within(section).getByRole('alert').textContent).toMatch(/already has a template/)
    expect(session.stores.templates.getSnapshot().items).toHaveLength(1)

    go(`${base}/new`)
    expect(screen.getByRole('button', { name: 'Our round' })).toBeTruthy() // one tap to start
    fireEvent.click(screen.getByRole('button', { name: detailsFirst }))
    const choice = screen.getByRole('combobox', { name: 'Start the notes from' })
    const option = within(choice).getByRole('option', { name: 'Our round' })
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), {
      target: { value: 'May round' },
    })
    fireEvent.change(choice, { target: { value: (option as HTMLOptionElement).value } })
    fireEvent.click(screen.getByRole('button', { name: 'Create meeting' }))
    const made = session.stores.meetings.getSnapshot().items.find((m) => m.title === 'May round')
    expect(made && session.stores.meetings.notesText(made.id)).toBe(notes)

    go(`${base}/templates`)
    const list = screen.getByRole('list', { name: "This space's templates" })
    expect(within(list).getByText('Our round')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Delete template: Our round' }))
    expect(screen.getByText('This space has no templates of its own yet.', { exact: false }))
    fireEvent.click(screen.getByRole('button', { name: 'Restore template: Our round' }))
    expect(screen.getByRole('status').textContent).toBe('Template “Our round” is back.')
    fireEvent.click(screen.getByRole('button', { name: 'Delete template: Our round' }))
    go(`${base}/new`)
    expect(screen.queryByRole('button', { name: 'Our round' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: detailsFirst }))
    const again = screen.getByRole('combobox', { name: 'Start the notes from' })
    expect(within(again).queryByRole('option', { name: 'Our round' })).toBeNull()
  })

  it('lists the people who came, offering the people of the groups taking part, once each', () => {
    const pantry = session.stores.groups.addGroup({ name: 'Riverside Pantry', summary: '' })
    session.stores.groups.addPerson(pantry, { name: 'Amina Yusuf', role: 'Treasurer' })
    go(`${base}/new`)
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: detailsFirst }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), {
      target: { value: 'April round' },
    })
    fireEvent.click(screen.getByRole('checkbox', { name: 'Riverside Pantry' }))
    const known = document.querySelector('datalist')
    expect([...(known?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual([
      'Amina Yusuf',
    ])
    const name = screen.getByRole('combobox', { name: 'Name of a person' })
    fireEvent.change(name, { target: { value: 'Amina Yusuf' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }))
    fireEvent.change(name, { target: { value: 'Jo' } })
    fireEvent.keyDown(name, { key: 'Enter' })
    fireEvent.change(name, { target: { value: 'amina yusuf ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }))
    expect(screen.getByRole('alert').textContent).toBe('amina yusuf is already on the list.')
    fireEvent.click(screen.getByRole('button', { name: 'Remove Jo' }))
    fireEvent.click(screen.getByRole('button', { name: 'Create meeting' }))
    const [meeting] = session.stores.meetings.getSnapshot().items
    expect(meeting?.people).toEqual(['Amina Yusuf'])
  })

  it('makes a meeting from a template in one tap, titled from the template and the date', () => {
    session.stores.groups.addGroup({ name: 'Seed Library', summary: '' })
    go(`${base}/new`)
    renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'A dialogue round (a section per group)' }))
    const [meeting] = session.stores.meetings.getSnapshot().items
    expect(meeting).toMatchObject({ kind: 'dialogue', groupIds: [], people: [] })
    const today = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' }).format(
      new Date(),
    )
    expect(meeting?.title).toBe(`Dialogue space, ${today}`)
    expect(session.stores.meetings.notesText(meeting!.id)).toMatch(/^## Seed Library\nOur work: /)
    expect(window.location.pathname).toBe(`${base}/${meeting!.id}`)
  })

  it('takes the register by ticking people and groups, and adds a new person to their group', () => {
    const pantry = session.stores.groups.addGroup({ name: 'Riverside Pantry', summary: '' })
    const seeds = session.stores.groups.addGroup({ name: 'Seed Library', summary: '' })
    session.stores.groups.addPerson(pantry, { name: 'Amina Yusuf', role: 'Treasurer' })
    const id = session.stores.meetings.addMeeting(fields({ title: 'April round' }))
    go(`${base}/${id}`)
    renderScreen()
    const meeting = () => session.stores.meetings.getSnapshot().byId.get(id)!
    fireEvent.click(screen.getByRole('button', { name: 'Who came · 0 people, 0 groups' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Amina Yusuf' }))
    expect(meeting()).toMatchObject({ people: ['Amina Yusuf'], groupIds: [pantry] })

    const newcomer = screen.getByRole('textbox', { name: 'New person in Seed Library' })
    fireEvent.change(newcomer, { target: { value: 'Jo' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add to Seed Library' }))
    expect(meeting().people).toEqual(['Amina Yusuf', 'Jo'])
    expect(meeting().groupIds).toEqual([pantry, seeds].sort())
    const library = session.stores.groups.getSnapshot().byId.get(seeds)
    expect(library?.people.map((p) => p.name)).toEqual(['Jo'])
    expect(screen.getByRole('button', { name: 'Who came · 2 people, 2 groups' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Counts for stipends: 2 groups' })).toBeTruthy()

    fireEvent.click(screen.getByRole('checkbox', { name: 'Riverside Pantry' })) // the group left
    expect(meeting().groupIds).toEqual([seeds])
    expect(meeting().people).toEqual(['Amina Yusuf', 'Jo']) // and who came is kept
  })

  it('edits an agenda point in place, reorders it with icon buttons and takes it off with Undo', () => {
    const id = session.stores.meetings.addMeeting(fields({ title: 'April round' }))
    for (const text of ['Budgt', 'Seed bank']) session.stores.meetings.addAgendaItem(id, text)
    go(`${base}/${id}`)
    renderScreen()
    const points = () =>
      session.stores.meetings
        .getSnapshot()
        .byId.get(id)!
        .agenda.map((a) => a.text)
    fireEvent.click(screen.getByRole('button', { name: 'Agenda · 2' }))
    fireEvent.click(screen.getByRole('button', { name: 'Edit: Budgt' }))
    const field = screen.getByRole('textbox', { name: 'Agenda point' })
    fireEvent.change(field, { target: { value: ' ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByRole('alert').textContent).toBe('Please write the agenda point.')
    expect(points()).toEqual(['Budgt', 'Seed bank']) // nothing changed
    fireEvent.change(field, { target: { value: 'Budget' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    fireEvent.click(screen.getByRole('button', { name: 'Move up: Seed bank' }))
    expect(points()).toEqual(['Seed bank', 'Budget'])
    fireEvent.click(screen.getByRole('button', { name: 'Take off: Budget' }))
    expect(points()).toEqual(['Seed bank'])
    const offer = undoStore.getSnapshot()
    expect(offer?.message).toBe('“Budget” taken off the agenda.')
    act(() => offer?.undo())
    expect(points()).toEqual(['Seed bank', 'Budget'])
  })

  it('answers “are you coming?” on an upcoming meeting with one tap, and counts the answers', () => {
    const id = session.stores.meetings.addMeeting(
      fields({ title: 'Seed swap', startsAt: '2099-05-01T18:00' }),
    )
    go(`${base}/${id}`)
    renderScreen()
    const coming = screen.getByRole('group', { name: 'Are you coming?' })
    fireEvent.click(within(coming).getByRole('button', { name: 'Maybe' }))
    screen.getByText('Please write your name first, so others know who is coming.')
    expect(session.stores.meetings.getSnapshot().byId.get(id)?.rsvps).toEqual([])
    fireEvent.change(screen.getByRole('textbox', { name: 'Your name' }), {
      target: { value: 'Nadia' },
    })
    fireEvent.click(within(coming).getByRole('button', { name: 'Maybe' }))
    const answers = session.stores.meetings.getSnapshot().byId.get(id)?.rsvps
    expect(answers?.map((r) => [r.name, r.answer])).toEqual([['Nadia', 'maybe']])
    expect(within(coming).getByRole('button', { name: 'Maybe' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
    screen.getByText('0 going · 1 maybe · 0 not going')
  })

  it('keeps a meeting in this phone’s time zone unless changed, and in the one chosen when it is', () => {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone
    const elsewhere = here === 'Africa/Cairo' ? 'Asia/Karachi' : 'Africa/Cairo'
    renderScreen()
    go(`${base}/new`)
    fireEvent.click(screen.getByRole('button', { name: detailsFirst }))
    expect(screen.getByText(`Time zone: ${here}`)).toBeTruthy() // one line, no list in the way
    expect(screen.queryByRole('combobox', { name: 'Time zone of the meeting' })).toBeNull()
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Online dialogue' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Change' }))
    fireEvent.change(screen.getByRole('combobox', { name: 'Time zone of the meeting' }), {
      target: { value: elsewhere },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Create meeting' }))
    const made = () =>
      session.stores.meetings.getSnapshot().items.find((m) => m.title === 'Online dialogue')
    expect(made()?.timeZone).toBe(elsewhere)

    // editing it opens on its own zone, and a change is saved
    go(`${base}/${made()!.id}/edit`)
    const zone = screen.getByRole('combobox', { name: 'Time zone of the meeting' })
    expect((zone as HTMLSelectElement).value).toBe(elsewhere)
    fireEvent.change(zone, { target: { value: 'UTC' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(made()?.timeZone).toBe('UTC')
  })
})
