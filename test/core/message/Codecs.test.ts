import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as C from '../../../src/core/message/Codecs.js'
import { problemsOf } from '../../../src/core/message/Validation.js'
import { clientMessageId, numRuns, requiredFeatures, sender } from '../../support/arbitraries.js'

const problem = (codec: t.Decoder<unknown, unknown>, u: unknown): string | undefined => {
  const r = codec.decode(u)
  return E.isLeft(r) ? problemsOf(r.left)[0]!.message : undefined
}

describe('Codecs: accepted values', () => {
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
    ['Sender: 1-16 digits', C.Sender, ['1', '27833001171', '1234567890123456', '0800123']],
    [
      'Sender: up to 11 letters, digits and inner spaces',
      C.Sender,
      ['A', 'Acme', 'Acme Ltd', 'ABCDEFGHIJK', 'Shop24 7'],
    ],
    ['ClientMessageId: 1-32 letters and digits', C.ClientMessageId, ['abc123', 'a'.repeat(32), '2993b6b548']],
    ['ApiMessageId: gateway ids', C.ApiMessageId, ['996f364775e24b8432f45d77da8eca47', 'a'.repeat(33)]],
    ['BatchId', C.BatchId, ['1', 'b1d2']],
    ['Token: digits, 16 today, any length to 32', C.Token, ['1234567890123456', '1', '1'.repeat(32)]],
    ['MessageText: any well-formed text', C.MessageText, ['x', 'ΩΨΘ', '😀', '\n']],
    ['Hex: even number of hex digits, either case', C.Hex, ['00', 'ff', '024A3Ab0']],
    [
      'Udh: first byte is the length of the rest (spec 9.3.1 ringtone)',
      C.Udh,
      ['06050415810000', '0500030A0201', '0100'],
    ],
    ['MessageType: all ten values', C.MessageType, [...C.messageTypes]],
    ['TextEncoding', C.TextEncoding, ['auto', 'ucs2']],
    ['FieldValue: Latin-1 text', C.FieldValue, ['', 'Joe', '$150', 'Grüße']],
    [
      'RequiredFeatures',
      C.RequiredFeatures,
      [{ add: [] }, { add: ['FLASH'] }, { exactly: ['ALPHA', 'NUMER'] }],
    ],
  ])('%s', (_reason, codec, values) => {
    for (const v of values) expect(problem(codec, v), JSON.stringify(v)).toBeUndefined()
  })
})

describe('Codecs: refused values, with the reason', () => {
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
    ['empty sender', C.Sender, '', /default sender/],
    ['+ sender', C.Sender, '+27831234567', /'\+'/],
    ['17 digits', C.Sender, '12345678901234567', /at most 16/],
    ['12 characters', C.Sender, 'ABCDEFGHIJKL', /at most 11/],
    ['punctuation', C.Sender, 'M&S', /"&" at 1/],
    ['outer space', C.Sender, ' Acme', /start or end with a space/],
    ['non-ASCII letter', C.Sender, 'Café', /"é" at 3/],
    ['client id with a dash (a UUID)', C.ClientMessageId, '123e4567-e89b', /"-" at 8/],
    ['client id too long', C.ClientMessageId, 'a'.repeat(33), /at most 32/],
    ['client id with a space', C.ClientMessageId, 'a b', /" " at 1/],
    ['token with spaces', C.Token, '1234 5678', /digits only/],
    ['empty text (gateway error 107)', C.MessageText, '', /107/],
    ['lone surrogate', C.MessageText, 'ab\uDC00', /lone surrogate at 2/],
    ['odd hex', C.Hex, 'abc', /odd/],
    ['not hex', C.Hex, 'zz', /not a hex digit/],
    ['empty data', C.Hex, '', /at least one byte/],
    ['UDH length byte wrong', C.Udh, '05050415810000', /header length 5 .* but 6 bytes follow/],
    ['the RTTTL spelling trap', C.MessageType, 'SMS_NOKIA_RTTTL', /two Ts/],
    ['unknown type', C.MessageType, 'SMS_LOGO', /one of SMS_TEXT/],
    ['encoding gsm7 is not a choice', C.TextEncoding, 'gsm7', /'auto' or 'ucs2'/],
    ['field above U+00FF', C.FieldValue, 'Ωmega', /above U\+00FF/],
    ['both add and exactly', C.RequiredFeatures, { add: [], exactly: [] }, /exactly one/],
    ['a bare list', C.RequiredFeatures, ['FLASH'], /must be \{ add/],
  ])('%s', (_reason, codec, value, reason) => {
    expect(problem(codec, value)).toMatch(reason)
  })

  it('RequiredFeatures names each bad feature by its index', () => {
    const r = C.RequiredFeatures.validate({ add: ['FLASH', 'NOKIA', 'LOGO'] }, [
      { key: 'requiredFeatures', type: C.RequiredFeatures, actual: null },
    ])
    expect(E.isLeft(r) && problemsOf(r.left).map((p) => p.path)).toEqual([
      'requiredFeatures.add.1',
      'requiredFeatures.add.2',
    ])
  })
})

describe('Codecs: ScheduledTime', () => {
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

describe('Codecs: generated values', () => {
  test.prop([sender()], { numRuns })('every generated sender passes', (s) => {
    expect(problem(C.Sender, s)).toBeUndefined()
    expect(C.senderKind(s)).toBe(/^\d+$/.test(s) ? 'numeric' : 'alphanumeric')
  })
  test.prop([clientMessageId(), requiredFeatures()], { numRuns })(
    'client ids and feature requirements pass',
    (id, rf) => {
      expect(problem(C.ClientMessageId, id)).toBeUndefined()
      expect(C.RequiredFeatures.decode(rf)).toEqual(E.right(rf))
    },
  )
  test.prop([fc.anything()], { numRuns })('no codec throws', (u) => {
    for (const codec of [C.Sender, C.MaxCredits, C.ScheduledTime, C.RequiredFeatures, C.Udh, C.MessageType])
      expect(() => codec.decode(u)).not.toThrow()
  })
})
