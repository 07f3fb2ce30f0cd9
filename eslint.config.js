// Lint enforces the layer boundaries of DESIGN.md: domain ← doc ← storage, sync ← session ← features ← app.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const FEATURES = [
  'spaces',
  'settings',
  'first-run',
  'groups',
  'skills',
  'meetings',
  'install',
  'home',
]

const yjs = {
  group: ['yjs', 'y-protocols', 'y-protocols/*', 'y-webrtc', 'y-indexeddb', 'lib0', 'lib0/*'],
  message: 'Only src/doc, src/storage and src/sync touch Yjs: call a doc store command instead.',
}
const dexie = {
  group: ['dexie', 'dexie-*'],
  message: 'Only src/storage talks to IndexedDB: use a storage repo.',
}
const webrtc = {
  group: ['y-webrtc'],
  message: 'Only src/sync uses y-webrtc: go through the session.',
}
const up = (layers, why) => ({
  group: layers.flatMap((l) => [`**/${l}/*`, `**/${l}`]),
  message: why,
})

/** no-restricted-imports patterns per layer */
const boundaries = [
  {
    files: ['src/domain/**'],
    patterns: [
      yjs,
      dexie,
      up(
        ['doc', 'storage', 'sync', 'session', 'features', 'app', 'ui', 'i18n'],
        'domain/ is pure TypeScript: it imports nothing above it.',
      ),
    ],
  },
  {
    files: ['src/doc/**'],
    patterns: [
      dexie,
      webrtc,
      up(
        ['storage', 'sync', 'session', 'features', 'app', 'ui'],
        'doc/ sits below storage, sync and session.',
      ),
    ],
  },
  {
    files: ['src/storage/**'],
    patterns: [
      webrtc,
      up(['sync', 'session', 'features', 'app', 'ui'], 'storage/ sits below session.'),
    ],
  },
  {
    files: ['src/sync/**'],
    patterns: [
      dexie,
      up(['storage', 'session', 'features', 'app', 'ui'], 'sync/ sits below session.'),
    ],
  },
  {
    files: ['src/session/**'],
    patterns: [yjs, dexie, up(['features', 'app', 'ui'], 'session/ sits below features.')],
  },
  {
    files: ['src/ui/**', 'src/i18n/**'],
    patterns: [
      yjs,
      dexie,
      up(
        ['doc', 'storage', 'sync', 'session', 'features', 'app'],
        'ui/ and i18n/ are shared leaves: pass data in as props.',
      ),
    ],
  },
  {
    files: ['src/app/**'],
    patterns: [yjs, dexie],
  },
  ...FEATURES.map((name) => ({
    files: [`src/features/${name}/**`],
    patterns: [
      yjs,
      dexie,
      up(['doc', 'storage', 'sync', 'app'], 'features/ go through session/ hooks, never below it.'),
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
].map(({ files, patterns }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}))

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', '.e2e-profiles', 'public'] },
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
