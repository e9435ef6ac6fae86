import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  decodeForm,
  encodeForm,
  firstOutside,
  percentDecode,
  percentEncode,
} from '../../../src/core/request/Latin1Form.js'
import { numRuns } from '../../support/arbitraries.js'

const latin1 = fc.string({
  unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
})
const ascii = fc.string({
  unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
})

describe('Latin1.percentEncode', () => {
  it.each([
    ['letters, digits and * - . _ stay', 'Az09*-._', 'Az09*-._'],
    ['space is +', 'a b', 'a+b'],
    ['plus, percent and ampersand are escaped', '+%&=', '%2B%25%26%3D'],
    ['ä is one byte, %E4, never UTF-8 %C3%A4', 'ä', '%E4'],
    ['ÿ is the last byte', 'ÿ', '%FF'],
    ['commas between recipients are %2C', '27999,27998', '27999%2C27998'],
    ['line breaks', 'a\r\nb', 'a%0D%0Ab'],
    ['the empty value', '', ''],
  ])('%s', (_reason, value, encoded) => {
    expect(percentEncode(value)).toEqual(E.right(encoded))
  })

  it.each([
    ['euro sign', '5€', 1],
    ['Greek capital', 'xΩ', 1],
    ['emoji', '😀', 0],
    ['lone surrogate', 'a\uD800', 1],
  ])('refuses %s, naming the position', (_reason, value, index) => {
    const r = percentEncode(value)
    expect(E.isLeft(r) && r.left.problems[0]!.message).toMatch(new RegExp(`^character ${index} `))
    expect(firstOutside(value)).toBe(index)
  })

  test.prop([ascii], { numRuns })('ASCII values encode exactly as URLSearchParams does', (value) => {
    expect(percentEncode(value)).toEqual(E.right(new URLSearchParams([['', value]]).toString().slice(1)))
  })

  test.prop([latin1], { numRuns })(
    'percentDecode(percentEncode(v)) is v for every Latin-1 value',
    (value) => {
      expect(E.flatMap(percentDecode)(percentEncode(value))).toEqual(E.right(value))
    },
  )

  test.prop([latin1], { numRuns })('the encoded form is ASCII without & = or space', (value) => {
    const r = percentEncode(value)
    expect(E.isRight(r) && /^[A-Za-z0-9*\-._+%]*$/.test(r.right)).toBe(true)
  })
})

describe('Latin1.percentDecode', () => {
  it.each([
    ['+ is a space', 'a+b', 'a b'],
    ['%XX is the byte as U+00XX', '%E4%fc', 'äü'],
    ['%20 is a space too', 'a%20b', 'a b'],
    ['text without escapes is itself', 'abc', 'abc'],
  ])('%s', (_reason, encoded, value) => {
    expect(percentDecode(encoded)).toEqual(E.right(value))
  })

  it.each([['%'], ['%4'], ['%G0'], ['a%zz']])('refuses a malformed escape: %s', (encoded) => {
    expect(E.isLeft(percentDecode(encoded))).toBe(true)
  })
})

describe('Latin1.encodeForm / decodeForm', () => {
  const pair = fc.tuple(
    fc.string({ unit: fc.constantFrom(...'abcdefghij_'), minLength: 1, maxLength: 10 }),
    latin1,
  )

  test.prop([fc.array(pair, { maxLength: 12 })], { numRuns })(
    'decodeForm(encodeForm(ps)) is ps, in order',
    (ps) => {
      expect(E.flatMap(decodeForm)(encodeForm(ps))).toEqual(E.right(ps))
    },
  )

  test.prop(
    [
      fc.array(
        fc.tuple(
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 6 }),
            latin1,
            fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
          ),
          latin1,
        ),
        { maxLength: 6 },
      ),
    ],
    {
      numRuns,
    },
  )('writes every name and value as percentEncode does', (ps) => {
    const expected = E.traverseArray(([n, v]: readonly [string, string]) =>
      E.map((en: string) => `${en}=${E.getOrElse(() => '')(percentEncode(v))}`)(percentEncode(n)),
    )(ps)
    const first = encodeForm(ps)
    expect(E.isRight(first)).toBe(E.isRight(expected))
    if (E.isRight(expected)) expect(first).toEqual(E.right(expected.right.join('&')))
  })

  it('lists every value that cannot be written, by name', () => {
    const r = encodeForm([
      ['to', '1'],
      ['text', '5€'],
      ['from', 'Ω'],
    ])
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual(['text', 'from'])
  })

  it('skips empty segments and reads a segment without = as an empty value', () => {
    expect(decodeForm('a=1&&b&c=%E4')).toEqual(
      E.right([
        ['a', '1'],
        ['b', ''],
        ['c', 'ä'],
      ]),
    )
  })
})
