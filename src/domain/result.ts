/**
 * The one shape for everything that can fail and is expected to: a value, or a typed error
 * code the caller turns into words. Every layer imports it from here (domain/ is the lowest).
 *
 *   const added = store.addSkill(name, category)
 *   if (!added.ok) return showError(added.error)
 *   open(added.value)
 *
 * `message` is for logs (the browser's own words, say); the UI shows the error code. A few
 * failures carry more (`line` for a bad settings line): they widen the failure with `detail`.
 */
export interface Ok<T> {
  readonly ok: true
  readonly value: T
}

export type Failure<E extends string, D extends object = object> = {
  readonly ok: false
  readonly error: E
  readonly message?: string
} & Readonly<D>

export type Result<T = void, E extends string = string, D extends object = object> =
  Ok<T> | Failure<E, D>

/** The error codes a Result may carry, for tables of messages keyed by them. */
export type ErrorOf<R> = R extends { readonly ok: false; readonly error: infer E } ? E : never

/** Success with a value, or with nothing (`ok()`) for a command that only says it was done. */
export function ok(): Ok<void>
export function ok<T>(value: T): Ok<T>
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value }
}

/** A failure with its error code and, where it helps the logs, a message. */
export function fail<E extends string>(error: E, message?: string): Failure<E> {
  return message === undefined ? { ok: false, error } : { ok: false, error, message }
}
