import { describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/Output.js'
import { preview, render } from '../../src/cli/Preview.js'

const plain: Io = {
  out: () => undefined,
  err: () => undefined,
  json: false,
  color: false,
  interactive: false,
}
const colour: Io = { ...plain, color: true }

describe('preview', () => {
  it('a GSM-7 text: one part, nothing to suggest, no req_feat', () => {
    expect(preview('Hello [world]')).toEqual({
      text: 'Hello [world]',
      encoding: 'gsm7',
      wire: 'ISO-8859-1 text',
      reason: 'gsm7',
      units: 15,
      unitName: 'septets',
      parts: 1,
      perPart: 160,
      remaining: 145,
      split: [{ text: 'Hello [world]', units: 15 }],
      offenders: [],
      reqFeat: { mask: 0, features: [] },
    })
  })

  it('a typographic apostrophe forces UCS-2; the GSM-7 spelling saves two parts; the cost is parts x charge', () => {
    const r = preview(`We’re open ${'x'.repeat(140)}`, { charge: 0.8 })
    expect(r).toMatchObject({
      encoding: 'ucs2',
      wire: 'UCS-2 hex (unicode=1)',
      reason: 'not-gsm',
      units: 151,
      unitName: 'UTF-16 units',
      parts: 3,
      perPart: 67,
      remaining: 50,
      offenders: [
        {
          position: 2,
          char: '’',
          codePoint: 'U+2019',
          problem: 'not-gsm',
          replacement: "'",
          kind: 'typographic',
        },
      ],
      suggestion: {
        text: `We're open ${'x'.repeat(140)}`,
        encoding: 'gsm7',
        parts: 1,
        savedParts: 2,
        lossy: false,
      },
      reqFeat: { mask: 16392, features: ['UCS2', 'CONCAT'] },
      cost: { perPart: 0.8, total: 2.4, source: 'given' },
    })
    expect(r.hex?.slice(0, 12)).toBe('005700652019')
  })

  it('the euro sign is GSM but not ISO-8859-1: UCS-2, and a lossy GSM-7 spelling is offered', () => {
    expect(preview('Price 5€', { from: 'Acme', callback: 3 })).toEqual({
      text: 'Price 5€',
      encoding: 'ucs2',
      wire: 'UCS-2 hex (unicode=1)',
      reason: 'not-latin1',
      units: 8,
      unitName: 'UTF-16 units',
      parts: 1,
      perPart: 70,
      remaining: 62,
      split: [{ text: 'Price 5€', units: 8 }],
      offenders: [
        {
          position: 7,
          char: '€',
          codePoint: 'U+20AC',
          problem: 'not-latin1',
          replacement: 'EUR',
          kind: 'lossy',
        },
      ],
      suggestion: { text: 'Price 5EUR', encoding: 'gsm7', parts: 1, savedParts: 0, lossy: true },
      hex: '005000720069006300650020003520AC',
      reqFeat: { mask: 8216, features: ['UCS2', 'ALPHA', 'DELIVACK'] },
    })
  })

  it('no suggestion when nothing cheaper exists', () => {
    const r = preview('Ωmega')
    expect(r.suggestion).toBeUndefined()
    expect(r.offenders).toEqual([{ position: 0, char: 'Ω', codePoint: 'U+03A9', problem: 'not-latin1' }])
  })

  it('--ucs2 forces UCS-2 and offers no suggestion', () => {
    expect(preview('abc', { ucs2: true })).toEqual({
      text: 'abc',
      encoding: 'ucs2',
      wire: 'UCS-2 hex (unicode=1)',
      reason: 'forced',
      units: 3,
      unitName: 'UTF-16 units',
      parts: 1,
      perPart: 70,
      remaining: 67,
      split: [{ text: 'abc', units: 3 }],
      offenders: [],
      hex: '006100620063',
      reqFeat: { mask: 8, features: ['UCS2'] },
    })
  })

  it('over --max-parts is tooLong; the cost is rounded to micro-credits and keeps its source', () => {
    const r = preview('x'.repeat(400), { maxParts: 2, charge: 0.333333333, chargeSource: 'gateway' })
    expect(r).toMatchObject({ parts: 3, perPart: 153, remaining: 59, tooLong: { parts: 3, limit: 2 } })
    expect(r.cost).toEqual({ perPart: 0.333333333, total: 1, source: 'gateway' })
    expect(preview('x'.repeat(400), { maxParts: 3 }).tooLong).toBeUndefined()
  })
})

describe('the parts', () => {
  it.each([
    ['one GSM-7 part', 'Hello', [5]],
    ['the empty text has no parts', '', []],
    [
      'an escape pair is never cut: [ waits for the next part',
      `${'x'.repeat(152)}[${'y'.repeat(10)}`,
      [152, 12],
    ],
    ['GSM-7 with [ and ] counted as two septets each', `${'['.repeat(80)}${'x'.repeat(10)}`, [152, 18]],
    ['€ in plain text makes UCS-2: split at 67 units', `${'x'.repeat(70)}€`, [67, 4]],
    ['a surrogate pair is never cut', `${'x'.repeat(66)}😀${'y'.repeat(5)}`, [66, 7]],
  ])('%s', (_case, text, sizes) => {
    const r = preview(text)
    // Law: the parts put together are the text; their sizes are the units, and never over a part.
    expect(r.split.map((p) => p.text).join('')).toBe(text)
    expect(r.split.map((p) => p.units)).toEqual(sizes)
    expect(r.split.map((p) => p.units).reduce((a, b) => a + b, 0)).toBe(r.units)
    expect(r.split).toHaveLength(r.parts)
    for (const p of r.split) expect(p.units).toBeLessThanOrEqual(r.perPart)
  })
})

describe('render', () => {
  it('a GSM-7 text in three lines', () => {
    expect(render(plain, preview('Hello [world]'))).toEqual([
      'Encoding  GSM-7, sent as ISO-8859-1 text: every character is GSM 03.38 and ISO-8859-1',
      'Length    15 septets in 1 part of 160; 145 left in the last part',
      'req_feat  0 (none)',
    ])
  })

  it('offenders, the cheaper text, the hex cut at 120 digits, req_feat and the cost', () => {
    const text = `We’re open ${'x'.repeat(140)}`
    expect(render(plain, preview(text, { charge: 0.8 }))).toEqual([
      'Encoding  UCS-2, sent as UCS-2 hex (unicode=1): some characters are not in GSM 03.38',
      'Length    151 UTF-16 units in 3 parts of 67; 50 left in the last part',
      `Parts      1:  67 UTF-16 units  "We’re open ${'x'.repeat(56)}"`,
      `           2:  67 UTF-16 units  "${'x'.repeat(67)}"`,
      `           3:  17 UTF-16 units  "${'x'.repeat(17)}"`,
      'Forces UCS-2',
      `  position    2: "’" U+2019 not-gsm -> "'" (typographic)`,
      'Cheaper   GSM-7, 1 part (saves 2 parts):',
      `  We're open ${'x'.repeat(140)}`,
      `UCS-2 hex 005700652019007200650020006F00700065006E0020${'0078'.repeat(19)}...`,
      'req_feat  16392 (UCS2 + CONCAT)',
      'Cost      3 parts x 0.8 credits = 2.4 credits',
    ])
  })

  it('too long, and a charge from routecoverage', () => {
    expect(
      render(plain, preview('x'.repeat(400), { maxParts: 2, charge: 0.333333333, chargeSource: 'gateway' })),
    ).toEqual([
      'Encoding  GSM-7, sent as ISO-8859-1 text: every character is GSM 03.38 and ISO-8859-1',
      'Length    400 septets in 3 parts of 153; 59 left in the last part',
      `Parts      1: 153 septets  "${'x'.repeat(153)}"`,
      `           2: 153 septets  "${'x'.repeat(153)}"`,
      `           3:  94 septets  "${'x'.repeat(94)}"`,
      'Too long    needs 3 parts, but at most 2 are allowed (--max-parts)',
      'req_feat  16384 (CONCAT)',
      'Cost      3 parts x 0.333333333 credits = 1 credit (charge per part from routecoverage)',
    ])
  })

  it('a lossy suggestion says it changes the spelling', () => {
    expect(render(plain, preview('Price 5€'))).toContain('Cheaper   GSM-7, 1 part (changes spelling):')
  })

  it('lists at most 20 offenders, then how many more', () => {
    const lines = render(plain, preview('Ω'.repeat(25)))
    expect(lines.filter((l) => l.startsWith('  position'))).toHaveLength(20)
    expect(lines).toContain('  ... and 5 more')
  })

  it('paints the headings and the encoding on a colour terminal', () => {
    expect(render(colour, preview('Hi'))[0]).toBe(
      '\u001b[1mEncoding\u001b[0m  \u001b[32mGSM-7\u001b[0m, sent as ISO-8859-1 text: every character is GSM 03.38 and ISO-8859-1',
    )
  })
})

describe('preview: warnings', () => {
  it('a sender id with punctuation is a warning in the report and a line', () => {
    const r = preview('Hi', { from: 'Dr.Smith' })
    expect(r.warnings?.map((w) => w.path)).toEqual(['from'])
    expect(render(plain, r).at(-1)).toMatch(/^Warning {3}from contains "\." at 2: punctuation/)
    expect(preview('Hi', { from: 'Acme' }).warnings).toBeUndefined()
  })
})
