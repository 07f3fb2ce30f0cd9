/**
 * Every catalog key is used by the app: a key nothing says is still translated seven times and
 * hides what the app really says. A key is used when it is a string literal anywhere in src/
 * (t('groups.title'), a Record of keys) or starts with a prefix the app builds keys from at run
 * time, listed below; a new `prefix.${…}` in src/ must be added to that list, so the list stays
 * true and this test stays reliable.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import en from '../../../src/i18n/catalogs/en.json'

const root = join(import.meta.dirname, '../../../src')

/** Keys the app builds at run time: `skills.urgency.${urgency}` and the like. */
const DYNAMIC_PREFIXES = ['skills.urgency.', 'profileError.', 'murmurationsError.', 'skillNames.']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** Every string literal in src/, and the fixed starts of template literals that look like keys. */
function scan(): { literals: Set<string>; prefixes: Map<string, string> } {
  const literals = new Set<string>()
  const prefixes = new Map<string, string>()
  for (const file of sourceFiles(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
        literals.add(node.text)
      else if (ts.isTemplateHead(node) && /^[a-zA-Z]+(\.[a-zA-Z]+)*\.$/.test(node.text))
        prefixes.set(node.text, relative(root, file))
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return { literals, prefixes }
}

describe('catalog keys', () => {
  const { literals, prefixes } = scan()

  it('lists every prefix the app builds keys from', () => {
    const unlisted = [...prefixes]
      .filter(([prefix]) => !DYNAMIC_PREFIXES.includes(prefix))
      .map(([prefix, file]) => `${prefix} (${file})`)
    expect(unlisted).toEqual([])
  })

  it('has no key the app never uses', () => {
    const unused = Object.keys(en).filter(
      (key) => !literals.has(key) && !DYNAMIC_PREFIXES.some((prefix) => key.startsWith(prefix)),
    )
    expect(unused).toEqual([])
  })
})
