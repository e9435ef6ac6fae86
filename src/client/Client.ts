/**
 * The client: encode -> transport -> parse, with sessions, retries for reads, sends that never go out twice, and
 * bulk sending. `make` decodes the configuration once (`Config`) and composes the parts: one exchange
 * (`Exchange`), sessions (`Session`), the commands with their retries (`Commands`) and the sends (`Messages`,
 * over `Send` and `Bulk`). It returns a record of functions, one per command, each a `TaskEither`;
 * `Client.promises` wraps it for code that does not use fp-ts.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { ClickatellError, InvalidInput, LocalError } from '../core/errors.js'
import type * as Batch from '../core/message/Batch.js'
import type { MessageInput } from '../core/message/Message.js'
import type * as Reply from '../core/reply/Replies.js'
import { decodeSession, type ValidCredentials } from '../core/request/Credentials.js'
import type * as Encode from '../core/request/Encode.js'
import * as Unbound from '../core/request/Unbound.js'
import { bind, unbound } from '../core/request/Wire.js'
import { withTimeout } from '../transport/middleware.js'
import type { BatchResult, ItemOutcome } from './Commands.js'
import * as Commands from './Commands.js'
import { type ClientConfig, decode, type Settings } from './Config.js'
import * as Exchange from './Exchange.js'
import type { BulkOptions, BulkOutcome, SendResult } from './Messages.js'
import * as Messages from './Messages.js'
import * as Session from './Session.js'

export type { BatchResult, ItemOutcome } from './Commands.js'
export type { ClientConfig, ClientEvent } from './Config.js'
export type { BulkOptions, BulkOutcome, Progress, SendResult } from './Messages.js'
export type { RecipientOutcome } from './Send.js'

/**
 * A message reference: the gateway's id or yours.
 *
 * @category model
 * @since 0.1.0
 */
export type MessageRef = Encode.MessageRef

/**
 * The client: one function per command.
 *
 * @category model
 * @since 0.1.0
 */
export interface Client {
  /** `auth`: a new session id (the client manages its own; this is for callers who want one). */
  readonly auth: () => TE.TaskEither<ClickatellError, Reply.AuthReply>
  readonly ping: () => TE.TaskEither<ClickatellError, Reply.OkReply>
  /** `sendmsg`, safely: one request per recipient, each with its own client message id. Left only for a message refused before sending. */
  readonly send: (message: MessageInput, options?: BulkOptions) => TE.TaskEither<LocalError, SendResult>
  /** Many messages, each to one or more recipients: outcomes stream back in input order, one per recipient. */
  readonly sendAll: (
    messages: Iterable<MessageInput> | AsyncIterable<MessageInput>,
    options?: BulkOptions,
  ) => AsyncIterable<BulkOutcome>
  readonly status: (ref: MessageRef) => TE.TaskEither<ClickatellError, Reply.StatusReply>
  readonly charge: (ref: MessageRef) => TE.TaskEither<ClickatellError, Reply.ChargeReply>
  /** `delmsg`. */
  readonly cancel: (ref: MessageRef) => TE.TaskEither<ClickatellError, Reply.StatusReply>
  readonly balance: () => TE.TaskEither<ClickatellError, Reply.BalanceReply>
  readonly coverage: (msisdn: string) => TE.TaskEither<ClickatellError, Reply.CoverageReply>
  /** `token_pay`: spends a voucher. Never repeated (a voucher is spent once). */
  readonly voucher: (token: string) => TE.TaskEither<ClickatellError, Reply.TokenPayReply>
  readonly startBatch: (input: Batch.BatchStart) => TE.TaskEither<ClickatellError, Reply.BatchReply>
  /** `senditem`: sent once; a lost answer makes the outcome `Unknown` (items carry no client message id to query by). */
  readonly sendItem: (input: Batch.BatchItem) => TE.TaskEither<LocalError, ItemOutcome>
  /** `quicksend`: sent once per request of recipients; outcomes per recipient in order. */
  readonly quickSend: (input: Batch.BatchSend) => TE.TaskEither<LocalError, BatchResult>
  readonly endBatch: (input: Batch.BatchRef) => TE.TaskEither<ClickatellError, Reply.OkReply>
  /** Stops the keep-alive loop and ends an `auth` in flight (a command waiting on it fails `aborted`). */
  readonly close: () => void
}

// `auth` with its retries (its request bound once: the account never changes), remembering its failures, and
// `abort`, which ends an `auth` in flight: no caller's signal reaches it, as it is shared.
const authOf = (
  s: Settings,
  exchange: Exchange.Exchange,
  retry: Commands.Retry,
  failures: WeakSet<ClickatellError>,
) => {
  const closing: { controller: AbortController } = { controller: new AbortController() }
  const authWire = bind(s.account)(Unbound.auth())
  const authenticate = () => {
    const signal = closing.controller.signal
    return retry('auth', () => exchange('auth', authWire, signal), signal).then((r) => {
      if (E.isLeft(r)) failures.add(r.left)
      return r
    })
  }
  const abort = (): void => {
    closing.controller.abort()
    closing.controller = new AbortController()
  }
  return { authenticate, abort }
}

// The client over decoded settings: each part gets what it uses, as a record of functions.
const compose = (s: Settings): Client => {
  // Every request gets `timeoutMs` for its whole answer, whatever the transport does with its signal.
  const transport =
    s.timeoutMs === Number.POSITIVE_INFINITY ? s.transport : withTimeout(s.timeoutMs)(s.transport)
  const exchange = Exchange.make({ ...s, transport })
  // An `auth` failure had its own retries: the command it failed is not repeated for it (4 x 4 tries of a dead
  // gateway otherwise).
  const authFailures = new WeakSet<ClickatellError>()
  const retry = Commands.retrying({
    backoff: s.retry,
    sleep: s.env.sleep,
    random: s.env.random,
    onEvent: s.onEvent,
    repeated: (e) => authFailures.has(e),
  })
  const { authenticate, abort } = authOf(s, exchange, retry, authFailures)
  const sessions = Session.make<ValidCredentials>({
    now: s.env.now,
    authenticate: () => authenticate().then(E.flatMap((r: Reply.AuthReply) => decodeSession(r.sessionId))),
    ...(s.keepAlive
      ? {
          ping: (cr: ValidCredentials) => exchange('ping', bind(cr)(Unbound.ping())),
          background: s.background,
        }
      : {}),
    onEvent: s.onEvent,
  })
  const via =
    s.authentication === 'per-request'
      ? Session.perRequest(s.account, exchange)
      : Session.viaSession({ sessions, exchange, now: s.env.now, onEvent: s.onEvent })
  const messages = Messages.make({
    via,
    // A client message id is a brand already: its query is written without a second check.
    query: (id, signal) =>
      retry(
        'querymsg',
        () => via('querymsg', (cr) => bind(cr)(unbound('querymsg', [['climsgid', id]])), signal),
        signal,
      ),
    newClientMessageId: s.newClientMessageId,
    env: s.env,
    policy: { ...s.confirm, backoff: s.retry },
    bulk: s.bulk,
    deadlineMs: s.deadlineMs,
    // A send whose `auth` failed never went out: sent again (within `confirm.sends`) without a check.
    unsent: (e) => authFailures.has(e),
    onEvent: s.onEvent,
  })
  const commands = Commands.make({
    via,
    retry,
    authenticate,
    method: s.method,
    authentication: s.authentication,
    deadlineMs: s.deadlineMs,
  })
  const close = (): void => {
    sessions.close()
    abort()
  }
  return { ...commands, ...messages, close }
}

/**
 * Makes a client. The configuration is decoded once; a bad one is `InvalidInput` listing every problem.
 *
 * @example
 * import { Client, fetchTransport } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const client = Client.make({
 *   transport: fetchTransport(),
 *   credentials: { apiId: '3442105', user: 'me', password: 'secret' },
 *   baseUrl: 'http://127.0.0.1:9999',
 * })
 * console.log(E.isRight(client)) // true
 * @category constructors
 * @since 0.1.0
 */
export const make = (config: ClientConfig): E.Either<InvalidInput, Client> => E.map(compose)(decode(config))
