/**
 * A blob: URL for a photo's or voice note's bytes on this phone, made while a screen shows it
 * and revoked when it stops; 'missing' while the bytes are not here (shown as a placeholder),
 * looked up again whenever bytes arrive (session.media tells us) until they are.
 */
import { useEffect, useState } from 'react'
import type { MediaRecord } from '../../domain/media'
import type { Session } from '../../session/session'

export type MediaUrl =
  | { readonly state: 'loading' }
  | { readonly state: 'missing' }
  | { readonly state: 'ready'; readonly url: string }

export function useMediaUrl(session: Session, record: MediaRecord): MediaUrl {
  const media = session.media
  const [found, setFound] = useState<{ hash: string; url: MediaUrl }>()
  const { hash, mime } = record
  useEffect(() => {
    let live = true
    let url: string | undefined
    const look = async () => {
      const blob = await media.blobOf({ hash, mime })
      if (!live || url) return
      if (!blob) return setFound({ hash, url: { state: 'missing' } })
      url = URL.createObjectURL(blob)
      setFound({ hash, url: { state: 'ready', url } })
    }
    const unsubscribe = media.subscribe(() => void (url ? undefined : look()))
    void look()
    return () => {
      live = false
      unsubscribe()
      if (url) URL.revokeObjectURL(url)
    }
  }, [media, hash, mime])
  return found?.hash === hash ? found.url : { state: 'loading' }
}
