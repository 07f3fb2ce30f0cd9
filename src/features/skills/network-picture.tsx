/**
 * The network picture: groups on a circle, a line for each pair linked by matches (dashed)
 * or by hours exchanged (solid, thicker with more hours). Loaded only when opened. The same
 * information is in the list beside it, which is what a screen reader reads.
 */
import type { GroupId } from '../../domain/ids'
import type { NetworkLink } from '../../domain/skill-tallies'

interface Props {
  readonly groups: readonly { readonly id: GroupId; readonly name: string }[]
  readonly links: readonly NetworkLink[]
  readonly label: string
  /** In right-to-left text 'start' is the right edge: the anchors are swapped to match. */
  readonly rtl: boolean
}

// Wider than high: names sit left and right of the circle and must stay inside the picture.
const WIDTH = 440
const HEIGHT = 300
const CENTRE_X = WIDTH / 2
const CENTRE_Y = HEIGHT / 2
const RADIUS = 115

export function NetworkPicture({ groups, links, label, rtl }: Props) {
  const place = new Map(
    groups.map((g, i) => {
      const angle = (2 * Math.PI * i) / Math.max(groups.length, 1) - Math.PI / 2
      return [
        g.id,
        { x: CENTRE_X + RADIUS * Math.cos(angle), y: CENTRE_Y + RADIUS * Math.sin(angle) },
      ]
    }),
  )
  const labelled = groups.length <= 24 // beyond that names overlap: the list has them
  return (
    <svg
      className="network-picture"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      {links.map((link) => {
        const a = place.get(link.a)
        const b = place.get(link.b)
        if (!a || !b) return null
        const exchanged = link.exchangedMinutes > 0
        return (
          <line
            key={`${link.a}|${link.b}`}
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
            className={exchanged ? 'link-exchange' : 'link-match'}
            strokeWidth={exchanged ? Math.min(6, 1.5 + link.exchangedMinutes / 240) : 1.5}
          />
        )
      })}
      {groups.map((g) => {
        const p = place.get(g.id)
        if (!p) return null
        const right = p.x >= CENTRE_X
        const anchor = right !== rtl ? 'start' : 'end'
        return (
          <g key={g.id}>
            <circle cx={p.x} cy={p.y} r={6} className="node" />
            {labelled && (
              <text
                x={p.x + (right ? 9 : -9)}
                y={p.y + 4}
                textAnchor={anchor}
                className="node-label"
              >
                {g.name.length > 13 ? `${g.name.slice(0, 12)}…` : g.name}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}
