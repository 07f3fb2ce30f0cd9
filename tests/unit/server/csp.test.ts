// One Content-Security-Policy: the header the server sends and the <meta> written into
// index.html come from server/csp.ts and differ only by what a <meta> cannot carry.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CSP_HEADER, CSP_META, HEADER_ONLY_DIRECTIVES } from '../../../server/csp'
import { cspMeta } from '../../../server/vite-plugins'

const directives = (policy: string) => policy.split(';').map((d) => d.trim())
const name = (directive: string) => directive.split(' ')[0] ?? ''

/** Runs the plugin's transformIndexHtml hook as Vite would, on the given page. */
function transform(html: string): string {
  const hook = cspMeta().transformIndexHtml
  if (typeof hook !== 'function') throw new Error('cspMeta has no transformIndexHtml function')
  const result: unknown = Reflect.apply(hook, undefined, [html, {}])
  if (typeof result !== 'string') throw new Error('cspMeta did not return the page')
  return result
}

describe('Content-Security-Policy', () => {
  it('keeps in the meta every directive of the header but the header-only ones', () => {
    const header = directives(CSP_HEADER)
    expect(directives(CSP_META)).toEqual(
      header.filter((d) => !HEADER_ONLY_DIRECTIVES.includes(name(d))),
    )
    expect(header).toContain("frame-ancestors 'none'")
    expect(header).toContain("form-action 'self'")
    expect(header).toContain("script-src 'self'")
  })

  it('writes the meta right after the charset of index.html, which carries no CSP itself', () => {
    const source = readFileSync('index.html', 'utf8')
    expect(source).not.toMatch(/Content-Security-Policy/i)
    const built = transform(source)
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/.exec(built)
    expect(meta?.[1]).toBe(CSP_META)
    expect(built.indexOf('<meta charset')).toBeLessThan(built.indexOf('Content-Security-Policy'))
    expect(built.indexOf('Content-Security-Policy')).toBeLessThan(built.indexOf('<script'))
  })

  it('refuses a page that defines a second policy', () => {
    const page = '<meta charset="UTF-8" /><meta http-equiv="Content-Security-Policy" content="x" />'
    expect(() => transform(page)).toThrow(/one source/)
  })
})
