// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Meeting } from '../../../src/domain/meeting'
import { ZoneNote } from '../../../src/features/meetings/zone-note'
import { renderInApp } from '../../support/unit-app'

const TZ = process.env.TZ
afterEach(() => {
  cleanup()
  if (TZ === undefined) delete process.env.TZ
  else process.env.TZ = TZ
})

const meeting = (timeZone: string) =>
  ({ startsAt: '2026-12-10T18:30', timeZone }) as Pick<Meeting, 'startsAt' | 'timeZone'> as Meeting

describe('a meeting made in another time zone', () => {
  it('says its zone and the time on this phone’s clock', () => {
    process.env.TZ = 'Europe/London'
    renderInApp(<ZoneNote meeting={meeting('Africa/Cairo')} />)
    expect(screen.getByText('Africa/Cairo time (Dec 10, 2026, 4:30 PM your time)')).toBeTruthy()
  })

  it('says nothing when the zone is this phone’s, or not recorded', () => {
    process.env.TZ = 'Africa/Cairo'
    const { container } = renderInApp(
      <>
        <ZoneNote meeting={meeting('Africa/Cairo')} />
        <ZoneNote meeting={meeting('')} />
      </>,
    )
    expect(container.textContent).toBe('')
  })
})
