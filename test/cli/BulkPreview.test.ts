import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { checkRow, type Layout, layoutOf } from '../../src/cli/Bulk.js'
import { concatOf, LISTED, previewLines, previewOf, tally } from '../../src/cli/BulkPreview.js'
import type { Io } from '../../src/cli/Output.js'

const io: Io = { out: () => undefined, err: () => undefined, json: false, color: false, interactive: false }

const layout = (template: string, more: Record<string, unknown> = {}): Layout => {
  const r = layoutOf({ csv: 'p.csv', template, ...more }, ['name', 'number'])
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

/** The tally of rows `name|number`, one a line from line 2. */
const tallied = (l: Layout, rows: ReadonlyArray<string>) => {
  const t = tally()
  const check = checkRow(l)
  for (const [i, r] of rows.entries()) t.add(check({ line: i + 2, values: r.split('|') }))
  return t.result()
}

describe('tally and previewOf', () => {
  it('counts rows in the batch, on their own and invalid; parts; the longest row; the cost', () => {
    const l = layout('Hi #name#', { allowUcs2: true })
    const t = tallied(l, [
      'Ann|447900000001',
      `${'x'.repeat(200)}|447900000002`,
      'Zoë|447900000003',
      'Bob|bad',
    ])
    expect(t).toEqual({
      rows: 4,
      batch: { rows: 2, parts: 3, longest: 2 },
      single: { rows: 1, parts: 1 },
      invalid: {
        rows: 1,
        first: [{ line: 5, to: 'bad', reason: 'number "bad" is not an international number (digits only)' }],
      },
      replaced: [],
    })
    expect(previewOf(l, t, 0.5)).toEqual({
      rows: 4,
      ready: 3,
      invalidRows: 1,
      invalid: t.invalid.first,
      parts: 4,
      cost: 2,
      template: 'Hi #field1#',
      concat: 2,
      ucs2: { rows: 1, parts: 1 },
    })
  })

  it(`keeps the first ${LISTED} invalid rows only, and counts them all`, () => {
    const t = tallied(
      layout('Hi #name#'),
      Array.from({ length: 150 }, () => 'Bob|bad'),
    )
    expect([t.invalid.rows, t.invalid.first.length]).toEqual([150, LISTED])
  })

  it('counts the replacements --smart-encoding made in the fields', () => {
    const l = layout('It’s #name#', { smartEncoding: true })
    const t = tallied(l, ['O’Neil–Smith|447900000001', 'D’Arcy|447900000002'])
    expect(t.replaced).toEqual([
      { char: '’', replacement: "'", count: 2 },
      { char: '–', replacement: '-', count: 1 },
    ])
    expect(previewLines(io, previewOf(l, t, undefined))[1]).toBe(
      `  Replaced in the template "’" -> "'"; in the fields "’" -> "'" x2, "–" -> "-" x1 (--smart-encoding)`,
    )
  })
})

describe('concatOf', () => {
  it('--max-parts when given; else the longest row, or the template when it is longer; at least 1', () => {
    const t = (longest: number) => ({
      ...tallied(layout('Hi #name#'), []),
      batch: { rows: 1, parts: 1, longest },
    })
    expect(concatOf(layout('Hi #name#'), t(3))).toBe(3)
    expect(concatOf(layout('Hi #name#', { maxParts: 5 }), t(3))).toBe(5)
    expect(concatOf(layout(`${'x'.repeat(200)} #name#`), t(1))).toBe(2)
    expect(concatOf(layout('Hi #name#'), t(0))).toBe(1)
  })
})
