/**
 * Whole messages (`MessageInput`) that the library accepts: every value passes `Message.decode` and then
 * `Submission.fromMessage` (its text fits its `maxParts`), with recipients, text or binary content, and any mix
 * of the options of specification v2.6 section 5. Their fields have the brands they decode to
 * (`BrandedMessageInput`).
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import { Hex, MessageText, messageTypes, Udh } from '../core/message/ContentCodecs.js'
import { all as allFeatures } from '../core/message/Features.js'
import type { ClientMessageId, Sender } from '../core/message/IdCodecs.js'
import type { MessageInput } from '../core/message/Message.js'
import type { Msisdn } from '../core/message/Msisdn.js'
import {
  Callback,
  DeliveryDelay,
  MaxCredits,
  MaxParts,
  ScheduledTime,
  type UnixSeconds,
  Validity,
} from '../core/message/NumberCodecs.js'
import { planWith } from '../core/text/Charset.js'
import { GATEWAY_MAX_PARTS, splitWith } from '../core/text/Parts.js'
import { clamp, HEX, oneOf, stringOf } from './Alphabets.js'
import { validAs } from './Brands.js'
import { binaryParts, textWithParts } from './ExactParts.js'
import { clientMessageId, type MsisdnConstraints, msisdn, senderId } from './Identifiers.js'
import { extensionHeavyText, gsm7Text, latin1PlainText, ucs2Text } from './Text.js'

/**
 * Constraints of `validMessage`.
 *
 * @category model
 * @since 0.1.0
 */
export interface ValidMessageConstraints extends MsisdnConstraints {
  /** Most recipients, 1 to 600; default 3. `to` is one number as a string, or a list (duplicates possible). */
  readonly maxRecipients?: number
  /** `text` (default), `binary` (`data`, sometimes `udh` and `binary`), or `any`. */
  readonly content?: 'text' | 'binary' | 'any'
  /** Most parts the content may take, 1 to 35; default 35. */
  readonly maxParts?: number
  /** Set options (`from`, `callback`, `maxParts`, `deliverAt`...) at random; default true. */
  readonly options?: boolean
}

/**
 * A `MessageInput` whose fields have the brands their codecs decode them to: `to` is `Msisdn`s, `text` a
 * `MessageText`, `from` a `Sender`, `maxParts` a `MaxParts`... It is a `MessageInput` (each brand is a string or
 * number too), so it goes to `client.send` as it is, and its fields go where the library takes the brands.
 *
 * @category model
 * @since 0.1.0
 */
export interface BrandedMessageInput extends MessageInput {
  readonly to: Msisdn | ReadonlyArray<Msisdn>
  readonly text?: MessageText
  readonly data?: Hex
  readonly udh?: Udh
  readonly from?: Sender
  readonly clientMessageId?: ClientMessageId
  readonly maxParts?: MaxParts
  readonly callback?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7
  readonly deliverAfterMinutes?: DeliveryDelay
  readonly deliverAt?: Date | UnixSeconds
  readonly validityMinutes?: Validity
  readonly queue?: 1 | 2 | 3
  readonly maxCredits?: MaxCredits
}

/** The options `messageOptions` draws: all but the two `validMessage` sets. */
type DrawnOptions = Omit<
  BrandedMessageInput,
  'to' | 'text' | 'encoding' | 'data' | 'udh' | 'binary' | 'maxParts' | 'clientMessageId'
>

const optional = <A>(a: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> => fc.option(a, { nil: undefined })

/** `A` with its fields that may be `undefined` made optional instead, as `compact` leaves them. */
type Compact<A> = { [K in keyof A as undefined extends A[K] ? never : K]: A[K] } & {
  [K in keyof A as undefined extends A[K] ? K : never]?: Exclude<A[K], undefined>
}

const compact = <A extends object>(a: A): Compact<A> =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Compact<A>

/**
 * Options that every message may carry, each set or not; at most one of `deliverAfterMinutes` and `deliverAt`.
 * `maxParts` and `clientMessageId` are left to `validMessage`, which knows the parts and the recipients.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { messageOptions } from './Messages.js'
 * console.log(fc.sample(messageOptions(), 20).every((o) => !('deliverAt' in o && 'deliverAfterMinutes' in o))) // true
 * @category messages
 * @since 0.1.0
 */
export const messageOptions = (): fc.Arbitrary<DrawnOptions> =>
  fc
    .record(
      {
        from: optional(senderId()),
        callback: optional(fc.integer({ min: 0, max: 7 }).map(validAs(Callback))),
        validityMinutes: optional(fc.integer({ min: 1, max: 1440 }).map(validAs(Validity))),
        queue: optional(fc.constantFrom<1 | 2 | 3>(1, 2, 3)),
        escalate: optional(fc.boolean()),
        replyable: optional(fc.boolean()),
        maxCredits: optional(fc.constantFrom(0.5, 0.8, 1, 1.5, 2, 3, 10).map(validAs(MaxCredits))),
        messageType: optional(fc.constantFrom(...messageTypes)),
        bypassDoNotContact: optional(fc.boolean()),
        requiredFeatures: optional(
          fc.oneof(
            fc.subarray([...allFeatures]).map((add) => ({ add })),
            fc.subarray([...allFeatures]).map((exactly) => ({ exactly })),
          ),
        ),
        when: fc.oneof(
          { weight: 4, arbitrary: fc.constant({}) },
          fc
            .integer({ min: 1, max: 10080 })
            .map((minutes) => ({ deliverAfterMinutes: validAs(DeliveryDelay)(minutes) })),
          fc
            .integer({ min: 946_684_800, max: 4_102_444_800 })
            .map((seconds) => ({ deliverAt: validAs(ScheduledTime)(seconds) })),
          fc
            .integer({ min: 946_684_800, max: 4_102_444_800 })
            .map((s) => ({ deliverAt: new Date(s * 1000) })),
        ),
      },
      { noNullPrototype: true },
    )
    .map(({ when, ...options }): DrawnOptions => compact({ ...options, ...when }))

const recipients = (max: number, numbers: MsisdnConstraints): fc.Arbitrary<Msisdn | ReadonlyArray<Msisdn>> =>
  fc.oneof(
    msisdn(numbers),
    fc
      .tuple(fc.array(msisdn(numbers), { minLength: 1, maxLength: max }), fc.nat())
      // Sometimes the first number twice: the gateway answers each, so a caller must not key by number.
      .map(([list, at]) => (at % 8 === 0 && list.length < max ? [...list, list[0]!] : list)),
  )

const texts = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: latin1PlainText({ minLength: 1, maxLength: 400 }) },
    { weight: 1, arbitrary: gsm7Text({ minLength: 1, maxLength: 400 }) },
    { weight: 1, arbitrary: extensionHeavyText({ minLength: 1, maxLength: 300 }) },
    { weight: 2, arbitrary: ucs2Text({ maxLength: 150 }) },
    { weight: 1, arbitrary: textWithParts() },
  )

const partsOf = (text: string, encoding: 'auto' | 'ucs2' | undefined): number =>
  planWith(encoding === 'ucs2' ? { encoding } : {})(text).count.parts

/**
 * The text cut to its first `limit` parts in the encoding it will travel in, and its parts. A text that fits is
 * planned once; a cut one again (the cut never adds parts, but may make a UCS-2 text GSM-7).
 */
const fitToParts = (
  text: string,
  encoding: 'auto' | 'ucs2' | undefined,
  limit: number,
): { readonly text: string; readonly parts: number } => {
  const plan = planWith(encoding === 'ucs2' ? { encoding } : {})(text)
  if (plan.count.parts <= limit) return { text, parts: plan.count.parts }
  const cut = splitWith(plan.encoding === 'ucs2' ? { encoding: 'ucs2' } : {})(text)
    .slice(0, limit)
    .join('')
  return { text: cut, parts: partsOf(cut, encoding) }
}

const textContent = (limit: number) =>
  fc.tuple(texts(), optional(fc.constantFrom('auto' as const, 'ucs2' as const))).map(([text, encoding]) => {
    const fitted = fitToParts(text, encoding, limit)
    // Never empty (every text has a character, and the cut keeps a whole part) and never a lone surrogate
    // (the texts have none, and no part ends inside a pair).
    return { content: compact({ text: validAs(MessageText)(fitted.text), encoding }), parts: fitted.parts }
  })

const hexBytes = (min: number, max: number): fc.Arbitrary<string> =>
  stringOf(stringOf(oneOf(HEX), 2, 2), min, max)

// `data`: 1 to `max` bytes, two hex digits each.
const data = (max: number): fc.Arbitrary<Hex> => hexBytes(1, max).map(validAs(Hex))

// Binary content: with a UDH of our own, 140 bytes in one message; without, 134 a part when concatenated.
const binaryContent = (limit: number) =>
  fc.oneof(
    fc.tuple(hexBytes(2, 8), optional(fc.boolean())).chain(([body, binary]) => {
      // Its first byte is the number of bytes after it.
      const udh = validAs(Udh)(`${(body.length / 2).toString(16).padStart(2, '0')}${body}`)
      return data(140 - udh.length / 2).map((hex) => ({
        content: compact({ udh, data: hex, binary }),
        parts: 1,
      }))
    }),
    fc
      .tuple(data(limit === 1 ? 140 : Math.min(400, limit * 134)), optional(fc.boolean()))
      .map(([hex, binary]) => ({
        content: compact({ data: hex, binary }),
        parts: binaryParts(hex.length / 2),
      })),
  )

/**
 * Messages that pass `Message.decode` and `Submission.fromMessage`: one to `maxRecipients` numbers, a text
 * (plain, GSM-7 with `€`, extension-heavy, UCS-2 with surrogate pairs, or exactly some parts) or binary content,
 * and options at random. A `maxParts` option is never below the parts the content needs, and a
 * `clientMessageId` comes only with a single recipient (the client refuses one id for many numbers). Each field
 * has its brand (`to` is `Msisdn`s, `text` a `MessageText`...), and the whole is a `MessageInput` for `send`.
 *
 * @example
 * import * as fc from 'fast-check'
 * import * as E from 'fp-ts/Either'
 * import { Message } from 'clickatell-fp'
 * import * as Submission from '../core/request/MessageParams.js'
 * import { validMessage } from 'clickatell-fp/testing'
 * fc.assert(
 *   fc.property(validMessage({ content: 'any' }), (m) => E.isRight(E.flatMap(Submission.fromMessage)(Message.decode(m)))),
 * )
 * @category messages
 * @since 0.1.0
 */
export const validMessage = (
  constraints: ValidMessageConstraints = {},
): fc.Arbitrary<BrandedMessageInput> => {
  const max = clamp(1, 600, 3)(constraints.maxRecipients)
  const limit = clamp(1, GATEWAY_MAX_PARTS, GATEWAY_MAX_PARTS)(constraints.maxParts)
  const numbers = Array.isArray(constraints.countryCodes) ? { countryCodes: constraints.countryCodes } : {}
  const content =
    constraints.content === 'binary'
      ? binaryContent(limit)
      : constraints.content === 'any'
        ? fc.oneof(
            { weight: 3, arbitrary: textContent(limit) },
            { weight: 1, arbitrary: binaryContent(limit) },
          )
        : textContent(limit)
  const withOptions = constraints.options !== false
  return fc
    .record(
      {
        to: recipients(max, numbers),
        body: content,
        options: withOptions ? messageOptions() : fc.constant({}),
        maxParts: withOptions
          ? optional(fc.integer({ min: 1, max: GATEWAY_MAX_PARTS }))
          : fc.constant(undefined),
        clientMessageId: withOptions ? optional(clientMessageId()) : fc.constant(undefined),
      },
      { noNullPrototype: true },
    )
    .map(({ to, body, options, maxParts, clientMessageId }): BrandedMessageInput => {
      const single = typeof to === 'string' || to.length === 1
      return compact({
        to,
        ...body.content,
        ...options,
        // 1 to 35: both are, the parts being at most `limit`.
        maxParts: maxParts === undefined ? undefined : validAs(MaxParts)(Math.max(maxParts, body.parts)),
        clientMessageId: single ? clientMessageId : undefined,
      })
    })
}
