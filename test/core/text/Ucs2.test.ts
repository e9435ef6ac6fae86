import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { fromHex, loneSurrogateAt, toHex } from '../../../src/core/text/Ucs2.js'
import { numRuns } from './textArbitraries.js'

describe('Ucs2.toHex', () => {
  it.each([
    ['the spec example', 'ΩΨΘ', '03A903A80398'],
    ['a space is 0020', ' ', '0020'],
    ['an emoji is its surrogate pair', '😀', 'D83DDE00'],
    ['empty', '', ''],
    ['upper-case digits', 'ÿ', '00FF'],
  ])('%s', (_reason, text, hex) => {
    expect(toHex(text)).toBe(hex)
  })
})

describe('Ucs2.fromHex', () => {
  it('reads upper- and lower-case hex', () => {
    expect(fromHex('03A903a80398')).toEqual({ _tag: 'Right', right: 'ΩΨΘ' })
  })

  it.each([
    ['odd length', '03A', 'multiple of 4'],
    ['a length of 2 mod 4', '03A9FF', 'multiple of 4'],
    ['a non-hex character', '03G9', 'character 2 ("G") is not a hex digit'],
    ['a lone high surrogate at the end', '0041D83D', 'unit 1 (D83D) is a high surrogate'],
    ['a high surrogate before a non-surrogate', 'D83D0041', 'unit 0 (D83D) is a high surrogate'],
    ['a lone low surrogate', 'DE00', 'unit 0 (DE00) is a low surrogate'],
  ])('refuses %s', (_reason, hex, message) => {
    const r = fromHex(hex)
    expect(r._tag).toBe('Left')
    if (r._tag === 'Left') expect(r.left.problems[0]!.message).toContain(message)
  })

  test.prop([fc.string({ unit: 'grapheme', maxLength: 200 })], { numRuns })(
    'round trip on well-formed text',
    (text) => {
      expect(fromHex(toHex(text))).toEqual({ _tag: 'Right', right: text })
      expect(toHex(text)).toMatch(/^([0-9A-F]{4})*$/)
      expect(toHex(text).length).toBe(text.length * 4)
    },
  )

  test.prop([fc.string({ unit: 'binary', maxLength: 200 })], { numRuns })(
    'round trip exactly when the text is well formed',
    (text) => {
      const back = fromHex(toHex(text))
      expect(back._tag === 'Right').toBe(loneSurrogateAt(text) === -1)
      if (back._tag === 'Right') expect(back.right).toBe(text)
    },
  )

  it('handles multi-megabyte hex', () => {
    const text = 'ΩΨΘ😀'.repeat(200_000)
    expect(fromHex(toHex(text))).toEqual({ _tag: 'Right', right: text })
  })
})

describe('Ucs2.loneSurrogateAt', () => {
  it.each([
    ['well formed', 'ok😀', -1],
    ['lone high at the end', 'bad\uD800', 3],
    ['lone low', '\uDC00x', 0],
    ['reversed pair', '\uDE00\uD83D', 0],
  ])('%s', (_reason, text, index) => {
    expect(loneSurrogateAt(text)).toBe(index)
  })
})
