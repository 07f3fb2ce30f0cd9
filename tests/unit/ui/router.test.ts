import { describe, expect, it } from 'vitest'
import { INVITE_PATH } from '../../../src/domain/invite'
import { parseRoute } from '../../../src/ui/router'

const space = (section: string, extra: object = {}) => ({
  page: 'space',
  spaceId: 'sp-1',
  section,
  editing: false,
  ...extra,
})

describe('parseRoute', () => {
  it('reads the pages outside any space', () => {
    expect(parseRoute('/')).toEqual({ page: 'spaces' })
    expect(parseRoute('/settings')).toEqual({ page: 'settings' })
    expect(parseRoute('/install')).toEqual({ page: 'install' })
    expect(parseRoute(INVITE_PATH)).toEqual({ page: 'join' })
    expect(parseRoute('/nowhere')).toEqual({ page: 'not-found' })
  })

  it('reads a space, its sections, and the items of groups and meetings', () => {
    expect(parseRoute('/spaces/sp-1')).toEqual({ page: 'space-root', spaceId: 'sp-1' })
    expect(parseRoute('/spaces/sp-1/home')).toEqual(space('home'))
    expect(parseRoute('/spaces/sp-1/groups/g-1')).toEqual(space('groups', { item: 'g-1' }))
    expect(parseRoute('/spaces/sp-1/groups/g-1/edit')).toEqual(
      space('groups', { item: 'g-1', editing: true }),
    )
    expect(parseRoute('/spaces/sp-1/meetings/m-1/edit')).toEqual(
      space('meetings', { item: 'm-1', editing: true }),
    )
  })

  it('reads the skills tabs and a skill page', () => {
    expect(parseRoute('/spaces/sp-1/skills')).toEqual(space('skills'))
    expect(parseRoute('/spaces/sp-1/skills/matrix')).toEqual(space('skills', { view: 'matrix' }))
    expect(parseRoute('/spaces/sp-1/skills/skill/sk-1')).toEqual(space('skills', { item: 'sk-1' }))
    expect(parseRoute('/spaces/sp-1/skills/skill')).toEqual({ page: 'not-found' })
  })

  it('decodes escaped parts, and finds nothing for paths it does not know', () => {
    expect(parseRoute('/spaces/sp%201/home')).toEqual({ ...space('home'), spaceId: 'sp 1' })
    for (const path of [
      '/spaces/sp-1/home/extra',
      '/spaces/sp-1/groups/g-1/delete',
      '/spaces/sp-1/groups/g-1/edit/more',
      '/spaces/sp-1/skills/matrix/more',
      '/spaces/%E0%A4%A',
      '/other/sp-1/home',
    ])
      expect(parseRoute(path), path).toEqual({ page: 'not-found' })
  })
})
