import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { decode, decodeComponent } from '../../src/simulator/Form.js'

const numRuns = process.env.CI ? 200 : 1000

// Percent-encodes every character as its ISO-8859-1 byte, as a correct encoder for this gateway does.
const latin1Encode = (text: string): string =>
  [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('')

const latin1Text = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((n) => String.fromCharCode(n)) })

describe('decodeComponent', () => {
  it.each([
    ['Gr%FC%DFe', 'Grüße', '%XX is one ISO-8859-1 byte'],
    ['a+b', 'a b', '+ is a space'],
    ['%2B', '+', 'an encoded plus stays a plus'],
    ['%C3%A4', 'Ã¤', 'UTF-8 bytes are read as two Latin-1 characters, as the gateway does (docs/gateway.md)'],
    ['100%', '100%', 'a % at the end stays'],
    ['%G1x', '%G1x', 'a % without two hex digits stays'],
    ['%e4', 'ä', 'lower-case hex digits'],
    ['', '', 'empty'],
  ])('%s -> %s (%s)', (input, expected) => {
    expect(decodeComponent(input)).toBe(expected)
  })

  test.prop([latin1Text], { numRuns })('reads back every Latin-1 text a correct encoder writes', (text) => {
    expect(decodeComponent(latin1Encode(text))).toBe(text)
  })

  test.prop([fc.string()], { numRuns })('never throws and never grows the text', (text) => {
    expect(decodeComponent(text).length).toBeLessThanOrEqual(text.length)
  })
})

describe('decode', () => {
  it('reads names and values, skipping empty segments', () => {
    const form = decode('to=447700900000&&text=Caf%E9&flag')
    expect([...form.params]).toEqual([
      ['to', '447700900000'],
      ['text', 'Café'],
      ['flag', ''],
    ])
    expect(form.duplicates).toEqual([])
  })

  it('keeps the first value of a repeated name and reports the name once', () => {
    const form = decode('to=1&to=2&to=3')
    expect(form.params.get('to')).toBe('1')
    expect(form.duplicates).toEqual(['to'])
  })

  it('decodes names too, and splits on the first = only', () => {
    expect([...decode('session%5Fid=a=b').params]).toEqual([['session_id', 'a=b']])
  })

  test.prop([fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), latin1Text)], { numRuns })(
    'reads back any form a correct encoder writes',
    (fields) => {
      const text = Object.entries(fields)
        .map(([k, v]) => `${k}=${latin1Encode(v)}`)
        .join('&')
      expect(Object.fromEntries(decode(text).params)).toEqual(fields)
    },
  )
})
