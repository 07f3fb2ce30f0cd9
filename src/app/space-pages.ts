/**
 * The pages of a space: the sections in the tab bar (home first: what opening a space shows),
 * and Share and sync (from the Share action in the space bar, and from the status).
 */
export const SECTIONS = ['home', 'groups', 'skills', 'meetings'] as const
export const PAGES = [...SECTIONS, 'share'] as const
export type Section = (typeof PAGES)[number]
