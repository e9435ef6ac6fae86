/**
 * `clickatell preview`: what a text costs before it is sent, as one report: the wire encoding and why, units,
 * parts, units per part and left in the last part, the text split into its parts with the size of each, the
 * characters that force UCS-2 with their positions, a cheaper GSM text when one exists and what it saves, the
 * `req_feat` that would be sent, and the cost.
 *
 * @since 0.1.0
 */
import * as O from 'fp-ts/lib/Option.js'
import type { Problem } from '../core/errors.js'
import { derive, type Feature, toMask } from '../core/message/Features.js'
import { of as warningsOf } from '../core/message/Warnings.js'
import { type Offender, planWith, type Suggestion, suggestWith, type WirePlan } from '../core/text/Charset.js'
import { check, countWith, type Encoding, splitWith } from '../core/text/Parts.js'
import { toHex } from '../core/text/Ucs2.js'
import { bold, dim, green, type Io, plural, red, yellow } from './Output.js'

/**
 * Options of a preview.
 *
 * @category model
 * @since 0.1.0
 */
export interface PreviewOptions {
  readonly ucs2?: boolean
  readonly from?: string
  readonly maxParts?: number
  readonly callback?: number
  /** Credits per part, given by the user or answered by routecoverage. */
  readonly charge?: number
  readonly chargeSource?: 'given' | 'gateway'
}

/**
 * The report, as printed with `--json`.
 *
 * @category model
 * @since 0.1.0
 */
export interface PreviewReport {
  readonly text: string
  readonly encoding: Encoding
  readonly wire: 'ISO-8859-1 text' | 'UCS-2 hex (unicode=1)'
  readonly reason: WirePlan['reason']
  readonly units: number
  readonly unitName: 'septets' | 'UTF-16 units'
  readonly parts: number
  readonly perPart: number
  readonly remaining: number
  /** The text of each part, in order, and the units it takes (`split.map((p) => p.text).join('')` is the text). */
  readonly split: ReadonlyArray<{ readonly text: string; readonly units: number }>
  readonly tooLong?: { readonly parts: number; readonly limit: number }
  readonly offenders: ReadonlyArray<{
    readonly position: number
    readonly char: string
    readonly codePoint: string
    readonly problem: Offender['problem']
    readonly replacement?: string
    readonly kind?: 'typographic' | 'lossy'
  }>
  readonly suggestion?: {
    readonly text: string
    readonly encoding: Encoding
    readonly parts: number
    readonly savedParts: number
    readonly lossy: boolean
  }
  readonly hex?: string
  readonly reqFeat: { readonly mask: number; readonly features: ReadonlyArray<Feature> }
  /** What some networks may not carry (a sender id with punctuation); absent when there is nothing. */
  readonly warnings?: ReadonlyArray<Problem>
  readonly cost?: { readonly perPart: number; readonly total: number; readonly source: 'given' | 'gateway' }
}

const hexCode = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

const suggestionOf = (s: O.Option<Suggestion>): PreviewReport['suggestion'] =>
  O.isSome(s)
    ? {
        text: s.value.text,
        encoding: s.value.plan.encoding,
        parts: s.value.plan.count.parts,
        savedParts: s.value.savedParts,
        lossy: s.value.lossy,
      }
    : undefined

type Suggested = NonNullable<PreviewReport['suggestion']>

// The best suggestion: most parts saved, then one that makes the text GSM-7, then one that keeps the spelling.
const score = (x: Suggested) => x.savedParts * 4 + (x.encoding === 'gsm7' ? 2 : 0) + (x.lossy ? 0 : 1)

/** The best cheaper text, shown only when it saves parts or turns the message into GSM-7 (more room per part). */
const bestSuggestion = (text: string): Suggested | undefined => {
  const candidates = [
    suggestionOf(suggestWith({})(text)),
    suggestionOf(suggestWith({ lossy: true })(text)),
  ].filter((x): x is Suggested => x !== undefined && (x.savedParts > 0 || x.encoding === 'gsm7'))
  return candidates.length === 0
    ? undefined
    : candidates.reduce((best, x) => (score(x) > score(best) ? x : best))
}

/** The parts of a text in the encoding it travels in, with their sizes. */
const partsOf = (text: string, encoding: Encoding): PreviewReport['split'] => {
  const options = { encoding: encoding === 'ucs2' ? ('ucs2' as const) : ('auto' as const) }
  const units = countWith(options)
  return splitWith(options)(text).map((part) => ({ text: part, units: units(part).units }))
}

/**
 * Builds the report.
 *
 * @example
 * import { preview } from './Preview.js'
 * const r = preview('Hello [world]', { charge: 0.5 })
 * console.log(r.encoding, r.units, r.parts, r.cost) // 'gsm7' 15 1 { perPart: 0.5, total: 0.5, source: 'given' }
 * @category constructors
 * @since 0.1.0
 */
export const preview = (text: string, options: PreviewOptions = {}): PreviewReport => {
  const plan = planWith({ encoding: options.ucs2 === true ? 'ucs2' : 'auto' })(text)
  const c = plan.count
  const checked = check(options.maxParts)(c)
  const suggestion = options.ucs2 === true ? undefined : bestSuggestion(text)
  const features = derive({
    encoding: plan.encoding,
    parts: c.parts,
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.callback === undefined ? {} : { callback: options.callback }),
  })
  const charge = options.charge
  const warnings = warningsOf(options)
  return {
    text,
    encoding: plan.encoding,
    wire: plan.encoding === 'gsm7' ? 'ISO-8859-1 text' : 'UCS-2 hex (unicode=1)',
    reason: plan.reason,
    units: c.units,
    unitName: plan.encoding === 'gsm7' ? 'septets' : 'UTF-16 units',
    parts: c.parts,
    perPart: c.perPart,
    remaining: c.remaining,
    split: partsOf(text, plan.encoding),
    ...(checked._tag === 'Left' && checked.left._tag === 'MessageTooLong'
      ? { tooLong: { parts: checked.left.parts, limit: checked.left.limit } }
      : {}),
    offenders: plan.offenders.map((o) => ({
      position: o.index,
      char: o.char,
      codePoint: hexCode(o.codePoint),
      problem: o.problem,
      ...(O.isSome(o.replacement)
        ? { replacement: o.replacement.value.text, kind: o.replacement.value.kind }
        : {}),
    })),
    ...(suggestion === undefined ? {} : { suggestion }),
    ...(plan.encoding === 'ucs2' ? { hex: toHex(text) } : {}),
    reqFeat: { mask: toMask(features), features: [...features] },
    ...(warnings.length === 0 ? {} : { warnings }),
    ...(charge === undefined
      ? {}
      : {
          cost: {
            perPart: charge,
            total: Math.round(charge * c.parts * 1e6) / 1e6,
            source: options.chargeSource ?? 'given',
          },
        }),
  }
}

const why: Record<WirePlan['reason'], string> = {
  gsm7: 'every character is GSM 03.38 and ISO-8859-1',
  'not-gsm': 'some characters are not in GSM 03.38',
  'not-latin1': 'the gateway reads plain text as ISO-8859-1, which cannot carry € or Greek capitals',
  forced: 'UCS-2 was asked for',
}

/**
 * The readable lines of a report.
 *
 * @category formatting
 * @since 0.1.0
 */
export const render = (io: Io, r: PreviewReport): ReadonlyArray<string> => {
  const lines: string[] = []
  const enc = r.encoding === 'gsm7' ? green(io, 'GSM-7') : yellow(io, 'UCS-2')
  lines.push(`${bold(io, 'Encoding')}  ${enc}, sent as ${r.wire}: ${why[r.reason]}`)
  lines.push(
    `${bold(io, 'Length')}    ${r.units} ${r.unitName} in ${r.parts} part${r.parts === 1 ? '' : 's'} of ${r.perPart}; ${r.remaining} left in the last part`,
  )
  if (r.split.length > 1)
    for (const [i, p] of r.split.entries())
      lines.push(
        `${i === 0 ? bold(io, 'Parts') : '     '}     ${String(i + 1).padStart(2)}: ${String(p.units).padStart(3)} ${dim(io, r.unitName)}  ${JSON.stringify(p.text)}`,
      )
  if (r.tooLong !== undefined)
    lines.push(
      red(
        io,
        `Too long    needs ${r.tooLong.parts} parts, but at most ${r.tooLong.limit} are allowed (--max-parts)`,
      ),
    )
  if (r.offenders.length > 0) {
    lines.push(bold(io, 'Forces UCS-2'))
    const shown = r.offenders.slice(0, 20)
    for (const o of shown)
      lines.push(
        `  position ${String(o.position).padStart(4)}: ${JSON.stringify(o.char)} ${o.codePoint} ${dim(io, o.problem)}${o.replacement === undefined ? '' : ` -> ${JSON.stringify(o.replacement)} (${o.kind})`}`,
      )
    if (r.offenders.length > shown.length) lines.push(`  ... and ${r.offenders.length - shown.length} more`)
  }
  if (r.suggestion !== undefined) {
    const s = r.suggestion
    lines.push(
      `${bold(io, 'Cheaper')}   ${s.encoding === 'gsm7' ? 'GSM-7' : 'UCS-2'}, ${s.parts} part${s.parts === 1 ? '' : 's'}${s.savedParts > 0 ? green(io, ` (saves ${s.savedParts} part${s.savedParts === 1 ? '' : 's'})`) : ''}${s.lossy ? ' (changes spelling)' : ''}:`,
    )
    lines.push(`  ${s.text}`)
  }
  if (r.hex !== undefined)
    lines.push(`${bold(io, 'UCS-2 hex')} ${r.hex.length > 120 ? `${r.hex.slice(0, 120)}...` : r.hex}`)
  lines.push(`${bold(io, 'req_feat')}  ${r.reqFeat.mask} (${r.reqFeat.features.join(' + ') || 'none'})`)
  for (const w of r.warnings ?? []) lines.push(yellow(io, `Warning   ${w.path} ${w.message}`))
  if (r.cost !== undefined)
    lines.push(
      `${bold(io, 'Cost')}      ${plural(r.parts, 'part')} x ${plural(r.cost.perPart, 'credit')} = ${plural(r.cost.total, 'credit')}${r.cost.source === 'gateway' ? ' (charge per part from routecoverage)' : ''}`,
    )
  return lines
}
