/**
 * Runs in Chromium at phone size: a space of 300 groups, 200 skills and 3,000 entries built
 * through the real stores; times computing every match, rendering the real matrix view, and
 * dragging it down and sideways 40 px a frame (a frame over 20.7 ms, a 60 Hz frame and a
 * margin, counts as dropped).
 */
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { createSpaceStores } from '../../../src/doc/space-stores'
import { createSpaceDoc } from '../../../src/doc/schema'
import { buildSkillsMap, matchNeeds } from '../../../src/domain/skill-matching'
import {
  NEED_URGENCIES,
  OFFER_LEVELS,
  SKILL_CATEGORIES,
  type SkillId,
} from '../../../src/domain/skills'
import { MatrixView } from '../../../src/features/skills/matrix-view'
import { I18nProvider } from '../../../src/i18n/i18n-context'
import { createTranslator, englishCatalog } from '../../../src/i18n/translate'
import '../../../src/app/styles.css'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const round = (x: number) => Math.round(x * 10) / 10
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

function seeded(seed: number) {
  let state = seed >>> 0
  return (max: number) => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5) >>> 0
    return state % max
  }
}

function buildSpace() {
  const stores = createSpaceStores(createSpaceDoc(), {})
  const random = seeded(7)
  const languages = ['en', 'es', 'pl', 'ar', 'ur', 'pt']
  const groups = Array.from({ length: 300 }, (_, i) =>
    stores.groups.addGroup({
      name: `Group ${String(i).padStart(3, '0')}`,
      summary: '',
      languages: [languages[random(6)] ?? 'en'],
      place: { locality: '', region: `Region ${random(12)}`, country: 'GB' },
    }),
  )
  const skills: SkillId[] = stores.skills.skills.getSnapshot().all.map((s) => s.id)
  while (skills.length < 200) {
    const added = stores.skills.addSkill(
      `Skill ${skills.length}`,
      SKILL_CATEGORIES[random(11)] ?? 'other',
    )
    if (added.ok) skills.push(added.value)
  }
  for (let i = 0; i < 3_000; i++) {
    const common = {
      groupId: groups[random(groups.length)]!,
      skillId: skills[random(skills.length)]!,
      note: '',
      contact: '',
    }
    stores.skills.addEntry(
      random(2) === 0
        ? { ...common, kind: 'offer', level: OFFER_LEVELS[random(3)] ?? 'do' }
        : { ...common, kind: 'need', urgency: NEED_URGENCIES[random(3)] ?? 'soon' },
    )
  }
  return stores
}

async function run() {
  const stores = buildSpace()
  const input = () => ({
    skills: stores.skills.skills.getSnapshot().all,
    entries: stores.skills.entries.getSnapshot().items,
    exchanges: stores.skills.exchanges.getSnapshot().items,
    groups: stores.groups.getSnapshot().items,
  })
  const map = buildSkillsMap(input())
  const times: number[] = []
  let needs = 0
  let suggestions = 0
  for (let i = 0; i < 7; i++) {
    const start = performance.now()
    const matches = matchNeeds(buildSkillsMap(input()))
    times.push(performance.now() - start)
    needs = matches.length
    suggestions = matches.reduce((n, m) => n + m.matches.length, 0)
  }

  const container = document.getElementById('root')!
  const root = createRoot(container)
  const t = createTranslator('en', englishCatalog)
  await frame()
  const renderStart = performance.now()
  flushSync(() =>
    root.render(
      <I18nProvider translator={t}>
        <MatrixView map={map} spaceName="Bench" />
      </I18nProvider>,
    ),
  )
  const committed = performance.now() - renderStart
  await frame() // style, layout and paint of the first frame
  const painted = performance.now() - renderStart
  const cells = container.querySelectorAll('td').length

  // the same number of frames with nothing to do: what this browser's frame clock gives
  const idle: number[] = []
  let before = await frame()
  for (let i = 0; i < 60; i++) {
    const now = await frame()
    idle.push(now - before)
    before = now
  }

  const scroller = container.querySelector<HTMLElement>('.matrix')!
  /** Frame times while a thumb drags the table 40 px a frame (2,400 px a second). */
  async function drag(axis: 'down' | 'sideways') {
    const intervals: number[] = []
    let last = await frame()
    for (let i = 1; i <= 120; i++) {
      if (axis === 'down') scroller.scrollTop = i * 40
      else scroller.scrollLeft = i * 40
      const now = await frame()
      intervals.push(now - last)
      last = now
    }
    return intervals
  }
  const down = await drag('down')
  const sideways = await drag('sideways')
  scroller.scrollLeft = 0
  await frame()
  // the same cells again: whatever was painted the first time is still painted
  const again = await drag('sideways')
  const late = (xs: number[]) => xs.filter((ms) => ms > 1000 / 60 + 4).length
  return {
    matches: {
      groups: 300,
      skills: 200,
      entries: map.entries.length,
      'needs matched': needs,
      suggestions: suggestions,
      'median ms': round(median(times)),
      'max ms': round(Math.max(...times)),
    },
    matrix: {
      cells: cells,
      'render (commit) ms': round(committed),
      'render to first frame ms': round(painted),
      'idle median frame ms': round(median(idle)),
      'down: frames over 20.7 ms': `${late(down)} of ${down.length}`,
      'down: median / worst ms': `${round(median(down))} / ${round(Math.max(...down))}`,
      'sideways: frames over 20.7 ms': `${late(sideways)} of ${sideways.length}`,
      'sideways: median / worst ms': `${round(median(sideways))} / ${round(Math.max(...sideways))}`,
      'sideways again: over 20.7 ms': `${late(again)} of ${again.length}`,
    },
  }
}

declare global {
  interface Window {
    runSkillsBench: typeof run
  }
}
window.runSkillsBench = run
