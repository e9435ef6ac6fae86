import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  encodeBytes,
  latin1,
  parse,
  percentBytes,
  stringify,
  text,
  utf8,
} from '../../../src/core/callback/UrlForm.js'

const numRuns = process.env.CI ? 200 : 1000

const pairs = (raw: string) => parse(raw).map((p) => [p.name, p.value])
const bytes = (...b: number[]) => new Uint8Array(b)

describe('parse', () => {
  it.each<[string, string, ReadonlyArray<readonly [string, string]>]>([
    [
      'a delivery report query (spec 5.2.5)',
      'apiMsgId=996f&cliMsgId=&timestamp=1218007814&status=003&charge=0.300000',
      [
        ['apiMsgId', '996f'],
        ['cliMsgId', ''],
        ['timestamp', '1218007814'],
        ['status', '003'],
        ['charge', '0.300000'],
      ],
    ],
    [
      'a plus is a space, %2C a comma',
      'to=279&text=Hi%2C+man',
      [
        ['to', '279'],
        ['text', 'Hi, man'],
      ],
    ],
    ['the first = splits, later ones are the value', 'a=b=c', [['a', 'b=c']]],
    ['a piece without = has an empty value', 'flag', [['flag', '']]],
    ['an empty name', '=v', [['', 'v']]],
    [
      'empty pieces are skipped',
      '&a=1&&b=2&',
      [
        ['a', '1'],
        ['b', '2'],
      ],
    ],
    ['only separators', '&&&', []],
    ['nothing', '', []],
    ['a name is decoded too', 'a+b%3D=c', [['a b=', 'c']]],
    ['UTF-8 bytes read as UTF-8', 'text=%C3%A4', [['text', 'ä']]],
    [
      'a byte that is not UTF-8 read as ISO-8859-1 (docs/gateway.md, Text and form encoding)',
      'text=%E4',
      [['text', 'ä']],
    ],
    [
      'a % without two hex digits stays',
      'a=100%&b=%2&c=%zz',
      [
        ['a', '100%'],
        ['b', '%2'],
        ['c', '%zz'],
      ],
    ],
    [
      'raw XML after data=, not URL-encoded (quirk 15)',
      'data=<callback><to>279</to></callback>',
      [['data', '<callback><to>279</to></callback>']],
    ],
    ['raw non-ASCII characters are their UTF-8', 'ä=ö€', [['ä', 'ö€']]],
  ])('%s: %j', (_reason, raw, expected) => {
    expect(pairs(raw)).toEqual(expected)
  })

  it('keeps the bytes of a value: raw UTF-16BE of an MO text (quirk 22)', () => {
    const [p] = parse('text=%04%1F%04%40')
    expect(p!.bytes).toEqual(bytes(0x04, 0x1f, 0x04, 0x40))
  })

  it('makes a lone surrogate U+FFFD, never an exception', () => {
    expect(pairs('a=\uD800')).toEqual([['a', '\uFFFD']])
  })

  // The reference: split on every `&`, drop empty pieces, split each at its first `=`, decode both halves.
  const decoded = (s: string) => text(percentBytes(s, true))
  const reference = (raw: string) =>
    raw
      .split('&')
      .filter((piece) => piece !== '')
      .map((piece) => {
        const eq = piece.indexOf('=')
        return eq < 0 ? [decoded(piece), ''] : [decoded(piece.slice(0, eq)), decoded(piece.slice(eq + 1))]
      })
  const piece = fc.constantFrom('&', '=', 'a', '+', '%', '%4', '%41', '%e4', '%C3%A4', 'ä', '😀', ' ')
  test.prop([fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''))], { numRuns })(
    'splits as the reference splits, on any form',
    (raw) => {
      expect(pairs(raw)).toEqual(reference(raw))
    },
  )

  test.prop([fc.string({ unit: 'binary', maxLength: 300 })], { numRuns })('never throws', (raw) => {
    for (const p of parse(raw)) expect(p.value).toBe(text(p.bytes))
  })
})

describe('stringify', () => {
  it.each<[string, ReadonlyArray<readonly [string, string | Uint8Array]>, string]>([
    ['text with a comma and a space', [['text', 'Hi, man']], 'text=Hi%2C+man'],
    ['unreserved characters as they are', [['a', 'A-z_0.9~']], 'a=A-z_0.9~'],
    ['UTF-8 of text', [['t', 'ä€']], 't=%C3%A4%E2%82%AC'],
    ['bytes as they are: UTF-16BE of an MO text', [['text', bytes(0x04, 0x1f)]], 'text=%04%1F'],
    [
      'empty values are written',
      [
        ['cliMsgId', ''],
        ['from', ''],
      ],
      'cliMsgId=&from=',
    ],
    ['a name is encoded too', [['a b&', '=']], 'a+b%26=%3D'],
    ['nothing', [], ''],
  ])('%s', (_reason, input, expected) => {
    expect(stringify(input)).toBe(expected)
  })

  const name = fc.string({ unit: 'binary', maxLength: 12 })
  test.prop([fc.array(fc.tuple(name, fc.string({ unit: 'binary', maxLength: 30 })), { maxLength: 8 })], {
    numRuns,
  })('parse(stringify(pairs)) gives the pairs back', (ps) => {
    expect(pairs(stringify(ps))).toEqual(ps)
  })

  test.prop([fc.array(fc.tuple(name, fc.uint8Array({ maxLength: 30 })), { maxLength: 8 })], { numRuns })(
    'and the bytes of byte values, whatever they are',
    (ps) => {
      const parsed = parse(stringify(ps))
      expect(parsed.map((p) => [p.name, p.bytes])).toEqual(ps)
    },
  )
})

describe('bytes and text', () => {
  it.each<[string, string, boolean, ReadonlyArray<number>]>([
    ['a %XX is a byte', '%04%1F', true, [4, 31]],
    ['either case of hex', '%e4%E4', true, [0xe4, 0xe4]],
    ['a plus is a space in a form', 'a+b', true, [97, 32, 98]],
    ['and a plus elsewhere', 'a+b', false, [97, 43, 98]],
    ['a % at the end stays', '%', true, [37]],
    ['a % before one hex digit stays', '%4', true, [37, 52]],
    ['a character is its UTF-8', '€', true, [0xe2, 0x82, 0xac]],
    ['a surrogate pair is one code point', '😀', true, [0xf0, 0x9f, 0x98, 0x80]],
  ])('percentBytes: %s', (_reason, raw, plus, expected) => {
    expect([...percentBytes(raw, plus)]).toEqual(expected)
  })

  it.each<[string, ReadonlyArray<number>, string]>([
    ['valid UTF-8', [0xc3, 0xa4], 'ä'],
    ['invalid UTF-8 read as ISO-8859-1', [0x48, 0xe4], 'Hä'],
    ['a byte-order mark is kept, not eaten', [0xef, 0xbb, 0xbf, 0x41], '\uFEFFA'],
    ['no bytes', [], ''],
  ])('text: %s', (_reason, input, expected) => {
    expect(text(new Uint8Array(input))).toBe(expected)
  })

  it('latin1 reads one character per byte, over the chunk size too', () => {
    const all = Uint8Array.from({ length: 10_000 }, (_, i) => i % 256)
    const read = latin1(all)
    expect(read.length).toBe(10_000)
    expect([...read].every((c, i) => c.charCodeAt(0) === i % 256)).toBe(true)
  })

  test.prop([fc.uint8Array({ maxLength: 200 })], { numRuns })(
    'encodeBytes then percentBytes gives the bytes back',
    (b) => {
      expect(percentBytes(encodeBytes(b), true)).toEqual(b)
    },
  )

  test.prop([fc.string({ unit: 'binary', maxLength: 100 })], { numRuns })(
    'text reads the UTF-8 of any well-formed text back to it',
    (s) => {
      expect(text(utf8(s))).toBe(s)
    },
  )
})
