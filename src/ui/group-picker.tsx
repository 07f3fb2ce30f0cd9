/**
 * The one way to choose a group: a select of the space's groups by name, with a first choice
 * for "none" (its wording is the caller's: "No group", "Any group", "Choose a group"). The
 * label, hint and error stay with the caller, next to it, as for any field.
 */
import { useMemo } from 'react'
import { ChoiceSelect, type ChoiceSelectProps } from './choice-select'

export interface GroupChoice {
  readonly id: string
  readonly name: string
}

type Props = Omit<ChoiceSelectProps<string>, 'choices' | 'onChange'> & {
  readonly groups: readonly GroupChoice[]
  /** the chosen id, '' for the first choice */
  readonly onChange: (groupId: string) => void
}

export function GroupPicker({ groups, ...rest }: Props) {
  const choices = useMemo(() => groups.map((g) => ({ value: g.id, label: g.name })), [groups])
  return <ChoiceSelect {...rest} choices={choices} />
}
