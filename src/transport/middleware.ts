/**
 * Policies as `Transport -> Transport` functions, composed in plain sight with `pipe`:
 *
 * ```ts
 * pipe(fetchTransport(), Middleware.withTimeout(10_000), Middleware.withRetry({ retries: 2 }), Middleware.withLogging(log))
 * ```
 *
 * Order matters and reads top to bottom, innermost first: above, each attempt has its own 10 s, the retries
 * wrap the attempts, and the log sees one event per `send` (the whole retried exchange). Put `withTimeout`
 * outside `withRetry` for one deadline over every attempt.
 *
 * The clock, the sleep and the random source are injected, so tests never wait.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { identity } from 'fp-ts/lib/function.js'
import type { TransportError } from '../core/errors.js'
import type { HttpRequest, HttpResponse } from '../core/http.js'
import { request as redactRequest, text as redactText } from '../core/request/Redact.js'
import { fromThrown, settle, type Transport } from './Transport.js'

/**
 * A policy wrapped around a transport.
 *
 * @category model
 * @since 0.1.0
 */
export type Middleware = (transport: Transport) => Transport

// setTimeout overflows past 2^31 - 1 ms and fires at once.
const MAX_TIMER_MS = 2_147_483_647

// A transport we did not write may still throw or reject: `settle` makes that a Left rather than reject a
// TaskEither, and hands the outcome to `k` in the same step.
const settled = <R>(
  transport: Transport,
  request: HttpRequest,
  k: (outcome: E.Either<TransportError, HttpResponse>) => R,
): Promise<R> => settle(request, () => transport.send(request)(), k)

/**
 * Gives each send `ms` milliseconds. The transport gets a signal that fires on the time-out (a
 * `TimeoutError`, so the failure's kind is `timeout`) or on the caller's own signal (kind `aborted`), and the
 * answer comes when the signal fires even from a transport that ignores it. A value of `ms` that is not a
 * number of at least 0 sets no timer.
 *
 * @example
 * import { Middleware, fetchTransport } from 'clickatell-fp'
 * const transport = Middleware.withTimeout(10_000)(fetchTransport())
 * console.log(typeof transport.send) // 'function'
 * @category middleware
 * @since 0.1.0
 */
export const withTimeout =
  (ms: number): Middleware =>
  (transport) => ({
    send: (request) => () =>
      new Promise((resolve) => {
        const controller = new AbortController()
        const caller = request.signal
        let done = false
        let timer: ReturnType<typeof setTimeout> | undefined
        const onCallerAbort = (): void => controller.abort(caller?.reason)
        const finish = (result: E.Either<TransportError, HttpResponse>): void => {
          if (done) return
          done = true
          if (timer !== undefined) clearTimeout(timer)
          caller?.removeEventListener('abort', onCallerAbort)
          controller.signal.removeEventListener('abort', onAbort)
          resolve(result)
        }
        const onAbort = (): void => finish(E.left(fromThrown(controller.signal)(controller.signal.reason)))
        controller.signal.addEventListener('abort', onAbort, { once: true })
        if (caller?.aborted === true) return onCallerAbort()
        caller?.addEventListener('abort', onCallerAbort, { once: true })
        if (typeof ms === 'number' && ms >= 0)
          timer = setTimeout(
            () => controller.abort(new DOMException(`no response in ${ms} ms`, 'TimeoutError')),
            Math.min(ms, MAX_TIMER_MS),
          )
        void settled(transport, { ...request, signal: controller.signal }, finish)
      }),
  })

/**
 * The retry policy. Every field is optional.
 *
 * @category model
 * @since 0.1.0
 */
export interface RetryOptions {
  /** Retries after the first attempt: at most `retries + 1` sends. Default 2. */
  readonly retries?: number
  /** The ceiling of the first delay, doubled on each retry. Default 200 ms. */
  readonly baseDelayMs?: number
  /** The largest ceiling. Default 5,000 ms. */
  readonly maxDelayMs?: number
  /** `full` (the default) waits a random time between 0 and the ceiling; `none` waits the ceiling. */
  readonly jitter?: 'full' | 'none'
  /** Whether to send again after this outcome. Default: `retryable`. */
  readonly shouldRetry?: (outcome: E.Either<TransportError, HttpResponse>, request: HttpRequest) => boolean
  /** Waits. Default: `setTimeout`, cut short by the request's signal. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** A number in [0, 1). Default `Math.random`. */
  readonly random?: () => number
}

/**
 * The default retry test: a `network` failure (nothing came back) or a 502, 503 or 504 (a proxy or the
 * gateway said it could not answer now). Not a `timeout` or an `abort`: whether a timed-out request reached
 * the gateway is unknown, and a caller who aborted wants no more.
 *
 * @example
 * import { Middleware, Errors } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * console.log(Middleware.retryable(E.left(Errors.transportError('network', 'reset')))) // true
 * console.log(Middleware.retryable(E.left(Errors.transportError('timeout', 'late')))) // false
 * console.log(Middleware.retryable(E.right({ status: 503, headers: {}, body: '' }))) // true
 * @category retry
 * @since 0.1.0
 */
export const retryable = (outcome: E.Either<TransportError, HttpResponse>): boolean =>
  E.isLeft(outcome)
    ? outcome.left.kind === 'network'
    : outcome.right.status === 502 || outcome.right.status === 503 || outcome.right.status === 504

// A function, not `signal.aborted` inline: the signal changes while we wait.
const aborted = (request: HttpRequest): boolean => request.signal?.aborted === true

const wholeOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback

/**
 * Waits `ms` milliseconds, or less: at once when `ms` is not above 0 (or not a number) or the signal has already
 * been aborted, and as soon as it is aborted. A wait longer than a timer can hold (2^31 - 1 ms, about 24.8 days,
 * past which `setTimeout` fires at once) is cut to that. The one sleep of the library: the retry middleware's and
 * the client's.
 *
 * @example
 * import { Middleware } from 'clickatell-fp'
 * const controller = new AbortController()
 * controller.abort()
 * const started = Date.now()
 * await Middleware.sleep(60_000, controller.signal)
 * console.log(Date.now() - started < 1_000) // true
 * @category retry
 * @since 0.1.0
 */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted === true || !(ms > 0)) return resolve()
    const timer = setTimeout(done, Math.min(ms, MAX_TIMER_MS))
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })

/**
 * The delay before retry number `retry` (0 for the first): exponential backoff with full jitter, as AWS's
 * architecture blog describes it: `random() * min(maxDelayMs, baseDelayMs * 2^retry)`, rounded down.
 *
 * @example
 * import { Middleware } from 'clickatell-fp'
 * const delay = Middleware.backoff({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 })
 * console.log([0, 1, 2, 3, 4].map(delay)) // [50, 100, 200, 400, 500]
 * @category retry
 * @since 0.1.0
 */
export const backoff = (
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'jitter' | 'random'>,
): ((retry: number) => number) => {
  const base = wholeOr(options.baseDelayMs, 200)
  const max = wholeOr(options.maxDelayMs, 5_000)
  const random = typeof options.random === 'function' ? options.random : Math.random
  const full = options.jitter !== 'none'
  return (retry) => {
    const ceiling = Math.min(max, base * 2 ** retry)
    if (!full) return ceiling
    const r = random()
    return Math.floor((Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0) * ceiling)
  }
}

/**
 * Sends again after a failure that `shouldRetry` accepts (by default `retryable`), waiting `backoff` between
 * attempts, at most `retries` times; gives the last outcome. Stops, with kind `aborted` or `timeout`, when
 * the request's signal fires.
 *
 * Do not wrap the transport of sends with it blindly: a `network` failure after the request was written
 * (a reset, a hang-up) does not say whether the gateway took the message, and sending again can send it
 * twice, and charge for it twice. The client decides that per command (it retries sends only when nothing
 * can have been sent, or after asking the gateway); wrap with `withRetry` what is safe to repeat, or pass a
 * `shouldRetry` that looks at the request.
 *
 * @example
 * import { Middleware, fetchTransport } from 'clickatell-fp'
 * const transport = Middleware.withRetry({ retries: 3, baseDelayMs: 100 })(fetchTransport())
 * console.log(typeof transport.send) // 'function'
 * @category middleware
 * @since 0.1.0
 */
export const withRetry = (options: RetryOptions = {}): Middleware => {
  const retries = wholeOr(options.retries, 2)
  const delay = backoff(options)
  const shouldRetry = typeof options.shouldRetry === 'function' ? options.shouldRetry : retryable
  const wait = typeof options.sleep === 'function' ? options.sleep : sleep
  const again = (outcome: E.Either<TransportError, HttpResponse>, request: HttpRequest): boolean => {
    try {
      return shouldRetry(outcome, request) === true
    } catch {
      // A predicate that throws has not said yes.
      return false
    }
  }
  return (transport) => ({
    send: (request) => async () => {
      for (let retry = 0; ; retry++) {
        const outcome = await settled(transport, request, identity)
        if (retry >= retries || aborted(request) || !again(outcome, request)) return outcome
        await Promise.resolve()
          .then(() => wait(delay(retry), request.signal))
          .catch(() => undefined)
        if (aborted(request)) return E.left(fromThrown(request.signal)(request.signal?.reason))
      }
    },
  })
}

/**
 * What `withLogging` reports: the request with its secrets redacted, then the status or the error (message
 * scrubbed, `cause` left out), and how long the send took.
 *
 * @category model
 * @since 0.1.0
 */
export type TransportEvent =
  | {
      readonly _tag: 'Response'
      readonly request: HttpRequest
      readonly status: number
      readonly durationMs: number
    }
  | {
      readonly _tag: 'Failure'
      readonly request: HttpRequest
      readonly error: Pick<TransportError, '_tag' | 'kind' | 'message'>
      readonly durationMs: number
    }

/**
 * Options of `withLogging`.
 *
 * @category model
 * @since 0.1.0
 */
export interface LoggingOptions {
  /** A clock in milliseconds. Default `performance.now`. */
  readonly now?: () => number
}

/**
 * Reports every send to `log` after it ends, with nothing secret in it (see `TransportEvent`). A `log` that
 * throws is ignored: logging never changes what the send returns.
 *
 * @example
 * import { Middleware, fetchTransport } from 'clickatell-fp'
 * const transport = Middleware.withLogging((event) => console.log(event._tag, event.request.url))(fetchTransport())
 * console.log(typeof transport.send) // 'function'
 * @category middleware
 * @since 0.1.0
 */
export const withLogging =
  (log: (event: TransportEvent) => void, options: LoggingOptions = {}): Middleware =>
  (transport) => {
    const now = typeof options.now === 'function' ? options.now : () => performance.now()
    return {
      send: (request) => async () => {
        const start = now()
        const outcome = await settled(transport, request, identity)
        const durationMs = now() - start
        const safe = redactRequest(request)
        try {
          log(
            E.isLeft(outcome)
              ? {
                  _tag: 'Failure',
                  request: safe,
                  error: {
                    _tag: 'TransportError',
                    kind: outcome.left.kind,
                    message: redactText(outcome.left.message),
                  },
                  durationMs,
                }
              : { _tag: 'Response', request: safe, status: outcome.right.status, durationMs },
          )
        } catch {
          // The log is the caller's; its failure is not the send's.
        }
        return outcome
      },
    }
  }
