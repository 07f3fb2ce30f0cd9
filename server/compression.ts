/* Compression: phones on slow links download a third of the bytes. Files are compressed once
   per version (etag) and kept in memory; the built app is small. */
import fsp from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

export type Encoding = 'br' | 'gzip'

const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.map',
])
const cache = new Map<string, Promise<Buffer>>()
const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

export function compressible(file: string): boolean {
  return COMPRESSIBLE.has(path.extname(file).toLowerCase())
}

/** The best encoding the client accepts, from its Accept-Encoding header. */
export function pickEncoding(header: string | undefined): Encoding | null {
  const accepted = (header ?? '').split(',').map((part) => part.trim().split(';')[0])
  if (accepted.includes('br')) return 'br'
  if (accepted.includes('gzip')) return 'gzip'
  return null
}

/** The file's compressed bytes, computed once per (encoding, file, etag). */
export function compressed(file: string, etag: string, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding} ${file} ${etag}`
  let body = cache.get(key)
  if (!body) {
    if (cache.size > 500) cache.clear() // bounded: a rebuild adds new files
    body = fsp
      .readFile(file)
      .then((data) =>
        encoding === 'br'
          ? brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
          : gzip(data, { level: 9 }),
      )
    body.catch(() => cache.delete(key))
    cache.set(key, body)
  }
  return body
}
