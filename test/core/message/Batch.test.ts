import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { quicksendWith, senditem, startbatch } from '../../../src/core/message/Batch.js'
import { session } from '../../../src/core/request/Credentials.js'
import { msisdn, numRuns } from '../../support/arbitraries.js'

const S = session('xxxx')
const paths = (r: E.Either<{ readonly _tag: string }, unknown>) =>
  E.isLeft(r) && r.left._tag === 'InvalidInput'
    ? (r.left as unknown as { problems: ReadonlyArray<{ path: string }> }).problems.map((p) => p.path)
    : []

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
