import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../../src')
/** Attributes a screen reader or a person reads: they must come from the catalogs too. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'aria-description'])

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? tsxFiles(path) : path.endsWith('.tsx') ? [path] : []
  })
}

/** The literal text of aria-label="…" or aria-label={'…'}; '' for anything computed. */
function attributeText(initializer: ts.JsxAttributeValue): string {
  if (ts.isStringLiteral(initializer)) return initializer.text
  if (
    ts.isJsxExpression(initializer) &&
    initializer.expression &&
    (ts.isStringLiteral(initializer.expression) ||
      ts.isNoSubstitutionTemplateLiteral(initializer.expression))
  )
    return initializer.expression.text
  return ''
}

it('keeps user-visible text out of components (it belongs in the i18n catalogs)', () => {
  const found: string[] = []
  for (const file of tsxFiles(root)) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    )
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && /\p{L}/u.test(node.text))
        found.push(`${relative(root, file)}: "${node.text.trim()}"`)
      // {'Save'} or {`Save`} as a child is text on screen just the same
      if (
        ts.isJsxExpression(node) &&
        (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) &&
        node.expression &&
        (ts.isStringLiteral(node.expression) ||
          ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
        /\p{L}/u.test(node.expression.text)
      )
        found.push(`${relative(root, file)}: {"${node.expression.text}"}`)
      if (
        ts.isJsxAttribute(node) &&
        READ_ATTRIBUTES.has(node.name.getText(source)) &&
        node.initializer &&
        /\p{L}/u.test(attributeText(node.initializer))
      )
        found.push(
          `${relative(root, file)}: ${node.name.getText(source)}="${attributeText(node.initializer)}"`,
        )
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  expect(found).toEqual([])
})
