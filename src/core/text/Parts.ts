/**
 * How many SMS parts a text needs, and the texts of those parts, exactly as GSM 03.38 and the gateway count
 * them (docs/gateway.md, 'Text and form encoding'):
 *
 * - GSM-7: 160 septets in a single message, 153 per part when concatenated; an extension character costs two
 *   septets and its escape pair never straddles two parts.
 * - UCS-2: 70 UTF-16 code units single, 67 per part; a surrogate pair never straddles two parts.
 *
 * Counting is one pass over `charCodeAt` with a table lookup and allocates nothing per character.
 *
 * Decisions (docs/text.md): the empty string needs 0 parts (there is nothing to send; the encoder refuses it as
 * the gateway would with 107); a lone surrogate is not GSM-7, so it makes the text UCS-2, and costs one unit.
 *
 * @since 0.1.0
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type MessageTooLong, messageTooLong } from '../errors.js'
import { plainWidths, widths } from './Gsm7.js'

/**
 * The character encodings of a text message.
 *
 * @category model
 * @since 0.1.0
 */
export type Encoding = 'gsm7' | 'ucs2'

/**
 * What a text costs.
 *
 * @category model
 * @since 0.1.0
 */
export interface PartCount {
  readonly encoding: Encoding
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  readonly units: number
  /** Parts needed: 0 for the empty text. */
  readonly parts: number
  /** Units one part holds in this layout: 160 or 70 for a single message, 153 or 67 when concatenated. */
  readonly perPart: number
  /** Units still free in the last part. */
  readonly remaining: number
}

/**
 * Options for counting and splitting.
 *
 * @category model
 * @since 0.1.0
 */
export interface CountOptions {
  /** `auto` (the default) picks GSM-7 when every character is in the tables; `ucs2` forces UCS-2. */
  readonly encoding?: 'auto' | 'ucs2'
}

/**
 * The gateway's limit on parts of one message (specification v2.6 section 5.2.7).
 *
 * @category data
 * @since 0.1.0
 */
export const GATEWAY_MAX_PARTS = 35

/**
 * Part sizes in units: single message and per part of a concatenated one.
 *
 * @example
 * import { Parts } from 'clickatell-fp'
 * console.log(Parts.limits.gsm7) // { single: 160, concatenated: 153 }
 * @category data
 * @since 0.1.0
 */
export const limits: {
  readonly [K in Encoding]-?: { readonly single: number; readonly concatenated: number }
} = {
  gsm7: { single: 160, concatenated: 153 },
  ucs2: { single: 70, concatenated: 67 },
}

const { single: GSM_SINGLE, concatenated: GSM_PART } = limits.gsm7
const { single: UCS_SINGLE, concatenated: UCS_PART } = limits.ucs2

const isHigh = (c: number): boolean => (c & 0xfc00) === 0xd800
const isLow = (c: number): boolean => (c & 0xfc00) === 0xdc00

const result = (
  encoding: Encoding,
  units: number,
  parts: number,
  perPart: number,
  fill: number,
): PartCount => ({
  encoding,
  units,
  parts,
  perPart,
  remaining: perPart - fill,
})

/** UCS-2 count; a surrogate pair moves whole to the next part when it does not fit. */
const countUcs2 = (text: string): PartCount => {
  const n = text.length
  if (n <= UCS_SINGLE) return result('ucs2', n, n === 0 ? 0 : 1, UCS_SINGLE, n)
  let parts = 1
  let fill = 0
  for (let i = 0; i < n; i++) {
    let w = 1
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      w = 2
      i++
    }
    fill += w
    if (fill > UCS_PART) {
      parts++
      fill = w
    }
  }
  return result('ucs2', n, parts, UCS_PART, fill)
}

/**
 * GSM-7 count, or UCS-2 as soon as a character is not GSM-7. The loop keeps the concatenated layout as it goes
 * (an escape pair that does not fit moves whole to the next part), so one pass answers both layouts.
 */
const countAuto = (text: string, table: Readonly<Uint8Array> = widths): PartCount => {
  const n = text.length
  let septets = 0
  let fill = 0
  let parts = 1
  for (let i = 0; i < n; i++) {
    const w = table[text.charCodeAt(i)]!
    if (w === 0) return countUcs2(text)
    septets += w
    fill += w
    if (fill > GSM_PART) {
      parts++
      fill = w
    }
  }
  if (septets <= GSM_SINGLE) return result('gsm7', septets, n === 0 ? 0 : 1, GSM_SINGLE, septets)
  return result('gsm7', septets, parts, GSM_PART, fill)
}

/**
 * Counts with options: `countWith({ encoding: 'ucs2' })` forces UCS-2.
 *
 * @example
 * import { Parts } from 'clickatell-fp'
 * console.log(Parts.countWith({ encoding: 'ucs2' })('Hello'))
 * // { encoding: 'ucs2', units: 5, parts: 1, perPart: 70, remaining: 65 }
 * @category counting
 * @since 0.1.0
 */
export const countWith =
  (options: CountOptions) =>
  (text: string): PartCount =>
    options.encoding === 'ucs2' ? countUcs2(text) : countAuto(text)

/**
 * Counts the parts a text needs, however long it is (a 40-part text says 40; `check` compares with a maximum).
 *
 * @example
 * import { Parts } from 'clickatell-fp'
 * console.log(Parts.count('Hello [world]'))
 * // { encoding: 'gsm7', units: 15, parts: 1, perPart: 160, remaining: 145 }
 * console.log(Parts.count('Hi 😀').encoding) // 'ucs2'
 * @category counting
 * @since 0.1.0
 */
export const count = (text: string): PartCount => countAuto(text)

/**
 * Counts as the HTTP API sends a text: GSM-7 when every character is GSM 03.38 and ISO-8859-1 (plain text
 * travels as ISO-8859-1), UCS-2 otherwise. One pass; `Charset.plan` says why.
 *
 * @example
 * import { Parts } from 'clickatell-fp'
 * console.log(Parts.count('5€').encoding, Parts.countPlain('5€').encoding) // 'gsm7' 'ucs2'
 * @category counting
 * @since 0.1.0
 */
export const countPlain = (text: string): PartCount => countAuto(text, plainWidths)

const splitGsm7 = (text: string): ReadonlyArray<string> => {
  const out: string[] = []
  let start = 0
  let fill = 0
  for (let i = 0; i < text.length; i++) {
    const w = widths[text.charCodeAt(i)]!
    if (fill + w > GSM_PART) {
      out.push(text.slice(start, i))
      start = i
      fill = 0
    }
    fill += w
  }
  out.push(text.slice(start))
  return out
}

const splitUcs2 = (text: string): ReadonlyArray<string> => {
  const out: string[] = []
  let start = 0
  let fill = 0
  for (let i = 0; i < text.length; i++) {
    const w = isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1
    if (fill + w > UCS_PART) {
      out.push(text.slice(start, i))
      start = i
      fill = 0
    }
    fill += w
    i += w - 1
  }
  out.push(text.slice(start))
  return out
}

/**
 * Splits with options (see `countWith`).
 *
 * @example
 * import { Parts } from 'clickatell-fp'
 * console.log(Parts.splitWith({ encoding: 'ucs2' })('a'.repeat(71)).map((p) => p.length)) // [67, 4]
 * @category splitting
 * @since 0.1.0
 */
export const splitWith =
  (options: CountOptions) =>
  (text: string): ReadonlyArray<string> => {
    if (text.length === 0) return []
    const c = countWith(options)(text)
    if (c.parts <= 1) return [text]
    return c.encoding === 'gsm7' ? splitGsm7(text) : splitUcs2(text)
  }

/**
 * The texts of the parts, in order: `split(t).join('') === t`, no part over its limit, and no escape pair or
 * surrogate pair cut in two. The empty text has no parts.
 *
 * @example
 * import { Parts } from 'clickatell-fp'
 * const parts = Parts.split('x'.repeat(152) + '€' + 'y'.repeat(10))
 * console.log(parts.map((p) => p.length)) // [152, 11] (the euro sign's two septets do not fit in septet 153)
 * @category splitting
 * @since 0.1.0
 */
export const split: (text: string) => ReadonlyArray<string> = splitWith({})

/**
 * Units per part of a concatenated message for an encoding (153 or 67), the figure a `MessageTooLong` carries.
 *
 * @example
 * import { Parts } from 'clickatell-fp'
 * console.log(Parts.perConcatenatedPart('ucs2')) // 67
 * @category utils
 * @since 0.1.0
 */
export const perConcatenatedPart = (encoding: Encoding): number => limits[encoding].concatenated

/**
 * Checks a count against a maximum number of parts: the caller's (`concat`, 1 to 35) and never above the
 * gateway's 35. A maximum that is not a whole number from 1 to 35 is `InvalidInput`.
 *
 * @example
 * import { Parts } from 'clickatell-fp'
 * console.log(Parts.check(1)(Parts.count('x'.repeat(161))))
 * // { _tag: 'Left', left: { _tag: 'MessageTooLong', encoding: 'gsm7', units: 161, parts: 2, limit: 1, perPart: 153 } }
 * @category checking
 * @since 0.1.0
 */
export const check = (
  maxParts: number = GATEWAY_MAX_PARTS,
): ((count: PartCount) => Either<InvalidInput | MessageTooLong, PartCount>) => {
  // The maximum is checked once: an invalid one makes every check this refusal.
  if (!Number.isInteger(maxParts) || maxParts < 1 || maxParts > GATEWAY_MAX_PARTS) {
    const refused: Either<InvalidInput, never> = {
      _tag: 'Left',
      left: invalidInput([
        {
          path: 'maxParts',
          message: `must be a whole number from 1 to ${GATEWAY_MAX_PARTS}, got ${String(maxParts)}`,
        },
      ]),
    }
    return () => refused
  }
  return (count) =>
    count.parts <= maxParts
      ? { _tag: 'Right', right: count }
      : {
          _tag: 'Left',
          left: messageTooLong({
            encoding: count.encoding,
            units: count.units,
            parts: count.parts,
            limit: maxParts,
            perPart: perConcatenatedPart(count.encoding),
          }),
        }
}
