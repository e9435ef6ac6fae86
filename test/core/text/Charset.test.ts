import { fc, test } from '@fast-check/vitest'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { plan, planWith, suggest, suggestWith } from '../../../src/core/text/Charset.js'
import { widths } from '../../../src/core/text/Gsm7.js'
import { count, countWith } from '../../../src/core/text/Parts.js'
import { table } from '../../../src/core/text/Replacements.js'
import { anyText, gsmText, numRuns } from './textArbitraries.js'

describe('Charset.plan', () => {
  it.each([
    ['plain GSM and Latin-1', 'Hello [world] ä', 'gsm7', 'gsm7', []],
    ['euro sign is GSM but not ISO-8859-1', 'Price 5€', 'ucs2', 'not-latin1', [[7, '€', 'not-latin1']]],
    [
      'Greek Omega is GSM but not ISO-8859-1',
      'ΩΨ',
      'ucs2',
      'not-latin1',
      [
        [0, 'Ω', 'not-latin1'],
        [1, 'Ψ', 'not-latin1'],
      ],
    ],
    ['curly apostrophe is not GSM', 'It’s', 'ucs2', 'not-gsm', [[2, '’', 'not-gsm']]],
    ['emoji is one offender with its whole code point', 'a😀b', 'ucs2', 'not-gsm', [[1, '😀', 'not-gsm']]],
    ['lone surrogate', 'a\uDC00', 'ucs2', 'not-gsm', [[1, '\uDC00', 'lone-surrogate']]],
    ['NBSP', 'a\u00a0b', 'ucs2', 'not-gsm', [[1, '\u00a0', 'not-gsm']]],
    ['empty text', '', 'gsm7', 'gsm7', []],
  ])('%s', (_reason, text, encoding, reason, offenders) => {
    const p = plan(text)
    expect([p.encoding, p.reason]).toEqual([encoding, reason])
    expect(p.offenders.map((o) => [o.index, o.char, o.problem])).toEqual(offenders)
  })

  it('forced UCS-2 says so', () => {
    expect(planWith({ encoding: 'ucs2' })('Hello')).toMatchObject({
      encoding: 'ucs2',
      reason: 'forced',
      offenders: [],
    })
  })

  it('counts in the wire encoding: a euro sign makes a GSM text UCS-2 on this API', () => {
    const text = `${'x'.repeat(100)}€`
    expect(count(text)).toMatchObject({ encoding: 'gsm7', parts: 1 })
    expect(plan(text).count).toMatchObject({ encoding: 'ucs2', units: 101, parts: 2 })
  })

  test.prop([anyText(400)], { numRuns })(
    'gsm7 exactly when every character is GSM and ISO-8859-1',
    (text) => {
      const plain = [...text].every(
        (ch) => ch.length === 1 && widths[ch.charCodeAt(0)]! > 0 && ch.charCodeAt(0) <= 0xff,
      )
      const p = plan(text)
      expect(p.encoding === 'gsm7').toBe(plain)
      expect(p.count).toEqual(p.encoding === 'gsm7' ? count(text) : countWith({ encoding: 'ucs2' })(text))
      for (const o of p.offenders) expect(text.slice(o.index, o.index + o.char.length)).toBe(o.char)
    },
  )
})

describe('Charset.suggest', () => {
  it('a curly apostrophe triples the cost, and the suggestion says so', () => {
    const text = `We’re open ${'x'.repeat(140)}`
    expect(plan(text).count.parts).toBe(3)
    const s = suggest(text)
    expect(O.isSome(s) && s.value).toMatchObject({
      text: `We're open ${'x'.repeat(140)}`,
      savedParts: 2,
      replaced: 1,
      lossy: false,
    })
  })

  it.each([
    ['smart quotes', '“Hi” ‘there’', '"Hi" \'there\''],
    ['dashes and ellipsis', 'a – b — c…', 'a - b - c...'],
    ['NBSP and thin space', 'a\u00a0b\u2009c', 'a b c'],
    ['zero-width space removed', 'a\u200bb', 'ab'],
    ['Greek look-alikes', 'ΑΒΓ', 'ABΓ'],
  ])('typographic: %s', (_reason, text, expected) => {
    const s = suggest(text)
    expect(O.isSome(s) && s.value.text).toBe(expected)
  })

  it('lossy replacements only on request', () => {
    expect(O.isNone(suggest('ça'))).toBe(true)
    const s = suggestWith({ lossy: true })('Ça coûte 5€')
    expect(O.isSome(s) && s.value).toMatchObject({
      text: 'Ça coute 5EUR',
      lossy: true,
      plan: { encoding: 'gsm7' },
    })
  })

  it('nothing to suggest for an emoji', () => {
    expect(O.isNone(suggest('Hi 😀'))).toBe(true)
  })

  test.prop([anyText(300)], { numRuns })('a suggestion never costs more', (text) => {
    const s = suggestWith({ lossy: true })(text)
    if (O.isSome(s)) expect(s.value.plan.count.parts).toBeLessThanOrEqual(plan(text).count.parts)
  })

  test.prop([gsmText(300)], { numRuns })('plain GSM text has nothing to suggest', (text) => {
    fc.pre(plan(text).encoding === 'gsm7')
    expect(O.isNone(suggestWith({ lossy: true })(text))).toBe(true)
  })
})

describe('Replacements', () => {
  it.each([...table.entries()].map(([cp, r]) => [cp.toString(16), String.fromCodePoint(cp), r.text, r.kind]))(
    'U+%s %j -> %j (%s) is plain GSM-7 and the original is not',
    (_hex, ch, text) => {
      expect(plan(text).encoding).toBe('gsm7')
      expect(plan(ch).encoding).toBe('ucs2')
    },
  )
})
