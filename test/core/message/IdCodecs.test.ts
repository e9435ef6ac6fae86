import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as C from '../../../src/core/message/IdCodecs.js'
import { problemsOf } from '../../../src/core/message/Validation.js'
import { clientMessageId, numRuns, sender } from '../../support/arbitraries.js'

const problem = (codec: t.Decoder<unknown, unknown>, u: unknown): string | undefined => {
  const r = codec.decode(u)
  return E.isLeft(r) ? problemsOf(r.left)[0]!.message : undefined
}

describe('IdCodecs: accepted values', () => {
  it.each<[string, t.Decoder<unknown, unknown>, ReadonlyArray<unknown>]>([
    ['Sender: 1-16 digits', C.Sender, ['1', '27833001171', '1234567890123456', '0800123']],
    [
      'Sender: up to 11 letters, digits and inner spaces',
      C.Sender,
      ['A', 'Acme', 'Acme Ltd', 'ABCDEFGHIJK', 'Shop24 7'],
    ],
    ['Sender: punctuation, with a warning', C.Sender, ['Dr.Smith', 'Acme-Co', 'M&S', "O'Neil"]],
    ['ClientMessageId: 1-32 letters and digits', C.ClientMessageId, ['abc123', 'a'.repeat(32), '2993b6b548']],
    ['ApiMessageId: gateway ids', C.ApiMessageId, ['996f364775e24b8432f45d77da8eca47', 'a'.repeat(33)]],
    ['BatchId', C.BatchId, ['1', 'b1d2']],
    ['Token: digits, 16 today, any length to 32', C.Token, ['1234567890123456', '1', '1'.repeat(32)]],
  ])('%s', (_reason, codec, values) => {
    for (const v of values) expect(problem(codec, v), JSON.stringify(v)).toBeUndefined()
  })
})

describe('IdCodecs: refused values, with the reason', () => {
  it.each<[string, t.Decoder<unknown, unknown>, unknown, RegExp]>([
    ['empty sender', C.Sender, '', /default sender/],
    ['+ sender', C.Sender, '+27831234567', /'\+'/],
    ['17 digits', C.Sender, '12345678901234567', /at most 16/],
    ['12 characters', C.Sender, 'ABCDEFGHIJKL', /at most 11/],
    ['no letter', C.Sender, '12-34', /no letter/],
    ['a tab', C.Sender, 'Acme\tCo', /"\\t" at 4/],
    ['outer space', C.Sender, ' Acme', /start or end with a space/],
    ['non-ASCII letter', C.Sender, 'Café', /"é" at 3/],
    ['client id with a dash (a UUID)', C.ClientMessageId, '123e4567-e89b', /"-" at 8/],
    ['client id too long', C.ClientMessageId, 'a'.repeat(33), /at most 32/],
    ['client id with a space', C.ClientMessageId, 'a b', /" " at 1/],
    ['token with spaces', C.Token, '1234 5678', /digits only/],
  ])('%s', (_reason, codec, value, reason) => {
    expect(problem(codec, value)).toMatch(reason)
  })
})

describe('senderWarning', () => {
  it.each([
    ['Acme', undefined],
    ['27831234567', undefined],
    ['Acme Ltd', undefined],
    ['Dr.Smith', /"\." at 2/],
    ['Acme-Co', /"-" at 4/],
  ])('%s', (s, expected) => {
    const w = C.senderWarning(s)
    if (expected === undefined) expect(w).toBeUndefined()
    else expect(w).toMatch(expected)
  })
  test.prop([fc.stringMatching(/^[A-Za-z][!-~]{0,10}$/)], { numRuns })(
    'a valid sender id warns exactly when it has punctuation',
    (s) => {
      expect(problem(C.Sender, s)).toBeUndefined()
      expect(C.senderWarning(s) !== undefined).toBe(/[^A-Za-z0-9 ]/.test(s))
    },
  )
})

describe('IdCodecs: generated values', () => {
  test.prop([sender()], { numRuns })('every generated sender passes', (s) => {
    expect(problem(C.Sender, s)).toBeUndefined()
    expect(C.senderKind(s)).toBe(/^\d+$/.test(s) ? 'numeric' : 'alphanumeric')
  })
  test.prop([clientMessageId()], { numRuns })('client ids pass', (id) => {
    expect(problem(C.ClientMessageId, id)).toBeUndefined()
  })
  test.prop([fc.anything()], { numRuns })('no codec throws', (u) => {
    for (const codec of [C.Sender, C.ClientMessageId, C.Token]) expect(() => codec.decode(u)).not.toThrow()
  })
})
