/**
 * A meeting's minutes as Markdown, to share in a messaging app or keep as a file. People's
 * text is escaped, so a line that starts with '#' or '-' stays text instead of becoming a
 * heading or a list, and nothing typed can turn into a link or an image.
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
  readonly due: (date: string) => string
}

/**
 * Escapes what Markdown would act on, and no more (minutes are often read as plain text in a
 * messaging app, where every backslash shows): emphasis, code, links and images, HTML, tables,
 * and a heading, quote or list marker at the start of the text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(
      /^(\s*)(#|>|[-+]|\d+[.)])/,
      (_, space: string, marker: string) => `${space}${marker.replace(/^(\d*)(.)$/, '$1\\$2')}`,
    )
}

/**
 * Multi-line text (the notes): each line escaped, line breaks kept. A notes heading ("## Seed
 * Library", as the templates write) becomes a heading one level under the minutes' "Notes".
 */
function escapeBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const heading = /^##\s+(\S.*)$/.exec(line)?.[1]
      return heading ? `### ${escapeMarkdown(heading)}` : escapeMarkdown(line)
    })
    .join('  \n')
}

export function minutesMarkdown(
  meeting: Meeting,
  extras: {
    readonly when: string
    readonly kind: string
    readonly groupNames: readonly string[]
    readonly notes: string
    readonly labels: MinutesLabels
  },
): string {
  const { labels } = extras
  const out: string[] = [`# ${escapeMarkdown(meeting.title)}`, '']
  const fact = (label: string, value: string) => {
    if (value.trim() !== '') out.push(`- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`)
  }
  fact(labels.date, extras.when)
  fact(labels.kind, extras.kind)
  fact(labels.place, meeting.place)
  fact(labels.facilitator, meeting.facilitator)
  fact(labels.noteTaker, meeting.noteTaker)
  fact(labels.groups, extras.groupNames.join(', '))
  fact(labels.people, meeting.people.join(', '))
  if (meeting.agenda.length > 0) {
    out.push('', `## ${escapeMarkdown(labels.agenda)}`, '')
    meeting.agenda.forEach((item, i) => out.push(`${i + 1}. ${escapeMarkdown(item.text)}`))
  }
  if (extras.notes.trim() !== '') {
    out.push('', `## ${escapeMarkdown(labels.notes)}`, '', escapeBlock(extras.notes.trim()))
  }
  if (meeting.decisions.length > 0) {
    out.push('', `## ${escapeMarkdown(labels.decisions)}`, '')
    for (const d of meeting.decisions) {
      const how = [labels.method(d.method), d.outcome].filter(Boolean).join(', ')
      out.push(`- ${escapeMarkdown(d.text)} (${escapeMarkdown(how)})`)
    }
  }
  if (meeting.actions.length > 0) {
    out.push('', `## ${escapeMarkdown(labels.actions)}`, '')
    for (const a of meeting.actions) {
      const details = [a.who, a.due && labels.due(a.due)].filter(Boolean).join(', ')
      const suffix = details ? ` — ${escapeMarkdown(details)}` : ''
      out.push(`- [${a.done ? 'x' : ' '}] ${escapeMarkdown(a.what)}${suffix}`)
    }
  }
  return `${out.join('\n')}\n`
}
