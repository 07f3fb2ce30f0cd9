/**
 * Recording a voice note with the phone's microphone: MediaRecorder with Opus where the browser
 * has it (Chromium, Firefox), what iPhone Safari records otherwise (MP4/AAC); at a speech
 * bitrate, so five minutes stay near 1 MB. The sound level for the meter comes from an
 * AnalyserNode; the length is measured here (a recorded WebM says none of its own).
 */
import { VOICE_MAX_MS } from '../../domain/media'
import { fail, ok, type Result } from '../../domain/result'

const TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4', 'audio/webm']

export interface Recorded {
  readonly blob: Blob
  readonly mime: string
  readonly durationMs: number
}

export interface Recording {
  /** Milliseconds recorded so far. */
  elapsed(): number
  /** The sound level now, 0 to 1. */
  level(): number
  stop(): Promise<Recorded>
  /** Stops and throws the recording away. */
  cancel(): void
}

export type RecordError = 'unsupported' | 'no-microphone'

export async function startRecording(
  onCapped: () => void,
): Promise<Result<Recording, RecordError>> {
  // missing in old browsers and in insecure contexts, despite the DOM types
  const devices = navigator.mediaDevices as MediaDevices | undefined
  if (typeof MediaRecorder === 'undefined' || !devices) return fail('unsupported')
  let stream: MediaStream
  try {
    stream = await devices.getUserMedia({ audio: true })
  } catch (error) {
    return fail('no-microphone', String(error))
  }
  const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type))
  const recorder = new MediaRecorder(stream, {
    ...(mimeType ? { mimeType } : {}),
    audioBitsPerSecond: 32_000,
  })
  const chunks: Blob[] = []
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data)
  })
  const audio = new AudioContext()
  const analyser = audio.createAnalyser()
  analyser.fftSize = 512
  audio.createMediaStreamSource(stream).connect(analyser)
  const samples = new Uint8Array(analyser.fftSize)
  const started = performance.now()
  let stoppedAt: number | undefined
  const release = () => {
    for (const track of stream.getTracks()) track.stop()
    void audio.close()
  }
  const stopped = new Promise<Recorded>((resolve) => {
    recorder.addEventListener('stop', () => {
      release()
      const mime = recorder.mimeType || mimeType || 'audio/webm'
      resolve({
        blob: new Blob(chunks, { type: mime }),
        mime,
        durationMs: Math.min(VOICE_MAX_MS, (stoppedAt ?? performance.now()) - started),
      })
    })
  })
  const stop = () => {
    if (recorder.state !== 'inactive') {
      stoppedAt = performance.now()
      recorder.stop()
    }
    return stopped
  }
  const cap = setTimeout(() => {
    onCapped()
    void stop()
  }, VOICE_MAX_MS)
  recorder.start(1_000)
  return ok({
    elapsed: () => (stoppedAt ?? performance.now()) - started,
    level() {
      analyser.getByteTimeDomainData(samples)
      let sum = 0
      for (const sample of samples) sum += ((sample - 128) / 128) ** 2
      return Math.min(1, Math.sqrt(sum / samples.length) * 3)
    },
    stop() {
      clearTimeout(cap)
      return stop()
    },
    cancel() {
      clearTimeout(cap)
      void stop()
    },
  })
}
