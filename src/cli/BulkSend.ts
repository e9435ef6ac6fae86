/**
 * The work of `clickatell bulk` (`commands/bulk.ts` declares it and loads this when it runs): the file is read
 * twice, as a stream: once to preview every row (see `Bulk`, `BulkPreview`), once to send; nothing is sent when
 * the template or the flags are wrong, when no row can go, or when the send is not confirmed (on a terminal it
 * asks, showing rows, parts and cost; elsewhere it needs `--yes`). Rows that need UCS-2 go on their own with
 * `--allow-ucs2`; the rows that did not go are written to a failures file that can be run again as it is.
 * Resolves to 0 when every row went, 2 when nothing was sent, else 1 (a partial run is 1).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { mapOrdered, rateLimiter } from '../client/Bulk.js'
import type { Client, ItemOutcome, StartedBatch } from '../client/Client.js'
import type { RecipientOutcome } from '../client/Send.js'
import { invalidInput, toMessage } from '../core/errors.js'
import { type BulkRun, checkRow, type Layout, layoutOf, type RowCheck } from './Bulk.js'
import { type BulkPreview, previewLines, previewOf, tally } from './BulkPreview.js'
import type { Context } from './Context.js'
import { records } from './Csv.js'
import { failuresFile, type Outcome } from './Failures.js'
import { refuseRest, withHttpClient } from './Gateway.js'
import { bold, cliError, EXIT, emit, fail, failWith, green, type Io, plural, red, yellow } from './Output.js'
import { progressBar, type ReadingBar, readingBarOf, silentReading } from './Progress.js'
import type { World } from './World.js'

/**
 * The flags of `bulk`.
 *
 * @category model
 * @since 0.1.0
 */
export type BulkFlags = BulkRun & { readonly dryRun?: boolean; readonly yes?: boolean }

const csvRefused = (csv: string, why: string) =>
  E.left(invalidInput([{ path: '--csv', message: `${csv} ${why}` }]))

/**
 * The rows of the CSV after its header, each checked; the header's layout first (`Left`: nothing to send).
 *
 * @category reading
 * @since 0.1.0
 */
export const rowsOf = async (world: World, flags: BulkFlags) => {
  const chunks = await world.readChunks(flags.csv)
  if (E.isLeft(chunks)) return csvRefused(flags.csv, `cannot be read: ${chunks.left}`)
  const it = records(chunks.right)[Symbol.asyncIterator]()
  const first = await it.next()
  if (first.done === true) return csvRefused(flags.csv, 'needs a header row and at least one row')
  if (E.isLeft(first.value)) return csvRefused(flags.csv, `is not valid CSV: ${first.value.left}`)
  const layout = layoutOf(flags, first.value.right.values)
  if (E.isLeft(layout)) {
    await it.return?.()
    return layout
  }
  const check = checkRow(layout.right)
  async function* rows(): AsyncGenerator<E.Either<string, RowCheck>> {
    for (let r = await it.next(); r.done !== true; r = await it.next())
      yield E.isLeft(r.value) ? r.value : E.right(check(r.value.right))
  }
  return E.right({ layout: layout.right, rows: rows() })
}

/** Every row checked and counted, each told to the bar. */
const tallied = async (world: World, flags: BulkFlags, bar: ReadingBar) => {
  const read = await rowsOf(world, flags)
  if (E.isLeft(read)) return read
  const counted = tally()
  for await (const row of read.right.rows) {
    if (E.isLeft(row)) return csvRefused(flags.csv, `is not valid CSV: ${row.left}`)
    counted.add(row.right)
    bar.row()
  }
  const t = counted.result()
  if (t.rows === 0) return csvRefused(flags.csv, 'needs a header row and at least one row')
  return E.right({ layout: read.right.layout, preview: previewOf(read.right.layout, t, flags.charge) })
}

/**
 * The first reading: every row checked and counted; with `io`, a reading bar on a terminal's stderr while it
 * reads, taken off before anything else is printed.
 *
 * @category reading
 * @since 0.1.0
 */
export const scan = async (world: World, flags: BulkFlags, io?: Io) => {
  const bar = io === undefined ? silentReading : await readingBarOf(io, world, flags.csv)
  // The bytes counted as the parser takes them, the rows as they are checked.
  const counting: World = { ...world, readChunks: async (p) => E.map(bar.count)(await world.readChunks(p)) }
  try {
    return await tallied(counting, flags, bar)
  } finally {
    bar.stop()
  }
}

/** What the send comes to, in words. */
const summaryOf = (p: BulkPreview): string =>
  `${plural(p.ready, 'message')} (${plural(p.parts, 'part')}${p.cost === undefined ? '; give --charge for the cost' : `, ${plural(p.cost, 'credit')}`})`

/** Asks before a real send (unless `--yes`): `undefined` to go on, else the exit code of not sending. */
const confirm = async (ctx: Context, flags: BulkFlags, p: BulkPreview): Promise<number | undefined> => {
  if (flags.yes === true) return undefined
  const summary = summaryOf(p)
  const answer = await ctx.world.ask(`Send ${summary} from ${flags.csv}? [y/N] `)
  if (answer === undefined)
    return fail(
      ctx.io,
      invalidInput([
        {
          path: '--yes',
          message: `is needed to send without a terminal to confirm on: ${summary} (nothing was sent)`,
        },
      ]),
    )
  if (/^\s*y(es)?\s*$/i.test(answer)) return undefined
  return failWith(ctx.io, EXIT.input, cliError('NotConfirmed', 'nothing was sent: the answer was not yes'))
}

interface Failed {
  readonly row: RowCheck
  readonly outcome: Outcome
  readonly reason: string
}

const outcomeOf = (row: RowCheck, o: RecipientOutcome | ItemOutcome): Failed | undefined =>
  o._tag === 'Accepted'
    ? undefined
    : { row, outcome: o._tag === 'Rejected' ? 'rejected' : 'unknown', reason: toMessage(o.error) }

const firstOutcome = E.map((s: { readonly outcomes: ReadonlyArray<RecipientOutcome> }) => s.outcomes[0]!)

/**
 * Sends one row that can go: an item of the batch, or a message of its own; `undefined` when accepted. A message
 * of its own gives back its place (`release`) while it waits out the checks of a lost answer, as `sendAll` does;
 * an item (`senditem`) is sent once and never checked.
 */
const sendRow = (client: Client, layout: Layout, batch: StartedBatch | undefined) => {
  // A row on its own takes as many parts as it needs (checked against --max-parts by the preview).
  const { maxParts: _, ...single } = layout.options
  return async (row: RowCheck, release: () => void): Promise<Failed | undefined> => {
    if (row._tag === 'Invalid') return { row, outcome: 'invalid', reason: row.reason }
    const r =
      row._tag === 'Batch'
        ? await client.sendItem({
            batchId: batch?.batchId ?? '',
            ...(batch === undefined ? {} : { plan: batch.plan }),
            to: row.to,
            fields: row.fields,
          })()
        : firstOutcome(await client.send({ ...single, to: row.to, text: row.text }, { release })())
    return E.isLeft(r) ? { row, outcome: 'rejected', reason: toMessage(r.left) } : outcomeOf(row, r.right)
  }
}

/**
 * The result of a run, as printed with `--json`.
 *
 * @category model
 * @since 0.1.0
 */
export interface BulkResult {
  readonly batchId: string | null
  readonly rows: number
  readonly accepted: number
  readonly rejected: number
  readonly unknown: number
  readonly invalid: number
  readonly parts: number
  readonly cost?: number
  readonly seconds: number
  readonly failures?: string
  readonly batchEnded: boolean
  readonly preview: BulkPreview
}

/** The readable lines of a result. */
const resultLines = (io: Io, r: BulkResult): ReadonlyArray<string> => [
  `${bold(io, 'Batch')} ${r.batchId ?? '(none: every row went on its own)'}: ${green(io, `${r.accepted} accepted`)}, ${r.rejected === 0 ? '0 rejected' : red(io, `${r.rejected} rejected`)}, ${r.unknown === 0 ? '0 unknown' : yellow(io, `${r.unknown} unknown`)}, ${r.invalid} invalid, in ${r.seconds.toFixed(1)} s`,
  ...(r.failures === undefined
    ? []
    : [`Rows that did not go: ${r.failures} (run it again as it is: --csv ${r.failures})`]),
]

/** Sends every row in order, within the rate and the concurrency; counts them and writes the failures. */
const sendRows = async (
  ctx: Context,
  flags: BulkFlags,
  p: BulkPreview,
  rows: AsyncIterable<E.Either<string, RowCheck>>,
  send: (row: RowCheck, release: () => void) => Promise<Failed | undefined>,
  failures: ReturnType<typeof failuresFile>,
) => {
  const { io, world } = ctx
  const bar = progressBar(io, world.stderr, p.ready)
  const limiter = rateLimiter(flags.rate ?? 100, world.clock)
  const counts = { accepted: 0, rejected: 0, unknown: 0, invalid: 0, sent: 0 }
  const t0 = world.clock.now()
  async function* checked() {
    for await (const row of rows) if (E.isRight(row)) yield row.right
  }
  const go = async (row: RowCheck, _: number, release: () => void) => {
    if (row._tag !== 'Invalid') await limiter.acquire()
    return send(row, release)
  }
  for await (const f of mapOrdered(checked(), { concurrency: flags.concurrency ?? 4 }, go)) {
    if (f === undefined) counts.accepted++
    else {
      counts[f.outcome]++
      await failures.add(f.row.values, f.outcome, f.reason)
    }
    if (f?.outcome !== 'invalid') {
      counts.sent++
      const seconds = Math.max(0.001, (world.clock.now() - t0) / 1000)
      bar.update(counts.sent, counts.rejected + counts.unknown, Math.round(counts.sent / seconds))
    }
  }
  bar.stop()
  return { ...counts, seconds: (world.clock.now() - t0) / 1000 }
}

/**
 * Sends a previewed run: starts the batch (when rows go in it) with the `concat` of its longest row, sends the
 * rows as the file is read again, ends the batch, and prints the result. Resolves to the exit code.
 *
 * @category commands
 * @since 0.1.0
 */
export const sendBulk = async (
  ctx: Context,
  flags: BulkFlags,
  layout: Layout,
  p: BulkPreview,
  client: Client,
): Promise<number> => {
  const { io, world } = ctx
  const again = await rowsOf(world, flags)
  if (E.isLeft(again)) return fail(io, again.left)
  const started =
    p.ready - p.ucs2.rows > 0
      ? await client.startBatch({ template: layout.template, ...layout.options, maxParts: p.concat })()
      : undefined
  if (started !== undefined && E.isLeft(started)) return fail(io, started.left)
  const batchId = started?.right.batchId
  const path = flags.failures ?? `${flags.csv.replace(/\.csv$/i, '')}.failures.csv`
  const failures = failuresFile(world, path, layout)
  const sent = await sendRows(
    ctx,
    flags,
    p,
    again.right.rows,
    sendRow(client, layout, started?.right),
    failures,
  )
  const ended = batchId === undefined ? E.right(undefined) : await client.endBatch({ batchId })()
  const written = await failures.close()
  if (E.isLeft(written)) return failWith(io, EXIT.remote, cliError('FailuresNotWritten', written.left))
  const result: BulkResult = {
    batchId: batchId ?? null,
    rows: p.rows,
    accepted: sent.accepted,
    rejected: sent.rejected,
    unknown: sent.unknown,
    invalid: sent.invalid,
    parts: p.parts,
    ...(p.cost === undefined ? {} : { cost: p.cost }),
    seconds: Math.round(sent.seconds * 1000) / 1000,
    ...(written.right ? { failures: path } : {}),
    batchEnded: E.isRight(ended),
    preview: p,
  }
  const lines = () => resultLines(io, result)
  if (sent.accepted === p.rows) {
    emit(io, result, lines)
    return EXIT.ok
  }
  const error = cliError(
    'RowsFailed',
    `${p.rows - sent.accepted} of ${p.rows} rows did not go; they are in ${path}`,
  )
  return failWith(io, EXIT.remote, error, { value: result, lines })
}

/**
 * Reads the CSV and previews it; unless `--dry-run`, asks (or takes `--yes`) and sends it.
 *
 * @category commands
 * @since 0.1.0
 */
export const bulk = async (ctx: Context, flags: BulkFlags): Promise<number> => {
  const { io } = ctx
  if (flags.failures === flags.csv)
    return fail(io, invalidInput([{ path: '--failures', message: 'must not be the CSV being read' }]))
  const scanned = await scan(ctx.world, flags, io)
  if (E.isLeft(scanned)) return fail(io, scanned.left)
  const { layout, preview } = scanned.right
  const lines = () => previewLines(io, preview)
  if (preview.ready === 0)
    return failWith(io, EXIT.input, cliError('NoRowReady', 'no row can be sent: nothing was sent'), {
      value: { preview },
      lines,
    })
  if (flags.dryRun === true) {
    emit(io, { preview }, lines)
    return EXIT.ok
  }
  // Sent as a batch, which the REST API has not: refused before asking.
  const rest = refuseRest(ctx, 'batches')
  if (rest !== undefined) return rest
  // With --json a real send prints one document: the preview goes into the result.
  if (!io.json) for (const line of lines()) io.out(line)
  const refused = await confirm(ctx, flags, preview)
  if (refused !== undefined) return refused
  return withHttpClient(ctx, 'batches', (client) => sendBulk(ctx, flags, layout, preview, client))
}
