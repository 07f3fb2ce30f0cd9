/**
 * A tiny history router: paths like /spaces/abc/groups. The URL fragment is left alone
 * because invites carry their secret there (browsers never send it to a server).
 */
import {
  createElement,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
} from 'react'

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

/** Matches "/spaces/:id/:section" style patterns; returns the named parts or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean)
  const have = path.split('/').filter(Boolean)
  if (want.length !== have.length) return undefined
  const params: Record<string, string> = {}
  for (const [i, part] of want.entries()) {
    const actual = have[i] ?? ''
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual)
    else if (part !== actual) return undefined
  }
  return params
}
