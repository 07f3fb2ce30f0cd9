#!/usr/bin/env node
// Benchmark: our persistence adapter and y-indexeddb, side by side in headless Chromium with
// an on-disk profile. Prints a table; asserts nothing (machines here are noisy).
import { launchChromium, serveBenchPage } from './bench-support.mjs'

export async function benchStorage() {
  const served = await serveBenchPage('storage')
  const context = await launchChromium()
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(served.url)
    await page.waitForFunction(() => 'runStorageBench' in window)
    const { rows, parse } = await page.evaluate(() => window.runStorageBench())
    console.log('Storing and opening the same documents (headless Chromium, on-disk profile):')
    console.table(rows)
    console.log('Yjs alone applying the compacted state to a new document (the floor for opening):')
    console.table(parse)
  } finally {
    await context.close()
    served.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStorage()
