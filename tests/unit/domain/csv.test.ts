import { describe, expect, it } from 'vitest'
import { csvCell, csvText } from '../../../src/domain/csv'

describe('csvText', () => {
  it('writes no row for a table with no rows: the byte-order mark alone', () => {
    expect(csvText([])).toBe('\uFEFF')
  })

  it('ends every row, the last one too, with CRLF', () => {
    expect(
      csvText([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('\uFEFFa,1\r\nb,2\r\n')
  })

  it('quotes and defuses cells as csvCell does', () => {
    expect(csvText([['=1+1', 'x,y']])).toBe(`\uFEFF${csvCell('=1+1')},"x,y"\r\n`)
    expect(csvCell('=1+1')).toBe("'=1+1")
  })
})
