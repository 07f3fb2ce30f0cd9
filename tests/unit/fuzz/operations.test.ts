/**
 * Every command a doc store offers has a fuzz operation (operations.ts), so a command added
 * later is not left out of the convergence runs unnoticed. Reads are not commands.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSpaceStores } from '../../../src/doc/space-stores'

/** What reads, subscribes or purges (emptyTrash covers the purges) rather than edits. */
const NOT_COMMANDS = new Set([
  'subscribe',
  'getSnapshot',
  'notesOf',
  'notesText',
  // a query: why a media record would be refused, writing nothing
  'check',
  'trashCount',
  'transact',
  'purgeDeleted',
  'purgeDeletedGroups',
])

function commandsOf(store: object, path: string): string[] {
  return Object.entries(store).flatMap(([name, value]) => {
    if (typeof value === 'function') return NOT_COMMANDS.has(name) ? [] : [`${path}${name}`]
    if (value && typeof value === 'object' && !('clientID' in value))
      return commandsOf(value as object, `${path}${name}.`)
    return []
  })
}

describe('fuzz operations', () => {
  it('run every command of every store', () => {
    const source = readFileSync(join(import.meta.dirname, 'operations.ts'), 'utf8')
    const commands = commandsOf(createSpaceStores(), '')
    expect(commands.length).toBeGreaterThan(50)
    const missing = commands.filter((path) => !source.includes(`s.${path}(`))
    expect(missing).toEqual([])
  })
})
