/**
 * Messages the library must refuse, each with exactly one fault and the reason it is refused for: the path
 * `Message.decode` names in its `InvalidInput` (every problem it lists has that path), or the numbers of the
 * `MessageTooLong` that `Submission.fromMessage` returns. For tests of code that validates, reports or
 * forwards refusals: a form that shows the problem next to its field, an API that maps it to a 400.
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import type { MessageInput } from '../core/message/Message.js'
import { ALNUM, HEX, oneOf, stringOf } from './Alphabets.js'
import {
  asBinary,
  type Base,
  badNumbers,
  binaryTooLong,
  type Fault,
  type InvalidReason,
  invalid,
  loneSurrogate,
  type Make,
  option,
  tooLong,
  without,
} from './Faults.js'
import { validMessage } from './Messages.js'

/**
 * A refused message and why. `message` is typed `MessageInput`, but the `wrong-type` and `unknown-option`
 * faults hold what an untyped caller (JavaScript, JSON) sends: a number for a string, a wire name for an option.
 *
 * @category model
 * @since 0.1.0
 */
export interface InvalidMessage {
  readonly message: MessageInput
  readonly reason: InvalidReason
}

/**
 * Constraints of `invalidMessage`.
 *
 * @category model
 * @since 0.1.0
 */
export interface InvalidMessageConstraints {
  /** The faults to draw from; default (or none known): all of them. */
  readonly faults?: ReadonlyArray<Fault>
}

/** How to break a valid message for each fault. */
const makers: { readonly [F in Fault]-?: Make } = {
  'bad-number': (base) =>
    fc.tuple(badNumbers(), fc.nat()).map(([bad, at]) => {
      const to = base['to']
      if (typeof to === 'string') return invalid('bad-number', 'to')({ ...base, to: bad })
      const list = [...(to as ReadonlyArray<string>)]
      const i = at % list.length
      list[i] = bad
      return invalid('bad-number', `to.${i}`)({ ...base, to: list })
    }),
  'no-recipients': (base) => fc.constant(invalid('no-recipients', 'to')({ ...base, to: [] })),
  'empty-text': (base) => fc.constant(invalid('empty-text', 'text')({ ...base, text: '' })),
  'lone-surrogate': loneSurrogate,
  'text-too-long': tooLong,
  'sender-too-long': option('sender-too-long', 'from', [
    'Acme Company',
    'ABCDEFGHIJKL',
    'Acme 2024 Sale',
    '12345678901234567',
    '447901231234567890',
  ]),
  'sender-characters': option('sender-characters', 'from', [
    'Acme\u00a0Co',
    'Acme\tLtd',
    'Café',
    '+447901231234',
    ' Acme',
    'Acme ',
    '',
  ]),
  'bad-callback': option('bad-callback', 'callback', [-1, 8, 1.5, 255]),
  'client-message-id-characters': option('client-message-id-characters', 'clientMessageId', [
    'order-42',
    'order 42',
    'order_42',
    'ordér42',
    '8f14e45f-ceea-467f-a9f0-3fd2ab0b8b1c',
  ]),
  'client-message-id-length': (base) =>
    fc
      .oneof(stringOf(oneOf(ALNUM), 33, 64), fc.constant(''))
      .map((id) => invalid('client-message-id-length', 'clientMessageId')({ ...base, clientMessageId: id })),
  'max-parts-out-of-range': option('max-parts-out-of-range', 'maxParts', [0, 36, -3, 2.5, 100]),
  'bad-delay': option('bad-delay', 'deliverAfterMinutes', [0, -5, 10081, 1.5], ['deliverAt']),
  'both-delays': (base) =>
    fc
      .tuple(fc.integer({ min: 1, max: 10080 }), fc.integer({ min: 946_684_800, max: 4_102_444_800 }))
      .map(([deliverAfterMinutes, deliverAt]) =>
        invalid('both-delays', 'deliverAt')({ ...base, deliverAfterMinutes, deliverAt }),
      ),
  'deliver-at-milliseconds': option(
    'deliver-at-milliseconds',
    'deliverAt',
    [1_700_000_000_000, 4_102_444_800_000, new Date(Number.NaN), -1],
    ['deliverAfterMinutes'],
  ),
  'bad-validity': option('bad-validity', 'validityMinutes', [0, 1441, -1, 2.5]),
  'bad-queue': option('bad-queue', 'queue', [0, 4, 1.5]),
  'bad-max-credits': option('bad-max-credits', 'maxCredits', [
    0,
    -1,
    1e21,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ]),
  'bad-message-type': option('bad-message-type', 'messageType', [
    'SMS_NOKIA_RTTTL',
    'sms_flash',
    'FLASH',
    '',
  ]),
  'bad-required-features': (base) =>
    fc
      .constantFrom('NOKIA', 'flash', 'SMS')
      .map((f) =>
        invalid(
          'bad-required-features',
          'requiredFeatures.add.0',
        )({ ...base, requiredFeatures: { add: [f] } }),
      ),
  'text-and-binary': (base) =>
    stringOf(oneOf(HEX), 2, 2).map((data) =>
      invalid('text-and-binary', 'text')({ ...without(base, 'encoding', 'binary'), data }),
    ),
  'no-content': (base) => fc.constant(invalid('no-content', 'text')(without(base, 'text', 'binary'))),
  'bad-hex': (base) =>
    fc
      .constantFrom('', '0', 'abc', 'zz', '0x12', '12 34')
      .map((data) => invalid('bad-hex', 'data')({ ...asBinary(base), data })),
  'bad-udh': (base) =>
    fc
      .constantFrom('0500', '06050415810000FF', '01', 'GG', '0')
      .map((udh) => invalid('bad-udh', 'udh')({ ...asBinary(base), udh, data: '00' })),
  'binary-too-long': binaryTooLong,
  'binary-flag-on-text': (base) =>
    fc.constant(invalid('binary-flag-on-text', 'binary')({ ...base, binary: true })),
  'encoding-on-binary': (base) =>
    fc
      .constantFrom('auto', 'ucs2')
      .map((encoding) =>
        invalid('encoding-on-binary', 'encoding')({ ...asBinary(base), data: '00', encoding }),
      ),
  'unknown-option': (base) =>
    fc
      .constantFrom<[string, unknown]>(
        ['concat', 3],
        ['climsgid', 'abc'],
        ['deliv_ack', 1],
        ['unicode', 1],
        ['clientMsgId', 'abc'],
        ['Queue', 1],
        ['password', 'secret'],
        ['sender', 'Acme'],
      )
      .map(([key, value]) => invalid('unknown-option', key)({ ...base, [key]: value })),
  'wrong-type': (base) =>
    fc
      .constantFrom<[string, unknown]>(
        ['to', 447901231234],
        ['to', null],
        ['text', 42],
        ['from', 27831234567],
        ['escalate', 1],
        ['replyable', 'yes'],
        ['callback', '3'],
        ['requiredFeatures', ['FLASH']],
      )
      .map(([key, value]) => invalid('wrong-type', key)({ ...base, [key]: value })),
}

/**
 * The fault names, in the order of `Fault`.
 *
 * @example
 * import { faults } from 'clickatell-fp/testing'
 * console.log(faults.length, faults.includes('text-too-long')) // 28 true
 * @category messages
 * @since 0.1.0
 */
export const faults: ReadonlyArray<Fault> = Object.keys(makers) as ReadonlyArray<Fault>

/**
 * Messages with exactly one fault each, made from a valid text message, and the reason they fail: every
 * problem of `Message.decode`'s `InvalidInput` has `reason.path`, or `Message.decode` passes and
 * `Submission.fromMessage` returns the `MessageTooLong` the reason states.
 *
 * @example
 * import * as fc from 'fast-check'
 * import * as E from 'fp-ts/Either'
 * import { Message } from 'clickatell-fp'
 * import { invalidMessage } from 'clickatell-fp/testing'
 * fc.assert(
 *   fc.property(invalidMessage({ faults: ['bad-number', 'bad-callback'] }), ({ message, reason }) => {
 *     const r = Message.decode(message)
 *     return E.isLeft(r) && r.left.problems.every((p) => p.path === reason.path)
 *   }),
 * )
 * @category messages
 * @since 0.1.0
 */
export const invalidMessage = (constraints: InvalidMessageConstraints = {}): fc.Arbitrary<InvalidMessage> => {
  const asked: ReadonlyArray<Fault> = Array.isArray(constraints.faults)
    ? constraints.faults.filter((f) => faults.includes(f))
    : []
  const chosen = asked.length > 0 ? asked : faults
  return fc
    .tuple(fc.constantFrom<Fault>(...chosen), validMessage({ content: 'text', maxParts: 3 }))
    .chain(([fault, base]) => makers[fault](base as unknown as Base))
    .map((r) => r as unknown as InvalidMessage)
}
