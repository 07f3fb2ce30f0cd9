/**
 * The benchmark space: map 'big' of random-text entries (random so that nothing on the way
 * compresses it), and a hash of its content that both ends compute the same way.
 */
import type * as Y from 'yjs'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** Writes about `bytes` of random text into map 'big' in one transaction. */
export function fillRandom(doc: Y.Doc, bytes: number, entrySize = 4096): void {
  const map = doc.getMap<string>('big')
  doc.transact(() => {
    for (let i = 0; i * entrySize < bytes; i++) {
      const random = crypto.getRandomValues(new Uint8Array(entrySize))
      map.set(`e${i}`, Array.from(random, (b) => ALPHABET[b % ALPHABET.length]).join(''))
    }
  })
}

/** SHA-256 of map 'big' as JSON with sorted keys: equal content, equal hash. */
export async function contentHash(doc: Y.Doc): Promise<string> {
  const json = doc.getMap('big').toJSON()
  const text = JSON.stringify(json, Object.keys(json).sort())
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  )
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}
