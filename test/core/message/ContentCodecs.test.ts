import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as C from '../../../src/core/message/ContentCodecs.js'
import { problemsOf } from '../../../src/core/message/Validation.js'
import { numRuns, requiredFeatures } from '../../support/arbitraries.js'

const problem = (codec: t.Decoder<unknown, unknown>, u: unknown): string | undefined => {
  const r = codec.decode(u)
  return E.isLeft(r) ? problemsOf(r.left)[0]!.message : undefined
}

describe('ContentCodecs: accepted values', () => {
  it.each<[string, t.Decoder<unknown, unknown>, ReadonlyArray<unknown>]>([
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

describe('ContentCodecs: refused values, with the reason', () => {
  it.each<[string, t.Decoder<unknown, unknown>, unknown, RegExp]>([
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

describe('ContentCodecs: generated values', () => {
  test.prop([requiredFeatures()], { numRuns })('feature requirements pass', (rf) => {
    expect(C.RequiredFeatures.decode(rf)).toEqual(E.right(rf))
  })
  test.prop([fc.anything()], { numRuns })('no codec throws', (u) => {
    for (const codec of [C.RequiredFeatures, C.Udh, C.MessageType, C.MessageText])
      expect(() => codec.decode(u)).not.toThrow()
  })
})
