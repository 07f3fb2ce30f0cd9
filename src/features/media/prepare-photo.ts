/**
 * A picked or taken photo made ready to store, on the phone: checked to be a raster photo by
 * its first bytes (never by its name), decoded by the browser (JPEG, PNG, WebP, and HEIC where
 * the browser opens it), turned upright, scaled to 1600 px on its long side and encoded again
 * as a JPEG of about 200–300 KB. Encoding through a canvas writes pixels only: the camera's
 * EXIF (with its GPS position) and XMP are not carried over, and the result is checked for
 * them before anything is stored.
 */
import { checkPhotoFile, fitWithin, PHOTO_QUALITY, type PhotoFileError } from '../../domain/media'
import { findMetadata, stripJpegMetadata } from '../../domain/media-metadata'
import { fail, ok, type Result } from '../../domain/result'

export type PhotoError = PhotoFileError | 'cannot-read' | 'metadata'

export interface PreparedPhoto {
  readonly bytes: Uint8Array
  readonly mime: string
  readonly width: number
  readonly height: number
}

const encode = (canvas: HTMLCanvasElement) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY))

export async function preparePhoto(file: Blob): Promise<Result<PreparedPhoto, PhotoError>> {
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer())
  const checked = checkPhotoFile(file.size, head)
  if (!checked.ok) return checked
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return fail('cannot-read') // HEIC on a browser that cannot open it, or a broken file
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) return fail('cannot-read')
    context.fillStyle = '#fff' // a transparent PNG on white, not black
    context.fillRect(0, 0, width, height)
    context.imageSmoothingQuality = 'high'
    context.drawImage(bitmap, 0, 0, width, height)
    const blob = await encode(canvas)
    if (!blob) return fail('cannot-read')
    const encoded = new Uint8Array(await blob.arrayBuffer())
    const bytes = stripJpegMetadata(encoded) ?? encoded
    if (findMetadata(bytes).length > 0) return fail('metadata')
    return ok({ bytes, mime: 'image/jpeg', width, height })
  } finally {
    bitmap.close()
  }
}
