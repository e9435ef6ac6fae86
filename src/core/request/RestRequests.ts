/**
 * The REST dialect's requests from decoded values (docs/gateway.md, 'Legacy REST API'): one builder per
 * command, each total, none checking again what its brands already say. The token and the base URL are decoded
 * once, at the edge, into a `RestEndpoint` (`endpoint`); `Rest` decodes raw input and calls these.
 *
 * Every request carries the same four headers, `X-Version: 1`, `Authorization: Bearer <token>`, `Content-Type`
 * and `Accept: application/json`, a body or not: the REST documents say only that a missing or wrong
 * content type is error 167, not that a GET may leave it out, so it is always sent (inferred, docs/messages.md).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { type InvalidInput, invalidInput } from '../errors.js'
import type { HttpRequest } from '../http.js'
import type { ApiMessageId, ClientMessageId } from '../message/IdCodecs.js'
import type { Msisdn, Prefix } from '../message/Msisdn.js'
import { checked, gather, problemsOf } from '../message/Validation.js'
import type { Submission } from './MessageParams.js'
import { root } from './Render.js'
import { body, type RestMessage } from './RestBody.js'
import type { ValidRef } from './Unbound.js'

/** @category model @since 0.1.0 */
export interface RestTokenBrand {
  readonly RestToken: unique symbol
}

/**
 * The REST API's token (`Authorization: Bearer <token>`): non-empty, visible ASCII only (no space, no line
 * break, so it cannot end the header or start another one).
 *
 * @category model
 * @since 0.1.0
 */
export type RestToken = t.Branded<string, RestTokenBrand>

// The value is never quoted: it is a secret.
const TOKEN = /^[\x21-\x7e]+$/

/**
 * @example
 * import * as RestRequests from './RestRequests.js'
 * console.log(RestRequests.RestToken.is('tok3n'), RestRequests.RestToken.is('tok en')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const RestToken = checked<RestToken>('RestToken', (u) =>
  typeof u !== 'string' || u === ''
    ? 'must be the REST API token, a non-empty string'
    : TOKEN.test(u)
      ? undefined
      : 'has a character that cannot go in an HTTP header (spaces, line breaks, non-ASCII)',
)

/**
 * Decodes a token from outside, once. The problem's path is `token`; the value is never quoted.
 *
 * @example
 * import * as RestRequests from './RestRequests.js'
 * console.log(RestRequests.decodeToken('tok3n')) // { _tag: 'Right', right: 'tok3n' }
 * console.log(RestRequests.decodeToken('t\r\nX: 1')) // { _tag: 'Left', left: { _tag: 'InvalidInput', problems: [{ path: 'token', message: 'has a character that cannot go in an HTTP header (spaces, line breaks, non-ASCII)' }] } }
 * @category decoding
 * @since 0.1.0
 */
export const decodeToken = (u: unknown): E.Either<InvalidInput, RestToken> =>
  E.mapLeft((errors: t.Errors) => invalidInput(problemsOf(errors)))(
    RestToken.validate(u, [{ key: 'token', type: RestToken, actual: u }]),
  )

/**
 * Options of the REST dialect: where the REST API is (`https://api.clickatell.com` by default; the paths add
 * `/rest/...`).
 *
 * @category model
 * @since 0.1.0
 */
export interface RestOptions {
  readonly baseUrl?: string
}

/**
 * Where requests go and the token they carry, both decoded.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestEndpoint {
  /** The base URL without its trailing slash. */
  readonly baseUrl: string
  readonly token: RestToken
}

/**
 * Decodes the options and the token once: every problem of both, the base URL's first.
 *
 * @example
 * import * as RestRequests from './RestRequests.js'
 * console.log(RestRequests.endpoint({ baseUrl: 'http://127.0.0.1:8080/' })('tok3n'))
 * // { _tag: 'Right', right: { baseUrl: 'http://127.0.0.1:8080', token: 'tok3n' } }
 * const r = RestRequests.endpoint({ baseUrl: 'nope' })('')
 * console.log(r._tag === 'Left' && r.left.problems.map((p) => p.path)) // ['baseUrl', 'token']
 * @category decoding
 * @since 0.1.0
 */
export const endpoint = (
  options: RestOptions,
): ((token: unknown) => E.Either<InvalidInput, RestEndpoint>) => {
  // The options once, the token once each: configuration, not data. Their problems still come first.
  const base = root(options.baseUrl)
  return (token) =>
    E.map(([baseUrl, t]: readonly [string, RestToken]): RestEndpoint => ({ baseUrl, token: t }))(
      gather(base, decodeToken(token)),
    )
}

/**
 * The four headers of every REST request, lower-cased as `HttpRequest` has them.
 *
 * @example
 * import * as RestRequests from './RestRequests.js'
 * import * as E from 'fp-ts/Either'
 * const t = RestRequests.decodeToken('tok3n')
 * console.log(E.isRight(t) && RestRequests.headers(t.right))
 * // { 'x-version': '1', authorization: 'Bearer tok3n', 'content-type': 'application/json', accept: 'application/json' }
 * @category encoding
 * @since 0.1.0
 */
export const headers = (token: RestToken): Readonly<Record<string, string>> => ({
  'x-version': '1',
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
  accept: 'application/json',
})

const request = (
  to: RestEndpoint,
  method: HttpRequest['method'],
  path: string,
  json?: RestMessage,
): HttpRequest =>
  json === undefined
    ? { method, url: to.baseUrl + path, headers: headers(to.token) }
    : { method, url: to.baseUrl + path, headers: headers(to.token), body: JSON.stringify(json) }

/**
 * `POST /rest/message` with a JSON body as `RestBody.body` writes it.
 *
 * @example
 * import * as RestRequests from './RestRequests.js'
 * import * as E from 'fp-ts/Either'
 * const e = RestRequests.endpoint({})('tok3n')
 * console.log(E.isRight(e) && RestRequests.sendRequest(e.right)({ text: 'Hi', to: ['2799900001'] }).body)
 * // '{"text":"Hi","to":["2799900001"]}'
 * @category commands
 * @since 0.1.0
 */
export const sendRequest =
  (to: RestEndpoint) =>
  (json: RestMessage): HttpRequest =>
    request(to, 'POST', '/rest/message', json)

/**
 * A planned message prepared once for many single-recipient sends, as `Encode.prepare` is for the HTTP API:
 * its JSON is built once, and each request sets only the recipient and its client message id, both decoded,
 * so a request is made without a check. `Left` only for what REST cannot say (`deliverAfterMinutes`).
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * import { ClientMessageId } from '../message/IdCodecs.js'
 * import { Msisdn } from '../message/Msisdn.js'
 * import * as Submission from './MessageParams.js'
 * import * as RestRequests from './RestRequests.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: '2799900001', text: 'Hi' }))
 * const send = E.flatMap(RestRequests.prepareSend)(s)
 * const e = RestRequests.endpoint({})('tok3n')
 * const to = Msisdn.decode('2799900002')
 * const id = ClientMessageId.decode('c1')
 * if (E.isRight(send) && E.isRight(e) && E.isRight(to) && E.isRight(id))
 *   console.log(send.right(e.right, to.right, id.right).body) // '{"text":"Hi","to":["2799900002"],"clientMessageId":"c1"}'
 * @category commands
 * @since 0.1.0
 */
export const prepareSend = (
  submission: Submission,
): E.Either<
  InvalidInput,
  (to: RestEndpoint, recipient: Msisdn, clientMessageId: ClientMessageId) => HttpRequest
> =>
  E.map(
    (json: RestMessage) => (to: RestEndpoint, recipient: Msisdn, clientMessageId: ClientMessageId) =>
      request(to, 'POST', '/rest/message', { ...json, to: [recipient], clientMessageId }),
  )(body(submission))

/**
 * Which message a status request is about: the gateway's id (`GET /rest/message/{apiMessageId}`) or the
 * caller's (`GET /rest/message?clientMessageId=…`), decoded (`Unbound.decodeRef`).
 *
 * @category model
 * @since 0.1.0
 */
export type RestRef = ValidRef

/**
 * `GET /rest/message/{apiMessageId}` or `GET /rest/message?clientMessageId=…`: a message's status and charge.
 * The ids' alphabet (letters and digits) needs no escaping in a path or a query.
 *
 * @example
 * import { ApiMessageId } from '../message/IdCodecs.js'
 * import * as RestRequests from './RestRequests.js'
 * import * as E from 'fp-ts/Either'
 * const e = RestRequests.endpoint({})('tok3n')
 * const id = ApiMessageId.decode('a1b2')
 * console.log(E.isRight(e) && E.isRight(id) && RestRequests.statusRequest(e.right)({ apiMsgId: id.right }).url)
 * // 'https://api.clickatell.com/rest/message/a1b2'
 * @category commands
 * @since 0.1.0
 */
export const statusRequest =
  (to: RestEndpoint) =>
  (ref: RestRef): HttpRequest =>
    request(
      to,
      'GET',
      'apiMsgId' in ref
        ? `/rest/message/${ref.apiMsgId}`
        : `/rest/message?clientMessageId=${ref.clientMessageId}`,
    )

/**
 * `DELETE /rest/message/{apiMessageId}`: stops a message that has not left the gateway.
 *
 * @example
 * import { ApiMessageId } from '../message/IdCodecs.js'
 * import * as RestRequests from './RestRequests.js'
 * import * as E from 'fp-ts/Either'
 * const e = RestRequests.endpoint({})('tok3n')
 * const id = ApiMessageId.decode('a1b2')
 * const r = E.isRight(e) && E.isRight(id) && RestRequests.stopRequest(e.right)(id.right)
 * console.log(r && [r.method, r.url]) // ['DELETE', 'https://api.clickatell.com/rest/message/a1b2']
 * @category commands
 * @since 0.1.0
 */
export const stopRequest =
  (to: RestEndpoint) =>
  (apiMsgId: ApiMessageId): HttpRequest =>
    request(to, 'DELETE', `/rest/message/${apiMsgId}`)

/**
 * `GET /rest/account/balance`.
 *
 * @example
 * import * as RestRequests from './RestRequests.js'
 * import * as E from 'fp-ts/Either'
 * const e = RestRequests.endpoint({})('tok3n')
 * console.log(E.isRight(e) && RestRequests.balanceRequest(e.right)().url) // 'https://api.clickatell.com/rest/account/balance'
 * @category commands
 * @since 0.1.0
 */
export const balanceRequest = (to: RestEndpoint) => (): HttpRequest =>
  request(to, 'GET', '/rest/account/balance')

/**
 * `GET /rest/coverage/{msisdn}`: whether the gateway routes to a number or prefix (digits only).
 *
 * @example
 * import { Prefix } from '../message/Msisdn.js'
 * import * as RestRequests from './RestRequests.js'
 * import * as E from 'fp-ts/Either'
 * const e = RestRequests.endpoint({})('tok3n')
 * const n = Prefix.decode('27999')
 * console.log(E.isRight(e) && E.isRight(n) && RestRequests.coverageRequest(e.right)(n.right).url)
 * // 'https://api.clickatell.com/rest/coverage/27999'
 * @category commands
 * @since 0.1.0
 */
export const coverageRequest =
  (to: RestEndpoint) =>
  (msisdn: Prefix | Msisdn): HttpRequest =>
    request(to, 'GET', `/rest/coverage/${msisdn}`)
