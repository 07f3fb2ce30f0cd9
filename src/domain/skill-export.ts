/**
 * The skills map as spreadsheets: the matrix of groups × skills and the timebank log. Words
 * come in from the caller (the reader's language); numbers stay numbers.
 */
import { csvText } from './csv'
import type { SkillsMap } from './skill-matching'
import type { MatrixCell } from './skill-tallies'
import type { NeedUrgency, OfferLevel, Skill } from './skills'

export interface MatrixCsvLabels {
  readonly group: string
  readonly skillName: (skill: Skill) => string
  readonly level: (level: OfferLevel) => string
  readonly urgency: (urgency: NeedUrgency) => string
}

export function matrixCsv(
  map: SkillsMap,
  cells: ReadonlyMap<string, MatrixCell>,
  skills: readonly Skill[],
  labels: MatrixCsvLabels,
): string {
  const groups = [...map.groups.values()].sort((a, b) => a.name.localeCompare(b.name))
  return csvText([
    [labels.group, ...skills.map(labels.skillName)],
    ...groups.map((group) => [
      group.name,
      ...skills.map((skill) => {
        const cell = cells.get(`${group.id}|${skill.id}`)
        return [cell?.offer && labels.level(cell.offer), cell?.need && labels.urgency(cell.need)]
          .filter(Boolean)
          .join('; ')
      }),
    ]),
  ])
}

export interface ExchangesCsvLabels {
  readonly headers: readonly [string, string, string, string, string, string]
  readonly groupName: (id: string) => string
  readonly skillName: (skill: Skill | undefined) => string
}

/** One row per exchange: date, from, to, skill, hours (a decimal number), note. */
export function exchangesCsv(map: SkillsMap, labels: ExchangesCsvLabels): string {
  return csvText([
    labels.headers,
    ...map.exchanges.map((e) => [
      e.date,
      labels.groupName(e.fromGroupId),
      labels.groupName(e.toGroupId),
      labels.skillName(map.byId.get(e.skill)),
      Math.round((e.minutes / 60) * 100) / 100,
      e.note,
    ]),
  ])
}
