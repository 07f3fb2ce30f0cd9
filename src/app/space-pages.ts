/**
 * The pages of a space: the sections in the tab bar (home first: what opening a space shows),
 * Share and sync (from the Share action in the space bar, and from the status), and Sync in
 * the room (from Share and sync and from the home).
 */
export const SECTIONS = ['home', 'groups', 'skills', 'meetings'] as const
export const PAGES = [...SECTIONS, 'share', 'room'] as const
export type Section = (typeof PAGES)[number]
