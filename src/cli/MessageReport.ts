/**
 * What a message costs, as `send` reports it before its outcomes: the encoding, the parts and the cost (with
 * `--charge`), a warning when a cheaper GSM-7 text exists, and with `--smart-encoding` the lossless
 * replacements made (typographic quotes, dashes, spaces: the ones `preview` lists as `typographic`; the lossy
 * ones, which change the spelling, are never made for you).
 *
 * @since 0.1.0
 */

import type { Problem } from '../core/errors.js'
import { countBytes } from '../core/text/Binary.js'
import { type Replaced as LosslessReplaced, type LosslessText, lossless } from '../core/text/Lossless.js'
import { bold, green, type Io, plural, yellow } from './Output.js'
import { type PreviewReport, preview } from './Preview.js'

/**
 * One character replaced by `--smart-encoding` (the core's `Lossless.Replaced`).
 *
 * @category model
 * @since 0.1.0
 */
export type Replaced = LosslessReplaced

/**
 * The text with every lossless (typographic) replacement made, and which they were (the core's `lossless`, which
 * the message option `smartEncoding` makes too).
 *
 * @example
 * import { smartText } from './MessageReport.js'
 * console.log(smartText('We’re open – ça va')) // { text: "We're open - ça va", replaced: [{ position: 2, char: '’', replacement: "'" }, { position: 11, char: '–', replacement: '-' }] }
 * @category constructors
 * @since 0.1.0
 */
export const smartText: (text: string) => LosslessText = lossless

/**
 * The report of a message as sent to `messages` recipients.
 *
 * @category model
 * @since 0.1.0
 */
export interface MessageReport {
  /** The text, or the hex of 8-bit content (`udh` then `data`). */
  readonly text: string
  readonly encoding: PreviewReport['encoding'] | 'binary'
  readonly units: number
  readonly unitName: PreviewReport['unitName'] | 'bytes'
  readonly parts: number
  /** What the gateway accepts but some networks may not (a sender id with punctuation); the send went ahead. */
  readonly warnings?: ReadonlyArray<Problem>
  /** The lossless replacements `--smart-encoding` made (absent without it). */
  readonly replaced?: ReadonlyArray<Replaced>
  /** A cheaper text the message could have been: GSM-7, or fewer parts. */
  readonly cheaper?: NonNullable<PreviewReport['suggestion']> & {
    /** Whether `--smart-encoding` would give it (it makes the lossless replacements only). */
    readonly smart: boolean
  }
  readonly cost?: {
    readonly perPart: number
    readonly perMessage: number
    readonly messages: number
    readonly total: number
  }
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6

// The cost of `messages` messages of `parts` parts each, with a charge per part; nothing without one.
const costOf = (charge: number | undefined, parts: number, messages: number): Pick<MessageReport, 'cost'> =>
  charge === undefined
    ? {}
    : {
        cost: {
          perPart: charge,
          perMessage: round(charge * parts),
          messages,
          total: round(charge * parts * messages),
        },
      }

/**
 * The report of `text` (as it will be sent) to `messages` recipients: its plan as `preview` makes it, and the
 * cost with a charge per part.
 *
 * @example
 * import { messageReport } from './MessageReport.js'
 * const r = messageReport(`We’re open ${'x'.repeat(140)}`, { charge: 0.8 }, 2)
 * console.log(r.encoding, r.parts, r.cost?.total, r.cheaper?.parts, r.cheaper?.smart) // 'ucs2' 3 4.8 1 true
 * @category constructors
 * @since 0.1.0
 */
export const messageReport = (
  text: string,
  options: { readonly ucs2?: boolean; readonly charge?: number; readonly replaced?: ReadonlyArray<Replaced> },
  messages: number,
): MessageReport => {
  const p = preview(text, options.ucs2 === true ? { ucs2: true } : {})
  const s = p.suggestion
  const charge = options.charge
  return {
    text,
    encoding: p.encoding,
    units: p.units,
    unitName: p.unitName,
    parts: p.parts,
    ...(options.replaced === undefined ? {} : { replaced: options.replaced }),
    ...(s === undefined ? {} : { cheaper: { ...s, smart: !s.lossy } }),
    ...costOf(charge, p.parts, messages),
  }
}

/**
 * The report of 8-bit content (`--udh`, `--data`) to `messages` recipients: its bytes and parts, and the cost
 * with a charge per part.
 *
 * @example
 * import { binaryReport } from './MessageReport.js'
 * const r = binaryReport({ udh: '0605040B8423F0', data: 'CAFE' }, { charge: 1 }, 1)
 * console.log(r.encoding, r.units, r.parts, r.cost?.total) // 'binary' 9 1 1
 * @category constructors
 * @since 0.1.0
 */
export const binaryReport = (
  content: { readonly udh?: string | undefined; readonly data?: string | undefined },
  options: { readonly charge?: number },
  messages: number,
): MessageReport => {
  const hex = `${content.udh ?? ''}${content.data ?? ''}`
  const c = countBytes(Math.floor(hex.length / 2))
  const charge = options.charge
  return {
    text: hex,
    encoding: 'binary',
    units: c.units,
    unitName: 'bytes',
    parts: c.parts,
    ...costOf(charge, c.parts, messages),
  }
}

/**
 * The warning lines of a report (`warning: from contains "." ...`), for standard error.
 *
 * @example
 * import { warningLines } from './MessageReport.js'
 * console.log(warningLines({ warnings: [{ path: 'from', message: 'contains "." at 2: ...' }] } as never)) // ['warning: from contains "." at 2: ...']
 * @category formatting
 * @since 0.1.0
 */
export const warningLines = (r: Pick<MessageReport, 'warnings'>): ReadonlyArray<string> =>
  (r.warnings ?? []).map((w) => `warning: ${w.path} ${w.message}`)

const encodingName = (io: Io, e: MessageReport['encoding']): string =>
  e === 'gsm7' ? green(io, 'GSM-7') : e === 'binary' ? green(io, '8-bit') : yellow(io, 'UCS-2')

/**
 * The readable lines of a report.
 *
 * @example
 * import { messageReport, reportLines } from './MessageReport.js'
 * const io = { color: false } as never
 * console.log(reportLines(io, messageReport('Hello', { charge: 1 }, 2)))
 * // ['Message   GSM-7, 1 part (5 septets)', 'Cost      1 part x 1 credit = 1 credit a message; 2 credits for 2 messages']
 * @category formatting
 * @since 0.1.0
 */
export const reportLines = (io: Io, r: MessageReport): ReadonlyArray<string> => [
  `${bold(io, 'Message')}   ${encodingName(io, r.encoding)}, ${plural(r.parts, 'part')} (${r.units} ${r.unitName})`,
  ...(r.replaced === undefined || r.replaced.length === 0
    ? []
    : [
        `${bold(io, 'Replaced')}  ${r.replaced.map((x) => `${JSON.stringify(x.char)} -> ${JSON.stringify(x.replacement)} at ${x.position}`).join(', ')} (--smart-encoding)`,
      ]),
  ...(r.cost === undefined
    ? []
    : [
        `${bold(io, 'Cost')}      ${plural(r.parts, 'part')} x ${plural(r.cost.perPart, 'credit')} = ${plural(r.cost.perMessage, 'credit')} a message${r.cost.messages === 1 ? '' : `; ${plural(r.cost.total, 'credit')} for ${r.cost.messages} messages`}`,
      ]),
]

/**
 * The warning of a message that a cheaper text would do, and how to get it; none when there is none.
 *
 * @example
 * import { cheaperWarning, messageReport } from './MessageReport.js'
 * console.log(cheaperWarning(messageReport(`We’re open ${'x'.repeat(140)}`, {}, 1)))
 * // "warning: a cheaper text exists: GSM-7 in 1 part instead of UCS-2 in 3; --smart-encoding makes it (lossless replacements), or see: clickatell preview"
 * @category formatting
 * @since 0.1.0
 */
export const cheaperWarning = (r: MessageReport): string | undefined => {
  const c = r.cheaper
  if (c === undefined) return undefined
  const name = (e: MessageReport['encoding']) => (e === 'gsm7' ? 'GSM-7' : 'UCS-2')
  const how = c.smart
    ? '--smart-encoding makes it (lossless replacements), or see: clickatell preview'
    : 'it changes the spelling, so it is not made for you: see clickatell preview'
  return `warning: a cheaper text exists: ${name(c.encoding)} in ${plural(c.parts, 'part')} instead of ${name(r.encoding)} in ${r.parts}; ${how}`
}
