import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { MessageText } from '../../src/core/message/ContentCodecs.js'
import { plan } from '../../src/core/text/Charset.js'
import { isGsm7, widths } from '../../src/core/text/Gsm7.js'
import { count, split } from '../../src/core/text/Parts.js'
import { loneSurrogateAt } from '../../src/core/text/Ucs2.js'
import {
  commonAstral,
  commonNotGsm,
  gsmBasic,
  gsmExtension,
  gsmNotLatin1,
  plainBasic,
  plainExtension,
} from '../../src/testing/Alphabets.js'
import { extensionHeavyText, gsm7Text, latin1PlainText, ucs2Text } from '../../src/testing/index.js'

const numRuns = process.env.CI ? 100 : 200
const codePoints = (text: string): number => [...text].length
const extensionShare = (texts: ReadonlyArray<string>): number => {
  const cs = texts.flatMap((t) => [...t])
  return cs.filter((c) => widths[c.charCodeAt(0)] === 2).length / Math.max(1, cs.length)
}

describe('alphabets', () => {
  it('split the GSM 03.38 tables into what travels as ISO-8859-1 and what does not', () => {
    expect(plainBasic.length + plainExtension.length + gsmNotLatin1.length).toBe(
      gsmBasic.length + gsmExtension.length,
    )
    expect([...plainBasic, ...plainExtension].every((c) => c.charCodeAt(0) <= 0xff && isGsm7(c))).toBe(true)
    expect(gsmNotLatin1.join('')).toBe('ΔΦΓΛΩΠΨΣΘΞ€')
  })

  it('keeps the non-GSM samples outside GSM 03.38, and the astral ones outside the BMP', () => {
    expect(commonNotGsm.filter((c) => c.length !== 1 || isGsm7(c))).toEqual([])
    expect(commonAstral.filter((c) => c.length !== 2 || c.codePointAt(0)! <= 0xffff)).toEqual([])
  })
})

describe('gsm7Text', () => {
  test.prop([gsm7Text()], { numRuns })('is GSM-7 by count, as long as asked', (text) => {
    expect(isGsm7(text)).toBe(true)
    expect(count(text).encoding).toBe('gsm7')
    expect(text.length).toBeLessThanOrEqual(500)
  })

  test.prop([gsm7Text({ minLength: 161, maxLength: 170 })], { numRuns })(
    'honours minLength and maxLength',
    (text) => {
      expect(text.length).toBeGreaterThanOrEqual(161)
      expect(text.length).toBeLessThanOrEqual(170)
      expect(count(text).parts).toBeGreaterThanOrEqual(2)
    },
  )

  it('draws extension characters, € and the Greek capitals', () => {
    const texts = fc.sample(gsm7Text({ minLength: 50, maxLength: 100 }), { numRuns: 100, seed: 1 })
    const all = texts.join('')
    expect(gsmExtension.some((c) => all.includes(c))).toBe(true)
    expect(gsmNotLatin1.some((c) => all.includes(c))).toBe(true)
  })
})

describe('extensionHeavyText', () => {
  test.prop([extensionHeavyText()], { numRuns })('is GSM-7 and splits without cutting a pair', (text) => {
    expect(count(text).encoding).toBe('gsm7')
    expect(split(text).join('')).toBe(text)
  })

  it('is about half extension characters, where gsm7Text has few', () => {
    const heavy = extensionShare(fc.sample(extensionHeavyText({ minLength: 100 }), { numRuns: 50, seed: 2 }))
    const light = extensionShare(fc.sample(gsm7Text({ minLength: 100 }), { numRuns: 50, seed: 2 }))
    expect(heavy).toBeGreaterThan(0.35)
    expect(light).toBeLessThan(0.15)
  })
})

describe('latin1PlainText', () => {
  test.prop([latin1PlainText({ minLength: 1 })], { numRuns })('travels as plain text', (text) => {
    const p = plan(text)
    expect(p.encoding).toBe('gsm7')
    expect(p.offenders).toEqual([])
    expect(p.count).toEqual(count(text))
  })
})

describe('ucs2Text', () => {
  test.prop([ucs2Text()], { numRuns })(
    'needs UCS-2, is well-formed, and decodes as a message text',
    (text) => {
      expect(count(text).encoding).toBe('ucs2')
      expect(plan(text).encoding).toBe('ucs2')
      expect(loneSurrogateAt(text)).toBe(-1)
      expect(MessageText.is(text)).toBe(true)
      expect(codePoints(text)).toBeLessThanOrEqual(220)
    },
  )

  test.prop([ucs2Text({ astral: false, minLength: 5, maxLength: 30 })], { numRuns })(
    'without astral characters, one unit a character',
    (text) => {
      expect(text.length).toBe(codePoints(text))
      expect(count(text).units).toBe(text.length)
      expect(text.length).toBeGreaterThanOrEqual(5)
      expect(text.length).toBeLessThanOrEqual(30)
    },
  )

  it('draws surrogate pairs by default', () => {
    const texts = fc.sample(ucs2Text({ minLength: 20 }), { numRuns: 50, seed: 3 })
    expect(texts.some((t) => t.length > codePoints(t))).toBe(true)
  })
})

describe('constraints', () => {
  it.each([
    [{ minLength: -5, maxLength: Number.NaN }, 0, 500, 'not numbers or below zero: the defaults'],
    [{ minLength: 20, maxLength: 10 }, 20, 20, 'maxLength below minLength: minLength'],
    [{ minLength: 2.6, maxLength: 3.2 }, 3, 3, 'fractions: rounded'],
    [{ maxLength: 1e9 }, 0, 10_000, 'too long: 10,000'],
  ])('%j gives lengths %i to %i (%s)', (constraints, min, max, _reason) => {
    for (const arbitrary of [gsm7Text, extensionHeavyText, latin1PlainText])
      for (const text of fc.sample(arbitrary(constraints as never), { numRuns: 20, seed: 4 })) {
        expect(text.length).toBeGreaterThanOrEqual(min)
        expect(text.length).toBeLessThanOrEqual(max)
      }
  })

  it('never gives an empty UCS-2 text', () => {
    for (const text of fc.sample(ucs2Text({ minLength: 0, maxLength: 0 }), { numRuns: 20, seed: 5 }))
      expect(codePoints(text)).toBe(1)
  })
})
