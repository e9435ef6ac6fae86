/**
 * Messages checked at the client's edge, once, before any recipient is sent to: national numbers given the
 * country code, the message decoded (`Message.decode`), its scheduled time checked against the client's clock
 * (`Schedule.check`), and planned (`MessageParams.fromMessage`). `Messages` sends what passes; a queue checks
 * with it before it enqueues.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { invalidInput, type LocalError } from '../core/errors.js'
import { decode, type MessageInput } from '../core/message/Message.js'
import { type CountryCode, inputWithCountryCode } from '../core/message/Msisdn.js'
import { check as checkSchedule } from '../core/message/Schedule.js'
import { fromMessage, type Submission } from '../core/request/MessageParams.js'

/**
 * What the client's edge applies to a message before sending: its clock, against which `deliverAt` is checked
 * (`Schedule.check`), and the country code of national numbers.
 *
 * @category model
 * @since 0.1.0
 */
export interface MessageEdge {
  /** Now, in milliseconds since 1970; without it the scheduled time is not checked. */
  readonly now?: number
  readonly defaultCountryCode?: CountryCode | undefined
}

/**
 * A message checked once at the client's edge, before any recipient is sent to: national numbers given the
 * country code, decoded, its scheduled time checked against `now` (at most 7 days ahead, not in the past),
 * planned, and refused when it carries its own client message id but has several recipients (an id names one
 * message).
 *
 * @example
 * import { checkMessageWith } from './Checks.js'
 * const check = checkMessageWith({ now: Date.UTC(2030, 0, 1), defaultCountryCode: '44' as never })
 * const r = check({ to: '07900000001', text: 'Hi', deliverAt: new Date('2030-01-09T00:00:00Z') })
 * console.log(r._tag === 'Left' && r.left._tag === 'InvalidInput' && r.left.problems[0]!.path) // 'deliverAt'
 * const ok = check({ to: '07900000001', text: 'Hi' })
 * console.log(ok._tag === 'Right' && ok.right.to) // ['447900000001']
 * @category decoding
 * @since 0.1.0
 */
export const checkMessageWith =
  (edge: MessageEdge) =>
  (message: MessageInput): E.Either<LocalError, Submission> => {
    const decoded = decode(inputWithCountryCode(edge.defaultCountryCode)(message))
    if (E.isLeft(decoded)) return decoded
    const scheduled = edge.now === undefined ? decoded : checkSchedule(new Date(edge.now))(decoded.right)
    if (E.isLeft(scheduled)) return scheduled
    return planOne(scheduled.right)
  }

// Planned, and refused with its own id for several recipients.
const planOne = (message: Parameters<typeof fromMessage>[0]): E.Either<LocalError, Submission> => {
  const planned = fromMessage(message)
  if (E.isLeft(planned)) return planned
  const count = planned.right.to.length
  if (planned.right.options.clientMessageId === undefined || count === 1) return planned
  const why = `identifies one message, but there are ${count} recipients: leave it out (the client makes one per recipient) or send to each number on its own`
  return E.left(invalidInput([{ path: 'clientMessageId', message: why }]))
}

/**
 * `checkMessageWith({})`: decoded and planned, without a clock or a country code.
 *
 * @example
 * import { checkMessage } from './Checks.js'
 * const r = checkMessage({ to: ['447900000001', '447900000002'], text: 'Hi', clientMessageId: 'order42' })
 * console.log(r._tag === 'Left' && r.left._tag === 'InvalidInput' && r.left.problems[0]!.path) // 'clientMessageId'
 * @category decoding
 * @since 0.1.0
 */
export const checkMessage: (message: MessageInput) => E.Either<LocalError, Submission> = checkMessageWith({})
