/**
 * The same validated message as a request to Clickatell's legacy REST API (about 2014-2017, docs/gateway.md,
 * 'Legacy REST API'): `POST /rest/message` with `X-Version: 1`, `Authorization: Bearer <token>`, JSON in and
 * out, and the camelCase names of the REST parameter table (`shared/spec/002_*`). One model, two dialects:
 * both start from `Submission`.
 *
 * Inferred, not documented (docs/messages.md): UCS-2 text goes as hex with `unicode: 1` and binary content as
 * hex in `text` with `binary: 1`, because the REST table describes those parameters in the HTTP API's words
 * and has no `data`. REST has no delivery delay (`deliv_time`): a message with `deliverAfterMinutes` is
 * refused, since the core has no clock to turn it into `scheduledDeliveryTime`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type MessageTooLong, type Problem } from '../errors.js'
import type { HttpRequest } from '../http.js'
import { toMask } from '../message/Features.js'
import { decode, type MessageInput, type ValidOptions } from '../message/Message.js'
import { gather } from '../message/Validation.js'
import { fromMessage, type Submission } from './MessageParams.js'
import { root } from './Render.js'

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

// How each option is written (the REST parameter table, `shared/spec/002_*`), and the content fields that go
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

/**
 * Options for `sendWith`: where the REST API is.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestOptions {
  readonly baseUrl?: string
}

// A header value must not carry a line break (header injection) or anything outside visible ASCII.
const tokenProblem = (token: unknown): Problem | undefined =>
  typeof token !== 'string' || token === ''
    ? { path: 'token', message: 'must be the REST API token, a non-empty string' }
    : /^[\x21-\x7e]+$/.test(token)
      ? undefined
      : {
          path: 'token',
          message: 'has a character that cannot go in an HTTP header (spaces, line breaks, non-ASCII)',
        }

/**
 * `POST /rest/message` for a message, with options: validated (`Message.decode`), planned
 * (`Submission.fromMessage`), as JSON. Every problem of the options, the token and the message is listed.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Rest.sendWith({})('tok3n')({ to: '2799900001', text: 'Hello' })
 * console.log(E.isRight(r) && [r.right.url, r.right.headers['x-version'], r.right.body])
 * // ['https://api.clickatell.com/rest/message', '1', '{"text":"Hello","to":["2799900001"]}']
 * @category encoding
 * @since 0.1.0
 */
export const sendWith = (options: RestOptions) => {
  // The options once, the token once each: configuration, not data. Their problems still come first.
  const base = root(options.baseUrl)
  return (token: string) => {
    const t = tokenProblem(token)
    const tokenChecked = t === undefined ? E.right(token) : E.left(invalidInput([t]))
    return (input: MessageInput): E.Either<InvalidInput | MessageTooLong, HttpRequest> => {
      const checks = gather(base, tokenChecked, decode(input))
      if (E.isLeft(checks)) return checks
      const [url, , message] = checks.right
      const submission = fromMessage(message)
      if (E.isLeft(submission)) return submission
      return E.map(
        (json: RestMessage): HttpRequest => ({
          method: 'POST',
          url: `${url}/rest/message`,
          headers: {
            'x-version': '1',
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify(json),
        }),
      )(body(submission.right))
    }
  }
}

/**
 * `sendWith({})`: the REST API at `https://api.clickatell.com/rest`.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Rest.send('tok3n')({ to: ['2799900001', '2799900002'], text: 'ΩΨΘ', callback: 3 })
 * console.log(E.isRight(r) && r.right.body)
 * // '{"text":"03A903A80398","to":["2799900001","2799900002"],"callback":3,"requiredFeatures":8200,"unicode":1}'
 * @category encoding
 * @since 0.1.0
 */
export const send: (
  token: string,
) => (input: MessageInput) => E.Either<InvalidInput | MessageTooLong, HttpRequest> = sendWith({})
