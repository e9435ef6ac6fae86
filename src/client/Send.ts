/**
 * Sends that never go out twice. Every message carries a client message id (`climsgid`). When a send fails in a
 * way that leaves it unknown whether the gateway took it (a time-out, a reset, a lost or garbled answer), the
 * client asks `querymsg` by that id, and resends only when the gateway says it has no such message. When it cannot
 * find out, the outcome is `Unknown` with the id: never a guess.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { identity } from 'fp-ts/lib/function.js'
import type { ClickatellError } from '../core/errors.js'
import type { StatusReply } from '../core/reply/Replies.js'
import { type Backoff, delay, isAmbiguous, nothingSent } from './Policy.js'

/**
 * What happened to a message for one recipient.
 *
 * - `Accepted`: the gateway took it; `apiMsgId` is its id. `confirmed` is true when the answer was lost and a
 *   query found the message.
 * - `Rejected`: it was not sent: refused before sending, refused by the gateway, or every attempt failed in a
 *   way that shows nothing arrived (the query said the gateway has no such message).
 * - `Unknown`: it may or may not have been sent, and no query could tell. Look it up later by
 *   `clientMessageId`.
 *
 * @category model
 * @since 0.1.0
 */
export type RecipientOutcome =
  | {
      readonly _tag: 'Accepted'
      readonly to: string
      readonly clientMessageId: string
      readonly apiMsgId: string
      readonly confirmed: boolean
      readonly attempts: number
    }
  | {
      readonly _tag: 'Rejected'
      readonly to: string
      readonly clientMessageId: string
      readonly error: ClickatellError
      readonly attempts: number
    }
  | {
      readonly _tag: 'Unknown'
      readonly to: string
      readonly clientMessageId: string
      readonly error: ClickatellError
      readonly attempts: number
    }

/**
 * How hard to try: how many times a message may be sent when the gateway confirms it never got it, and how a
 * lost answer is checked (`checks` queries, `delayMs` apart: the gateway's reports can lag, status 001 means
 * "unknown, or reporting is delayed").
 *
 * @category model
 * @since 0.1.0
 */
export interface SendPolicy {
  readonly sends: number
  readonly checks: number
  readonly checkDelayMs: number
  readonly backoff: Backoff
}

/**
 * What a safe send needs: one attempt of the send, and a status query by client message id (each already with
 * session handling and, for the query, its own retries).
 *
 * @category model
 * @since 0.1.0
 */
export interface SendDeps {
  readonly attempt: (to: string, clientMessageId: string) => Promise<E.Either<ClickatellError, string>>
  readonly query: (clientMessageId: string) => Promise<E.Either<ClickatellError, StatusReply>>
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random: () => number
  readonly policy: SendPolicy
  readonly signal?: AbortSignal
  readonly onEvent?: (event: SendEvent) => void
}

/**
 * The decisions a safe send takes, for logs.
 *
 * @category model
 * @since 0.1.0
 */
export type SendEvent =
  | { readonly _tag: 'Confirming'; readonly clientMessageId: string; readonly after: ClickatellError['_tag'] }
  | { readonly _tag: 'Resending'; readonly clientMessageId: string; readonly attempt: number }

type Found =
  | { readonly _tag: 'Found'; readonly apiMsgId: string }
  | { readonly _tag: 'Absent' }
  | { readonly _tag: 'CannotTell'; readonly error: ClickatellError }

// 001 "message unknown" (the live answer for an unknown id, docs/gateway.md, quirk 3), or ERR 103/104 (the
// specification's).
const confirm = async (deps: SendDeps, clientMessageId: string): Promise<Found> => {
  for (let k = 0; k < deps.policy.checks; k++) {
    await deps.sleep(deps.policy.checkDelayMs, deps.signal)
    const r = await deps.query(clientMessageId)
    if (E.isRight(r)) {
      if (r.right.status.code !== '001') return { _tag: 'Found', apiMsgId: r.right.apiMsgId }
    } else if (!(r.left._tag === 'GatewayError' && (r.left.code === '103' || r.left.code === '104'))) {
      return { _tag: 'CannotTell', error: r.left }
    }
  }
  return { _tag: 'Absent' }
}

/**
 * Sends a message to one recipient at most once. See the module comment.
 *
 * @example
 * import { Client, Codes, Errors } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * // The first attempt times out after the gateway stored the message; the query finds it: no second send.
 * let sends = 0
 * const outcome = await Client.Send.sendOnce({
 *   attempt: async () => (++sends === 1 ? E.left(Errors.transportError('timeout', 'no answer')) : E.right('never')),
 *   query: async () => E.right({ apiMsgId: 'abc', status: Codes.statusCode('003') }),
 *   sleep: async () => {}, random: () => 0.5,
 *   policy: { sends: 3, checks: 1, checkDelayMs: 0, backoff: { retries: 3, baseDelayMs: 10, maxDelayMs: 100 } },
 * })('447900000001', 'order42')
 * console.log(outcome._tag, sends) // 'Accepted' 1
 * @category sending
 * @since 0.1.0
 */
export const sendOnce =
  (deps: SendDeps) =>
  // async: an attempt that throws rather than answers rejects the outcome, as it always has.
  async (to: string, clientMessageId: string): Promise<RecipientOutcome> =>
    settleAttempt(() => deps, to, clientMessageId, 1, await deps.attempt(to, clientMessageId), identity)

/**
 * Goes on with a safe send whose first attempt failed with `error`, exactly as `sendOnce` would after that
 * attempt: confirm a lost answer, resend what never arrived, or give the outcome.
 *
 * @example
 * import { Client, Errors } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const outcome = await Client.Send.sendOnceAfter({
 *   attempt: async () => E.right('resent'),
 *   query: async () => E.left(Errors.gatewayError('querymsg', '103', 'Invalid client message id')),
 *   sleep: async () => {}, random: () => 0.5,
 *   policy: { sends: 3, checks: 1, checkDelayMs: 0, backoff: { retries: 3, baseDelayMs: 10, maxDelayMs: 100 } },
 * })('447900000001', 'order42', Errors.transportError('timeout', 'no answer'))
 * console.log(outcome._tag, outcome.attempts) // 'Accepted' 2
 * @category sending
 * @since 0.1.0
 */
export const sendOnceAfter =
  (deps: SendDeps) =>
  (to: string, clientMessageId: string, error: ClickatellError): Promise<RecipientOutcome> =>
    recover(deps, to, clientMessageId, 1, error)

/**
 * Reads the answer `r` to attempt number `attempts` of a safe send and hands the outcome to `k`. An accepted
 * message is `Accepted` at once, in the caller's own step (no promise of its own); a failure goes on as
 * `sendOnce` goes after one: confirm a lost answer, resend what never arrived, or give the outcome. `deps` is
 * called only then, so a caller whose attempt succeeded never makes them: the client makes each first attempt
 * itself and reads its answer here.
 *
 * @example
 * import { Client, Errors } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const deps = () => ({
 *   attempt: async () => E.right('resent'),
 *   query: async () => E.left(Errors.gatewayError('querymsg', '103', 'Invalid client message id')),
 *   sleep: async () => {}, random: () => 0.5,
 *   policy: { sends: 3, checks: 1, checkDelayMs: 0, backoff: { retries: 3, baseDelayMs: 10, maxDelayMs: 100 } },
 * })
 * const taken = Client.Send.settleAttempt(deps, '447900000001', 'a1', 1, E.right('abc'), (o) => o._tag)
 * const lost = E.left(Errors.transportError('timeout', 'no answer'))
 * const resent = await Client.Send.settleAttempt(deps, '447900000001', 'a2', 1, lost, (o) => o.attempts)
 * console.log(taken, resent) // 'Accepted' 2
 * @category sending
 * @since 0.1.0
 */
export const settleAttempt = <R>(
  deps: () => SendDeps,
  to: string,
  clientMessageId: string,
  attempts: number,
  r: E.Either<ClickatellError, string>,
  k: (outcome: RecipientOutcome) => R,
): R | Promise<R> =>
  E.isRight(r)
    ? k(accepted(to, clientMessageId, r.right, attempts))
    : recover(deps(), to, clientMessageId, attempts, r.left).then(k)

const accepted = (
  to: string,
  clientMessageId: string,
  apiMsgId: string,
  attempts: number,
): RecipientOutcome => ({ _tag: 'Accepted', to, clientMessageId, apiMsgId, confirmed: false, attempts })

// After a failed attempt: decide, and resend while the gateway confirms it never got the message.
const recover = async (
  deps: SendDeps,
  to: string,
  clientMessageId: string,
  failedAttempts: number,
  failure: ClickatellError,
): Promise<RecipientOutcome> => {
  let attempts = failedAttempts
  let error = failure
  let wait: ((n: number) => number) | undefined
  for (;;) {
    const again = attempts < deps.policy.sends && deps.signal?.aborted !== true
    if (nothingSent(error)) {
      if (!again) return { _tag: 'Rejected', to, clientMessageId, error, attempts }
    } else if (isAmbiguous(error)) {
      deps.onEvent?.({ _tag: 'Confirming', clientMessageId, after: error._tag })
      const found = await confirm(deps, clientMessageId)
      if (found._tag === 'Found')
        return { _tag: 'Accepted', to, clientMessageId, apiMsgId: found.apiMsgId, confirmed: true, attempts }
      if (found._tag === 'CannotTell') return { _tag: 'Unknown', to, clientMessageId, error, attempts }
      if (!again) return { _tag: 'Rejected', to, clientMessageId, error, attempts }
    } else {
      return { _tag: 'Rejected', to, clientMessageId, error, attempts }
    }
    deps.onEvent?.({ _tag: 'Resending', clientMessageId, attempt: attempts + 1 })
    wait ??= delay(deps.policy.backoff, deps.random)
    await deps.sleep(wait(attempts - 1), deps.signal)
    attempts++
    const r = await deps.attempt(to, clientMessageId)
    if (E.isRight(r)) return accepted(to, clientMessageId, r.right, attempts)
    error = r.left
  }
}
