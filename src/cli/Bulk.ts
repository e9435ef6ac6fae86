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
import { previewWith } from '../core/Batch.js'
import { invalidInput, toMessage } from '../core/errors.js'
import { Msisdn } from '../core/Msisdn.js'
import { bold, EXIT, emit, fail, green, type Io, red, yellow } from './Output.js'

/**
 * What `runBulk` needs.
 *
 * @category model
 * @since 0.1.0
 */
export interface BulkRun {
  readonly content: string
  readonly csv: string
  readonly template: string
  readonly numberColumn?: string
  readonly charge?: number
  readonly failures?: string
  readonly concurrency?: number
  readonly rate?: number
  readonly maxParts?: number
  readonly from?: string
  readonly ucs2?: boolean
  readonly io: Io
  readonly dryRun: boolean
  readonly client?: Client
  /** The preview pass of a run that will send: with --json the preview goes into the final document instead. */
  readonly sendAfter?: boolean
}

const NUMBER_NAMES = ['number', 'msisdn', 'to', 'phone', 'mobile', 'cell', 'recipient']

interface Row {
  readonly line: number
  readonly values: ReadonlyArray<string>
  readonly to: string
  readonly fields: ReadonlyArray<string>
}

/**
 * Runs the preview (and, unless `dryRun`, the send). Resolves to the exit code.
 *
 * @category main
 * @since 0.1.0
 */
export const runBulk = async (o: BulkRun): Promise<number> => {
  const io = o.io
  let records: string[][]
  try {
    records = parse(o.content, { bom: true, skip_empty_lines: true, trim: true }) as string[][]
  } catch (e) {
    return fail(io, invalidInput([{ path: '--csv', message: `is not valid CSV: ${(e as Error).message}` }]))
  }
  const [header, ...body] = records
  if (header === undefined || body.length === 0)
    return fail(io, invalidInput([{ path: '--csv', message: 'needs a header row and at least one row' }]))
  const lower = header.map((h) => h.toLowerCase())
  const numberIndex =
    o.numberColumn !== undefined
      ? lower.indexOf(o.numberColumn.toLowerCase())
      : Math.max(
          0,
          lower.findIndex((h) => NUMBER_NAMES.includes(h)),
        )
  if (numberIndex < 0)
    return fail(
      io,
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

  // Preview each row on its own, so one bad row is reported and kept back rather than stopping the run.
  const previewOne = previewWith({
    ...(o.maxParts === undefined ? {} : { maxParts: o.maxParts }),
    ...(o.ucs2 === true ? { encoding: 'ucs2' as const } : {}),
  })
  const templateCheck = previewOne(template, [{ fields: fieldColumns.map(() => '') }])
  if (
    E.isLeft(templateCheck) &&
    templateCheck.left.problems.some((p) => p.path === 'template' || p.path === 'maxParts')
  )
    return fail(io, templateCheck.left)
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
  const failuresFile = o.failures ?? `${o.csv.replace(/\.csv$/i, '')}.failures.csv`
  const writeFailures = (failed: ReadonlyArray<{ row: Row; outcome: string; reason: string }>) => {
    if (failed.length === 0) return
    writeFileSync(
      failuresFile,
      stringify([
        [...header, 'outcome', 'error'],
        ...failed.map((f) => [...f.row.values, f.outcome, f.reason]),
      ]),
    )
  }
  const summary = {
    rows: rows.length,
    ready: good.length,
    invalid: bad.map((b) => ({ line: b.row.line, to: b.row.to, reason: b.reason })),
    parts,
    ...(cost === undefined ? {} : { cost }),
    template,
  }
  if (o.dryRun) {
    if (!(io.json && o.sendAfter === true))
      emit(io, { preview: summary }, () => [
        `${bold(io, 'Bulk preview')} ${rows.length} rows: ${green(io, `${good.length} ready`)}, ${bad.length === 0 ? '0 invalid' : red(io, `${bad.length} invalid`)}; ${parts} parts${cost === undefined ? '' : `, ${cost} credits`}`,
        ...bad.slice(0, 10).map((b) => `  line ${b.row.line}: ${b.reason}`),
        ...(bad.length > 10 ? [`  ... and ${bad.length - 10} more`] : []),
      ])
    if (good.length === 0) return EXIT.input
    return EXIT.ok
  }

  const client = o.client!
  const started = await client.startBatch({
    template,
    ...(o.from === undefined ? {} : { from: o.from }),
    ...(o.maxParts === undefined ? {} : { maxParts: o.maxParts }),
    ...(o.ucs2 === true ? { encoding: 'ucs2' as const } : {}),
  })()
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
  const failed: Array<{ row: Row; outcome: string; reason: string }> = bad.map((b) => ({
    row: b.row,
    outcome: 'invalid',
    reason: b.reason,
  }))
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
  writeFailures(failed)
  const seconds = (systemEnv.now() - t0) / 1000
  const result = {
    batchId,
    rows: rows.length,
    accepted,
    rejected: failed.filter((f) => f.outcome === 'rejected').length,
    unknown: failed.filter((f) => f.outcome === 'unknown').length,
    invalid: bad.length,
    parts,
    ...(cost === undefined ? {} : { cost }),
    seconds: Math.round(seconds * 1000) / 1000,
    ...(failed.length === 0 ? {} : { failures: failuresFile }),
    batchEnded: E.isRight(ended),
    preview: summary,
  }
  emit(io, result, () => [
    `${bold(io, 'Batch')} ${batchId}: ${green(io, `${accepted} accepted`)}, ${result.rejected === 0 ? '0 rejected' : red(io, `${result.rejected} rejected`)}, ${result.unknown === 0 ? '0 unknown' : yellow(io, `${result.unknown} unknown`)}, ${bad.length} invalid, in ${result.seconds.toFixed(1)} s`,
    ...(failed.length === 0
      ? []
      : [`Rows that did not go: ${failuresFile} (run it again with --csv ${failuresFile})`]),
  ])
  return failed.length === 0 ? EXIT.ok : bad.length === failed.length ? EXIT.input : EXIT.remote
}
