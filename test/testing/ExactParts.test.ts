import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { plan } from '../../src/core/text/Charset.js'
import { widths } from '../../src/core/text/Gsm7.js'
import { count, split } from '../../src/core/text/Parts.js'
import { loneSurrogateAt } from '../../src/core/text/Ucs2.js'
import { textOnBoundary, textWithParts } from '../../src/testing/index.js'

const numRuns = process.env.CI ? 100 : 200

const units = (encoding: 'gsm7' | 'ucs2', part: string): number =>
  encoding === 'ucs2' ? part.length : [...part].reduce((n, c) => n + widths[c.charCodeAt(0)]!, 0)
const other = { gsm7: 'a', ucs2: 'ж' } as const
const full = { gsm7: 153, ucs2: 67 } as const

describe('textWithParts', () => {
  it.each([
    ['gsm7', 1, 'single message, up to 160 septets'],
    ['gsm7', 2, 'the first concatenated layout'],
    ['gsm7', 7, 'several parts'],
    ['gsm7', 35, "the gateway's maximum"],
    ['ucs2', 1, 'single message, up to 70 units'],
    ['ucs2', 2, 'the first concatenated layout'],
    ['ucs2', 7, 'several parts'],
    ['ucs2', 35, "the gateway's maximum"],
  ] as const)('%s, %i parts (%s): Parts.count and Charset.plan agree', (encoding, parts, _reason) => {
    fc.assert(
      fc.property(textWithParts({ encoding, parts }), (text) => {
        const c = count(text)
        expect([c.encoding, c.parts]).toEqual([encoding, parts])
        expect(plan(text).count).toEqual(c)
        expect(loneSurrogateAt(text)).toBe(-1)
      }),
      { numRuns: parts === 35 ? 20 : numRuns },
    )
  })

  test.prop([textWithParts()], { numRuns })('by default, 1 to 4 parts in either encoding', (text) => {
    const c = count(text)
    expect(c.parts).toBeGreaterThanOrEqual(1)
    expect(c.parts).toBeLessThanOrEqual(4)
    expect(plan(text).encoding).toBe(c.encoding)
  })

  it('lands next to both ends of the last part, not only in the middle', () => {
    const texts = fc.sample(textWithParts({ encoding: 'gsm7', parts: 2 }), { numRuns: 200, seed: 1 })
    const fills = texts.map((t) => full.gsm7 - count(t).remaining)
    expect(fills.some((f) => f === full.gsm7)).toBe(true)
    expect(fills.some((f) => f <= 20)).toBe(true)
  })

  it.each([
    [{ parts: 0 }, 1, 'below 1: one part'],
    [{ parts: 2.4 }, 2, 'a fraction: rounded'],
    [{ parts: Number.NaN }, 1, 'not a number: one part'],
    [{ parts: 1000 }, 255, 'above 255: 255 parts'],
  ])('%j gives %i parts (%s)', (constraints, parts) => {
    const [text] = fc.sample(textWithParts({ encoding: 'gsm7', ...constraints }), { numRuns: 1, seed: 2 })
    expect(count(text!).parts).toBe(parts)
  })
})

describe('textOnBoundary', () => {
  const boundaries = fc
    .tuple(fc.constantFrom('gsm7' as const, 'ucs2' as const), fc.integer({ min: 1, max: 6 }))
    .chain(([encoding, parts]) =>
      textOnBoundary({ encoding, parts }).map((text) => ({ encoding, parts, text })),
    )

  test.prop([boundaries], { numRuns })(
    'fills its parts exactly: one character more is one part more',
    ({ encoding, parts, text }) => {
      const c = count(text)
      expect([c.encoding, c.parts, c.remaining]).toEqual([encoding, parts, 0])
      expect(count(text + other[encoding]).parts).toBe(parts + 1)
      expect(count(text.slice(0, -1)).parts).toBeLessThanOrEqual(parts)
    },
  )

  it.each([['gsm7'], ['ucs2']] as const)('%s, pushed: a part holds one unit less for a pair', (encoding) => {
    fc.assert(
      fc.property(textOnBoundary({ encoding, parts: 3, pushed: true }), (text) => {
        const held = split(text).map((p) => units(encoding, p))
        expect(held.length).toBe(3)
        expect(held.slice(0, -1)).toContain(full[encoding] - 1)
        expect(held.at(-1)).toBe(full[encoding])
      }),
      { numRuns },
    )
  })

  it.each([['gsm7'], ['ucs2']] as const)('%s, not pushed: every part is full', (encoding) => {
    fc.assert(
      fc.property(textOnBoundary({ encoding, parts: 3, pushed: false }), (text) => {
        expect(split(text).map((p) => units(encoding, p))).toEqual([
          full[encoding],
          full[encoding],
          full[encoding],
        ])
      }),
      { numRuns },
    )
  })

  it('a single part holds exactly 160 septets or 70 units', () => {
    for (const text of fc.sample(textOnBoundary({ encoding: 'gsm7', parts: 1 }), { numRuns: 50, seed: 3 }))
      expect(count(text).units).toBe(160)
    for (const text of fc.sample(textOnBoundary({ encoding: 'ucs2', parts: 1 }), { numRuns: 50, seed: 3 }))
      expect(count(text).units).toBe(70)
  })

  it('without astral characters, UCS-2 has no pair to push: pushed is ignored', () => {
    for (const text of fc.sample(
      textOnBoundary({ encoding: 'ucs2', parts: 3, astral: false, pushed: true }),
      {
        numRuns: 50,
        seed: 4,
      },
    )) {
      expect(text.length).toBe([...text].length)
      expect(split(text).map((p) => p.length)).toEqual([67, 67, 67])
    }
  })
})
