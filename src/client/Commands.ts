/**
 * The commands besides `send` and `sendAll`. The read-only ones (`querymsg`, `getmsgcharge`, `delmsg`,
 * `getbalance`, `routecoverage`, `ping`, `auth`) are repeated after a failure worth repeating
 * (`Policy.isRetryableRead`); `token_pay` and the batch commands are sent once, never repeated. Each input is
 * encoded (and checked) once, and the request bound to the credentials of each attempt.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type ClickatellError, invalidInput, type LocalError, type Problem } from '../core/errors.js'
import type { BatchPlan } from '../core/message/BatchTemplate.js'
import { type CountryCode, inputWithCountryCode } from '../core/message/Msisdn.js'
import type * as Reply from '../core/reply/Replies.js'
import type { Command, RestCommand } from '../core/request/Command.js'
import * as Unbound from '../core/request/Unbound.js'
import * as UnboundBatch from '../core/request/UnboundBatch.js'
import { bind, type UnboundRequest } from '../core/request/Wire.js'
import { within } from './Deadline.js'
import { type Backoff, delay, isRetryableRead, leavesUnknown } from './Policy.js'
import type { Authenticated } from './Session.js'

/**
 * A read-only command about to be repeated.
 *
 * @category model
 * @since 0.1.0
 */
export interface RetryEvent {
  readonly _tag: 'Retrying'
  /** The HTTP API's command, or the REST dialect's. */
  readonly command: Command | RestCommand
  readonly attempt: number
  readonly after: ClickatellError['_tag']
}

/**
 * Runs a request again after the failures worth repeating, at most `backoff.retries` times.
 *
 * @category model
 * @since 0.1.0
 */
export type Retry = <A>(
  command: Command | RestCommand,
  run: () => Promise<E.Either<ClickatellError, A>>,
  signal?: AbortSignal,
) => Promise<E.Either<ClickatellError, A>>

/**
 * What `retrying` needs.
 *
 * @category model
 * @since 0.1.0
 */
export interface RetryDeps {
  readonly backoff: Backoff
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random: () => number
  readonly onEvent: (event: RetryEvent) => void
  /** Failures not to repeat though `isRetryableRead` accepts them (default none): one that was retried already. */
  readonly repeated?: (e: ClickatellError) => boolean
}

/**
 * Repeats a read after a transport failure, a 5xx, a garbled body or a retryable gateway code, with
 * exponential backoff and full jitter; never after the caller's abort.
 *
 * @example
 * import * as Commands from './Commands.js'
 * import { Errors } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const slept: number[] = []
 * const retry = Commands.retrying({
 *   backoff: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 },
 *   sleep: async (ms) => { slept.push(ms) }, random: () => 0.5, onEvent: () => {},
 * })
 * let calls = 0
 * const r = await retry('getbalance', async () => (++calls < 3 ? E.left(Errors.httpStatusError(503, '')) : E.right('ok')))
 * console.log(r, slept) // { _tag: 'Right', right: 'ok' } [50, 100]
 * @category constructors
 * @since 0.1.0
 */
export const retrying = (deps: RetryDeps): Retry => {
  const wait = delay(deps.backoff, deps.random)
  return async (command, run, signal) => {
    for (let n = 0; ; n++) {
      const r = await run()
      if (
        E.isRight(r) ||
        n >= deps.backoff.retries ||
        !isRetryableRead(r.left) ||
        deps.repeated?.(r.left) === true ||
        signal?.aborted === true
      )
        return r
      deps.onEvent({ _tag: 'Retrying', command, attempt: n + 1, after: r.left._tag })
      await deps.sleep(wait(n), signal)
    }
  }
}

/**
 * What happened to one batch item (`senditem`, or a recipient of `quicksend`): as `RecipientOutcome`, with the
 * client message id only when the caller gave one (the batch commands make none). Sent once: a lost answer is
 * `Unknown`, and an item with its own id can then be looked up by it (`status({ clientMessageId })`).
 *
 * @category model
 * @since 0.1.0
 */
export type ItemOutcome = (
  | {
      readonly _tag: 'Accepted'
      readonly to: string
      readonly apiMsgId: string
      readonly confirmed: boolean
      readonly attempts: number
    }
  | {
      readonly _tag: 'Rejected' | 'Unknown'
      readonly to: string
      readonly error: ClickatellError
      readonly attempts: number
    }
) & { readonly clientMessageId?: string }

/**
 * A started batch: the gateway's batch id and the plan its items are checked against (`Batch.checkItem`).
 * Give the plan to `sendItem` (`{ batchId: started.batchId, plan: started.plan, to, fields }`) to have each
 * item refused before sending when it would not fit.
 *
 * @category model
 * @since 0.1.0
 */
export interface StartedBatch extends Reply.BatchReply {
  readonly plan: BatchPlan
  /** What some networks may not carry (a sender id with punctuation); the batch went ahead. */
  readonly warnings: ReadonlyArray<Problem>
}

/**
 * The outcomes of a `quicksend`, one per recipient in the order given.
 *
 * @category model
 * @since 0.1.0
 */
export interface BatchResult {
  readonly outcomes: ReadonlyArray<ItemOutcome>
}

/**
 * What the commands need: requests with the client's credentials, the retry rule, `auth` (retried already) and
 * how the client authenticates.
 *
 * @category model
 * @since 0.1.0
 */
export interface CommandsDeps {
  readonly via: Authenticated
  readonly retry: Retry
  readonly authenticate: () => Promise<E.Either<ClickatellError, Reply.AuthReply>>
  readonly method: 'GET' | 'POST'
  readonly authentication: 'session' | 'per-request'
  /** The clock a batch's `deliverAt` is checked against (milliseconds since 1970); without it, not checked. */
  readonly now?: () => number
  /** Replaces the leading 0 of a national number before the recipients are checked (`Config`). */
  readonly defaultCountryCode?: CountryCode | undefined
  /** The longest a call may take, its retries included (`Deadline`); none when undefined. */
  readonly deadlineMs?: number | undefined
}

// The id the caller gave, as the outcome carries it.
const withId = (o: ItemOutcome, id: string | undefined): ItemOutcome =>
  id === undefined ? o : { ...o, clientMessageId: id }

// The client message id an encoded batch request carries, if any.
const idOf = (u: UnboundRequest): string | undefined => u.params.find(([name]) => name === 'climsgid')?.[1]

// The recipients of an encoded batch request, as its `to` carries them.
const recipientsOf = (u: UnboundRequest): ReadonlyArray<string> =>
  (u.params.find(([name]) => name === 'to')?.[1] ?? '').split(',')

const itemAccepted = (to: string, apiMsgId: string): ItemOutcome => ({
  _tag: 'Accepted',
  to,
  apiMsgId,
  confirmed: false,
  attempts: 1,
})

const itemFailed = (to: string, error: ClickatellError): ItemOutcome => ({
  _tag: leavesUnknown(error) ? 'Unknown' : 'Rejected',
  to,
  error,
  attempts: 1,
})

// The gateway answers one line per recipient, in order (docs/gateway.md, quirk 10): paired by position.
const itemsOf = (
  to: ReadonlyArray<string>,
  r: E.Either<ClickatellError, Reply.SendReply>,
): ReadonlyArray<ItemOutcome> =>
  to.map((n, i): ItemOutcome => {
    if (E.isLeft(r)) return itemFailed(n, r.left)
    const o = r.right.outcomes[i]
    if (o === undefined) {
      const message = `the gateway answered ${r.right.outcomes.length} lines for ${to.length} numbers`
      return { _tag: 'Unknown', to: n, error: invalidInput([{ path: 'to', message }]), attempts: 1 }
    }
    return o._tag === 'Accepted'
      ? itemAccepted(n, o.apiMsgId)
      : { _tag: 'Rejected', to: n, error: o.error, attempts: 1 }
  })

// `ping` keeps a session alive: without one there is nothing to keep (as `Encode.ping` refuses account credentials).
const noSession = invalidInput([
  { path: 'credentials', message: 'ping keeps a session alive: it needs session credentials' },
])

/**
 * The commands, each a `TaskEither`.
 *
 * @example
 * import * as Commands from './Commands.js'
 * import * as E from 'fp-ts/Either'
 * const commands = Commands.make({
 *   via: (async () => E.right({ credit: 12, raw: '12.000' })) as never,
 *   retry: (_command, run) => run(),
 *   authenticate: async () => E.right({ sessionId: 'abc' }),
 *   method: 'POST', authentication: 'session',
 * })
 * console.log(await commands.balance()()) // { _tag: 'Right', right: { credit: 12, raw: '12.000' } }
 * @category constructors
 * @since 0.1.0
 */
export const make = (deps: CommandsDeps) => {
  // The whole call, retries included, within the deadline.
  const bounded = <A>(
    run: (signal: AbortSignal | undefined) => Promise<E.Either<ClickatellError, A>>,
  ): Promise<E.Either<ClickatellError, A>> => within(deps.deadlineMs, undefined, run)
  // A request encoded once, bound to the credentials of each attempt.
  const sent = <C extends Command>(
    command: C,
    encoded: E.Either<LocalError, UnboundRequest>,
    signal: AbortSignal | undefined,
  ): Promise<E.Either<ClickatellError, Reply.Replies[C]>> =>
    E.isLeft(encoded) ? Promise.resolve(encoded) : deps.via(command, (cr) => bind(cr)(encoded.right), signal)
  const once = <C extends Command>(command: C, encoded: E.Either<LocalError, UnboundRequest>) =>
    bounded((signal) => sent(command, encoded, signal))
  const read =
    <C extends Command>(command: C, encoded: E.Either<LocalError, UnboundRequest>) =>
    () =>
      bounded((signal) => deps.retry(command, () => sent(command, encoded, signal), signal))
  return {
    auth: () => () => bounded(deps.authenticate),
    ping: () =>
      deps.authentication === 'per-request'
        ? () => Promise.resolve(E.left(noSession))
        : read('ping', E.right(Unbound.ping())),
    status: (ref: Unbound.MessageRef) => read('querymsg', Unbound.querymsg(ref)),
    charge: (ref: Unbound.MessageRef) => read('getmsgcharge', Unbound.getmsgcharge(ref)),
    cancel: (ref: Unbound.MessageRef) => read('delmsg', Unbound.delmsg(ref)),
    balance: () => read('getbalance', E.right(Unbound.getbalance())),
    coverage: (msisdn: string) => read('routecoverage', Unbound.routecoverage({ msisdn })),
    voucher: (token: string) => () => once('token_pay', Unbound.token_pay({ token })),
    startBatch:
      (input: UnboundBatch.BatchStart) => async (): Promise<E.Either<ClickatellError, StartedBatch>> => {
        const planned = UnboundBatch.planBatch(deps.now === undefined ? {} : { now: new Date(deps.now()) })(
          input,
        )
        if (E.isLeft(planned)) return planned
        const { plan, warnings } = planned.right
        const r = await once('startbatch', E.right(planned.right.request))
        return E.map((reply: Reply.BatchReply): StartedBatch => ({ batchId: reply.batchId, plan, warnings }))(
          r,
        )
      },
    endBatch: (input: UnboundBatch.BatchRef) => () => once('endbatch', UnboundBatch.endbatch(input)),
    sendItem: (input: UnboundBatch.BatchItem) => async (): Promise<E.Either<LocalError, ItemOutcome>> => {
      const encoded = UnboundBatch.senditem(inputWithCountryCode(deps.defaultCountryCode)(input))
      if (E.isLeft(encoded)) return encoded
      const [to] = recipientsOf(encoded.right)
      const r = await once('senditem', encoded)
      const outcome = E.isRight(r) ? itemAccepted(to!, r.right.apiMsgId) : itemFailed(to!, r.left)
      return E.right(withId(outcome, idOf(encoded.right)))
    },
    quickSend: (input: UnboundBatch.BatchSend) => async (): Promise<E.Either<LocalError, BatchResult>> => {
      const encoded = UnboundBatch.quicksendWith({ method: deps.method })(
        inputWithCountryCode(deps.defaultCountryCode)(input),
      )
      if (E.isLeft(encoded)) return encoded
      const outcomes: ItemOutcome[] = []
      for (const u of encoded.right)
        for (const o of itemsOf(recipientsOf(u), await once('quicksend', E.right(u))))
          outcomes.push(withId(o, idOf(u)))
      return E.right({ outcomes })
    },
  }
}
