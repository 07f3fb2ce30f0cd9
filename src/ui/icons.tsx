/**
 * Inline SVG icons: no icon font to download, and they render on phones without emoji fonts.
 * Decorative only (aria-hidden): the text label beside each icon, or the aria-label of an
 * IconButton (ui/icon-button.tsx), is its accessible name.
 */
const PATHS = {
  groups:
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm7 0a3 3 0 1 0 0-6M2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1m2-7a5 5 0 0 1 4 5v2',
  skills:
    'M14.7 6.3a4 4 0 0 0-5.4 5.2L3 17.8V21h3.2l6.3-6.3a4 4 0 0 0 5.2-5.4l-2.5 2.5-2.5-.5-.5-2.5 2.5-2.5Z',
  meetings: 'M4 5h16v16H4zM4 10h16M8 3v4m8-4v4M8 14h3m-3 4h6',
  back: 'M19 12H5m6-6-6 6 6 6',
  add: 'M12 5v14M5 12h14',
  home: 'M3 11 12 3l9 8M5 9.5V21h5v-6h4v6h5V9.5',
  up: 'M12 19V5m-6 6 6-6 6 6',
  down: 'M12 5v14m-6-6 6 6 6-6',
  edit: 'M4 20h4L19 9l-4-4L4 16v4Zm9-13 4 4',
  trash: 'M4 7h16M10 11v6m4-6v6M6 7l1 13h10l1-13M9 7V4h6v3',
  more: 'M12 5h.01M12 12h.01M12 19h.01',
  share: 'M12 3v12m-5-7 5-5 5 5M5 13v7h14v-7',
  call: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2Z',
  message: 'M4 5h16v11H9l-5 4V5Z',
  mail: 'M3 6h18v12H3zM3 7l9 6 9-6',
  check: 'M5 12l5 5 9-10',
  close: 'M6 6l12 12M18 6 6 18',
  drag: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
  time: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 4v5l3 3',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM15.5 15.5 20 20',
  // a text message: a bubble with lines of text
  sms: 'M4 5h16v11H9l-5 4V5ZM8 9h8M8 12.5h5',
  // WhatsApp's shape: a round bubble with a phone handset in it
  whatsapp:
    'M3.5 20.5l1.4-4.3a8.6 8.6 0 1 1 3.1 3.1ZM9.2 8.2c-.3 3.3 3.3 6.9 6.6 6.6l.7-1.8-2-1-1 .9a4.6 4.6 0 0 1-2.2-2.2l.9-1-1-2Z',
  // Signal's shape: a round bubble inside a dashed ring
  signal:
    'M12 5.8a6.2 6.2 0 0 0-5.4 9.3l-.9 3.2 3.2-.9A6.2 6.2 0 1 0 12 5.8ZM13 2.1A10 10 0 0 1 17 3.3M18.7 4.6a10 10 0 0 1 2.4 3.3M21.8 9.9a10 10 0 0 1 0 4.2M21.1 16.1a10 10 0 0 1-2.4 3.3M17 20.7a10 10 0 0 1-4 1.2M11 21.9a10 10 0 0 1-4-1.2M5.3 19.4a10 10 0 0 1-2.4-3.3M2.2 14.1a10 10 0 0 1 0-4.2M2.9 7.9a10 10 0 0 1 2.4-3.3M7 3.3a10 10 0 0 1 4-1.2',
  settings:
    'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6Zm8 3-2-1 .5-2.5-2-2L14 7l-1-2h-2L10 7l-2.5-.5-2 2L6 11l-2 1 2 1-.5 2.5 2 2L10 17l1 2h2l1-2 2.5.5 2-2L18 13l2-1Z',
  camera: 'M4 8h3l2-3h6l2 3h3v11H4zM12 10a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Z',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15.5 8.5h.01',
  mic: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3ZM5 11a7 7 0 0 0 14 0M12 18v3',
  stop: 'M7 7h10v10H7z',
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
