/**
 * The characters the arbitraries are made of, as checked data built from the GSM 03.38 tables (`Gsm7`), and
 * the few character arbitraries the others share. Every pool says what travels how: `plain` characters are
 * GSM-7 AND ISO-8859-1, so a text of them goes out as plain text (docs/gateway.md, 'Text and form encoding');
 * `€` and the ten Greek capitals are GSM-7 but not ISO-8859-1; everything else needs UCS-2.
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import { basic, extension, widths } from '../core/text/Gsm7.js'

const chars = (table: ReadonlyArray<readonly [number, number]>): ReadonlyArray<string> =>
  table.map(([, cp]) => String.fromCodePoint(cp))

/**
 * The GSM-7 characters of the basic table (one septet each) that ISO-8859-1 can carry: 117 of them.
 *
 * @example
 * import { plainBasic } from './Alphabets.js'
 * console.log(plainBasic.length, plainBasic.includes('é'), plainBasic.includes('Ω')) // 117 true false
 * @category data
 * @since 0.1.0
 */
export const plainBasic: ReadonlyArray<string> = chars(basic).filter((c) => c.charCodeAt(0) <= 0xff)

/**
 * The GSM-7 extension characters (two septets each) that ISO-8859-1 can carry: form feed and `^ { } \ [ ~ ] |`.
 *
 * @example
 * import { plainExtension } from './Alphabets.js'
 * console.log(plainExtension.join('')) // '\f^{}\\[~]|'
 * @category data
 * @since 0.1.0
 */
export const plainExtension: ReadonlyArray<string> = chars(extension).filter((c) => c.charCodeAt(0) <= 0xff)

/**
 * The GSM-7 characters that ISO-8859-1 cannot carry: `€` (extension) and the ten Greek capitals (basic). A
 * text with one of them is GSM-7 by count but travels as UCS-2 (`Charset.plan` says `not-latin1`).
 *
 * @example
 * import { gsmNotLatin1 } from './Alphabets.js'
 * console.log(gsmNotLatin1.join('')) // 'ΔΦΓΛΩΠΨΣΘΞ€'
 * @category data
 * @since 0.1.0
 */
export const gsmNotLatin1: ReadonlyArray<string> = [...chars(basic), ...chars(extension)].filter(
  (c) => c.charCodeAt(0) > 0xff,
)

/**
 * Every GSM-7 character of the basic table (128 septets but the escape: 127).
 *
 * @example
 * import { gsmBasic } from './Alphabets.js'
 * console.log(gsmBasic.length) // 127
 * @category data
 * @since 0.1.0
 */
export const gsmBasic: ReadonlyArray<string> = chars(basic)

/**
 * Every GSM-7 extension character, each two septets.
 *
 * @example
 * import { gsmExtension } from './Alphabets.js'
 * console.log(gsmExtension.length) // 10
 * @category data
 * @since 0.1.0
 */
export const gsmExtension: ReadonlyArray<string> = chars(extension)

// Printable ISO-8859-1 (and the tab) outside GSM 03.38: `ç`, `á`, the backtick, NBSP...
const latin1NotGsm: ReadonlyArray<string> = Array.from({ length: 0x100 }, (_, c) => c)
  .filter((c) => (c === 0x09 || (c >= 0x20 && c <= 0x7e) || c >= 0xa0) && widths[c] === 0)
  .map((c) => String.fromCharCode(c))

/**
 * A few non-GSM characters people really type, each one UTF-16 unit: typographic quotes and dashes, accents
 * GSM lacks, Cyrillic, Greek small letters, CJK. Used where a text must be UCS-2 with a known cost.
 *
 * @example
 * import { commonNotGsm } from './Alphabets.js'
 * console.log(commonNotGsm.slice(0, 4).join('')) // '’“”—'
 * @category data
 * @since 0.1.0
 */
export const commonNotGsm: ReadonlyArray<string> = [...'’“”—–…çáâêîôûœşğıłżčřšžжПрияλβ中文字한']

/**
 * A few characters outside the Basic Multilingual Plane (two UTF-16 units, a surrogate pair each).
 *
 * @example
 * import { commonAstral } from './Alphabets.js'
 * console.log(commonAstral.every((c) => c.length === 2)) // true
 * @category data
 * @since 0.1.0
 */
export const commonAstral: ReadonlyArray<string> = ['😀', '👍', '🎉', '🚀', '𝄞', '𝐀', '🇬', '🏽', '𠀀', '🙏']

const fromCodePoints = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((cp) => String.fromCodePoint(cp))

/**
 * One character outside GSM 03.38 in the Basic Multilingual Plane (one UTF-16 unit, never a surrogate): mostly
 * scripts and punctuation people type, sometimes any other BMP character but control characters and the two
 * noncharacters U+FFFE and U+FFFF.
 *
 * @example
 * import * as fc from 'fast-check'
 * import * as Gsm7 from '../core/text/Gsm7.js'
 * import { notGsmBmp } from './Alphabets.js'
 * console.log(fc.sample(notGsmBmp(), 50).every((c) => c.length === 1 && !Gsm7.isGsm7(c))) // true
 * @category arbitraries
 * @since 0.1.0
 */
export const notGsmBmp = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...commonNotGsm) },
    { weight: 2, arbitrary: fc.constantFrom(...latin1NotGsm) },
    { weight: 2, arbitrary: fromCodePoints(0x0410, 0x044f) }, // Cyrillic
    { weight: 1, arbitrary: fromCodePoints(0x03b1, 0x03c9) }, // Greek small letters
    { weight: 1, arbitrary: fromCodePoints(0x05d0, 0x05ea) }, // Hebrew
    { weight: 1, arbitrary: fromCodePoints(0x0621, 0x064a) }, // Arabic
    { weight: 1, arbitrary: fromCodePoints(0x0905, 0x0939) }, // Devanagari
    { weight: 1, arbitrary: fromCodePoints(0x4e00, 0x9fff) }, // CJK
    { weight: 1, arbitrary: fromCodePoints(0x2010, 0x2027) }, // general punctuation
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 0xa0, max: 0xfffd - 0x800 })
        .map((cp) => String.fromCharCode(cp >= 0xd800 ? cp + 0x800 : cp))
        .filter((c) => widths[c.charCodeAt(0)] === 0),
    },
  )

/**
 * One character outside the Basic Multilingual Plane: an emoji, a musical or mathematical symbol, a rare CJK
 * ideograph, a regional indicator or skin-tone modifier (which combine with their neighbours), or any other.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { astral } from './Alphabets.js'
 * console.log(fc.sample(astral(), 50).every((c) => c.length === 2 && c.codePointAt(0)! > 0xffff)) // true
 * @category arbitraries
 * @since 0.1.0
 */
export const astral = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fromCodePoints(0x1f300, 0x1f64f) },
    { weight: 2, arbitrary: fromCodePoints(0x1f680, 0x1f6ff) },
    { weight: 1, arbitrary: fromCodePoints(0x1f1e6, 0x1f1ff) },
    { weight: 1, arbitrary: fromCodePoints(0x1f3fb, 0x1f3ff) },
    { weight: 1, arbitrary: fromCodePoints(0x1d400, 0x1d7ff) },
    { weight: 1, arbitrary: fromCodePoints(0x20000, 0x2a6df) },
    { weight: 1, arbitrary: fromCodePoints(0x10000, 0x10ffff) },
  )

/**
 * One GSM-7 character: from the basic table, or (one time in `16 / extensionWeight + 1`) the extension table,
 * `€` and the Greek capitals included.
 *
 * @example
 * import * as fc from 'fast-check'
 * import * as Gsm7 from '../core/text/Gsm7.js'
 * import { gsmChar } from './Alphabets.js'
 * console.log(fc.sample(gsmChar(1), 50).every(Gsm7.isGsm7)) // true
 * @category arbitraries
 * @since 0.1.0
 */
export const gsmChar = (extensionWeight: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...gsmBasic) },
    { weight: extensionWeight, arbitrary: fc.constantFrom(...gsmExtension) },
  )

/**
 * One GSM-7 character that ISO-8859-1 can carry: a text of them travels as plain text.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { plainChar } from './Alphabets.js'
 * console.log(fc.sample(plainChar(1), 50).every((c) => c.charCodeAt(0) <= 0xff)) // true
 * @category arbitraries
 * @since 0.1.0
 */
export const plainChar = (extensionWeight: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...plainBasic) },
    { weight: extensionWeight, arbitrary: fc.constantFrom(...plainExtension) },
  )

/**
 * One character of a UCS-2 text: GSM-7, another BMP character, or (`astral`) a character outside the BMP.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { ucs2Char } from './Alphabets.js'
 * console.log(fc.sample(ucs2Char(false), 50).every((c) => c.length === 1)) // true
 * @category arbitraries
 * @since 0.1.0
 */
export const ucs2Char = (withAstral: boolean): fc.Arbitrary<string> =>
  withAstral
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...gsmBasic) },
        { weight: 3, arbitrary: notGsmBmp() },
        { weight: 2, arbitrary: astral() },
      )
    : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...gsmBasic) }, { weight: 3, arbitrary: notGsmBmp() })

/**
 * `min` to `max` characters drawn from `unit`, joined.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { stringOf } from './Alphabets.js'
 * console.log(fc.sample(stringOf(fc.constant('ab'), 2, 2), 1)) // ['abab']
 * @category arbitraries
 * @since 0.1.0
 */
export const stringOf = (unit: fc.Arbitrary<string>, min: number, max: number): fc.Arbitrary<string> =>
  fc.array(unit, { minLength: min, maxLength: max }).map((cs) => cs.join(''))

/**
 * Characters of a fixed set, as `fc.constantFrom` with one argument list.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { oneOf } from './Alphabets.js'
 * console.log(fc.sample(oneOf('0123456789'), 20).every((d) => /^[0-9]$/.test(d))) // true
 * @category arbitraries
 * @since 0.1.0
 */
export const oneOf = (set: string): fc.Arbitrary<string> => fc.constantFrom(...set)

/**
 * Digits, letters, letters and digits, and lower-case hex digits.
 *
 * @example
 * import { DIGITS, HEX } from './Alphabets.js'
 * console.log(DIGITS.length, HEX) // 10 '0123456789abcdef'
 * @category data
 * @since 0.1.0
 */
export const DIGITS = '0123456789'
/** @category data @since 0.1.0 */
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** @category data @since 0.1.0 */
export const ALNUM = `${LETTERS}${DIGITS}`
/** @category data @since 0.1.0 */
export const HEX = '0123456789abcdef'

/**
 * Whole number constraints made safe: a value that is not a finite number falls back to `fallback`, and the
 * result is rounded and clamped into `[min, max]`. The arbitraries never throw for odd constraints.
 *
 * @example
 * import { clamp } from './Alphabets.js'
 * console.log(clamp(0, 35, 3)(99), clamp(0, 35, 3)(Number.NaN), clamp(0, 35, 3)(2.6)) // 35 3 3
 * @category utils
 * @since 0.1.0
 */
export const clamp =
  (min: number, max: number, fallback: number) =>
  (value: unknown): number =>
    typeof value === 'number' && Number.isFinite(value)
      ? Math.min(max, Math.max(min, Math.round(value)))
      : Math.min(max, Math.max(min, fallback))
