// Message arbitraries for the request-side tests: every value they make is a valid input (a test checks that
// each passes Message.decode and encodes). Kept here until src/testing ships arbitraries of its own.
import fc from 'fast-check'
import { messageTypes } from '../../src/core/message/ContentCodecs.js'
import { all as allFeatures, type Feature } from '../../src/core/message/Features.js'
import type { MessageInput, MessageOptions } from '../../src/core/message/Message.js'
import { planWith } from '../../src/core/text/Charset.js'
import { gsmBasicChars } from '../core/text/textArbitraries.js'

export const numRuns = process.env.CI ? 200 : 1000

const digit = fc.constantFrom(...'0123456789')
const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
const alnum = fc.oneof(letter, digit)

/** A destination number: 7 to 15 digits, the first not 0. */
export const msisdn = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...'123456789'), fc.string({ unit: digit, minLength: 6, maxLength: 14 }))
    .map(([first, rest]) => first + rest)

/** `to`: one number, or a list of 1 to `max` (duplicates possible). */
export const recipients = (max = 5): fc.Arbitrary<string | ReadonlyArray<string>> =>
  fc.oneof(
    msisdn(),
    fc.array(fc.oneof(msisdn(), fc.constant('447901231234')), { minLength: 1, maxLength: max }),
  )

/** A sender id: 1-16 digits, or 1-11 letters, digits and inner spaces with at least one letter. */
export const sender = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: digit, minLength: 1, maxLength: 16 }),
    fc
      .tuple(letter, fc.string({ unit: fc.oneof(alnum, fc.constant(' ')), maxLength: 9 }), alnum)
      .chain(([l, mid, end]) =>
        fc.constantFrom(`${l}${mid}${end}`, `${end}${mid}${l}`).map((s) => s.slice(0, 11).trim()),
      )
      .filter((s) => /[A-Za-z]/.test(s) && s.length >= 1),
  )

export const clientMessageId = (): fc.Arbitrary<string> =>
  fc.string({ unit: alnum, minLength: 1, maxLength: 32 })

// Characters for texts: GSM, Latin-1 that is not GSM, GSM that is not Latin-1, and beyond (no lone surrogates).
const latin1NotGsm = ['ç', 'á', 'â', '¢', '©', 'þ', 'ÿ', '\u00a0']
const gsmNotLatin1 = ['€', 'Ω', 'Δ', 'Ψ']
const beyond = ['’', '“', '中', 'ş', '😀', '👍🏽', '𝄞']

/** A non-empty text: mostly GSM, sometimes not. `plainOnly` keeps to GSM-7 characters up to U+00FF. */
export const text = (maxLength = 400, plainOnly = false): fc.Arbitrary<string> =>
  fc
    .array(
      plainOnly
        ? fc.constantFrom(...gsmBasicChars.filter((c) => c.charCodeAt(0) <= 0xff))
        : fc.oneof(
            { weight: 40, arbitrary: fc.constantFrom(...gsmBasicChars) },
            { weight: 2, arbitrary: fc.constantFrom('[', ']', '{', '}', '^', '~', '|', '\\') },
            { weight: 1, arbitrary: fc.constantFrom(...latin1NotGsm) },
            { weight: 1, arbitrary: fc.constantFrom(...gsmNotLatin1) },
            { weight: 1, arbitrary: fc.constantFrom(...beyond) },
          ),
      { minLength: 1, maxLength },
    )
    .map((cs) => cs.join(''))

export const requiredFeatures = (): fc.Arbitrary<
  { readonly add: ReadonlyArray<Feature> } | { readonly exactly: ReadonlyArray<Feature> }
> =>
  fc.oneof(
    fc.subarray([...allFeatures]).map((add) => ({ add })),
    fc.subarray([...allFeatures]).map((exactly) => ({ exactly })),
  )

/** Options a message and a batch share; at most one of deliverAfterMinutes and deliverAt. */
export const messageOptions = (): fc.Arbitrary<MessageOptions> =>
  fc
    .record(
      {
        from: sender(),
        clientMessageId: clientMessageId(),
        maxParts: fc.integer({ min: 1, max: 35 }),
        callback: fc.integer({ min: 0, max: 7 }),
        validityMinutes: fc.integer({ min: 1, max: 1440 }),
        queue: fc.constantFrom(1, 2, 3),
        escalate: fc.boolean(),
        replyable: fc.boolean(),
        maxCredits: fc.constantFrom(0.8, 1, 1.5, 2, 2.5, 3, 0.000001, 123456.789),
        messageType: fc.constantFrom(...messageTypes),
        bypassDoNotContact: fc.boolean(),
        requiredFeatures: requiredFeatures(),
      },
      { requiredKeys: [], noNullPrototype: true },
    )
    .chain((o) =>
      fc
        .oneof(
          fc.constant({}),
          fc.integer({ min: 1, max: 10080 }).map((deliverAfterMinutes) => ({ deliverAfterMinutes })),
          fc.integer({ min: 0, max: 4_102_444_800 }).map((deliverAt) => ({ deliverAt })),
          fc
            .integer({ min: 0, max: 4_102_444_800 })
            .map((s) => ({ deliverAt: new Date(s * 1000 + (s % 1000)) })),
        )
        .map((when) => ({ ...o, ...when })),
    )

/** A valid text message whose `maxParts`, when set, leaves room for the text. */
export const textMessage = (
  constraints: { readonly maxRecipients?: number; readonly maxLength?: number } = {},
) =>
  fc
    .record(
      {
        to: recipients(constraints.maxRecipients ?? 5),
        text: text(constraints.maxLength ?? 400),
        options: messageOptions(),
        encoding: fc.option(fc.constantFrom('auto' as const, 'ucs2' as const), { nil: undefined }),
      },
      { noNullPrototype: true },
    )
    .map(({ to, text, options, encoding }) => {
      const needed = planWith(encoding === undefined ? {} : { encoding })(text).count.parts
      const maxParts = options.maxParts === undefined ? undefined : Math.max(options.maxParts, needed)
      return {
        ...options,
        ...(maxParts === undefined ? {} : { maxParts }),
        ...(encoding === undefined ? {} : { encoding }),
        to,
        text,
      }
    })

const hexBytes = (min: number, max: number) =>
  fc
    .uint8Array({ minLength: min, maxLength: max })
    .map((b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(''))

/** A valid binary message: data, and sometimes a UDH (then 140 bytes in all). */
export const binaryMessage = (): fc.Arbitrary<MessageInput> =>
  fc
    .record(
      {
        to: recipients(3),
        withUdh: fc.boolean(),
        udhBody: hexBytes(2, 10),
        binary: fc.option(fc.boolean(), { nil: undefined }),
        options: messageOptions(),
      },
      { noNullPrototype: true },
    )
    .chain(({ to, withUdh, udhBody, binary, options }) => {
      const udh = `${(udhBody.length / 2).toString(16).padStart(2, '0')}${udhBody}`
      const room = withUdh ? 140 - udh.length / 2 : 400
      return hexBytes(1, room).map((data) => {
        const parts = withUdh || data.length / 2 <= 140 ? 1 : Math.ceil(data.length / 2 / 134)
        const maxParts = options.maxParts === undefined ? undefined : Math.max(options.maxParts, parts)
        return {
          ...options,
          ...(maxParts === undefined ? {} : { maxParts }),
          ...(binary === undefined ? {} : { binary }),
          ...(withUdh ? { udh } : {}),
          to,
          data,
        }
      })
    })

/** Credentials of either kind, with values the gateway can read. */
export const credentials = () =>
  fc.oneof(
    fc
      .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 })
      .map((sessionId) => ({ _tag: 'Session' as const, sessionId })),
    fc
      .record(
        {
          apiId: fc.string({ unit: digit, minLength: 1, maxLength: 8 }),
          user: fc.string({ unit: alnum, minLength: 1, maxLength: 12 }),
          password: fc.string({
            unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
            minLength: 1,
            maxLength: 20,
          }),
        },
        { noNullPrototype: true },
      )
      .map((a) => ({ _tag: 'Account' as const, ...a })),
  )
