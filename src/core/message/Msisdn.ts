/**
 * Destination numbers (`to`, `msisdn`): international format, digits only, no `+` or `00` (specification
 * section 5.2.1: 07901231234 in the UK is written 447901231234).
 *
 * The codec never guesses: `+44…`, `0044…` and `07901…` are refused with a sentence that says what to do.
 * `normalise` is the separate, explicit helper that turns what people type into the wire form.
 *
 * Length: 7 to 15 digits. 15 is the E.164 maximum; 7 is the shortest complete international number in use
 * (a country code of 3 digits and a 4-digit subscriber number, as in Niue, +683 xxxx). The first digit is
 * never 0: no country code starts with 0, so a leading 0 is always a trunk or international prefix.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import * as t from 'io-ts'
import { type InvalidInput, invalidInput, type Problem } from '../errors.js'
import { checked, describe, listOf, problemsOf } from './Validation.js'

/** @category model @since 0.1.0 */
export interface MsisdnBrand {
  readonly Msisdn: unique symbol
}

/**
 * A destination number in the wire form: 7 to 15 digits, the first not 0.
 *
 * @category model
 * @since 0.1.0
 */
export type Msisdn = t.Branded<string, MsisdnBrand>

/**
 * The fewest and most digits of a number.
 *
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * console.log(Msisdn.MIN_DIGITS, Msisdn.MAX_DIGITS) // 7 15
 * @category data
 * @since 0.1.0
 */
export const MIN_DIGITS = 7
/** @category data @since 0.1.0 */
export const MAX_DIGITS = 15

// The first character that is not an ASCII digit, or -1. A loop, not a regular expression: this runs for every
// recipient of every message, and a regex literal here made a new RegExp object at each call.
const firstNonDigit = (s: string): number => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return i
  }
  return -1
}

const digitsProblem = (u: unknown, min: number, what: string): string | undefined => {
  if (typeof u !== 'string')
    return `must be a string of digits in international format, such as '447901231234'; got ${describe(u)}`
  if (u.startsWith('+'))
    return "must not start with '+': write the number without it (Msisdn.normalise turns '+44 7901 231234' into '447901231234')"
  if (u.startsWith('00'))
    return "must not start with '00': write the number without the international prefix (Msisdn.normalise can)"
  if (u.startsWith('0'))
    return 'starts with 0, as a national number does: write it with its country code (Msisdn.normalise with defaultCountryCode can)'
  const bad = firstNonDigit(u)
  if (bad >= 0)
    return u.includes(',')
      ? 'holds several numbers: give them as an array, one number each'
      : `must be digits only; ${JSON.stringify(String.fromCodePoint(u.codePointAt(bad)!))} at ${bad} is not (Msisdn.normalise removes spaces, dashes and brackets)`
  if (u.length < min || u.length > MAX_DIGITS)
    return `has ${u.length} digit${u.length === 1 ? '' : 's'}; ${what} has ${min} to ${MAX_DIGITS}`
  return undefined
}

/**
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * console.log(Msisdn.Msisdn.is('447901231234'), Msisdn.Msisdn.is('+447901231234')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Msisdn = checked<Msisdn>('Msisdn', (u) =>
  digitsProblem(u, MIN_DIGITS, 'an international number'),
)

/** @category model @since 0.1.0 */
export interface PrefixBrand {
  readonly Prefix: unique symbol
}

/**
 * A number or the start of one, for the coverage query (`routecoverage` answers per prefix): 1 to 15 digits,
 * the first not 0.
 *
 * @category model
 * @since 0.1.0
 */
export type Prefix = t.Branded<string, PrefixBrand>

/**
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * console.log(Msisdn.Prefix.is('44'), Msisdn.Prefix.is('044')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Prefix = checked<Prefix>('Prefix', (u) => digitsProblem(u, 1, 'a number or its prefix'))

const numbers = listOf(Msisdn, { what: 'numbers', minLength: 1 })

/**
 * One number or a list of them, decoded to a non-empty list of numbers in the order given; duplicates are
 * kept (the gateway answers each). Every bad number is its own problem, at `to.<index>`.
 *
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * console.log(Msisdn.Recipients.decode('447901231234')) // { _tag: 'Right', right: ['447901231234'] }
 * @category codecs
 * @since 0.1.0
 */
export const Recipients = new t.Type<ReadonlyNonEmptyArray<Msisdn>, ReadonlyArray<string>, unknown>(
  'Recipients',
  (u): u is ReadonlyNonEmptyArray<Msisdn> => numbers.is(u),
  (u, c) =>
    typeof u === 'string'
      ? E.map((one: Msisdn): ReadonlyNonEmptyArray<Msisdn> => [one])(Msisdn.validate(u, c))
      : Array.isArray(u)
        ? (numbers.validate(u, c) as t.Validation<ReadonlyNonEmptyArray<Msisdn>>)
        : t.failure(
            u,
            c,
            `must be a number as a string, such as '447901231234', or a list of them; got ${describe(u)}`,
          ),
  (a) => a,
)

/**
 * Options for `normaliseWith`: the country code to put in front of a national number (one that starts with a
 * single 0, the trunk prefix, which is dropped).
 *
 * @category model
 * @since 0.1.0
 */
export interface NormaliseOptions {
  readonly defaultCountryCode?: string
}

// What people put between digits; `(0)` after a country code is the UK habit `+44 (0)7901 231234`.
const SEPARATORS = /[\s\u00a0\-.()/]/g
const TRUNK_IN_BRACKETS = /^(\+|00)(\d{1,3})\s*\(0\)/
const COUNTRY_CODE = /^[1-9][0-9]{0,2}$/

const problem = (message: string): E.Either<InvalidInput, Msisdn> =>
  E.left(invalidInput([{ path: 'to', message }]))

/**
 * Turns a number as people type it into the wire form: removes spaces, dashes, dots, slashes and brackets,
 * a leading `+` or `00`, and a `(0)` after the country code; with `defaultCountryCode`, replaces the single
 * leading 0 of a national number with that code. The result must then pass the `Msisdn` codec.
 *
 * The national rule drops the 0, as the UK, Germany, France and South Africa dial; Italy keeps it (+39 06…),
 * so write Italian numbers internationally. `011` (the North American international prefix) is not
 * recognised.
 *
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * console.log(Msisdn.normaliseWith({ defaultCountryCode: '44' })('07901 231234')) // { _tag: 'Right', right: '447901231234' }
 * console.log(Msisdn.normaliseWith({})('07901 231234')._tag) // 'Left' (a national number, and no country code given)
 * @category normalising
 * @since 0.1.0
 */
export const normaliseWith = (
  options: NormaliseOptions,
): ((input: string) => E.Either<InvalidInput, Msisdn>) => {
  // The country code is checked once: an invalid one makes every number this refusal.
  const cc = (options as NormaliseOptions | undefined)?.defaultCountryCode
  if (cc !== undefined && (typeof cc !== 'string' || !COUNTRY_CODE.test(cc))) {
    const refused = E.left(
      invalidInput([
        {
          path: 'defaultCountryCode',
          message: `must be a country code of 1 to 3 digits, without '+' or '00', such as '44'; got ${describe(cc)}`,
        },
      ]),
    )
    return () => refused
  }
  return (input) => {
    if (typeof input !== 'string') return problem(`must be a string; got ${describe(input)}`)
    const compact = input.trim().replace(TRUNK_IN_BRACKETS, '$1$2').replace(SEPARATORS, '')
    let digits: string
    if (compact.startsWith('+')) digits = compact.slice(1)
    else if (compact.startsWith('00')) digits = compact.slice(2)
    else if (compact.startsWith('0')) {
      if (cc === undefined)
        return problem(
          `${JSON.stringify(input)} is a national number (it starts with 0): give it with its country code, or set defaultCountryCode`,
        )
      digits = cc + compact.slice(1)
    } else digits = compact
    const r = Msisdn.decode(digits)
    return E.isRight(r)
      ? r
      : E.left(
          invalidInput(
            problemsOf(r.left).map(
              (p): Problem => ({
                path: 'to',
                message: `${JSON.stringify(input)} becomes ${JSON.stringify(digits)}, which ${p.message}`,
              }),
            ),
          ),
        )
  }
}

/**
 * `normaliseWith({})`: international numbers only (`+44…`, `0044…`, `44…`, with any spacing).
 *
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * console.log(Msisdn.normalise('(+44) 7901-231234')) // { _tag: 'Right', right: '447901231234' }
 * console.log(Msisdn.normalise('+44 (0)7901 231234')) // { _tag: 'Right', right: '447901231234' }
 * @category normalising
 * @since 0.1.0
 */
export const normalise: (input: string) => E.Either<InvalidInput, Msisdn> = normaliseWith({})

/** @category model @since 0.1.0 */
export interface CountryCodeBrand {
  readonly CountryCode: unique symbol
}

/**
 * A country calling code: 1 to 3 digits, the first not 0, without `+` or `00` (`44`, `27`, `1`).
 *
 * @category model
 * @since 0.1.0
 */
export type CountryCode = t.Branded<string, CountryCodeBrand>

/**
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * console.log(Msisdn.CountryCode.is('44'), Msisdn.CountryCode.is('+44')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const CountryCode = checked<CountryCode>('CountryCode', (u) =>
  typeof u === 'string' && COUNTRY_CODE.test(u)
    ? undefined
    : `must be a country code of 1 to 3 digits, without '+' or '00', such as '44'; got ${describe(u)}`,
)

// A national number as people write it: one leading 0 (the trunk prefix), then digits, the first not 0.
const NATIONAL = /^0[1-9][0-9]*$/

/**
 * Replaces the leading 0 of a national number with a country code, as the account setting of section 5.2.1
 * does on the gateway ("Replace the leading zero with correct country code"): `07900000001` with `44` becomes
 * `447900000001`. Anything else (an international number, `00…`, spaces, a typo) is returned as it is, for the
 * `Msisdn` codec to accept or refuse with its own reason. Applied before validation by the client's
 * `defaultCountryCode` and the CLI's `--country`.
 *
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * const uk = Msisdn.withCountryCode('44' as Msisdn.CountryCode)
 * console.log(uk('07900000001'), uk('447900000001'), uk('0044790')) // '447900000001' '447900000001' '0044790'
 * @category normalising
 * @since 0.1.0
 */
export const withCountryCode =
  (cc: CountryCode) =>
  (number: string): string =>
    NATIONAL.test(number) ? cc + number.slice(1) : number

/**
 * `withCountryCode` over the recipients of a message as given (one number or a list); anything that is not a
 * string or a list of them is returned as it is, for `Message.decode` to refuse.
 *
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * console.log(Msisdn.recipientsWithCountryCode('27' as Msisdn.CountryCode)(['0821234567', '447900000001'])) // ['27821234567', '447900000001']
 * @category normalising
 * @since 0.1.0
 */
export const recipientsWithCountryCode =
  (cc: CountryCode) =>
  (to: unknown): unknown => {
    const one = withCountryCode(cc)
    if (typeof to === 'string') return one(to)
    try {
      return Array.isArray(to) ? to.map((n: unknown) => (typeof n === 'string' ? one(n) : n)) : to
    } catch {
      // A hostile list (a throwing getter, a revoked proxy) goes on as it is: the decoder reports it.
      return to
    }
  }

/**
 * An input with recipients (`{ to, ... }`: a message, a batch item, a quicksend) with its national numbers given
 * the country code (`recipientsWithCountryCode`); without a code, or for a value that cannot be copied, the input
 * as it is, for its decoder to judge.
 *
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * console.log(Msisdn.inputWithCountryCode('44' as Msisdn.CountryCode)({ to: '07900000001', text: 'Hi' })) // { to: '447900000001', text: 'Hi' }
 * @category normalising
 * @since 0.1.0
 */
export const inputWithCountryCode =
  (cc: CountryCode | undefined) =>
  <A>(input: A): A => {
    if (cc === undefined || typeof input !== 'object' || input === null) return input
    try {
      const to: unknown = (input as { readonly to?: unknown }).to
      return { ...input, to: recipientsWithCountryCode(cc)(to) }
    } catch {
      // A throwing getter or a revoked proxy: the decoder reports it.
      return input
    }
  }
