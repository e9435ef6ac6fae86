/**
 * The plan of `clickatell bulk`, pure: personalised messages from a CSV. The header row names the number column
 * and the fields; the template uses `#field1#`.. or `#<column name>#`. Every row is previewed (parts, cost, rows
 * that cannot go and why) before anything is sent; `commands/bulk.ts` sends the plan.
 *
 * @since 0.1.0
 */
import { parse } from 'csv-parse/sync'
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import { previewWith } from '../core/message/BatchTemplate.js'
import { Msisdn } from '../core/message/Msisdn.js'
import { startbatch } from '../core/request/UnboundBatch.js'
import { type FlagOptions, type MessageFlags, optionsOf } from './Flags.js'
import { bold, green, type Io, plural, red } from './Output.js'

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

/**
 * A row of the CSV: its line in the file, its values, its number and its fields in template order.
 *
 * @category model
 * @since 0.1.0
 */
export interface Row {
  readonly line: number
  readonly values: ReadonlyArray<string>
  readonly to: string
  readonly fields: ReadonlyArray<string>
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

const refuse = (path: string, message: string): E.Either<InvalidInput, never> =>
  E.left(invalidInput([{ path, message }]))

/** The header and the rows of the CSV. */
const recordsOf = (
  content: string,
): E.Either<InvalidInput, readonly [ReadonlyArray<string>, ReadonlyArray<ReadonlyArray<string>>]> => {
  const parsed = E.tryCatch(
    () => parse(content, { bom: true, skip_empty_lines: true, trim: true }) as string[][],
    (e) => (e as Error).message,
  )
  if (E.isLeft(parsed)) return refuse('--csv', `is not valid CSV: ${parsed.left}`)
  const [header, ...body] = parsed.right
  return header === undefined || body.length === 0
    ? refuse('--csv', 'needs a header row and at least one row')
    : E.right([header, body])
}

/** The number column: the one named by `--number-column`, else the first with a number's name, else the first. */
const numberColumnOf = (
  header: ReadonlyArray<string>,
  numberColumn: string | undefined,
): E.Either<InvalidInput, number> => {
  const lower = header.map((h) => h.toLowerCase())
  if (numberColumn === undefined)
    return E.right(
      Math.max(
        0,
        lower.findIndex((h) => NUMBER_NAMES.includes(h)),
      ),
    )
  const index = lower.indexOf(numberColumn.toLowerCase())
  return index >= 0
    ? E.right(index)
    : refuse(
        '--number-column',
        `no column named ${JSON.stringify(numberColumn)}; the columns are ${header.join(', ')}`,
      )
}

/** `#<column name>#` becomes `#fieldK#`, K the column's place among the fields. */
const fieldTemplate = (template: string, fieldNames: ReadonlyArray<string>): string =>
  fieldNames.reduce((t, name, k) => t.split(`#${name}#`).join(`#field${k + 1}#`), template)

type RowPreview = ReturnType<typeof previewWith>

/**
 * The template and the options, checked before any row: a template that cannot be used, and the options as
 * startbatch will check them, so a bad flag is refused before anything is sent, and in a dry run too.
 */
const checkSettings = (
  template: string,
  options: FlagOptions,
  previewOne: RowPreview,
  fields: number,
): E.Either<InvalidInput, void> => {
  const templateCheck = previewOne(template, [{ fields: Array.from({ length: fields }, () => '') }])
  if (
    E.isLeft(templateCheck) &&
    templateCheck.left.problems.some((p) => p.path === 'template' || p.path === 'maxParts')
  )
    return templateCheck
  const start = startbatch({ template, ...options })
  if (E.isLeft(start) && start.left._tag === 'InvalidInput') return E.left(start.left)
  return E.right(undefined)
}

/** Each row previewed on its own, so one bad row is reported and kept back rather than stopping the run. */
const sortRows = (rows: ReadonlyArray<Row>, template: string, previewOne: RowPreview) => {
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
  return { good, bad }
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
    return refuse(
      '--client-id',
      'names one message, and a bulk run sends one per row: leave it out (each item gets its own id from the gateway)',
    )
  const records = recordsOf(o.content)
  if (E.isLeft(records)) return records
  const [header, body] = records.right
  const numberIndex = numberColumnOf(header, o.numberColumn)
  if (E.isLeft(numberIndex)) return numberIndex
  const fieldColumns = header.map((h, i) => [h, i] as const).filter(([, i]) => i !== numberIndex.right)
  const template = fieldTemplate(
    o.template,
    fieldColumns.map(([name]) => name),
  )
  const rows: ReadonlyArray<Row> = body.map((values, i) => ({
    line: i + 2,
    values,
    to: values[numberIndex.right] ?? '',
    fields: fieldColumns.map(([, c]) => values[c] ?? ''),
  }))
  // Every message flag goes to the batch (startbatch checks them all); the preview reads encoding and maxParts.
  const options = optionsOf(o)
  const previewOne = previewWith(options)
  const settings = checkSettings(template, options, previewOne, fieldColumns.length)
  if (E.isLeft(settings)) return settings
  return E.right(planOf(o, header, rows, template, options, sortRows(rows, template, previewOne)))
}

/** The plan of the rows sorted: parts and cost of those that can go, and the preview document. */
const planOf = (
  o: BulkRun,
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<Row>,
  template: string,
  options: FlagOptions,
  { good, bad }: Pick<BulkPlan, 'good' | 'bad'>,
): BulkPlan => {
  const parts = good.reduce((s, r) => s + r.parts, 0)
  const cost = o.charge === undefined ? undefined : Math.round(parts * o.charge * 1e6) / 1e6
  return {
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
  }
}

/**
 * The lines of the preview: rows ready and invalid, parts, cost, and the first ten rows that cannot go.
 *
 * @category formatting
 * @since 0.1.0
 */
export const previewLines = (io: Io, plan: BulkPlan): ReadonlyArray<string> => {
  const { bad, cost, preview } = plan
  return [
    `${bold(io, 'Bulk preview')} ${plural(preview.rows, 'row')}: ${green(io, `${preview.ready} ready`)}, ${bad.length === 0 ? '0 invalid' : red(io, `${bad.length} invalid`)}; ${plural(plan.parts, 'part')}${cost === undefined ? '' : `, ${plural(cost, 'credit')}`}`,
    ...bad.slice(0, 10).map((b) => `  line ${b.row.line}: ${b.reason}`),
    ...(bad.length > 10 ? [`  ... and ${bad.length - 10} more`] : []),
  ]
}
