import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { basic, extension, isGsm7, isLatin1, septetsOf, widths } from '../../../src/core/text/Gsm7.js'

// The data lines of Unicode's GSM0338.TXT, copied from shared/spec: the table in src must match them line by line.
const lines = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'GSM0338.data.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => l.split(/\s+/).map((h) => Number.parseInt(h, 16)) as [number, number])

describe('Gsm7 tables', () => {
  it('basic table equals the data file (without the 0x1B escape)', () => {
    expect(basic).toEqual(lines.filter(([g]) => g <= 0xff && g !== 0x1b))
  })

  it('extension table equals the data file', () => {
    expect(extension.map(([g, u]) => [0x1b00 | g, u])).toEqual(lines.filter(([g]) => g > 0xff))
  })

  it('has 127 basic and 10 extension characters, no code point twice', () => {
    expect(basic).toHaveLength(127)
    expect(extension).toHaveLength(10)
    const all = [...basic, ...extension].map(([, u]) => u)
    expect(new Set(all).size).toBe(137)
  })

  it('widths agree with the tables for every UTF-16 code unit', () => {
    const b = new Set(basic.map(([, u]) => u))
    const e = new Set(extension.map(([, u]) => u))
    for (let c = 0; c < 0x10000; c++) expect(widths[c]).toBe(b.has(c) ? 1 : e.has(c) ? 2 : 0)
  })

  it.each([
    ['NBSP is not GSM (0x1B is only the escape)', '\u00a0', 0],
    ['small c-cedilla is not GSM', 'ç', 0],
    ['capital C-cedilla is GSM', 'Ç', 1],
    ['euro sign is an extension character', '€', 2],
    ['form feed is an extension character', '\f', 2],
    ['backtick is not GSM', '`', 0],
    ['Greek capital Delta is GSM', 'Δ', 1],
    ['Greek capital Alpha is not', 'Α', 0],
    ['empty string', '', 0],
  ])('%s', (_reason, ch, septets) => {
    expect(septetsOf(ch)).toBe(septets)
  })

  it('isGsm7 and isLatin1', () => {
    expect(isGsm7('Hello [world] €5 ΩΨΘ')).toBe(true)
    expect(isGsm7('ça')).toBe(false)
    // The GSM characters above U+00FF are exactly the euro sign and the ten Greek capitals.
    const notLatin1 = [...basic, ...extension].filter(([, u]) => !isLatin1(String.fromCharCode(u)))
    expect(notLatin1.map(([, u]) => String.fromCharCode(u)).join('')).toBe('ΔΦΓΛΩΠΨΣΘΞ€')
  })
})
