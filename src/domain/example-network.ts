/**
 * A small fictional network to try Weave with: every group's summary says it is an example,
 * places and contacts are invented (example.org addresses), and names are in the reader's
 * language. Nothing here describes a real group.
 */
import type { CriterionAnswerValue, CriterionId } from './criteria'
import type { GroupFields, GroupStatus, PersonFields } from './group'
import type { NeedUrgency, OfferLevel, SkillId } from './skills'

export interface ExampleGroup {
  readonly fields: GroupFields
  readonly people: readonly PersonFields[]
  readonly answers: readonly (readonly [CriterionId, CriterionAnswerValue])[]
}

/** English always, other languages where written; a language without a text reads English. */
type Text = Readonly<{ en: string } & Partial<Record<string, string>>>
const pick = (text: Text, language: string) => text[language] ?? text.en

interface Seed {
  readonly name: Text
  readonly summary: Text
  readonly locality: string
  readonly region: Text
  readonly activities: readonly string[]
  readonly status: GroupStatus
  readonly languages: readonly string[]
  readonly person: readonly [string, Text]
  readonly year: number
}

const SEEDS: readonly Seed[] = [
  {
    name: {
      en: 'Riverside Food Co-op',
      es: 'Cooperativa de Consumo La Ribera',
      ar: 'تعاونية ضفة النهر الغذائية',
      ur: 'ریور سائیڈ فوڈ کوآپ',
    },
    summary: {
      en: 'Fictional example: a food co-op buying in bulk for 40 households.',
      es: 'Ejemplo ficticio: una cooperativa de consumo que compra al por mayor para 40 familias.',
      ar: 'مثال متخيَّل: تعاونية غذائية تشتري بالجملة لأربعين أسرة.',
      ur: 'فرضی مثال: ایک فوڈ کوآپ جو 40 گھرانوں کے لیے تھوک میں خریدتا ہے۔',
    },
    locality: 'Northfield',
    region: { en: 'North', es: 'Norte', ar: 'الشمال', ur: 'شمال' },
    activities: ['AM60'],
    status: 'active',
    languages: ['en', 'es'],
    person: ['Sam Rivera', { en: 'Treasurer', es: 'Tesorería', ar: 'أمين الصندوق', ur: 'خزانچی' }],
    year: 2016,
  },
  {
    name: {
      en: 'Hillside Tenants Union',
      es: 'Sindicato de Inquilinas del Cerro',
      ar: 'نقابة مستأجري التلة',
      ur: 'ہل سائیڈ کرایہ دار یونین',
    },
    summary: {
      en: 'Fictional example: tenants defending each other against evictions.',
      es: 'Ejemplo ficticio: inquilinas que se defienden juntas frente a los desahucios.',
      ar: 'مثال متخيَّل: مستأجرون يدافع بعضهم عن بعض في وجه الإخلاء.',
      ur: 'فرضی مثال: کرایہ دار جو بے دخلی کے خلاف ایک دوسرے کا دفاع کرتے ہیں۔',
    },
    locality: 'Eastbrook',
    region: { en: 'North', es: 'Norte', ar: 'الشمال', ur: 'شمال' },
    activities: ['AM20', 'AM90'],
    status: 'active',
    languages: ['es', 'pt'],
    person: [
      'Ana Costa',
      { en: 'Facilitator', es: 'Facilitación', ar: 'التيسير', ur: 'سہولت کار' },
    ],
    year: 2019,
  },
  {
    name: {
      en: 'Common Hours Timebank',
      es: 'Banco de Tiempo Horas Comunes',
      ar: 'بنك الوقت للساعات المشتركة',
      ur: 'مشترکہ گھنٹوں کا ٹائم بینک',
    },
    summary: {
      en: 'Fictional example: neighbours swapping hours of help.',
      es: 'Ejemplo ficticio: vecinas y vecinos que intercambian horas de ayuda.',
      ar: 'مثال متخيَّل: جيران يتبادلون ساعات من المساعدة.',
      ur: 'فرضی مثال: پڑوسی جو مدد کے گھنٹوں کا تبادلہ کرتے ہیں۔',
    },
    locality: 'Southmere',
    region: { en: 'South', es: 'Sur', ar: 'الجنوب', ur: 'جنوب' },
    activities: ['AM30'],
    status: 'on-hold',
    languages: ['en'],
    person: [
      'Jo Okafor',
      { en: 'Coordinator', es: 'Coordinación', ar: 'التنسيق', ur: 'رابطہ کار' },
    ],
    year: 2012,
  },
  {
    name: {
      en: 'Green Hands Land Trust',
      es: 'Fideicomiso de Tierras Manos Verdes',
      ar: 'صندوق أراضي الأيادي الخضراء',
      ur: 'گرین ہینڈز لینڈ ٹرسٹ',
    },
    summary: {
      en: 'Fictional example: a community land trust growing food on shared land.',
      es: 'Ejemplo ficticio: un fideicomiso comunitario que cultiva alimentos en tierra compartida.',
      ar: 'مثال متخيَّل: صندوق أراضٍ مجتمعي يزرع الطعام في أرض مشتركة.',
      ur: 'فرضی مثال: ایک کمیونٹی لینڈ ٹرسٹ جو مشترکہ زمین پر خوراک اگاتا ہے۔',
    },
    locality: 'Westvale',
    region: { en: 'South', es: 'Sur', ar: 'الجنوب', ur: 'جنوب' },
    activities: ['AM130', 'AM90'],
    status: 'active',
    languages: ['en', 'cy'],
    person: ['Lee Morgan', { en: 'Grower', es: 'Cultivo', ar: 'الزراعة', ur: 'کاشت کار' }],
    year: 2008,
  },
]

const ANSWERS: readonly CriterionAnswerValue[] = ['yes', 'partly', 'yes', 'not-sure']

export function exampleGroups(language: string): readonly ExampleGroup[] {
  return SEEDS.map((seed, index) => {
    const slug = seed.name.en.toLowerCase().replace(/[^a-z]+/g, '-')
    return {
      fields: {
        name: pick(seed.name, language),
        summary: pick(seed.summary, language),
        place: { locality: seed.locality, region: pick(seed.region, language), country: '' },
        scope: 'local',
        activities: seed.activities,
        languages: seed.languages,
        status: seed.status,
        yearFounded: seed.year,
        website: `https://${slug}.example.org`,
        contacts: { email: `hello@${slug}.example.org`, phone: '', other: '' },
        visibility: { name: 'public', summary: 'public', place: 'public', activities: 'public' },
      },
      people: [{ name: seed.person[0], role: pick(seed.person[1], language) }],
      answers: [
        ['seon-solidarity-economy' as CriterionId, 'yes'],
        ['seon-community-led' as CriterionId, ANSWERS[index % ANSWERS.length] ?? 'yes'],
      ],
    }
  })
}

/** What the example groups offer and need (by index in the list above), with starter skills. */
export interface ExampleEntry {
  readonly group: number
  readonly skill: SkillId
  readonly offer?: OfferLevel
  readonly need?: NeedUrgency
}

const skill = (slug: string) => `skill-${slug}` as SkillId

export const EXAMPLE_ENTRIES: readonly ExampleEntry[] = [
  { group: 0, skill: skill('bookkeeping'), need: 'now' },
  { group: 0, skill: skill('food-hygiene'), offer: 'teach' },
  { group: 0, skill: skill('food-distribution'), offer: 'do' },
  { group: 1, skill: skill('tenancy-rights'), offer: 'teach' },
  { group: 1, skill: skill('translation'), offer: 'do' },
  { group: 1, skill: skill('grant-writing'), need: 'soon' },
  { group: 2, skill: skill('bookkeeping'), offer: 'teach' },
  { group: 2, skill: skill('facilitation'), offer: 'do' },
  { group: 2, skill: skill('food-hygiene'), need: 'sometime' },
  { group: 3, skill: skill('growing'), offer: 'teach' },
  { group: 3, skill: skill('grant-writing'), offer: 'learning' },
  { group: 3, skill: skill('tenancy-rights'), need: 'now' },
]

/** One exchange already logged: the timebank gave the food co-op two hours of bookkeeping. */
export const EXAMPLE_EXCHANGE = {
  from: 2,
  to: 0,
  skill: skill('bookkeeping'),
  minutes: 120,
  date: '2026-01-15',
} as const
