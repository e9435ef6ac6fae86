import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  check,
  count,
  countPlain,
  countWith,
  GATEWAY_MAX_PARTS,
  split,
  splitWith,
} from '../../../src/core/text/Parts.js'
import { characters, referenceCount } from './referenceCount.js'
import { anyText, gsmExtensionChars, gsmText, numRuns } from './textArbitraries.js'

const ucs2 = countWith({ encoding: 'ucs2' })
const splitUcs2 = splitWith({ encoding: 'ucs2' })
const x = (n: number) => 'x'.repeat(n)

describe('Parts.count: literal boundaries', () => {
  it.each([
    ['empty text has nothing to send', '', 'gsm7', 0, 0, 160, 160],
    ['one septet', 'a', 'gsm7', 1, 1, 160, 159],
    ['160 septets fit one message', x(160), 'gsm7', 160, 1, 160, 0],
    ['161 septets need two parts of 153', x(161), 'gsm7', 161, 2, 153, 145],
    ['306 = 2 x 153 exactly', x(306), 'gsm7', 306, 2, 153, 0],
    ['307 = 2 x 153 + 1', x(307), 'gsm7', 307, 3, 153, 152],
    ['153 x 35 is the gateway maximum', x(153 * 35), 'gsm7', 5355, 35, 153, 0],
    ['153 x 35 + 1 needs 36 (the truth, however long)', x(153 * 35 + 1), 'gsm7', 5356, 36, 153, 152],
    ['40 parts are reported as 40', x(153 * 40), 'gsm7', 6120, 40, 153, 0],
    ['80 euro signs are 160 septets', '€'.repeat(80), 'gsm7', 160, 1, 160, 0],
    [
      '81 euro signs: 162 septets, 76 in part 1 (no pair split), 5 in part 2',
      '€'.repeat(81),
      'gsm7',
      162,
      2,
      153,
      143,
    ],
    ['159 + one extension char = 161', `${x(159)}{`, 'gsm7', 161, 2, 153, 145],
    ['extension char at septet 153 moves to part 2', `${x(152)}€${x(10)}`, 'gsm7', 164, 2, 153, 141],
    ['extension char ending exactly at 153 stays', `${x(151)}€${x(10)}`, 'gsm7', 163, 2, 153, 143],
    ['70 UCS-2 units fit one message', 'ç'.repeat(70), 'ucs2', 70, 1, 70, 0],
    ['71 UCS-2 units need two parts of 67', 'ç'.repeat(71), 'ucs2', 71, 2, 67, 63],
    ['134 = 2 x 67 exactly', 'ç'.repeat(134), 'ucs2', 134, 2, 67, 0],
    ['135 = 2 x 67 + 1', 'ç'.repeat(135), 'ucs2', 135, 3, 67, 66],
    [
      'surrogate pair at the part boundary moves whole',
      `${'ç'.repeat(66)}😀${'ç'.repeat(10)}`,
      'ucs2',
      78,
      2,
      67,
      55,
    ],
    ['35 emoji are 70 units: one message', '😀'.repeat(35), 'ucs2', 70, 1, 70, 0],
    ['36 emoji are 72 units: 33 + 3 emoji per part', '😀'.repeat(36), 'ucs2', 72, 2, 67, 61],
    ['CRLF is two GSM septets', 'a\r\nb', 'gsm7', 4, 1, 160, 156],
    ['NBSP is not GSM (0x1B is only the escape)', 'a\u00a0b', 'ucs2', 3, 1, 70, 67],
    ['Ç (capital) is GSM', 'Ça', 'gsm7', 2, 1, 160, 158],
    ['ç (small) is not GSM', 'ça', 'ucs2', 2, 1, 70, 68],
    ['Greek Omega is GSM', 'ΩΨΘ', 'gsm7', 3, 1, 160, 157],
    ['Greek Alpha looks Latin but is not GSM', 'Αlpha', 'ucs2', 5, 1, 70, 65],
    ['a combining mark is not GSM and costs its own unit', 'e\u0301', 'ucs2', 2, 1, 70, 68],
    ['a lone high surrogate makes UCS-2 and costs one unit', 'a\uD800', 'ucs2', 2, 1, 70, 68],
    ['a flag is two surrogate pairs', '🇬🇧', 'ucs2', 4, 1, 70, 66],
  ])('%s', (_reason, text, encoding, units, parts, perPart, remaining) => {
    expect(count(text)).toEqual({ encoding, units, parts, perPart, remaining })
  })

  it.each(gsmExtensionChars)('extension character %j costs two septets', (ch) => {
    expect(count(ch)).toMatchObject({ encoding: 'gsm7', units: 2 })
    expect(count(`${x(152)}${ch}${x(10)}`)).toMatchObject({ parts: 2, remaining: 153 - 12 })
    expect(split(`${x(152)}${ch}${x(10)}`)[1]!.startsWith(ch)).toBe(true)
  })

  it('forces UCS-2 on request', () => {
    expect(ucs2('Hello')).toEqual({ encoding: 'ucs2', units: 5, parts: 1, perPart: 70, remaining: 65 })
    expect(ucs2(x(71)).parts).toBe(2)
  })
})

describe('Parts.count: laws', () => {
  test.prop([anyText(800)], { numRuns })('agrees with the reference model', (text) => {
    expect(count(text)).toEqual(referenceCount(text))
    expect(ucs2(text)).toEqual(referenceCount(text, true))
  })

  test.prop([gsmText(500, 3)], { numRuns })('GSM-7 exactly when every character is in the tables', (text) => {
    expect(count(text).encoding).toBe('gsm7')
  })

  test.prop([anyText(500), fc.constantFrom('a', '€', 'ç', '😀', '\uD800', '\n')], { numRuns })(
    'appending a character never lowers the part count',
    (text, ch) => {
      expect(count(text + ch).parts).toBeGreaterThanOrEqual(count(text).parts)
    },
  )

  test.prop([anyText(800)], { numRuns })('remaining is within the part and units add up', (text) => {
    const c = count(text)
    expect(c.remaining).toBeGreaterThanOrEqual(0)
    expect(c.remaining).toBeLessThanOrEqual(c.perPart)
    expect(c.parts * c.perPart).toBeGreaterThanOrEqual(c.units)
  })
})

describe('Parts.split: laws', () => {
  const unitsOf = (part: string, gsm: boolean) => (gsm ? count(part).units : part.length)

  test.prop([anyText(900)], { numRuns })(
    'joins back to the text, with as many parts as count says',
    (text) => {
      const parts = split(text)
      expect(parts.join('')).toBe(text)
      expect(parts.length).toBe(count(text).parts)
    },
  )

  test.prop([anyText(900)], { numRuns })('no part over its limit, no pair cut in two', (text) => {
    const c = count(text)
    const parts = split(text)
    const limit = parts.length > 1 ? c.perPart : c.encoding === 'gsm7' ? 160 : 70
    const whole = characters(text)
    let k = 0
    for (const part of parts) {
      expect(unitsOf(part, c.encoding === 'gsm7')).toBeLessThanOrEqual(limit)
      // Every part is a run of whole characters of the text: no surrogate pair split.
      const own = characters(part)
      expect(own).toEqual(whole.slice(k, k + own.length))
      k += own.length
    }
  })

  test.prop([anyText(900)], { numRuns })('forced UCS-2 split obeys the same laws', (text) => {
    const parts = splitUcs2(text)
    expect(parts.join('')).toBe(text)
    expect(parts.length).toBe(ucs2(text).parts)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(parts.length > 1 ? 67 : 70)
  })

  it('an escape pair moves whole to the next part', () => {
    expect(split(`${x(152)}€${x(10)}`).map((p) => p.length)).toEqual([152, 11])
  })

  it('a surrogate pair moves whole to the next part', () => {
    const parts = split(`${'ç'.repeat(66)}😀${'ç'.repeat(10)}`)
    expect(parts.map((p) => p.length)).toEqual([66, 12])
    expect(parts[1]!.startsWith('😀')).toBe(true)
  })
})

describe('Parts.check', () => {
  it('refuses more parts than the caller allows, with the numbers', () => {
    expect(check(2)(count(x(307)))).toEqual({
      _tag: 'Left',
      left: { _tag: 'MessageTooLong', encoding: 'gsm7', units: 307, parts: 3, limit: 2, perPart: 153 },
    })
  })

  it('never allows more than the gateway maximum of 35', () => {
    expect(check()(count(x(153 * 35)))._tag).toBe('Right')
    expect(check()(count(x(153 * 35 + 1)))).toMatchObject({ left: { parts: 36, limit: GATEWAY_MAX_PARTS } })
  })

  it.each([0, 36, 1.5, Number.NaN, -1])('a maximum of %s is invalid input, not a throw', (max) => {
    expect(check(max)(count('hi'))).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidInput' } })
  })

  test.prop([anyText(600), fc.integer({ min: 1, max: 35 })], { numRuns })(
    'Right exactly when parts <= max',
    (text, max) => {
      const r = check(max)(count(text))
      expect(r._tag === 'Right').toBe(count(text).parts <= max)
    },
  )
})

describe('Parts.countPlain: as the HTTP API sends it', () => {
  it.each([
    ['plain GSM and ISO-8859-1', 'Grüße [x]', 'gsm7', 11],
    ['the euro sign is GSM but not ISO-8859-1', 'Price 5€', 'ucs2', 8],
    ['a Greek capital likewise', 'ΩΨ ok', 'ucs2', 5],
    ['a character outside GSM', 'ça', 'ucs2', 2],
  ])('%s', (_reason, text, encoding, units) => {
    expect(countPlain(text)).toMatchObject({ encoding, units })
  })

  test.prop([anyText(500)], { numRuns })(
    'equals count for plain texts and the UCS-2 count otherwise',
    (text) => {
      const plain =
        [...text].every((ch) => ch.length === 1 && ch.charCodeAt(0) <= 0xff) &&
        count(text).encoding === 'gsm7'
      expect(countPlain(text)).toEqual(plain ? count(text) : ucs2(text))
    },
  )
})
