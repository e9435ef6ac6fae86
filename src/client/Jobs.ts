/**
 * The jobs of a send: each message checked at the client's edge (`Checks`), prepared once by the dialect, and
 * fanned out into one job per recipient, ready with its safe send (`Send.sendOnce`) or refused with the reason.
 * `Messages` runs them through the ordered window.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ClickatellError, LocalError } from '../core/errors.js'
import { ClientMessageId } from '../core/message/IdCodecs.js'
import type { MessageInput } from '../core/message/Message.js'
import type { Msisdn } from '../core/message/Msisdn.js'
import type { SendReply } from '../core/reply/Replies.js'
import type { Submission } from '../core/request/MessageParams.js'
import { checkMessageWith, type MessageEdge } from './Checks.js'
import type { Attempt, BulkOptions, MessagesDeps } from './Messages.js'
import { type RecipientOutcome, sendOnce } from './Send.js'

/**
 * The edge of the client: its clock, now, and its country code.
 *
 * @example
 * import { edgeOf } from './Jobs.js'
 * console.log(edgeOf({ env: { now: () => 5 }, defaultCountryCode: undefined } as never)) // { now: 5, defaultCountryCode: undefined }
 * @category constructors
 * @since 0.1.0
 */
export const edgeOf = (deps: MessagesDeps): MessageEdge => ({
  now: deps.env.now(),
  defaultCountryCode: deps.defaultCountryCode,
})

/**
 * One recipient of one message (`message` is its position in the input): ready to send, or refused with it.
 *
 * @category model
 * @since 0.1.0
 */
export type Job =
  | {
      readonly _tag: 'Ready'
      readonly message: number
      readonly to: Msisdn
      readonly ownId: ClientMessageId | undefined
      readonly send: Sender
    }
  | {
      readonly _tag: 'Refused'
      readonly message: number
      readonly to: string
      readonly ownId: ClientMessageId | undefined
      readonly error: LocalError
    }

/**
 * One recipient's safe send, ended early by `signal`; `release` frees its place in a bulk send while it waits.
 *
 * @category model
 * @since 0.1.0
 */
export type Sender = (
  to: Msisdn,
  clientMessageId: ClientMessageId,
  signal: AbortSignal | undefined,
  release: () => void,
) => Promise<RecipientOutcome>

// The gateway's id for the one recipient of a sendmsg request, or its refusal.
const apiMsgIdOf = (r: E.Either<ClickatellError, SendReply>): E.Either<ClickatellError, string> => {
  if (E.isLeft(r)) return r
  const first = r.right.outcomes[0]!
  return first._tag === 'Accepted' ? E.right(first.apiMsgId) : E.left(first.error)
}

/**
 * A checked message, prepared by the dialect.
 *
 * @category model
 * @since 0.1.0
 */
export interface Planned {
  readonly submission: Submission
  readonly attempt: Attempt
}

/**
 * A checked message prepared by the dialect (`MessagesDeps.prepare`), or why not.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js'
 * import { checkMessage } from './Checks.js'
 * import { planOf } from './Jobs.js'
 * const r = planOf({ prepare: () => E.right(async () => E.right({ outcomes: [] })) } as never, checkMessage({ to: '447900000001', text: 'Hi' }))
 * console.log(E.isRight(r) && r.right.submission.to) // ['447900000001']
 * @category constructors
 * @since 0.1.0
 */
export const planOf = (
  deps: MessagesDeps,
  checked: E.Either<LocalError, Submission>,
): E.Either<LocalError, Planned> =>
  E.flatMap((submission: Submission) =>
    E.map((attempt: Attempt): Planned => ({ submission, attempt }))(deps.prepare(submission)),
  )(checked)

// The safe send of a prepared message: each attempt is for one recipient and its id.
const senderOf =
  (deps: MessagesDeps, attempt: Attempt, options: BulkOptions): Sender =>
  (to, clientMessageId, signal, release) =>
    sendOnce({
      attempt: (n, id) => attempt(n, id, signal).then(apiMsgIdOf),
      query: (id) => deps.query(id, signal),
      sleep: deps.env.sleep,
      random: deps.env.random,
      policy: deps.policy,
      ...(signal === undefined ? {} : { signal }),
      ...(deps.unsent === undefined ? {} : { unsent: deps.unsent }),
      release,
      onEvent: deps.onEvent,
      ...(options.checkFirst === true ? { checkFirst: true } : {}),
    })(to, clientMessageId)

// The recipients and the id of a refused message, as far as they can be read from what was given.
const refusedJobs = (message: MessageInput, index: number, error: LocalError): ReadonlyArray<Job> => {
  const given: Partial<Record<'to' | 'clientMessageId', unknown>> =
    typeof message === 'object' && message !== null ? message : {}
  const ownId = ClientMessageId.is(given.clientMessageId) ? given.clientMessageId : undefined
  const to = Array.isArray(given.to) ? given.to.map(String) : [typeof given.to === 'string' ? given.to : '']
  return to.map((n): Job => ({ _tag: 'Refused', message: index, to: n, ownId, error }))
}

/**
 * The jobs of one message (at position `index`), one per recipient: each `Ready` with the safe send of the
 * prepared message, or, when it was refused, each `Refused` with what could be read of its recipients.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js'
 * import { jobsOf } from './Jobs.js'
 * const refused = { _tag: 'InvalidInput', problems: [] } as never
 * const jobs = jobsOf({} as never, { to: ['1', '2'], text: '' }, 3, E.left(refused), {})
 * console.log(jobs.map((j) => [j._tag, j.message, j.to])) // [['Refused', 3, '1'], ['Refused', 3, '2']]
 * @category constructors
 * @since 0.1.0
 */
export const jobsOf = (
  deps: MessagesDeps,
  message: MessageInput,
  index: number,
  planned: E.Either<LocalError, Planned>,
  options: BulkOptions,
): ReadonlyArray<Job> => {
  if (E.isLeft(planned)) return refusedJobs(message, index, planned.left)
  const { submission, attempt } = planned.right
  const send = senderOf(deps, attempt, options)
  const ownId = submission.options.clientMessageId
  return submission.to.map((to): Job => ({ _tag: 'Ready', message: index, to, ownId, send }))
}

/**
 * The jobs of the messages, in order, taken as the window asks for them: from a plain iterable without a
 * promise per message, from an async one as it yields. Each message is checked at the client's edge (`Checks`)
 * and prepared once.
 *
 * @example
 * import { jobsFrom } from './Jobs.js'
 * const jobs = jobsFrom({ env: { now: () => 0 } } as never, [{ to: 'nope', text: 'Hi' }], {})
 * console.log([...(jobs as Iterable<{ _tag: string }>)].map((j) => j._tag)) // ['Refused']
 * @category constructors
 * @since 0.1.0
 */
export const jobsFrom = (
  deps: MessagesDeps,
  messages: Iterable<MessageInput> | AsyncIterable<MessageInput>,
  options: BulkOptions,
): Iterable<Job> | AsyncIterable<Job> =>
  Symbol.asyncIterator in messages
    ? asyncJobs(deps, messages, options)
    : syncJobs(deps, messages as Iterable<MessageInput>, options)

function* syncJobs(deps: MessagesDeps, messages: Iterable<MessageInput>, options: BulkOptions) {
  let index = 0
  for (const message of messages)
    yield* jobsOf(deps, message, index++, planOf(deps, checkMessageWith(edgeOf(deps))(message)), options)
}

async function* asyncJobs(deps: MessagesDeps, messages: AsyncIterable<MessageInput>, options: BulkOptions) {
  let index = 0
  for await (const message of messages)
    yield* jobsOf(deps, message, index++, planOf(deps, checkMessageWith(edgeOf(deps))(message)), options)
}
