import encodeQR from 'qr'
import { decodeQR, type Image } from 'qr/decode.js'
import { describe, expect, it } from 'vitest'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import { formatInvite, type Invite } from '../../../src/domain/invite'
import { classifyScan } from '../../../src/features/spaces/scan-decode'
import { decodeFrame } from '../../../src/ui/qr-scan-reader'

const invite: Invite = { spaceId: newSpaceId(), key: newSpaceKey(), name: 'Food Network' }
const link = formatInvite('https://weave.example', invite)

/** A camera-like RGBA frame: the code drawn black on white, `scale` pixels a module. */
function frameOf(text: string, scale = 4): Image {
  const modules = encodeQR(text, 'raw', { border: 4 })
  const side = modules.length * scale
  const data = new Uint8ClampedArray(side * side * 4).fill(255)
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const at = ((y * scale + dy) * side + x * scale + dx) * 4
          data.fill(0, at, at + 3)
        }
    }),
  )
  return { width: side, height: side, data }
}

describe('reading an invite from a camera frame', () => {
  it('finds the invite in a frame showing its QR code', () => {
    expect(classifyScan(decodeFrame(decodeQR, frameOf(link)))).toEqual({ kind: 'invite', invite })
  })

  it('reads a frame with no code as nothing, so scanning goes on quietly', () => {
    const blank = { width: 200, height: 150, data: new Uint8ClampedArray(200 * 150 * 4).fill(255) }
    expect(decodeFrame(decodeQR, blank)).toEqual([])
    expect(classifyScan([])).toEqual({ kind: 'nothing' })
  })

  it('says so when the code is not a Weave invite', () => {
    expect(classifyScan(decodeFrame(decodeQR, frameOf('hello')))).toEqual({
      kind: 'not-an-invite',
    })
    expect(classifyScan(['https://weave.example/'])).toEqual({ kind: 'not-an-invite' })
    // a damaged invite (key cut short) is not joined either
    expect(classifyScan([link.slice(0, link.indexOf('key=') + 10)])).toEqual({
      kind: 'not-an-invite',
    })
  })

  it('takes the invite when a frame holds it beside another code', () => {
    expect(classifyScan(['hello', link])).toEqual({ kind: 'invite', invite })
  })
})
