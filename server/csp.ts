/**
 * The app's Content-Security-Policy, in one place: server/app-server.ts sends it as a header on
 * every response, and vite.config.ts writes it into the built index.html as a <meta> tag (so the
 * app keeps it when another static host serves dist/ without headers).
 *
 * DESIGN.md: no third-party requests. Scripts, styles, fonts, workers and the manifest come from
 * the app's own origin; images also from data: and blob: (QR codes, photos); connections to
 * the origin and to any ws:/wss: signalling server or post box a space's settings name.
 * 'unsafe-inline' styles: the editor (CodeMirror) injects <style> elements.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['connect-src', "'self' ws: wss:"],
  ['img-src', "'self' data: blob:"],
  ['media-src', "'self' blob:"],
  ['font-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  // form-action does not fall back to default-src: without it a form could post anywhere.
  ['form-action', "'self'"],
  // Only a header can forbid framing (clickjacking): browsers ignore it in a <meta> tag.
  ['frame-ancestors', "'none'"],
]

/** Directives a browser ignores (and warns about) when the policy comes in a <meta> tag. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = [
  'frame-ancestors',
  'report-uri',
  'report-to',
  'sandbox',
]

const policy = (directives: readonly (readonly [string, string])[]) =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ')

/** The Content-Security-Policy header the server sends. */
export const CSP_HEADER = policy(DIRECTIVES)

/** The same policy for index.html's <meta http-equiv>, without what a meta tag cannot carry. */
export const CSP_META = policy(
  DIRECTIVES.filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name)),
)
