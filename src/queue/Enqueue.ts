/**
 * Queuing a campaign. The messages are read twice: once to check every one (with the client's own checks,
 * `checkMessage`) and count what the campaign will cost, then, only when all are good, to queue them, a job per
 * recipient, in chunks. Each job's id (`<campaign>-<row>`) and client message id (the message's own, else
 * `<campaign>r<row>`) are fixed here, so queuing the same campaign again (after the producer died half way) adds
 * only the rows missing, and a worker that resends a row resends it under the same id.
 *
 * @since 0.1.0
 */
import { randomBytes } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { checkMessage } from '../client/Checks.js'
import { type InvalidInput, invalidInput, type Problem, toMessage } from '../core/errors.js'
import type { MessageInput } from '../core/message/Message.js'
import type { Submission } from '../core/request/MessageParams.js'
import {
  campaignIdOf,
  clientMessageIdOf,
  decodeCampaignId,
  type JobData,
  jobIdOf,
  keysOf,
} from './Campaign.js'
import { type RedisError, redisError, type Store } from './Store.js'

/**
 * The messages of a campaign: an array, or a function that opens them (called twice: to check, then to queue),
 * for a source too large to hold, such as a file read as a stream.
 *
 * @category model
 * @since 0.1.0
 */
export type CampaignSource =
  | ReadonlyArray<MessageInput>
  | (() => Iterable<MessageInput> | AsyncIterable<MessageInput>)

/**
 * Options of `enqueue`.
 *
 * @category model
 * @since 0.1.0
 */
export interface EnqueueOptions {
  /** A name for people. */
  readonly name?: string
  /** Credits per part, for the cost in the preview. */
  readonly chargePerPart?: number
  /** The id of a campaign whose queuing was cut short, to queue the rest of it; default a fresh one. */
  readonly campaignId?: string
  /** Jobs added per round trip; default 1,000. */
  readonly chunk?: number
}

/**
 * What a campaign comes to, counted before anything is queued.
 *
 * @category model
 * @since 0.1.0
 */
export interface CampaignPreview {
  readonly messages: number
  /** Rows: one per recipient of each message. */
  readonly rows: number
  readonly parts: number
  readonly cost?: number
}

/**
 * A campaign queued.
 *
 * @category model
 * @since 0.1.0
 */
export interface Enqueued {
  readonly campaignId: string
  readonly preview: CampaignPreview
}

const LISTED = 100

const opened = (source: CampaignSource): Iterable<MessageInput> | AsyncIterable<MessageInput> =>
  typeof source === 'function' ? source() : source

// The first reading: every message checked; the problems of the first refused ones, else the counts.
const check = async (source: CampaignSource): Promise<E.Either<InvalidInput, CampaignPreview>> => {
  const problems: Problem[] = []
  let refused = 0
  const counts = { messages: 0, rows: 0, parts: 0 }
  for await (const message of opened(source)) {
    const checked = checkMessage(message)
    const at = `messages[${counts.messages++}]`
    if (E.isLeft(checked)) {
      refused++
      if (problems.length < LISTED) {
        const e = checked.left
        if (e._tag === 'InvalidInput')
          problems.push(...e.problems.map((p) => ({ ...p, path: `${at}.${p.path}` })))
        else problems.push({ path: at, message: toMessage(e) })
      }
    } else {
      counts.rows += checked.right.to.length
      counts.parts += checked.right.to.length * checked.right.parts
    }
  }
  if (refused > 0)
    return E.left(
      invalidInput([...problems, { path: 'messages', message: `${refused} refused: nothing was queued` }]),
    )
  if (counts.rows === 0)
    return E.left(invalidInput([{ path: 'messages', message: 'none given: nothing was queued' }]))
  return E.right(counts)
}

// Jobs stay in Redis only until done (the outcome stream keeps what happened); a job is tried again when its
// worker fails it (Redis lost mid-record, say), after 1, 2, 4... seconds.
const JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: 10_000,
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
} as const

// The jobs of one checked message: one per recipient, each with its fixed client message id.
const jobsOf = (campaignId: string, message: MessageInput, submission: Submission, first: number) =>
  submission.to.map((to, k) => {
    const row = first + k
    const own = submission.options.clientMessageId
    const data: JobData = {
      c: campaignId,
      r: row,
      m: { ...message, to, clientMessageId: own ?? clientMessageIdOf(campaignId, row) },
    }
    return { name: 'send', data, opts: { jobId: jobIdOf(campaignId, row), ...JOB_OPTIONS } }
  })

// The second reading: the jobs added, `chunk` at a time.
const queue = async (store: Store, campaignId: string, source: CampaignSource, chunk: number) => {
  let pending: ReturnType<typeof jobsOf> = []
  let row = 0
  for await (const message of opened(source)) {
    const checked = checkMessage(message)
    // Checked already: a source that gives something else the second time stops there.
    if (E.isLeft(checked))
      return E.left(
        invalidInput([
          { path: `messages[${row}]`, message: `changed after it was checked: ${toMessage(checked.left)}` },
        ]),
      )
    pending = pending.concat(jobsOf(campaignId, message, checked.right, row))
    row += checked.right.to.length
    if (pending.length >= chunk) {
      await store.queue.addBulk(pending)
      pending = []
    }
  }
  if (pending.length > 0) await store.queue.addBulk(pending)
  return E.right(row)
}

/**
 * Queues a campaign: checks every message and counts the cost, then (only when all are good) records the
 * campaign and adds a job per recipient. `InvalidInput` lists the problems of the first refused messages,
 * by position (`messages[3].to`); then nothing is queued.
 *
 * @example
 * import { open } from './Store.js'
 * import { enqueue } from './Enqueue.js'
 * const store = open({ redis: 'redis://127.0.0.1:6379' })
 * const r = await enqueue(store, [{ to: ['447900000001', '447900000002'], text: 'Hi' }], { name: 'May' })()
 * if (r._tag === 'Right') console.log(r.right.preview.rows) // 2
 * await store.close()
 * @category sending
 * @since 0.1.0
 */
export const enqueue =
  (
    store: Store,
    source: CampaignSource,
    options: EnqueueOptions = {},
  ): TE.TaskEither<InvalidInput | RedisError, Enqueued> =>
  async () => {
    const id =
      options.campaignId === undefined
        ? E.right(campaignIdOf(randomBytes(8)))
        : decodeCampaignId(options.campaignId)
    if (E.isLeft(id)) return id
    const checked = await check(source)
    if (E.isLeft(checked)) return checked
    const p = checked.right
    const preview = options.chargePerPart === undefined ? p : { ...p, cost: p.parts * options.chargePerPart }
    const campaignId = id.right
    const k = keysOf(campaignId)
    try {
      // A campaign queued again keeps its state (a cancelled one stays cancelled).
      await store.redis
        .multi()
        .hset(k.campaign, { name: options.name ?? '', total: p.rows })
        .hsetnx(k.campaign, 'state', 'running')
        .exec()
      const queued = await queue(store, campaignId, source, Math.max(1, options.chunk ?? 1000))
      return E.isLeft(queued) ? queued : E.right({ campaignId, preview })
    } catch (e) {
      return E.left(redisError(e))
    }
  }
