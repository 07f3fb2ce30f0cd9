/**
 * A QR reader for camera frames: the browser's own BarcodeDetector where it reads QR codes
 * (Android, macOS, ChromeOS), else the `qr` package's decoder. The decoder is loaded with
 * import() only when someone opens the scanner, so it stays out of the main bundle.
 */
import type { DecodeQR, Image } from 'qr/decode.js'

/** Reads the QR codes on a canvas that holds one camera frame; resolves to their texts. */
export type FrameReader = (
  canvas: HTMLCanvasElement,
  context: CanvasRenderingContext2D,
) => Promise<string[]>

/** The part of the Shape Detection API used here (not yet in TypeScript's DOM types). */
interface NativeBarcodeDetector {
  detect(source: ImageBitmapSource): Promise<readonly { readonly rawValue: string }[]>
}
interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): NativeBarcodeDetector
  getSupportedFormats(): Promise<readonly string[]>
}

async function nativeReader(): Promise<FrameReader | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector
  if (Detector === undefined) return undefined
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return undefined
  } catch {
    return undefined // a detector that cannot even list its formats: use the decoder
  }
  const detector = new Detector({ formats: ['qr_code'] })
  return async (canvas) => (await detector.detect(canvas)).map((code) => code.rawValue)
}

async function decoderReader(): Promise<FrameReader> {
  const { decodeQR } = await import('qr/decode.js')
  return (canvas, context) =>
    Promise.resolve(decodeFrame(decodeQR, context.getImageData(0, 0, canvas.width, canvas.height)))
}

/** Rejects only if the decoder's chunk cannot be loaded. */
export async function loadFrameReader(): Promise<FrameReader> {
  return (await nativeReader()) ?? (await decoderReader())
}

/**
 * Runs the `qr` package's decoder on one RGBA frame. It throws when it finds no code, which
 * for a camera is the normal case (a frame miss), so a throw becomes "no text".
 */
export function decodeFrame(decode: DecodeQR, image: Image): string[] {
  try {
    return [decode(image)]
  } catch {
    return [] // no QR code in this frame: the next one may have it
  }
}
