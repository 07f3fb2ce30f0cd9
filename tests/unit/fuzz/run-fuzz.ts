/**
 * Randomized convergence through the real sync path (schedule.ts). The base seed is random on
 * every run and printed; a failure names the one schedule's seed to replay with
 * `SEED=<seed> npm run test:unit`. FUZZ_SCHEDULES sets how many in all (10,000 by default;
 * npm run fuzz: many more), shared between the convergence-*.test.ts files so that Vitest runs
 * them on every core at once.
 */
import { describe, expect, it } from 'vitest'
import { runSchedule, shapeOf } from './schedule'

const replay = process.env.SEED === undefined ? undefined : Number(process.env.SEED)
const TOTAL = Number(process.env.FUZZ_SCHEDULES ?? 10_000)

/** Seeds that once failed: each runs on every test run. */
export const REGRESSIONS: readonly number[] = []

/** One part of the run: `part` of `parts` test files, each with its own random base seed. */
export function describeFuzz(part: number, parts: number): void {
  const SCHEDULES = Math.ceil(TOTAL / parts)
  describe('convergence through the real sync path', () => {
    if (replay !== undefined) {
      // every part replays it, so no file is left without a test
      it(`replays SEED=${replay}`, async () => {
        await runSchedule(replay)
      })
      return
    }

    if (part === 1)
      it.each(REGRESSIONS.map((seed) => [seed]))(
        'seed %i (once failed) converges',
        async (seed) => {
          await runSchedule(seed)
        },
      )

    it(`part ${part} of ${parts}: ${SCHEDULES} random schedules converge`, async () => {
      const base = Math.floor(Math.random() * 2 ** 31)
      console.log(`fuzz: base seed ${base}, schedules ${base}…${base + SCHEDULES - 1}`)
      const started = performance.now()
      let long = 0
      let withStorage = 0
      let hostile = 0
      let reloads = 0
      const ops = new Map<string, number>()
      for (let i = 0; i < SCHEDULES; i++) {
        const seed = base + i
        const shape = shapeOf(seed)
        if (shape.steps > 100) long++
        if (shape.storage) withStorage++
        const stats = await runSchedule(seed)
        hostile += stats.hostile
        reloads += stats.reloads
        for (const [name, n] of Object.entries(stats.operations))
          ops.set(name, (ops.get(name) ?? 0) + n)
      }
      const seconds = (performance.now() - started) / 1000
      console.log(
        `fuzz: ${SCHEDULES} schedules (${long} long, ${withStorage} with storage) in ${seconds.toFixed(1)} s, ` +
          `${(SCHEDULES / seconds).toFixed(0)} per second; ${hostile} hostile messages refused, ${reloads} reloads; ` +
          `${[...ops.values()].reduce((a, b) => a + b, 0)} commands of ${ops.size} kinds`,
      )
      expect(ops.size).toBeGreaterThan(45) // the schedules reached nearly every command
    }, 600_000)
  })
}
