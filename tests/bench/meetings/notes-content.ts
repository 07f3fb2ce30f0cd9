/**
 * Meeting notes for the benchmark: sentences drawn by a seeded PRNG from words in several of
 * the languages Weave's networks write in, so search has common words, rare ones and none.
 */
const WORDS = (
  'the group we our plans work need network food pantry seed library volunteers hall rent ' +
  'stipend month round news difficulty housing tenants union co-op timebank hours skills ' +
  'bookkeeping grant legal translation training market stall garden compost bicycle repair ' +
  'reunión cooperativa vivienda alimentos semillas asamblea economía solidaria barrio ' +
  'żywność spółdzielnia sąsiedzi حصاد تعاونية agua terra moradia mutirão'
).split(' ')

/** Words planted in a few meetings only, for searches that find a handful. */
export const RARE = ['tractor', 'beekeeping', 'kombucha'] as const

export function seededRandom(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** About `chars` characters of notes in lines of a sentence or two, as people take them. */
export function notesText(random: () => number, chars: number, extra: readonly string[] = []) {
  const lines: string[] = []
  let length = 0
  let planted = [...extra]
  while (length < chars) {
    const count = 6 + Math.floor(random() * 14)
    const words = Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)])
    if (planted.length > 0 && random() < 0.2) {
      words.push(...planted)
      planted = []
    }
    const line = `${words.join(' ')}.`
    lines.push(line)
    length += line.length + 1
  }
  if (planted.length > 0) lines.push(planted.join(' '))
  return lines.join('\n')
}
