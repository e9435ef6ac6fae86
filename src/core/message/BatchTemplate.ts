/**
 * Batch templates (specification section 7): the `#field1#`..`#fieldN#` a template uses, the text an item
 * becomes, and `preview`, which shows before anything is sent the text and cost of each item.
 *
 * A batch whose template must travel as UCS-2 cannot substitute fields (section 5.2.14: "it is not possible to
 * substitute variables into the message content"), so such a template with fields is refused, and so is an
 * item whose fields would make its text need UCS-2.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  type InvalidInput,
  invalidInput,
  type MessageTooLong,
  messageTooLong,
  type Problem,
} from '../errors.js'
import { type BinaryCount, checkBytes } from '../text/Binary.js'
import { planWith, type WirePlan } from '../text/Charset.js'
import { GATEWAY_MAX_PARTS } from '../text/Parts.js'
import { FieldValue, MessageText, TextEncoding } from './ContentCodecs.js'
import { MaxParts } from './NumberCodecs.js'
import { checked, describe, fromProblems, gather, listOf, problemsOf } from './Validation.js'

/**
 * A list of batch field values, each a problem of its own at `<path>.<index>`.
 *
 * @example
 * import * as BatchTemplate from './BatchTemplate.js'
 * console.log(BatchTemplate.FieldList.is(['Joe', '$150']), BatchTemplate.FieldList.is(['Ωmega'])) // true false
 * @category codecs
 * @since 0.1.0
 */
export const FieldList = listOf(FieldValue, { what: 'field values (strings)' })

const PLACEHOLDER = /#field([1-9][0-9]*)#/g

/**
 * The field numbers a template uses, ascending, each once.
 *
 * @example
 * import * as Batch from './BatchTemplate.js'
 * console.log(Batch.placeholders('Hi #field1#, your balance is #field2#. Bye #field1#')) // [1, 2]
 * @category templates
 * @since 0.1.0
 */
export const placeholders = (template: string): ReadonlyArray<number> =>
  [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => Number(m[1])))].sort((a, b) => a - b)

/**
 * The template with each `#fieldN#` replaced by `fields[N - 1]` (by `''` when there is none), as the gateway
 * merges it.
 *
 * @example
 * import * as Batch from './BatchTemplate.js'
 * console.log(Batch.substitute('Hi #field1#, see you at #field2#.', ['Fred', '10:30'])) // 'Hi Fred, see you at 10:30.'
 * @category templates
 * @since 0.1.0
 */
export const substitute = (template: string, values: ReadonlyArray<string>): string =>
  template.replace(PLACEHOLDER, (_, n: string) => values[Number(n) - 1] ?? '')

const why = (plan: WirePlan): string => {
  if (plan.reason === 'forced') return "encoding 'ucs2' was asked for"
  const o = plan.offenders[0]!
  return `${JSON.stringify(o.char)} at ${o.index} is ${o.problem === 'not-latin1' ? 'not ISO-8859-1' : 'not GSM-7'}`
}

/**
 * The problem of a text that must travel as UCS-2 but uses `#fieldN#`: a Unicode batch cannot substitute.
 *
 * @example
 * import { planWith } from '../text/Charset.js'
 * import * as BatchTemplate from './BatchTemplate.js'
 * console.log(BatchTemplate.unicodeWithFields('template', planWith({})('Ω #field1#')).path) // 'template'
 * @category templates
 * @since 0.1.0
 */
export const unicodeWithFields = (path: string, plan: WirePlan): Problem => ({
  path,
  message: `must travel as UCS-2 (${why(plan)}) but uses #fieldN#: a Unicode batch cannot substitute fields (specification section 5.2.14)`,
})

/**
 * One item as it would arrive: its text and its plan (encoding, offenders, parts).
 *
 * @category model
 * @since 0.1.0
 */
export interface ItemPreview {
  readonly text: string
  readonly plan: WirePlan
}

/**
 * Options for `previewWith`: the batch's `encoding` and `maxParts` (default 35).
 *
 * @category model
 * @since 0.1.0
 */
export interface PreviewOptions {
  readonly encoding?: 'auto' | 'ucs2'
  readonly maxParts?: number
}

// A value through a codec at a path, its failures as InvalidInput.
const validateAt = <A>(
  codec: t.Decoder<unknown, A>,
  path: string,
  value: unknown,
): E.Either<InvalidInput, A> =>
  E.mapLeft((e: t.Errors) => invalidInput(problemsOf(e)))(
    codec.validate(value, [{ key: path, type: t.unknown, actual: value }]),
  )

const readFields = (item: unknown, path: string): E.Either<InvalidInput, ReadonlyArray<string>> => {
  try {
    if (item === null || typeof item !== 'object')
      return E.left(invalidInput([{ path, message: `must be an item with fields; got ${describe(item)}` }]))
    const values: unknown = (item as { readonly fields?: unknown }).fields
    return values === undefined ? E.right([]) : validateAt(FieldList, `${path}.fields`, values)
  } catch {
    return E.left(invalidInput([{ path, message: 'could not be read' }]))
  }
}

// One item of a preview: its text and plan, and its problems (too few values, UCS-2 with fields, too long).
const itemCheck =
  (batch: {
    readonly text: string
    readonly highest: number
    readonly withFields: boolean
    readonly maxParts: number
    readonly planOf: (text: string) => WirePlan
  }) =>
  (
    item: unknown,
    path: string,
  ): { readonly problems: ReadonlyArray<Problem>; readonly preview?: ItemPreview } => {
    const values = readFields(item, path)
    if (E.isLeft(values)) return { problems: values.left.problems }
    const problems: Problem[] = []
    const n = values.right.length
    if (n < batch.highest)
      problems.push({
        path: `${path}.fields`,
        message: `has ${n} value${n === 1 ? '' : 's'}; the template uses #field${batch.highest}#`,
      })
    const merged = substitute(batch.text, values.right)
    const plan = batch.planOf(merged)
    if (plan.encoding === 'ucs2' && batch.withFields)
      problems.push({
        path,
        message: `would need UCS-2 (${why(plan)}), but a batch with fields travels as plain text: the gateway would change or drop it`,
      })
    else if (plan.count.parts > batch.maxParts)
      problems.push({
        path,
        message: `needs ${plan.count.parts} parts; at most ${batch.maxParts} ${batch.maxParts === 1 ? 'is' : 'are'} allowed`,
      })
    return { problems, preview: { text: merged, plan } }
  }

/**
 * Previews with options (see `preview`).
 *
 * @example
 * import * as Batch from './BatchTemplate.js'
 * const r = Batch.previewWith({ maxParts: 1 })('Hi #field1#', [{ fields: ['x'.repeat(200)] }])
 * console.log(r._tag === 'Left' && r.left.problems) // [{ path: 'items.0', message: 'needs 2 parts; at most 1 is allowed' }]
 * @category templates
 * @since 0.1.0
 */
export const previewWith = (options: PreviewOptions) => {
  // The options are checked once; their problems still come first, before the template's.
  const encodingChecked = validateAt(TextEncoding, 'encoding', options.encoding ?? 'auto')
  const maxPartsChecked = validateAt(MaxParts, 'maxParts', options.maxParts ?? GATEWAY_MAX_PARTS)
  // Never used when the encoding is refused: every preview is then that refusal.
  const planOf = planWith({ encoding: E.isRight(encodingChecked) ? encodingChecked.right : 'auto' })
  return (
    template: string,
    items: ReadonlyArray<{ readonly fields?: ReadonlyArray<string> }>,
  ): E.Either<InvalidInput, ReadonlyArray<ItemPreview>> => {
    const settings = gather(encodingChecked, maxPartsChecked, validateAt(MessageText, 'template', template))
    if (E.isLeft(settings)) return settings
    const [, maxParts, text] = settings.right
    const uses = placeholders(text)
    const highest = uses[uses.length - 1] ?? 0
    const templatePlan = planOf(text)
    if (templatePlan.encoding === 'ucs2' && uses.length > 0)
      return E.left(invalidInput([unicodeWithFields('template', templatePlan)]))
    if (!Array.isArray(items))
      return E.left(
        invalidInput([{ path: 'items', message: `must be a list of items; got ${describe(items)}` }]),
      )
    const problems: Problem[] = []
    const out: ItemPreview[] = []
    const check = itemCheck({ text, highest, withFields: uses.length > 0, maxParts, planOf })
    items.forEach((item: unknown, i) => {
      const r = check(item, `items.${i}`)
      problems.push(...r.problems)
      if (r.preview !== undefined) out.push(r.preview)
    })
    return fromProblems(problems, () => out)
  }
}

/**
 * The text and cost of each item of a batch, before anything is sent: `#fieldN#` replaced by the item's values,
 * each text planned (`Charset.plan`). Lists every problem: a template that must travel as UCS-2 but has fields,
 * an item with fewer values than the template uses, an item whose values would need UCS-2, an item over 35
 * parts.
 *
 * @example
 * import * as Batch from './BatchTemplate.js'
 * import * as E from 'fp-ts/Either'
 * const r = Batch.preview("Hi #field1#, your doctor's appointment is at #field2# tomorrow.", [
 *   { fields: ['Fred', '10:30'] },
 *   { fields: ['Jane', '14:00'] },
 * ])
 * console.log(E.isRight(r) && r.right.map((i) => [i.text, i.plan.count.parts]))
 * // [["Hi Fred, your doctor's appointment is at 10:30 tomorrow.", 1], ["Hi Jane, your doctor's appointment is at 14:00 tomorrow.", 1]]
 * @category templates
 * @since 0.1.0
 */
export const preview: (
  template: string,
  items: ReadonlyArray<{ readonly fields?: ReadonlyArray<string> }>,
) => E.Either<InvalidInput, ReadonlyArray<ItemPreview>> = previewWith({})

/**
 * What a started batch is, for checking its items before they are sent: the template as given, its encoding
 * choice, and the `concat` its `startbatch` sent (1 when it sent none). The client's `startBatch` answers it
 * beside the batch id.
 *
 * @category model
 * @since 0.1.0
 */
export interface BatchPlan {
  /** The template as given; for an 8-bit batch, its content as hex (`data`). */
  readonly template: string
  /** `binary` for an 8-bit batch (`udh`/`data`), whose items are counted in bytes. */
  readonly encoding: 'auto' | 'ucs2' | 'binary'
  readonly concat: number
  /** An 8-bit batch's user data header (hex), which travels in the same 140 bytes a part. */
  readonly udh?: string
}

/**
 * One item of an 8-bit batch as it would arrive: its content as hex and what it costs in bytes.
 *
 * @category model
 * @since 0.1.0
 */
export interface BinaryItemPreview {
  readonly data: string
  readonly count: BinaryCount
}

/**
 * A `BatchPlan` as given back by a caller: checked for its shape, since it is not sent.
 *
 * @example
 * import * as BatchTemplate from './BatchTemplate.js'
 * console.log(BatchTemplate.BatchPlan.is({ template: 'Hi #field1#', encoding: 'auto', concat: 2 }), BatchTemplate.BatchPlan.is({ template: 'x' })) // true false
 * @category codecs
 * @since 0.1.0
 */
export const BatchPlan = checked<BatchPlan>('BatchPlan', (u) => {
  const p = u as Partial<Record<keyof BatchPlan, unknown>> | null
  return typeof p === 'object' &&
    p !== null &&
    typeof p.template === 'string' &&
    (p.encoding === 'auto' || p.encoding === 'ucs2' || p.encoding === 'binary') &&
    MaxParts.is(p.concat) &&
    (p.udh === undefined || (p.encoding === 'binary' && typeof p.udh === 'string'))
    ? undefined
    : `must be the plan startBatch answered ({ template, encoding, concat, udh? }); got ${describe(u)}`
})

/**
 * Checks one item of an 8-bit batch: it has no `#fieldN#` to fill (its content is hex), so values are refused,
 * and its bytes, the `udh` included, must fit the batch's `concat` (1 with a `udh` of the caller's own, which
 * leaves no room for a concatenation header); else `MessageTooLong`, as the gateway would answer 113.
 *
 * @example
 * import * as BatchTemplate from './BatchTemplate.js'
 * const plan = { template: '00'.repeat(141), encoding: 'binary', concat: 1 } as const
 * const r = BatchTemplate.checkBinaryItem(plan)([], 'fields')
 * console.log(r._tag === 'Left' && r.left) // { _tag: 'MessageTooLong', encoding: 'binary', units: 141, parts: 2, limit: 1, perPart: 134 }
 * @category templates
 * @since 0.1.0
 */
export const checkBinaryItem =
  (plan: BatchPlan) =>
  (
    values: ReadonlyArray<string>,
    path: string,
  ): E.Either<InvalidInput | MessageTooLong, BinaryItemPreview> => {
    if (values.length > 0)
      return E.left(
        invalidInput([
          { path, message: 'an 8-bit batch has no #fieldN#: its content is data (hex), sent as it is' },
        ]),
      )
    // A udh of the caller's own leaves no room for a concatenation header: one part in all.
    const limit = plan.udh === undefined ? plan.concat : 1
    return E.map((count: BinaryCount) => ({ data: plan.template, count }))(
      checkBytes(limit)(((plan.udh ?? '').length + plan.template.length) / 2),
    )
  }

/**
 * Checks one item against its batch before it is sent: the text it becomes must fit the batch's `concat`
 * (else `MessageTooLong` with the numbers; the gateway would answer 113), and must not need UCS-2 when the
 * template has fields (`InvalidInput` at `path`).
 *
 * @example
 * import * as BatchTemplate from './BatchTemplate.js'
 * const plan = { template: 'Hi #field1#', encoding: 'auto', concat: 1 } as const
 * console.log(BatchTemplate.checkItem(plan)(['Fred'], 'fields')._tag) // 'Right'
 * const r = BatchTemplate.checkItem(plan)(['x'.repeat(200)], 'fields')
 * console.log(r._tag === 'Left' && r.left) // { _tag: 'MessageTooLong', encoding: 'gsm7', units: 203, parts: 2, limit: 1, perPart: 153 }
 * @category templates
 * @since 0.1.0
 */
export const checkItem =
  (plan: BatchPlan) =>
  (
    values: ReadonlyArray<string>,
    path: string,
  ): E.Either<InvalidInput | MessageTooLong, ItemPreview | BinaryItemPreview> => {
    if (plan.encoding === 'binary') return checkBinaryItem(plan)(values, path)
    const withFields = placeholders(plan.template).length > 0
    const text = withFields ? substitute(plan.template, values) : plan.template
    const planned = planWith({ encoding: plan.encoding })(text)
    if (planned.encoding === 'ucs2' && withFields)
      return E.left(
        invalidInput([
          {
            path,
            message: `would make the text need UCS-2 (${why(planned)}), but a batch with fields travels as plain text: the gateway would change or drop it`,
          },
        ]),
      )
    const c = planned.count
    return c.parts > plan.concat
      ? E.left(
          messageTooLong({
            encoding: c.encoding,
            units: c.units,
            parts: c.parts,
            limit: plan.concat,
            perPart: c.perPart,
          }),
        )
      : E.right({ text, plan: planned })
  }
