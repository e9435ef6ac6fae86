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
import * as Scrub from '../core/request/Scrub.js'
import * as Unbound from '../core/request/Unbound.js'
import { bind, unbound } from '../core/request/Wire.js'
import { withTimeout } from '../transport/middleware.js'
import type { BatchResult, ItemOutcome, StartedBatch } from './Commands.js'
import * as Commands from './Commands.js'
import {
  type ClientConfig,
  decode,
  type RestClientConfig,
  type RestSettings,
  type Settings,
} from './Config.js'
import * as Exchange from './Exchange.js'
import { knownSecrets } from './KnownSecrets.js'
import type { BulkOptions, BulkOutcome, SendResult } from './Messages.js'
import * as Messages from './Messages.js'
import * as Rest from './Rest.js'
import * as Session from './Session.js'

export type { BatchResult, ItemOutcome, StartedBatch } from './Commands.js'
export type { ClientConfig, ClientEvent, RestClientConfig } from './Config.js'
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
  /** `startbatch`: the batch id, the plan its items are checked against (give it to `sendItem`), and warnings. */
  readonly startBatch: (input: Batch.BatchStart) => TE.TaskEither<ClickatellError, StartedBatch>
  /** `senditem`: sent once; a lost answer makes the outcome `Unknown` (look it up by its `clientMessageId`, when given). */
  readonly sendItem: (input: Batch.BatchItem) => TE.TaskEither<LocalError, ItemOutcome>
  /** `quicksend`: sent once per request of recipients; outcomes per recipient in order. */
  readonly quickSend: (input: Batch.BatchSend) => TE.TaskEither<LocalError, BatchResult>
  readonly endBatch: (input: Batch.BatchRef) => TE.TaskEither<ClickatellError, Reply.OkReply>
  /** Stops the keep-alive loop and ends an `auth` in flight (a command waiting on it fails `aborted`). */
  readonly close: () => void
}

/**
 * A client of the legacy REST API (`dialect: 'rest'`): the commands both dialects have, with the same outcomes.
 * Every `Client` is one too, so code written against `RestClient` runs on either dialect. The HTTP API's
 * sessions, vouchers and batches are not in it: calling them on a REST client is a compile error, not a
 * failure at run time.
 *
 * @category model
 * @since 0.1.0
 */
export type RestClient = Pick<
  Client,
  'send' | 'sendAll' | 'status' | 'charge' | 'cancel' | 'balance' | 'coverage' | 'close'
>

type Scrubber = <A>(a: A) => A

// Every result leaves the client here, scrubbed of its secrets: an echoing gateway or proxy can put them in any
// error or reply. Only `auth` answers a session id on purpose: its value stays, its error does not.
const guarded =
  (scrub: Scrubber) =>
  <P extends unknown[], L, R>(f: (...args: P) => TE.TaskEither<L, R>) =>
  (...args: P): TE.TaskEither<L, R> =>
  () =>
    f(...args)().then(scrub)

// The commands both dialects share, scrubbed.
const scrubbedShared = (client: RestClient, scrub: Scrubber): RestClient => {
  const guard = guarded(scrub)
  return {
    send: guard(client.send),
    sendAll: (messages, options) => ({
      async *[Symbol.asyncIterator]() {
        for await (const outcome of client.sendAll(messages, options)) yield scrub(outcome)
      },
    }),
    status: guard(client.status),
    charge: guard(client.charge),
    cancel: guard(client.cancel),
    balance: guard(client.balance),
    coverage: guard(client.coverage),
    close: client.close,
  }
}

const scrubbed = (client: Client, scrub: Scrubber): Client => {
  const guard = guarded(scrub)
  return {
    ...scrubbedShared(client, scrub),
    auth: () => () => client.auth()().then(E.mapLeft(scrub)),
    ping: guard(client.ping),
    voucher: guard(client.voucher),
    startBatch: guard(client.startBatch),
    sendItem: guard(client.sendItem),
    quickSend: guard(client.quickSend),
    endBatch: guard(client.endBatch),
  }
}

// `auth` with its retries (its request bound once: the account never changes), remembering its failures and
// the session ids it obtains (`learn`, for the scrub), and `abort`, which ends an `auth` in flight: no caller's
// signal reaches it, as it is shared.
const authOf = (
  s: Settings,
  exchange: Exchange.Exchange,
  retry: Commands.Retry,
  failures: WeakSet<ClickatellError>,
  learn: (secrets: ReadonlyArray<string>) => void,
) => {
  const closing: { controller: AbortController } = { controller: new AbortController() }
  const authWire = bind(s.account)(Unbound.auth())
  const authenticate = () => {
    const signal = closing.controller.signal
    return retry('auth', () => exchange('auth', authWire, signal), signal).then((r) => {
      if (E.isLeft(r)) failures.add(r.left)
      else learn([r.right.sessionId])
      return r
    })
  }
  const abort = (): void => {
    closing.controller.abort()
    closing.controller = new AbortController()
  }
  return { authenticate, abort }
}

// Every request gets `timeoutMs` for its whole answer, whatever the transport does with its signal.
const timed = (s: Settings | RestSettings) =>
  s.timeoutMs === Number.POSITIVE_INFINITY ? s.transport : withTimeout(s.timeoutMs)(s.transport)

// The retry rule for reads, from the settings; `repeated` marks failures already retried below it.
const retryOf = (s: Settings | RestSettings, repeated?: (e: ClickatellError) => boolean): Commands.Retry =>
  Commands.retrying({
    backoff: s.retry,
    sleep: s.env.sleep,
    random: s.env.random,
    onEvent: s.onEvent,
    ...(repeated === undefined ? {} : { repeated }),
  })

// What the sends of either dialect take from the settings.
const sendSettings = (s: Settings | RestSettings) => ({
  newClientMessageId: s.newClientMessageId,
  env: s.env,
  policy: { ...s.confirm, backoff: s.retry },
  bulk: s.bulk,
  deadlineMs: s.deadlineMs,
  onEvent: s.onEvent,
  defaultCountryCode: s.defaultCountryCode,
})

// The HTTP client over decoded settings: each part gets what it uses, as a record of functions.
const compose = (s: Settings): Client => {
  // Its password (or the session id it was given) and every session id it obtains.
  const secrets = knownSecrets([s.account._tag === 'Account' ? s.account.password : s.account.sessionId])
  const exchange = Exchange.make({ ...s, transport: timed(s) })
  // An `auth` failure had its own retries: the command it failed is not repeated for it (4 x 4 tries of a dead
  // gateway otherwise).
  const authFailures = new WeakSet<ClickatellError>()
  const retry = retryOf(s, (e) => authFailures.has(e))
  const { authenticate, abort } = authOf(s, exchange, retry, authFailures, secrets.learn)
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
    prepare: Messages.sendmsgVia(via),
    // A client message id is a brand already: its query is written without a second check.
    query: (id, signal) =>
      retry(
        'querymsg',
        () => via('querymsg', (cr) => bind(cr)(unbound('querymsg', [['climsgid', id]])), signal),
        signal,
      ),
    ...sendSettings(s),
    // A send whose `auth` failed never went out: sent again (within `confirm.sends`) without a check.
    unsent: (e) => authFailures.has(e),
  })
  const commands = Commands.make({
    via,
    retry,
    authenticate,
    method: s.method,
    authentication: s.authentication,
    now: s.env.now,
    defaultCountryCode: s.defaultCountryCode,
    deadlineMs: s.deadlineMs,
  })
  const close = (): void => {
    sessions.close()
    abort()
  }
  return scrubbed({ ...commands, ...messages, close }, secrets.scrub)
}

// The REST client: the same sends and reads over the REST dialect's exchange; no session, nothing to close.
const composeRest = (s: RestSettings): RestClient => {
  const deps: Rest.RestDeps = {
    exchange: Rest.exchange({ ...s, transport: timed(s) }),
    retry: retryOf(s),
    endpoint: { baseUrl: s.baseUrl, token: s.token },
  }
  const messages = Messages.make({
    ...Rest.sends(deps),
    ...sendSettings(s),
  })
  // The token is the REST dialect's only secret; an echoing peer could return it in any error.
  return scrubbedShared({ ...Rest.commands(deps), ...messages, close: () => {} }, Scrub.secrets([s.token]))
}

/**
 * Makes a client. The configuration is decoded once; a bad one is `InvalidInput` listing every problem. With
 * `dialect: 'rest'` and `credentials: { token }` it speaks the legacy REST API and gives a `RestClient`.
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
 * const rest = Client.make({ dialect: 'rest', transport: fetchTransport(), credentials: { token: 'tok3n' } })
 * console.log(E.isRight(rest)) // true
 * @category constructors
 * @since 0.1.0
 */
export function make(config: ClientConfig): E.Either<InvalidInput, Client>
export function make(config: RestClientConfig): E.Either<InvalidInput, RestClient>
export function make(config: ClientConfig | RestClientConfig): E.Either<InvalidInput, RestClient>
export function make(config: ClientConfig | RestClientConfig): E.Either<InvalidInput, RestClient> {
  return E.map((s: Settings | RestSettings) => (s.dialect === 'rest' ? composeRest(s) : compose(s)))(
    decode(config),
  )
}
