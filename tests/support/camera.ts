/**
 * What Chromium's fake camera shows a page: a one-frame 640x480 YUV4MPEG2 (4:2:0) video of a
 * text as a QR code, black on white with a quiet zone, played in a loop. The camera opens the
 * file each time a page asks for it, so rewriting the file between scans changes what the next
 * scan sees. Launch with `--use-fake-device-for-media-stream` and
 * `--use-file-for-fake-video-capture=<file>`.
 */
import { writeFileSync } from 'node:fs'
import encodeQR from 'qr'

export function writeQrVideo(file: string, text: string): string {
  const [width, height] = [640, 480]
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 4 })
  const scale = Math.floor(height / modules.length)
  const left = Math.floor((width - modules.length * scale) / 2)
  const top = Math.floor((height - modules.length * scale) / 2)
  const luma = Buffer.alloc(width * height, 235) // video white
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return
      for (let dy = 0; dy < scale; dy++) {
        const start = (top + y * scale + dy) * width + left + x * scale
        luma.fill(16, start, start + scale) // video black
      }
    }),
  )
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128) // no colour
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`),
      luma,
      chroma,
    ]),
  )
  return file
}
