import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  amount,
  errorValue,
  type Field,
  fields,
  isCode,
  isDigit,
  isWord,
  type Key,
  lines,
  wordValue,
} from '../../../src/core/reply/Grammar.js'

const numRuns = process.env.CI ? 200 : 1000

const f = (key: Key, value: string): Field => ({ key, value })

describe('lines', () => {
  it.each<[string, string, ReadonlyArray<string>]>([
    ['LF between answers', 'ID: a To: 1\nID: b To: 2', ['ID: a To: 1', 'ID: b To: 2']],
    ['CRLF must be accepted (quirk 6)', 'ID: a\r\nID: b\r\n', ['ID: a', 'ID: b']],
    ['trailing space of 2013 (quirk 6)', 'OK: foo \n', ['OK: foo']],
    ['blank lines skipped', '\n\n  \nCredit: 1\n\t\n', ['Credit: 1']],
    ['a byte-order mark is blank', '\uFEFFOK: 1', ['OK: 1']],
    ['inner spacing kept', 'ERR: 105,  Invalid', ['ERR: 105,  Invalid']],
    ['NBSP is not blank: not ours to guess', '\u00a0OK', ['\u00a0OK']],
    ['empty body', '', []],
    ['blank body', ' \r\n\t\n', []],
  ])('%s', (_reason, body, expected) => {
    expect(lines(body)).toEqual(expected)
  })

  it('stops at the limit without reading the rest', () => {
    expect(lines('a\nb\nc', 2)).toEqual(['a', 'b'])
    expect(lines('\n\na\n\nb', 1)).toEqual(['a'])
  })

  // The reference: split on LF, trim the blanks the grammar names (not String.prototype.trim's larger set).
  const blanks = /^[ \t\n\v\f\r\uFEFF]+|[ \t\n\v\f\r\uFEFF]+$/g
  const reference = (body: string) =>
    body
      .split('\n')
      .map((l) => l.replace(blanks, ''))
      .filter((l) => l !== '')
  const piece = fc.constantFrom('\n', '\r', ' ', '\t', '\uFEFF', '\u00a0', '\u2028', 'a', 'ID:', '1')
  test.prop([fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''))], { numRuns })(
    'equals splitting on LF and trimming blanks',
    (body) => {
      expect(lines(body)).toEqual(reference(body))
    },
  )
})

describe('fields', () => {
  it.each<[string, string, ReadonlyArray<Field> | undefined]>([
    ['sendmsg, one recipient (spec 4.3)', 'ID: a1 To: 0400', [f('id', 'a1'), f('to', '0400')]],
    [
      'ERR: free text keeps its inner spacing until To:',
      'ERR: 105, Invalid  address To: 0400',
      [f('err', '105, Invalid  address'), f('to', '0400')],
    ],
    [
      'several records on one line (quirk 11)',
      'ID: a To: 1 ID: b To: 2',
      [f('id', 'a'), f('to', '1'), f('id', 'b'), f('to', '2')],
    ],
    [
      'getmsgcharge in lower case (quirk 12)',
      'apiMsgId: abc charge: 0.33 status: 004',
      [f('apimsgid', 'abc'), f('charge', '0.33'), f('status', '004')],
    ],
    ['keys in any case', 'iD: x STATUS: 004', [f('id', 'x'), f('status', '004')]],
    [
      'routecoverage: a key word inside OK: text is text; Charge: ends it',
      'OK: ID: is supported. Charge: 0.33',
      [f('ok', 'ID: is supported.'), f('charge', '0.33')],
    ],
    ['ERR: text goes on over a second ERR:', 'ERR: 1, x ERR: 2', [f('err', '1, x ERR: 2')]],
    ['a key with no value', 'ID:', [f('id', '')]],
    ['tabs are blanks too', 'ID:\ta\tTo:\t1', [f('id', 'a'), f('to', '1')]],
    ['OK: alone (quirk 5)', 'OK: ', [f('ok', '')]],
    ['a word before the first key', 'x ID: a', undefined],
    ['a key must be followed by a blank', 'ID:a', undefined],
    ['an unknown key is text', 'Foo: 1', undefined],
    ['a word ending in a colon that is no key is a value', 'ID: a: To: 1', [f('id', 'a:'), f('to', '1')]],
    ['no line', '', []],
  ])('%s: %j', (_reason, line, expected) => {
    expect(fields(line)).toEqual(expected)
  })

  it('is undefined past the field limit', () => {
    expect(fields('ID: a To: 1', 1)).toBeUndefined()
    expect(fields('ID: a To: 1', 2)).toEqual([f('id', 'a'), f('to', '1')])
  })

  // Keys after which any other key starts a new field (ERR: and OK: take free text).
  const plainKeys: ReadonlyArray<readonly [Key, string]> = [
    ['id', 'ID'],
    ['to', 'To'],
    ['status', 'Status'],
    ['credit', 'Credit'],
    ['charge', 'Charge'],
    ['apimsgid', 'apiMsgId'],
    ['climsgid', 'cliMsgId'],
  ]
  const word = fc.stringMatching(/^[A-Za-z0-9.,+-]{1,8}$/)
  const blank = fc.constantFrom(' ', '  ', '\t', ' \t ')
  const field = fc.record({
    key: fc.constantFrom(...plainKeys),
    words: fc.array(word, { minLength: 0, maxLength: 3 }),
    inner: blank,
    after: blank,
    upper: fc.boolean(),
  })

  test.prop([fc.array(field, { minLength: 1, maxLength: 6 })], { numRuns })(
    'splits `Key: value` runs into their fields, whatever the case of the key and the blanks between',
    (fs) => {
      const line = fs
        .map(({ key: [, spelled], words, inner, after, upper }) =>
          [upper ? spelled.toUpperCase() : spelled, ':', after, words.join(inner)].join(''),
        )
        .join(' ')
      expect(fields(line)).toEqual(fs.map(({ key: [key], words, inner }) => f(key, words.join(inner))))
    },
  )

  const linePiece = fc.constantFrom('ID:', 'ERR:', 'To:', 'OK:', 'charge:', ' ', '\t', 'a', '1,', 'x:')
  test.prop(
    [fc.array(linePiece, { maxLength: 30 }).map((ps) => ps.join('')), fc.integer({ min: 0, max: 6 })],
    { numRuns },
  )('the limit refuses exactly the lines with more fields', (line, limit) => {
    const all = fields(line)
    const capped = fields(line, limit)
    if (all === undefined || all.length > limit) expect(capped).toBeUndefined()
    else expect(capped).toEqual(all)
  })

  test.prop([fc.string({ unit: 'binary', maxLength: 200 })], { numRuns })(
    'never throws, and every value is trimmed text of the line',
    (line) => {
      for (const { value } of fields(line) ?? []) {
        expect(line).toContain(value)
        expect(value).toBe(value.replace(/^[ \t\n\v\f\r\uFEFF]+|[ \t\n\v\f\r\uFEFF]+$/g, ''))
      }
    },
  )
})

describe('values', () => {
  it.each<[string, boolean, string]>([
    ['2799900001', true, 'a number'],
    ['996f364775e24b8432f45d77da8eca47', true, 'an id'],
    ['0.300 000', false, 'quirk 14: a PDF line-wrap artefact'],
    ['a\tb', false, 'a tab'],
    ['a\uFEFF', false, 'a byte-order mark'],
    ['', false, 'empty'],
  ])('isWord(%j) is %s (%s)', (value, expected) => {
    expect(isWord(value)).toBe(expected)
    expect(wordValue(value)).toBe(expected ? value : undefined)
  })

  it('wordValue of an absent value is undefined', () => {
    expect(wordValue(undefined)).toBeUndefined()
  })

  it.each<[string, { code: string; description: string }, string]>([
    ['001, Authentication failed', { code: '001', description: 'Authentication failed' }, 'spec 4.1'],
    ['1, Auth fail', { code: '1', description: 'Auth fail' }, 'no padding (quirk 8), kept as sent'],
    ['105 Invalid', { code: '105', description: 'Invalid' }, 'no comma (quirk 8)'],
    ['105,Invalid', { code: '105', description: 'Invalid' }, 'no space after the comma'],
    ['301', { code: '301', description: '' }, 'a code alone'],
    [
      'This prefix is not currently supported.',
      { code: '', description: 'This prefix is not currently supported.' },
      'routecoverage, no code (quirk 4)',
    ],
    ['10x, y', { code: '', description: '10x, y' }, 'digits run into a letter: no code'],
  ])('errorValue(%j) (%s)', (value, expected) => {
    expect(errorValue(value)).toEqual(expected)
  })

  test.prop([fc.stringMatching(/^[0-9]{1,5}$/), fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/)], { numRuns })(
    'errorValue splits `<code>, <description>` back into its parts',
    (code, description) => {
      expect(errorValue(`${code}, ${description}`)).toEqual({ code, description })
    },
  )

  it.each<[string, boolean, number | undefined, string]>([
    ['12.000', false, 12, 'live balance, three decimals (quirk 13)'],
    ['0.300000', false, 0.3, 'callback charge, six decimals'],
    ['0', false, 0, 'a bare zero'],
    ['-3.5', true, -3.5, 'a post-paid balance, signed'],
    ['-3.5', false, undefined, 'a charge is never negative'],
    ['0.300 000', false, undefined, 'quirk 14'],
    ['1e3', false, undefined, 'no exponent'],
    ['12,5', false, undefined, 'no decimal comma'],
    ['.5', false, undefined, 'digits before the point'],
    ['5.', false, undefined, 'digits after the point'],
    ['+5', true, undefined, 'no plus sign'],
    ['', false, undefined, 'empty'],
  ])('amount(%j, signed %s) is %s (%s)', (value, signed, expected) => {
    expect(amount(value, signed)).toBe(expected)
  })

  test.prop([fc.nat({ max: 10 ** 9 }), fc.stringMatching(/^[0-9]{1,6}$/)], { numRuns })(
    'amount reads decimal digits as their number',
    (whole, fraction) => {
      expect(amount(`${whole}.${fraction}`)).toBe(Number(`${whole}.${fraction}`))
      expect(amount(`-${whole}`, true)).toBe(-whole)
    },
  )

  it.each<[string, boolean, string]>([
    ['008', true, 'zero-padded, decimal (quirk 9)'],
    ['123456789', true, 'nine digits'],
    ['1234567890', false, 'ten digits'],
    ['8a', false, 'a letter'],
    ['٣', false, 'an Arabic-Indic digit'],
    ['', false, 'empty'],
  ])('isCode(%j) is %s (%s)', (value, expected) => {
    expect(isCode(value)).toBe(expected)
  })

  it.each<[string, boolean]>([
    ['0', true],
    ['9', true],
    ['/', false],
    [':', false],
    ['٣', false],
  ])('isDigit(%j) is %s', (c, expected) => {
    expect(isDigit(c.charCodeAt(0))).toBe(expected)
  })
})
