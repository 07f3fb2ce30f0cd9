/**
 * The camera side of scanning a QR code (an invite, a room code): opens the rear camera into a
 * <video>, copies a frame to a canvas every 200 ms, reads it, and reports what it found. Knows
 * nothing of React nor of what the code means (the caller's `classify` says, and whether the
 * scan is done); the function it returns stops everything, and every track of the stream,
 * whenever it is called (also before the camera has answered, so a quick Cancel never leaves
 * the camera on).
 */
import { fail as failWith, ok } from '../domain/result'
import { loadFrameReader, type FrameReader } from './qr-scan-reader'

/** Why scanning cannot go on; each one tells the person what to do instead. */
export type ScanProblem = 'denied' | 'no-camera' | 'camera-failed' | 'reader-failed'

export interface ScanCallbacks<Outcome> {
  /** The texts of the codes in one frame (none or one, usually) → what they mean. */
  readonly classify: (texts: readonly string[]) => Outcome
  /** True when the outcome ends the scan: the camera stops before onOutcome is called. */
  readonly isFound: (outcome: Outcome) => boolean
  /** The camera shows a picture and frames are being read. */
  readonly onScanning: () => void
  /** A frame was read (the camera is already stopped when isFound said so). */
  readonly onOutcome: (outcome: Outcome) => void
  /** Scanning stopped for good (the camera is already stopped). */
  readonly onProblem: (problem: ScanProblem) => void
}

export const SCAN_INTERVAL_MS = 200
/** Larger frames cost time and find no more: a phone held at reading distance fills this. */
const MAX_FRAME_SIDE = 1024

/** True where the browser can offer a camera at all (not on plain http, not in old browsers). */
export function canScan(): boolean {
  const devices = (navigator as Partial<Navigator>).mediaDevices
  return devices !== undefined && 'getUserMedia' in devices
}

export function cameraProblem(error: unknown): ScanProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera'
  return 'camera-failed'
}

export function startQrScan<Outcome>(
  video: HTMLVideoElement,
  callbacks: ScanCallbacks<Outcome>,
): () => void {
  let stopped = false
  // read through a function: TypeScript would otherwise keep its narrowing across the awaits
  const isStopped = () => stopped
  let stream: MediaStream | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const stop = () => {
    stopped = true
    clearTimeout(timer)
    stream?.getTracks().forEach((track) => track.stop())
    stream = undefined
    video.srcObject = null
  }
  const fail = (problem: ScanProblem) => {
    if (isStopped()) return
    stop()
    callbacks.onProblem(problem)
  }

  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d', { willReadFrequently: true })

  const readFrame = async (reader: FrameReader) => {
    if (isStopped()) return
    let texts: string[] = []
    if (context && video.videoWidth > 0 && video.videoHeight > 0) {
      const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(video.videoWidth, video.videoHeight))
      canvas.width = Math.round(video.videoWidth * scale)
      canvas.height = Math.round(video.videoHeight * scale)
      context.drawImage(video, 0, 0, canvas.width, canvas.height)
      try {
        texts = await reader(canvas, context)
      } catch (error) {
        console.warn('QR reader failed', error)
        fail('reader-failed')
        return
      }
    }
    if (isStopped()) return
    const outcome = callbacks.classify(texts)
    if (callbacks.isFound(outcome)) stop() // before anything else: the camera goes off at once
    callbacks.onOutcome(outcome)
    if (!isStopped()) timer = setTimeout(() => void readFrame(reader), SCAN_INTERVAL_MS)
  }

  const start = async () => {
    // load the reader while the person answers the camera prompt; failure comes back as a value
    const loading = loadFrameReader().then(
      (reader) => ok(reader),
      (error: unknown) => failWith('reader-failed', String(error)),
    )
    let media: MediaStream
    try {
      media = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      })
    } catch (error) {
      fail(cameraProblem(error))
      return
    }
    if (isStopped()) {
      media.getTracks().forEach((track) => track.stop()) // cancelled while the prompt was open
      return
    }
    stream = media
    video.srcObject = media
    try {
      await video.play()
    } catch (error) {
      if (isStopped()) return // play() is aborted when the stream is taken away: expected
      console.warn('Camera preview failed', error)
      fail('camera-failed')
      return
    }
    const loaded = await loading
    if (!loaded.ok) {
      console.warn('QR reader could not be loaded', loaded.message)
      fail(loaded.error)
      return
    }
    if (isStopped()) return
    callbacks.onScanning()
    await readFrame(loaded.value)
  }

  start().catch((error: unknown) => {
    console.error('Camera scanning failed', error) // a bug, not a camera answer: say so loudly
    fail('camera-failed')
  })
  return stop
}

/**
 * Asks for the camera and lets it go at once. Before gathering WebRTC candidates this matters:
 * with camera access granted, Chromium offers the phone's real local addresses instead of
 * hiding them behind `.local` names, which some networks cannot resolve.
 */
export async function warmUpCamera(): Promise<ScanProblem | undefined> {
  if (!canScan()) return 'no-camera'
  try {
    const media = await navigator.mediaDevices.getUserMedia({ video: true, audio: false })
    media.getTracks().forEach((track) => track.stop())
    return undefined
  } catch (error) {
    return cameraProblem(error)
  }
}
