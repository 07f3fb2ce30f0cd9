// Lint enforces the layer boundaries of DESIGN.md: domain ← doc ← storage, sync ← session ← features ← app.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { readdirSync } from 'node:fs'

/**
 * Each folder of src/ and the folders it may import, from DESIGN.md's dependency direction.
 * The rules below are derived from this table and from the folders on disk: a new folder under
 * src/ or src/features/ is checked without anyone extending a list, and a folder missing from
 * this table stops lint until someone says where it sits.
 */
const LAYERS = {
  domain: { may: [], why: 'domain/ is pure TypeScript: the rules every other layer builds on.' },
  i18n: { may: ['domain'], why: 'i18n/ is a shared leaf: messages and formatting only.' },
  ui: { may: ['domain', 'i18n'], why: 'ui/ is shared presentation: pass data in as props.' },
  doc: { may: ['domain', 'i18n'], why: 'doc/ is the Yjs schema: it sits below storage and sync.' },
  storage: { may: ['domain', 'doc', 'i18n'], why: 'storage/ sits below session.' },
  sync: { may: ['domain', 'doc', 'i18n'], why: 'sync/ sits below session.' },
  session: {
    may: ['domain', 'doc', 'storage', 'sync', 'i18n'],
    why: 'session/ is what features see of the layers below: it never reaches up to screens.',
  },
  features: {
    may: ['domain', 'session', 'ui', 'i18n'],
    why: 'features/ go through session/ (its hooks, commands and types), never below it.',
  },
  app: { may: ['*'], why: 'app/ is the composition root.' },
}

const srcFolders = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const unplaced = srcFolders.filter((name) => !(name in LAYERS))
if (unplaced.length > 0)
  throw new Error(`eslint.config.js: say which layer src/${unplaced.join(', src/')} is in LAYERS.`)

const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const yjs = {
  group: ['yjs', 'y-protocols', 'y-protocols/*', 'y-webrtc', 'y-indexeddb', 'lib0', 'lib0/*'],
  message:
    'Only src/doc, src/storage and src/sync touch Yjs: call a doc store command (through the session) instead.',
}
const dexie = {
  group: ['dexie', 'dexie-*'],
  message: 'Only src/storage talks to IndexedDB: use a storage repo (through the session).',
}
const webrtc = {
  group: ['y-webrtc'],
  message: 'Only src/sync uses y-webrtc: go through the session.',
}
/** The session with its Y.Doc is session/'s own: features and app/ get a `Session` without it. */
const spaceDoc = {
  group: ['**/session/session'],
  importNames: ['SpaceSession', 'openSession', 'createSessionRegistry'],
  message:
    'Features and app/ reach a space through a Session (useSpaceSession) and its doc stores, never its Y.Doc: add a session command for whole-document work.',
}
const PACKAGES = {
  doc: [dexie, webrtc],
  storage: [webrtc],
  sync: [dexie],
  domain: [yjs, dexie],
  i18n: [yjs, dexie],
  ui: [yjs, dexie],
  session: [yjs, dexie],
  features: [yjs, dexie, spaceDoc],
  app: [yjs, dexie, spaceDoc],
}

/** The app runs in the browser: it never imports the server side (server/ imports src/). */
const notServer = {
  regex: '^(\\.\\./)+server(/|$)',
  message: 'The app never imports server/: shared wire formats live in src/sync/wire/.',
}

/** The folders a layer must not import, with a message that says what it may import and why. */
function layerPatterns(layer) {
  const { may, why } = LAYERS[layer]
  if (may.includes('*')) return [...PACKAGES[layer], notServer]
  const forbidden = srcFolders.filter((name) => name !== layer && !may.includes(name))
  const allowed = may.length > 0 ? `${may.map((m) => `${m}/`).join(', ')}` : 'nothing in src/'
  return [
    ...PACKAGES[layer],
    notServer,
    {
      group: forbidden.flatMap((name) => [`**/${name}/*`, `**/${name}`]),
      message: `${layer}/ may import ${allowed} only. ${why}`,
    },
  ]
}

/** no-restricted-imports patterns per folder */
const boundaries = [
  ...Object.keys(LAYERS)
    .filter((layer) => layer !== 'features')
    .map((layer) => ({ files: [`src/${layer}/**`], patterns: layerPatterns(layer) })),
  ...FEATURES.map((name) => ({
    files: [`src/features/${name}/**`],
    patterns: [
      ...layerPatterns('features'),
      {
        group: FEATURES.filter((f) => f !== name).flatMap((f) => [
          `**/features/${f}/*`,
          `**/features/${f}`,
          `../${f}/*`,
          `../${f}`,
        ]),
        message:
          'Features never import each other: move the shared piece to ui/, domain/ or session/.',
      },
    ],
  })),
  {
    // The server shares the wire formats with the app and nothing else: the rest of src/ is
    // browser code (DOM, IndexedDB, Yjs) that has no business in a Node process.
    files: ['server/**'],
    patterns: [
      {
        regex: '(^|/)src/(?!sync/wire/)',
        message: 'server/ imports only src/sync/wire/ from the app (the shared wire formats).',
      },
    ],
  },
].map(({ files, patterns }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}))

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'dev-dist', 'node_modules', '.e2e-profiles', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/rules-of-hooks': 'error',
    },
  },
  {
    files: ['tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
        {
          selector: "CallExpression[callee.property.name='todo']",
          message: 'No placeholder tests.',
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...boundaries,
)
