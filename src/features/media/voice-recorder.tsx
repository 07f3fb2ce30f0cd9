/**
 * Recording a voice note in place (WhatsApp's pattern, with taps instead of holding): one tap
 * starts, a visible timer and sound level show it is listening, one tap stops; then listen
 * before saving, add a caption if you like, and save, record again or discard. Stops by itself
 * at five minutes and says so. Loaded when first asked for.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { CAPTION_MAX, formatDuration, VOICE_MAX_MS } from '../../domain/media'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { Icon } from '../../ui/icons'
import { SAVE_ERRORS } from './media-labels'
import { startRecording, type Recorded, type Recording } from './recorder'

type Phase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'recording'; readonly recording: Recording }
  | { readonly kind: 'review'; readonly recorded: Recorded; readonly url: string }

export default function VoiceRecorder({
  session,
  meetingId,
  onDone,
}: {
  session: Session
  meetingId: string
  /** Closes the recorder, with what to say (saved, or why not). */
  onDone: (message: string) => void
}) {
  const t = useT()
  const captionId = useId()
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' })
  const [attempt, setAttempt] = useState(0)
  const [now, setNow] = useState({ elapsed: 0, level: 0 })
  const [note, setNote] = useState('')
  const [caption, setCaption] = useState('')
  const [saving, setSaving] = useState(false)
  const stopButton = useRef<HTMLButtonElement>(null)

  // start on open (the tap on "Record voice note" was the start), and again on "Record again"
  useEffect(() => {
    let live = true
    let recording: Recording | undefined
    void startRecording(() => setNote(t('media.capped'))).then((started) => {
      if (!live) return started.ok && started.value.cancel()
      if (!started.ok)
        return onDone(t(started.error === 'unsupported' ? 'media.noRecorder' : 'media.noMic'))
      recording = started.value
      setPhase({ kind: 'recording', recording })
    })
    return () => {
      live = false
      recording?.cancel()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt])

  useEffect(() => {
    if (phase.kind !== 'recording') return
    stopButton.current?.focus()
    const { recording } = phase
    const timer = setInterval(() => {
      setNow({ elapsed: recording.elapsed(), level: recording.level() })
      if (recording.elapsed() >= VOICE_MAX_MS) void finish(recording)
    }, 100)
    return () => clearInterval(timer)
  }, [phase])

  useEffect(
    () => () => (phase.kind === 'review' ? URL.revokeObjectURL(phase.url) : undefined),
    [phase],
  )

  async function finish(recording: Recording) {
    const recorded = await recording.stop()
    setPhase((current) =>
      current.kind === 'recording'
        ? { kind: 'review', recorded, url: URL.createObjectURL(recorded.blob) }
        : current,
    )
  }

  async function save(recorded: Recorded) {
    setSaving(true)
    const saved = await session.media.save({
      kind: 'voice',
      mime: recorded.mime,
      bytes: new Uint8Array(await recorded.blob.arrayBuffer()),
      durationMs: Math.round(recorded.durationMs),
      caption,
      meetingId,
    })
    setSaving(false)
    if (saved.ok) return onDone(t('media.voiceSaved'))
    if (saved.error === 'caption-too-long') return setNote(t(SAVE_ERRORS[saved.error]))
    onDone(t(SAVE_ERRORS[saved.error]))
  }

  const max = formatDuration(VOICE_MAX_MS, t.locale)
  return (
    <div className="media-recorder stack" role="group" aria-label={t('media.recorder')}>
      {phase.kind === 'starting' && <p className="hint">{t('media.micStarting')}</p>}
      {phase.kind === 'recording' && (
        <>
          <p className="media-timer">
            <span className="media-dot" aria-hidden="true" />
            <span role="timer" aria-label={t('media.recording')}>
              {t('media.timer', { time: formatDuration(now.elapsed, t.locale), max })}
            </span>
          </p>
          <meter
            className="media-level"
            min={0}
            max={1}
            value={now.level}
            aria-label={t('media.level')}
          />
          <button
            ref={stopButton}
            type="button"
            className="primary"
            onClick={() => void finish(phase.recording)}
          >
            <Icon name="stop" size={20} />
            {t('media.stop')}
          </button>
        </>
      )}
      {phase.kind === 'review' && (
        <>
          <p className="hint">
            {t('media.listen', { length: formatDuration(phase.recorded.durationMs, t.locale) })}
          </p>
          <audio controls src={phase.url} aria-label={t('media.preview')} />
          <div className="field">
            <label htmlFor={captionId}>{t('media.caption')}</label>
            <input
              id={captionId}
              value={caption}
              maxLength={CAPTION_MAX}
              onChange={(e) => setCaption(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={saving}
              onClick={() => void save(phase.recorded)}
            >
              {t('media.saveVoice')}
            </button>
            <button
              type="button"
              onClick={() => {
                setPhase({ kind: 'starting' })
                setAttempt(attempt + 1)
              }}
            >
              {t('media.recordAgain')}
            </button>
            <button type="button" onClick={() => onDone(t('media.discarded'))}>
              {t('media.discard')}
            </button>
          </div>
        </>
      )}
      <p role="status" className="notice">
        {note}
      </p>
    </div>
  )
}
