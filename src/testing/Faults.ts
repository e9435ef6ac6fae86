/**
 * The faults `invalidMessage` puts in a message, one each, the reason each is refused for, and the makers of
 * the faults that take more than one option value: bad numbers, texts and binary content over their maximum,
 * lone surrogates.
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import { widths } from '../core/text/Gsm7.js'
import { type Encoding, GATEWAY_MAX_PARTS } from '../core/text/Parts.js'
import { DIGITS, LETTERS, oneOf, stringOf } from './Alphabets.js'
import { binaryParts, textWithParts } from './ExactParts.js'
import { msisdn } from './Identifiers.js'

/**
 * The faults, one per invalid message.
 *
 * @category model
 * @since 0.1.0
 */
export type Fault =
  | 'bad-number'
  | 'no-recipients'
  | 'empty-text'
  | 'lone-surrogate'
  | 'text-too-long'
  | 'sender-too-long'
  | 'sender-characters'
  | 'bad-callback'
  | 'client-message-id-characters'
  | 'client-message-id-length'
  | 'max-parts-out-of-range'
  | 'bad-delay'
  | 'both-delays'
  | 'deliver-at-milliseconds'
  | 'bad-validity'
  | 'bad-queue'
  | 'bad-max-credits'
  | 'bad-message-type'
  | 'bad-required-features'
  | 'text-and-binary'
  | 'no-content'
  | 'bad-hex'
  | 'bad-udh'
  | 'binary-too-long'
  | 'binary-flag-on-text'
  | 'encoding-on-binary'
  | 'unknown-option'
  | 'wrong-type'

/**
 * Why a message is refused: `InvalidInput` at `path`, or `MessageTooLong` with these numbers (`units` are
 * septets, UTF-16 units or bytes, as `MessageTooLong` counts them).
 *
 * @category model
 * @since 0.1.0
 */
export type InvalidReason =
  | { readonly _tag: 'InvalidInput'; readonly fault: Fault; readonly path: string }
  | {
      readonly _tag: 'MessageTooLong'
      readonly fault: Fault
      readonly path: 'text' | 'data'
      readonly encoding: Encoding | 'binary'
      readonly units: number
      readonly parts: number
      readonly limit: number
    }

/**
 * A message under construction: `MessageInput` loosened, since a fault may break its types.
 *
 * @category model
 * @since 0.1.0
 */
export type Base = Record<string, unknown>

/**
 * How to break a valid message for one fault.
 *
 * @category model
 * @since 0.1.0
 */
export type Make = (base: Base) => fc.Arbitrary<{ readonly message: Base; readonly reason: InvalidReason }>

/**
 * The message, refused with `InvalidInput` at `path`.
 *
 * @example
 * import { invalid } from './Faults.js'
 * console.log(invalid('empty-text', 'text')({ to: '447901231234', text: '' }).reason)
 * // { _tag: 'InvalidInput', fault: 'empty-text', path: 'text' }
 * @category faults
 * @since 0.1.0
 */
export const invalid =
  (fault: Fault, path: string) =>
  (message: Base): { readonly message: Base; readonly reason: InvalidReason } => ({
    message,
    reason: { _tag: 'InvalidInput', fault, path },
  })

/**
 * The message without some fields.
 *
 * @example
 * import { without } from './Faults.js'
 * console.log(without({ to: '1', text: 'x', encoding: 'ucs2' }, 'encoding')) // { to: '1', text: 'x' }
 * @category faults
 * @since 0.1.0
 */
export const without = (base: Base, ...keys: ReadonlyArray<string>): Base =>
  Object.fromEntries(Object.entries(base).filter(([k]) => !keys.includes(k)))

/**
 * A fault of one option: set to one of `values`, with the fields it could clash with removed.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { option } from './Faults.js'
 * const [r] = fc.sample(option('bad-queue', 'queue', [4])({ to: '447901231234', text: 'x' }), 1)
 * console.log(r!.message.queue, r!.reason.path) // 4 'queue'
 * @category faults
 * @since 0.1.0
 */
export const option =
  (fault: Fault, key: string, values: ReadonlyArray<unknown>, clashes: ReadonlyArray<string> = []): Make =>
  (base) =>
    fc
      .constantFrom(...values)
      .map((v) => invalid(fault, key)({ ...without(base, key, ...clashes), [key]: v }))

/**
 * The message with its text and text-only fields removed, ready for binary content.
 *
 * @example
 * import { asBinary } from './Faults.js'
 * console.log(asBinary({ to: '1', text: 'x', encoding: 'ucs2', from: 'Acme' })) // { to: '1', from: 'Acme' }
 * @category faults
 * @since 0.1.0
 */
export const asBinary = (base: Base): Base => without(base, 'text', 'encoding', 'binary', 'maxParts')

/**
 * Numbers `Msisdn` refuses: with `+` or `00`, national, with a space, two in one, too short, too long, not
 * digits.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Msisdn } from 'clickatell-fp'
 * import { badNumbers } from './Faults.js'
 * console.log(fc.sample(badNumbers(), 30).some((n) => Msisdn.Msisdn.is(n))) // false
 * @category faults
 * @since 0.1.0
 */
export const badNumbers = (): fc.Arbitrary<string> =>
  fc.oneof(
    msisdn().map((n) => `+${n}`),
    msisdn().map((n) => `00${n}`),
    msisdn().map((n) => `0${n.slice(2)}`),
    msisdn().map((n) => `${n.slice(0, 4)} ${n.slice(4)}`),
    msisdn().map((n) => `${n},${n}`),
    stringOf(oneOf(DIGITS), 1, 6).map((d) => `9${d}`.slice(0, 6)),
    stringOf(oneOf(DIGITS), 16, 20).map((d) => `1${d}`),
    fc.constantFrom('', 'abc', '44 7901 231234', '447901231234x'),
  )

const septets = (text: string): number => [...text].reduce((n, c) => n + widths[c.charCodeAt(0)]!, 0)

/**
 * A text over its maximum: `limit` parts allowed (by `maxParts`, or the gateway's 35), one to three more taken.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { tooLong } from './Faults.js'
 * const [r] = fc.sample(tooLong({ to: '447901231234', text: 'x' }), 1)
 * console.log(r!.reason._tag) // 'MessageTooLong'
 * @category faults
 * @since 0.1.0
 */
export const tooLong = (base: Base): ReturnType<Make> =>
  fc
    .tuple(
      fc.constantFrom('gsm7' as const, 'ucs2' as const),
      fc.integer({ min: 1, max: GATEWAY_MAX_PARTS }),
      fc.integer({ min: 1, max: 3 }),
    )
    .chain(([encoding, limit, over]) =>
      textWithParts({ encoding, parts: limit + over }).map((text) => ({
        message: {
          ...without(base, 'text', 'encoding', 'maxParts'),
          text,
          ...(limit < GATEWAY_MAX_PARTS ? { maxParts: limit } : {}),
        },
        reason: {
          _tag: 'MessageTooLong' as const,
          fault: 'text-too-long' as const,
          path: 'text' as const,
          encoding,
          units: encoding === 'gsm7' ? septets(text) : text.length,
          parts: limit + over,
          limit,
        },
      })),
    )

/**
 * Binary content over its maximum: over 140 bytes with a UDH of the caller's own (one message at most), or
 * over `maxParts` parts of 134 bytes.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { binaryTooLong } from './Faults.js'
 * const [r] = fc.sample(binaryTooLong({ to: '447901231234', text: 'x' }), 1)
 * console.log('text' in r!.message, r!.reason._tag) // false 'MessageTooLong'
 * @category faults
 * @since 0.1.0
 */
export const binaryTooLong = (base: Base): ReturnType<Make> =>
  fc.oneof(
    // A UDH of the caller's own: one message of 140 bytes at most, whatever maxParts says.
    fc.integer({ min: 141, max: 300 }).map((bytes) => {
      const udh = '050003CC0201'
      return {
        message: { ...asBinary(base), udh, data: '00'.repeat(bytes - 6) },
        reason: binaryReason(bytes, 1),
      }
    }),
    fc.integer({ min: 1, max: 5 }).chain((limit) =>
      fc.integer({ min: Math.max(141, limit * 134 + 1), max: limit * 134 + 300 }).map((bytes) => ({
        message: { ...asBinary(base), data: 'ab'.repeat(bytes), maxParts: limit },
        reason: binaryReason(bytes, limit),
      })),
    ),
  )

const binaryReason = (bytes: number, limit: number): InvalidReason => ({
  _tag: 'MessageTooLong',
  fault: 'binary-too-long',
  path: 'data',
  encoding: 'binary',
  units: bytes,
  parts: binaryParts(bytes),
  limit,
})

/**
 * A text with a lone surrogate at its start or end, which no encoding can send.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Ucs2 } from 'clickatell-fp'
 * import { loneSurrogate } from './Faults.js'
 * const [r] = fc.sample(loneSurrogate({ to: '447901231234', text: 'x' }), 1)
 * console.log(Ucs2.loneSurrogateAt(r!.message.text as string) >= 0) // true
 * @category faults
 * @since 0.1.0
 */
export const loneSurrogate = (base: Base): ReturnType<Make> =>
  fc
    .tuple(
      stringOf(oneOf(LETTERS), 0, 20),
      fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
      fc.boolean(),
    )
    .map(([text, lone, atEnd]) =>
      invalid('lone-surrogate', 'text')({ ...base, text: atEnd ? text + lone : lone + text }),
    )
