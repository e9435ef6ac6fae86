/**
 * Messages out: `send` and `sendAll`, for either dialect. A message is checked once at the edge
 * (`Checks.checkMessageWith`: decoded, its schedule checked, planned) and its request written once by the
 * dialect (`prepare`: `Encode.prepare` for the HTTP API, `RestRequests.prepareSend` for REST); then it fans out
 * to one safe send per recipient (`Send.sendOnce`), each with its own client message id, through the ordered
 * window (`Bulk.mapOrdered`) at the rate asked.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { identity } from 'fp-ts/lib/function.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { ClickatellError, InvalidInput, LocalError, Problem } from '../core/errors.js'
import type { ClientMessageId } from '../core/message/IdCodecs.js'
import type { MessageInput } from '../core/message/Message.js'
import type { CountryCode, Msisdn } from '../core/message/Msisdn.js'
import { of as warningsOf } from '../core/message/Warnings.js'
import type { SendReply, StatusReply } from '../core/reply/Replies.js'
import { prepare } from '../core/request/Encode.js'
import type { Submission } from '../core/request/MessageParams.js'
import { mapOrdered, rateLimiter } from './Bulk.js'
import { checkMessageWith } from './Checks.js'
import { start } from './Deadline.js'
import { type Env, systemEnv } from './Env.js'
import { edgeOf, type Job, jobsFrom, jobsOf, planOf } from './Jobs.js'
import { checkDelays, type RecipientOutcome, type SendEvent, type SendPolicy } from './Send.js'
import type { Authenticated } from './Session.js'

/**
 * The outcome of sending one message: one entry per recipient, in the order given, and the warnings of the
 * message (`Warnings.of`: a sender id with punctuation), which did not stop the send.
 *
 * @category model
 * @since 0.1.0
 */
export interface SendResult {
  readonly outcomes: ReadonlyArray<RecipientOutcome>
  readonly warnings: ReadonlyArray<Problem>
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
  /**
   * Outcomes held for the input order, at most. Default: 16 times the concurrency, plus what the rate sends
   * during one confirmation window (`confirm`'s checks, 31 s by default), so a message waiting to check a lost
   * answer does not stop the others being sent.
   */
  readonly window?: number
  readonly onProgress?: (progress: Progress) => void
  readonly signal?: AbortSignal
  /**
   * The messages may have gone out already, each with its own client message id (a queue worker that died
   * while sending them): each is looked up with `querymsg` first and sent only when the gateway has no such
   * message. An outcome found this way is `Accepted` with `confirmed` and `attempts` 0.
   */
  readonly checkFirst?: boolean
  /**
   * `send` only, in a bulk loop of the caller's own (`Bulk.mapOrdered`'s `release`): called once every recipient
   * of the message has finished or waits out the checks of a lost answer, so the caller's place goes to the next
   * message meanwhile, as `sendAll` gives back its own.
   */
  readonly release?: () => void
}

/**
 * One recipient's outcome in a bulk send, with the position of its message in the input.
 *
 * @category model
 * @since 0.1.0
 */
export type BulkOutcome = RecipientOutcome & { readonly message: number }

/**
 * One request of a prepared message to one recipient with its client message id: the dialect's send, with its
 * credentials (a session, or the REST token), answered as the HTTP dialect's `SendReply`.
 *
 * @category model
 * @since 0.1.0
 */
export type Attempt = (
  to: Msisdn,
  clientMessageId: ClientMessageId,
  signal?: AbortSignal,
) => Promise<E.Either<ClickatellError, SendReply>>

/**
 * The HTTP API's `prepare`: the message's parameters written once (`Encode.prepare`), each attempt a `sendmsg`
 * bound to the credentials `via` gives (a session, or the account's).
 *
 * @example
 * import { sendmsgVia } from './Messages.js'
 * import { Message } from 'clickatell-fp'
 * import { fromMessage } from '../core/request/MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const prepare = sendmsgVia((async () => E.right({ outcomes: [] })) as never)
 * const s = E.flatMap(fromMessage)(Message.decode({ to: '447900000001', text: 'Hi' }))
 * console.log(E.isRight(s) && E.isRight(prepare(s.right))) // true
 * @category constructors
 * @since 0.1.0
 */
export const sendmsgVia =
  (via: Authenticated) =>
  (submission: Submission): E.Either<LocalError, Attempt> => {
    const encode = prepare(submission)
    return E.right((to, id, signal) => via('sendmsg', (credentials) => encode(credentials, to, id), signal))
  }

/**
 * What sending needs from a dialect (the HTTP API's or the REST API's): `prepare` writes a checked message's
 * request once (`Left` for what the dialect cannot say) and answers its attempts; `query` asks a message's
 * status by client message id (with its retries). Then the id source, the clock, and the settings.
 *
 * @category model
 * @since 0.1.0
 */
export interface MessagesDeps {
  readonly prepare: (submission: Submission) => E.Either<LocalError, Attempt>
  readonly query: (
    clientMessageId: ClientMessageId,
    signal?: AbortSignal,
  ) => Promise<E.Either<ClickatellError, StatusReply>>
  readonly newClientMessageId: () => E.Either<InvalidInput, ClientMessageId>
  readonly env: Omit<Env, 'newClientMessageId'>
  readonly policy: SendPolicy
  readonly bulk: { readonly concurrency: number; readonly ratePerSecond: number }
  /** Failures before a request went out (a failed `auth`): sent again without a check. */
  readonly unsent?: (e: ClickatellError) => boolean
  /** Each recipient's send, from its first request, within this (`Deadline`); none when undefined. */
  readonly deadlineMs?: number | undefined
  readonly onEvent: (event: SendEvent) => void
  /** Replaces the leading 0 of a national number before the recipients are checked (`Config`). */
  readonly defaultCountryCode?: CountryCode | undefined
}

// Counts outcomes for `onProgress`.
const progressOf = (now: () => number, onProgress: ((p: Progress) => void) | undefined) => {
  const started = now()
  const counts = { done: 0, accepted: 0, rejected: 0, unknown: 0 }
  return (o: RecipientOutcome): void => {
    counts.done++
    if (o._tag === 'Accepted') counts.accepted++
    else if (o._tag === 'Rejected') counts.rejected++
    else counts.unknown++
    onProgress?.({ ...counts, elapsedMs: now() - started })
  }
}

const rejected = (to: string, clientMessageId: ClientMessageId, error: LocalError): RecipientOutcome => ({
  _tag: 'Rejected',
  to,
  clientMessageId,
  error,
  attempts: 0,
})

// A job's outcome: the id is the message's own or a fresh one, and the send starts when the rate allows
// (`acquire` is undefined without a limit). A job refused before sending carries an id too: when the id source
// gave something that is not one (and so refused the send), a fresh one of the platform's, never sent.
const outcomeOf = (
  deps: MessagesDeps,
  acquire: ((signal?: AbortSignal) => Promise<void>) | undefined,
  job: Job,
  signal: AbortSignal | undefined,
  release: () => void,
): Promise<RecipientOutcome> => {
  const id = job.ownId !== undefined ? E.right(job.ownId) : deps.newClientMessageId()
  const usable = E.isRight(id) ? id.right : systemEnv.newClientMessageId()
  if (job._tag === 'Refused') return Promise.resolve(rejected(job.to, usable, job.error))
  if (E.isLeft(id)) return Promise.resolve(rejected(job.to, usable, id.left))
  const go = (): Promise<RecipientOutcome> => {
    if (deps.deadlineMs === undefined) return job.send(job.to, id.right, signal, release)
    const deadline = start(deps.deadlineMs, signal)
    return job.send(job.to, id.right, deadline.signal, release).finally(deadline.end)
  }
  return acquire === undefined ? go() : acquire(signal).then(go)
}

// Outcomes held for the order: the default window, plus what the rate starts while one message waits out its
// checks (a rate of 0 has no such bound: then only the default).
const windowOf = (deps: MessagesDeps, concurrency: number, rate: number, asked: number | undefined) => {
  if (asked !== undefined) return asked
  const checking = checkDelays(deps.policy).reduce((a, b) => a + b, 0)
  return 16 * concurrency + (rate > 0 ? Math.ceil((rate * checking) / 1000) : 0)
}

// The caller's place (`BulkOptions.release`), given back once each of `count` recipients has finished or waits
// out its checks: each job takes one share, and gives it up once.
const handOver = (count: number, release: () => void) => {
  let left = count
  return (): (() => void) => {
    let given = false
    return () => {
      if (given) return
      given = true
      left--
      if (left === 0) release()
    }
  }
}

// Sends the jobs (`concurrency` at a time, at most `ratePerSecond`) and gives `project` of each outcome in the
// order of the jobs: `send` and `sendAll` differ only in their jobs and projection (and `send` in `share`).
const run = <O>(
  deps: MessagesDeps,
  jobs: Iterable<Job> | AsyncIterable<Job>,
  options: BulkOptions,
  project: (outcome: RecipientOutcome, message: number) => O,
  share?: () => () => void,
): AsyncIterable<O> => {
  const rate = options.ratePerSecond ?? deps.bulk.ratePerSecond
  const acquire = rate > 0 ? rateLimiter(rate, deps.env).acquire : undefined
  const counted = progressOf(deps.env.now, options.onProgress)
  const concurrency = options.concurrency ?? deps.bulk.concurrency
  const signal = options.signal
  const window = windowOf(deps, concurrency, rate, options.window)
  return mapOrdered(jobs, { concurrency, window, ...(signal ? { signal } : {}) }, async (job, _, release) => {
    const mine = share?.()
    const freed =
      mine === undefined
        ? release
        : () => {
            release()
            mine()
          }
    const outcome = await outcomeOf(deps, acquire, job, signal, freed)
    mine?.()
    counted(outcome)
    return project(outcome, job.message)
  })
}

/**
 * `send` and `sendAll` over their dependencies.
 *
 * @example
 * import * as Messages from './Messages.js'
 * import { manualEnv } from './Env.js'
 * import * as E from 'fp-ts/Either'
 * const env = manualEnv()
 * const { send } = Messages.make({
 *   prepare: () => E.right(async () => E.right({ outcomes: [{ _tag: 'Accepted', apiMsgId: 'abc', to: '447900000001' }] })),
 *   query: async () => E.right({ apiMsgId: 'abc', status: { code: '003' } }) as never,
 *   newClientMessageId: () => E.right(env.newClientMessageId()),
 *   env,
 *   policy: { sends: 3, checks: 2, checkDelayMs: 1000, maxCheckDelayMs: 16_000, resend: true, backoff: { retries: 3, baseDelayMs: 200, maxDelayMs: 5000 } },
 *   bulk: { concurrency: 4, ratePerSecond: 0 },
 *   onEvent: () => {},
 * })
 * const r = await send({ to: ['447900000001', '447900000002'], text: 'Hi' })()
 * console.log(E.isRight(r) && r.right.outcomes.map((o) => o.clientMessageId)) // ['c1', 'c2']
 * @category constructors
 * @since 0.1.0
 */
export const make = (deps: MessagesDeps) => ({
  send:
    (message: MessageInput, options: BulkOptions = {}): TE.TaskEither<LocalError, SendResult> =>
    async () => {
      const checked = checkMessageWith(edgeOf(deps))(message)
      if (E.isLeft(checked)) return checked
      const planned = planOf(deps, checked)
      if (E.isLeft(planned)) return planned
      const jobs = jobsOf(deps, message, 0, planned, options)
      const share = options.release === undefined ? undefined : handOver(jobs.length, options.release)
      const outcomes: RecipientOutcome[] = []
      for await (const o of run(deps, jobs, options, identity, share)) outcomes.push(o)
      return E.right({ outcomes, warnings: warningsOf(checked.right.options) })
    },
  sendAll: (
    messages: Iterable<MessageInput> | AsyncIterable<MessageInput>,
    options: BulkOptions = {},
  ): AsyncIterable<BulkOutcome> =>
    // `message` first: a field after a spread is ten times slower in V8 (docs/benchmarks.md).
    run(deps, jobsFrom(deps, messages, options), options, (o, message) => ({ message, ...o })),
})
