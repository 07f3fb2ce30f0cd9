#!/usr/bin/env node
// How hard the English help texts are to read: the Flesch-Kincaid grade of every message of
// 12 words or more (labels are left out), with the hardest listed first. Grade 4 is a reading
// age of about nine, which is what Weave aims for. Prints figures; asserts nothing: the
// formula counts syllables by rule of thumb, so treat it as a pointer to texts worth rewording.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const catalog = JSON.parse(
  readFileSync(join(import.meta.dirname, '../src/i18n/catalogs/en.json'), 'utf8'),
)

function syllables(word) {
  const w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w === '') return 0
  let count = (w.match(/[aeiouy]+/g) ?? []).length
  if (w.endsWith('e') && !w.endsWith('le') && count > 1) count--
  return Math.max(1, count)
}

const rows = []
for (const [key, message] of Object.entries(catalog)) {
  // placeholders and plural branches read as one word each
  const text = message.replace(/\{[^{}]*\{[^{}]*\}[^{}]*\}/g, 'x').replace(/\{[^}]*\}/g, 'x')
  const words = text.match(/[A-Za-z’']+/g) ?? []
  if (words.length < 12) continue
  const sentences = Math.max(1, (text.match(/[.!?](\s|$)/g) ?? []).length)
  const grade =
    0.39 * (words.length / sentences) +
    11.8 * (words.reduce((n, w) => n + syllables(w), 0) / words.length) -
    15.59
  rows.push({ grade: Math.round(grade * 10) / 10, key, text: message.slice(0, 90) })
}
rows.sort((a, b) => b.grade - a.grade)
const grades = rows.map((r) => r.grade).sort((a, b) => a - b)
const median = grades[Math.floor(grades.length / 2)] ?? 0
console.log(
  `${rows.length} help texts: median grade ${median}; ${rows.filter((r) => r.grade <= 6).length} at grade 6 or below`,
)
console.table(rows.slice(0, 15))
