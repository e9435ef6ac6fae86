import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { ClientMessageId, Sender, senderKind } from '../../src/core/message/IdCodecs.js'
import { Msisdn, normalise } from '../../src/core/message/Msisdn.js'
import { hexId } from '../../src/testing/Identifiers.js'
import { clientMessageId, msisdn, senderId } from '../../src/testing/index.js'

const numRuns = process.env.CI ? 100 : 200

describe('msisdn', () => {
  test.prop([msisdn()], { numRuns })('passes the Msisdn codec, and normalise leaves it as it is', (n) => {
    expect(Msisdn.is(n)).toBe(true)
    expect(normalise(`+${n}`)).toEqual({ _tag: 'Right', right: n })
  })

  test.prop([msisdn({ countryCodes: ['44', '27', '4479'] })], { numRuns })(
    'starts with one of the country codes',
    (n) => {
      expect(Msisdn.is(n)).toBe(true)
      expect(/^(44|27)/.test(n)).toBe(true)
    },
  )

  it('draws every length from 7 to 15 digits', () => {
    const lengths = new Set(fc.sample(msisdn(), { numRuns: 2000, seed: 1 }).map((n) => n.length))
    expect([...lengths].sort((a, b) => a - b)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15])
  })

  it.each([
    [['0', '+44', 'x', '', '123456789012345'], 'none valid: any country'],
    [[], 'empty: any country'],
    ['44' as never, 'not a list: any country'],
  ])('countryCodes %j (%s) still gives valid numbers', (countryCodes) => {
    for (const n of fc.sample(msisdn({ countryCodes }), { numRuns: 50, seed: 2 }))
      expect(Msisdn.is(n)).toBe(true)
  })

  it('leaves out the bad codes and keeps the good ones', () => {
    const numbers = fc.sample(msisdn({ countryCodes: ['0', '+44', '27'] }), { numRuns: 50, seed: 3 })
    expect(numbers.every((n) => n.startsWith('27'))).toBe(true)
  })
})

describe('senderId', () => {
  test.prop([senderId()], { numRuns })('passes the Sender codec', (s) => {
    expect(Sender.is(s)).toBe(true)
  })

  test.prop([senderId({ kind: 'numeric' })], { numRuns })('numeric: 1 to 16 digits', (s) => {
    expect(s).toMatch(/^[0-9]{1,16}$/)
    expect(senderKind(s)).toBe('numeric')
  })

  test.prop([senderId({ kind: 'alphanumeric' })], { numRuns })(
    'alphanumeric: up to 11, a letter, no space at either end',
    (s) => {
      expect(Sender.is(s)).toBe(true)
      expect(senderKind(s)).toBe('alphanumeric')
      expect(s.length).toBeLessThanOrEqual(11)
      expect(s.trim()).toBe(s)
    },
  )

  it('draws inner spaces and the longest ids', () => {
    const ids = fc.sample(senderId({ kind: 'alphanumeric' }), { numRuns: 500, seed: 4 })
    expect(ids.some((s) => s.includes(' '))).toBe(true)
    expect(ids.some((s) => s.length === 11)).toBe(true)
  })
})

describe('clientMessageId', () => {
  test.prop([clientMessageId()], { numRuns })('passes the ClientMessageId codec', (id) => {
    expect(ClientMessageId.is(id)).toBe(true)
  })

  test.prop([clientMessageId({ minLength: 32, maxLength: 99 })], { numRuns })('is never over 32', (id) => {
    expect(id).toHaveLength(32)
  })

  test.prop([hexId()], { numRuns })('the gateway ids are 32 lower-case hex digits', (id) => {
    expect(id).toMatch(/^[0-9a-f]{32}$/)
  })
})
