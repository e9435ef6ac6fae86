/**
 * `startbatch` encoded without credentials (specification section 7.1): a text template with
 * `#field1#`..`#fieldN#`, or 8-bit content (`data`, `udh`), and every option of sendmsg but `to` and `text`,
 * validated once into the request and the batch's plan (what `senditem` checks items against).
 * `UnboundBatch` re-exports it beside the other batch commands.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type MessageTooLong, type Problem } from '../errors.js'
import { type BatchPlan, placeholders, previewWith, unicodeWithFields } from '../message/BatchTemplate.js'
import { Hex, MessageText, TextEncoding, Udh } from '../message/ContentCodecs.js'
import {
  type MessageOptions,
  hints as messageHints,
  optionCodecs,
  type ValidOptions,
  wireNames,
} from '../message/Message.js'
import { Flag } from '../message/NumberCodecs.js'
import { check as checkSchedule } from '../message/Schedule.js'
import { checked, describe, fields } from '../message/Validation.js'
import { of as warningsOf } from '../message/Warnings.js'
import { GATEWAY_MAX_PARTS } from '../text/Parts.js'
import { featuresOf, optionParams, planBinary, planText, textParams } from './MessageParams.js'
import { type Param, type UnboundRequest, unbound } from './Wire.js'

/**
 * `startbatch` input: a template and the options of a message.
 *
 * @category model
 * @since 0.1.0
 */
export interface BatchStart extends MessageOptions {
  /** The text of every item, with `#field1#`..`#fieldN#` where each item's values go. Give `template`, or `data`. */
  readonly template?: string
  readonly encoding?: 'auto' | 'ucs2'
  /** 8-bit content as hex, the same for every item: it travels as the template, with `binary=1`. */
  readonly data?: string
  /** User data header as hex (`udh`), first byte its length; only with `data`. */
  readonly udh?: string
  /** Force 8-bit (`binary=1`); an 8-bit batch always sends it, so this only confirms `data`. */
  readonly binary?: boolean
  /**
   * The field values of the items, when known in advance (never sent): without `maxParts`, `concat` then
   * covers the longest of them; every one is checked as `Batch.preview` checks it.
   */
  readonly items?: ReadonlyArray<{ readonly fields?: ReadonlyArray<string> }>
}

// The items known in advance are read by `Batch.previewWith`, which names each problem: here only a list.
const ItemList = checked<ReadonlyArray<{ readonly fields?: ReadonlyArray<string> }>>('BatchItems', (u) =>
  Array.isArray(u) ? undefined : `must be a list of items ({ fields }); got ${describe(u)}`,
)

const decodeStart = fields(
  {
    template: MessageText,
    encoding: TextEncoding,
    items: ItemList,
    data: Hex,
    udh: Udh,
    binary: Flag,
    ...optionCodecs,
  },
  {
    hints: {
      ...messageHints,
      text: 'a batch has a template, not a text',
      to: 'recipients go in senditem or quicksend',
    },
  },
)

type DecodedStart = ReturnType<typeof decodeStart>['value']

// What one batch cannot be at once: text and 8-bit content, text options on 8-bit content, no content at all.
const contentProblems = (v: DecodedStart, given: ReadonlyArray<string>): ReadonlyArray<Problem> => {
  const binary = given.includes('data') || given.includes('udh')
  const has = (k: string) => given.includes(k)
  const out: Problem[] = []
  if (has('template') && binary)
    out.push({ path: 'template', message: 'give either a template or 8-bit content (data, udh), not both' })
  else if (!has('template') && !binary)
    out.push({
      path: 'template',
      message: 'is required: the text of the batch, with #field1#..#fieldN# where the values go (or data)',
    })
  else if (binary && !has('data'))
    out.push({
      path: 'data',
      message:
        'is required with udh: an 8-bit batch sends its data as the template, which the gateway requires (202)',
    })
  if (v.binary === true && !binary)
    out.push({ path: 'binary', message: 'applies to 8-bit content (data, udh); a template is text' })
  if (binary && has('encoding'))
    out.push({ path: 'encoding', message: 'applies to a template; 8-bit content has no character encoding' })
  if (binary && has('items'))
    out.push({ path: 'items', message: 'apply to a template with #fieldN#; an 8-bit batch has no fields' })
  return out
}

/**
 * A started batch: its `startbatch` request and its plan (what `senditem` checks items against).
 *
 * @category model
 * @since 0.1.0
 */
export interface PlannedBatch {
  readonly request: UnboundRequest
  readonly plan: BatchPlan
  /** What some networks may not carry (`Warnings.of`); the batch goes ahead. */
  readonly warnings: ReadonlyArray<Problem>
}

// The parts the longest item known in advance needs (0 without items), or the problems of the items.
const longestItem = (
  template: string,
  encoding: 'auto' | 'ucs2',
  maxParts: number | undefined,
  items: ReadonlyArray<{ readonly fields?: ReadonlyArray<string> }> | undefined,
): E.Either<InvalidInput, number> =>
  items === undefined
    ? E.right(0)
    : E.map((previews: ReadonlyArray<{ readonly plan: { readonly count: { readonly parts: number } } }>) =>
        previews.reduce((most, p) => Math.max(most, p.plan.count.parts), 0),
      )(previewWith({ encoding, ...(maxParts === undefined ? {} : { maxParts }) })(template, items))

/**
 * `startbatch` with its plan, checked against `now` when given (a `deliverAt` more than 7 days ahead or in
 * the past is refused, `Schedule.check`). `concat` covers the items: `maxParts` when given, else the parts of
 * the longest of the template and the `items` known in advance (sent when more than 1).
 *
 * An 8-bit batch gives `data` (and `udh`) instead of a template: the data travels as the template with
 * `binary=1`, its bytes counted as a binary message's are (140 a part, 134 concatenated, the `udh` included;
 * one part in all with a `udh`), and its plan is `encoding: 'binary'`.
 *
 * @example
 * import * as UnboundBatch from './BatchStart.js'
 * import * as E from 'fp-ts/Either'
 * const r = UnboundBatch.planBatch({})({ template: 'Hi #field1#', items: [{ fields: ['x'.repeat(200)] }] })
 * console.log(E.isRight(r) && [r.right.plan.concat, r.right.request.params[1]]) // [2, ['concat', '2']]
 * const b = UnboundBatch.planBatch({})({ udh: '06050415810000', data: 'CAFE' })
 * console.log(E.isRight(b) && b.right.request.params) // [['template', 'CAFE'], ['udh', '06050415810000'], ['binary', '1'], ['req_feat', '6']]
 * console.log(E.isRight(b) && b.right.plan) // { template: 'CAFE', encoding: 'binary', concat: 1, udh: '06050415810000' }
 * @category commands
 * @since 0.1.0
 */
export const planBatch =
  (edge: { readonly now?: Date }) =>
  (input: BatchStart): E.Either<InvalidInput | MessageTooLong, PlannedBatch> => {
    const decoded = decodeStart(input)
    const problems = [...decoded.problems, ...contentProblems(decoded.value, decoded.given)]
    if (problems.length > 0) return E.left(invalidInput(problems))
    const { template, encoding, items, data, udh, binary: _forced, ...options } = decoded.value
    if (edge.now !== undefined) {
      const scheduled = checkSchedule(edge.now)(options)
      if (E.isLeft(scheduled)) return scheduled
    }
    return data === undefined
      ? planTextBatch(template!, encoding ?? 'auto', items, options)
      : planBinaryBatch(data, udh, options)
  }

const planTextBatch = (
  template: MessageText,
  encoding: 'auto' | 'ucs2',
  items: ReadonlyArray<{ readonly fields?: ReadonlyArray<string> }> | undefined,
  options: ValidOptions,
): E.Either<InvalidInput | MessageTooLong, PlannedBatch> => {
  const planned = planText({
    encoding,
    maxParts: options.maxParts ?? GATEWAY_MAX_PARTS,
    path: 'template',
  })(template)
  if (E.isLeft(planned)) return planned
  const { plan } = planned.right
  if (plan.encoding === 'ucs2' && placeholders(template).length > 0)
    return E.left(invalidInput([unicodeWithFields('template', plan)]))
  const longest = longestItem(template, encoding, options.maxParts, items)
  if (E.isLeft(longest)) return longest
  const parts = Math.max(plan.count.parts, longest.right)
  const concat = options.maxParts ?? (parts > 1 ? parts : undefined)
  const features = featuresOf(options, plan.encoding, concat ?? parts)
  return E.right({
    request: unbound('startbatch', [
      ...textParams('template', planned.right),
      ...optionParams(options, { concat, features }),
    ]),
    plan: { template, encoding, concat: concat ?? 1 },
    warnings: warningsOf(options),
  })
}

// An 8-bit batch: its data travels as the template (specification 7.1: startbatch takes sendmsg's parameters
// but `text`, plus the template), its udh beside it, and binary=1 says the template is hex bytes.
const planBinaryBatch = (
  data: Hex,
  udh: Udh | undefined,
  options: ValidOptions,
): E.Either<MessageTooLong, PlannedBatch> => {
  const planned = planBinary({ data, udh, forced: true }, options.maxParts ?? GATEWAY_MAX_PARTS)
  if (E.isLeft(planned)) return planned
  const { parts } = planned.right.count
  const concat = options.maxParts ?? (parts > 1 ? parts : undefined)
  const features = featuresOf(options, 'binary', concat ?? parts)
  return E.right({
    request: unbound('startbatch', [
      ['template', data],
      ...(udh === undefined ? [] : [[wireNames.udh, udh] as Param]),
      [wireNames.binary, '1'],
      ...optionParams(options, { concat, features }),
    ]),
    plan: { template: data, encoding: 'binary', concat: concat ?? 1, ...(udh === undefined ? {} : { udh }) },
    warnings: warningsOf(options),
  })
}

/**
 * `startbatch`: defines the template and the options of every item. `concat` is `maxParts` when given (the
 * room fields may need), else the parts of the longest of the template and the `items` known in advance;
 * refuses a template over `maxParts` (default 35) and a UCS-2 template with fields. With `data` (and `udh`)
 * instead of a template, an 8-bit batch: the data is sent as the template, with `binary=1`. See `planBatch`.
 *
 * @example
 * import * as UnboundBatch from './BatchStart.js'
 * import * as E from 'fp-ts/Either'
 * const r = UnboundBatch.startbatch({ template: 'Hi #field1#, your balance is #field2#.', from: 'Sender' })
 * console.log(E.isRight(r) && r.right.params)
 * // [['template', 'Hi #field1#, your balance is #field2#.'], ['from', 'Sender'], ['req_feat', '16']]
 * @category commands
 * @since 0.1.0
 */
export const startbatch = (input: BatchStart): E.Either<InvalidInput | MessageTooLong, UnboundRequest> =>
  E.map((b: PlannedBatch) => b.request)(planBatch({})(input))
