/**
 * A meeting's minutes out of Weave: as plain text for the share sheet (a messaging app reads it
 * as it is), and as Markdown for a file. In the Markdown, people's text is escaped, so a line
 * that starts with '#' or '-' stays text, and nothing typed can turn into a link, an image or
 * HTML in a viewer that renders Markdown. The notes' own `## Group name` headings stay
 * headings, one level under "Notes".
 */
import type { Meeting } from './meeting'

export interface MinutesLabels {
  readonly date: string
  readonly kind: string
  readonly place: string
  readonly facilitator: string
  readonly noteTaker: string
  readonly groups: string
  readonly people: string
  readonly agenda: string
  readonly notes: string
  readonly decisions: string
  readonly actions: string
  /** e.g. "Consent" for the meeting's method names */
  readonly method: (method: Meeting['decisions'][number]['method']) => string
  /** e.g. "by Fri 18 Dec" from `2026-12-18` */
  readonly due: (date: string) => string
}

export interface MinutesExtras {
  readonly when: string
  readonly kind: string
  /** The network's (space's) name, shown above the title; may be empty. */
  readonly network?: string
  readonly groupNames: readonly string[]
  readonly notes: string
  readonly labels: MinutesLabels
}

/** Every line ending a Markdown viewer or a phone would honour. */
const LINE_END = /\r\n?|\n|\u2028|\u2029/g

/** Schemes that run code or hide content when a viewer makes them a link. */
const LIVE_SCHEME = /\b(javascript|vbscript|data|file)(\s*):/gi

/**
 * Escapes what Markdown would act on, and no more (minutes are often read as plain text in a
 * messaging app, where every backslash shows): emphasis, code, links and images, HTML and
 * character references, tables, a code-running scheme, and a heading, quote, list or
 * underline marker at the start of the text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(LINE_END, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(LIVE_SCHEME, (_, scheme: string, space: string) => `${scheme}${space}\\:`)
    .replace(
      /^(\s*)(#|>|[-+=]|\d+[.)])/,
      (_, space: string, marker: string) => `${space}${marker.replace(/^(\d*)(.)$/, '$1\\$2')}`,
    )
}

/** A text's lines, whatever line endings it has. */
export const lines = (text: string): string[] => text.split(LINE_END)

/** A notes line such as "## Riverside Pantry": its heading text, or undefined. */
export function noteHeading(line: string): string | undefined {
  const match = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
  return match?.[1] === undefined || match[1] === '' ? undefined : match[1]
}

/** The notes: `## Heading` lines as headings under "Notes", each other line escaped. */
function notesMarkdown(text: string): string {
  const out: string[] = []
  let paragraph: string[] = []
  const flush = () => {
    if (paragraph.length > 0) out.push(paragraph.join('  \n'), '')
    paragraph = []
  }
  for (const line of lines(text)) {
    const heading = noteHeading(line)
    if (heading !== undefined) {
      flush()
      out.push(`### ${escapeMarkdown(heading)}`, '')
    } else if (line.trim() === '') flush()
    else paragraph.push(escapeMarkdown(line.trim()))
  }
  flush()
  return out.join('\n').trimEnd()
}

function facts(meeting: Meeting, extras: MinutesExtras): [string, string][] {
  const { labels } = extras
  return (
    [
      [labels.date, extras.when],
      [labels.kind, extras.kind],
      [labels.place, meeting.place],
      [labels.facilitator, meeting.facilitator],
      [labels.noteTaker, meeting.noteTaker],
      [labels.groups, extras.groupNames.join(', ')],
      [labels.people, meeting.people.join(', ')],
    ] as [string, string][]
  ).filter(([, value]) => value.trim() !== '')
}

const decisionText = (d: Meeting['decisions'][number], labels: MinutesLabels) => {
  const how = [labels.method(d.method), d.outcome].filter(Boolean).join(', ')
  return `${d.text} (${how})`
}

const actionText = (a: Meeting['actions'][number], labels: MinutesLabels) => {
  const details = [a.who, a.due && labels.due(a.due)].filter(Boolean).join(', ')
  return details ? `${a.what} — ${details}` : a.what
}

export function minutesMarkdown(meeting: Meeting, extras: MinutesExtras): string {
  const { labels } = extras
  const out: string[] = []
  if (extras.network) out.push(escapeMarkdown(extras.network), '')
  out.push(`# ${escapeMarkdown(meeting.title)}`, '')
  for (const [label, value] of facts(meeting, extras))
    out.push(`- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`)
  if (meeting.agenda.length > 0) {
    out.push('', `## ${escapeMarkdown(labels.agenda)}`, '')
    meeting.agenda.forEach((item, i) => out.push(`${i + 1}. ${escapeMarkdown(item.text)}`))
  }
  if (extras.notes.trim() !== '') {
    out.push('', `## ${escapeMarkdown(labels.notes)}`, '', notesMarkdown(extras.notes))
  }
  if (meeting.decisions.length > 0) {
    out.push('', `## ${escapeMarkdown(labels.decisions)}`, '')
    for (const d of meeting.decisions) out.push(`- ${escapeMarkdown(decisionText(d, labels))}`)
  }
  if (meeting.actions.length > 0) {
    out.push('', `## ${escapeMarkdown(labels.actions)}`, '')
    for (const a of meeting.actions)
      out.push(`- [${a.done ? 'x' : ' '}] ${escapeMarkdown(actionText(a, labels))}`)
  }
  return `${out.join('\n')}\n`
}

/**
 * The minutes as a message: readable as it is in WhatsApp, Signal or an email, with no
 * markup to show through. Sections are separated by a blank line; the notes' headings are
 * lines of their own.
 */
export function minutesText(meeting: Meeting, extras: MinutesExtras): string {
  const { labels } = extras
  const out: string[] = []
  if (extras.network) out.push(extras.network)
  out.push(meeting.title.trim())
  for (const [label, value] of facts(meeting, extras)) out.push(`${label}: ${value}`)
  if (meeting.agenda.length > 0) {
    out.push('', labels.agenda)
    meeting.agenda.forEach((item, i) => out.push(`${i + 1}. ${item.text}`))
  }
  if (extras.notes.trim() !== '') {
    out.push('', labels.notes)
    for (const line of lines(extras.notes.trim())) {
      const heading = noteHeading(line)
      if (heading !== undefined) {
        if (out.at(-1) !== '') out.push('')
        out.push(heading)
      } else out.push(line.trimEnd())
    }
  }
  if (meeting.decisions.length > 0) {
    out.push('', labels.decisions)
    for (const d of meeting.decisions) out.push(`• ${decisionText(d, labels)}`)
  }
  if (meeting.actions.length > 0) {
    out.push('', labels.actions)
    for (const a of meeting.actions) out.push(`${a.done ? '☑' : '☐'} ${actionText(a, labels)}`)
  }
  return `${out.join('\n')}\n`
}

/**
 * A due date (`YYYY-MM-DD`) in the reader's language: "Fri 18 Dec", with the year only when it
 * is not `thisYear`. Anything else is returned as it is.
 */
export function formatDueDate(date: string, locale: string, thisYear: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return date
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const day = new Date(y, m - 1, d)
  if (day.getMonth() !== m - 1) return date
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(y === thisYear ? {} : { year: 'numeric' }),
  }).format(day)
}
