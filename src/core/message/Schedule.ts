/**
 * The window of a scheduled delivery (`deliverAt`, `scheduled_time`, specification section 5.2.16): the
 * gateway delivers a time more than 7 days ahead at once, and a time in the past at once too, in both cases
 * without an error. The core has no clock, so the check takes `now`: the client applies it with its
 * environment's clock, the CLI with the real one, before anything is sent.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../errors.js'
import type { UnixSeconds } from './NumberCodecs.js'

/**
 * The furthest ahead a delivery may be scheduled: 7 days, in seconds (10,080 minutes, as `deliv_time`).
 *
 * @example
 * import * as Schedule from './Schedule.js'
 * console.log(Schedule.MAX_AHEAD_SECONDS) // 604800
 * @category data
 * @since 0.1.0
 */
export const MAX_AHEAD_SECONDS = 7 * 24 * 60 * 60

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')

// "8 days 2 hours", "3 minutes", "40 seconds": the distance between two moments, in the two largest units.
const span = (seconds: number): string => {
  const units: ReadonlyArray<readonly [string, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ]
  const words: string[] = []
  let rest = seconds
  for (const [name, size] of units) {
    const n = Math.floor(rest / size)
    rest -= n * size
    if (n > 0 && words.length < 2) words.push(`${n} ${name}${n === 1 ? '' : 's'}`)
    else if (words.length > 0) break
  }
  return words.length === 0 ? '0 seconds' : words.join(' ')
}

/**
 * The sentence for a scheduled time outside the window, or `undefined` when it is inside: not before `now`,
 * at most 7 days after it. Both times are unix seconds.
 *
 * @example
 * import * as Schedule from './Schedule.js'
 * const now = 1_893_456_000 // 2030-01-01T00:00:00Z
 * console.log(Schedule.problem(now)(now + 3600)) // undefined
 * console.log(Schedule.problem(now)(now - 90))
 * // 'is 1 minute 30 seconds in the past (2029-12-31T23:58:30Z, now 2030-01-01T00:00:00Z): the gateway would deliver it at once; leave deliverAt out to send now'
 * @category checks
 * @since 0.1.0
 */
export const problem =
  (now: number) =>
  (at: number): string | undefined => {
    if (at < now)
      return `is ${span(now - at)} in the past (${iso(at)}, now ${iso(now)}): the gateway would deliver it at once; leave deliverAt out to send now`
    if (at - now > MAX_AHEAD_SECONDS)
      return `is ${span(at - now)} ahead (${iso(at)}, now ${iso(now)}); the gateway delivers a time more than 7 days (10080 minutes) ahead at once: schedule it at most 7 days ahead, by ${iso(now + MAX_AHEAD_SECONDS)}`
    return undefined
  }

/**
 * Checks the scheduled time of a decoded message (or batch) against `now`: the value itself when it has no
 * `deliverAt` or one inside the window, else `InvalidInput` at `deliverAt` with the times and the 7-day limit.
 * Pure: the clock is the caller's.
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * import * as Schedule from './Schedule.js'
 * import * as E from 'fp-ts/Either'
 * const now = new Date('2030-01-01T00:00:00Z')
 * const m = Message.decode({ to: '447901231234', text: 'Hi', deliverAt: new Date('2030-01-09T02:00:00Z') })
 * const r = E.flatMap((x: Message.ValidMessage) => Schedule.check(now)(x))(m)
 * console.log(r._tag === 'Left' && r.left._tag === 'InvalidInput' && r.left.problems[0]!.message.startsWith('is 8 days 2 hours ahead')) // true
 * @category checks
 * @since 0.1.0
 */
export const check =
  (now: Date) =>
  <A extends { readonly deliverAt?: UnixSeconds | undefined }>(message: A): E.Either<InvalidInput, A> => {
    if (message.deliverAt === undefined) return E.right(message)
    const ms = now.getTime()
    // An invalid clock cannot judge the window: the time is then left to the gateway.
    if (Number.isNaN(ms)) return E.right(message)
    const why = problem(Math.floor(ms / 1000))(message.deliverAt)
    return why === undefined ? E.right(message) : E.left(invalidInput([{ path: 'deliverAt', message: why }]))
  }
