/**
 * The shared skills map of a space: who could help whom (/spaces/:id/skills), adding what a
 * group offers or needs (…/add), the matrix (…/matrix), by skill (…/list, …/skill/:skillId),
 * by group (…/groups), the timebank (…/time) and the network picture (…/network).
 */
import { useState, type ReactNode } from 'react'
import type { SkillId } from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import type { SpaceRecord } from '../../session/types'
import { Icon } from '../../ui/icons'
import { Link, useRoute } from '../../ui/router'
import { EntryForm } from './entry-form'
import { ExchangesView } from './exchanges-view'
import { GroupSkills } from './group-skills'
import { skillName } from './labels'
import { MatchesView } from './matches-view'
import { MatrixView } from './matrix-view'
import { NetworkView } from './network-view'
import { SkillList } from './skill-list'
import { SkillPage } from './skill-page'
import { SkillsTrash } from './skills-trash'
import { useMyGroup, useSkillsMap } from './use-skills-map'
import './skills.css'

const VIEWS = ['help', 'add', 'matrix', 'list', 'groups', 'time', 'network'] as const
type View = (typeof VIEWS)[number]
const VIEW_LABELS: Record<View, MessageKey> = {
  help: 'skills.view.help',
  add: 'skills.view.add',
  matrix: 'skills.view.matrix',
  list: 'skills.view.list',
  groups: 'skills.view.groups',
  time: 'skills.view.time',
  network: 'skills.view.network',
}
const viewPath = (base: string, view: View) => (view === 'help' ? base : `${base}/${view}`)

export function SkillsScreen({ session, space }: { session: Session; space: SpaceRecord }) {
  const t = useT()
  const route = useRoute()
  const map = useSkillsMap(session)
  const [myGroup] = useMyGroup(session, map)
  const [notice, setNotice] = useState('')
  const base = `/spaces/${session.spaceId}/skills`
  const skillId = (route.page === 'space' ? route.item : undefined) as SkillId | undefined
  const named = route.page === 'space' ? route.view : undefined
  const view: View | undefined = skillId
    ? undefined
    : named === undefined
      ? 'help'
      : VIEWS.find((v) => v === named)
  const skill = skillId ? map.byId.get(skillId) : undefined

  let title: string
  let body: ReactNode
  if (skillId) {
    title = skill ? skillName(t, skill) : t('skills.notFound')
    body = skill ? (
      <SkillPage session={session} map={map} skill={skill} base={base} onNotice={setNotice} />
    ) : (
      <p>{t('skills.notFoundBody')}</p>
    )
  } else if (!view) {
    title = t('skills.notFound')
    body = <p>{t('skills.notFoundBody')}</p>
  } else {
    title = view === 'help' ? t('skills.title') : t(VIEW_LABELS[view])
    body = (
      <>
        {view === 'help' && <MatchesView session={session} map={map} base={base} />}
        {view === 'add' &&
          (map.groups.size === 0 ? (
            <p className="empty">
              {t('skills.noGroups')}{' '}
              <Link to={`/spaces/${session.spaceId}/groups`}>{t('skills.goToGroups')}</Link>
            </p>
          ) : (
            <EntryForm
              map={map}
              initial={myGroup ? { groupId: myGroup } : {}}
              submitLabel={t('skills.addEntry')}
              allowNewSkill
              onSubmit={({ fields, newSkill }) => {
                const result = session.stores.skills.addEntry(fields, newSkill)
                if (!result.ok)
                  return result.error === 'unknown-skill'
                    ? 'skills.error.skillRequired'
                    : 'skills.error.nameRequired'
                const group = map.groups.get(fields.groupId)?.name ?? ''
                const name = newSkill?.name.trim() ?? skillName(t, map.byId.get(fields.skillId))
                setNotice(
                  t(fields.kind === 'offer' ? 'skills.offerAdded' : 'skills.needAdded', {
                    group,
                    skill: name,
                  }),
                )
                return undefined
              }}
            />
          ))}
        {view === 'matrix' && <MatrixView map={map} spaceName={space.name} />}
        {view === 'list' && <SkillList session={session} map={map} base={base} />}
        {view === 'groups' && <GroupSkills session={session} map={map} onNotice={setNotice} />}
        {view === 'time' && (
          <ExchangesView session={session} map={map} spaceName={space.name} onNotice={setNotice} />
        )}
        {view === 'network' && <NetworkView map={map} />}
        {(view === 'groups' || view === 'time') && (
          <SkillsTrash session={session} map={map} onNotice={setNotice} />
        )}
      </>
    )
  }

  return (
    <section aria-labelledby="main-heading" className="stack">
      <nav aria-label={t('skills.viewsLabel')} className="subnav">
        {VIEWS.filter((v) => v !== 'add').map((v) => (
          <Link key={v} to={viewPath(base, v)} className="chip">
            {t(VIEW_LABELS[v])}
          </Link>
        ))}
      </nav>
      {skillId && (
        <p className="back-link">
          <Link to={`${base}/list`}>
            <Icon name="back" size={20} />
            {t('skills.backToList')}
          </Link>
        </p>
      )}
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      {view !== 'add' && (
        <p>
          <Link to={`${base}/add`} className="button primary add-entry">
            <Icon name="add" size={20} />
            {t(VIEW_LABELS.add)}
          </Link>
        </p>
      )}
      <p role="status" className="notice">
        {notice}
      </p>
      {body}
    </section>
  )
}
