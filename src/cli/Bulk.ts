/**
 * The plan of `clickatell bulk`, pure: personalised messages from a CSV. The header row names the number column
 * and the fields; the template uses `#<column name>#` (or `#fieldK#`, the K-th column that is not the number).
 * Every placeholder must name a column, and only the columns the template uses are read. Each row is checked
 * on its own (`checkRow`): it goes in the batch, or on its own as UCS-2 with `--allow-ucs2`, or not at all,
 * with the reason; `commands/bulk.ts` reads the file twice (a preview, then the send), a row at a time.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import { previewWith, substitute } from '../core/message/BatchTemplate.js'
import { Msisdn } from '../core/message/Msisdn.js'
import { startbatch } from '../core/request/UnboundBatch.js'
import { planWith, type WirePlan } from '../core/text/Charset.js'
import { GATEWAY_MAX_PARTS } from '../core/text/Parts.js'
import type { CsvRecord } from './Csv.js'
import { countryOf, type FlagOptions, type MessageFlags, optionsOf } from './Flags.js'
import { type Replaced, smartText } from './MessageReport.js'

/**
 * What a bulk run reads: the CSV's path, the template and the flags. Every message flag is passed on to the
 * batch (its options are those of each item).
 *
 * @category model
 * @since 0.1.0
 */
export interface BulkRun extends MessageFlags {
  readonly csv: string
  readonly template: string
  readonly numberColumn?: string
  readonly charge?: number
  readonly failures?: string
  readonly concurrency?: number
  readonly rate?: number
  /** Send the rows that need UCS-2 on their own, as UCS-2, rather than refuse them. */
  readonly allowUcs2?: boolean
}

/**
 * How the rows are read and what they make: the number column, the columns the template uses (field K is
 * `used[K - 1]`), the template in `#fieldK#` form (its lossless replacements made with `--smart-encoding`), and
 * the options of every message.
 *
 * @category model
 * @since 0.1.0
 */
export interface Layout {
  readonly header: ReadonlyArray<string>
  readonly numberIndex: number
  readonly used: ReadonlyArray<number>
  readonly template: string
  readonly replaced: ReadonlyArray<Replaced>
  readonly options: FlagOptions
  readonly smart: boolean
  readonly allowUcs2: boolean
  /** The parts the template itself takes (the least `concat` of the batch). */
  readonly templateParts: number
  /** Columns kept in a failures file: all but the `outcome` and `error` a failures file added. */
  readonly kept: number
  /** A row's number as sent: with `--country`, a national number gets the country code. */
  readonly international: (to: string) => string
}

const NUMBER_NAMES = ['number', 'msisdn', 'to', 'phone', 'mobile', 'cell', 'recipient']

const refuse = (path: string, message: string): E.Either<InvalidInput, never> =>
  E.left(invalidInput([{ path, message }]))

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

// A placeholder: `#`, a name that neither starts nor ends with a space, `#` (so "call #1 or #2" has none).
const PLACEHOLDER = /#([^\s#](?:[^#\n]*[^\s#])?)#/g

/**
 * The placeholders of a template, each once, in order of first use.
 *
 * @example
 * import { placeholdersOf } from './Bulk.js'
 * console.log(placeholdersOf('Hi #name#, #time# today; bye #name#. Call #1 or #2')) // ['name', 'time']
 * @category templates
 * @since 0.1.0
 */
export const placeholdersOf = (template: string): ReadonlyArray<string> => [
  ...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!)),
]

/** The column each placeholder names: by name, else `fieldK` the K-th column that is not the number. */
const columnsOf = (
  names: ReadonlyArray<string>,
  header: ReadonlyArray<string>,
  numberIndex: number,
): E.Either<InvalidInput, ReadonlyArray<number>> => {
  const others = header.map((_, i) => i).filter((i) => i !== numberIndex)
  const columns = names.map((name) => {
    const byName = header.indexOf(name)
    const k = /^field([1-9][0-9]*)$/.exec(name)
    return byName >= 0 ? byName : k !== null ? (others[Number(k[1]) - 1] ?? -1) : -1
  })
  const unknown = names.filter((_, i) => columns[i]! < 0)
  return unknown.length === 0
    ? E.right(columns)
    : E.left(
        invalidInput(
          unknown.map((name) => ({
            path: '--template',
            message: `#${name}# names no column; the columns are ${header.join(', ')} (nothing was sent)`,
          })),
        ),
      )
}

const why = (plan: WirePlan): string => {
  const o = plan.offenders[0]
  return o === undefined
    ? 'UCS-2 was asked for'
    : `${JSON.stringify(o.char)} at ${o.index} is ${o.problem === 'not-latin1' ? 'not ISO-8859-1' : 'not GSM-7'}`
}

/** The way forward for a text that needs UCS-2: the flags that would send it. */
const wayForward = (text: string, smart: boolean): string =>
  [
    ...(!smart &&
    smartText(text).replaced.length > 0 &&
    planWith({})(smartText(text).text).encoding === 'gsm7'
      ? ['--smart-encoding replaces its typographic characters']
      : []),
    '--allow-ucs2 sends such rows on their own as UCS-2',
  ].join('; or ')

/**
 * The template and the flags, checked before any row: every placeholder names a column, a template that must
 * travel as UCS-2 has no fields (unless `--allow-ucs2` sends every row on its own), and the options are what
 * startbatch accepts; so nothing wrong with them is found after something was sent.
 */
const settingsOf = (template: string, options: FlagOptions, allowUcs2: boolean) => {
  const plan = planWith({ encoding: options.encoding ?? 'auto' })(template)
  const withFields = placeholdersOf(template).length > 0
  if (plan.encoding === 'ucs2' && withFields && !allowUcs2 && options.encoding !== 'ucs2')
    return refuse(
      '--template',
      `must travel as UCS-2 (${why(plan)}), and a batch with fields travels as plain text: ${wayForward(template, false)}`,
    )
  const problems = previewWith(options)(plan.encoding === 'gsm7' ? template : 'x', [])
  if (E.isLeft(problems)) return problems
  const start = startbatch({ template: plan.encoding === 'gsm7' ? template : 'x', ...options })
  if (E.isLeft(start) && start.left._tag === 'InvalidInput') return E.left(start.left)
  return E.right(plan.count.parts)
}

/**
 * Reads the header and the template with the flags: the layout of every row, or everything wrong with them.
 *
 * @category constructors
 * @since 0.1.0
 */
export const layoutOf = (run: BulkRun, header: ReadonlyArray<string>): E.Either<InvalidInput, Layout> => {
  const numberIndex = numberColumnOf(header, run.numberColumn)
  if (E.isLeft(numberIndex)) return numberIndex
  const international = countryOf(run)
  if (E.isLeft(international)) return international
  const names = placeholdersOf(run.template)
  const used = columnsOf(names, header, numberIndex.right)
  if (E.isLeft(used)) return used
  // All at once: `#field2# #field1#` becomes `#field1# #field2#`, never `#field2# #field2#`.
  const fieldForm = run.template.replace(
    PLACEHOLDER,
    (_, name: string) => `#field${names.indexOf(name) + 1}#`,
  )
  const smart = run.smartEncoding === true
  const { text: template, replaced } = smart ? smartText(fieldForm) : { text: fieldForm, replaced: [] }
  const options = optionsOf(run)
  const allowUcs2 = run.allowUcs2 === true
  const settings = settingsOf(template, options, allowUcs2)
  if (E.isLeft(settings)) return settings
  const failed = header.length >= 2 && header.at(-2) === 'outcome' && header.at(-1) === 'error'
  return E.right({
    header,
    numberIndex: numberIndex.right,
    used: used.right,
    template,
    replaced,
    options,
    smart,
    allowUcs2,
    templateParts: settings.right,
    kept: failed ? header.length - 2 : header.length,
    international: international.right,
  })
}

/**
 * A row checked: `Batch` (an item of the batch), `Single` (sent on its own as UCS-2), or `Invalid` (not sent,
 * and why). `replaced` lists the lossless replacements `--smart-encoding` made in its fields.
 *
 * @category model
 * @since 0.1.0
 */
export type RowCheck =
  | {
      readonly _tag: 'Batch'
      readonly line: number
      readonly values: ReadonlyArray<string>
      readonly to: string
      readonly fields: ReadonlyArray<string>
      readonly parts: number
      readonly replaced: ReadonlyArray<Replaced>
    }
  | {
      readonly _tag: 'Single'
      readonly line: number
      readonly values: ReadonlyArray<string>
      readonly to: string
      readonly text: string
      readonly parts: number
      readonly replaced: ReadonlyArray<Replaced>
    }
  | {
      readonly _tag: 'Invalid'
      readonly line: number
      readonly values: ReadonlyArray<string>
      readonly to: string
      readonly reason: string
    }

/** The fields of a row the template uses, with the lossless replacements made when asked. */
const fieldsOf = (layout: Layout, values: ReadonlyArray<string>) => {
  const raw = layout.used.map((i) => values[i] ?? '')
  if (!layout.smart) return { fields: raw, replaced: [] }
  const made = raw.map(smartText)
  return { fields: made.map((m) => m.text), replaced: made.flatMap((m) => m.replaced) }
}

/**
 * Checks one row: its number, its text (the template with its fields), and how the text can go.
 *
 * @category constructors
 * @since 0.1.0
 */
export const checkRow = (layout: Layout) => {
  const previewOne = previewWith(layout.options)
  const planOf = planWith({ encoding: layout.options.encoding ?? 'auto' })
  const maxParts = layout.options.maxParts ?? GATEWAY_MAX_PARTS
  return (record: CsvRecord): RowCheck => {
    const { line, values } = record
    const to = layout.international(values[layout.numberIndex] ?? '')
    const number = E.isLeft(Msisdn.decode(to))
      ? [
          `number ${JSON.stringify(to)} is not an international number (digits only)${/^0[1-9]/.test(to) ? '; --country <code> gives national numbers their country code' : ''}`,
        ]
      : []
    const { fields, replaced } = fieldsOf(layout, values)
    const text = substitute(layout.template, fields)
    const plan = planOf(text)
    if (plan.encoding === 'ucs2') {
      const reasons = [
        ...number,
        ...(layout.allowUcs2 || layout.options.encoding === 'ucs2'
          ? []
          : [`needs UCS-2 (${why(plan)}): ${wayForward(text, layout.smart)}`]),
        ...(plan.count.parts > maxParts
          ? [`needs ${plan.count.parts} parts; at most ${maxParts} are allowed`]
          : []),
      ]
      return reasons.length > 0
        ? { _tag: 'Invalid', line, values, to, reason: reasons.join('; ') }
        : { _tag: 'Single', line, values, to, text, parts: plan.count.parts, replaced }
    }
    const p = previewOne(layout.template, [{ fields }])
    const reasons = [...number, ...(E.isLeft(p) ? p.left.problems.map((x) => x.message) : [])]
    return reasons.length > 0
      ? { _tag: 'Invalid', line, values, to, reason: reasons.join('; ') }
      : { _tag: 'Batch', line, values, to, fields, parts: plan.count.parts, replaced }
  }
}
