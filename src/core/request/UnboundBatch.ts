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
import { BatchPlan, checkItem, FieldList } from '../message/BatchTemplate.js'
import { BatchId, ClientMessageId } from '../message/IdCodecs.js'
import { Msisdn, Recipients } from '../message/Msisdn.js'
import { fields, fromProblems, gather } from '../message/Validation.js'
import {
  type ChunkOptions,
  chunk,
  chunkSize,
  oneParam,
  type Param,
  type UnboundRequest,
  unbound,
} from './Wire.js'

export type { BatchPlan } from '../message/BatchTemplate.js'
export { type BatchStart, type PlannedBatch, planBatch, startbatch } from './BatchStart.js'

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
