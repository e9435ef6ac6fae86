/**
 * `clickatell-fp/queue`: campaigns beyond one process, on BullMQ and Redis (Node only; `bullmq` and `ioredis`
 * are optional peer dependencies). A producer queues a campaign (`enqueue`), workers on any number of machines
 * send it (`startWorker`) within one account-wide rate, and anyone reads or steers it (`status`, `outcomes`,
 * `pause`, `resume`, `cancel`). See docs/scale.md.
 *
 * @example
 * import { Client, fetchTransport } from 'clickatell-fp'
 * import { enqueue, open, startWorker, status } from './index.js'
 * const store = open({ redis: 'redis://127.0.0.1:6379' })
 * const queued = await enqueue(store, [{ to: '447900000001', text: 'Hi' }], { name: 'May' })()
 * const client = Client.make({ transport: fetchTransport(), credentials: { apiId: '1', user: 'u', password: 'p' } })
 * if (client._tag === 'Right') startWorker({ redis: 'redis://127.0.0.1:6379' }, client.right)
 * if (queued._tag === 'Right') console.log((await status(store, queued.right.campaignId)())._tag)
 * @since 0.1.0
 */
export {
  type CampaignState,
  type CampaignStatus,
  DEFAULT_QUEUE,
  decodeCampaignId,
  type JobData,
  type Keys,
  type RowOutcome,
  type RowOutcomeTag,
} from './Campaign.js'
export {
  type CampaignPreview,
  type CampaignSource,
  type Enqueued,
  type EnqueueOptions,
  enqueue,
} from './Enqueue.js'
export { cancel, outcomes, pause, resume, status } from './Status.js'
export { type Claim, type Connection, open, type RedisError, type Store } from './Store.js'
export { type CampaignWorker, startWorker, type WorkerOptions } from './Worker.js'
