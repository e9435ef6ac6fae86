/**
 * The work of `clickatell campaign` (`commands/campaign.ts` declares it and loads this when it runs). `start`
 * reads the CSV as `bulk` does (`BulkSend.scan`: the template, the flags and every row checked and counted) and
 * refuses the whole campaign when a row cannot go; then `enqueue` reads it again to queue it. `worker` runs
 * `startWorker` with a client of the configured gateway until a signal, then closes it gracefully.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { RestClient } from '../client/Client.js'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import { substitute } from '../core/message/BatchTemplate.js'
import type { MessageInput } from '../core/message/Message.js'
import type { CampaignStatus } from '../queue/Campaign.js'
import type { RedisError, Store } from '../queue/Store.js'
import type { BulkRun, Layout, RowCheck } from './Bulk.js'
import { previewLines } from './BulkPreview.js'
import { rowsOf, scan } from './BulkSend.js'
import type { Context } from './Context.js'
import { withClient } from './Gateway.js'
import { bold, cliError, EXIT, emit, fail, failWith, type Io } from './Output.js'

/**
 * The flags of `campaign start`.
 *
 * @category model
 * @since 0.1.0
 */
export type CampaignFlags = BulkRun & { readonly redis: string; readonly name?: string }

/**
 * The flags of `campaign worker`.
 *
 * @category model
 * @since 0.1.0
 */
export interface WorkerFlags {
  readonly redis: string
  readonly concurrency?: number
  readonly rate?: number
}

const failed = (io: Io, e: InvalidInput | RedisError): number =>
  e._tag === 'RedisError'
    ? failWith(io, EXIT.remote, cliError('RedisError', `Redis: ${e.message}`))
    : fail(io, e)

// Opens the store, runs `f`, closes the store whatever happens.
const withStore = async <A>(redis: string, f: (store: Store) => Promise<A>): Promise<A> => {
  const { open } = await import('../queue/Store.js')
  const store = open({ redis })
  try {
    return await f(store)
  } finally {
    await store.close().catch(() => {})
  }
}

/** The message of a checked row: the template with its fields, or the row's own UCS-2 text. */
const messageOf = (layout: Layout) => {
  const { maxParts: _, ...single } = layout.options
  return (row: RowCheck): MessageInput =>
    row._tag === 'Batch'
      ? { ...layout.options, to: row.to, text: substitute(layout.template, row.fields) }
      : { ...single, to: row.to, text: row._tag === 'Single' ? row.text : '' }
}

/** The CSV's messages, read again (the `enqueue` reads them twice more: to check, then to queue). */
const messagesOf = (ctx: Context, flags: CampaignFlags, layout: Layout) =>
  async function* (): AsyncGenerator<MessageInput> {
    const read = await rowsOf(ctx.world, flags)
    if (E.isLeft(read)) return
    const message = messageOf(layout)
    for await (const row of read.right.rows) if (E.isRight(row)) yield message(row.right)
  }

const invalidRows = (p: {
  readonly invalid: ReadonlyArray<{ readonly line: number; readonly reason: string }>
}) => invalidInput(p.invalid.map((r) => ({ path: `--csv line ${r.line}`, message: r.reason })))

/**
 * `campaign start`: previews the CSV, refuses it when any row cannot go, else queues it and prints its id.
 *
 * @category commands
 * @since 0.1.0
 */
export const start = async (ctx: Context, flags: CampaignFlags): Promise<number> => {
  const { io } = ctx
  const scanned = await scan(ctx.world, flags)
  if (E.isLeft(scanned)) return fail(io, scanned.left)
  const { layout, preview } = scanned.right
  if (preview.invalidRows > 0) return fail(io, invalidRows(preview))
  const { enqueue } = await import('../queue/Enqueue.js')
  return withStore(flags.redis, async (store) => {
    const source = messagesOf(ctx, flags, layout)
    const options = {
      ...(flags.name === undefined ? {} : { name: flags.name }),
      ...(flags.charge === undefined ? {} : { chargePerPart: flags.charge }),
    }
    const queued = await enqueue(store, source, options)()
    if (E.isLeft(queued)) return failed(io, queued.left)
    const { campaignId } = queued.right
    emit(io, { campaignId, preview: queued.right.preview }, () => [
      ...previewLines(io, preview),
      `${bold(io, 'Campaign')} ${campaignId} queued: ${queued.right.preview.rows} rows`,
    ])
    return EXIT.ok
  })
}

/** The line of a status. */
const statusLines = (io: Io, s: CampaignStatus): ReadonlyArray<string> => [
  `${bold(io, 'Campaign')} ${s.campaignId}${s.name === '' ? '' : ` (${s.name})`}: ${s.state}; ${s.total} rows: ${s.accepted} accepted, ${s.rejected} rejected, ${s.unknown} unknown, ${s.cancelled} cancelled, ${s.pending} pending`,
]

/**
 * `campaign status <id>`.
 *
 * @category commands
 * @since 0.1.0
 */
export const show = async (ctx: Context, id: string, redis: string): Promise<number> => {
  const { status } = await import('../queue/Status.js')
  return withStore(redis, async (store) => {
    const s = await status(store, id)()
    if (E.isLeft(s)) return failed(ctx.io, s.left)
    emit(ctx.io, s.right, () => statusLines(ctx.io, s.right))
    return EXIT.ok
  })
}

/**
 * `campaign pause|resume|cancel <id>`: prints the status after.
 *
 * @category commands
 * @since 0.1.0
 */
export const steer = async (
  ctx: Context,
  how: 'pause' | 'resume' | 'cancel',
  id: string,
  redis: string,
): Promise<number> => {
  const Status = await import('../queue/Status.js')
  return withStore(redis, async (store) => {
    const s = await Status[how](store, id)()
    if (E.isLeft(s)) return failed(ctx.io, s.left)
    emit(ctx.io, s.right, () => statusLines(ctx.io, s.right))
    return EXIT.ok
  })
}

const runWorker = async (ctx: Context, flags: WorkerFlags, client: RestClient): Promise<number> => {
  const { io, world } = ctx
  const { startWorker } = await import('../queue/Worker.js')
  const worker = startWorker({ redis: flags.redis }, client, {
    ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
    ...(flags.rate === undefined ? {} : { ratePerSecond: flags.rate }),
    onError: (e) => io.err(`warning: ${e.message}`),
  })
  io.err('worker running: stop it with SIGTERM or Ctrl+C (rows in flight finish first)')
  const signal = await world.untilSignal(['SIGINT', 'SIGTERM'])
  await worker.close()
  const processed = worker.processed()
  emit(io, { processed, signal }, () => [`worker stopped (${signal}) after ${processed} rows`])
  return EXIT.ok
}

/**
 * `campaign worker`: runs until SIGINT or SIGTERM, then lets the rows in flight finish and exits 0.
 *
 * @category commands
 * @since 0.1.0
 */
export const work = (ctx: Context, flags: WorkerFlags): Promise<number> =>
  flags.concurrency !== undefined && !(Number.isInteger(flags.concurrency) && flags.concurrency >= 1)
    ? Promise.resolve(
        fail(ctx.io, invalidInput([{ path: '--concurrency', message: 'must be a whole number, 1 or more' }])),
      )
    : flags.rate !== undefined && !(flags.rate >= 0)
      ? Promise.resolve(fail(ctx.io, invalidInput([{ path: '--rate', message: 'must be 0 or more' }])))
      : withClient(ctx, (client) => runWorker(ctx, flags, client))
