/** The pages of a space: the sections in the tab bar, and Share and sync (from the status). */
export const SECTIONS = ['groups', 'skills', 'meetings'] as const
export const PAGES = [...SECTIONS, 'share'] as const
export type Section = (typeof PAGES)[number]
