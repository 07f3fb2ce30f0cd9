import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import type { GroupFields, Visibilities } from '../../../src/domain/group'
import { VISIBILITY_FIELDS } from '../../../src/domain/group'
import {
  exportMurmurationsProfile,
  importMurmurationsText,
  importMurmurationsValue,
  MURMURATIONS_IMPORT_MAX_BYTES,
  type MurmurationsOrganisation,
} from '../../../src/domain/murmurations'

// The schemas are GPL-3.0 reference files: loaded here, by tests only, never by src/.
const reference = join(import.meta.dirname, '../../../../shared/reference/murmurations')
const BASE = 'https://test-library.murmurations.network/v2/'

let validators: Record<string, ValidateFunction>

beforeAll(() => {
  // Ajv does not know the https draft-07 URI the files declare, and the files use two
  // annotation keywords of their own; their relative $refs resolve once every file has an $id.
  const ajv = new Ajv({ allErrors: true })
  ajv.addVocabulary(['metadata', 'enumNames'])
  const load = (folder: string, file: string, id: string) => {
    const schema = JSON.parse(readFileSync(join(reference, folder, file), 'utf8')) as Record<
      string,
      unknown
    >
    delete schema.$schema
    ajv.addSchema({ ...schema, $id: id })
  }
  for (const file of readdirSync(join(reference, 'fields')))
    load('fields', file, `${BASE}fields/${file}`)
  for (const name of ['default-v2.1.0', 'organizations_schema-v1.0.0'])
    load('schemas', `${name}.json`, `${BASE}schemas/${name}`)
  validators = Object.fromEntries(
    ['default-v2.1.0', 'organizations_schema-v1.0.0'].map((name) => {
      const validate = ajv.getSchema(`${BASE}schemas/${name}`)
      if (!validate) throw new Error(`schema ${name} did not load`)
      return [name, validate]
    }),
  )
})

/** Validates as the Murmurations index does: default first, then every linked schema. */
function expectValid(profile: MurmurationsOrganisation) {
  const results = ['default-v2.1.0', ...profile.linked_schemas].map((name) => {
    const validate = validators[name]
    if (!validate) return { name, errors: ['unknown schema'] }
    return { name, errors: validate(profile) ? [] : validate.errors }
  })
  expect(results).toEqual(results.map(({ name }) => ({ name, errors: [] })))
}

/** The object without some keys (a copy). */
function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !keys.includes(key as K)),
  ) as Omit<T, K>
}

const allPublic: Visibilities = Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, 'public']))

const full: GroupFields = {
  name: 'Leeds Food Co-op',
  summary: 'Bulk buying for 40 households',
  story: 'We started in a church hall in 2012 and now run a weekly food stall.',
  place: { locality: 'Leeds', region: 'West Yorkshire', country: 'GB' },
  scope: 'local',
  activities: ['AM60', 'AM120'],
  legalForm: 'L2',
  organisationalStructure: 'OS80',
  membershipType: 'BMT10',
  yearFounded: 2012,
  memberCount: 40,
  languages: ['en', 'ur', 'pt-BR'],
  website: 'https://leedsfood.example.org',
  contacts: {
    email: 'hello@leedsfood.example.org',
    phone: '+44 113 496 0000',
    other: 'https://social.example/@leedsfood',
  },
  status: 'on-hold',
  joinedAt: '2024-03-01',
  visibility: allPublic,
}

describe('export to a Murmurations organisation profile', () => {
  it('exports a profile with every field filled that passes both schemas', () => {
    const result = exportMurmurationsProfile(full)
    if (!result.ok) throw new Error(result.error)
    expectValid(result.value)
    expect(result.value).toEqual({
      linked_schemas: ['organizations_schema-v1.0.0'],
      name: 'Leeds Food Co-op',
      description: 'Bulk buying for 40 households',
      mission: 'We started in a church hall in 2012 and now run a weekly food stall.',
      primary_url: 'https://leedsfood.example.org',
      tags: [
        'Food',
        'Reduce, Reuse, Repair & Recycle',
        'Cooperative',
        'Consumer/User coops',
        'Consumer/Users',
      ],
      status: 'on_hold',
      locality: 'Leeds',
      region: 'West Yorkshire',
      country_iso_3166: 'GB',
      country_name: 'United Kingdom',
      geographic_scope: 'local',
      starts_at: Date.UTC(2012, 0, 1) / 1000,
      number_of_members: 40,
      knows_language: ['en', 'ur', 'pt-BR'],
      contact_details: { email: 'hello@leedsfood.example.org' },
      telephone: '+44 113 496 0000',
      urls: [{ name: 'other', url: 'https://social.example/@leedsfood' }],
    })
  })

  it('exports a profile with only a name that passes both schemas', () => {
    const result = exportMurmurationsProfile({
      name: 'Tenants Union',
      summary: '',
      visibility: { name: 'public' },
    })
    if (!result.ok) throw new Error(result.error)
    expectValid(result.value)
    expect(result.value).toEqual({
      linked_schemas: ['organizations_schema-v1.0.0'],
      name: 'Tenants Union',
    })
  })

  it('never exports a field kept inside the network (the default)', () => {
    const result = exportMurmurationsProfile({ ...full, visibility: { name: 'public' } })
    if (!result.ok) throw new Error(result.error)
    expect(Object.keys(result.value).sort()).toEqual(['linked_schemas', 'name'])
    const text = JSON.stringify(result.value)
    for (const secret of [
      'hello@',
      '496',
      'Leeds,',
      'West Yorkshire',
      'church hall',
      'Recycle',
      '2012',
    ])
      expect(text).not.toContain(secret)
  })

  it('exports each field only when that field is public', () => {
    const result = exportMurmurationsProfile({
      ...full,
      visibility: { name: 'public', phone: 'public', place: 'public', email: 'network' },
    })
    if (!result.ok) throw new Error(result.error)
    expectValid(result.value)
    expect(result.value.telephone).toBe('+44 113 496 0000')
    expect(result.value.locality).toBe('Leeds')
    expect(result.value.contact_details).toBeUndefined()
    expect(result.value.tags).toBeUndefined()
  })

  it('refuses to export when the name itself is not public', () => {
    expect(exportMurmurationsProfile({ ...full, visibility: {} })).toEqual({
      ok: false,
      error: 'name-not-public',
    })
  })

  it('exports ended groups as completed and each tag once', () => {
    const result = exportMurmurationsProfile({
      ...full,
      status: 'ended',
      legalForm: 'L2',
      organisationalStructure: 'OS115', // also labelled "Cooperative"
    })
    if (!result.ok) throw new Error(result.error)
    expectValid(result.value)
    expect(result.value.status).toBe('completed')
    expect(result.value.tags?.filter((t) => t === 'Cooperative')).toHaveLength(1)
  })
})

describe('import of a Murmurations organisation profile', () => {
  it('maps a profile into group fields, and back out to the same public profile', () => {
    const exported = exportMurmurationsProfile(full)
    if (!exported.ok) throw new Error(exported.error)
    const result = importMurmurationsText(JSON.stringify(exported.value))
    if (!result.ok) throw new Error(result.message)
    expect(result.value.skipped).toEqual([])
    const expected = without(full, 'visibility', 'joinedAt')
    expect(result.value.fields).toEqual({ ...expected, contacts: { ...full.contacts, other: '' } })
    const again = exportMurmurationsProfile({ ...result.value.fields, visibility: allPublic })
    if (!again.ok) throw new Error(again.error)
    const withoutOther = without(exported.value, 'urls')
    expect(again.value).toEqual(withoutOther)
  })

  it('keeps the good fields and reports the invalid ones', () => {
    const result = importMurmurationsValue({
      linked_schemas: ['organizations_schema-v1.0.0'],
      name: '  Bike Kitchen ',
      primary_url: 'javascript:alert(1)',
      contact_details: { email: 'not an email' },
      country_iso_3166: 'XX',
      knows_language: ['es', 'not a language!'],
      status: 'in_planning',
      description: 'x'.repeat(400),
      mission: 'Fix bikes together.',
    })
    if (!result.ok) throw new Error(result.message)
    expect(result.value.fields.name).toBe('Bike Kitchen')
    expect(result.value.fields.website).toBeUndefined()
    expect(result.value.fields.contacts?.email).toBe('')
    expect(result.value.fields.place?.country).toBe('')
    expect(result.value.fields.languages).toEqual(['es'])
    expect(result.value.fields.status).toBeUndefined()
    expect(result.value.fields.summary).toBe('') // too long for a summary: it becomes the story
    expect(result.value.fields.story).toBe(`${'x'.repeat(400)}\n\nFix bikes together.`)
    expect([...result.value.skipped].sort()).toEqual(['country', 'email', 'website'])
  })

  const rejected: [string, string, string, string?][] = [
    ['text that is not JSON', '{"name": "Unclosed', 'not-json'],
    ['an array', '[{"name": "A"}]', 'not-an-object'],
    ['a bare string', '"Leeds Food Co-op"', 'not-an-object'],
    ['null', 'null', 'not-an-object'],
    [
      'a profile without a name',
      '{"linked_schemas": ["organizations_schema-v1.0.0"]}',
      'name-missing',
    ],
    ['a blank name', '{"name": "   "}', 'name-missing'],
    ['a name that is a number', '{"name": 42}', 'wrong-type', 'name'],
    ['tags that are not a list', '{"name": "A", "tags": "food"}', 'wrong-type', 'tags'],
    [
      'a list of numbers as languages',
      '{"name": "A", "knows_language": [1, 2]}',
      'wrong-type',
      'knows_language',
    ],
    [
      'members as text',
      '{"name": "A", "number_of_members": "forty"}',
      'wrong-type',
      'number_of_members',
    ],
    [
      'contact details that are a string',
      '{"name": "A", "contact_details": "x@y.z"}',
      'wrong-type',
      'contact_details',
    ],
    ['a name longer than a group name', JSON.stringify({ name: 'n'.repeat(150) }), 'name-too-long'],
  ]
  for (const [what, text, error, field] of rejected) {
    it(`rejects ${what} with a message`, () => {
      const result = importMurmurationsText(text)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error).toBe(error)
      expect(result.message.length).toBeGreaterThan(10)
      if (field) expect(result.field).toBe(field)
    })
  }

  it('rejects a profile over 256 KB without parsing it', () => {
    const text = JSON.stringify({
      name: 'Big',
      description: 'x'.repeat(MURMURATIONS_IMPORT_MAX_BYTES),
    })
    expect(importMurmurationsText(text)).toMatchObject({ ok: false, error: 'too-large' })
    expect(importMurmurationsValue(JSON.parse(text))).toMatchObject({
      ok: false,
      error: 'too-large',
    })
    const justUnder = JSON.stringify({
      name: 'Fits',
      story: 'x'.repeat(MURMURATIONS_IMPORT_MAX_BYTES - 100),
    })
    expect(importMurmurationsText(justUnder).ok).toBe(true)
  })

  it('rejects values that are not JSON at all', () => {
    const cyclic: Record<string, unknown> = { name: 'Loop' }
    cyclic.self = cyclic
    expect(importMurmurationsValue(cyclic)).toMatchObject({ ok: false, error: 'not-json' })
    expect(importMurmurationsValue(10n)).toMatchObject({ ok: false, error: 'not-json' })
  })
})
