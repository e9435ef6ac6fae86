/**
 * Reading and steering a campaign: its counts (one `HGETALL`), its row outcomes as a stream (read in pages
 * with `XRANGE`), and pause, resume and cancel (a state the workers read before every row).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import {
  type CampaignState,
  type CampaignStatus,
  decodeCampaignId,
  keysOf,
  type RowOutcome,
  rowOutcomeOf,
  statusOf,
} from './Campaign.js'
import { type RedisError, type Store, tryRedis } from './Store.js'

const noSuch = (campaignId: string): InvalidInput =>
  invalidInput([{ path: 'campaignId', message: `no campaign ${campaignId} in this Redis` }])

/**
 * A campaign's counts: total, accepted, rejected, unknown, cancelled and pending.
 *
 * @example
 * import { open } from './Store.js'
 * import { status } from './Status.js'
 * const store = open({ redis: 'redis://127.0.0.1:6379' })
 * const s = await status(store, 'c0123456789abcdef')()
 * if (s._tag === 'Right') console.log(s.right.pending)
 * await store.close()
 * @category reading
 * @since 0.1.0
 */
export const status = (
  store: Store,
  campaignId: string,
): TE.TaskEither<InvalidInput | RedisError, CampaignStatus> =>
  TE.flatMap(TE.fromEither(decodeCampaignId(campaignId)), (id) =>
    TE.flatMap(
      tryRedis(() => store.redis.hgetall(keysOf(id).campaign)),
      (fields) => TE.fromEither(E.fromNullable(noSuch(id))(statusOf(id, fields))),
    ),
  )

// After `id` in stream order: the exclusive start of the next page.
const after = (id: string): string => `(${id}`

/**
 * A campaign's row outcomes, in the order they were recorded, read `page` at a time (default 1,000) so that a
 * campaign of any size is read in little memory. It ends at the last outcome recorded when it is read; a
 * `RedisError` ends it early (as its last item).
 *
 * @example
 * import { open } from './Store.js'
 * import { outcomes } from './Status.js'
 * const store = open({ redis: 'redis://127.0.0.1:6379' })
 * for await (const o of outcomes(store, 'c0123456789abcdef')) if (o._tag === 'Right') console.log(o.right.row, o.right.outcome)
 * await store.close()
 * @category reading
 * @since 0.1.0
 */
export async function* outcomes(
  store: Store,
  campaignId: string,
  page = 1000,
): AsyncGenerator<E.Either<RedisError, RowOutcome>, void> {
  const k = keysOf(campaignId)
  for (let start = '-'; ; ) {
    const read = await tryRedis(() =>
      store.redis.xrange(k.outcomes, start, '+', 'COUNT', Math.max(1, page)),
    )()
    if (E.isLeft(read)) {
      yield read
      return
    }
    for (const [, fields] of read.right) {
      const o = rowOutcomeOf(fields)
      if (o !== undefined) yield E.right(o)
    }
    const last = read.right.at(-1)
    if (last === undefined || read.right.length < page) return
    start = after(last[0])
  }
}

const steer =
  (to: CampaignState) =>
  (store: Store, campaignId: string): TE.TaskEither<InvalidInput | RedisError, CampaignStatus> =>
    TE.flatMap(TE.fromEither(decodeCampaignId(campaignId)), (id) =>
      TE.flatMap(
        tryRedis(() => store.setState(keysOf(id), to)),
        (now) =>
          now === null
            ? TE.left(noSuch(id))
            : now !== to
              ? TE.left(
                  invalidInput([
                    { path: 'campaignId', message: `campaign ${id} is ${now}: it cannot be made ${to}` },
                  ]),
                )
              : status(store, id),
      ),
    )

/**
 * Pauses a campaign: workers leave its rows waiting (those in flight finish). Resolves to its status.
 *
 * @example
 * import { open } from './Store.js'
 * import { pause } from './Status.js'
 * const store = open({ redis: 'redis://127.0.0.1:6379' })
 * await pause(store, 'c0123456789abcdef')()
 * await store.close()
 * @category steering
 * @since 0.1.0
 */
export const pause = steer('paused')

/**
 * Resumes a paused campaign. A cancelled campaign cannot be resumed.
 *
 * @example
 * import { open } from './Store.js'
 * import { resume } from './Status.js'
 * const store = open({ redis: 'redis://127.0.0.1:6379' })
 * await resume(store, 'c0123456789abcdef')()
 * await store.close()
 * @category steering
 * @since 0.1.0
 */
export const resume = steer('running')

/**
 * Cancels a campaign for good: its rows not yet sent are recorded as cancelled as workers reach them.
 *
 * @example
 * import { open } from './Store.js'
 * import { cancel } from './Status.js'
 * const store = open({ redis: 'redis://127.0.0.1:6379' })
 * await cancel(store, 'c0123456789abcdef')()
 * await store.close()
 * @category steering
 * @since 0.1.0
 */
export const cancel = steer('cancelled')
