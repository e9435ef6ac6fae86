import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  Charge,
  callbackForms,
  DeliveryFields,
  describe as describeErrors,
  Gmt2Time,
  MoFields,
  Optional,
  Status,
  UnixTime,
  Word,
} from '../../../src/core/callback/Report.js'
import { statusCode, statusCodes } from '../../../src/core/reply/Codes.js'

const numRuns = process.env.CI ? 200 : 1000

// A decode as the value or `undefined`, so a table can say exactly what comes out.
const decoded = <A>(codec: t.Type<A, string, unknown>, input: unknown): A | undefined => {
  const r = codec.decode(input)
  return E.isRight(r) ? r.right : undefined
}
const iso = (d: Date | undefined) => d?.toISOString()
// The latest second whose GMT+2 time is still a four-digit year.
const LAST_GMT2_SECOND = 253402300799 - 7200

describe('callbackForms', () => {
  it('lists the six forms in the order of spec v2.6 section 5.2.5, each once', () => {
    expect(callbackForms).toEqual(['http-get', 'http-post', 'xml-get', 'xml-post', 'soap-get', 'soap-post'])
  })
})

describe('UnixTime', () => {
  it.each<[unknown, string | undefined, string]>([
    ['1218007814', '2008-08-06T07:30:14.000Z', 'spec 5.2.5 example'],
    ['0', '1970-01-01T00:00:00.000Z', 'the epoch'],
    ['999999999999', '+033658-09-27T01:46:39.000Z', 'twelve digits'],
    ['1000000000000', undefined, 'thirteen digits: milliseconds, not seconds'],
    ['-1', undefined, 'no sign'],
    ['1e9', undefined, 'no exponent'],
    ['1218007814.5', undefined, 'whole seconds'],
    ['', undefined, 'empty'],
    [1218007814, undefined, 'a number, not the text the gateway sends'],
  ])('%j -> %s (%s)', (input, expected) => {
    expect(iso(decoded(UnixTime, input))).toBe(expected)
  })

  it('encodes whole seconds, rounding down', () => {
    expect(UnixTime.encode(new Date(1218007814999))).toBe('1218007814')
  })

  test.prop([fc.integer({ min: 0, max: 999_999_999_999 }).map((s) => new Date(s * 1000))], { numRuns })(
    'decode(encode(date)) is the date, for whole seconds',
    (date) => {
      expect(UnixTime.decode(UnixTime.encode(date))).toStrictEqual(E.right(date))
    },
  )
})

describe('Gmt2Time', () => {
  it.each<[string, string | undefined, string]>([
    ['2014-01-29 02:08:30', '2014-01-29T00:08:30.000Z', 'GMT+2 (quirk 22)'],
    ['2014-01-29T02:08:30', '2014-01-29T00:08:30.000Z', 'a T between date and time'],
    ['2014-01-01 01:00:00', '2013-12-31T23:00:00.000Z', 'the previous year in UTC'],
    ['2000-02-29 12:00:00', '2000-02-29T10:00:00.000Z', 'leap day'],
    ['0001-01-01 02:00:00', '0001-01-01T00:00:00.000Z', 'a year below 100 is not 19xx'],
    ['1218007814', '2008-08-06T07:30:14.000Z', 'unix seconds accepted'],
    ['2001-02-29 12:00:00', undefined, 'no leap day in 2001: no rollover to March'],
    ['2014-02-30 00:00:00', undefined, 'no 30 February'],
    ['2014-13-01 00:00:00', undefined, 'month 13'],
    ['2014-01-01 24:00:00', undefined, 'hour 24'],
    ['2014-01-01 00:60:00', undefined, 'minute 60'],
    ['2014-01-01 00:00:60', undefined, 'second 60'],
    ['2014-1-1 0:0:0', undefined, 'no padding'],
    ['2014-01-29 02:08:30Z', undefined, 'no zone'],
    ['', undefined, 'empty'],
  ])('%j -> %s (%s)', (input, expected) => {
    expect(iso(decoded(Gmt2Time, input))).toBe(expected)
  })

  it('encodes the GMT+2 form', () => {
    expect(Gmt2Time.encode(new Date('2014-01-29T00:08:30.000Z'))).toBe('2014-01-29 02:08:30')
    expect(Gmt2Time.encode(new Date('2013-12-31T23:00:00.000Z'))).toBe('2014-01-01 01:00:00')
  })

  test.prop([fc.integer({ min: -62135596800, max: LAST_GMT2_SECOND }).map((s) => new Date(s * 1000))], {
    numRuns,
  })('decode(encode(date)) is the date, for whole seconds of years 1 to 9999', (date) => {
    expect(Gmt2Time.decode(Gmt2Time.encode(date))).toStrictEqual(E.right(date))
  })
})

describe('Charge', () => {
  it.each<[string, number | undefined, string]>([
    ['0.300000', 0.3, 'callbacks write six decimals'],
    ['0.33', 0.33, 'routecoverage writes two'],
    ['0', 0, 'a bare zero'],
    ['12.000', 12, 'three decimals (quirk 13)'],
    ['0.300 000', undefined, 'quirk 14: a PDF line-wrap artefact'],
    ['-0.3', undefined, 'a charge is never negative'],
    ['1e3', undefined, 'no exponent'],
    ['0,3', undefined, 'no decimal comma'],
    ['', undefined, 'empty'],
  ])('%j -> %s (%s)', (input, expected) => {
    expect(decoded(Charge, input)).toBe(expected)
  })

  it.each<[number, string, string]>([
    [0.3, '0.300000', 'six decimals, as the gateway writes them'],
    [0, '0.000000', 'zero'],
    [12, '12.000000', 'a whole number'],
    [0.1234567, '0.1234567', 'more decimals than six are kept rather than rounded away'],
  ])('encode(%s) is %j (%s)', (n, text) => {
    expect(Charge.encode(n)).toBe(text)
  })

  test.prop(
    [
      fc.oneof(
        fc.integer({ min: 0, max: 10 ** 12 }).map((n) => n / 10 ** 6),
        fc.double({ min: 0, max: 1e15, noNaN: true }),
      ),
    ],
    { numRuns },
  )('decode(encode(n)) is n, for every charge written without an exponent', (n) => {
    const text = Charge.encode(n)
    if (!/e/.test(text)) expect(Charge.decode(text)).toStrictEqual(E.right(n))
  })
})

describe('Status', () => {
  it.each<[string, string | undefined, boolean | undefined, string]>([
    ['004', '004', true, 'received by recipient'],
    ['4', '004', true, 'unpadded'],
    ['010', '010', true, 'decimal ten, not octal (quirk 9)'],
    ['099', '099', false, 'unlisted digits are kept'],
    ['4a', undefined, undefined, 'not digits'],
    ['', undefined, undefined, 'empty'],
  ])('%j -> code %s, known %s (%s)', (input, code, known) => {
    const s = decoded(Status, input)
    expect([s?.code, s?.known]).toEqual([code, known])
  })

  test.prop(
    [
      fc.oneof(
        fc.constantFrom(...Object.values(statusCodes)),
        fc.stringMatching(/^[0-9]{1,9}$/).map(statusCode),
      ),
    ],
    { numRuns },
  )('decode(encode(status)) is the status', (status) => {
    expect(Status.decode(Status.encode(status))).toStrictEqual(E.right(status))
  })
})

describe('Word and Optional', () => {
  it.each<[unknown, string | undefined, string]>([
    ['279995631564', '279995631564', 'a number'],
    ['996f364775e24b8432f45d77da8eca47', '996f364775e24b8432f45d77da8eca47', 'an id'],
    ['a b', undefined, 'a space'],
    ['', undefined, 'empty'],
    [undefined, undefined, 'missing'],
  ])('Word %j -> %s (%s)', (input, expected) => {
    expect(decoded(Word, input)).toBe(expected)
  })

  it.each<[unknown, E.Either<unknown, string | undefined>['_tag'], string | undefined, string]>([
    ['', 'Right', undefined, 'empty is absent (quirk 16)'],
    [undefined, 'Right', undefined, 'missing'],
    ['abc123', 'Right', 'abc123', 'a value'],
    [' ', 'Right', ' ', 'a blank is a value: not ours to trim'],
    [5, 'Left', undefined, 'not text'],
  ])('Optional %j -> %s %s (%s)', (input, tag, value) => {
    const r = Optional.decode(input)
    expect(r._tag).toBe(tag)
    if (E.isRight(r)) expect(r.right).toBe(value)
  })

  const word = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((w) => !/[\s\uFEFF]/.test(w))
  test.prop([word], { numRuns })('Word: decode(encode(w)) is w', (w) => {
    expect(Word.decode(Word.encode(w))).toStrictEqual(E.right(w))
  })

  test.prop([fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), { nil: undefined })], {
    numRuns,
  })('Optional: decode(encode(x)) is x', (x) => {
    expect(Optional.decode(Optional.encode(x))).toStrictEqual(E.right(x))
  })
})

describe('DeliveryFields and MoFields', () => {
  it('decode the fields of the spec example', () => {
    const r = DeliveryFields.decode({
      api_id: '12345',
      apimsgid: '996f364775e24b8432f45d77da8eca47',
      climsgid: '',
      timestamp: '1218007814',
      to: '279995631564',
      from: '27833001171',
      status: '003',
      charge: '0.300000',
    })
    expect(r).toStrictEqual(
      E.right({
        api_id: '12345',
        apimsgid: '996f364775e24b8432f45d77da8eca47',
        climsgid: undefined,
        timestamp: new Date(1218007814000),
        to: '279995631564',
        from: '27833001171',
        status: statusCodes['003'],
        charge: 0.3,
      }),
    )
  })

  it.each<[string, Record<string, unknown>, string]>([
    [
      'every field missing',
      {},
      'apimsgid: missing; to: missing; timestamp: missing; status: missing; charge: missing',
    ],
    [
      'a timestamp in milliseconds and a charge with a space',
      { apimsgid: 'a', to: '1', timestamp: '1218007814000', status: '004', charge: '0.300 000' },
      'timestamp: expected unix seconds; charge: expected a decimal amount',
    ],
    [
      'an empty id',
      { apimsgid: '', to: '1', timestamp: '1', status: '004', charge: '0' },
      'apimsgid: expected 1 to 64 letters and digits',
    ],
    [
      'markup for an id',
      { apimsgid: '<script>alert(1)</script>', to: '1', timestamp: '1', status: '004', charge: '0' },
      'apimsgid: expected 1 to 64 letters and digits',
    ],
    [
      'a client message id with punctuation',
      { apimsgid: 'a1', climsgid: 'a-1', to: '1', timestamp: '1', status: '004', charge: '0' },
      'climsgid: expected 1 to 32 letters and digits',
    ],
  ])('describe says which field and why: %s', (_reason, input, message) => {
    const r = DeliveryFields.decode(input)
    expect(E.isLeft(r) && describeErrors(r.left)).toBe(message)
  })

  it('an incoming message needs its id, numbers and GMT+2 time', () => {
    const r = MoFields.decode({ momsgid: 'm1', from: '380', to: '491', timestamp: '2014-01-29 02:08:30' })
    expect(r).toStrictEqual(
      E.right({ momsgid: 'm1', from: '380', to: '491', timestamp: new Date('2014-01-29T00:08:30.000Z') }),
    )
    const missing = MoFields.decode({ from: '380', to: '491', timestamp: '2014-01-29 02:08:30' })
    expect(E.isLeft(missing) && describeErrors(missing.left)).toBe('momsgid: missing')
  })

  const word = fc.stringMatching(/^[0-9a-f]{1,32}$/)
  const optional = fc.option(fc.stringMatching(/^[0-9A-Za-z]{1,12}$/), { nil: undefined })
  const seconds = (min: number, max: number) => fc.integer({ min, max }).map((s) => new Date(s * 1000))
  const omitUndefined = <A extends object>(a: A): A =>
    Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as A

  test.prop(
    [
      fc.record({
        apimsgid: word,
        to: word,
        timestamp: seconds(0, 2 ** 33),
        status: fc.constantFrom(...Object.values(statusCodes)),
        charge: fc.integer({ min: 0, max: 10 ** 9 }).map((n) => n / 10 ** 6),
        api_id: optional,
        climsgid: optional,
        from: optional,
      }),
    ],
    { numRuns },
  )('DeliveryFields: decode(encode(fields)) is the fields', (fields) => {
    const plain = omitUndefined(fields)
    expect(DeliveryFields.decode(DeliveryFields.encode(plain))).toStrictEqual(E.right(plain))
  })

  test.prop(
    [
      fc.record({
        momsgid: word,
        from: word,
        to: word,
        timestamp: seconds(0, LAST_GMT2_SECOND),
        api_id: optional,
        charset: optional,
        udh: optional,
        network: optional,
      }),
    ],
    { numRuns },
  )('MoFields: decode(encode(fields)) is the fields', (fields) => {
    const plain = omitUndefined(fields)
    expect(MoFields.decode(MoFields.encode(plain))).toStrictEqual(E.right(plain))
  })
})
