/**
 * Which post box store `npm start` uses, from the environment:
 * - DATABASE_URL=postgres://user:password@host:5432/db: PostgreSQL, for several box processes
 *   sharing one database (each process opens its own pool and hears the others' appends);
 * - otherwise the embedded store in the file BOX_DB (default weave-box.sqlite in the working
 *   folder; `:memory:` keeps nothing), nothing to install.
 */
import type { BoxLimits, BoxStore } from './store'

export type BoxEngine = 'embedded' | 'postgresql'

export interface OpenedBoxStore {
  readonly store: BoxStore
  readonly engine: BoxEngine
  /** where the data is, for the start-up banner: a file, or the database without password */
  readonly location: string
}

export const DEFAULT_BOX_FILE = 'weave-box.sqlite'

/** The database address with any password left out, fit to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(an address that is not a URL)'
  }
}

export async function openBoxStore(
  env: Readonly<Record<string, string | undefined>> = process.env,
  limits: Partial<BoxLimits> = {},
): Promise<OpenedBoxStore> {
  const url = env.DATABASE_URL?.trim()
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL must be a PostgreSQL address (postgres://user:password@host:5432/db), ` +
          `not ${redactUrl(url)}. Leave it unset for the embedded store.`,
      )
    }
    // Loaded only when asked for, so the embedded box never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./pg')
    return {
      store: await openPostgresStore(url, limits),
      engine: 'postgresql',
      location: redactUrl(url),
    }
  }
  const file = env.BOX_DB?.trim() || DEFAULT_BOX_FILE
  const { openEmbeddedStore } = await import('./embedded')
  return { store: await openEmbeddedStore(file, limits), engine: 'embedded', location: file }
}
