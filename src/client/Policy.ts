/**
 * How the client judges a failure: which ones mean the session is gone, which reads may be repeated, and which
 * failures of a send leave it unknown whether the gateway took the message. One place, so the rules can be read
 * in one sitting (docs/client.md).
 *
 * @since 0.1.0
 */
import type { ClickatellError } from '../core/errors.js'
import { isRetryable } from '../core/reply/Codes.js'
import { backoff as middlewareBackoff } from '../transport/middleware.js'

/**
 * `ERR: 001`, `003` or `005` to a request made with a session id: the session is stale or missing (the live
 * service answers 001 for an expired session, docs/gateway.md, quirk 2). The request was refused, so it is
 * safe to authenticate again and repeat it (the client does so up to three times).
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * import * as Policy from './Policy.js'
 * console.log(Policy.isSessionError(Errors.gatewayError('sendmsg', '001', 'Authentication failed'))) // true
 * @category refinements
 * @since 0.1.0
 */
export const isSessionError = (e: ClickatellError): boolean =>
  e._tag === 'GatewayError' && (e.code === '001' || e.code === '003' || e.code === '005')

/**
 * A failure after which the request certainly never reached the gateway: a refused connection or a failed name
 * look-up. Walks the `cause` chain for the error codes Node and undici use.
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * import * as Policy from './Policy.js'
 * const refused = Errors.transportError('network', 'connect ECONNREFUSED', { code: 'ECONNREFUSED' })
 * console.log(Policy.nothingSent(refused), Policy.nothingSent(Errors.transportError('timeout', 'slow'))) // true false
 * @category refinements
 * @since 0.1.0
 */
export const nothingSent = (e: ClickatellError): boolean => {
  if (e._tag !== 'TransportError' || e.kind !== 'network') return false
  let cause: unknown = e.cause
  for (let depth = 0; depth < 8 && typeof cause === 'object' && cause !== null; depth++) {
    const code = (cause as { code?: unknown }).code
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return true
    cause = (cause as { cause?: unknown }).cause
  }
  return false
}

/**
 * A failure of a read-only command worth repeating: the transport failed (but not by the caller's abort), the
 * gateway or a proxy answered 5xx, or the gateway answered a code the code table marks retryable (`901`,
 * internal error, "please retry").
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * import * as Policy from './Policy.js'
 * console.log(Policy.isRetryableRead(Errors.httpStatusError(503, ''))) // true
 * console.log(Policy.isRetryableRead(Errors.gatewayError('querymsg', '101', 'Invalid or missing parameters'))) // false
 * @category refinements
 * @since 0.1.0
 */
export const isRetryableRead = (e: ClickatellError): boolean =>
  (e._tag === 'TransportError' && e.kind !== 'aborted') ||
  (e._tag === 'HttpStatusError' && e.status >= 500) ||
  e._tag === 'MalformedResponse' ||
  (e._tag === 'GatewayError' && isRetryable(e.code))

/**
 * A failure of a send after which the gateway may or may not have taken the message: the request may have
 * arrived and the answer been lost (a time-out, a reset, a 5xx from something in between, a garbled body, or a
 * retryable code such as `901`). Only a query can tell; resending blindly could send the message twice.
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * import * as Policy from './Policy.js'
 * console.log(Policy.isAmbiguous(Errors.transportError('timeout', 'no answer'))) // true
 * console.log(Policy.isAmbiguous(Errors.gatewayError('sendmsg', '105', 'Invalid Destination Address'))) // false
 * @category refinements
 * @since 0.1.0
 */
export const isAmbiguous = (e: ClickatellError): boolean =>
  (e._tag === 'TransportError' && e.kind !== 'aborted' && !nothingSent(e)) ||
  e._tag === 'HttpStatusError' ||
  e._tag === 'MalformedResponse' ||
  (e._tag === 'GatewayError' && isRetryable(e.code))

/**
 * A failure of a command sent once and never repeated (`senditem`, `quicksend`) after which the items may or may
 * not have been taken: anything but the gateway's own refusal, and a refusal with a retryable code. Such items
 * carry no client message id to query by, so their outcome is `Unknown`.
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * import * as Policy from './Policy.js'
 * console.log(Policy.leavesUnknown(Errors.transportError('timeout', 'no answer'))) // true
 * console.log(Policy.leavesUnknown(Errors.gatewayError('senditem', '105', 'Invalid Destination Address'))) // false
 * @category refinements
 * @since 0.1.0
 */
export const leavesUnknown = (e: ClickatellError): boolean => e._tag !== 'GatewayError' || isRetryable(e.code)

/**
 * Backoff settings for repeated requests.
 *
 * @category model
 * @since 0.1.0
 */
export interface Backoff {
  readonly retries: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

/**
 * The delay before repeat `n` (0 for the first repeat): exponential with full jitter,
 * `random() * min(max, base * 2^n)` rounded down, as `Middleware.backoff` computes it (the client's retries and
 * the retry middleware's wait alike).
 *
 * @example
 * import * as Policy from './Policy.js'
 * console.log(Policy.delay({ retries: 3, baseDelayMs: 100, maxDelayMs: 1000 }, () => 0.5)(2)) // 200
 * @category utils
 * @since 0.1.0
 */
export const delay = (backoff: Backoff, random: () => number): ((n: number) => number) =>
  middlewareBackoff({ baseDelayMs: backoff.baseDelayMs, maxDelayMs: backoff.maxDelayMs, random })
