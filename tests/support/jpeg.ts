/**
 * A real, decodable JPEG built byte by byte: a flat grey baseline image (every 8×8 block has
 * only its DC value), optionally carrying an EXIF block with a GPS position, as a phone camera
 * writes one. Tests feed it to the photo pipeline and check the position does not come out.
 */

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff]
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff]
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))

const segment = (marker: number, data: readonly number[]) => [
  0xff,
  marker,
  ...u16(data.length + 2),
  ...data,
]

/** The position the EXIF block carries: 51° 30′ N, 0° 7′ W (London). */
export const GPS_LATITUDE = [51, 30, 0]
export const GPS_LONGITUDE = [0, 7, 0]

/** A little-endian TIFF block whose first directory points to a GPS directory. */
export function exifWithGps(): number[] {
  const gpsIfd = 8 + 2 + 12 + 4 // header, IFD0 with one entry, its next-IFD pointer
  const gpsEntries = 4
  const gpsData = gpsIfd + 2 + gpsEntries * 12 + 4
  const rational = (values: readonly number[]) => values.flatMap((v) => [...le32(v), ...le32(1)])
  const entry = (tag: number, type: number, count: number, value: readonly number[]) => [
    ...le16(tag),
    ...le16(type),
    ...le32(count),
    ...value,
  ]
  return [
    ...ascii('II'),
    ...le16(42),
    ...le32(8),
    // IFD0: GPSInfo → the GPS directory
    ...le16(1),
    ...entry(0x8825, 4, 1, le32(gpsIfd)),
    ...le32(0),
    // GPS directory: latitude and longitude with their N/W references
    ...le16(gpsEntries),
    ...entry(0x0001, 2, 2, [...ascii('N'), 0, 0, 0]),
    ...entry(0x0002, 5, 3, le32(gpsData)),
    ...entry(0x0003, 2, 2, [...ascii('W'), 0, 0, 0]),
    ...entry(0x0004, 5, 3, le32(gpsData + 24)),
    ...le32(0),
    ...rational(GPS_LATITUDE),
    ...rational(GPS_LONGITUDE),
  ]
}

export interface JpegOptions {
  /** multiples of 8 */
  readonly width?: number
  readonly height?: number
  /** adds an EXIF block with a GPS position */
  readonly gps?: boolean
  /** adds an XMP block and a comment too */
  readonly xmp?: boolean
}

export function greyJpeg({ width = 64, height = 48, gps = true, xmp = false }: JpegOptions = {}) {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8)
  // Each block: DC category 0 (code "0"), then end of block (code "0"): two bits of 0.
  const scan = new Array<number>(Math.ceil((blocks * 2) / 8)).fill(0)
  const usedBits = (blocks * 2) % 8
  if (usedBits > 0) scan[scan.length - 1] = (1 << (8 - usedBits)) - 1 // pad with ones
  const oneCodeTable = (tableClass: number): number[] => [
    tableClass << 4,
    1,
    ...new Array<number>(15).fill(0),
    0,
  ]
  const bytes = [
    0xff,
    0xd8,
    ...segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...(gps ? segment(0xe1, [...ascii('Exif'), 0, 0, ...exifWithGps()]) : []),
    ...(xmp
      ? [
          ...segment(0xe1, [
            ...ascii('http://ns.adobe.com/xap/1.0/'),
            0,
            ...ascii('<x:xmpmeta><exif:GPSLatitude>51,30N</exif:GPSLatitude></x:xmpmeta>'),
          ]),
          ...segment(0xfe, ascii('Taken at 12 Example Street')),
        ]
      : []),
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0]),
    ...segment(0xc4, oneCodeTable(0)),
    ...segment(0xc4, oneCodeTable(1)),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]
  return new Uint8Array(bytes)
}
