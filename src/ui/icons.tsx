/**
 * Inline SVG icons: no icon font to download, and they render on phones without emoji fonts.
 * Decorative only (aria-hidden): the text label beside each icon is its accessible name.
 */
const PATHS = {
  groups:
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm7 0a3 3 0 1 0 0-6M2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1m2-7a5 5 0 0 1 4 5v2',
  skills:
    'M14.7 6.3a4 4 0 0 0-5.4 5.2L3 17.8V21h3.2l6.3-6.3a4 4 0 0 0 5.2-5.4l-2.5 2.5-2.5-.5-.5-2.5 2.5-2.5Z',
  meetings: 'M4 5h16v16H4zM4 10h16M8 3v4m8-4v4M8 14h3m-3 4h6',
  back: 'M19 12H5m6-6-6 6 6 6',
  add: 'M12 5v14M5 12h14',
} as const

/** Icons that point along the line of text: mirrored in right-to-left languages (styles.css). */
const DIRECTIONAL: ReadonlySet<IconName> = new Set(['back'])

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 24 }: { name: IconName; size?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={DIRECTIONAL.has(name) ? 'icon directional' : 'icon'}
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
