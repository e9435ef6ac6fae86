/**
 * `clickatell bulk --csv <file> --template <text>`: personalised messages from a CSV through the batch commands.
 * Everything is previewed first (see `Bulk`); then the batch is started, the items sent with a progress bar, the
 * batch ended, and the rows that failed written to a CSV that can be run again. Exits 0 when every row went,
 * 2 when nothing was sent (the run was refused, or no row could go), else 1 (a partial run is 1, never 2).
 *
 * @since 0.1.0
 */
import { stringify } from 'csv-stringify/sync'
import * as E from 'fp-ts/lib/Either.js'
import { mapOrdered, rateLimiter } from '../../client/Bulk.js'
import type { Client } from '../../client/Client.js'
import { invalidInput, toMessage } from '../../core/errors.js'
import { type BulkPlan, type BulkRun, prepareBulk, previewLines, type Row } from '../Bulk.js'
import type { Context, Declare } from '../Context.js'
import { type MessageFlags, messageOptions, number } from '../Flags.js'
import { withClient } from '../Gateway.js'
import { bold, cliError, EXIT, emit, fail, failWith, green, type Io, red, yellow } from '../Output.js'
import { progressBar } from '../Progress.js'

/**
 * The flags of `bulk`.
 *
 * @category model
 * @since 0.1.0
 */
export type BulkFlags = Omit<BulkRun, 'content'> & { readonly dryRun?: boolean }

/**
 * A row that did not go: `invalid` (kept back by the preview), `rejected` or `unknown`, and why.
 *
 * @category model
 * @since 0.1.0
 */
export interface Failed {
  readonly row: Row
  readonly outcome: 'invalid' | 'rejected' | 'unknown'
  readonly reason: string
}

/** Sends one row as an item of the batch; `undefined` when it was accepted. */
const sendRow =
  (client: Client, batchId: string) =>
  async (row: Row): Promise<Failed | undefined> => {
    const r = await client.sendItem({ batchId, to: row.to, fields: row.fields })()
    if (E.isLeft(r)) return { row, outcome: 'rejected', reason: toMessage(r.left) }
    const o = r.right
    return o._tag === 'Accepted'
      ? undefined
      : { row, outcome: o._tag === 'Rejected' ? 'rejected' : 'unknown', reason: toMessage(o.error) }
  }

/** Sends the rows that can go, in order, within the rate and concurrency; the bar shows how it goes. */
const sendRows = async (
  ctx: Context,
  plan: BulkPlan,
  flags: BulkFlags,
  send: (row: Row) => Promise<Failed | undefined>,
  t0: number,
): Promise<{ readonly accepted: number; readonly failed: ReadonlyArray<Failed> }> => {
  const { io, world } = ctx
  const bar = progressBar(io, world.stderr, plan.good.length)
  const limiter = rateLimiter(flags.rate ?? 100, world.clock)
  const throttled = async (row: Row) => {
    await limiter.acquire()
    return send(row)
  }
  const failed: Failed[] = plan.bad.map((b) => ({ row: b.row, outcome: 'invalid', reason: b.reason }))
  let done = 0
  for await (const f of mapOrdered(plan.good, { concurrency: flags.concurrency ?? 4 }, throttled)) {
    done++
    if (f !== undefined) failed.push(f)
    const seconds = Math.max(0.001, (world.clock.now() - t0) / 1000)
    bar.update(done, failed.length - plan.bad.length, Math.round(done / seconds))
  }
  bar.stop()
  return { accepted: done - (failed.length - plan.bad.length), failed }
}

/**
 * The failures CSV: the CSV's header and rows, with the outcome and the reason of each.
 *
 * @category formatting
 * @since 0.1.0
 */
export const failuresCsv = (header: ReadonlyArray<string>, failed: ReadonlyArray<Failed>): string =>
  stringify([[...header, 'outcome', 'error'], ...failed.map((f) => [...f.row.values, f.outcome, f.reason])])

/**
 * The result of a run, as printed with `--json`.
 *
 * @category formatting
 * @since 0.1.0
 */
export const resultOf = (
  plan: BulkPlan,
  batchId: string,
  sent: { readonly accepted: number; readonly failed: ReadonlyArray<Failed> },
  seconds: number,
  batchEnded: boolean,
) => ({
  batchId,
  rows: plan.preview.rows,
  accepted: sent.accepted,
  rejected: sent.failed.filter((f) => f.outcome === 'rejected').length,
  unknown: sent.failed.filter((f) => f.outcome === 'unknown').length,
  invalid: plan.bad.length,
  parts: plan.parts,
  ...(plan.cost === undefined ? {} : { cost: plan.cost }),
  seconds: Math.round(seconds * 1000) / 1000,
  ...(sent.failed.length === 0 ? {} : { failures: plan.failuresFile }),
  batchEnded,
  preview: plan.preview,
})

/** The readable lines of a result. */
const resultLines = (io: Io, r: ReturnType<typeof resultOf>): ReadonlyArray<string> => [
  `${bold(io, 'Batch')} ${r.batchId}: ${green(io, `${r.accepted} accepted`)}, ${r.rejected === 0 ? '0 rejected' : red(io, `${r.rejected} rejected`)}, ${r.unknown === 0 ? '0 unknown' : yellow(io, `${r.unknown} unknown`)}, ${r.invalid} invalid, in ${r.seconds.toFixed(1)} s`,
  ...(r.failures === undefined
    ? []
    : [`Rows that did not go: ${r.failures} (run it again with --csv ${r.failures})`]),
]

/**
 * Sends a prepared run: starts the batch, sends the rows that can go, ends the batch, writes the rows that did
 * not go to the failures CSV and prints the result. Resolves to the exit code.
 *
 * @category commands
 * @since 0.1.0
 */
export const sendBulk = async (
  ctx: Context,
  plan: BulkPlan,
  flags: BulkFlags,
  client: Client,
): Promise<number> => {
  const { io, world } = ctx
  const started = await client.startBatch({ template: plan.template, ...plan.options })()
  if (E.isLeft(started)) return fail(io, started.left)
  const batchId = started.right.batchId
  const t0 = world.clock.now()
  const sent = await sendRows(ctx, plan, flags, sendRow(client, batchId), t0)
  const ended = await client.endBatch({ batchId })()
  if (sent.failed.length > 0) {
    const written = await world.writeFile(plan.failuresFile, failuresCsv(plan.header, sent.failed))
    if (E.isLeft(written)) {
      io.err(`error: ${written.left}`)
      return EXIT.remote
    }
  }
  const result = resultOf(plan, batchId, sent, (world.clock.now() - t0) / 1000, E.isRight(ended))
  const lines = () => resultLines(io, result)
  if (sent.failed.length === 0) {
    emit(io, result, lines)
    return EXIT.ok
  }
  const error = cliError(
    'RowsFailed',
    `${sent.failed.length} of ${result.rows} rows did not go; they are in ${plan.failuresFile}`,
  )
  return failWith(io, EXIT.remote, error, { value: result, lines })
}

/**
 * Reads the CSV, previews it, and sends it unless `--dry-run` (or no row can go).
 *
 * @category commands
 * @since 0.1.0
 */
export const bulk = async (ctx: Context, flags: BulkFlags): Promise<number> => {
  const { io, world } = ctx
  const content = await world.readFile(flags.csv)
  if (E.isLeft(content))
    return fail(io, invalidInput([{ path: '--csv', message: `cannot read ${flags.csv}: ${content.left}` }]))
  const plan = prepareBulk({ ...flags, content: content.right })
  if (E.isLeft(plan)) return fail(io, plan.left)
  if (plan.right.good.length === 0)
    return failWith(io, EXIT.input, cliError('NoRowReady', 'no row can be sent: nothing was sent'), {
      value: { preview: plan.right.preview },
      lines: () => previewLines(io, plan.right),
    })
  if (flags.dryRun === true) {
    emit(io, { preview: plan.right.preview }, () => previewLines(io, plan.right))
    return EXIT.ok
  }
  // With --json a real send prints one document: the preview goes into the result.
  if (!io.json) for (const line of previewLines(io, plan.right)) io.out(line)
  return withClient(ctx, (client) => sendBulk(ctx, plan.right, flags, client))
}

/**
 * Declares `bulk`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  messageOptions(
    program
      .command('bulk')
      .description('personalised messages from a CSV through the batch commands, previewed first')
      .requiredOption('--csv <file>', '(required) CSV with a header row: a number column and the fields')
      .requiredOption('--template <text>', '(required) the template: #<column name># or #field1#..')
      .option(
        '--number-column <name>',
        'the column with the numbers (default: the first named number/msisdn/to/phone/mobile, else the first)',
      )
      .option('--charge <credits>', 'credits per part, for the cost', number('--charge'))
      .option('--dry-run', 'preview only')
      .option('--failures <file>', 'where to write the rows that failed (default: <csv>.failures.csv)')
      .option('--concurrency <n>', 'items in flight', number('--concurrency'))
      .option('--rate <n>', 'items per second (default 100)', number('--rate')),
    { clientId: false },
  ).action((o: BulkFlags & MessageFlags) => perform((ctx) => bulk(ctx, o)))
}
