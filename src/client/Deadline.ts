/**
 * Deadlines: the longest a whole call of the client may take, its retries, session renewals and confirmation
 * checks included (`deadlineMs`). A deadline is an `AbortSignal` that fires with a `TimeoutError`, so whatever
 * it cuts short reads as a time-out (`TransportError` of kind `timeout`); the caller's own signal fires it too
 * (kind `aborted`). Its timer is cleared when the call ends and never keeps a process alive.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TransportError } from '../core/errors.js'
import { fromThrown } from '../transport/Transport.js'

/**
 * A running deadline: its signal (undefined when there is neither a deadline nor a caller's signal) and `end`,
 * which clears its timer.
 *
 * @category model
 * @since 0.1.0
 */
export interface Deadline {
  readonly signal: AbortSignal | undefined
  readonly end: () => void
}

// setTimeout overflows past 2^31 - 1 ms and fires at once.
const MAX_TIMER_MS = 2_147_483_647

const none = (signal: AbortSignal | undefined): Deadline => ({ signal, end: () => {} })

/**
 * Starts a deadline of `ms` (none when undefined), which the caller's `signal` also fires.
 *
 * @example
 * import * as Deadline from './Deadline.js'
 * const d = Deadline.start(20, undefined)
 * await new Promise((resolve) => setTimeout(resolve, 50))
 * console.log(d.signal?.aborted, (d.signal?.reason as Error).name) // true 'TimeoutError'
 * d.end()
 * @category constructors
 * @since 0.1.0
 */
export const start = (ms: number | undefined, caller: AbortSignal | undefined): Deadline => {
  if (ms === undefined) return none(caller)
  const controller = new AbortController()
  const onCallerAbort = (): void => controller.abort(caller?.reason)
  if (caller?.aborted === true) onCallerAbort()
  else caller?.addEventListener('abort', onCallerAbort, { once: true })
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within the deadline of ${ms} ms`, 'TimeoutError')),
    Math.min(ms, MAX_TIMER_MS),
  ) as unknown as { unref?: () => void }
  // A timer that is cleared at the end anyway: unref'd, so a process whose work is done is not held for it.
  timer.unref?.()
  return {
    signal: controller.signal,
    end: () => {
      clearTimeout(timer as Parameters<typeof clearTimeout>[0])
      caller?.removeEventListener('abort', onCallerAbort)
    },
  }
}

/**
 * Runs `run` but answers as soon as `signal` fires, with the `TransportError` it means, even when `run` ignores
 * the signal (an `auth` shared with other callers, a transport we did not write). Without a signal, `run` as it
 * is.
 *
 * @example
 * import * as Deadline from './Deadline.js'
 * import type { Errors } from 'clickatell-fp'
 * import type * as E from 'fp-ts/Either'
 * const never = (): Promise<E.Either<Errors.TransportError, number>> => new Promise(() => {})
 * const r = await Deadline.until(AbortSignal.abort(new DOMException('late', 'TimeoutError')), never)
 * console.log(r._tag === 'Left' && r.left.kind) // 'timeout'
 * @category combinators
 * @since 0.1.0
 */
export const until = <L, A>(
  signal: AbortSignal | undefined,
  run: () => Promise<E.Either<L, A>>,
): Promise<E.Either<L | TransportError, A>> => {
  if (signal === undefined) return run()
  const stopped = (): E.Either<TransportError, never> => E.left(fromThrown(signal)(signal.reason))
  if (signal.aborted) return Promise.resolve(stopped())
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(stopped())
    signal.addEventListener('abort', onAbort, { once: true })
    run().then(
      (r) => {
        signal.removeEventListener('abort', onAbort)
        resolve(r)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        resolve(E.left(fromThrown(signal)(error)))
      },
    )
  })
}

/**
 * `run` within a deadline of `ms` and the caller's signal: `run` gets the signal to pass on, and the answer
 * comes when the deadline passes whatever `run` does. The timer is cleared when the answer comes.
 *
 * @example
 * import * as Deadline from './Deadline.js'
 * import type { Errors } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const never = (): Promise<E.Either<Errors.TransportError, number>> => new Promise(() => {})
 * const r = await Deadline.within(30, undefined, never)
 * console.log(r._tag === 'Left' && r.left.message) // 'no answer within the deadline of 30 ms'
 * console.log(await Deadline.within(undefined, undefined, async () => E.right(1))) // { _tag: 'Right', right: 1 }
 * @category combinators
 * @since 0.1.0
 */
export const within = async <L, A>(
  ms: number | undefined,
  caller: AbortSignal | undefined,
  run: (signal: AbortSignal | undefined) => Promise<E.Either<L, A>>,
): Promise<E.Either<L | TransportError, A>> => {
  const deadline = start(ms, caller)
  try {
    return await until(deadline.signal, () => run(deadline.signal))
  } finally {
    deadline.end()
  }
}
