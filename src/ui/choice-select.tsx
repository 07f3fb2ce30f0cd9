/**
 * A select of fixed choices with a first one for "none" ("Any", "Not given", "No group"): the
 * one way the app's filters and forms offer a list to pick from. It answers only a value it
 * offered, or '' for none, so callers need no check of what came back.
 */
import type { SelectHTMLAttributes } from 'react'

export interface Choice<V extends string> {
  readonly value: V
  readonly label: string
}

export type ChoiceSelectProps<V extends string> = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'children' | 'value' | 'onChange'
> & {
  readonly choices: readonly Choice<V>[]
  /** the chosen value; '' (or a value no longer offered) shows the first choice */
  readonly value: string
  /** the first choice's wording, for none */
  readonly none: string
  readonly onChange: (value: V | '') => void
}

export function ChoiceSelect<V extends string>({
  choices,
  value,
  none,
  onChange,
  ...rest
}: ChoiceSelectProps<V>) {
  const chosen = choices.find((choice) => choice.value === value)
  return (
    <select
      {...rest}
      value={chosen ? chosen.value : ''}
      onChange={(event) => {
        const picked = choices.find((choice) => choice.value === event.target.value)
        onChange(picked ? picked.value : '')
      }}
    >
      <option value="">{none}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  )
}
