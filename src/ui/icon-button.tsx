/**
 * A compact row action: an icon the size of a thumb (44 px), whose full wording ("Move up:
 * Budget") is its accessible name and tooltip rather than visible text on every row. Use it for
 * actions repeated per row (reorder, edit, take off); a screen's main action keeps its words.
 */
import type { ButtonHTMLAttributes } from 'react'
import { Icon, type IconName } from './icons'

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'> & {
  readonly icon: IconName
  /** The full wording: what a screen reader says and a mouse pointer's tooltip shows. */
  readonly label: string
}

export function IconButton({ icon, label, className, type = 'button', ...rest }: Props) {
  return (
    <button
      {...rest}
      type={type}
      aria-label={label}
      title={label}
      className={className ? `icon-button ${className}` : 'icon-button'}
    >
      <Icon name={icon} size={22} />
    </button>
  )
}
