/**
 * `clickatell bulk`: personalised messages from a CSV through the batch commands. The header row names the
 * number column and the fields; the template uses `#field1#`.. or `#<column name>#`. Everything is previewed
 * first (rows, parts, cost, rows that cannot go); then the batch is started, the items sent with a progress bar,
 * the batch ended, and the rows that failed written to a CSV that can be run again.
 *
 * @since 0.1.0
 */
import { writeFileSync } from 'node:fs'
import { SingleBar } from 'cli-progress'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import * as E from 'fp-ts/lib/Either.js'
import { mapOrdered, rateLimiter } from '../client/Bulk.js'
import type { Client } from '../client/Client.js'
import { systemEnv } from '../client/Env.js'
import type { RecipientOutcome } from '../client/Send.js'
import { type InvalidInput, invalidInput, toMessage } from '../core/errors.js'
import { previewWith } from '../core/message/BatchTemplate.js'
import { Msisdn } from '../core/message/Msisdn.js'
import { startbatch } from '../core/request/UnboundBatch.js'
import { type FlagOptions, type MessageFlags, optionsOf } from './Flags.js'
import { bold, EXIT, emit, fail, green, type Io, red, yellow } from './Output.js'

/**
 * What a bulk run reads: the CSV's content and the flags. Every message flag is passed on to the batch (its
 * options are those of each item), except `--client-id`, which is refused: it names one message, and a bulk run
 * sends many.
 *
 * @category model
 * @since 0.1.0
 */
export interface BulkRun extends MessageFlags {
  readonly content: string
  readonly csv: string
  readonly template: string
  readonly numberColumn?: string
  readonly charge?: number
  readonly failures?: string
  readonly concurrency?: number
  readonly rate?: number
}

const NUMBER_NAMES = ['number', 'msisdn', 'to', 'phone', 'mobile', 'cell', 'recipient']

interface Row {
  readonly line: number
  readonly values: ReadonlyArray<string>
  readonly to: string
  readonly fields: ReadonlyArray<string>
}

interface Failed {
  readonly row: Row
  readonly outcome: string
  readonly reason: string
}

/**
 * A checked bulk run, ready to preview and send: the rows that can go, those that cannot and why, the
 * template in `#fieldK#` form, the options passed to the batch, and the preview document.
 *
 * @category model
 * @since 0.1.0
 */
export interface BulkPlan {
  readonly header: ReadonlyArray<string>
  readonly good: ReadonlyArray<Row & { readonly parts: number }>
  readonly bad: ReadonlyArray<{ readonly row: Row; readonly reason: string }>
  readonly template: string
  readonly options: FlagOptions
  readonly parts: number
  readonly cost: number | undefined
  readonly failuresFile: string
  readonly preview: {
    readonly rows: number
    readonly ready: number
    readonly invalid: ReadonlyArray<{ readonly line: number; readonly to: string; readonly reason: string }>
    readonly parts: number
    readonly cost?: number
    readonly template: string
  }
}

/**
 * Reads the CSV, maps its columns to the template's fields and previews every row. Prints nothing: a CSV or
 * template that cannot be used is the `Left`.
 *
 * @category main
 * @since 0.1.0
 */
export const prepareBulk = (o: BulkRun): E.Either<InvalidInput, BulkPlan> => {
  if (o.clientId !== undefined)
    return E.left(
      invalidInput([
        {
          path: '--client-id',
          message:
            'names one message, and a bulk run sends one per row: leave it out (each item gets its own id from the gateway)',
        },
      ]),
    )
  let records: string[][]
  try {
    records = parse(o.content, { bom: true, skip_empty_lines: true, trim: true }) as string[][]
  } catch (e) {
    return E.left(invalidInput([{ path: '--csv', message: `is not valid CSV: ${(e as Error).message}` }]))
  }
  const [header, ...body] = records
  if (header === undefined || body.length === 0)
    return E.left(invalidInput([{ path: '--csv', message: 'needs a header row and at least one row' }]))
  const lower = header.map((h) => h.toLowerCase())
  const numberIndex =
    o.numberColumn !== undefined
      ? lower.indexOf(o.numberColumn.toLowerCase())
      : Math.max(
          0,
          lower.findIndex((h) => NUMBER_NAMES.includes(h)),
        )
  if (numberIndex < 0)
    return E.left(
      invalidInput([
        {
          path: '--number-column',
          message: `no column named ${JSON.stringify(o.numberColumn)}; the columns are ${header.join(', ')}`,
        },
      ]),
    )
  const fieldColumns = header.map((h, i) => [h, i] as const).filter(([, i]) => i !== numberIndex)
  // #<column name># becomes #fieldK#, K the column's place among the fields.
  let template = o.template
  fieldColumns.forEach(([name], k) => {
    template = template.split(`#${name}#`).join(`#field${k + 1}#`)
  })
  const rows: Row[] = body.map((values, i) => ({
    line: i + 2,
    values,
    to: values[numberIndex] ?? '',
    fields: fieldColumns.map(([, c]) => values[c] ?? ''),
  }))

  // Every message flag goes to the batch (startbatch checks them all); the preview reads encoding and maxParts.
  const options = optionsOf(o)
  // Preview each row on its own, so one bad row is reported and kept back rather than stopping the run.
  const previewOne = previewWith(options)
  const templateCheck = previewOne(template, [{ fields: fieldColumns.map(() => '') }])
  if (
    E.isLeft(templateCheck) &&
    templateCheck.left.problems.some((p) => p.path === 'template' || p.path === 'maxParts')
  )
    return templateCheck
  // The options are checked as startbatch will check them, here: a bad flag is refused before anything is sent,
  // and in a dry run too.
  const start = startbatch({ template, ...options })
  if (E.isLeft(start) && start.left._tag === 'InvalidInput') return E.left(start.left)
  const good: Array<Row & { parts: number }> = []
  const bad: Array<{ row: Row; reason: string }> = []
  for (const row of rows) {
    const n = Msisdn.decode(row.to)
    const p = previewOne(template, [{ fields: row.fields }])
    const reasons = [
      ...(E.isLeft(n)
        ? [`number ${JSON.stringify(row.to)} is not an international number (digits only)`]
        : []),
      ...(E.isLeft(p) ? p.left.problems.map((x) => x.message) : []),
    ]
    if (reasons.length > 0) bad.push({ row, reason: reasons.join('; ') })
    else if (E.isRight(p)) good.push({ ...row, parts: p.right[0]!.plan.count.parts })
  }
  const parts = good.reduce((s, r) => s + r.parts, 0)
  const cost = o.charge === undefined ? undefined : Math.round(parts * o.charge * 1e6) / 1e6
  return E.right({
    header,
    good,
    bad,
    template,
    options,
    parts,
    cost,
    failuresFile: o.failures ?? `${o.csv.replace(/\.csv$/i, '')}.failures.csv`,
    preview: {
      rows: rows.length,
      ready: good.length,
      invalid: bad.map((b) => ({ line: b.row.line, to: b.row.to, reason: b.reason })),
      parts,
      ...(cost === undefined ? {} : { cost }),
      template,
    },
  })
}

/**
 * Prints the preview: rows ready and invalid, parts, cost, and the first ten rows that cannot go.
 *
 * @category main
 * @since 0.1.0
 */
export const emitPreview = (io: Io, plan: BulkPlan): void => {
  const { bad, cost, preview } = plan
  emit(io, { preview }, () => [
    `${bold(io, 'Bulk preview')} ${preview.rows} rows: ${green(io, `${preview.ready} ready`)}, ${bad.length === 0 ? '0 invalid' : red(io, `${bad.length} invalid`)}; ${plan.parts} parts${cost === undefined ? '' : `, ${cost} credits`}`,
    ...bad.slice(0, 10).map((b) => `  line ${b.row.line}: ${b.reason}`),
    ...(bad.length > 10 ? [`  ... and ${bad.length - 10} more`] : []),
  ])
}

/**
 * Sends a prepared run: starts the batch, sends the rows that can go, ends the batch, writes the rows that did
 * not go to the failures CSV and prints the result. Resolves to the exit code.
 *
 * @category main
 * @since 0.1.0
 */
export const sendBulk = async (
  plan: BulkPlan,
  o: Pick<BulkRun, 'concurrency' | 'rate'>,
  client: Client,
  io: Io,
): Promise<number> => {
  const { bad, cost, failuresFile, good, parts } = plan
  const started = await client.startBatch({ template: plan.template, ...plan.options })()
  if (E.isLeft(started)) return fail(io, started.left)
  const batchId = started.right.batchId
  const bar =
    io.interactive && !io.json
      ? new SingleBar({
          format: 'sending [{bar}] {value}/{total} | failed {failed} | {speed}/s | {eta}s left',
          stream: process.stderr,
          hideCursor: true,
        })
      : undefined
  const t0 = systemEnv.now()
  bar?.start(good.length, 0, { failed: 0, speed: 0 })
  const limiter = rateLimiter(o.rate ?? 100, systemEnv)
  const failed: Failed[] = bad.map((b) => ({ row: b.row, outcome: 'invalid', reason: b.reason }))
  let accepted = 0
  let done = 0
  for await (const [row, outcome] of mapOrdered(
    good,
    { concurrency: o.concurrency ?? 4 },
    async (row): Promise<readonly [Row, RecipientOutcome]> => {
      await limiter.acquire()
      const r = await client.sendItem({ batchId, to: row.to, fields: row.fields })()
      const out: RecipientOutcome = E.isRight(r)
        ? r.right
        : { _tag: 'Rejected', to: row.to, clientMessageId: '', error: r.left, attempts: 0 }
      return [row, out] as const
    },
  )) {
    done++
    if (outcome._tag === 'Accepted') accepted++
    else failed.push({ row, outcome: outcome._tag.toLowerCase(), reason: toMessage(outcome.error) })
    const seconds = Math.max(0.001, (systemEnv.now() - t0) / 1000)
    bar?.update(done, { failed: failed.length - bad.length, speed: Math.round(done / seconds) })
  }
  bar?.stop()
  const ended = await client.endBatch({ batchId })()
  if (failed.length > 0)
    writeFileSync(
      failuresFile,
      stringify([
        [...plan.header, 'outcome', 'error'],
        ...failed.map((f) => [...f.row.values, f.outcome, f.reason]),
      ]),
    )
  const seconds = (systemEnv.now() - t0) / 1000
  const result = {
    batchId,
    rows: plan.preview.rows,
    accepted,
    rejected: failed.filter((f) => f.outcome === 'rejected').length,
    unknown: failed.filter((f) => f.outcome === 'unknown').length,
    invalid: bad.length,
    parts,
    ...(cost === undefined ? {} : { cost }),
    seconds: Math.round(seconds * 1000) / 1000,
    ...(failed.length === 0 ? {} : { failures: failuresFile }),
    batchEnded: E.isRight(ended),
    preview: plan.preview,
  }
  emit(io, result, () => [
    `${bold(io, 'Batch')} ${batchId}: ${green(io, `${accepted} accepted`)}, ${result.rejected === 0 ? '0 rejected' : red(io, `${result.rejected} rejected`)}, ${result.unknown === 0 ? '0 unknown' : yellow(io, `${result.unknown} unknown`)}, ${bad.length} invalid, in ${result.seconds.toFixed(1)} s`,
    ...(failed.length === 0
      ? []
      : [`Rows that did not go: ${failuresFile} (run it again with --csv ${failuresFile})`]),
  ])
  return failed.length === 0 ? EXIT.ok : bad.length === failed.length ? EXIT.input : EXIT.remote
}
