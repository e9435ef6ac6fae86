/**
 * The batch commands (specification section 7) encoded without credentials: `startbatch` defines a template
 * with `#field1#`..`#fieldN#` and every option of sendmsg but `to` and `text`; `senditem` sends one personalised
 * item; `quicksend` sends the template as it is to many numbers; `endbatch` ends the batch. Each input is
 * validated once into an `UnboundRequest`, bound to the current credentials when sent (`Wire.bind`); `Batch` is
 * these with credentials.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type MessageTooLong, type Problem } from '../errors.js'
import {
  BatchPlan,
  checkItem,
  FieldList,
  placeholders,
  previewWith,
  unicodeWithFields,
} from '../message/BatchTemplate.js'
import { Hex, MessageText, TextEncoding, Udh } from '../message/ContentCodecs.js'
import { BatchId, ClientMessageId } from '../message/IdCodecs.js'
import {
  type MessageOptions,
  hints as messageHints,
  optionCodecs,
  type ValidOptions,
  wireNames,
} from '../message/Message.js'
import { Msisdn, Recipients } from '../message/Msisdn.js'
import { Flag } from '../message/NumberCodecs.js'
import { check as checkSchedule } from '../message/Schedule.js'
import { checked, describe, fields, fromProblems, gather } from '../message/Validation.js'
import { of as warningsOf } from '../message/Warnings.js'
import { GATEWAY_MAX_PARTS } from '../text/Parts.js'
import { featuresOf, optionParams, planBinary, planText, textParams } from './MessageParams.js'
import {
  type ChunkOptions,
  chunk,
  chunkSize,
  oneParam,
  type Param,
  type UnboundRequest,
  unbound,
} from './Wire.js'

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

export type { BatchPlan } from '../message/BatchTemplate.js'

/**
 * `senditem` input: one recipient and the values of its fields, `fields[0]` for `#field1#`.
 *
 * @category model
 * @since 0.1.0
 */
export interface BatchItem {
  readonly batchId: string
  readonly to: string
  readonly fields?: ReadonlyArray<string>
  /** Your id for this item (`climsgid`), to query it by when its answer is lost. */
  readonly clientMessageId?: string
  /** The batch's plan, as `startBatch` answered it: the item is refused before sending when it does not fit. */
  readonly plan?: BatchPlan
}

/**
 * `quicksend` input: the template as it is, to one number or many.
 *
 * @category model
 * @since 0.1.0
 */
export interface BatchSend {
  readonly batchId: string
  readonly to: string | ReadonlyArray<string>
  /** Your id for the message (`climsgid`); one id names one message, so only with one recipient. */
  readonly clientMessageId?: string
}

/**
 * `endbatch` input.
 *
 * @category model
 * @since 0.1.0
 */
export interface BatchRef {
  readonly batchId: string
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
 * @example
 * import * as UnboundBatch from './UnboundBatch.js'
 * import * as E from 'fp-ts/Either'
 * const r = UnboundBatch.planBatch({})({ template: 'Hi #field1#', items: [{ fields: ['x'.repeat(200)] }] })
 * console.log(E.isRight(r) && [r.right.plan.concat, r.right.request.params[1]]) // [2, ['concat', '2']]
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
 * refuses a template over `maxParts` (default 35) and a UCS-2 template with fields. See `planBatch`.
 *
 * @example
 * import * as UnboundBatch from './UnboundBatch.js'
 * import * as E from 'fp-ts/Either'
 * const r = UnboundBatch.startbatch({ template: 'Hi #field1#, your balance is #field2#.', from: 'Sender' })
 * console.log(E.isRight(r) && r.right.params)
 * // [['template', 'Hi #field1#, your balance is #field2#.'], ['from', 'Sender'], ['req_feat', '16']]
 * @category commands
 * @since 0.1.0
 */
export const startbatch = (input: BatchStart): E.Either<InvalidInput | MessageTooLong, UnboundRequest> =>
  E.map((b: PlannedBatch) => b.request)(planBatch({})(input))

const decodeItem = fields(
  { batchId: BatchId, to: Msisdn, fields: FieldList, clientMessageId: ClientMessageId, plan: BatchPlan },
  {
    hints: Object.fromEntries(
      ['field1', 'field2', 'field3', 'batch_id', 'climsgid'].map((k) => [
        k,
        k === 'batch_id'
          ? 'the option is batchId'
          : k === 'climsgid'
            ? 'the option is clientMessageId'
            : 'give the values as fields: [value1, value2, ...]',
      ]),
    ),
    required: { batchId: 'the id startbatch answered with', to: 'the number to send this item to' },
  },
)

/**
 * `senditem`: one item of a batch, to one number, with its field values (`field1`..`fieldN`) and its own
 * `climsgid` when given. With the batch's `plan` (as `startBatch` answered it), an item whose text would not
 * fit the batch's `concat` is refused before sending (`MessageTooLong`, with the numbers), as is one whose
 * values would need UCS-2.
 *
 * @example
 * import * as UnboundBatch from './UnboundBatch.js'
 * import * as E from 'fp-ts/Either'
 * const r = UnboundBatch.senditem({ batchId: 'b1', to: '27999123456', fields: ['Joe', '$150'] })
 * console.log(E.isRight(r) && r.right.params)
 * // [['batch_id', 'b1'], ['to', '27999123456'], ['field1', 'Joe'], ['field2', '$150']]
 * const plan = { template: 'Hi #field1#', encoding: 'auto', concat: 1 } as const
 * const long = UnboundBatch.senditem({ batchId: 'b1', to: '27999123456', fields: ['x'.repeat(200)], plan })
 * console.log(long._tag === 'Left' && [long.left._tag, 'parts' in long.left && long.left.parts]) // ['MessageTooLong', 2]
 * @category commands
 * @since 0.1.0
 */
export const senditem = (input: BatchItem): E.Either<InvalidInput | MessageTooLong, UnboundRequest> => {
  const { value, problems } = decodeItem(input)
  if (problems.length > 0) return E.left(invalidInput(problems))
  const values = value.fields ?? []
  if (value.plan !== undefined) {
    const fits = checkItem(value.plan)(values, 'fields')
    if (E.isLeft(fits)) return fits
  }
  return E.right(
    unbound('senditem', [
      ['batch_id', value.batchId!],
      ['to', value.to!],
      ...values.map((v, i): Param => [`field${i + 1}`, v]),
      ...(value.clientMessageId === undefined ? [] : [['climsgid', value.clientMessageId] as Param]),
    ]),
  )
}

const decodeSend = fields(
  { batchId: BatchId, to: Recipients, clientMessageId: ClientMessageId },
  {
    hints: { batch_id: 'the option is batchId', climsgid: 'the option is clientMessageId' },
    required: { batchId: 'the id startbatch answered with', to: 'the number to send to, or a list of them' },
  },
)

// One id names one message: with several recipients it would name them all.
const oneIdOneRecipient = (
  value: ReturnType<typeof decodeSend>['value'],
): ReadonlyArray<{ readonly path: string; readonly message: string }> =>
  value.clientMessageId !== undefined && value.to !== undefined && value.to.length > 1
    ? [
        {
          path: 'clientMessageId',
          message: `identifies one message, but there are ${value.to.length} recipients: leave it out, or send to one number`,
        },
      ]
    : []

/**
 * `quicksend` with options: the template as it is to many numbers, split into requests of at most
 * `recipientsPerRequest` (default 300 for POST, 100 for GET), in order. Problems of the options come first.
 *
 * @example
 * import * as UnboundBatch from './UnboundBatch.js'
 * import * as E from 'fp-ts/Either'
 * const r = UnboundBatch.quicksendWith({ recipientsPerRequest: 2 })({ batchId: 'b1', to: ['27990000001', '27990000002', '27990000003'] })
 * console.log(E.isRight(r) && r.right.map((u) => u.params[1])) // [['to', '27990000001,27990000002'], ['to', '27990000003']]
 * @category commands
 * @since 0.1.0
 */
export const quicksendWith = (
  options: ChunkOptions,
): ((input: BatchSend) => E.Either<InvalidInput, ReadonlyArray<UnboundRequest>>) => {
  const size = chunkSize(options)
  return (input) => {
    const { value, problems } = decodeSend(input)
    const checks = gather(
      size,
      fromProblems([...problems, ...oneIdOneRecipient(value)], () => value),
    )
    if (E.isLeft(checks)) return checks
    const [n, { batchId, to, clientMessageId }] = checks.right
    const id: ReadonlyArray<Param> = clientMessageId === undefined ? [] : [['climsgid', clientMessageId]]
    return E.right(
      chunk(n)(to!).map((some) =>
        unbound('quicksend', [['batch_id', batchId!], ['to', some.join(',')], ...id]),
      ),
    )
  }
}

/**
 * `quicksend` for POST (300 recipients a request). See `quicksendWith`.
 *
 * @example
 * import * as UnboundBatch from './UnboundBatch.js'
 * console.log(UnboundBatch.quicksend({ batchId: 'b1', to: '27990000001' })._tag) // 'Right'
 * @category commands
 * @since 0.1.0
 */
export const quicksend: (input: BatchSend) => E.Either<InvalidInput, ReadonlyArray<UnboundRequest>> =
  quicksendWith({})

/**
 * `endbatch`: ends a batch (optional: batches expire after 24 hours).
 *
 * @example
 * import * as UnboundBatch from './UnboundBatch.js'
 * import * as E from 'fp-ts/Either'
 * const r = UnboundBatch.endbatch({ batchId: 'b1' })
 * console.log(E.isRight(r) && r.right.params) // [['batch_id', 'b1']]
 * @category commands
 * @since 0.1.0
 */
export const endbatch: (input: BatchRef) => E.Either<InvalidInput, UnboundRequest> = oneParam(
  'endbatch',
  'batchId',
  'batch_id',
  BatchId,
  'the id startbatch answered with',
)
