import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  placeholders,
  preview,
  previewWith,
  quicksendWith,
  senditem,
  startbatch,
  substitute,
} from '../../../src/core/message/Batch.js'
import { session } from '../../../src/core/request/Credentials.js'
import { plan } from '../../../src/core/text/Charset.js'
import { msisdn, numRuns } from '../../support/arbitraries.js'

const S = session('xxxx')
const paths = (r: E.Either<{ readonly _tag: string }, unknown>) =>
  E.isLeft(r) && r.left._tag === 'InvalidInput'
    ? (r.left as unknown as { problems: ReadonlyArray<{ path: string }> }).problems.map((p) => p.path)
    : []

describe('Batch templates', () => {
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

describe('Batch.startbatch', () => {
  it('sends a UCS-2 template without fields as hex', () => {
    const r = startbatch(S)({ template: 'Sale: 5€ off', requiredFeatures: { exactly: [] } })
    expect(E.isRight(r) && r.right.params).toEqual([
      ['session_id', 'xxxx'],
      ['template', '00530061006C0065003A0020003520AC0020006F00660066'],
      ['unicode', '1'],
    ])
  })

  it.each([
    ['a euro sign (GSM, not ISO-8859-1) with a field', { template: 'Hi #field1#, 5€ off' }],
    ['forced UCS-2 with a field', { template: 'Hi #field1#', encoding: 'ucs2' as const }],
  ])('refuses a Unicode template with fields (spec 5.2.14): %s', (_reason, input) => {
    const r = startbatch(S)(input)
    expect(paths(r)).toEqual(['template'])
    expect(E.isLeft(r) && JSON.stringify(r.left)).toContain('5.2.14')
  })

  it('writes maxParts as concat, the room fields may need', () => {
    const r = startbatch(S)({ template: 'Hi #field1#', maxParts: 3, deliverAfterMinutes: 60 })
    expect(E.isRight(r) && r.right.params).toEqual([
      ['session_id', 'xxxx'],
      ['template', 'Hi #field1#'],
      ['concat', '3'],
      ['deliv_time', '60'],
      ['req_feat', '16384'],
    ])
  })

  it('lists every problem, with hints for message fields', () => {
    expect(paths(startbatch(S)({ template: '', to: '447901231234', queue: 9 } as never))).toEqual([
      'template',
      'to',
      'queue',
    ])
    expect(paths(startbatch(S)({} as never))).toEqual(['template'])
  })
})

describe('Batch.senditem and quicksend', () => {
  it('refuses field values above U+00FF and names each', () => {
    expect(paths(senditem(S)({ batchId: 'b1', to: '447901231234', fields: ['Ω', 'ok', '€'] }))).toEqual([
      'fields.0',
      'fields.2',
    ])
  })

  it('needs a batch id and one number', () => {
    expect(paths(senditem(S)({ to: ['447901231234'] } as never))).toEqual(['to', 'batchId'])
  })

  test.prop([fc.array(msisdn(), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 9 })], {
    numRuns,
  })('quicksend splits recipients in order, with the batch id in each request', (to, size) => {
    const r = quicksendWith({ recipientsPerRequest: size })(S)({ batchId: 'b1', to })
    expect(E.isRight(r)).toBe(true)
    if (E.isLeft(r)) return
    expect(r.right.length).toBe(Math.ceil(to.length / size))
    expect(r.right.flatMap((w) => w.params[2]![1].split(','))).toEqual(to)
    for (const w of r.right)
      expect(w.params.slice(0, 2)).toEqual([
        ['session_id', 'xxxx'],
        ['batch_id', 'b1'],
      ])
  })
})

describe('Batch.preview', () => {
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
