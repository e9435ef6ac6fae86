// What the preview shows for one state of the form, as plain data: every figure comes from the library's
// browser-safe core, and nothing here touches the DOM, so main.ts only renders.
import * as O from 'fp-ts/lib/Option.js'
import { Sender } from '../../src/core/message/IdCodecs.js'
import { Charset, Features, type InvalidInput, type MessageTooLong, Parts, Ucs2 } from '../../src/index.js'

/** The form as typed: numbers stay strings until read here, so an empty or odd field is a state, not a crash. */
export interface Inputs {
  readonly text: string
  readonly maxParts: string
  readonly sender: string
  readonly charge: string
  readonly lossy: boolean
}

/** One character that forces UCS-2, with what replacing only it would save. */
export interface OffenderView {
  readonly offender: Charset.Offender
  /** The replacement the page offers: typographic always, lossy only when the box is ticked. */
  readonly replacement: O.Option<Charset.Replacement>
  readonly savedParts: number
}

/** One part as the gateway splits the text: its text, the units it takes, and the most a part of this message holds. */
export interface PartView {
  readonly text: string
  readonly units: number
  readonly capacity: number
  /** The word cut by the boundary after this part, as `wor|d`: its start ends this part, its end opens the next. */
  readonly cut: O.Option<string>
}

/** The page's figures. */
export interface Preview {
  readonly plan: Charset.WirePlan
  readonly unitName: 'septets' | 'UTF-16 units'
  /** `Parts.check` against the maximum: the count, or why it is refused. */
  readonly limit:
    | { readonly ok: true }
    | { readonly ok: false; readonly error: InvalidInput | MessageTooLong }
  /** The `text` value with `unicode=1`, or none for plain text. */
  readonly hex: O.Option<string>
  readonly features: ReadonlyArray<Features.Feature>
  readonly reqFeat: number
  /** Why the encoder would refuse the sender (`IdCodecs.Sender`), if it would. */
  readonly senderProblem: O.Option<string>
  /** Parts times the charge per part; none while the charge is not a number. */
  readonly cost: O.Option<number>
  readonly offenders: ReadonlyArray<OffenderView>
  /** Every offered replacement at once (`Charset.suggestWith`). */
  readonly suggestion: O.Option<Charset.Suggestion>
  /** The first `PARTS_LISTED` parts (`Parts.splitWith` in the encoding the text travels in). */
  readonly split: ReadonlyArray<PartView>
}

/** Parts listed one by one (the gateway's maximum; a longer text is refused anyway). */
export const PARTS_LISTED = Parts.GATEWAY_MAX_PARTS

const WORD_END = /[^\s]+$/u
const WORD_START = /^[^\s]+/u

/** The parts of the text in the encoding the plan chose (as the CLI's `preview` shows them), with their sizes. */
export const partsOf = (text: string, plan: Charset.WirePlan): ReadonlyArray<PartView> => {
  const options = { encoding: plan.encoding === 'ucs2' ? ('ucs2' as const) : ('auto' as const) }
  const units = Parts.countWith(options)
  const parts = Parts.splitWith(options)(text)
  return parts.slice(0, PARTS_LISTED).map((part, i) => {
    const end = WORD_END.exec(part)?.[0]
    const start = WORD_START.exec(parts[i + 1] ?? '')?.[0]
    return {
      text: part,
      units: units(part).units,
      capacity: plan.count.perPart,
      cut: end !== undefined && start !== undefined ? O.some(`${end}|${start}`) : O.none,
    }
  })
}

/** Offenders listed one by one; a pasted novel in Cyrillic would otherwise build thousands of rows per key. */
export const LISTED = 100

const offered = (o: Charset.Offender, lossy: boolean): O.Option<Charset.Replacement> =>
  O.isSome(o.replacement) && (o.replacement.value.kind === 'typographic' || lossy) ? o.replacement : O.none

/** The text with one character replaced. */
export const replaceAt = (text: string, index: number, char: string, by: string): string =>
  text.slice(0, index) + by + text.slice(index + char.length)

const viewOf =
  (text: string, parts: number, lossy: boolean) =>
  (o: Charset.Offender): OffenderView => {
    const replacement = offered(o, lossy)
    return {
      offender: o,
      replacement,
      savedParts: O.isSome(replacement)
        ? parts - Charset.plan(replaceAt(text, o.index, o.char, replacement.value.text)).count.parts
        : 0,
    }
  }

/** An empty field means the gateway's maximum; anything else goes to `Parts.check` as typed. */
const maxPartsOf = (field: string): number =>
  field.trim() === '' ? Parts.GATEWAY_MAX_PARTS : Number(field.trim())

const costOf = (parts: number, field: string): O.Option<number> => {
  const charge = Number(field.trim())
  // Rounded to micro-units so 3 x 0.1 reads 0.3.
  return field.trim() === '' || !Number.isFinite(charge) || charge < 0
    ? O.none
    : O.some(Math.round(parts * charge * 1e6) / 1e6)
}

const senderProblemOf = (sender: string): O.Option<string> => {
  if (sender === '') return O.none
  const decoded = Sender.decode(sender)
  return decoded._tag === 'Right' ? O.none : O.some(decoded.left[0]?.message ?? 'is not a valid sender id')
}

/** Everything the page shows for a state of the form. */
export const preview = (inputs: Inputs): Preview => {
  const { text, lossy } = inputs
  const plan = Charset.plan(text)
  const { parts } = plan.count
  const checked = Parts.check(maxPartsOf(inputs.maxParts))(plan.count)
  const features = Features.derive({
    from: inputs.sender === '' ? undefined : inputs.sender,
    encoding: plan.encoding,
    parts,
  })
  return {
    plan,
    unitName: plan.encoding === 'gsm7' ? 'septets' : 'UTF-16 units',
    limit: checked._tag === 'Right' ? { ok: true } : { ok: false, error: checked.left },
    hex: plan.encoding === 'ucs2' ? O.some(Ucs2.toHex(text)) : O.none,
    features: [...features],
    reqFeat: Features.toMask(features),
    senderProblem: senderProblemOf(inputs.sender),
    cost: costOf(parts, inputs.charge),
    offenders: plan.offenders.slice(0, LISTED).map(viewOf(text, parts, lossy)),
    suggestion: Charset.suggestWith({ lossy })(text),
    split: partsOf(text, plan),
  }
}

/** How many units must go for the text to fit `limit` parts: a floor, since an escape or surrogate pair that
 * would straddle a boundary moves whole. */
export const excessUnits = (e: MessageTooLong): number => {
  const layout = e.encoding === 'binary' ? undefined : Parts.limits[e.encoding]
  const capacity =
    layout === undefined ? e.limit * e.perPart : e.limit === 1 ? layout.single : e.limit * e.perPart
  return Math.max(0, e.units - capacity)
}
