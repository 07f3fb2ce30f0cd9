// The post box store's contract (tests/support/postbox-contract.ts) on the embedded engine:
// SQLite in a file of a temporary folder. The same suite runs on PostgreSQL in postbox-pg.test.ts.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openEmbeddedStore } from '../../../server/postbox/embedded'
import { storeContract } from '../../support/postbox-contract'

let dir = ''
const file = () => path.join(dir, 'box.sqlite')

storeContract({
  name: 'embedded',
  async reset() {
    dir = await mkdtemp(path.join(tmpdir(), 'weave-box-'))
  },
  open: (limits) => openEmbeddedStore(file(), limits),
  exec(text) {
    const db = new Database(file())
    try {
      const statement = db.prepare<[], Record<string, unknown>>(text)
      if (statement.reader) return Promise.resolve(statement.all())
      statement.run()
      return Promise.resolve([])
    } finally {
      db.close()
    }
  },
  async cleanUp() {
    await rm(dir, { recursive: true, force: true })
  },
})
