/**
 * The Redis side of campaigns: one connection (ioredis, as BullMQ wants it), the BullMQ queue, and the three
 * scripts that keep a campaign's records exact when workers die and jobs run again. Each script is one round
 * trip and atomic:
 *
 * - `claim` (before a send): the row's campaign state, whether the row is recorded already, and whether a send
 *   of it began before (marking that one begins now);
 * - `record` (after a send): counts the outcome and appends it to the outcome stream, once per row whatever
 *   happens (a bitmap of recorded rows);
 * - `setState`: pause, resume or cancel, never out of `cancelled`.
 *
 * @since 0.1.0
 */
import { Queue } from 'bullmq'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { Redis } from 'ioredis'
import { type CampaignState, DEFAULT_QUEUE, type JobData, type Keys, type RowOutcome } from './Campaign.js'

/**
 * Redis could not be reached, or refused a command.
 *
 * @category model
 * @since 0.1.0
 */
export interface RedisError {
  readonly _tag: 'RedisError'
  readonly message: string
}

/**
 * A `RedisError` from what a Redis call threw.
 *
 * @example
 * import { redisError } from './Store.js'
 * console.log(redisError(new Error('ECONNREFUSED')).message) // 'ECONNREFUSED'
 * @category constructors
 * @since 0.1.0
 */
export const redisError = (e: unknown): RedisError => ({
  _tag: 'RedisError',
  message: e instanceof Error ? e.message : String(e),
})

/**
 * A Redis call as a `TaskEither`.
 *
 * @example
 * import { tryRedis } from './Store.js'
 * const r = await tryRedis(async () => { throw new Error('down') })()
 * console.log(r._tag) // 'Left'
 * @category utils
 * @since 0.1.0
 */
export const tryRedis = <A>(f: () => Promise<A>): TE.TaskEither<RedisError, A> => TE.tryCatch(f, redisError)

const CLAIM = `
if redis.call('GETBIT', KEYS[2], ARGV[1]) == 1 then return {'recorded', 0} end
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'running' then return {state or 'missing', 0} end
return {'send', redis.call('SETBIT', KEYS[3], ARGV[1], 1)}
`

const RECORD = `
if redis.call('SETBIT', KEYS[2], ARGV[1], 1) == 1 then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
redis.call('XADD', KEYS[3], '*', 'row', ARGV[1], 'outcome', ARGV[2], 'to', ARGV[3], 'id', ARGV[4],
  'api', ARGV[5], 'attempts', ARGV[6], 'error', ARGV[7])
return 1
`

const SET_STATE = `
local state = redis.call('HGET', KEYS[1], 'state')
if not state or state == 'cancelled' then return state or false end
redis.call('HSET', KEYS[1], 'state', ARGV[1])
return ARGV[1]
`

interface Scripts {
  campaignClaim(campaign: string, recorded: string, started: string, row: number): Promise<[string, number]>
  campaignRecord(
    campaign: string,
    recorded: string,
    outcomes: string,
    ...args: ReadonlyArray<string | number>
  ): Promise<number>
  campaignSetState(campaign: string, state: CampaignState): Promise<string | null>
}

/**
 * What a row's claim found: `send` (and whether a send of it began before), or why it is not to be sent.
 *
 * @category model
 * @since 0.1.0
 */
export type Claim =
  | { readonly _tag: 'send'; readonly startedBefore: boolean }
  | { readonly _tag: 'recorded' | 'paused' | 'cancelled' | 'missing' }

/**
 * A connection to the Redis that holds the campaigns, with the queue.
 *
 * @category model
 * @since 0.1.0
 */
export interface Store {
  readonly redis: Redis
  readonly queue: Queue<JobData>
  readonly claim: (keys: Keys, row: number) => Promise<Claim>
  /** Resolves to false when the row was recorded already. */
  readonly record: (keys: Keys, outcome: RowOutcome) => Promise<boolean>
  /** Resolves to the state now, or null when there is no such campaign. */
  readonly setState: (keys: Keys, state: CampaignState) => Promise<string | null>
  readonly close: () => Promise<void>
}

/**
 * Where the campaigns are: a Redis URL (`redis://host:port/db`) and the queue's name (default
 * `clickatell-campaigns`).
 *
 * @category model
 * @since 0.1.0
 */
export interface Connection {
  readonly redis: string
  readonly queueName?: string
}

const withScripts = (redis: Redis): Redis & Scripts => {
  redis.defineCommand('campaignClaim', { numberOfKeys: 3, lua: CLAIM })
  redis.defineCommand('campaignRecord', { numberOfKeys: 3, lua: RECORD })
  redis.defineCommand('campaignSetState', { numberOfKeys: 1, lua: SET_STATE })
  return redis as Redis & Scripts
}

/**
 * Opens a store: one ioredis connection (BullMQ opens its own for blocking reads) and the queue. A Redis that
 * cannot be reached makes each call a `RedisError` after a few attempts, unless `wait` (what a worker does).
 *
 * @example
 * import { open } from './Store.js'
 * const store = open({ redis: 'redis://127.0.0.1:6379' })
 * await store.close()
 * @category constructors
 * @since 0.1.0
 */
export const open = (connection: Connection, wait = false): Store => {
  // A worker (`wait`) waits for Redis to come back, as BullMQ's workers must; a call from a producer or a status
  // reader fails after a few reconnection attempts instead.
  const redis = withScripts(new Redis(connection.redis, { maxRetriesPerRequest: wait ? null : 2 }))
  const queue = new Queue<JobData>(connection.queueName ?? DEFAULT_QUEUE, { connection: redis })
  // A queue without a listener would crash the process on a lost connection; callers see the failed calls.
  queue.on('error', () => {})
  return {
    redis,
    queue,
    claim: async (k, row) => {
      const [tag, before] = await redis.campaignClaim(k.campaign, k.recorded, k.started, row)
      return tag === 'send'
        ? { _tag: 'send', startedBefore: before === 1 }
        : { _tag: tag === 'recorded' || tag === 'paused' || tag === 'cancelled' ? tag : 'missing' }
    },
    record: async (k, o) =>
      (await redis.campaignRecord(
        k.campaign,
        k.recorded,
        k.outcomes,
        o.row,
        o.outcome,
        o.to,
        o.clientMessageId,
        o.apiMsgId,
        o.attempts,
        o.error,
      )) === 1,
    setState: (k, state) => redis.campaignSetState(k.campaign, state),
    close: async () => {
      await queue.close()
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
