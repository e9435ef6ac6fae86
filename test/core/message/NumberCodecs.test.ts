import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as C from '../../../src/core/message/NumberCodecs.js'
import { problemsOf } from '../../../src/core/message/Validation.js'
import { numRuns } from '../../support/arbitraries.js'

const problem = (codec: t.Decoder<unknown, unknown>, u: unknown): string | undefined => {
  const r = codec.decode(u)
  return E.isLeft(r) ? problemsOf(r.left)[0]!.message : undefined
}

describe('NumberCodecs: accepted values', () => {
  it.each<[string, t.Decoder<unknown, unknown>, ReadonlyArray<unknown>]>([
    ['DeliveryDelay: 1 to 10080 minutes (7 days)', C.DeliveryDelay, [1, 10, 120, 10080]],
    ['Validity: 1 to 1440 minutes', C.Validity, [1, 120, 1440]],
    ['MaxParts: 1 to 35', C.MaxParts, [1, 3, 35]],
    ['Callback: 0 to 7', C.Callback, [0, 1, 2, 3, 4, 5, 6, 7]],
    ['Queue: 1, 2, 3', C.Queue, [1, 2, 3]],
    [
      'MaxCredits: the spec values and any positive amount',
      C.MaxCredits,
      [0.8, 1, 1.5, 2, 2.5, 3, 0.000001, 1e20],
    ],
    ['Flag', C.Flag, [true, false]],
  ])('%s', (_reason, codec, values) => {
    for (const v of values) expect(problem(codec, v), JSON.stringify(v)).toBeUndefined()
  })
})

describe('NumberCodecs: refused values, with the reason', () => {
  it.each<[string, t.Decoder<unknown, unknown>, unknown, RegExp]>([
    ['no delay is said by leaving deliv_time out', C.DeliveryDelay, 0, /from 1 to 10080/],
    ['more than 7 days', C.DeliveryDelay, 10081, /from 1 to 10080/],
    ['fractional minutes', C.Validity, 2.5, /whole number/],
    ['validity over a day', C.Validity, 1441, /1 to 1440/],
    ['36 parts', C.MaxParts, 36, /1 to 35/],
    ['a string number', C.MaxParts, '3', /got the string "3"/],
    ['callback 8', C.Callback, 8, /0 \(no callback\) to 7/],
    ['queue 0', C.Queue, 0, /1 \(highest priority\), 2 or 3/],
    ['zero credits', C.MaxCredits, 0, /positive number/],
    ['Infinity credits', C.MaxCredits, Number.POSITIVE_INFINITY, /positive number/],
    ['credits too small to write without an exponent', C.MaxCredits, 1e-7, /positive number/],
    ['1 is not a boolean', C.Flag, 1, /true or false/],
  ])('%s', (_reason, codec, value, reason) => {
    expect(problem(codec, value)).toMatch(reason)
  })
})

describe('NumberCodecs: ScheduledTime', () => {
  it.each([
    ['a Date becomes unix seconds', new Date('2030-01-01T00:00:00.999Z'), 1893456000],
    ['unix seconds stay', 1893456000, 1893456000],
    ['the epoch', 0, 0],
  ])('%s', (_reason, u, seconds) => {
    expect(C.ScheduledTime.decode(u)).toEqual(E.right(seconds))
  })

  it.each([
    ['milliseconds', 1893456000000, /milliseconds/],
    ['an invalid Date', new Date(Number.NaN), /invalid Date/],
    ['a date string', '2030-01-01T00:00:00Z', /Date or a whole number/],
    ['negative seconds', -1, /Date or a whole number/],
  ])('refuses %s', (_reason, u, reason) => {
    expect(problem(C.ScheduledTime, u)).toMatch(reason)
  })
})

describe('NumberCodecs: any value', () => {
  test.prop([fc.anything()], { numRuns })('no codec throws', (u) => {
    for (const codec of [C.MaxCredits, C.ScheduledTime, C.DeliveryDelay, C.Callback])
      expect(() => codec.decode(u)).not.toThrow()
  })
})
