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
import { type InvalidInput, invalidInput, type MessageTooLong } from '../errors.js'
import { FieldList, placeholders, unicodeWithFields } from '../message/BatchTemplate.js'
import { MessageText, TextEncoding } from '../message/ContentCodecs.js'
import { BatchId } from '../message/IdCodecs.js'
import { type MessageOptions, hints as messageHints, optionCodecs } from '../message/Message.js'
import { Msisdn, Recipients } from '../message/Msisdn.js'
import { fields, fromProblems, gather } from '../message/Validation.js'
import { GATEWAY_MAX_PARTS } from '../text/Parts.js'
import { featuresOf, optionParams, planText, textParams } from './MessageParams.js'
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
  /** The text of every item, with `#field1#`..`#fieldN#` where each item's values go. */
  readonly template: string
  readonly encoding?: 'auto' | 'ucs2'
}

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

const decodeStart = fields(
  { template: MessageText, encoding: TextEncoding, ...optionCodecs },
  {
    hints: {
      ...messageHints,
      text: 'a batch has a template, not a text',
      to: 'recipients go in senditem or quicksend',
    },
    required: { template: 'the text of the batch, with #field1#..#fieldN# where the values go' },
  },
)

/**
 * `startbatch`: defines the template and the options of every item. `concat` is `maxParts` when given (the
 * room fields may need), else the parts the template needs; refuses a template over `maxParts` (default 35)
 * and a UCS-2 template with fields.
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
export const startbatch = (input: BatchStart): E.Either<InvalidInput | MessageTooLong, UnboundRequest> => {
  const decoded = decodeStart(input)
  if (decoded.problems.length > 0) return E.left(invalidInput(decoded.problems))
  const { template, encoding, ...options } = decoded.value
  const planned = planText({
    encoding: encoding ?? 'auto',
    maxParts: options.maxParts ?? GATEWAY_MAX_PARTS,
    path: 'template',
  })(template!)
  if (E.isLeft(planned)) return planned
  const { plan } = planned.right
  if (plan.encoding === 'ucs2' && placeholders(template!).length > 0)
    return E.left(invalidInput([unicodeWithFields('template', plan)]))
  const parts = plan.count.parts
  const concat = options.maxParts ?? (parts > 1 ? parts : undefined)
  const features = featuresOf(options, plan.encoding, concat ?? parts)
  return E.right(
    unbound('startbatch', [
      ...textParams('template', planned.right),
      ...optionParams(options, { concat, features }),
    ]),
  )
}

const decodeItem = fields(
  { batchId: BatchId, to: Msisdn, fields: FieldList },
  {
    hints: Object.fromEntries(
      ['field1', 'field2', 'field3', 'batch_id'].map((k) => [
        k,
        k === 'batch_id' ? 'the option is batchId' : 'give the values as fields: [value1, value2, ...]',
      ]),
    ),
    required: { batchId: 'the id startbatch answered with', to: 'the number to send this item to' },
  },
)

/**
 * `senditem`: one item of a batch, to one number, with its field values (`field1`..`fieldN`).
 *
 * @example
 * import * as UnboundBatch from './UnboundBatch.js'
 * import * as E from 'fp-ts/Either'
 * const r = UnboundBatch.senditem({ batchId: 'b1', to: '27999123456', fields: ['Joe', '$150'] })
 * console.log(E.isRight(r) && r.right.params)
 * // [['batch_id', 'b1'], ['to', '27999123456'], ['field1', 'Joe'], ['field2', '$150']]
 * @category commands
 * @since 0.1.0
 */
export const senditem = (input: BatchItem): E.Either<InvalidInput, UnboundRequest> => {
  const { value, problems } = decodeItem(input)
  return fromProblems(problems, () =>
    unbound('senditem', [
      ['batch_id', value.batchId!],
      ['to', value.to!],
      ...(value.fields ?? []).map((v, i): Param => [`field${i + 1}`, v]),
    ]),
  )
}

const decodeSend = fields(
  { batchId: BatchId, to: Recipients },
  {
    required: { batchId: 'the id startbatch answered with', to: 'the number to send to, or a list of them' },
  },
)

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
      fromProblems(problems, () => value),
    )
    if (E.isLeft(checks)) return checks
    const [n, { batchId, to }] = checks.right
    return E.right(
      chunk(n)(to!).map((some) =>
        unbound('quicksend', [
          ['batch_id', batchId!],
          ['to', some.join(',')],
        ]),
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
