/**
 * Sync by file and the Yjs floor, measured in the page: exporting the space to the encrypted
 * text file and importing that file into an empty doc (src/sync/space-file.ts, as the app
 * calls it), and Yjs alone applying the same state to a new doc.
 */
import * as Y from 'yjs'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import { exportSpaceFile, importSpaceFile } from '../../../src/sync/space-file'
import { contentHash } from './space-content'

export interface FileRoundTrip {
  readonly fileChars: number
  readonly exportMs: number[]
  readonly importMs: number[]
  /** every imported doc had the exported doc's content */
  readonly same: boolean
}

export function yjsApplyMs(update: Uint8Array, runs: number): number[] {
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const doc = new Y.Doc()
    const start = performance.now()
    Y.applyUpdate(doc, update)
    ms.push(performance.now() - start)
    doc.destroy()
  }
  return ms
}

export async function fileRoundTrip(update: Uint8Array, runs: number): Promise<FileRoundTrip> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const expected = await contentHash(doc)
  const spaceId = newSpaceId()
  const spaceKey = newSpaceKey()
  const exportMs: number[] = []
  const importMs: number[] = []
  let fileChars = 0
  let same = true
  for (let i = 0; i < runs; i++) {
    const exportStart = performance.now()
    const exported = await exportSpaceFile(doc, { spaceId, spaceKey, spaceName: 'Bench' })
    exportMs.push(performance.now() - exportStart)
    if (!exported.ok) throw new Error(`export failed: ${exported.error}`)
    fileChars = exported.value.text.length

    const target = new Y.Doc()
    const importStart = performance.now()
    const imported = await importSpaceFile(target, exported.value.text, { spaceId, spaceKey })
    importMs.push(performance.now() - importStart)
    if (!imported.ok) throw new Error(`import failed: ${imported.error}`)
    same &&= (await contentHash(target)) === expected
    target.destroy()
  }
  doc.destroy()
  return { fileChars, exportMs, importMs, same }
}
