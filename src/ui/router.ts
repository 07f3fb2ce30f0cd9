/**
 * A tiny history router: paths like /spaces/abc/groups. The URL fragment is left alone
 * because invites carry their secret there (browsers never send it to a server).
 */
import {
  createElement,
  useMemo,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
} from 'react'
import type { SpaceId } from '../domain/ids'
import { INVITE_PATH } from '../domain/invite'

const EVENT = 'weave:navigate'

function subscribe(listener: () => void) {
  window.addEventListener('popstate', listener)
  window.addEventListener(EVENT, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(EVENT, listener)
  }
}

const getPath = () => window.location.pathname

export function usePath(): string {
  return useSyncExternalStore(subscribe, getPath)
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return
  if (options.replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(EVENT))
}

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { readonly to: string }

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return
    event.preventDefault()
    navigate(to)
  }
  const current = usePath() === to ? 'page' : undefined
  return createElement('a', { href: to, onClick: handle, 'aria-current': current, ...rest })
}

/** Where a path leads. parseRoute is the one reading of the app's paths, for app/ and screens. */
export type Route =
  | { readonly page: 'spaces' | 'settings' | 'install' | 'join' | 'not-found' }
  /** a space with no page named: the app opens its home */
  | { readonly page: 'space-root'; readonly spaceId: SpaceId }
  | SpaceRoute

export interface SpaceRoute {
  readonly page: 'space'
  readonly spaceId: SpaceId
  /** the space's page (home, groups, skills, meetings, share…); app/ says which exist */
  readonly section: string
  /** the group, meeting or skill the page shows */
  readonly item?: string
  /** the item's edit form */
  readonly editing: boolean
  /** a named view of the section (the skills screen's tabs) */
  readonly view?: string
}

const NOT_FOUND: Route = { page: 'not-found' }
const TOP: Partial<Record<string, 'settings' | 'install' | 'join'>> = {
  settings: 'settings',
  install: 'install',
  [INVITE_PATH.slice(1)]: 'join',
}
/** Sections whose items have a page of their own, and an edit form at `…/edit`. */
const WITH_ITEMS = new Set(['groups', 'meetings'])

/**
 * Turns a path into a route: /, /settings, /install, the invite path, and inside a space
 * /spaces/:id/:section, /spaces/:id/groups|meetings/:item[/edit], /spaces/:id/skills/:view and
 * /spaces/:id/skills/skill/:skill. Anything else (or badly escaped) is not found.
 */
export function parseRoute(path: string): Route {
  let parts: string[]
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    return NOT_FOUND
  }
  const [first, id, section, item, last, ...more] = parts
  if (first === undefined) return { page: 'spaces' }
  if (parts.length === 1) {
    const page = TOP[first]
    return page ? { page } : NOT_FOUND
  }
  if (first !== 'spaces' || id === undefined || more.length > 0) return NOT_FOUND
  const spaceId = id as SpaceId
  if (section === undefined) return { page: 'space-root', spaceId }
  const route = { page: 'space', spaceId, section, editing: false } as const
  if (item === undefined) return route
  if (section === 'skills') {
    if (item !== 'skill') return last === undefined ? { ...route, view: item } : NOT_FOUND
    return last === undefined ? NOT_FOUND : { ...route, item: last }
  }
  if (!WITH_ITEMS.has(section) || (last !== undefined && last !== 'edit')) return NOT_FOUND
  return { ...route, item, editing: last === 'edit' }
}

/** The route of the current path, read again when the path changes. */
export function useRoute(): Route {
  const path = usePath()
  return useMemo(() => parseRoute(path), [path])
}
