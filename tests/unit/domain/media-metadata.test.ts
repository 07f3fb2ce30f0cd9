import { describe, expect, it } from 'vitest'
import { findMetadata, stripJpegMetadata } from '../../../src/domain/media-metadata'
import { exifWithGps, greyJpeg } from '../../support/jpeg'

const text = (bytes: Uint8Array) => String.fromCharCode(...bytes)

describe('photo metadata', () => {
  it('finds the GPS position in a camera JPEG’s EXIF, and XMP and comments', () => {
    expect(findMetadata(greyJpeg({ gps: true }))).toEqual(['exif', 'gps'])
    expect(findMetadata(greyJpeg({ gps: true, xmp: true }))).toEqual([
      'exif',
      'gps',
      'xmp',
      'comment',
    ])
    expect(findMetadata(greyJpeg({ gps: false }))).toEqual([])
  })

  it('strips EXIF with GPS, XMP and comments and keeps the image as it was', () => {
    const camera = greyJpeg({ gps: true, xmp: true })
    expect(text(camera)).toContain('Exif')
    const stripped = stripJpegMetadata(camera)
    if (!stripped) throw new Error('not read as a JPEG')
    expect(findMetadata(stripped)).toEqual([])
    for (const trace of ['Exif', 'ns.adobe.com', 'GPSLatitude', 'Example Street'])
      expect(text(stripped)).not.toContain(trace)
    // the same picture: what the plain camera JPEG holds, byte for byte
    expect(stripped).toEqual(greyJpeg({ gps: false }))
  })

  it('finds EXIF with GPS in a WebP too, and reads a non-JPEG as nothing to strip', () => {
    const tiff = exifWithGps()
    const chunk = (id: string, data: number[]) => [
      ...Array.from(id, (c) => c.charCodeAt(0)),
      data.length & 0xff,
      (data.length >> 8) & 0xff,
      0,
      0,
      ...data,
      ...(data.length % 2 ? [0] : []),
    ]
    const body = Array.from('WEBP', (c) => c.charCodeAt(0)).concat(chunk('EXIF', tiff))
    const webp = new Uint8Array([
      ...Array.from('RIFF', (c) => c.charCodeAt(0)),
      0,
      0,
      0,
      0,
      ...body,
    ])
    expect(findMetadata(webp)).toEqual(['exif', 'gps'])
    expect(stripJpegMetadata(webp)).toBeUndefined()
  })
})
