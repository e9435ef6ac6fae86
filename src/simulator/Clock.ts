/**
 * The simulator's sense of time. Message statuses, session expiry, batch expiry and callback retries all read
 * a `Clock`, so a test can move time with `manualClock(start).advance(ms)` instead of waiting.
 *
 * @since 0.1.0
 */

/**
 * Anything that tells the time in milliseconds since the Unix epoch.
 *
 * @category model
 * @since 0.1.0
 */
export interface Clock {
  readonly now: () => number
}

/**
 * A clock that only moves when told to. Listeners run synchronously after each move, which is how a simulator
 * on this clock applies the status changes and callback attempts that fell due.
 *
 * @category model
 * @since 0.1.0
 */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` (negative or non-finite values are ignored) and returns the new time. */
  readonly advance: (ms: number) => number
  /** Sets the clock to `time`, if that is later than now (time never runs backwards), and returns the time. */
  readonly set: (time: number) => number
  /** Calls `listener(now)` after every move; returns the function that removes it. */
  readonly onAdvance: (listener: (now: number) => void) => () => void
}

/**
 * The wall clock (`Date.now`).
 *
 * @example
 * import { systemClock } from 'clickatell-fp/simulator'
 * console.log(systemClock.now() > 0) // true
 * @category constructors
 * @since 0.1.0
 */
export const systemClock: Clock = { now: () => Date.now() }

/**
 * A clock that starts at `start` (milliseconds since the epoch; default 2024-01-01T00:00:00Z) and moves only
 * with `advance` or `set`.
 *
 * @example
 * import { manualClock } from 'clickatell-fp/simulator'
 * const clock = manualClock(1_700_000_000_000)
 * clock.advance(1_000)
 * console.log(clock.now()) // 1700000001000
 * @category constructors
 * @since 0.1.0
 */
export const manualClock = (start = Date.UTC(2024, 0, 1)): ManualClock => {
  let now = Number.isFinite(start) ? start : Date.UTC(2024, 0, 1)
  const listeners = new Set<(now: number) => void>()
  const moveTo = (time: number): number => {
    if (Number.isFinite(time) && time > now) {
      now = time
      for (const listener of [...listeners]) listener(now)
    }
    return now
  }
  return {
    now: () => now,
    advance: (ms) => moveTo(now + (typeof ms === 'number' && ms > 0 ? ms : 0)),
    set: (time) => moveTo(typeof time === 'number' ? time : now),
    onAdvance: (listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

/**
 * Tells whether a clock is a `ManualClock` (it can be moved and listened to).
 *
 * @example
 * import { isManualClock, manualClock, systemClock } from 'clickatell-fp/simulator'
 * console.log(isManualClock(manualClock()), isManualClock(systemClock)) // true false
 * @category refinements
 * @since 0.1.0
 */
export const isManualClock = (clock: Clock): clock is ManualClock =>
  typeof (clock as Partial<ManualClock>).onAdvance === 'function' &&
  typeof (clock as Partial<ManualClock>).advance === 'function'
