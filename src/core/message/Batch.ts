/**
 * Batch messaging (specification section 7): `startbatch` defines a template with `#field1#`..`#fieldN#` and
 * every option of sendmsg but `to` and `text`; `senditem` sends one personalised item; `quicksend` sends the
 * template as it is to many numbers; `endbatch` ends the batch. `preview` shows, before anything is sent, the
 * text and cost of each item (`BatchTemplate`).
 *
 * Each command is the one without credentials (`UnboundBatch`) with credentials decoded once and bound
 * (`Wire.withCredentials`).
 *
 * @since 0.1.0
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { InvalidInput, MessageTooLong } from '../errors.js'
import type { Credentials } from '../request/Credentials.js'
import * as UnboundBatch from '../request/UnboundBatch.js'
import { type ChunkOptions, type WireRequest, withCredentials, withCredentialsEach } from '../request/Wire.js'

export type { BatchItem, BatchRef, BatchSend, BatchStart } from '../request/UnboundBatch.js'
export {
  type BatchPlan,
  type BinaryItemPreview,
  checkBinaryItem,
  checkItem,
  type ItemPreview,
  type PreviewOptions,
  placeholders,
  preview,
  previewWith,
  substitute,
} from './BatchTemplate.js'

/**
 * `startbatch`: defines the template and the options of every item. `concat` is `maxParts` when given (the
 * room fields may need), else the parts the template needs; refuses a template over `maxParts` (default 35)
 * and a UCS-2 template with fields.
 *
 * @example
 * import { Batch, Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Batch.startbatch(Encode.session('abc'))({ template: 'Hi #field1#, your balance is #field2#.', from: 'Sender' })
 * console.log(E.isRight(r) && r.right.params)
 * // [['session_id', 'abc'], ['template', 'Hi #field1#, your balance is #field2#.'], ['from', 'Sender'], ['req_feat', '16']]
 * @category commands
 * @since 0.1.0
 */
export const startbatch: (
  credentials: Credentials,
) => (input: UnboundBatch.BatchStart) => E.Either<InvalidInput | MessageTooLong, WireRequest> =
  withCredentials(UnboundBatch.startbatch)

/**
 * `senditem`: one item of a batch, to one number, with its field values (`field1`..`fieldN`) and its own
 * `climsgid` when given; with the batch's `plan`, an item that would not fit its `concat` is refused before
 * sending (`MessageTooLong`). See `UnboundBatch.senditem`.
 *
 * @example
 * import { Batch, Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Batch.senditem(Encode.session('abc'))({ batchId: 'b1', to: '27999123456', fields: ['Joe', '$150'] })
 * console.log(E.isRight(r) && r.right.params)
 * // [['session_id', 'abc'], ['batch_id', 'b1'], ['to', '27999123456'], ['field1', 'Joe'], ['field2', '$150']]
 * @category commands
 * @since 0.1.0
 */
export const senditem: (
  credentials: Credentials,
) => (input: UnboundBatch.BatchItem) => E.Either<InvalidInput | MessageTooLong, WireRequest> =
  withCredentials(UnboundBatch.senditem)

/**
 * `quicksend` with options: the template as it is to many numbers, split into requests of at most
 * `recipientsPerRequest` (default 300 for POST, 100 for GET), in order.
 *
 * @example
 * import { Batch, Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Batch.quicksendWith({ recipientsPerRequest: 2 })(Encode.session('abc'))({ batchId: 'b1', to: ['27990000001', '27990000002', '27990000003'] })
 * console.log(E.isRight(r) && r.right.map((w) => w.params[2])) // [['to', '27990000001,27990000002'], ['to', '27990000003']]
 * @category commands
 * @since 0.1.0
 */
export const quicksendWith = (
  options: ChunkOptions,
): ((
  credentials: Credentials,
) => (input: UnboundBatch.BatchSend) => E.Either<InvalidInput, ReadonlyArray<WireRequest>>) =>
  withCredentialsEach(UnboundBatch.quicksendWith(options))

/**
 * `quicksend` for POST (300 recipients a request). See `quicksendWith`.
 *
 * @example
 * import { Batch, Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * console.log(E.isRight(Batch.quicksend(Encode.session('abc'))({ batchId: 'b1', to: '27990000001' }))) // true
 * @category commands
 * @since 0.1.0
 */
export const quicksend: (
  credentials: Credentials,
) => (input: UnboundBatch.BatchSend) => E.Either<InvalidInput, ReadonlyArray<WireRequest>> = quicksendWith({})

/**
 * `endbatch`: ends a batch (optional: batches expire after 24 hours).
 *
 * @example
 * import { Batch, Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Batch.endbatch(Encode.session('abc'))({ batchId: 'b1' })
 * console.log(E.isRight(r) && r.right.params) // [['session_id', 'abc'], ['batch_id', 'b1']]
 * @category commands
 * @since 0.1.0
 */
export const endbatch: (
  credentials: Credentials,
) => (input: UnboundBatch.BatchRef) => E.Either<InvalidInput, WireRequest> = withCredentials(
  UnboundBatch.endbatch,
)
