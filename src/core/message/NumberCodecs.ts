/**
 * io-ts codecs for the parameters of the HTTP API v2.6 that are numbers, switches or moments (specification
 * section 5): delays, validity, parts, callback, queue, credits, flags and the scheduled time. Branded, so a
 * value that passed one cannot be confused with a plain number; each failure is one sentence a person
 * understands. Identifiers are in `IdCodecs`, the content and its route in `ContentCodecs`.
 *
 * Decisions (docs/messages.md): the limits are the specification's; where it leaves a choice the stricter,
 * documented reading wins, because the gateway's own refusal (101, 105, 106, 113, 120) arrives after the
 * request and names no field.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { isCallbackValue } from '../callback/CallbackValue.js'
import { checked, describe } from './Validation.js'

const wholeNumberIn =
  (min: number, max: number, what: string) =>
  (u: unknown): string | undefined =>
    typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max
      ? undefined
      : `must be a whole number of ${what} from ${min} to ${max}; got ${describe(u)}`

/** @category model @since 0.1.0 */
export interface DeliveryDelayBrand {
  readonly DeliveryDelay: unique symbol
}
/**
 * `deliv_time`: minutes to wait before delivery, 1 to 10080 (7 days, specification section 5.2.6). 0 is
 * refused: no delay is said by leaving the option out. Below 10 the gateway may deliver early (it may be up
 * to 5 minutes early anyway).
 *
 * @category model
 * @since 0.1.0
 */
export type DeliveryDelay = t.Branded<number, DeliveryDelayBrand>
/**
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * console.log(Codecs.DeliveryDelay.is(120), Codecs.DeliveryDelay.is(10081)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const DeliveryDelay = checked<DeliveryDelay>('DeliveryDelay', wholeNumberIn(1, 10080, 'minutes'))

/** @category model @since 0.1.0 */
export interface ValidityBrand {
  readonly Validity: unique symbol
}
/**
 * `validity`: minutes the gateway may keep the message queued, 1 to 1440 (section 5.2.15).
 *
 * @category model
 * @since 0.1.0
 */
export type Validity = t.Branded<number, ValidityBrand>
/**
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * console.log(Codecs.Validity.is(1440), Codecs.Validity.is(0)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Validity = checked<Validity>('Validity', wholeNumberIn(1, 1440, 'minutes'))

/** @category model @since 0.1.0 */
export interface MaxPartsBrand {
  readonly MaxParts: unique symbol
}
/**
 * `concat` as the caller's maximum: 1 to 35 parts (section 5.2.7; 3 is the recommendation).
 *
 * @category model
 * @since 0.1.0
 */
export type MaxParts = t.Branded<number, MaxPartsBrand>
/**
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * console.log(Codecs.MaxParts.is(35), Codecs.MaxParts.is(36)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const MaxParts = checked<MaxParts>('MaxParts', wholeNumberIn(1, 35, 'parts'))

/**
 * `callback`: which statuses the gateway posts back, 0 to 7 (docs/gateway.md, 'Callback values').
 *
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * console.log(Codecs.Callback.is(3), Codecs.Callback.is(8)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Callback = checked<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7>('Callback', (u) =>
  isCallbackValue(u)
    ? undefined
    : `must be a whole number from 0 (no callback) to 7 (every status); got ${describe(u)}`,
)

/**
 * `queue`: 1 (highest priority), 2, or 3 (lowest, the default).
 *
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * console.log(Codecs.Queue.is(1), Codecs.Queue.is(4)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Queue = checked<1 | 2 | 3>('Queue', (u) =>
  u === 1 || u === 2 || u === 3
    ? undefined
    : `must be 1 (highest priority), 2 or 3 (lowest); got ${describe(u)}`,
)

/** @category model @since 0.1.0 */
export interface MaxCreditsBrand {
  readonly MaxCredits: unique symbol
}
/**
 * `max_credits`: the most a message may cost, a positive number of credits (section 5.2.8 allows any amount
 * within the account's profiles). Written as a plain decimal, so it must lie between 0.000001 and 10^21.
 *
 * @category model
 * @since 0.1.0
 */
export type MaxCredits = t.Branded<number, MaxCreditsBrand>
/**
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * console.log(Codecs.MaxCredits.is(1.5), Codecs.MaxCredits.is(0)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const MaxCredits = checked<MaxCredits>('MaxCredits', (u) =>
  typeof u === 'number' && Number.isFinite(u) && u > 0 && !String(u).includes('e')
    ? undefined
    : `must be a positive number of credits such as 1.5; got ${describe(u)}`,
)

/**
 * A switch given as `true` or `false` (written `1` or `0`).
 *
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * console.log(Codecs.Flag.is(true), Codecs.Flag.is(1)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Flag = checked<boolean>('Flag', (u) =>
  typeof u === 'boolean' ? undefined : `must be true or false; got ${describe(u)}`,
)

/** @category model @since 0.1.0 */
export interface UnixSecondsBrand {
  readonly UnixSeconds: unique symbol
}
/**
 * A moment as whole unix seconds.
 *
 * @category model
 * @since 0.1.0
 */
export type UnixSeconds = t.Branded<number, UnixSecondsBrand>

const MILLIS_THRESHOLD = 1e11 // unix seconds reach 1e11 in the year 5138; a larger value is milliseconds

/**
 * `scheduled_time`: when to deliver, given as a `Date` or whole unix seconds, decoded to unix seconds.
 *
 * Written as unix seconds, never as the `YYYY-MM-DDTHH:mm:ssZ` form: the specification accepts both, but its
 * example of the date form is corrupted (`09-01-30T14:00:00Z`, docs/gateway.md, quirk 20), so nothing shows which
 * date form the gateway parses; an integer cannot be misread. The 7-day limit is not checked here: the core
 * has no clock.
 *
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * console.log(Codecs.ScheduledTime.decode(new Date('2030-01-01T00:00:00Z'))) // { _tag: 'Right', right: 1893456000 }
 * @category codecs
 * @since 0.1.0
 */
export const ScheduledTime = new t.Type<UnixSeconds, number, unknown>(
  'ScheduledTime',
  (u): u is UnixSeconds => typeof u === 'number' && Number.isInteger(u) && u >= 0 && u < MILLIS_THRESHOLD,
  (u, c) => {
    if (u instanceof Date) {
      const ms = u.getTime()
      return Number.isNaN(ms) || ms < 0
        ? t.failure(u, c, 'is an invalid Date or one before 1970')
        : t.success(Math.floor(ms / 1000) as UnixSeconds)
    }
    if (typeof u !== 'number' || !Number.isInteger(u) || u < 0)
      return t.failure(u, c, `must be a Date or a whole number of unix seconds; got ${describe(u)}`)
    if (u >= MILLIS_THRESHOLD)
      return t.failure(
        u,
        c,
        `looks like milliseconds (${u}); give unix seconds (milliseconds / 1000) or a Date`,
      )
    return t.success(u as UnixSeconds)
  },
  (a) => a,
)
