import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as M from '../../../src/core/message/Msisdn.js'
import { Msisdn, normalise, normaliseWith, Prefix, Recipients } from '../../../src/core/message/Msisdn.js'
import { problemsOf } from '../../../src/core/message/Validation.js'
import { msisdn, numRuns } from '../../support/arbitraries.js'

const why = (u: unknown): string | undefined => {
  const r = Msisdn.decode(u)
  return E.isLeft(r) ? problemsOf(r.left)[0]!.message : undefined
}

describe('Msisdn codec', () => {
  it.each([
    ['spec 5.2.1 UK example', '447901231234'],
    ['shortest: Niue, 3-digit code and 4 digits', '6831234'],
    ['E.164 maximum of 15 digits', '123456789012345'],
    ['spec batch example', '123456789'],
  ])('accepts %s', (_reason, n) => {
    expect(why(n)).toBeUndefined()
  })

  it.each([
    ['a + prefix', '+447901231234', /'\+'/],
    ['a 00 prefix', '00447901231234', /'00'/],
    ['a national number', '07901231234', /starts with 0/],
    ['spaces', '44 7901 231234', /digits only; " " at 2/],
    ['several numbers in one string', '447901231234,447901231235', /as an array/],
    ['too short', '123456', /has 6 digits/],
    ['too long', '1234567890123456', /has 16 digits/],
    ['a number, not a string', 447901231234, /must be a string/],
  ])('refuses %s', (_reason, n, reason) => {
    expect(why(n)).toMatch(reason)
  })

  test.prop([msisdn()], { numRuns })('every generated number passes', (n) => {
    expect(why(n)).toBeUndefined()
  })

  it('Prefix accepts a country code alone, not a leading 0', () => {
    expect(Prefix.is('44')).toBe(true)
    expect(Prefix.is('0')).toBe(false)
  })
})

describe('Msisdn.Recipients', () => {
  it('takes one number or a list, keeps order and duplicates', () => {
    expect(Recipients.decode('447901231234')).toEqual(E.right(['447901231234']))
    expect(Recipients.decode(['447901231234', '27831234567', '447901231234'])).toEqual(
      E.right(['447901231234', '27831234567', '447901231234']),
    )
  })

  it('names each bad number by its index', () => {
    const r = Recipients.validate(
      ['447901231234', '+1', 'x', '27831234567'],
      [{ key: 'to', type: Recipients, actual: 0 }],
    )
    expect(E.isLeft(r) && problemsOf(r.left).map((p) => p.path)).toEqual(['to.1', 'to.2'])
  })

  it.each([[[]], [null], [447901231234], [{ 0: '447901231234' }]])('refuses %j', (u) => {
    expect(E.isLeft(Recipients.decode(u))).toBe(true)
  })
})

describe('Msisdn.normalise', () => {
  it.each([
    ['+ and spaces', '+44 7901 231234', '447901231234'],
    ['00 and spaces', '0044 7901 231234', '447901231234'],
    ['brackets and a dash', '(+44) 7901-231234', '447901231234'],
    ['the UK (0) habit', '+44 (0)7901 231234', '447901231234'],
    ['dots and slashes', '+27.83/123.4567', '27831234567'],
    ['already the wire form', '447901231234', '447901231234'],
    ['surrounding whitespace and NBSP', ' +44\u00a07901 231234 ', '447901231234'],
  ])('%s', (_reason, typed, wire) => {
    expect(normalise(typed)).toEqual(E.right(wire))
  })

  it('replaces the trunk 0 of a national number with the default country code', () => {
    expect(normaliseWith({ defaultCountryCode: '44' })('07901 231234')).toEqual(E.right('447901231234'))
    expect(normaliseWith({ defaultCountryCode: '27' })('083 123 4567')).toEqual(E.right('27831234567'))
    // An international number is left alone whatever the default.
    expect(normaliseWith({ defaultCountryCode: '27' })('+44 7901 231234')).toEqual(E.right('447901231234'))
  })

  it.each([
    ['a national number without a default', normalise, '07901 231234', /national number/],
    ['letters', normalise, '+44 7901 CALLME', /digits only/],
    ['too short after cleaning', normalise, '+44 12', /has 4 digits/],
    [
      'a bad default',
      normaliseWith({ defaultCountryCode: '+44' }),
      '07901231234',
      /country code of 1 to 3 digits/,
    ],
    ['not a string', normalise, 42 as never, /must be a string/],
  ])('refuses %s', (_reason, f, typed, reason) => {
    const r = f(typed as string)
    expect(E.isLeft(r) && r.left.problems[0]!.message).toMatch(reason)
  })
})

describe('withCountryCode: the national leading 0 replaced (section 5.2.1)', () => {
  const cc = fc.stringMatching(/^[1-9][0-9]{0,2}$/).map((s) => s as M.CountryCode)
  const subscriber = fc.stringMatching(/^[1-9][0-9]{5,11}$/)

  it.each([
    ['44', '07900000001', '447900000001'],
    ['27', '0821234567', '27821234567'],
    ['44', '447900000001', '447900000001'],
    ['44', '00447900000001', '00447900000001'],
    ['44', '0', '0'],
    ['44', '07900 000001', '07900 000001'],
  ])('%s: %s -> %s', (code, given, sent) => {
    expect(M.withCountryCode(code as M.CountryCode)(given)).toBe(sent)
  })

  test.prop([cc, subscriber], { numRuns })(
    '0 + subscriber becomes code + subscriber, and is then left alone',
    (code, n) => {
      const once = M.withCountryCode(code)(`0${n}`)
      expect(once).toBe(code + n)
      expect(M.withCountryCode(code)(once)).toBe(once)
      expect(M.Msisdn.is(once)).toBe(once.length >= M.MIN_DIGITS && once.length <= M.MAX_DIGITS)
    },
  )

  test.prop([cc, fc.string()], { numRuns })('anything not national is returned as it is', (code, s) => {
    fc.pre(!/^0[1-9][0-9]*$/.test(s))
    expect(M.withCountryCode(code)(s)).toBe(s)
  })

  test.prop([cc, fc.anything()], { numRuns })('recipientsWithCountryCode never throws', (code, u) => {
    expect(() => M.recipientsWithCountryCode(code)(u)).not.toThrow()
  })

  it('CountryCode: 1 to 3 digits, the first not 0', () => {
    expect(['1', '44', '353'].every((c) => M.CountryCode.is(c))).toBe(true)
    expect(['', '0', '+44', '0044', '4444', 44].some((c) => M.CountryCode.is(c))).toBe(false)
  })
})

describe('inputWithCountryCode', () => {
  it('rewrites the recipients of any input with a to, and leaves the rest', () => {
    const uk = M.inputWithCountryCode('44' as M.CountryCode)
    expect(uk({ batchId: 'b1', to: ['07900000001'], fields: ['x'] })).toEqual({
      batchId: 'b1',
      to: ['447900000001'],
      fields: ['x'],
    })
    expect(M.inputWithCountryCode(undefined)({ to: '07900000001' })).toEqual({ to: '07900000001' })
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no')
        },
      },
    )
    expect(uk(hostile)).toBe(hostile)
    expect(uk(null)).toBe(null)
  })
})
