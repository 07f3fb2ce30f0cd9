/**
 * Groups linked by what one needs and another offers, and by time exchanged: a picture
 * (loaded on demand) and the same links as a list.
 */
import { lazy, Suspense, useId, useMemo } from 'react'
import type { SkillsMap } from '../../domain/skill-matching'
import { networkLinks } from '../../domain/skill-tallies'
import { useT } from '../../i18n/i18n-context'
import { directionOf } from '../../i18n/locales'
import { hoursText } from './labels'
import { useMatches } from './use-skills-map'

const NetworkPicture = lazy(() =>
  import('./network-picture').then((m) => ({ default: m.NetworkPicture })),
)

export function NetworkView({ map }: { map: SkillsMap }) {
  const t = useT()
  const id = useId()
  const matches = useMatches(map)
  const links = useMemo(() => networkLinks(matches, map.exchanges), [matches, map.exchanges])
  const name = (groupId: string) => map.groups.get(groupId as never)?.name
  // each pair in alphabetical order, and the list by name, so a person can find a group
  const shown = links
    .flatMap((l) => {
      const [a, b] = [name(l.a), name(l.b)]
      if (a === undefined || b === undefined) return []
      const inOrder = a.localeCompare(b, t.locale) <= 0
      return [{ ...l, first: inOrder ? a : b, second: inOrder ? b : a }]
    })
    .sort(
      (x, y) =>
        x.first.localeCompare(y.first, t.locale) || x.second.localeCompare(y.second, t.locale),
    )
  const linked = new Set(shown.flatMap((l) => [l.a, l.b]))
  const groups = [...map.groups.values()]
    .filter((g) => linked.has(g.id))
    .sort((a, b) => a.name.localeCompare(b.name, t.locale))

  if (shown.length === 0) return <p className="empty">{t('skills.networkEmpty')}</p>
  return (
    <div className="stack">
      <Suspense fallback={<p role="status">{t('space.loading')}</p>}>
        <NetworkPicture
          groups={groups}
          links={shown}
          label={t('skills.networkPictureLabel', { groups: groups.length, links: shown.length })}
          rtl={directionOf(t.locale) === 'rtl'}
        />
      </Suspense>
      <p className="hint">{t('skills.networkKey')}</p>
      <section className="stack" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('skills.networkList')}</h2>
        <ul className="list">
          {shown.map((l) => (
            <li key={`${l.a}|${l.b}`}>
              {t('skills.networkLine', {
                a: l.first,
                b: l.second,
                matches: l.matches,
                hours: hoursText(t, l.exchangedMinutes),
              })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
