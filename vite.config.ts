/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { readFileSync } from 'node:fs'
import { CSP_HEADER } from './server/csp.ts'
import { cspMeta, serverBundle } from './server/vite-plugins.ts'

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(version),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  plugins: [
    react(),
    cspMeta(),
    VitePWA({
      // The app asks before it reloads into a new version (workbox-window), never mid-edit.
      registerType: 'prompt',
      injectRegister: false,
      manifest: false, // public/manifest.webmanifest is written by hand and linked in index.html
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,txt,json}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
      },
      devOptions: { enabled: false },
    }),
    serverBundle(),
  ],
  server: { host: true },
  preview: { host: true, headers: { 'Content-Security-Policy': CSP_HEADER } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/support/unit-setup.ts'],
          // A guard against a hang, not a speed check: seeded convergence runs take 3–6 s on a
          // busy 2-core machine, past vitest's 5 s default.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
