/**
 * Batch messaging (specification section 7): `startbatch` defines a template with `#field1#`..`#fieldN#` and
 * every option of sendmsg but `to` and `text`; `senditem` sends one personalised item; `quicksend` sends the
 * template as it is to many numbers; `endbatch` ends the batch. `preview` shows, before anything is sent, the
 * text and cost of each item.
 *
 * A batch whose template must travel as UCS-2 cannot substitute fields (section 5.2.14: "it is not possible to
 * substitute variables into the message content"), so such a template with fields is refused, and so is an
 * item whose fields would make its text need UCS-2.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { type InvalidInput, invalidInput, type MessageTooLong, type Problem } from '../errors.js'
import { featuresOf, optionParams, planText, textParams } from '../request/MessageParams.js'
import {
  type ChunkOptions,
  type Credentials,
  chunk,
  chunkSetup,
  credentialParams,
  oneParam,
  type Param,
  request,
  type WireRequest,
  withCredentials,
} from '../request/Wire.js'
import { planWith, type WirePlan } from '../text/Charset.js'
import { GATEWAY_MAX_PARTS } from '../text/Parts.js'
import { BatchId, FieldValue, MaxParts, MessageText, TextEncoding } from './Codecs.js'
import { type MessageOptions, hints as messageHints, optionCodecs } from './Message.js'
import { Msisdn, Recipients } from './Msisdn.js'
import { describe, fields, fromProblems, gather, listOf, problemsOf } from './Validation.js'

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

const PLACEHOLDER = /#field([1-9][0-9]*)#/g

/**
 * The field numbers a template uses, ascending, each once.
 *
 * @example
 * import { Batch } from 'clickatell-fp'
 * console.log(Batch.placeholders('Hi #field1#, your balance is #field2#. Bye #field1#')) // [1, 2]
 * @category templates
 * @since 0.1.0
 */
export const placeholders = (template: string): ReadonlyArray<number> =>
  typeof template !== 'string'
    ? []
    : [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => Number(m[1])))].sort((a, b) => a - b)

/**
 * The template with each `#fieldN#` replaced by `fields[N - 1]` (by `''` when there is none), as the gateway
 * merges it.
 *
 * @example
 * import { Batch } from 'clickatell-fp'
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

const unicodeWithFields = (path: string, plan: WirePlan): Problem => ({
  path,
  message: `must travel as UCS-2 (${why(plan)}) but uses #fieldN#: a Unicode batch cannot substitute fields (specification section 5.2.14)`,
})

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
 * import { Batch, Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Batch.startbatch(Encode.session('abc'))({ template: 'Hi #field1#, your balance is #field2#.', from: 'Sender' })
 * console.log(E.isRight(r) && r.right.params)
 * // [['session_id', 'abc'], ['template', 'Hi #field1#, your balance is #field2#.'], ['from', 'Sender'], ['req_feat', '16']]
 * @category commands
 * @since 0.1.0
 */
export const startbatch =
  (credentials: Credentials) =>
  (input: BatchStart): E.Either<InvalidInput | MessageTooLong, WireRequest> => {
    const decoded = decodeStart(input)
    const checks = gather(
      credentialParams(credentials),
      fromProblems(decoded.problems, () => decoded.value),
    )
    if (E.isLeft(checks)) return checks
    const [auth, { template, encoding, ...options }] = checks.right
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
      request('startbatch', [
        ...auth,
        ...textParams('template', planned.right),
        ...optionParams(options, { concat, features }),
      ]),
    )
  }

const FieldList = listOf(FieldValue, { what: 'field values (strings)' })

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
 * import { Batch, Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Batch.senditem(Encode.session('abc'))({ batchId: 'b1', to: '27999123456', fields: ['Joe', '$150'] })
 * console.log(E.isRight(r) && r.right.params)
 * // [['session_id', 'abc'], ['batch_id', 'b1'], ['to', '27999123456'], ['field1', 'Joe'], ['field2', '$150']]
 * @category commands
 * @since 0.1.0
 */
export const senditem =
  (credentials: Credentials) =>
  (input: BatchItem): E.Either<InvalidInput, WireRequest> => {
    const { value, problems } = decodeItem(input)
    return withCredentials(
      'senditem',
      credentials,
      fromProblems(
        problems,
        (): ReadonlyArray<Param> => [
          ['batch_id', value.batchId!],
          ['to', value.to!],
          ...(value.fields ?? []).map((v, i): Param => [`field${i + 1}`, v]),
        ],
      ),
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
export const quicksendWith = (options: ChunkOptions) => {
  const setupFor = chunkSetup(options)
  return (credentials: Credentials) => {
    const setup = setupFor(credentials)
    return (input: BatchSend): E.Either<InvalidInput, ReadonlyArray<WireRequest>> => {
      const { value, problems } = decodeSend(input)
      const checks = gather(
        setup,
        fromProblems(problems, () => value),
      )
      if (E.isLeft(checks)) return checks
      const [[auth, n], { batchId, to }] = checks.right
      return E.right(
        chunk(n)(to!).map((some) =>
          request('quicksend', [...auth, ['batch_id', batchId!], ['to', some.join(',')]]),
        ),
      )
    }
  }
}

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
) => (input: BatchSend) => E.Either<InvalidInput, ReadonlyArray<WireRequest>> = quicksendWith({})

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
) => (input: BatchRef) => E.Either<InvalidInput, WireRequest> = oneParam(
  'endbatch',
  'batchId',
  'batch_id',
  BatchId,
  'the id startbatch answered with',
)

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

/**
 * Previews with options (see `preview`).
 *
 * @example
 * import { Batch } from 'clickatell-fp'
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
    items.forEach((item: unknown, i) => {
      const path = `items.${i}`
      const values = readFields(item, path)
      if (E.isLeft(values)) {
        problems.push(...values.left.problems)
        return
      }
      if (values.right.length < highest)
        problems.push({
          path: `${path}.fields`,
          message: `has ${values.right.length} value${values.right.length === 1 ? '' : 's'}; the template uses #field${highest}#`,
        })
      const merged = substitute(text, values.right)
      const plan = planOf(merged)
      if (plan.encoding === 'ucs2' && uses.length > 0)
        problems.push({
          path,
          message: `would need UCS-2 (${why(plan)}), but a batch with fields travels as plain text: the gateway would change or drop it`,
        })
      else if (plan.count.parts > maxParts)
        problems.push({
          path,
          message: `needs ${plan.count.parts} parts; at most ${maxParts} ${maxParts === 1 ? 'is' : 'are'} allowed`,
        })
      out.push({ text: merged, plan })
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
 * import { Batch } from 'clickatell-fp'
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
