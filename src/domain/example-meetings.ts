/**
 * Meetings of the example network (domain/example-network.ts), so a newcomer can preview the
 * main job: a dialogue round held ten days ago, with notes under a `## Group name` heading per
 * group, decisions, actions with owners and due dates and who came; and a workshop in two
 * weeks with its agenda. Dates are relative to today so "past" and "upcoming" stay true.
 * English always, Spanish, Arabic and Urdu where written, as for the example groups.
 */
import type { DecisionMethod, MeetingKind } from './meeting'

type Text = Readonly<{ en: string } & Partial<Record<string, string>>>
const pick = (text: Text, language: string) => text[language] ?? text.en

export interface ExampleMeeting {
  readonly title: string
  readonly kind: MeetingKind
  /** `YYYY-MM-DDTHH:MM`, local */
  readonly startsAt: string
  readonly place: string
  readonly facilitator: string
  readonly noteTaker: string
  /** Indexes into the example groups */
  readonly groups: readonly number[]
  readonly people: readonly string[]
  readonly agenda: readonly string[]
  readonly notes: string
  readonly decisions: readonly { text: string; method: DecisionMethod; outcome: string }[]
  readonly actions: readonly { what: string; who: string; due: string; done: boolean }[]
}

const day = (today: Date, offset: number) => {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

const T = {
  roundTitle: {
    en: 'Dialogue round: how are our groups doing?',
    es: 'Ronda de diálogo: ¿cómo están nuestros grupos?',
    ar: 'جولة حوار: كيف حال مجموعاتنا؟',
    ur: 'مکالمے کا دور: ہمارے گروپ کیسے ہیں؟',
  },
  hall: {
    en: 'Northfield community hall',
    es: 'Centro social de Northfield',
    ar: 'قاعة نورثفيلد المجتمعية',
    ur: 'نارتھ فیلڈ کمیونٹی ہال',
  },
  news: {
    en: 'Round of news from each group',
    es: 'Ronda de noticias de cada grupo',
    ar: 'جولة أخبار من كل مجموعة',
    ur: 'ہر گروپ سے خبروں کا دور',
  },
  shared: {
    en: 'A shared bookkeeping day',
    es: 'Un día de contabilidad compartida',
    ar: 'يوم مشترك لمسك الدفاتر',
    ur: 'حساب کتاب کا مشترکہ دن',
  },
  nextSteps: { en: 'Next steps', es: 'Próximos pasos', ar: 'الخطوات التالية', ur: 'اگلے قدم' },
  noteFood: {
    en: 'Forty households now. Volunteers are tired; the books are three months behind.',
    es: 'Ya son cuarenta familias. El voluntariado está cansado; las cuentas llevan tres meses de retraso.',
    ar: 'أربعون أسرة الآن. المتطوعون متعبون؛ والحسابات متأخرة ثلاثة أشهر.',
    ur: 'اب چالیس گھرانے ہیں۔ رضاکار تھکے ہوئے ہیں؛ حساب تین مہینے پیچھے ہے۔',
  },
  noteTenants: {
    en: 'Two evictions stopped this month. Need help writing a grant for a legal fund.',
    es: 'Dos desahucios parados este mes. Necesitan ayuda para escribir una solicitud de fondos para una caja legal.',
    ar: 'أُوقف إخلاءان هذا الشهر. نحتاج مساعدة في كتابة طلب منحة لصندوق قانوني.',
    ur: 'اس مہینے دو بے دخلیاں رکوائیں۔ قانونی فنڈ کے لیے گرانٹ کی درخواست لکھنے میں مدد چاہیے۔',
  },
  noteTimebank: {
    en: 'On hold for the winter, but Jo can still teach bookkeeping.',
    es: 'En pausa durante el invierno, pero Jo aún puede enseñar contabilidad.',
    ar: 'متوقف خلال الشتاء، لكن جو ما زال قادرًا على تعليم مسك الدفاتر.',
    ur: 'سردیوں میں رکا ہوا ہے، لیکن جو اب بھی حساب کتاب سکھا سکتا ہے۔',
  },
  decisionDay: {
    en: 'Hold a shared bookkeeping day for every group that wants one',
    es: 'Hacer un día de contabilidad compartida para cada grupo que lo quiera',
    ar: 'تنظيم يوم مشترك لمسك الدفاتر لكل مجموعة ترغب في ذلك',
    ur: 'ہر اس گروپ کے لیے حساب کتاب کا مشترکہ دن رکھنا جو چاہے',
  },
  decisionFund: {
    en: 'Support the tenants’ grant for a legal fund',
    es: 'Apoyar la solicitud del sindicato para una caja legal',
    ar: 'دعم طلب منحة المستأجرين لصندوق قانوني',
    ur: 'کرایہ داروں کی قانونی فنڈ والی گرانٹ کی حمایت',
  },
  agreed: { en: 'agreed', es: 'aprobado', ar: 'تمت الموافقة', ur: 'منظور' },
  bookRoom: {
    en: 'Book the hall for the workshop',
    es: 'Reservar la sala para el taller',
    ar: 'حجز القاعة للورشة',
    ur: 'ورکشاپ کے لیے ہال بک کرنا',
  },
  draftGrant: {
    en: 'Send a first draft of the grant',
    es: 'Enviar un primer borrador de la solicitud',
    ar: 'إرسال مسودة أولى لطلب المنحة',
    ur: 'گرانٹ کا پہلا مسودہ بھیجنا',
  },
  sendMinutes: {
    en: 'Share the minutes with every group',
    es: 'Compartir el acta con todos los grupos',
    ar: 'مشاركة المحضر مع كل المجموعات',
    ur: 'روداد ہر گروپ کے ساتھ شیئر کرنا',
  },
  workshopTitle: {
    en: 'Workshop: bookkeeping for small groups',
    es: 'Taller: contabilidad para grupos pequeños',
    ar: 'ورشة: مسك الدفاتر للمجموعات الصغيرة',
    ur: 'ورکشاپ: چھوٹے گروپوں کے لیے حساب کتاب',
  },
  bring: {
    en: 'Bring your receipts and last year’s accounts',
    es: 'Traed los recibos y las cuentas del año pasado',
    ar: 'أحضروا الإيصالات وحسابات العام الماضي',
    ur: 'اپنی رسیدیں اور پچھلے سال کا حساب ساتھ لائیں',
  },
  practice: {
    en: 'Practice with a simple cash book',
    es: 'Práctica con un libro de caja sencillo',
    ar: 'تمرين على دفتر نقدية بسيط',
    ur: 'ایک سادہ کیش بک کے ساتھ مشق',
  },
} satisfies Record<string, Text>

/** `groupNames` are the example groups' names in the reader's language, by index. */
export function exampleMeetings(
  language: string,
  groupNames: readonly string[],
  today: Date,
): readonly ExampleMeeting[] {
  const t = (key: keyof typeof T) => pick(T[key], language)
  const heading = (index: number, note: keyof typeof T) =>
    `## ${groupNames[index] ?? ''}\n${t(note)}`
  return [
    {
      title: t('roundTitle'),
      kind: 'dialogue',
      startsAt: `${day(today, -10)}T18:30`,
      place: t('hall'),
      facilitator: 'Ana Costa',
      noteTaker: 'Sam Rivera',
      groups: [0, 1, 2],
      people: ['Ana Costa', 'Sam Rivera', 'Jo Okafor'],
      agenda: [t('news'), t('shared'), t('nextSteps')],
      notes: [heading(0, 'noteFood'), heading(1, 'noteTenants'), heading(2, 'noteTimebank')].join(
        '\n\n',
      ),
      decisions: [
        { text: t('decisionDay'), method: 'consent', outcome: t('agreed') },
        { text: t('decisionFund'), method: 'consensus', outcome: t('agreed') },
      ],
      actions: [
        { what: t('sendMinutes'), who: 'Sam Rivera', due: day(today, -8), done: true },
        { what: t('bookRoom'), who: 'Jo Okafor', due: day(today, 4), done: false },
        { what: t('draftGrant'), who: 'Ana Costa', due: day(today, 9), done: false },
      ],
    },
    {
      title: t('workshopTitle'),
      kind: 'workshop',
      startsAt: `${day(today, 14)}T10:00`,
      place: t('hall'),
      facilitator: 'Jo Okafor',
      noteTaker: '',
      groups: [0, 1, 3],
      people: [],
      agenda: [t('bring'), t('practice')],
      notes: '',
      decisions: [],
      actions: [],
    },
  ]
}
