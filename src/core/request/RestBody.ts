/**
 * The JSON body of `POST /rest/message` for a planned message (`Submission`), in the camelCase names of the REST
 * parameter table (docs/gateway.md, 'Legacy REST API'). One model, two dialects: the HTTP
 * API's form (`MessageParams`) and this start from the same `Submission`.
 *
 * Inferred, not documented (docs/messages.md): UCS-2 text goes as hex with `unicode: 1` and binary content as
 * hex in `text` with `binary: 1`, because the REST table describes those parameters in the HTTP API's words
 * and has no `data`. REST has no delivery delay (`deliv_time`): a message with `deliverAfterMinutes` is
 * refused, since the core has no clock to turn it into `scheduledDeliveryTime`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../errors.js'
import { toMask } from '../message/Features.js'
import type { ValidOptions } from '../message/Message.js'
import type { Submission } from './MessageParams.js'

/**
 * The JSON body of `POST /rest/message`.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestMessage {
  readonly text: string
  /** Always an array of strings, even for one recipient. */
  readonly to: ReadonlyArray<string>
  readonly from?: string
  readonly clientMessageId?: string
  readonly maxMessageParts?: number
  readonly userPriorityQueue?: number
  readonly callback?: number
  readonly escalate?: 0 | 1
  readonly maxCredits?: number
  readonly type?: string
  readonly mo?: 0 | 1
  readonly requiredFeatures?: number
  /** `YYYY-MM-DDTHH:mm:ssZ` in UTC, the form of the REST table's example. */
  readonly scheduledDeliveryTime?: string
  readonly unicode?: 0 | 1
  readonly udh?: string
  readonly validityPeriod?: number
  readonly bypassDNCCheck?: 0 | 1
  readonly binary?: 0 | 1
}

const bit = (b: boolean | undefined): 0 | 1 | undefined => (b === undefined ? undefined : b ? 1 : 0)

// One JSON field: its REST name and its value for a submission (undefined leaves it out).
type Field = {
  readonly [N in keyof RestMessage]-?: readonly [
    name: N,
    value: (s: Submission) => RestMessage[N] | undefined,
  ]
}[keyof RestMessage]

const field = <N extends keyof RestMessage>(
  name: N,
  value: (s: Submission) => RestMessage[N] | undefined,
): Field => [name, value] as unknown as Field // the compiler cannot pair a generic N with its member of the union

// How each option is written (the REST parameter table, docs/gateway.md), and the content fields that go
// with them, in the order of the JSON keys. Typed over ValidOptions: an option without an entry is a compile
// error, not an option validated and then silently dropped. null: REST cannot say it (`body` refuses it).
const FIELDS: { readonly [K in keyof ValidOptions | 'unicode' | 'udh' | 'binary']-?: Field | null } = {
  from: field('from', (s) => s.options.from),
  clientMessageId: field('clientMessageId', (s) => s.options.clientMessageId),
  maxParts: field('maxMessageParts', (s) => s.concat),
  queue: field('userPriorityQueue', (s) => s.options.queue),
  callback: field('callback', (s) => s.options.callback),
  escalate: field('escalate', (s) => bit(s.options.escalate)),
  maxCredits: field('maxCredits', (s) => s.options.maxCredits),
  messageType: field('type', (s) => s.options.messageType),
  replyable: field('mo', (s) => bit(s.options.replyable)),
  requiredFeatures: field('requiredFeatures', (s) => (s.features.size > 0 ? toMask(s.features) : undefined)),
  deliverAt: field('scheduledDeliveryTime', (s) =>
    s.options.deliverAt === undefined
      ? undefined
      : new Date(s.options.deliverAt * 1000).toISOString().replace('.000Z', 'Z'),
  ),
  unicode: field('unicode', (s) =>
    s.body._tag === 'Text' && s.body.plan.encoding === 'ucs2' ? 1 : undefined,
  ),
  udh: field('udh', (s) => (s.body._tag === 'Binary' ? s.body.udh : undefined)),
  validityMinutes: field('validityPeriod', (s) => s.options.validityMinutes),
  bypassDoNotContact: field('bypassDNCCheck', (s) => bit(s.options.bypassDoNotContact)),
  binary: field('binary', (s) => (s.body._tag === 'Binary' ? 1 : undefined)),
  deliverAfterMinutes: null,
}

const FIELD_LIST = Object.values(FIELDS).filter((f): f is Field => f !== null)

/**
 * The JSON body for a submission. Refuses `deliverAfterMinutes`, which REST cannot say.
 *
 * @example
 * import { Message, Rest } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: '2799900001', text: 'Hello', maxParts: 3, queue: 1 }))
 * console.log(E.flatMap(Rest.body)(s)) // { _tag: 'Right', right: { text: 'Hello', to: ['2799900001'], userPriorityQueue: 1 } }
 * @category encoding
 * @since 0.1.0
 */
export const body = (submission: Submission): E.Either<InvalidInput, RestMessage> => {
  if (submission.options.deliverAfterMinutes !== undefined)
    return E.left(
      invalidInput([
        {
          path: 'deliverAfterMinutes',
          message: 'the REST API has no delivery delay; give deliverAt (scheduledDeliveryTime) instead',
        },
      ]),
    )
  const b = submission.body
  const json: Record<string, unknown> = {
    text: b._tag === 'Text' ? b.wire : (b.data ?? ''),
    to: [...submission.to],
  }
  for (const [name, value] of FIELD_LIST) {
    const v = value(submission)
    if (v !== undefined) json[name] = v
  }
  return E.right(json as unknown as RestMessage)
}
