import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ADVICE, adviceFor } from '../../src/cli/Advice.js'

// The "what to do" column of the gateway error table of docs/errors.md, code marks removed.
const documented = (): Record<string, string> => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'errors.md'), 'utf8')
  const table = doc.slice(doc.indexOf('| code | description (spec) |'))
  const rows = table.split('\n').slice(2)
  const end = rows.findIndex((l) => !l.startsWith('|'))
  return Object.fromEntries(
    rows.slice(0, end).map((row) => {
      const cells = row.split(' | ')
      const code = cells[0]!.replace(/^\| /, '')
      return [code, cells.at(-1)!.replace(/ \|$/, '').replaceAll('`', '')]
    }),
  )
}

describe('ADVICE', () => {
  it('is the what-to-do column of docs/errors.md, code for code and word for word', () => {
    expect(Object.keys(documented())).toContain('001')
    expect(ADVICE).toEqual(documented())
  })

  it('adviceFor: the advice of a code, none for a code without a row', () => {
    expect(adviceFor('001')).toMatch(/^Check api_id, user and password\./)
    expect(adviceFor('toString')).toBeUndefined()
    expect(adviceFor('')).toBeUndefined()
  })
})
