import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  BatchPlan,
  checkItem,
  placeholders,
  preview,
  previewWith,
  substitute,
} from '../../../src/core/message/BatchTemplate.js'
import { plan } from '../../../src/core/text/Charset.js'
import { numRuns } from '../../support/arbitraries.js'

const paths = (r: E.Either<{ readonly _tag: string }, unknown>) =>
  E.isLeft(r) && r.left._tag === 'InvalidInput'
    ? (r.left as unknown as { problems: ReadonlyArray<{ path: string }> }).problems.map((p) => p.path)
    : []

describe('BatchTemplate: substitution', () => {
  it.each([
    [
      'spec 7 example',
      "Hi #field1#, your doctor's appointment is at #field2# tomorrow",
      ['Fred', '10:30'],
      "Hi Fred, your doctor's appointment is at 10:30 tomorrow",
    ],
    ['a field used twice', '#field1# and #field1#', ['x'], 'x and x'],
    [
      '#field0# and #fieldx# are literal text',
      '#field0# #fieldx# #field2#',
      ['a', 'b'],
      '#field0# #fieldx# b',
    ],
    ['a missing value becomes empty', 'a#field3#b', ['x'], 'ab'],
    [
      'field 10 is not field 1 followed by 0',
      '#field10#',
      Array.from({ length: 10 }, (_, i) => `v${i + 1}`),
      'v10',
    ],
  ])('%s', (_reason, template, values, text) => {
    expect(substitute(template, values)).toBe(text)
  })

  it('lists the fields a template uses', () => {
    expect(placeholders('#field2# #field10# #field2#')).toEqual([2, 10])
  })
})

describe('BatchTemplate.preview', () => {
  it('gives each item its text and plan', () => {
    const r = preview(`Dear #field1#, ${'x'.repeat(150)}`, [{ fields: ['Al'] }, { fields: ['Bartholomew'] }])
    expect(E.isRight(r) && r.right.map((i) => [i.text.slice(0, 16), i.plan.count.parts])).toEqual([
      ['Dear Al, xxxxxxx', 1],
      ['Dear Bartholomew', 2],
    ])
  })

  it('lists every problem of every item', () => {
    const r = previewWith({ maxParts: 1 })('Hi #field1# #field2#', [
      { fields: ['a', 'b'] },
      { fields: ['only one'] },
      { fields: ['ça', 'va'] },
      { fields: ['x'.repeat(200), 'y'] },
      { fields: [42 as never, 'b'] },
      null as never,
    ])
    expect(paths(r)).toEqual(['items.1.fields', 'items.2', 'items.3', 'items.4.fields.0', 'items.5'])
  })

  it('checks an 8-bit item in bytes, the udh included: 140 in one part, 134 a part after', () => {
    const eight = (bytes: number, concat: number, udh?: string): BatchPlan => ({
      template: '00'.repeat(bytes),
      encoding: 'binary',
      concat,
      ...(udh === undefined ? {} : { udh }),
    })
    expect(checkItem(eight(140, 1))([], 'fields')._tag).toBe('Right')
    expect(checkItem(eight(268, 2))([], 'fields')._tag).toBe('Right')
    expect(checkItem(eight(269, 2))([], 'fields')).toEqual(
      E.left({ _tag: 'MessageTooLong', encoding: 'binary', units: 269, parts: 3, limit: 2, perPart: 134 }),
    )
    // A udh of the caller's own leaves no room for a concatenation header: one part, whatever concat says.
    expect(checkItem(eight(134, 3, '06050415810000'))([], 'fields')).toEqual(
      E.left({ _tag: 'MessageTooLong', encoding: 'binary', units: 141, parts: 2, limit: 1, perPart: 134 }),
    )
    expect(paths(checkItem(eight(1, 1))(['Joe'], 'fields'))).toEqual(['fields'])
    expect(BatchPlan.is(eight(1, 1, '0100'))).toBe(true)
    expect(BatchPlan.is({ ...eight(1, 1), encoding: 'gsm7' })).toBe(false)
    expect(BatchPlan.is({ template: 'x', encoding: 'auto', concat: 1, udh: '0100' })).toBe(false)
  })

  it('refuses a template that needs UCS-2 and has fields', () => {
    expect(paths(preview('Hi #field1# 😀', [{ fields: ['a'] }]))).toEqual(['template'])
  })

  test.prop(
    [
      fc.array(
        fc.array(fc.string({ unit: fc.constantFrom(...'abc xyzÄÖ'), maxLength: 20 }), {
          minLength: 2,
          maxLength: 2,
        }),
        { maxLength: 8 },
      ),
    ],
    { numRuns },
  )('each preview is the plan of the substituted text', (items) => {
    const r = preview(
      'Hello #field1#, see #field2#',
      items.map((fields) => ({ fields })),
    )
    expect(r).toEqual(
      E.right(items.map(([a, b]) => ({ text: `Hello ${a}, see ${b}`, plan: plan(`Hello ${a}, see ${b}`) }))),
    )
  })

  it('never throws on odd input', () => {
    for (const [t, items] of [
      [null, null],
      ['x', {}],
      ['x', [undefined]],
      [5, [[1]]],
    ] as const)
      expect(() => preview(t as never, items as never)).not.toThrow()
  })
})
