/**
 * The smallest external store for useSyncExternalStore: the same snapshot object until set.
 */
export interface Store<T> {
  readonly subscribe: (listener: () => void) => () => void
  readonly getSnapshot: () => T
  readonly set: (next: T) => void
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => value,
    set(next) {
      if (Object.is(next, value)) return
      value = next
      for (const notify of listeners) notify()
    },
  }
}
