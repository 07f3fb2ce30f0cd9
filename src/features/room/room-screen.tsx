/**
 * Sync in the room: two phones side by side, no internet, no server. This phone shows its code
 * (1), scans the other phone's (2), and both show the same check number; then they sync like
 * any live link. Whoever scans first answers: scanning an offer shows an answer code for the
 * first phone to scan back (the pattern of WhatsApp's "link a device", done both ways). Every
 * failure says what happened in plain words, with the sync file on the same screen.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import type { RoomLinks, RoomLinkStatus, RoomOffer } from '../../session/session-sync'
import type { SpaceRecord } from '../../session/types'
import { warmUpCamera } from '../../ui/qr-scan-camera'
import { Page } from '../../ui/page'
import { RoomFallback } from './room-fallback'
import { PROBLEM_MESSAGES, type RoomProblem } from './room-messages'
import { RoomCheck as Check, RoomCodeCard, RoomLinkList } from './room-parts'
import { RoomScan } from './room-scan'
import './room.css'

type Phase =
  | { readonly name: 'intro' }
  | { readonly name: 'preparing' }
  | { readonly name: 'showing' }
  | { readonly name: 'scanning' }
  | { readonly name: 'answering'; readonly code: string; readonly check: string }
  | { readonly name: 'connecting'; readonly check: string }
  | { readonly name: 'connected'; readonly check: string }
  | { readonly name: 'failed'; readonly problem: RoomProblem }

const NO_LINKS: readonly RoomLinkStatus[] = []
const noop = () => () => undefined

export function RoomScreen({ session, space }: { session: Session; space: SpaceRecord }) {
  const t = useT()
  const room = session.sync?.room
  const links = useSyncExternalStore(room?.subscribe ?? noop, room?.getSnapshot ?? (() => NO_LINKS))
  const [phase, setPhase] = useState<Phase>(room ? { name: 'intro' } : unavailable)
  const [offer, setOffer] = useState<RoomOffer | undefined>()
  /** pairing objects to close when the screen goes (never a link that opened) */
  const pending = useRef(new Set<{ close(): void }>())

  useEffect(() => {
    const open = pending.current
    return () => {
      for (const item of open) item.close()
      open.clear()
    }
  }, [])

  const forget = (item: { close(): void }) => pending.current.delete(item)
  const drop = (item: { close(): void } | undefined) => {
    if (!item) return
    item.close()
    forget(item)
  }

  async function makeOffer(rooms: RoomLinks) {
    const made = await rooms.offer()
    if (!made.ok) return setPhase({ name: 'failed', problem: made.error })
    pending.current.add(made.value)
    setOffer((old) => {
      drop(old)
      return made.value
    })
    setPhase((current) => (current.name === 'preparing' ? { name: 'showing' } : current))
  }

  // a code lives two minutes: while it is on screen, a fresh one replaces it when it expires
  useEffect(() => {
    if (!room || !offer || phase.name !== 'showing') return
    const timer = setTimeout(() => void makeOffer(room), offer.expiresAt - Date.now())
    return () => clearTimeout(timer)
    // makeOffer only sets state
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room, offer, phase.name])

  async function start(rooms: RoomLinks) {
    setPhase({ name: 'preparing' })
    await warmUpCamera() // a refusal shows when scanning; the code is made either way
    await makeOffer(rooms)
  }

  async function opened(result: Awaited<ReturnType<RoomOffer['acceptAnswer']>>, rooms: RoomLinks) {
    if (!result.ok) return setPhase({ name: 'failed', problem: result.error })
    const { check } = result.value
    setPhase({ name: 'connecting', check })
    const open = await result.value.opened
    if (!open.ok) return setPhase({ name: 'failed', problem: open.error })
    await rooms.add(open.value)
    setPhase({ name: 'connected', check })
  }

  async function scanned(rooms: RoomLinks, text: string, kind: 'offer' | 'answer') {
    if (kind === 'answer' && offer) {
      const accepted = await offer.acceptAnswer(text)
      if (accepted.ok) forget(offer)
      setOffer(undefined)
      return opened(accepted, rooms)
    }
    if (kind === 'answer') return setPhase({ name: 'failed', problem: 'not-for-this-offer' })
    // the other phone showed its offer first: answer it, and this phone's own offer goes
    drop(offer)
    setOffer(undefined)
    setPhase({ name: 'preparing' })
    const answer = await rooms.answer(text)
    if (!answer.ok) return setPhase({ name: 'failed', problem: answer.error })
    pending.current.add(answer.value)
    const { check, code } = answer.value
    setPhase({ name: 'answering', code, check })
    const open = await answer.value.opened
    if (!open.ok) return setPhase({ name: 'failed', problem: open.error })
    forget(answer.value)
    await rooms.add(open.value)
    setPhase({ name: 'connected', check })
  }

  const restart = () => {
    drop(offer)
    setOffer(undefined)
    if (room) void start(room)
  }

  return (
    <Page title={t('room.title')} className="room">
      {phase.name === 'intro' && (
        <>
          <p>{t('room.intro')}</p>
          <p className="hint">{t('room.cameraNote')}</p>
          <button type="button" className="primary" onClick={restart}>
            {t('room.start')}
          </button>
        </>
      )}
      {phase.name === 'preparing' && (
        <p role="status" className="hint" aria-busy="true">
          {t('room.preparing')}
        </p>
      )}
      {phase.name === 'showing' && room && offer && (
        <>
          <RoomCodeCard code={offer.code} step={t('room.step1')} />
          <p className="room-step">{t('room.step2')}</p>
          <button type="button" className="primary" onClick={() => setPhase({ name: 'scanning' })}>
            {t('room.scan')}
          </button>
          <p className="hint">{t('room.codeLifetime')}</p>
        </>
      )}
      {phase.name === 'scanning' && room && (
        <RoomScan
          room={room}
          onCode={(text, kind) => void scanned(room, text, kind)}
          onProblem={(problem) => setPhase({ name: 'failed', problem })}
          onCancel={() => setPhase(offer ? { name: 'showing' } : { name: 'intro' })}
        />
      )}
      {phase.name === 'answering' && (
        <>
          <RoomCodeCard code={phase.code} step={t('room.answerStep')} check={phase.check} />
          <p role="status" className="hint">
            {t('room.waiting')}
          </p>
        </>
      )}
      {phase.name === 'connecting' && (
        <>
          <Check value={phase.check} />
          <p role="status" className="hint">
            {t('room.connecting')}
          </p>
        </>
      )}
      {phase.name === 'connected' && <Check value={phase.check} />}
      {phase.name === 'failed' && (
        <>
          <p role="alert" className="error">
            {t(PROBLEM_MESSAGES[phase.problem])}
          </p>
          {room && (
            <button type="button" className="primary" onClick={restart}>
              {t('room.tryAgain')}
            </button>
          )}
        </>
      )}
      <RoomLinkList links={links} />
      {phase.name === 'connected' && (
        <button type="button" onClick={restart}>
          {t('room.another')}
        </button>
      )}
      {phase.name === 'failed' && <RoomFallback session={session} space={space} />}
    </Page>
  )
}

const unavailable: Phase = { name: 'failed', problem: 'unavailable' }
