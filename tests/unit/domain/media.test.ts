import { describe, expect, it } from 'vitest'
import {
  checkPhotoFile,
  fitWithin,
  formatDuration,
  PHOTO_INPUT_MAX_BYTES,
  sha256Hex,
  sniffImage,
} from '../../../src/domain/media'
import { greyJpeg } from '../../support/jpeg'

const bytes = (text: string) => new TextEncoder().encode(text)
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const WEBP = new Uint8Array([...bytes('RIFF'), 1, 2, 3, 4, ...bytes('WEBPVP8 ')])
const HEIC = new Uint8Array([0, 0, 0, 24, ...bytes('ftypheic'), 0, 0, 0, 0])

describe('photo files', () => {
  it('tells formats from their first bytes, whatever the file is called', () => {
    expect(sniffImage(greyJpeg())).toBe('jpeg')
    expect(sniffImage(PNG)).toBe('png')
    expect(sniffImage(WEBP)).toBe('webp')
    expect(sniffImage(HEIC)).toBe('heic')
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('svg')
    expect(sniffImage(bytes('\uFEFF <?xml version="1.0"?>\n<svg></svg>'))).toBe('svg')
    expect(sniffImage(bytes('GIF89a'))).toBe('other')
    expect(sniffImage(bytes('%PDF-1.7'))).toBe('other')
  })

  it('refuses an SVG, another kind of file, an empty file and a 50 MB one', () => {
    const svg = bytes('<svg onload="alert(1)"></svg>')
    expect(checkPhotoFile(svg.length, svg)).toEqual({ ok: false, error: 'svg' })
    expect(checkPhotoFile(10, bytes('GIF89a'))).toEqual({ ok: false, error: 'not-a-photo' })
    expect(checkPhotoFile(0, new Uint8Array())).toEqual({ ok: false, error: 'empty' })
    expect(checkPhotoFile(50 * 1024 * 1024, greyJpeg())).toEqual({ ok: false, error: 'too-large' })
    expect(checkPhotoFile(PHOTO_INPUT_MAX_BYTES, greyJpeg())).toEqual({ ok: true, value: 'jpeg' })
    expect(checkPhotoFile(HEIC.length, HEIC)).toEqual({ ok: true, value: 'heic' })
  })

  it('scales the long side down to 1600 px, never up', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 })
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 })
  })
})

describe('media helpers', () => {
  it('writes lengths as m:ss, in the digits of the language', () => {
    expect(formatDuration(3_000, 'en')).toBe('0:03')
    expect(formatDuration(299_400, 'en')).toBe('4:59')
    expect(formatDuration(3_000, 'ar-EG')).toBe('٠:٠٣')
  })

  it('hashes bytes with SHA-256 as lowercase hex', async () => {
    expect(await sha256Hex(bytes('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })
})
