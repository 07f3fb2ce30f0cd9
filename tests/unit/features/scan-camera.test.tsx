// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { JoinForm } from '../../../src/features/spaces/join-form'
import { renderInApp } from '../../support/unit-app'

/** A camera whose answer the test controls, with tracks that record being stopped. */
function fakeCamera() {
  const track = { stop: vi.fn() }
  const stream = new MediaStream()
  Object.defineProperty(stream, 'getTracks', { value: () => [track] })
  let answer: { resolve: (s: MediaStream) => void; reject: (e: unknown) => void } | undefined
  const getUserMedia = vi.fn(
    () =>
      new Promise<MediaStream>((resolve, reject) => {
        answer = { resolve, reject }
      }),
  )
  Object.defineProperty(navigator, 'mediaDevices', {
    value: { getUserMedia },
    configurable: true,
  })
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
  return {
    track,
    getUserMedia,
    grant: () => answerWith(() => answer?.resolve(stream)),
    refuse: (name: string) => answerWith(() => answer?.reject(new DOMException('no', name))),
  }
}

/** The camera answers; then the scanner gets a turn to act on it. */
const answerWith = (give: () => void) =>
  act(async () => {
    give()
    await new Promise((settled) => setTimeout(settled, 0))
  })

function renderForm() {
  return renderInApp(<JoinForm />)
}

const openScanner = () => fireEvent.click(screen.getByRole('button', { name: 'Scan a QR code' }))

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  Reflect.deleteProperty(navigator, 'mediaDevices')
})

describe('scanning an invite with the camera', () => {
  it('offers no scan button where the browser has no camera API (plain http)', () => {
    renderForm()
    expect(screen.queryByRole('button', { name: 'Scan a QR code' })).toBeNull()
    expect(screen.getByRole('textbox', { name: 'Invite link' })).toBeTruthy()
  })

  it('asks for the rear camera and turns it off when the scanner is closed', async () => {
    const camera = fakeCamera()
    renderForm()
    openScanner()
    expect(camera.getUserMedia).toHaveBeenCalledWith({
      video: { facingMode: { ideal: 'environment' } },
      audio: false,
    })
    expect(screen.getByLabelText('Camera view for scanning the invite’s QR code')).toBeTruthy()
    await camera.grant()
    // the decoder is loaded on first use; then the scanner says what to do
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Point the camera/))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel scanning' }))
    expect(camera.track.stop).toHaveBeenCalled()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Scan a QR code' }))
  })

  it('turns the camera off when it answers after the scanner was closed', async () => {
    const camera = fakeCamera()
    renderForm()
    openScanner()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel scanning' }))
    await camera.grant()
    expect(camera.track.stop).toHaveBeenCalled()
  })

  it('turns the camera off when the screen goes away', async () => {
    const camera = fakeCamera()
    const { unmount } = renderForm()
    openScanner()
    await camera.grant()
    unmount()
    expect(camera.track.stop).toHaveBeenCalled()
  })

  it('points to pasting when the camera is refused or missing', async () => {
    const camera = fakeCamera()
    renderForm()
    openScanner()
    await camera.refuse('NotAllowedError')
    expect(screen.getByRole('status').textContent).toMatch(
      /not allowed to use the camera\. Paste the invite link/,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Cancel scanning' }))
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Invite link' }))

    openScanner()
    await camera.refuse('NotFoundError')
    expect(screen.getByRole('status').textContent).toMatch(/No camera was found.*Paste/)
  })
})
