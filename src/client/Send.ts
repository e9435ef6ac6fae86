/**
 * Sends that never go out twice. Every message carries a client message id (`climsgid`). When a send fails in a
 * way that leaves it unknown whether the gateway took it (a time-out, a reset, a lost or garbled answer), the
 * client asks `querymsg` by that id, and resends only when the gateway says it has no such message. When it cannot
 * find out, the outcome is `Unknown` with the id: never a guess.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ClickatellError } from '../core/errors.js'
import type { ClientMessageId } from '../core/message/IdCodecs.js'
import type { Msisdn } from '../core/message/Msisdn.js'
import type { StatusReply } from '../core/reply/Replies.js'
import { fromThrown } from '../transport/Transport.js'
import { until } from './Deadline.js'
import { type Backoff, delay, isAmbiguous, nothingSent } from './Policy.js'

/**
 * What happened to a message for one recipient.
 *
 * - `Accepted`: the gateway took it; `apiMsgId` is its id. `confirmed` is true when the answer was lost and a
 *   query found the message.
 * - `Rejected`: it was not sent: refused before sending, refused by the gateway, or every attempt failed in a
 *   way that shows nothing arrived (the query said the gateway has no such message). A message refused before
 *   sending carries its own id when that is valid, else a fresh one (never sent).
 * - `Unknown`: it may or may not have been sent, and no query could tell (the checks failed, the deadline passed
 *   first, or they found nothing and `confirm.resend` is off). Look it up later by `clientMessageId`.
 *
 * @category model
 * @since 0.1.0
 */
export type RecipientOutcome =
  | {
      readonly _tag: 'Accepted'
      readonly to: string
      readonly clientMessageId: ClientMessageId
      readonly apiMsgId: string
      readonly confirmed: boolean
      readonly attempts: number
    }
  | {
      readonly _tag: 'Rejected'
      readonly to: string
      readonly clientMessageId: ClientMessageId
      readonly error: ClickatellError
      readonly attempts: number
    }
  | {
      readonly _tag: 'Unknown'
      readonly to: string
      readonly clientMessageId: ClientMessageId
      readonly error: ClickatellError
      readonly attempts: number
    }

/**
 * How hard to try: how many times a message may be sent when the gateway confirms it never got it, and how a
 * lost answer is checked. The gateway's reports can lag (status 001 means "unknown, or reporting is delayed"),
 * so the checks back off: `checks` queries, the first `checkDelayMs` after the loss, each wait twice the one
 * before, at most `maxCheckDelayMs` (the defaults, 5 checks from 1 s to 16 s, wait 31 s in all before
 * concluding "not there"). With `resend: false` a message whose checks find nothing is `Unknown`, never sent
 * again.
 *
 * @category model
 * @since 0.1.0
 */
export interface SendPolicy {
  readonly sends: number
  readonly checks: number
  readonly checkDelayMs: number
  readonly maxCheckDelayMs: number
  readonly resend: boolean
  readonly backoff: Backoff
}

/**
 * The waits before each check of a lost answer, in order: `checkDelayMs` doubled each time, capped at
 * `maxCheckDelayMs` (or at `checkDelayMs` when that is larger). Their sum is how long a send waits before it concludes the gateway never got it.
 *
 * @example
 * import * as Send from './Send.js'
 * console.log(Send.checkDelays({ checks: 5, checkDelayMs: 1000, maxCheckDelayMs: 16_000 })) // [1000, 2000, 4000, 8000, 16000]
 * console.log(Send.checkDelays({ checks: 3, checkDelayMs: 500, maxCheckDelayMs: 500 })) // [500, 500, 500]
 * @category utils
 * @since 0.1.0
 */
export const checkDelays = (
  policy: Pick<SendPolicy, 'checks' | 'checkDelayMs' | 'maxCheckDelayMs'>,
): ReadonlyArray<number> =>
  Array.from({ length: policy.checks }, (_, k) =>
    Math.min(Math.max(policy.maxCheckDelayMs, policy.checkDelayMs), policy.checkDelayMs * 2 ** k),
  )

/**
 * The decisions a safe send takes, for logs.
 *
 * @category model
 * @since 0.1.0
 */
export type SendEvent =
  | {
      readonly _tag: 'Confirming'
      readonly clientMessageId: ClientMessageId
      /** The error that left the outcome open, or `Resumed`: a send with `checkFirst` looks before it sends. */
      readonly after: ClickatellError['_tag'] | 'Resumed'
    }
  | { readonly _tag: 'Resending'; readonly clientMessageId: ClientMessageId; readonly attempt: number }

/**
 * What a safe send needs: one attempt of the send (answering the gateway's message id), and a status query by
 * client message id (each already with session handling and, for the query, its own retries).
 *
 * @category model
 * @since 0.1.0
 */
export interface SendDeps {
  readonly attempt: (
    to: Msisdn,
    clientMessageId: ClientMessageId,
  ) => Promise<E.Either<ClickatellError, string>>
  readonly query: (clientMessageId: ClientMessageId) => Promise<E.Either<ClickatellError, StatusReply>>
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random: () => number
  readonly policy: SendPolicy
  /** Ends the send early (the caller's abort or the deadline): what may have gone out is `Unknown`. */
  readonly signal?: AbortSignal
  /** Failures before the request went out besides `nothingSent`'s (the client's: a failed `auth`). */
  readonly unsent?: (e: ClickatellError) => boolean
  /** Called when the send starts waiting to check a lost answer: it stops holding a place in a bulk send. */
  readonly release?: () => void
  readonly onEvent?: (event: SendEvent) => void
  /**
   * The message may have gone out already (a process that was sending it died): ask `querymsg` by its client
   * message id before the first attempt, and send only when the gateway has no such message.
   */
  readonly checkFirst?: boolean
}

type Found =
  | { readonly _tag: 'Found'; readonly apiMsgId: string }
  | { readonly _tag: 'Absent' }
  | { readonly _tag: 'CannotTell'; readonly error: ClickatellError }

// Absent: status 001 "message unknown" (the live answer for an unknown id, docs/gateway.md, quirk 3), or ERR
// 103/104 (the specification's), from the last check that answered. A check that fails (its retries spent) tells
// nothing, so the next one still asks; no answer at all, or a deadline reached meanwhile: CannotTell.
const confirm = async (deps: SendDeps, clientMessageId: ClientMessageId): Promise<Found> => {
  let failure: ClickatellError | undefined
  let answered = false
  for (const wait of checkDelays(deps.policy)) {
    await deps.sleep(wait, deps.signal)
    if (deps.signal?.aborted === true) break
    const r = await until(deps.signal, () => deps.query(clientMessageId))
    if (E.isRight(r)) {
      if (r.right.status.code !== '001') return { _tag: 'Found', apiMsgId: r.right.apiMsgId }
      answered = true
    } else if (r.left._tag === 'GatewayError' && (r.left.code === '103' || r.left.code === '104'))
      answered = true
    else failure = r.left
  }
  if (deps.signal?.aborted === true)
    return { _tag: 'CannotTell', error: fromThrown(deps.signal)(deps.signal.reason) }
  return answered || failure === undefined ? { _tag: 'Absent' } : { _tag: 'CannotTell', error: failure }
}

interface Attempted {
  readonly to: Msisdn
  readonly clientMessageId: ClientMessageId
  /** Attempts made so far. */
  readonly attempts: number
}

const accepted = (a: Attempted, apiMsgId: string, confirmed: boolean): RecipientOutcome => ({
  _tag: 'Accepted',
  to: a.to,
  clientMessageId: a.clientMessageId,
  apiMsgId,
  confirmed,
  attempts: a.attempts,
})

const failed = (tag: 'Rejected' | 'Unknown', a: Attempted, error: ClickatellError): RecipientOutcome => ({
  _tag: tag,
  to: a.to,
  clientMessageId: a.clientMessageId,
  error,
  attempts: a.attempts,
})

// The outcome after a failed attempt, or undefined when the message is to be sent again: a failure that shows
// nothing arrived, or a lost answer the queries do not find, while attempts are left.
const judge = async (
  deps: SendDeps,
  a: Attempted,
  error: ClickatellError,
): Promise<RecipientOutcome | undefined> => {
  const again = a.attempts < deps.policy.sends && deps.signal?.aborted !== true
  if (nothingSent(error) || deps.unsent?.(error) === true)
    return again ? undefined : failed('Rejected', a, error)
  if (!isAmbiguous(error)) return failed('Rejected', a, error)
  deps.onEvent?.({ _tag: 'Confirming', clientMessageId: a.clientMessageId, after: error._tag })
  deps.release?.()
  const found = await confirm(deps, a.clientMessageId)
  if (found._tag === 'Found') return accepted(a, found.apiMsgId, true)
  if (found._tag === 'CannotTell' || !deps.policy.resend) return failed('Unknown', a, error)
  return again ? undefined : failed('Rejected', a, error)
}

// Before sending a message that may have gone out already: its outcome when the gateway has it (or cannot
// tell), undefined when it has no such message.
const checkEarlier = async (deps: SendDeps, a: Attempted): Promise<RecipientOutcome | undefined> => {
  deps.onEvent?.({ _tag: 'Confirming', clientMessageId: a.clientMessageId, after: 'Resumed' })
  const found = await confirm(deps, a.clientMessageId)
  if (found._tag === 'Found') return accepted(a, found.apiMsgId, true)
  return found._tag === 'CannotTell' ? failed('Unknown', a, found.error) : undefined
}

/**
 * Sends a message to one recipient at most once. See the module comment. With `checkFirst`, a message that
 * may have gone out before is looked up first (`attempts` 0 when it was found).
 *
 * @example
 * import * as Send from './Send.js'
 * import { Codes, Errors } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * // The first attempt times out after the gateway stored the message; the query finds it: no second send.
 * let sends = 0
 * const outcome = await Send.sendOnce({
 *   attempt: async () => (++sends === 1 ? E.left(Errors.transportError('timeout', 'no answer')) : E.right('never')),
 *   query: async () => E.right({ apiMsgId: 'abc', status: Codes.statusCode('003') }),
 *   sleep: async () => {}, random: () => 0.5,
 *   policy: { sends: 3, checks: 1, checkDelayMs: 0, maxCheckDelayMs: 0, resend: true, backoff: { retries: 3, baseDelayMs: 10, maxDelayMs: 100 } },
 * })('447900000001' as never, 'order42' as never)
 * console.log(outcome._tag, sends) // 'Accepted' 1
 * @category sending
 * @since 0.1.0
 */
export const sendOnce =
  (deps: SendDeps) =>
  async (to: Msisdn, clientMessageId: ClientMessageId): Promise<RecipientOutcome> => {
    if (deps.checkFirst === true) {
      const earlier = await checkEarlier(deps, { to, clientMessageId, attempts: 0 })
      if (earlier !== undefined) return earlier
    }
    for (let attempts = 1; ; attempts++) {
      // Stopped before this attempt went out: nothing of it was sent, and the attempts before were found absent.
      if (deps.signal?.aborted === true)
        return failed(
          'Rejected',
          { to, clientMessageId, attempts: attempts - 1 },
          fromThrown(deps.signal)(deps.signal.reason),
        )
      const a: Attempted = { to, clientMessageId, attempts }
      const r = await until(deps.signal, () => deps.attempt(to, clientMessageId))
      if (E.isRight(r)) return accepted(a, r.right, false)
      const outcome = await judge(deps, a, r.left)
      if (outcome !== undefined) return outcome
      deps.onEvent?.({ _tag: 'Resending', clientMessageId, attempt: attempts + 1 })
      await deps.sleep(delay(deps.policy.backoff, deps.random)(attempts - 1), deps.signal)
    }
  }
