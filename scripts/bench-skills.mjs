#!/usr/bin/env node
// Benchmark: the skills map of a large network (300 groups, 200 skills, 3,000 entries) in
// headless Chromium at phone size: computing every match, rendering the matrix, scrolling it.
// Prints tables; asserts nothing (machines here are noisy).
import react from '@vitejs/plugin-react'
import { launchChromium, serveBenchPage } from './bench-support.mjs'

export async function benchSkills() {
  const served = await serveBenchPage('skills', { plugins: [react()] })
  const context = await launchChromium(undefined, { viewport: { width: 360, height: 740 } })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(served.url)
    await page.waitForFunction(() => 'runSkillsBench' in window)
    const { matches, matrix } = await page.evaluate(() => window.runSkillsBench())
    console.log('Every match in the network (build the map + rank every need, 7 runs):')
    console.table([matches])
    console.log('The matrix view at 360 px, all kinds of skill:')
    console.table([matrix])
  } finally {
    await context.close()
    served.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSkills()
