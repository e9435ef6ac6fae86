import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  all,
  bits,
  DEFAULT_MASK,
  derive,
  type Feature,
  fromMask,
  resolve,
  type Traits,
  toMask,
} from '../../../src/core/message/Features.js'
import { numRuns } from '../../support/arbitraries.js'

describe('Features bit table', () => {
  it.each([
    ['spec 5.2.9: numeric sender and flash', ['NUMER', 'FLASH'], 544],
    ['spec 5.2.9: delivery acks and alphanumeric ids (16 + 32 + 8192)', ['ALPHA', 'NUMER', 'DELIVACK'], 8240],
    ['docs/gateway.md: FEAT_DEFAULT composite', ['TEXT', '8BIT', 'UDH', 'UCS2', 'CONCAT'], DEFAULT_MASK],
    ['docs/gateway.md: req_feat=48 sent by libraries whenever from is set', ['ALPHA', 'NUMER'], 48],
    ['duplicates count once', ['FLASH', 'FLASH'], 512],
    ['nothing', [], 0],
  ] as const)('%s', (_reason, features, mask) => {
    expect(toMask(features)).toBe(mask)
    expect(fromMask(mask)).toEqual(E.right(new Set(features)))
  })

  it('has the ten documented bits, each a distinct power of two', () => {
    expect(all).toEqual([
      'TEXT',
      '8BIT',
      'UDH',
      'UCS2',
      'ALPHA',
      'NUMER',
      'REPLY',
      'FLASH',
      'DELIVACK',
      'CONCAT',
    ])
    expect(all.map((f) => bits[f])).toEqual([1, 2, 4, 8, 16, 32, 64, 512, 8192, 16384])
  })

  test.prop([fc.subarray([...all])], { numRuns })('fromMask(toMask(s)) is s', (features) => {
    expect(fromMask(toMask(features))).toEqual(E.right(new Set(features)))
  })

  it.each([
    ['one stray bit', 0x0080 | 0x0010, ['0x0080']],
    [
      'every undocumented bit',
      0x8000 | 0x1000 | 0x0400 | 0x0100 | 0x0080,
      ['0x0080', '0x0100', '0x0400', '0x1000', '0x8000'],
    ],
  ])('fromMask lists unknown bits: %s', (_reason, mask, stray) => {
    const r = fromMask(mask)
    expect(E.isLeft(r)).toBe(true)
    for (const s of stray) expect(E.isLeft(r) && r.left.problems[0]!.message).toContain(s)
  })

  it.each([[-1], [1.5], [0x10000], [Number.NaN], ['544' as never]])('fromMask refuses %s', (mask) => {
    expect(E.isLeft(fromMask(mask))).toBe(true)
  })
})

describe('Features.derive', () => {
  const base: Traits = { encoding: 'gsm7', parts: 1 }
  it.each<[string, Partial<Traits>, ReadonlyArray<Feature>]>([
    ['a plain one-part text needs nothing', {}, []],
    ['alphanumeric sender', { from: 'Acme' }, ['ALPHA']],
    ['numeric sender', { from: '27831234567' }, ['NUMER']],
    ['flash', { messageType: 'SMS_FLASH' }, ['FLASH']],
    ['another message type adds nothing', { messageType: 'SMS_NOKIA_VCARD' }, []],
    ['UCS-2', { encoding: 'ucs2' }, ['UCS2']],
    ['binary', { encoding: 'binary' }, ['8BIT', 'UDH']],
    ['two parts', { parts: 2 }, ['CONCAT']],
    ['callback 0 asks for no reports', { callback: 0 }, []],
    ['callback above 0', { callback: 3 }, ['DELIVACK']],
    ['spec 544 from a message', { from: '27831234567', messageType: 'SMS_FLASH' }, ['NUMER', 'FLASH']],
  ])('%s', (_reason, traits, features) => {
    expect([...derive({ ...base, ...traits })]).toEqual(features)
  })

  it('extends or overrides the derived set', () => {
    const derived = derive({ ...base, from: 'Acme', callback: 1 })
    expect(toMask(resolve({ add: ['NUMER'] })(derived))).toBe(8240)
    expect([...resolve({ exactly: ['FLASH'] })(derived)]).toEqual(['FLASH'])
    expect(resolve({ exactly: [] })(derived).size).toBe(0)
    expect(resolve(undefined)(derived)).toBe(derived)
  })
})
