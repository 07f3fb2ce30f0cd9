/**
 * The camera while scanning the other phone's room code. Codes of this space (an offer or an
 * answer) end the scan; anything else (another space's code, an expired one, an invite) says
 * why it is refused and the camera keeps looking, so the person can point it at the right one.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import { useT } from '../../i18n/i18n-context'
import type { RoomLinks } from '../../session/session-sync'
import { startQrScan, type ScanProblem } from '../../ui/qr-scan-camera'
import { PROBLEM_MESSAGES, type RoomProblem } from './room-messages'

type Outcome =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'code'; readonly text: string; readonly codeKind: 'offer' | 'answer' }
  | { readonly kind: 'refused'; readonly problem: RoomProblem }

export function RoomScan({
  room,
  onCode,
  onProblem,
  onCancel,
}: {
  readonly room: RoomLinks
  readonly onCode: (text: string, kind: 'offer' | 'answer') => void
  readonly onProblem: (problem: ScanProblem) => void
  readonly onCancel: () => void
}) {
  const t = useT()
  const video = useRef<HTMLVideoElement>(null)
  const [scanning, setScanning] = useState(false)
  const [refused, setRefused] = useState<RoomProblem | undefined>()
  const found = useEffectEvent((text: string, kind: 'offer' | 'answer') => onCode(text, kind))
  const failed = useEffectEvent((problem: ScanProblem) => onProblem(problem))

  useEffect(() => {
    const element = video.current
    if (!element) return
    return startQrScan<Outcome>(element, {
      classify: (texts) => {
        let outcome: Outcome = { kind: 'nothing' }
        for (const text of texts) {
          const read = room.classify(text)
          if (!read) continue // the space's tag is still being computed: next frame
          if (read.ok) return { kind: 'code', text, codeKind: read.value }
          outcome = { kind: 'refused', problem: read.error }
        }
        return outcome
      },
      isFound: (outcome) => outcome.kind === 'code',
      onScanning: () => setScanning(true),
      onOutcome: (outcome) => {
        if (outcome.kind === 'code') found(outcome.text, outcome.codeKind)
        else if (outcome.kind === 'refused') setRefused(outcome.problem)
      },
      onProblem: failed,
    })
  }, [room])

  return (
    <div className="stack room-scan">
      <video
        ref={video}
        className="scan-video"
        aria-label={t('room.scanVideo')}
        playsInline
        muted
      />
      <p role="status" className={refused ? 'error' : 'hint'}>
        {refused
          ? t(PROBLEM_MESSAGES[refused])
          : t(scanning ? 'room.scanLooking' : 'room.scanStarting')}
      </p>
      <button type="button" onClick={onCancel}>
        {t('room.cancel')}
      </button>
    </div>
  )
}
