import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  binaryReport,
  cheaperWarning,
  messageReport,
  reportLines,
  smartText,
  warningLines,
} from '../../src/cli/MessageReport.js'
import type { Io } from '../../src/cli/Output.js'
import { plan } from '../../src/core/text/Charset.js'

const io: Io = { out: () => undefined, err: () => undefined, json: false, color: false, interactive: false }

describe('smartText', () => {
  it.each([
    ['nothing to replace', 'Hello', 'Hello', []],
    ['curly quotes and a dash', '“Hi” – it’s', '"Hi" - it\'s', ['“', '”', '–', '’']],
    ['a no-break space', 'a\u00a0b', 'a b', ['\u00a0']],
    ['lossy ones are left alone', 'Zoë 5€ Łukasz', 'Zoë 5€ Łukasz', []],
    ['a mix: only the typographic', 'Zoë’s', "Zoë's", ['’']],
  ])('%s', (_case, text, out, chars) => {
    const r = smartText(text)
    expect(r.text).toBe(out)
    expect(r.replaced.map((x) => x.char)).toEqual(chars)
  })

  it('law: never lossy, never adds a character that forces UCS-2, and never costs more', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const r = smartText(text)
        const before = plan(text)
        const after = plan(r.text)
        expect(after.count.parts).toBeLessThanOrEqual(before.count.parts)
        expect(after.offenders.length).toBeLessThanOrEqual(before.offenders.length)
        expect(r.replaced.length === 0).toBe(r.text === text)
      }),
    )
  })
})

describe('messageReport', () => {
  it('encoding, parts and units; the cost with a charge, per message and for all', () => {
    expect(messageReport('Hello', { charge: 1.5 }, 3)).toEqual({
      text: 'Hello',
      encoding: 'gsm7',
      units: 5,
      unitName: 'septets',
      parts: 1,
      cost: { perPart: 1.5, perMessage: 1.5, messages: 3, total: 4.5 },
    })
  })

  it('a cheaper text, and whether --smart-encoding makes it', () => {
    expect(messageReport('It’s', {}, 1).cheaper).toMatchObject({
      text: "It's",
      encoding: 'gsm7',
      smart: true,
    })
    expect(messageReport('5€', {}, 1).cheaper).toMatchObject({ text: '5EUR', smart: false })
    expect(messageReport('It’s', { ucs2: true }, 1).cheaper).toBeUndefined()
  })
})

describe('reportLines and cheaperWarning', () => {
  it('one line; the replacements and the cost when there are', () => {
    expect(reportLines(io, messageReport('Hi', {}, 1))).toEqual(['Message   GSM-7, 1 part (2 septets)'])
    const smart = smartText('It’s')
    expect(reportLines(io, messageReport(smart.text, { replaced: smart.replaced, charge: 1 }, 1))).toEqual([
      'Message   GSM-7, 1 part (4 septets)',
      `Replaced  "’" -> "'" at 2 (--smart-encoding)`,
      'Cost      1 part x 1 credit = 1 credit a message',
    ])
  })

  it('no warning without a cheaper text', () => {
    expect(cheaperWarning(messageReport('Hi', {}, 1))).toBeUndefined()
    expect(cheaperWarning(messageReport('Ωmega', {}, 1))).toBeUndefined()
  })
})

describe('binaryReport and warningLines', () => {
  it('counts 8-bit content in bytes and parts, with the cost', () => {
    const r = binaryReport({ data: 'AB'.repeat(141) }, { charge: 0.5 }, 2)
    expect([r.encoding, r.units, r.unitName, r.parts, r.cost?.total]).toEqual(['binary', 141, 'bytes', 2, 2])
    expect(reportLines(io, r)[0]).toBe('Message   8-bit, 2 parts (141 bytes)')
  })
  it('one warning line each', () => {
    expect(warningLines({ warnings: [{ path: 'from', message: 'x' }] })).toEqual(['warning: from x'])
    expect(warningLines({})).toEqual([])
  })
})
