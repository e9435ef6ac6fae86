/**
 * Which wire encoding the gateway needs for a text, and why. Without `unicode=1` the gateway reads the `text`
 * bytes as ISO-8859-1 (docs/gateway.md, 'Text and form encoding'), so a text goes out as plain text only when
 * every character is in the GSM 03.38 tables AND in ISO-8859-1: `€` and the ten Greek capitals are GSM but
 * cannot travel that way, and make the message UCS-2. `plan` says which encoding, why, which characters are
 * to blame (with their positions and a GSM replacement where a natural one exists), and what the message
 * costs in that encoding.
 *
 * @since 0.1.0
 */
import * as O from 'fp-ts/lib/Option.js'
import { plainWidths, widths } from './Gsm7.js'
import { countPlain, countWith, type Encoding, type PartCount } from './Parts.js'
import { table } from './Replacements.js'

/**
 * A GSM-7 text that could stand for a character: `typographic` keeps the meaning, `lossy` changes the spelling.
 *
 * @category model
 * @since 0.1.0
 */
export interface Replacement {
  readonly text: string
  readonly kind: 'typographic' | 'lossy'
}

/**
 * A character that keeps a text from travelling as plain GSM-7: `not-gsm` (outside GSM 03.38), `not-latin1`
 * (GSM, but plain text travels as ISO-8859-1), or `lone-surrogate` (ill-formed UTF-16, which no encoding can
 * send). `index` is the UTF-16 index of the character in the text; `char` is the whole code point.
 *
 * @category model
 * @since 0.1.0
 */
export interface Offender {
  readonly index: number
  readonly char: string
  readonly codePoint: number
  readonly problem: 'not-gsm' | 'not-latin1' | 'lone-surrogate'
  readonly replacement: O.Option<Replacement>
}

/**
 * How a text goes out: `gsm7` means plain text, percent-encoded as ISO-8859-1 bytes; `ucs2` means UCS-2 hex with
 * `unicode=1`. `count` is what it costs in that encoding.
 *
 * @category model
 * @since 0.1.0
 */
export interface WirePlan {
  readonly encoding: Encoding
  readonly reason: 'gsm7' | 'not-gsm' | 'not-latin1' | 'forced'
  readonly offenders: ReadonlyArray<Offender>
  readonly count: PartCount
}

/**
 * Options for `planWith`: `encoding: 'ucs2'` forces UCS-2.
 *
 * @category model
 * @since 0.1.0
 */
export interface PlanOptions {
  readonly encoding?: 'auto' | 'ucs2'
}

const reasonOf = (offenders: ReadonlyArray<Offender>): 'not-gsm' | 'not-latin1' =>
  offenders.some((o) => o.problem !== 'not-latin1') ? 'not-gsm' : 'not-latin1'
const countUcs2 = countWith({ encoding: 'ucs2' })

const offendersOf = (text: string): Offender[] => {
  const out: Offender[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const cp = text.codePointAt(i)!
      out.push({
        index: i,
        char: text.slice(i, i + 2),
        codePoint: cp,
        problem: 'not-gsm',
        replacement: O.none,
      })
      i++
    } else if ((c & 0xf800) === 0xd800) {
      out.push({ index: i, char: text[i]!, codePoint: c, problem: 'lone-surrogate', replacement: O.none })
    } else if (plainWidths[c] === 0) {
      out.push({
        index: i,
        char: text[i]!,
        codePoint: c,
        problem: widths[c] === 0 ? 'not-gsm' : 'not-latin1',
        replacement: O.fromNullable(table.get(c)),
      })
    }
  }
  return out
}

/**
 * Plans with options (see `plan`).
 *
 * @example
 * import { Charset } from 'clickatell-fp'
 * const p = Charset.planWith({ encoding: 'ucs2' })('Hello')
 * console.log(p.encoding, p.reason, p.count.parts) // 'ucs2' 'forced' 1
 * @category planning
 * @since 0.1.0
 */
export const planWith =
  (options: PlanOptions) =>
  (text: string): WirePlan => {
    const forced = options.encoding === 'ucs2'
    if (!forced) {
      // One pass answers both questions for the common case: plain text, and what it costs.
      const count = countPlain(text)
      if (count.encoding === 'gsm7') return { encoding: 'gsm7', reason: 'gsm7', offenders: [], count }
      const offenders = offendersOf(text)
      return { encoding: 'ucs2', reason: reasonOf(offenders), offenders, count }
    }
    const offenders = offendersOf(text)
    return { encoding: 'ucs2', reason: 'forced', offenders, count: countUcs2(text) }
  }

/**
 * Which wire encoding a text needs, why, the characters to blame and the cost.
 *
 * @example
 * import { Charset } from 'clickatell-fp'
 * const p = Charset.plan('It’s 5€')
 * console.log(p.encoding, p.reason, p.offenders.map((o) => [o.index, o.char, o.problem]))
 * // 'ucs2' 'not-gsm' [[2, '’', 'not-gsm'], [6, '€', 'not-latin1']]
 * console.log(Charset.plan('Price: 5 EUR').encoding) // 'gsm7'
 * @category planning
 * @since 0.1.0
 */
export const plan: (text: string) => WirePlan = planWith({})

/**
 * A cheaper text: every offender that has a replacement replaced, the plan of the result, and what it saves.
 *
 * @category model
 * @since 0.1.0
 */
export interface Suggestion {
  readonly text: string
  readonly plan: WirePlan
  /** Characters replaced. */
  readonly replaced: number
  /** Parts saved: the original plan's parts minus the suggestion's. */
  readonly savedParts: number
  /** True when at least one replacement is lossy (changes the spelling). */
  readonly lossy: boolean
}

/**
 * Options for `suggestWith`: `lossy: true` also applies replacements that change the spelling.
 *
 * @category model
 * @since 0.1.0
 */
export interface SuggestOptions {
  readonly lossy?: boolean
}

/**
 * Suggests a cheaper text with options (see `suggest`).
 *
 * @example
 * import { Charset } from 'clickatell-fp'
 * import * as O from 'fp-ts/Option'
 * const s = Charset.suggestWith({ lossy: true })('Ça coûte 5€')
 * console.log(O.isSome(s) && s.value.text) // 'Ça coute 5EUR'
 * @category planning
 * @since 0.1.0
 */
export const suggestWith =
  (options: SuggestOptions) =>
  (text: string): O.Option<Suggestion> => {
    const before = plan(text)
    let out = ''
    let last = 0
    let replaced = 0
    let lossy = false
    for (const o of before.offenders) {
      if (O.isNone(o.replacement) || (o.replacement.value.kind === 'lossy' && options.lossy !== true))
        continue
      out += text.slice(last, o.index) + o.replacement.value.text
      last = o.index + o.char.length
      replaced++
      lossy = lossy || o.replacement.value.kind === 'lossy'
    }
    if (replaced === 0) return O.none
    const suggested = out + text.slice(last)
    const after = plan(suggested)
    return O.some({
      text: suggested,
      plan: after,
      replaced,
      savedParts: before.count.parts - after.count.parts,
      lossy,
    })
  }

/**
 * Suggests a cheaper text using only the replacements that keep the meaning (smart quotes, dashes, spaces,
 * ellipsis, Greek capitals that look Latin). A user who types a curly apostrophe sees that it triples the cost.
 *
 * @example
 * import { Charset } from 'clickatell-fp'
 * import * as O from 'fp-ts/Option'
 * const text = 'We’re open ' + 'x'.repeat(140)
 * const s = Charset.suggest(text)
 * console.log(Charset.plan(text).count.parts, O.isSome(s) && s.value.plan.count.parts) // 3 1
 * @category planning
 * @since 0.1.0
 */
export const suggest: (text: string) => O.Option<Suggestion> = suggestWith({})
