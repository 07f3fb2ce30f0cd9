#!/usr/bin/env node
// Reads the ESSGlobal SKOS vocabularies (Turtle) that a group profile uses and writes the small
// JSON the app ships: src/domain/essglobal-terms.json. Run it again when the reference copy
// changes: node scripts/extract-essglobal.mjs [path/to/reference/essglobal]
//
// The Turtle files are machine-generated and regular, so a small tokenizer is enough; it still
// handles comments, escapes, language tags, datatypes and lists of objects, and fails loudly on
// anything it does not understand instead of writing wrong data.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const referenceDir = resolve(process.argv[2] ?? join(here, '../../shared/reference/essglobal'))
const outFile = join(here, '../src/domain/essglobal-terms.json')

/**
 * Which scheme each profile field uses. Activities: `activities-modified` is the scheme
 * (with activities-ica) in the range of essglobal:economicSector in the current vocabulary,
 * and the one made for mapping solidarity-economy initiatives; the ICA list is for co-operative
 * statistics and the older `activities` scheme is no longer in that range.
 */
const VOCABULARIES = {
  activities: 'standard/activities-modified.ttl',
  legalForm: 'standard/legal-form.ttl',
  organisationalStructure: 'standard/organisational-structure.ttl',
  membershipType: 'standard/base-membership-type.ttl',
}
const COUNTRIES = 'standard/countries-iso.ttl'
const LICENCE_SOURCE = 'vocab/essglobal-vocab.ttl'

const SKOS = 'http://www.w3.org/2004/02/skos/core#'
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'

function tokenize(text, file) {
  const tokens = []
  const pattern =
    /\s+|#[^\n]*|<([^>]*)>|"((?:[^"\\]|\\.)*)"|@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)|\^\^|([A-Za-z][\w-]*)?:([\w.-]*[\w-])?|([;,.])|\b(a)\b/y
  let index = 0
  while (index < text.length) {
    pattern.lastIndex = index
    const match = pattern.exec(text)
    if (!match) throw new Error(`${file}: cannot read Turtle at offset ${index}`)
    index = pattern.lastIndex
    const [whole, iri, string, lang, prefix, local, punct, a] = match
    if (/^\s/.test(whole) || whole.startsWith('#')) continue
    if (iri !== undefined) tokens.push({ kind: 'iri', value: iri })
    else if (string !== undefined)
      tokens.push({ kind: 'string', value: string.replace(/\\(.)/g, unescape) })
    else if (lang !== undefined) tokens.push({ kind: 'lang', value: lang })
    else if (whole === '^^') tokens.push({ kind: 'datatype' })
    else if (whole.includes(':'))
      tokens.push({ kind: 'pname', prefix: prefix ?? '', value: local ?? '' })
    else if (punct !== undefined) tokens.push({ kind: 'punct', value: punct })
    else if (a !== undefined) tokens.push({ kind: 'a' })
  }
  return tokens
}

function unescape(_, char) {
  const map = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'" }
  if (!(char in map)) throw new Error(`unsupported escape \\${char}`)
  return map[char]
}

/** Parses a Turtle file into triples {s, p, o} where o is {iri} or {value, lang}. */
function parseTurtle(file) {
  const tokens = tokenize(readFileSync(file, 'utf8'), file)
  const prefixes = new Map()
  let base = ''
  let at = 0
  const next = () => tokens[at++] ?? fail('unexpected end')
  const peek = () => tokens[at]
  const fail = (why) => {
    throw new Error(`${file}: ${why} at token ${at}`)
  }
  const iri = (token) => {
    if (token.kind === 'iri') return new URL(token.value, base || undefined).href
    if (token.kind === 'pname') {
      if (!prefixes.has(token.prefix)) fail(`unknown prefix ${token.prefix}:`)
      return prefixes.get(token.prefix) + token.value
    }
    if (token.kind === 'a') return RDF_TYPE
    return fail(`expected an IRI, found ${token.kind}`)
  }
  const expectDot = () => {
    const token = next()
    if (token.kind !== 'punct' || token.value !== '.') fail('expected "."')
  }
  const triples = []
  while (at < tokens.length) {
    const token = next()
    if (token.kind === 'lang' && (token.value === 'prefix' || token.value === 'base')) {
      if (token.value === 'prefix') {
        const name = next()
        if (name.kind !== 'pname' || name.value !== '') fail('bad @prefix')
        prefixes.set(name.prefix, iri(next()))
      } else base = iri(next())
      expectDot()
      continue
    }
    const subject = iri(token)
    for (;;) {
      const predicate = iri(next())
      for (;;) {
        const object = next()
        if (object.kind === 'string') {
          let lang = ''
          if (peek()?.kind === 'lang') lang = next().value.toLowerCase()
          else if (peek()?.kind === 'datatype') {
            next()
            iri(next())
          }
          triples.push({ s: subject, p: predicate, o: { value: object.value, lang } })
        } else triples.push({ s: subject, p: predicate, o: { iri: iri(object) } })
        if (peek()?.kind === 'punct' && peek().value === ',') next()
        else break
      }
      const end = next()
      if (end.kind !== 'punct') fail('expected ";" or "."')
      if (end.value === '.') break
      if (end.value !== ';') fail('expected ";" or "."')
      if (peek()?.kind === 'punct' && peek().value === '.') {
        next()
        break
      }
    }
  }
  return triples
}

/** Non-empty labels of one predicate per language, English first. */
function labels(triples, subject, predicate) {
  const found = {}
  for (const { s, p, o } of triples) {
    if (s === subject && p === predicate && o.value?.trim())
      found[o.lang || 'en'] ??= o.value.trim()
  }
  const ordered = Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)))
  return found.en ? { en: found.en, ...ordered } : ordered
}

function readScheme(path) {
  const triples = parseTurtle(join(referenceDir, path))
  const scheme = triples.find((t) => t.p === RDF_TYPE && t.o.iri === `${SKOS}ConceptScheme`)?.s
  if (!scheme) throw new Error(`${path}: no skos:ConceptScheme`)
  const terms = triples
    .filter((t) => t.p === RDF_TYPE && t.o.iri === `${SKOS}Concept`)
    .map((t) => t.s)
    .filter((s) => s.startsWith(scheme))
    .map((s) => ({ id: s.slice(scheme.length), labels: labels(triples, s, `${SKOS}prefLabel`) }))
    .filter((term) => {
      if (!term.labels.en) throw new Error(`${path}: ${term.id} has no English label`)
      return true
    })
    // AM10, AM20 … AM100: numeric order, as the vocabulary lists them.
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
  return { scheme, title: labels(triples, scheme, 'http://purl.org/dc/elements/1.1/title'), terms }
}

// The vocabulary file uses Turtle this reader does not need (blank nodes, lists): its licence
// statement is one line, read directly.
const licenceIri = /\bcc:license\s+<([^>]+)>/.exec(
  readFileSync(join(referenceDir, LICENCE_SOURCE), 'utf8'),
)?.[1]
if (licenceIri !== 'http://creativecommons.org/licenses/by/3.0/')
  throw new Error(`${LICENCE_SOURCE}: expected the CC BY 3.0 licence, found ${licenceIri}`)

const vocabularies = Object.fromEntries(
  Object.entries(VOCABULARIES).map(([key, path]) => [key, readScheme(path)]),
)
const countries = readScheme(COUNTRIES).terms.map((term) => term.id)

const data = {
  attribution: {
    title: 'ESSGlobal vocabularies',
    creator: 'ESSGlobal group of RIPESS; maintained by Digital Commons Co-operative',
    source: 'https://github.com/DigitalCommons/map-sse',
    sourceLabel: 'DigitalCommons/map-sse (GitHub)',
    commit: '0d7ab5a26a4f5c0df00e86b154b1f86148468a41',
    licence: 'CC BY 3.0',
    licenceUrl: licenceIri,
    note: 'Term ids and labels extracted unchanged by scripts/extract-essglobal.mjs.',
  },
  vocabularies,
  countries,
}
writeFileSync(outFile, `${JSON.stringify(data, null, 2)}\n`)
console.log(
  `wrote ${outFile}: ${Object.entries(vocabularies)
    .map(([key, v]) => `${key} ${v.terms.length}`)
    .join(', ')}, countries ${countries.length}`,
)
