/**
 * The client: encode -> transport -> parse, with sessions, retries for reads, sends that never go out twice, and
 * bulk sending. `make` returns a record of functions, one per command, each a `TaskEither`; `Client.promises`
 * wraps it for code that does not use fp-ts.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { identity } from 'fp-ts/lib/function.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type * as t from 'io-ts'
import {
  type ClickatellError,
  type InvalidInput,
  invalidInput,
  type LocalError,
  type Problem,
} from '../core/errors.js'
import type { HttpRequest, HttpResponse } from '../core/http.js'
import type * as Batch from '../core/message/Batch.js'
import { ClientMessageId } from '../core/message/IdCodecs.js'
import { decode, type MessageInput } from '../core/message/Message.js'
import type { Msisdn } from '../core/message/Msisdn.js'
import { problemsOf } from '../core/message/Validation.js'
import * as Parse from '../core/reply/Parse.js'
import type * as Reply from '../core/reply/Replies.js'
import type { Command } from '../core/request/Command.js'
import * as Credentials from '../core/request/Credentials.js'
import * as Encode from '../core/request/Encode.js'
import { fromMessage, type Submission } from '../core/request/MessageParams.js'
import * as Render from '../core/request/Render.js'
import * as Unbound from '../core/request/Unbound.js'
import * as UnboundBatch from '../core/request/UnboundBatch.js'
import * as Wire from '../core/request/Wire.js'
import { settle, type Transport } from '../transport/Transport.js'
import { mapOrdered, rateLimiter } from './Bulk.js'
import { type Env, systemEnv } from './Env.js'
import { type Backoff, delay, isRetryableRead, isSessionError } from './Policy.js'
import { type RecipientOutcome, type SendDeps, type SendEvent, settleAttempt } from './Send.js'
import * as Session from './Session.js'

/**
 * How to reach and use the gateway. Only `transport` and `credentials` are required.
 *
 * @category model
 * @since 0.1.0
 */
export interface ClientConfig {
  readonly transport: Transport
  readonly credentials: { readonly apiId: string; readonly user: string; readonly password: string }
  /** Default `https://api.clickatell.com`. */
  readonly baseUrl?: string
  /** Default `POST` (credentials never in a URL). */
  readonly method?: 'GET' | 'POST'
  /** `session` (default): one `auth`, then the session id; `per-request`: credentials with every request. */
  readonly authentication?: 'session' | 'per-request'
  /** Ping every 10 minutes while in use, so the session does not expire (default false). */
  readonly keepAlive?: boolean
  /** Repeats of read-only commands (default 3 retries, 200 ms base, 5 s cap, full jitter). */
  readonly retry?: Partial<Backoff>
  /** Sends: at most `sends` attempts (default 3); a lost answer is checked with `checks` queries (default 2), `checkDelayMs` apart (default 1000). */
  readonly confirm?: { readonly sends?: number; readonly checks?: number; readonly checkDelayMs?: number }
  /** Bulk defaults: 4 in flight, 100 messages a second (the gateway's documented average). */
  readonly bulk?: { readonly concurrency?: number; readonly ratePerSecond?: number }
  /** Longest response body read, in characters (default 1 MiB). */
  readonly maxBodyChars?: number
  /** Clock, sleep, randomness and id source; tests pass `manualEnv()`. */
  readonly env?: Partial<Env> & { readonly background?: (ms: number) => Promise<void> }
  /** Decisions the client takes (authenticated, confirming a lost answer, resending...), for logs. No secrets. */
  readonly onEvent?: (event: ClientEvent) => void
}

/**
 * What `onEvent` sees.
 *
 * @category model
 * @since 0.1.0
 */
export type ClientEvent =
  | { readonly _tag: 'Authenticated' | 'Pinged' | 'SessionExpired' }
  | { readonly _tag: 'Reauthenticating'; readonly command: Command }
  | {
      readonly _tag: 'Retrying'
      readonly command: Command
      readonly attempt: number
      readonly after: ClickatellError['_tag']
    }
  | SendEvent

/**
 * The outcome of sending one message: one entry per recipient, in the order given.
 *
 * @category model
 * @since 0.1.0
 */
export interface SendResult {
  readonly outcomes: ReadonlyArray<RecipientOutcome>
}

/**
 * Progress of a bulk send.
 *
 * @category model
 * @since 0.1.0
 */
export interface Progress {
  readonly done: number
  readonly accepted: number
  readonly rejected: number
  readonly unknown: number
  readonly elapsedMs: number
}

/**
 * Options of a bulk send.
 *
 * @category model
 * @since 0.1.0
 */
export interface BulkOptions {
  readonly concurrency?: number
  readonly ratePerSecond?: number
  readonly onProgress?: (progress: Progress) => void
  readonly signal?: AbortSignal
}

/**
 * One recipient's outcome in a bulk send, with the position of its message in the input.
 *
 * @category model
 * @since 0.1.0
 */
export type BulkOutcome = RecipientOutcome & { readonly message: number }

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
  readonly sendItem: (input: Batch.BatchItem) => TE.TaskEither<LocalError, RecipientOutcome>
  /** `quicksend`: sent once per request of recipients; outcomes per recipient in order. */
  readonly quickSend: (input: Batch.BatchSend) => TE.TaskEither<LocalError, SendResult>
  readonly endBatch: (input: Batch.BatchRef) => TE.TaskEither<ClickatellError, Reply.OkReply>
  /** Stops the keep-alive loop. */
  readonly close: () => void
}

const positive = (path: string, n: unknown, fallback: number, problems: Problem[], min = 0): number => {
  if (n === undefined) return fallback
  if (typeof n === 'number' && Number.isFinite(n) && n >= min) return n
  problems.push({ path, message: `must be a number of at least ${min}; got ${JSON.stringify(n)}` })
  return fallback
}

const DEFAULT_BACKGROUND = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms) as unknown as { unref?: () => void }
    t.unref?.()
  })

type Wired = E.Either<LocalError, Wire.WireRequest>
type Requested = E.Either<LocalError, HttpRequest>

const SESSION_RENEWALS = 3

/**
 * Makes a client. The configuration is checked once; a bad one is `InvalidInput` listing every problem.
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
export const make = (config: ClientConfig): E.Either<InvalidInput, Client> => {
  const problems: Problem[] = []
  const c = (typeof config === 'object' && config !== null ? config : {}) as Partial<ClientConfig>
  if (typeof c.transport?.send !== 'function')
    problems.push({ path: 'transport', message: 'must be a Transport ({ send })' })
  const accountChecked = Credentials.decodeCredentials(
    Credentials.account(
      (c.credentials ?? {}) as { readonly apiId: string; readonly user: string; readonly password: string },
    ),
  )
  // decodeCredentials names its paths `credentials.<field>` already.
  if (E.isLeft(accountChecked)) problems.push(...accountChecked.left.problems)
  const method = c.method ?? 'POST'
  const base = Render.root(c.baseUrl)
  if (E.isLeft(base)) problems.push(...base.left.problems)
  if (method !== 'GET' && method !== 'POST')
    problems.push({ path: 'method', message: "must be 'GET' or 'POST'" })
  const mode = c.authentication ?? 'session'
  if (mode !== 'session' && mode !== 'per-request')
    problems.push({ path: 'authentication', message: "must be 'session' or 'per-request'" })
  const backoff: Backoff = {
    retries: positive('retry.retries', c.retry?.retries, 3, problems),
    baseDelayMs: positive('retry.baseDelayMs', c.retry?.baseDelayMs, 200, problems),
    maxDelayMs: positive('retry.maxDelayMs', c.retry?.maxDelayMs, 5000, problems),
  }
  const policy = {
    sends: positive('confirm.sends', c.confirm?.sends, 3, problems, 1),
    checks: positive('confirm.checks', c.confirm?.checks, 2, problems, 1),
    checkDelayMs: positive('confirm.checkDelayMs', c.confirm?.checkDelayMs, 1000, problems),
    backoff,
  }
  const bulkDefaults = {
    concurrency: positive('bulk.concurrency', c.bulk?.concurrency, 4, problems, 1),
    ratePerSecond: positive('bulk.ratePerSecond', c.bulk?.ratePerSecond, 100, problems),
  }
  const maxBodyChars = positive('maxBodyChars', c.maxBodyChars, Parse.MAX_BODY_CHARS, problems)
  if (problems.length > 0 || E.isLeft(accountChecked)) return E.left(invalidInput(problems))
  const account = accountChecked.right

  // Made once the method and the base URL are known to be good (checked above, with every other problem).
  const renderOptions = { method, ...(c.baseUrl === undefined ? {} : { baseUrl: c.baseUrl }) }
  const render = Render.http(renderOptions)
  const rendered = (wired: Wired): Requested => (E.isLeft(wired) ? wired : render(wired.right))
  // A request encoded once (validated then), bound to the credentials of each attempt.
  const boundTo =
    (encoded: E.Either<LocalError, Wire.UnboundRequest>) =>
    (credentials: Credentials.ValidCredentials): Wired =>
      E.map(Wire.bind(credentials))(encoded)
  const transport = c.transport!
  const env: Env = { ...systemEnv, ...c.env }
  const background = c.env?.background ?? (c.env?.sleep !== undefined ? c.env.sleep : DEFAULT_BACKGROUND)
  const onEvent = c.onEvent ?? (() => {})
  const read = Parse.responseWith({ maxBodyChars })
  const wait = delay(backoff, env.random)

  // The parser of each command's answers, made once.
  const readers = new Map<Command, (response: HttpResponse) => E.Either<ClickatellError, unknown>>()
  const reader = <C extends Command>(command: C) => {
    let r = readers.get(command)
    if (r === undefined) {
      r = read(command)
      readers.set(command, r)
    }
    return r as (response: HttpResponse) => E.Either<ClickatellError, Reply.Replies[C]>
  }

  // One exchange: send, parse, then `k` on the result, all in one step of the promise chain. Plain
  // promises rather than async functions: this is the hot path of every message, and each async layer costs a
  // promise and a turn of the microtask queue. A transport that throws or rejects (against its contract) gives a
  // TransportError, as a lost answer would (`settle`); a throw in `k` stays `k`'s.
  const exchange = <C extends Command, R>(
    command: C,
    requested: Requested,
    signal: AbortSignal | undefined,
    k: (r: E.Either<ClickatellError, Reply.Replies[C]>) => R | PromiseLike<R>,
  ): Promise<R> => {
    if (E.isLeft(requested)) return Promise.resolve(k(requested))
    const request = signal === undefined ? requested.right : { ...requested.right, signal }
    const parse = reader(command)
    return settle(
      request,
      () => transport.send(request)(),
      (response) => k(E.isLeft(response) ? response : parse(response.right)),
    )
  }

  // A request repeated after the failures worth repeating (isRetryableRead), at most `backoff.retries` times.
  const retried = async <A>(
    command: Command,
    run: () => Promise<E.Either<ClickatellError, A>>,
    signal?: AbortSignal,
  ): Promise<E.Either<ClickatellError, A>> => {
    for (let n = 0; ; n++) {
      const r = await run()
      if (E.isRight(r) || n >= backoff.retries || !isRetryableRead(r.left) || signal?.aborted === true)
        return r
      onEvent({ _tag: 'Retrying', command, attempt: n + 1, after: r.left._tag })
      await env.sleep(wait(n), signal)
    }
  }

  // The account never changes: its `auth` request is encoded and rendered once.
  const authRequest = render(Wire.bind(account)(Unbound.auth()))
  const sessionIdOf = (r: E.Either<ClickatellError, Reply.AuthReply>): E.Either<ClickatellError, string> =>
    E.isRight(r) ? E.right(r.right.sessionId) : r
  const authenticate = (): Promise<E.Either<ClickatellError, string>> =>
    retried('auth', () => exchange('auth', authRequest, undefined, sessionIdOf))

  const sessions = Session.make({
    now: env.now,
    authenticate,
    ...(c.keepAlive === true
      ? {
          ping: (id: string) =>
            exchange('ping', rendered(Encode.ping(Credentials.session(id))()), undefined, identity),
          background,
        }
      : {}),
    onEvent,
  })

  // The credentials of the current session, decoded once per session rather than once per request.
  let sessionCredentials:
    | { readonly id: string; readonly decoded: E.Either<InvalidInput, Credentials.ValidCredentials> }
    | undefined
  const credentialsOf = (sessionId: string): E.Either<InvalidInput, Credentials.ValidCredentials> => {
    if (sessionCredentials?.id !== sessionId)
      sessionCredentials = { id: sessionId, decoded: Credentials.decodeSession(sessionId) }
    return sessionCredentials.decoded
  }

  // With a session: on 001/003/005 the request was refused, so authenticate again and repeat it, up to
  // SESSION_RENEWALS times (a fresh session can be dropped again before the repeat arrives; wrong credentials
  // already fail at auth, so this cannot loop on them). A live session costs no promise of its own. `project`
  // is applied to the final result in the same step.
  const viaSession = <C extends Command, R>(
    command: C,
    build: (credentials: Credentials.ValidCredentials) => Requested,
    signal: AbortSignal | undefined,
    project: (r: E.Either<ClickatellError, Reply.Replies[C]>) => R | PromiseLike<R>,
    renewals: number,
  ): Promise<R> => {
    // The session is used from the time the request is made: read once, for the check and the record both.
    const go = (id: E.Either<ClickatellError, string>, usedAt: number): Promise<R> => {
      if (E.isLeft(id)) return Promise.resolve(project(id))
      const sessionId = id.right
      const credentials = credentialsOf(sessionId)
      const requested = E.isLeft(credentials) ? credentials : build(credentials.right)
      return exchange(command, requested, signal, (r) => {
        if (E.isRight(r) || r.left._tag === 'GatewayError') sessions.touch(sessionId, usedAt)
        if (E.isRight(r) || renewals >= SESSION_RENEWALS || !isSessionError(r.left)) return project(r)
        sessions.invalidate(sessionId)
        onEvent({ _tag: 'Reauthenticating', command })
        return viaSession(command, build, signal, project, renewals + 1)
      })
    }
    const now = env.now()
    const live = sessions.current(now)
    return live === undefined ? sessions.get().then((id) => go(id, env.now())) : go(live, now)
  }

  // A request with the client's credentials (the session's, or the account's with every request), and
  // `project` applied to its result.
  const authenticatedThen = <C extends Command, R>(
    command: C,
    build: (credentials: Credentials.ValidCredentials) => Requested,
    signal: AbortSignal | undefined,
    project: (r: E.Either<ClickatellError, Reply.Replies[C]>) => R | PromiseLike<R>,
  ): Promise<R> =>
    mode === 'per-request'
      ? exchange(command, build(account), signal, project)
      : viaSession(command, build, signal, project, 0)

  const authenticated = <C extends Command>(
    command: C,
    build: (credentials: Credentials.ValidCredentials) => Wired,
    signal?: AbortSignal,
  ): Promise<E.Either<ClickatellError, Reply.Replies[C]>> =>
    authenticatedThen(command, (credentials) => rendered(build(credentials)), signal, identity)

  const readOnly = <C extends Command>(
    command: C,
    build: (credentials: Credentials.ValidCredentials) => Wired,
    signal?: AbortSignal,
  ): Promise<E.Either<ClickatellError, Reply.Replies[C]>> =>
    retried(command, () => authenticated(command, build, signal), signal)

  const apiMsgIdOf = (r: E.Either<ClickatellError, Reply.SendReply>): E.Either<ClickatellError, string> => {
    if (E.isLeft(r)) return r
    const first = r.right.outcomes[0]!
    return first._tag === 'Accepted' ? E.right(first.apiMsgId) : E.left(first.error)
  }

  // A message's sends: validated and planned once (checkMessage), its parameters written once
  // (Encode.prepare); each attempt only adds the credentials, the recipient and the client message id, and is
  // rendered (Render.http). The first attempt is made here and its answer read in the same step
  // (settleAttempt); only a failure goes on to the safe-send machinery, whose dependencies are made then. `k`
  // takes the outcome in the same step.
  type Sender = <R>(
    to: Msisdn,
    clientMessageId: ClientMessageId,
    k: (outcome: RecipientOutcome) => R,
  ) => Promise<R>
  const senderFor = (submission: Submission, signal: AbortSignal | undefined): Sender => {
    const encode = Encode.prepare(submission)
    const attempt = (to: Msisdn, clientMessageId: ClientMessageId) =>
      authenticatedThen('sendmsg', (cr) => render(encode(cr, to, clientMessageId)), signal, apiMsgIdOf)
    return (to, clientMessageId, k) => {
      // The attempts after the first are of this recipient and id, the ones decoded here.
      const depsOf = (): SendDeps => ({
        attempt: () => attempt(to, clientMessageId),
        query: (id) => readOnly('querymsg', boundTo(Unbound.querymsg({ clientMessageId: id })), signal),
        sleep: env.sleep,
        random: env.random,
        policy,
        ...(signal === undefined ? {} : { signal }),
        onEvent,
      })
      return authenticatedThen(
        'sendmsg',
        (cr) => render(encode(cr, to, clientMessageId)),
        signal,
        (r) => settleAttempt(depsOf, to, clientMessageId, 1, apiMsgIdOf(r), k),
      )
    }
  }

  // A message is checked once, before any recipient is sent to; then it fans out to one request per recipient.
  const checkMessage = (message: MessageInput): E.Either<LocalError, Submission> => {
    const decoded = decode(message)
    if (E.isLeft(decoded)) return decoded
    const planned = fromMessage(decoded.right)
    if (E.isLeft(planned)) return planned
    const count = planned.right.to.length
    if (decoded.right.clientMessageId !== undefined && count > 1)
      return E.left(
        invalidInput([
          {
            path: 'clientMessageId',
            message: `identifies one message, but there are ${count} recipients: leave it out (the client makes one per recipient) or send to each number on its own`,
          },
        ]),
      )
    return planned
  }

  // An id from the caller's id source (env) is decoded where it enters: one that is not a client message id
  // refuses the send.
  const newId = (raw: string): E.Either<InvalidInput, ClientMessageId> =>
    E.mapLeft((errors: t.Errors) =>
      invalidInput(problemsOf(errors).map((p) => ({ path: 'clientMessageId', message: p.message }))),
    )(ClientMessageId.decode(raw))

  // Field by field: an object spread here was the largest single cost of the bulk loop in a profile.
  const withMessage = (o: RecipientOutcome, message: number): BulkOutcome =>
    o._tag === 'Accepted'
      ? {
          _tag: 'Accepted',
          to: o.to,
          clientMessageId: o.clientMessageId,
          apiMsgId: o.apiMsgId,
          confirmed: o.confirmed,
          attempts: o.attempts,
          message,
        }
      : {
          _tag: o._tag,
          to: o.to,
          clientMessageId: o.clientMessageId,
          error: o.error,
          attempts: o.attempts,
          message,
        }

  // One job per recipient; a message is checked and prepared once for all its recipients.
  // A recipient of a message that passed (its number and the message's own id decoded), or of one refused.
  type Job =
    | {
        readonly _tag: 'Ready'
        readonly m: number
        readonly to: Msisdn
        readonly ownId: ClientMessageId | undefined
        readonly send: Sender
      }
    | {
        readonly _tag: 'Refused'
        readonly m: number
        readonly to: string
        readonly ownId: string | undefined
        readonly error: LocalError
      }
  const jobsOf = (
    message: MessageInput,
    m: number,
    checked: E.Either<LocalError, Submission>,
    signal: AbortSignal | undefined,
  ): ReadonlyArray<Job> => {
    if (E.isRight(checked)) {
      const send = senderFor(checked.right, signal)
      const ownId = checked.right.options.clientMessageId
      const to = checked.right.to
      return to.length === 1
        ? [{ _tag: 'Ready', m, to: to[0], ownId, send }]
        : to.map((n): Job => ({ _tag: 'Ready', m, to: n, ownId, send }))
    }
    const error = checked.left
    const ownId = message?.clientMessageId
    const given = typeof message === 'object' && message !== null ? message.to : undefined
    return Array.isArray(given)
      ? given.map((n): Job => ({ _tag: 'Refused', m, to: String(n), ownId, error }))
      : [{ _tag: 'Refused', m, to: typeof given === 'string' ? given : '', ownId, error }]
  }
  // Jobs from a plain iterable by hand rather than with generators: taking the next job is synchronous and
  // costs no promise and no generator frames (a generator per message was a visible cost of the bulk loop).
  const syncJobs = (source: Iterable<MessageInput>, signal: AbortSignal | undefined): Iterable<Job> => ({
    [Symbol.iterator]: () => {
      const it = source[Symbol.iterator]()
      let m = 0
      let batch: ReadonlyArray<Job> = []
      let b = 0
      return {
        next: (): IteratorResult<Job> => {
          while (b >= batch.length) {
            const r = it.next()
            if (r.done === true) return { done: true, value: undefined }
            batch = jobsOf(r.value, m++, checkMessage(r.value), signal)
            b = 0
          }
          return { done: false, value: batch[b++]! }
        },
        return: (): IteratorResult<Job> => {
          it.return?.()
          return { done: true, value: undefined }
        },
      }
    },
  })
  async function* asyncJobs(source: AsyncIterable<MessageInput>, signal: AbortSignal | undefined) {
    let m = 0
    for await (const message of source) yield* jobsOf(message, m++, checkMessage(message), signal)
  }

  // Sends the jobs (`concurrency` at a time, at most `ratePerSecond`), counts each outcome for `onProgress`, and
  // gives `project` of each in the order of the jobs: `send` and `sendAll` differ only in their jobs and projection.
  const run = <O>(
    jobs: Iterable<Job> | AsyncIterable<Job>,
    options: BulkOptions,
    project: (outcome: RecipientOutcome, m: number) => O,
  ): AsyncIterable<O> => {
    const rate = options.ratePerSecond ?? bulkDefaults.ratePerSecond
    const limiter = rate > 0 ? rateLimiter(rate, env) : undefined
    const started = env.now()
    const tally = { done: 0, accepted: 0, rejected: 0, unknown: 0 }
    const counted = (outcome: RecipientOutcome, m: number): O => {
      tally.done++
      if (outcome._tag === 'Accepted') tally.accepted++
      else if (outcome._tag === 'Rejected') tally.rejected++
      else tally.unknown++
      options.onProgress?.({ ...tally, elapsedMs: env.now() - started })
      return project(outcome, m)
    }
    return mapOrdered(
      jobs,
      {
        concurrency: options.concurrency ?? bulkDefaults.concurrency,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (job): Promise<O> => {
        const clientMessageId = job.ownId ?? env.newClientMessageId()
        const refused = (error: LocalError) =>
          Promise.resolve(
            counted({ _tag: 'Rejected', to: job.to, clientMessageId, error, attempts: 0 }, job.m),
          )
        if (job._tag === 'Refused') return refused(job.error)
        const id = job.ownId !== undefined ? E.right(job.ownId) : newId(clientMessageId)
        if (E.isLeft(id)) return refused(id.left)
        const send = () => job.send(job.to, id.right, (outcome) => counted(outcome, job.m))
        return limiter === undefined ? send() : limiter.acquire(options.signal).then(send)
      },
    )
  }

  const sendAll = (
    messages: Iterable<MessageInput> | AsyncIterable<MessageInput>,
    options: BulkOptions = {},
  ): AsyncIterable<BulkOutcome> =>
    run(
      Symbol.asyncIterator in messages
        ? asyncJobs(messages as AsyncIterable<MessageInput>, options.signal)
        : syncJobs(messages as Iterable<MessageInput>, options.signal),
      options,
      withMessage,
    )

  // One message: checked here, so a bad one is a Left before anything is sent, and its jobs made from that check.
  const send =
    (message: MessageInput, options: BulkOptions = {}): TE.TaskEither<LocalError, SendResult> =>
    async () => {
      const checked = checkMessage(message)
      if (E.isLeft(checked)) return checked
      const outcomes: RecipientOutcome[] = []
      for await (const o of run(jobsOf(message, 0, checked, options.signal), options, identity))
        outcomes.push(o)
      return E.right({ outcomes })
    }

  const outcomesOf = (
    to: ReadonlyArray<string>,
    r: E.Either<ClickatellError, Reply.SendReply>,
  ): ReadonlyArray<RecipientOutcome> =>
    to.map((n, i): RecipientOutcome => {
      if (E.isLeft(r)) {
        const unknown = r.left._tag !== 'GatewayError' || r.left.code === '901'
        return {
          _tag: unknown ? 'Unknown' : 'Rejected',
          to: n,
          clientMessageId: '',
          error: r.left,
          attempts: 1,
        }
      }
      const o = r.right.outcomes[i]
      if (o === undefined)
        return {
          _tag: 'Unknown',
          to: n,
          clientMessageId: '',
          error: invalidInput([
            {
              path: 'to',
              message: `the gateway answered ${r.right.outcomes.length} lines for ${to.length} numbers`,
            },
          ]),
          attempts: 1,
        }
      return o._tag === 'Accepted'
        ? {
            _tag: 'Accepted',
            to: n,
            clientMessageId: '',
            apiMsgId: o.apiMsgId,
            confirmed: false,
            attempts: 1,
          }
        : { _tag: 'Rejected', to: n, clientMessageId: '', error: o.error, attempts: 1 }
    })

  return E.right({
    auth: () => () => authenticate().then(E.map((sessionId: string) => ({ sessionId }))),
    ping: () => () => readOnly('ping', (cr) => Encode.ping(cr)()),
    send,
    sendAll,
    status: (ref) => () => readOnly('querymsg', boundTo(Unbound.querymsg(ref))),
    charge: (ref) => () => readOnly('getmsgcharge', boundTo(Unbound.getmsgcharge(ref))),
    cancel: (ref) => () => readOnly('delmsg', boundTo(Unbound.delmsg(ref))),
    balance: () => () => readOnly('getbalance', boundTo(E.right(Unbound.getbalance()))),
    coverage: (msisdn) => () => readOnly('routecoverage', boundTo(Unbound.routecoverage({ msisdn }))),
    voucher: (token) => () => authenticated('token_pay', boundTo(Unbound.token_pay({ token }))),
    startBatch: (input) => () => authenticated('startbatch', boundTo(UnboundBatch.startbatch(input))),
    // Batch requests are encoded (and validated) once; each attempt only binds them to the current session.
    sendItem: (input) => async () => {
      const wire = UnboundBatch.senditem(input)
      if (E.isLeft(wire)) return wire
      const r = await authenticated('senditem', boundTo(wire))
      const to = typeof input.to === 'string' ? input.to : ''
      const [outcome] = outcomesOf(
        [to],
        E.map((item: Reply.ItemReply) => ({
          outcomes: [{ _tag: 'Accepted' as const, apiMsgId: item.apiMsgId }],
        }))(r),
      )
      return E.right(outcome!)
    },
    quickSend: (input) => async () => {
      const wires = UnboundBatch.quicksendWith({ method })(input)
      if (E.isLeft(wires)) return wires
      const outcomes: RecipientOutcome[] = []
      for (const wire of wires.right) {
        const chunkTo = (wire.params.find(([n]) => n === 'to')?.[1] ?? '').split(',')
        const r = await authenticated('quicksend', boundTo(E.right(wire)))
        outcomes.push(...outcomesOf(chunkTo, r))
      }
      return E.right({ outcomes })
    },
    endBatch: (input) => () => authenticated('endbatch', boundTo(UnboundBatch.endbatch(input))),
    close: () => sessions.close(),
  })
}
