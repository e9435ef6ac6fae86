/**
 * Clickatell's legacy REST API (about 2014-2017, docs/gateway.md, 'Legacy REST API') as a dialect of its own,
 * a peer of the HTTP API's: the same validated message (`Message.decode`, `Submission`), the same reply types
 * and errors (`Replies`, `GatewayError` codes from the one registry), JSON in and out.
 *
 * - Requests, one per command, from raw input: `send`, `status`, `stop`, `balance`, `coverage` (and their
 *   `...With(options)` forms for another base URL). Each decodes its options, token and input once, lists every
 *   problem, then builds with `RestRequests` (the typed builders a client calls with decoded values).
 * - Replies: `reply(command, response)`, total, in `RestParse`, re-exported here.
 * - The JSON body of a message: `body`, in `RestBody`, re-exported here.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type MessageTooLong } from '../errors.js'
import type { HttpRequest } from '../http.js'
import { decode, type MessageInput } from '../message/Message.js'
import { Prefix } from '../message/Msisdn.js'
import { fields, gather } from '../message/Validation.js'
import { fromMessage } from './MessageParams.js'
import { body } from './RestBody.js'
import {
  balanceRequest,
  coverageRequest,
  endpoint,
  type RestEndpoint,
  type RestOptions,
  sendRequest,
  statusRequest,
  stopRequest,
} from './RestRequests.js'
import { decodeRef, type MessageRef, type ValidRef } from './Unbound.js'

export type {
  RestCoverageReply,
  RestError,
  RestReplies,
  RestStatusReply,
} from '../reply/RestParse.js'
export { reply, replyWith } from '../reply/RestParse.js'
export { body, type RestMessage } from './RestBody.js'
export type { RestEndpoint, RestOptions, RestRef, RestToken } from './RestRequests.js'

// A request from raw input: the options once, the token once each, then the input; every problem of the three
// together, in that order, before anything is built.
const edge =
  <I, D>(
    decodeInput: (input: I) => E.Either<InvalidInput, D>,
    build: (to: RestEndpoint) => (d: D) => HttpRequest,
  ) =>
  (options: RestOptions) => {
    const at = endpoint(options)
    return (token: string) => {
      const to = at(token)
      return (input: I): E.Either<InvalidInput, HttpRequest> =>
        E.map(([e, d]: readonly [RestEndpoint, D]) => build(e)(d))(gather(to, decodeInput(input)))
    }
  }

/**
 * `POST /rest/message` for a message, with options: validated (`Message.decode`), planned
 * (`Submission.fromMessage`), as JSON (`body`). Every problem of the options, the token and the message is listed.
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
  const at = endpoint(options)
  return (token: string) => {
    const to = at(token)
    return (input: MessageInput): E.Either<InvalidInput | MessageTooLong, HttpRequest> => {
      const checks = gather(to, decode(input))
      if (E.isLeft(checks)) return checks
      const [e, message] = checks.right
      const submission = fromMessage(message)
      if (E.isLeft(submission)) return submission
      return E.map(sendRequest(e))(body(submission.right))
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

/**
 * A message's status and charge, with options: `GET /rest/message/{apiMessageId}`, or
 * `GET /rest/message?clientMessageId=…`.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Rest.statusWith({ baseUrl: 'http://127.0.0.1:8080' })('tok3n')({ clientMessageId: 'order42' })
 * console.log(E.isRight(r) && r.right.url) // 'http://127.0.0.1:8080/rest/message?clientMessageId=order42'
 * @category encoding
 * @since 0.1.0
 */
export const statusWith: (
  options: RestOptions,
) => (token: string) => (ref: MessageRef) => E.Either<InvalidInput, HttpRequest> = edge(
  decodeRef,
  statusRequest,
)

/**
 * `statusWith({})`.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Rest.status('tok3n')({ apiMsgId: '996f364775e24b8432f45d77da8eca47' })
 * console.log(E.isRight(r) && [r.right.method, r.right.url])
 * // ['GET', 'https://api.clickatell.com/rest/message/996f364775e24b8432f45d77da8eca47']
 * @category encoding
 * @since 0.1.0
 */
export const status: (token: string) => (ref: MessageRef) => E.Either<InvalidInput, HttpRequest> = statusWith(
  {},
)

// REST stops by the gateway's id only: `DELETE /rest/message/{apiMessageId}` has no client-id form.
const decodeStopRef = (ref: MessageRef) =>
  E.flatMap((r: ValidRef) =>
    'apiMsgId' in r
      ? E.right(r.apiMsgId)
      : E.left(
          invalidInput([{ path: 'clientMessageId', message: 'REST stops a message by its apiMsgId only' }]),
        ),
  )(decodeRef(ref))

/**
 * Stops a message, with options: `DELETE /rest/message/{apiMessageId}`. A `clientMessageId` is refused: the
 * REST API has no way to stop by it.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const stop = Rest.stopWith({})('tok3n')
 * const r = stop({ apiMsgId: 'a1b2' })
 * console.log(E.isRight(r) && [r.right.method, r.right.url]) // ['DELETE', 'https://api.clickatell.com/rest/message/a1b2']
 * console.log(stop({ clientMessageId: 'order42' })._tag) // 'Left'
 * @category encoding
 * @since 0.1.0
 */
export const stopWith: (
  options: RestOptions,
) => (token: string) => (ref: MessageRef) => E.Either<InvalidInput, HttpRequest> = edge(
  decodeStopRef,
  stopRequest,
)

/**
 * `stopWith({})`.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * console.log(Rest.stop('tok3n')({ apiMsgId: 'a1b2' })._tag) // 'Right'
 * @category encoding
 * @since 0.1.0
 */
export const stop: (token: string) => (ref: MessageRef) => E.Either<InvalidInput, HttpRequest> = stopWith({})

/**
 * The account's balance, with options: `GET /rest/account/balance`.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Rest.balanceWith({ baseUrl: 'http://127.0.0.1:8080' })('tok3n')()
 * console.log(E.isRight(r) && r.right.url) // 'http://127.0.0.1:8080/rest/account/balance'
 * @category encoding
 * @since 0.1.0
 */
export const balanceWith = (
  options: RestOptions,
): ((token: string) => () => E.Either<InvalidInput, HttpRequest>) => {
  const build = edge(
    (_: undefined) => E.right(undefined),
    (to) => () => balanceRequest(to)(),
  )(options)
  return (token) => {
    const withToken = build(token)
    return () => withToken(undefined)
  }
}

/**
 * `balanceWith({})`.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Rest.balance('tok3n')()
 * console.log(E.isRight(r) && r.right.headers.authorization) // 'Bearer tok3n'
 * @category encoding
 * @since 0.1.0
 */
export const balance: (token: string) => () => E.Either<InvalidInput, HttpRequest> = balanceWith({})

const decodeMsisdn = fields({ msisdn: Prefix }, { required: { msisdn: 'the number or prefix to check' } })

/**
 * Whether the gateway routes to a number or prefix, with options: `GET /rest/coverage/{msisdn}`.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Rest.coverageWith({})('tok3n')({ msisdn: '27999123456' })
 * console.log(E.isRight(r) && r.right.url) // 'https://api.clickatell.com/rest/coverage/27999123456'
 * @category encoding
 * @since 0.1.0
 */
export const coverageWith: (
  options: RestOptions,
) => (token: string) => (input: { readonly msisdn: string }) => E.Either<InvalidInput, HttpRequest> = edge(
  (input: { readonly msisdn: string }) => {
    const { value, problems } = decodeMsisdn(input)
    return problems.length > 0 ? E.left(invalidInput(problems)) : E.right(value.msisdn!)
  },
  coverageRequest,
)

/**
 * `coverageWith({})`.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * console.log(Rest.coverage('tok3n')({ msisdn: '+27' })._tag) // 'Left'
 * @category encoding
 * @since 0.1.0
 */
export const coverage: (
  token: string,
) => (input: { readonly msisdn: string }) => E.Either<InvalidInput, HttpRequest> = coverageWith({})
