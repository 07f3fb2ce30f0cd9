// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { GroupPicker } from '../../../src/ui/group-picker'

const groups = [
  { id: 'g-1', name: 'Food co-op' },
  { id: 'g-2', name: 'Timebank' },
]

afterEach(cleanup)

function picker(value: string, onChange = vi.fn()) {
  render(
    <>
      <label htmlFor="pick">Your group</label>
      <GroupPicker id="pick" groups={groups} value={value} none="No group" onChange={onChange} />
    </>,
  )
  return {
    select: screen.getByRole<HTMLSelectElement>('combobox', { name: 'Your group' }),
    onChange,
  }
}

describe('GroupPicker', () => {
  it('offers "none" first, then every group by name', () => {
    const { select } = picker('g-2')
    expect([...select.options].map((o) => o.text)).toEqual(['No group', 'Food co-op', 'Timebank'])
    expect(select.value).toBe('g-2')
  })

  it('shows "none" for a group that is no longer there', () => {
    expect(picker('g-removed').select.value).toBe('')
  })

  it('answers the chosen id, and an empty string for "none"', () => {
    const { select, onChange } = picker('g-1')
    fireEvent.change(select, { target: { value: 'g-2' } })
    fireEvent.change(select, { target: { value: '' } })
    expect(onChange.mock.calls).toEqual([['g-2'], ['']])
  })
})
