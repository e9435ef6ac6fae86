/**
 * The preview of a bulk run: the rows counted as they are checked (ready in the batch, ready on their own as
 * UCS-2, invalid with the first hundred reasons), the parts and cost, the `concat` the batch needs to carry its
 * longest row, and the replacements `--smart-encoding` made. Only counts are kept, so a file of any size is
 * previewed in little memory.
 *
 * @since 0.1.0
 */
import type { Layout, RowCheck } from './Bulk.js'
import type { Replaced } from './MessageReport.js'
import { bold, green, type Io, plural, red, yellow } from './Output.js'

/**
 * The rows that cannot go that the preview lists (the failures file has them all).
 *
 * @category data
 * @since 0.1.0
 */
export const LISTED = 100

/**
 * What the rows come to.
 *
 * @category model
 * @since 0.1.0
 */
export interface Tally {
  readonly rows: number
  readonly batch: { readonly rows: number; readonly parts: number; readonly longest: number }
  readonly single: { readonly rows: number; readonly parts: number }
  readonly invalid: {
    readonly rows: number
    readonly first: ReadonlyArray<{ readonly line: number; readonly to: string; readonly reason: string }>
  }
  /** The lossless replacements made in the rows' fields, and how many times each. */
  readonly replaced: ReadonlyArray<{
    readonly char: string
    readonly replacement: string
    readonly count: number
  }>
}

/**
 * A tally that rows are added to one at a time.
 *
 * @example
 * import { tally } from './BulkPreview.js'
 * const t = tally()
 * t.add({ _tag: 'Batch', line: 2, values: [], to: '447900000001', fields: [], parts: 2, replaced: [] })
 * console.log(t.result().batch) // { rows: 1, parts: 2, longest: 2 }
 * @category constructors
 * @since 0.1.0
 */
export const tally = () => {
  const batch = { rows: 0, parts: 0, longest: 0 }
  const single = { rows: 0, parts: 0 }
  const invalid = { rows: 0, first: [] as Array<{ line: number; to: string; reason: string }> }
  const replaced = new Map<string, { char: string; replacement: string; count: number }>()
  let rows = 0
  const count = (list: ReadonlyArray<Replaced>) => {
    for (const r of list) {
      const key = `${r.char}\u0000${r.replacement}`
      const seen = replaced.get(key) ?? { char: r.char, replacement: r.replacement, count: 0 }
      replaced.set(key, { ...seen, count: seen.count + 1 })
    }
  }
  return {
    add: (row: RowCheck): void => {
      rows++
      if (row._tag === 'Invalid') {
        invalid.rows++
        if (invalid.first.length < LISTED)
          invalid.first.push({ line: row.line, to: row.to, reason: row.reason })
        return
      }
      count(row.replaced)
      const into = row._tag === 'Batch' ? batch : single
      into.rows++
      into.parts += row.parts
      if (row._tag === 'Batch') batch.longest = Math.max(batch.longest, row.parts)
    },
    result: (): Tally => ({
      rows,
      batch: { ...batch },
      single: { ...single },
      invalid,
      replaced: [...replaced.values()],
    }),
  }
}

/**
 * The `concat` of the batch: `--max-parts` when given, else the parts of its longest text (the template's own
 * when longer), so the gateway never refuses a row the preview called ready (113).
 *
 * @category utils
 * @since 0.1.0
 */
export const concatOf = (layout: Layout, t: Tally): number =>
  layout.options.maxParts ?? Math.max(1, layout.templateParts, t.batch.longest)

/**
 * The preview, as printed with `--json` (`invalid` lists the first hundred rows that cannot go; `invalidRows`
 * counts them all).
 *
 * @category model
 * @since 0.1.0
 */
export interface BulkPreview {
  readonly rows: number
  readonly ready: number
  readonly invalidRows: number
  readonly invalid: Tally['invalid']['first']
  readonly parts: number
  readonly cost?: number
  readonly template: string
  readonly concat: number
  readonly ucs2: Tally['single']
  readonly replaced?: { readonly template: ReadonlyArray<Replaced>; readonly fields: Tally['replaced'] }
}

/**
 * The preview of a layout's rows.
 *
 * @category constructors
 * @since 0.1.0
 */
export const previewOf = (layout: Layout, t: Tally, charge: number | undefined): BulkPreview => {
  const parts = t.batch.parts + t.single.parts
  return {
    rows: t.rows,
    ready: t.batch.rows + t.single.rows,
    invalidRows: t.invalid.rows,
    invalid: t.invalid.first,
    parts,
    ...(charge === undefined ? {} : { cost: Math.round(parts * charge * 1e6) / 1e6 }),
    template: layout.template,
    concat: concatOf(layout, t),
    ucs2: t.single,
    ...(layout.smart ? { replaced: { template: layout.replaced, fields: t.replaced } } : {}),
  }
}

const replacedLine = (io: Io, r: NonNullable<BulkPreview['replaced']>): string => {
  const pair = (x: { char: string; replacement: string }) =>
    `${JSON.stringify(x.char)} -> ${JSON.stringify(x.replacement)}`
  const inTemplate = r.template.length === 0 ? [] : [`in the template ${r.template.map(pair).join(', ')}`]
  const inFields =
    r.fields.length === 0 ? [] : [`in the fields ${r.fields.map((x) => `${pair(x)} x${x.count}`).join(', ')}`]
  const what = [...inTemplate, ...inFields]
  return `  ${bold(io, 'Replaced')} ${what.length === 0 ? 'nothing' : what.join('; ')} (--smart-encoding)`
}

/**
 * The lines of the preview: rows ready and invalid, parts and cost; the rows sent on their own as UCS-2, the
 * replacements made, the batch's `concat` when it is over 1; then the first ten rows that cannot go.
 *
 * @category formatting
 * @since 0.1.0
 */
export const previewLines = (io: Io, p: BulkPreview): ReadonlyArray<string> => [
  `${bold(io, 'Bulk preview')} ${plural(p.rows, 'row')}: ${green(io, `${p.ready} ready`)}, ${p.invalidRows === 0 ? '0 invalid' : red(io, `${p.invalidRows} invalid`)}; ${plural(p.parts, 'part')}${p.cost === undefined ? '' : `, ${plural(p.cost, 'credit')}`}`,
  ...(p.ucs2.rows === 0
    ? []
    : [
        `  ${yellow(io, 'UCS-2')}    ${plural(p.ucs2.rows, 'row')} on their own (--allow-ucs2): ${plural(p.ucs2.parts, 'part')}`,
      ]),
  ...(p.replaced === undefined ? [] : [replacedLine(io, p.replaced)]),
  ...(p.concat > 1 ? [`  ${bold(io, 'Concat')}   up to ${p.concat} parts a message`] : []),
  ...p.invalid.slice(0, 10).map((b) => `  line ${b.line}: ${b.reason}`),
  ...(p.invalidRows > 10 ? [`  ... and ${p.invalidRows - 10} more`] : []),
]
