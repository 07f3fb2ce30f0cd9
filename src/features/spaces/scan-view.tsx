import { useEffect, useEffectEvent, useId, useRef, useState } from 'react'
import type { Invite } from '../../domain/invite'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import { startQrScan, type ScanProblem } from '../../ui/qr-scan-camera'
import { classifyScan } from './scan-decode'

type ScanStatus = 'starting' | 'scanning' | 'not-an-invite' | ScanProblem

const STATUS_MESSAGES: Record<ScanStatus, MessageKey> = {
  starting: 'join.scanStarting',
  scanning: 'join.scanLooking',
  'not-an-invite': 'join.scanNotInvite',
  denied: 'join.scanDenied',
  'no-camera': 'join.scanNoCamera',
  'camera-failed': 'join.scanCameraFailed',
  'reader-failed': 'join.scanReaderFailed',
}

const isProblem = (status: ScanStatus): status is ScanProblem =>
  status !== 'starting' && status !== 'scanning' && status !== 'not-an-invite'

/**
 * The camera preview while scanning an invite's QR code. The camera runs exactly as long as
 * this is on screen (or until it finds an invite); `onClose` says whether scanning had failed,
 * so the form can send the person to the paste field.
 */
export function ScanView({
  onInvite,
  onClose,
}: {
  readonly onInvite: (invite: Invite) => void
  readonly onClose: (failed: boolean) => void
}) {
  const t = useT()
  const id = useId()
  const video = useRef<HTMLVideoElement>(null)
  const [status, setStatus] = useState<ScanStatus>('starting')
  const found = useEffectEvent((invite: Invite) => onInvite(invite))

  useEffect(() => {
    const element = video.current
    if (!element) return
    return startQrScan(element, {
      classify: classifyScan,
      isFound: (outcome) => outcome.kind === 'invite',
      onScanning: () => setStatus('scanning'),
      onOutcome: (outcome) => {
        if (outcome.kind === 'invite') found(outcome.invite)
        else if (outcome.kind === 'not-an-invite') setStatus('not-an-invite')
      },
      onProblem: setStatus,
    })
  }, [])

  const failed = isProblem(status)
  return (
    <section className="scan-view stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('join.scanTitle')}</h3>
      <video
        ref={video}
        className="scan-video"
        hidden={failed}
        aria-label={t('join.scanVideo')}
        playsInline
        muted
      />
      <p role="status" className={failed || status === 'not-an-invite' ? 'error' : 'hint'}>
        {t(STATUS_MESSAGES[status])}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => onClose(failed)}>
          {t('join.scanCancel')}
        </button>
      </div>
    </section>
  )
}
