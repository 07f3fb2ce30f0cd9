/**
 * The two build steps vite.config.ts adds for the server side:
 * - cspMeta(): writes the one Content-Security-Policy (server/csp.ts) into index.html, so the
 *   header the server sends and the page's <meta> come from the same source;
 * - serverBundle(): after the app is built, bundles server/ into dist-server/ (plain ES modules
 *   for Node 20, which cannot run TypeScript; `ws` stays in node_modules), so `vite build`, and
 *   with it `npm run build` and `npm start`, always leaves a server matching the app.
 */
import path from 'node:path'
import { build, type Plugin } from 'vite'
import { CSP_META } from './csp.ts'

/** Where the bundled server goes, beside dist/ (never inside it: dist/ is served). */
export const SERVER_OUT_DIR = 'dist-server'

const CHARSET = /<meta charset="UTF-8"\s*\/>/i

export function cspMeta(): Plugin {
  return {
    name: 'weave-csp-meta',
    transformIndexHtml(html) {
      if (/http-equiv="Content-Security-Policy"/i.test(html)) {
        throw new Error('index.html must not carry its own CSP: server/csp.ts is the one source.')
      }
      if (!CHARSET.test(html)) throw new Error('index.html: no <meta charset="UTF-8" /> found.')
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`
      return html.replace(CHARSET, (charset) => `${charset}\n    ${meta}`)
    },
  }
}

export function serverBundle(): Plugin {
  let root = process.cwd()
  return {
    name: 'weave-server-bundle',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    async closeBundle() {
      const started = performance.now()
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        build: {
          ssr: true,
          target: 'node20',
          outDir: path.join(root, SERVER_OUT_DIR),
          emptyOutDir: true,
          minify: false,
          sourcemap: false,
          rolldownOptions: {
            input: {
              serve: path.join(root, 'server/main.ts'),
              signalling: path.join(root, 'server/signalling-main.ts'),
              index: path.join(root, 'server/index.ts'),
            },
            output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
          },
        },
      })
      const ms = Math.round(performance.now() - started)
      console.log(`server bundled into ${SERVER_OUT_DIR}/ in ${ms} ms`)
    },
  }
}
