import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type BulkRun, checkRow, type Layout, layoutOf, placeholdersOf } from '../../src/cli/Bulk.js'

const run = (template: string, more: Partial<BulkRun> = {}): BulkRun => ({ csv: 'p.csv', template, ...more })

const layout = (header: string, template: string, more: Partial<BulkRun> = {}): Layout => {
  const r = layoutOf(run(template, more), header.split(','))
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

const refusal = (header: string, template: string, more: Partial<BulkRun> = {}) => {
  const r = layoutOf(run(template, more), header.split(','))
  return E.isLeft(r) ? r.left.problems : undefined
}

const row = (l: Layout, values: string, line = 2) => checkRow(l)({ line, values: values.split('|') })

describe('placeholdersOf', () => {
  it.each([
    ['Hi #name#', ['name']],
    ['#a# #b# #a#', ['a', 'b']],
    ['#first name#, at #time#', ['first name', 'time']],
    ['Call #1 or #2 now', []],
    ['no # here', []],
    ['#field1# and #field12#', ['field1', 'field12']],
  ])('%s', (template, names) => {
    expect(placeholdersOf(template)).toEqual(names)
  })
})

describe('layoutOf', () => {
  it('maps the columns the template uses, in order of use, to #fieldK#', () => {
    const l = layout('name,time,number,notes', 'At #time#, #name#. Bye #name#')
    expect([l.numberIndex, l.used, l.template]).toEqual([2, [1, 0], 'At #field1#, #field2#. Bye #field2#'])
  })

  it('#fieldK# is the K-th column that is not the number; a column may be named in any order', () => {
    const l = layout('number,name,time', 'Hi #field2# #field1#')
    expect([l.used, l.template]).toEqual([[2, 1], 'Hi #field1# #field2#'])
  })

  it.each([
    [
      'a misspelt column',
      'name,number',
      'Hi #nmae#',
      ['#nmae# names no column; the columns are name, number (nothing was sent)'],
    ],
    [
      'every misspelt one, each named',
      'name,number',
      '#nmae# #tiem#',
      [
        '#nmae# names no column; the columns are name, number (nothing was sent)',
        '#tiem# names no column; the columns are name, number (nothing was sent)',
      ],
    ],
    [
      'a field past the last column',
      'name,number',
      'Hi #field2#',
      ['#field2# names no column; the columns are name, number (nothing was sent)'],
    ],
    [
      'column names are matched exactly',
      'Name,number',
      'Hi #name#',
      ['#name# names no column; the columns are Name, number (nothing was sent)'],
    ],
  ])('refuses %s', (_case, header, template, messages) => {
    expect(refusal(header, template)?.map((p) => p.message)).toEqual(messages)
  })

  it('refuses a --number-column that is not there, and a bad flag as startbatch would', () => {
    expect(refusal('name,number', 'Hi #name#', { numberColumn: 'phone' })).toEqual([
      { path: '--number-column', message: 'no column named "phone"; the columns are name, number' },
    ])
    expect(refusal('name,number', 'Hi #name#', { validity: 5000 })).toEqual([
      {
        path: 'validityMinutes',
        message: 'must be a whole number of minutes from 1 to 1440; got the number 5000',
      },
    ])
    expect(refusal('name,number', '')?.map((p) => p.path)).toEqual(['template'])
  })

  it('a template that needs UCS-2 with fields: refused with the way forward, or all rows on their own', () => {
    expect(refusal('name,number', 'We’re here, #name#')?.[0]?.message).toBe(
      'must travel as UCS-2 ("’" at 2 is not GSM-7), and a batch with fields travels as plain text: --smart-encoding replaces its typographic characters; or --allow-ucs2 sends such rows on their own as UCS-2',
    )
    expect(layout('name,number', 'We’re here, #name#', { smartEncoding: true })).toMatchObject({
      template: "We're here, #field1#",
      replaced: [{ position: 2, char: '’', replacement: "'" }],
    })
    expect(row(layout('name,number', 'Cześć #name#', { allowUcs2: true }), 'Ann|447900000001')).toMatchObject(
      {
        _tag: 'Single',
        text: 'Cześć Ann',
      },
    )
  })

  it('a failures file: its outcome and error columns are not kept, and not fields', () => {
    const l = layout('name,number,outcome,error', 'Hi #name#')
    expect([l.kept, l.used]).toEqual([2, [0]])
  })
})

describe('checkRow', () => {
  const l = layout('name,number,notes', 'Hi #name#')

  it('a row that can go in the batch: its fields (only the columns used) and parts', () => {
    // The notes column is not used: what it holds does not matter.
    expect(row(l, 'Ann|447900000001|Ωmega ’ 😀', 7)).toEqual({
      _tag: 'Batch',
      line: 7,
      values: ['Ann', '447900000001', 'Ωmega ’ 😀'],
      to: '447900000001',
      fields: ['Ann'],
      parts: 1,
      replaced: [],
    })
  })

  it('a bad number: invalid, with the reason', () => {
    expect(row(l, 'Ann|not-a-number')).toMatchObject({
      _tag: 'Invalid',
      reason: 'number "not-a-number" is not an international number (digits only)',
    })
  })

  it.each([
    ['Zoë', '"ë" at 5 is not GSM-7', false],
    ['Łukasz', '"Ł" at 3 is not GSM-7', false],
    ['O’Brien', '"’" at 4 is not GSM-7', true],
  ])('%s needs UCS-2: refused, saying how to send it', (name, why, smart) => {
    expect(row(l, `${name}|447900000001`)).toMatchObject({
      _tag: 'Invalid',
      reason: `needs UCS-2 (${why}): ${smart ? '--smart-encoding replaces its typographic characters; or ' : ''}--allow-ucs2 sends such rows on their own as UCS-2`,
    })
  })

  it('--smart-encoding makes the lossless replacements in the fields; --allow-ucs2 sends the rest on their own', () => {
    const smart = layout('name,number', 'Hi #name#', { smartEncoding: true, allowUcs2: true })
    expect(row(smart, 'O’Brien|447900000001')).toMatchObject({
      _tag: 'Batch',
      fields: ["O'Brien"],
      replaced: [{ position: 1, char: '’', replacement: "'" }],
    })
    expect(row(smart, 'Zoë|447900000001')).toMatchObject({ _tag: 'Single', text: 'Hi Zoë', parts: 1 })
  })

  it('a row over --max-parts: invalid', () => {
    const short = layout('name,number', 'Hi #name#', { maxParts: 1 })
    expect(row(short, `${'x'.repeat(200)}|447900000001`)).toMatchObject({
      _tag: 'Invalid',
      reason: 'needs 2 parts; at most 1 is allowed',
    })
    const ucs2 = layout('name,number', 'Hi #name#', { maxParts: 1, allowUcs2: true })
    expect(row(ucs2, `Zoë${'x'.repeat(80)}|447900000001`)).toMatchObject({
      _tag: 'Invalid',
      reason: 'needs 2 parts; at most 1 are allowed',
    })
  })

  it('a row longer than the template takes the parts it needs (the batch concat covers it)', () => {
    expect(row(l, `${'x'.repeat(300)}|447900000001`)).toMatchObject({ _tag: 'Batch', parts: 2 })
  })
})
