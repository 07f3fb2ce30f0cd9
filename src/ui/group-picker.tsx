/**
 * The one way to choose a group: a select of the space's groups by name, with a first choice
 * for "none" (its wording is the caller's: "No group", "Any group", "Choose a group"). The
 * label, hint and error stay with the caller, next to it, as for any field.
 */
import type { SelectHTMLAttributes } from 'react'

export interface GroupChoice {
  readonly id: string
  readonly name: string
}

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children' | 'value' | 'onChange'> & {
  readonly groups: readonly GroupChoice[]
  /** the chosen group's id; '' (or an id no longer in `groups`) shows the first choice */
  readonly value: string
  /** the first choice's wording, for no group */
  readonly none: string
  /** the chosen id, '' for the first choice */
  readonly onChange: (groupId: string) => void
}

export function GroupPicker({ groups, value, none, onChange, ...rest }: Props) {
  const known = groups.some((g) => g.id === value)
  return (
    <select {...rest} value={known ? value : ''} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none}</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
    </select>
  )
}
