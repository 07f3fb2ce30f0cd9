/**
 * The groups × skills table. A large network (hundreds of groups, hundreds of skills) renders
 * only the rows and columns in view plus a margin; spacer cells keep the scroll size, a fixed
 * table layout keeps each frame from measuring the whole table again, and aria-rowcount /
 * aria-colcount with row and column indexes tell a screen reader where it is. Small networks
 * render every cell.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { MatchGroup } from '../../domain/skill-matching'
import type { MatrixCell } from '../../domain/skill-tallies'
import type { Skill } from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import { LEVEL_CELLS, URGENCY_CELLS } from './labels'

/** Below this many cells everything is rendered (a phone copes; nothing is left out). */
const WINDOW_FROM = 3_000
/** Rows and columns rendered beyond the visible ones, so a fast flick shows no blanks. */
const ROW_MARGIN = 8
const COLUMN_MARGIN = 3
const FIRST_REM = 9
const COLUMN_REM = 7.5

type Column = { readonly skill: Skill; readonly name: string }

interface Props {
  readonly captionId: string
  readonly caption: string
  readonly describedBy: string
  readonly groups: readonly MatchGroup[]
  readonly skills: readonly Column[]
  readonly cells: ReadonlyMap<string, MatrixCell>
}

interface Viewport {
  readonly top: number
  readonly left: number
  readonly width: number
  readonly height: number
  readonly row: number
  readonly column: number
  readonly first: number
}

export function MatrixTable({ captionId, caption, describedBy, groups, skills, cells }: Props) {
  const t = useT()
  const scroller = useRef<HTMLDivElement>(null)
  const windowed = groups.length * skills.length > WINDOW_FROM
  const [view, setView] = useState<Viewport>({
    top: 0,
    left: 0,
    width: 360,
    height: 600,
    row: 56,
    column: 120,
    first: 144,
  })

  useLayoutEffect(() => {
    const element = scroller.current
    if (!element || !windowed) return
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
    const row = element.querySelector('tbody tr:not([aria-hidden])')
    const rowHeight = Math.max(24, row?.getBoundingClientRect().height ?? 56)
    let frame = 0
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() =>
        setView({
          top: element.scrollTop,
          left: Math.abs(element.scrollLeft), // negative in right-to-left
          width: element.clientWidth,
          height: element.clientHeight,
          row: rowHeight,
          column: COLUMN_REM * rem,
          first: FIRST_REM * rem,
        }),
      )
    }
    update()
    element.addEventListener('scroll', update, { passive: true })
    window.addEventListener('resize', update)
    return () => {
      element.removeEventListener('scroll', update)
      window.removeEventListener('resize', update)
      cancelAnimationFrame(frame)
    }
  }, [windowed])

  const span = (start: number, size: number, step: number, count: number, margin: number) =>
    windowed
      ? [
          Math.max(0, Math.floor(start / step) - margin),
          Math.min(count, Math.ceil((start + size) / step) + margin),
        ]
      : [0, count]
  const [firstRow = 0, lastRow = 0] = span(
    view.top,
    view.height,
    view.row,
    groups.length,
    ROW_MARGIN,
  )
  const [firstCol = 0, lastCol = 0] = span(
    view.left,
    view.width - view.first,
    view.column,
    skills.length,
    COLUMN_MARGIN,
  )
  // the same array while the column window stays, so rows already drawn are not drawn again
  const columns = useMemo(() => skills.slice(firstCol, lastCol), [skills, firstCol, lastCol])
  const around = { before: firstCol, after: skills.length - lastCol }
  const spacerRow = (rows: number) =>
    rows > 0 && (
      <tr aria-hidden="true" style={{ blockSize: rows * view.row }}>
        <td colSpan={skills.length + 1} />
      </tr>
    )

  return (
    <div
      ref={scroller}
      className={windowed ? 'table-scroll matrix windowed' : 'table-scroll matrix'}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table
        aria-describedby={describedBy}
        aria-rowcount={groups.length + 1}
        aria-colcount={skills.length + 1}
        style={
          windowed ? { inlineSize: `${FIRST_REM + skills.length * COLUMN_REM}rem` } : undefined
        }
      >
        <caption id={captionId}>{caption}</caption>
        {windowed && (
          <colgroup>
            <col style={{ inlineSize: `${FIRST_REM}rem` }} />
            <col span={skills.length} style={{ inlineSize: `${COLUMN_REM}rem` }} />
          </colgroup>
        )}
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" aria-colindex={1}>
              {t('skills.groupLabel')}
            </th>
            {around.before > 0 && <td aria-hidden="true" colSpan={around.before} />}
            {columns.map(({ skill, name }, index) => (
              <th key={skill.id} scope="col" aria-colindex={firstCol + index + 2}>
                {name}
              </th>
            ))}
            {around.after > 0 && <td aria-hidden="true" colSpan={around.after} />}
          </tr>
        </thead>
        <tbody>
          {spacerRow(firstRow)}
          {groups.slice(firstRow, lastRow).map((group, index) => (
            <MatrixRow
              key={group.id}
              group={group}
              rowIndex={firstRow + index + 2}
              columns={columns}
              firstCol={firstCol}
              before={around.before}
              after={around.after}
              cells={cells}
            />
          ))}
          {spacerRow(groups.length - lastRow)}
        </tbody>
      </table>
    </div>
  )
}

/** One group's row; memoised, so scrolling renders only what comes into view. */
const MatrixRow = memo(function MatrixRow({
  group,
  rowIndex,
  columns,
  firstCol,
  before,
  after,
  cells,
}: {
  readonly group: MatchGroup
  readonly rowIndex: number
  readonly columns: readonly Column[]
  readonly firstCol: number
  readonly before: number
  readonly after: number
  readonly cells: ReadonlyMap<string, MatrixCell>
}) {
  const t = useT()
  return (
    <tr aria-rowindex={rowIndex}>
      <th scope="row" aria-colindex={1}>
        <span className="row-name">{group.name}</span>
      </th>
      {before > 0 && <td aria-hidden="true" colSpan={before} />}
      {columns.map(({ skill }, index) => {
        const cell = cells.get(`${group.id}|${skill.id}`)
        return (
          <td key={skill.id} aria-colindex={firstCol + index + 2}>
            {cell?.offer && <span className="cell-offer">{t(LEVEL_CELLS[cell.offer])}</span>}
            {cell?.need && <span className="cell-need">{t(URGENCY_CELLS[cell.need])}</span>}
          </td>
        )
      })}
      {after > 0 && <td aria-hidden="true" colSpan={after} />}
    </tr>
  )
})
