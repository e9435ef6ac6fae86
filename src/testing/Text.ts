/**
 * Texts for property tests of anything that counts, splits, previews or sends SMS text: GSM-7 texts, texts
 * heavy with two-septet extension characters, UCS-2 texts with or without surrogate pairs, and texts that
 * travel as plain ISO-8859-1 (docs/gateway.md, 'Text and form encoding'). `ExactParts` has texts of an exact
 * number of parts.
 *
 * Lengths are in characters (code points): an astral character is one character and two UTF-16 units. A
 * constraint out of range is clamped into it, never thrown at.
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import { MessageText } from '../core/message/ContentCodecs.js'
import { astral, clamp, gsmChar, notGsmBmp, plainChar, stringOf, ucs2Char } from './Alphabets.js'
import { validAs } from './Brands.js'

/**
 * How long a text is, in characters (code points).
 *
 * @category model
 * @since 0.1.0
 */
export interface TextConstraints {
  /** Fewest characters; default 0 (1 for `ucs2Text`, which needs one character outside GSM-7). */
  readonly minLength?: number
  /** Most characters; default 500 for GSM-7 texts and 220 for UCS-2 ones (about three parts), at most 10,000. */
  readonly maxLength?: number
}

/**
 * Constraints of `ucs2Text`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Ucs2TextConstraints extends TextConstraints {
  /** Characters outside the BMP (surrogate pairs, two units each) among the others; default true. */
  readonly astral?: boolean
}

const MAX_LENGTH = 10_000

const lengths = (c: TextConstraints | undefined, floor: number, fallbackMax: number) => {
  const min = clamp(floor, MAX_LENGTH, floor)(c?.minLength)
  return { min, max: clamp(min, MAX_LENGTH, Math.max(min, fallbackMax))(c?.maxLength) }
}

/**
 * Texts of GSM 03.38 characters only (basic and extension tables, `€` and the Greek capitals included), so
 * `Parts.count` counts them as GSM-7. About one character in seventeen is a two-septet extension character.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Parts } from 'clickatell-fp'
 * import { gsm7Text } from 'clickatell-fp/testing'
 * fc.assert(fc.property(gsm7Text({ minLength: 1 }), (text) => Parts.count(text).encoding === 'gsm7'))
 * @category text
 * @since 0.1.0
 */
export const gsm7Text = (constraints: TextConstraints = {}): fc.Arbitrary<string> => {
  const { min, max } = lengths(constraints, 0, 500)
  return stringOf(gsmChar(1), min, max)
}

/**
 * GSM-7 texts where about half the characters are extension characters (`{ } [ ] ~ \ ^ | €` and form feed,
 * two septets each): the texts that catch counters that count characters instead of septets, and splitters
 * that cut an escape pair in two.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Parts } from 'clickatell-fp'
 * import { extensionHeavyText } from 'clickatell-fp/testing'
 * fc.assert(fc.property(extensionHeavyText(), (text) => Parts.split(text).join('') === text))
 * @category text
 * @since 0.1.0
 */
export const extensionHeavyText = (constraints: TextConstraints = {}): fc.Arbitrary<string> => {
  const { min, max } = lengths(constraints, 0, 500)
  return stringOf(gsmChar(16), min, max)
}

/**
 * Texts that travel as plain text: every character is GSM-7 AND ISO-8859-1 (no `€`, no Greek capitals), so
 * `Charset.plan` sends them without `unicode=1`.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Charset } from 'clickatell-fp'
 * import { latin1PlainText } from 'clickatell-fp/testing'
 * fc.assert(fc.property(latin1PlainText(), (text) => Charset.plan(text).encoding === 'gsm7'))
 * @category text
 * @since 0.1.0
 */
export const latin1PlainText = (constraints: TextConstraints = {}): fc.Arbitrary<string> => {
  const { min, max } = lengths(constraints, 0, 500)
  return stringOf(plainChar(1), min, max)
}

/**
 * Texts that need UCS-2: at least one character outside GSM 03.38, among GSM characters, other scripts and
 * punctuation and (unless `astral: false`) characters outside the BMP, which cost two units each. Never a lone
 * surrogate, never empty: every value is a `MessageText` (well-formed UTF-16 that `Message.decode` accepts).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Parts } from 'clickatell-fp'
 * import { ucs2Text } from 'clickatell-fp/testing'
 * fc.assert(fc.property(ucs2Text({ astral: false }), (text) => Parts.count(text).units === text.length))
 * @category text
 * @since 0.1.0
 */
export const ucs2Text = (constraints: Ucs2TextConstraints = {}): fc.Arbitrary<MessageText> => {
  const { min, max } = lengths(constraints, 1, 220)
  const withAstral = constraints.astral !== false
  const needed = withAstral ? fc.oneof(notGsmBmp(), astral()) : notGsmBmp()
  return fc
    .tuple(needed, fc.array(ucs2Char(withAstral), { minLength: min - 1, maxLength: max - 1 }), fc.nat())
    .map(([one, rest, at]) => {
      const i = at % (rest.length + 1)
      return validAs(MessageText)([...rest.slice(0, i), one, ...rest.slice(i)].join(''))
    })
}
