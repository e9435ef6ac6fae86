/**
 * A campaign worker: a BullMQ worker whose jobs are rows, each sent through the client's safe send. Before a
 * send the row is claimed (`Store.claim`): a row recorded already is skipped, a paused campaign's row waits, a
 * cancelled one's is recorded unsent; a row whose send began before (its worker died, BullMQ gave the job to
 * another) is looked up by its client message id first (`checkFirst`), so a message the gateway took is
 * recorded, never sent again. The outcome is recorded once per row (`Store.record`).
 *
 * The rate limit is BullMQ's: kept in Redis per queue, it holds across every worker on every machine.
 *
 * @since 0.1.0
 */
import { DelayedError, type Job, Worker } from 'bullmq'
import * as E from 'fp-ts/lib/Either.js'
import type { RestClient } from '../client/Client.js'
import type { RecipientOutcome } from '../client/Send.js'
import { type LocalError, toMessage } from '../core/errors.js'
import type { MessageInput } from '../core/message/Message.js'
import { DEFAULT_QUEUE, type JobData, keysOf, type RowOutcome } from './Campaign.js'
import { type Connection, open, type Store } from './Store.js'

/**
 * Options of a worker.
 *
 * @category model
 * @since 0.1.0
 */
export interface WorkerOptions {
  /** Rows in flight in this worker at once; default 8. */
  readonly concurrency?: number
  /** Messages a second across all workers of the queue; default 100 (the gateway's documented average); 0: no limit. */
  readonly ratePerSecond?: number
  /** How long a job stays with a worker that stops renewing its lock (one that died); default 30,000 ms. */
  readonly lockDurationMs?: number
  /** How often workers look for such jobs; default 30,000 ms. */
  readonly stalledIntervalMs?: number
  /** How long a paused campaign's row waits before it is looked at again; default 1,000 ms. */
  readonly pausedRetryMs?: number
  /** What went wrong outside a job (a lost Redis connection): for logs. */
  readonly onError?: (error: Error) => void
}

/**
 * A running worker.
 *
 * @category model
 * @since 0.1.0
 */
export interface CampaignWorker {
  /** Rows recorded by this worker since it started. */
  readonly processed: () => number
  /** Stops taking rows, lets those in flight finish and be recorded, and closes the connections. */
  readonly close: () => Promise<void>
}

const recipientOf = (m: MessageInput): string => (typeof m.to === 'string' ? m.to : (m.to[0] ?? ''))

const rowOf = (row: number, o: RecipientOutcome): RowOutcome => ({
  row,
  outcome: o._tag === 'Accepted' ? 'accepted' : o._tag === 'Rejected' ? 'rejected' : 'unknown',
  to: o.to,
  clientMessageId: o.clientMessageId,
  apiMsgId: o._tag === 'Accepted' ? o.apiMsgId : '',
  attempts: o.attempts,
  error: o._tag === 'Accepted' ? '' : toMessage(o.error),
})

const unsent = (
  row: number,
  m: MessageInput,
  outcome: 'rejected' | 'cancelled',
  error: string,
): RowOutcome => ({
  row,
  outcome,
  to: recipientOf(m),
  clientMessageId: m.clientMessageId ?? '',
  apiMsgId: '',
  attempts: 0,
  error,
})

const sent = (
  row: number,
  m: MessageInput,
  r: E.Either<LocalError, { readonly outcomes: ReadonlyArray<RecipientOutcome> }>,
) => (E.isLeft(r) ? unsent(row, m, 'rejected', toMessage(r.left)) : rowOf(row, r.right.outcomes[0]!))

// One job: claim the row, then send and record it, or let it wait (paused), or record it unsent (cancelled).
// BullMQ's contract is a promise that rejects to fail or delay a job: the throws stay inside the worker.
const processor =
  (store: Store, client: RestClient, pausedRetryMs: number, counted: () => void) =>
  async (job: Job<JobData>, token?: string): Promise<void> => {
    const { c, r, m } = job.data
    const k = keysOf(c)
    const claim = await store.claim(k, r)
    if (claim._tag === 'paused') {
      await job.moveToDelayed(Date.now() + pausedRetryMs, token)
      throw new DelayedError()
    }
    if (claim._tag === 'recorded' || claim._tag === 'missing') return
    const outcome =
      claim._tag === 'send'
        ? sent(r, m, await client.send(m, { checkFirst: claim.startedBefore, ratePerSecond: 0 })())
        : unsent(r, m, 'cancelled', 'the campaign was cancelled before it was sent')
    if (await store.record(k, outcome)) counted()
  }

// BullMQ's limiter counts jobs per window: a tenth of a second when the rate allows, so a second holds no burst
// of the whole second's quota at its start.
const limiterOf = (perSecond: number) =>
  perSecond <= 0
    ? {}
    : {
        limiter:
          perSecond % 10 === 0 ? { max: perSecond / 10, duration: 100 } : { max: perSecond, duration: 1000 },
      }

/**
 * Starts a worker on the campaigns' queue, sending through `client` (made with `Client.make` for the gateway
 * and account; the rate limit here replaces the client's own). It runs until `close`.
 *
 * @example
 * import { Client, fetchTransport } from 'clickatell-fp'
 * import { startWorker } from './Worker.js'
 * const client = Client.make({ transport: fetchTransport(), credentials: { apiId: '1', user: 'u', password: 'p' } })
 * if (client._tag === 'Right') {
 *   const worker = startWorker({ redis: 'redis://127.0.0.1:6379' }, client.right, { concurrency: 16 })
 *   process.once('SIGTERM', () => void worker.close())
 * }
 * @category constructors
 * @since 0.1.0
 */
export const startWorker = (
  connection: Connection,
  client: RestClient,
  options: WorkerOptions = {},
): CampaignWorker => {
  const store = open(connection, true)
  let processed = 0
  const worker = new Worker<JobData>(
    connection.queueName ?? DEFAULT_QUEUE,
    processor(store, client, options.pausedRetryMs ?? 1000, () => {
      processed++
    }),
    {
      connection: store.redis,
      concurrency: Math.max(1, Math.floor(options.concurrency ?? 8)),
      ...limiterOf(options.ratePerSecond ?? 100),
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      // A row whose worker died is handed on again and again rather than failed: its claim keeps it exact.
      maxStalledCount: 1000,
    },
  )
  const onError = options.onError ?? (() => {})
  worker.on('error', onError)
  return {
    processed: () => processed,
    close: async () => {
      await worker.close()
      await store.close()
    },
  }
}
