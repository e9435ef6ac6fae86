/**
 * One encoder per command of the HTTP API v2.6: `(credentials) => (input) => Either<…, WireRequest>`, or a list
 * of requests where recipients are split (sendmsg, quicksend). Pure: nothing is sent. Each is one composition:
 * the credentials decoded once (`Credentials.decodeCredentials`), the input encoded without them (`Unbound`,
 * `UnboundBatch`), the request bound (`Wire.bind`). Credentials come first, then the command's parameters in a
 * fixed order. Every problem of the credentials and the input is listed together.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { InvalidInput, MessageTooLong } from '../errors.js'
import type { ClientMessageId } from '../message/IdCodecs.js'
import type { MessageInput } from '../message/Message.js'
import type { Msisdn } from '../message/Msisdn.js'
import { type Credentials, decodeCredentialsOf, type ValidCredentials } from './Credentials.js'
import { type Submission, params as submissionParams } from './MessageParams.js'
import * as Unbound from './Unbound.js'
import {
  bind,
  type ChunkOptions,
  type Param,
  type UnboundRequest,
  unbound,
  type WireRequest,
  withCredentials,
  withCredentialsEach,
} from './Wire.js'

export { endbatch, quicksend, quicksendWith, senditem, startbatch } from '../message/Batch.js'
export {
  type AccountCredentials,
  account,
  type Credentials,
  type SessionCredentials,
  session,
  type ValidCredentials,
} from './Credentials.js'
export type { MessageRef } from './Unbound.js'
export { refParams } from './Unbound.js'
export type { WireRequest } from './Wire.js'

// A command without input: its one request, encoded once.
const inputless = (u: UnboundRequest) => (): E.Either<never, UnboundRequest> => E.right(u)

/**
 * `auth`: opens a session. Needs account credentials.
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Encode.auth(Encode.account({ apiId: '3442105', user: 'me', password: 'pw' }))()
 * console.log(E.isRight(r) && r.right.params.map(([n]) => n)) // ['api_id', 'user', 'password']
 * @category commands
 * @since 0.1.0
 */
export const auth: (credentials: Credentials) => () => E.Either<InvalidInput, WireRequest> = withCredentials(
  inputless(Unbound.auth()),
  decodeCredentialsOf('Account', 'auth needs account credentials (apiId, user, password)'),
)

/**
 * `ping`: keeps a session alive (sessions expire after 15 idle minutes). Needs session credentials.
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * console.log(E.isRight(Encode.ping(Encode.session('abc'))())) // true
 * @category commands
 * @since 0.1.0
 */
export const ping: (credentials: Credentials) => () => E.Either<InvalidInput, WireRequest> = withCredentials(
  inputless(Unbound.ping()),
  decodeCredentialsOf('Session', 'ping keeps a session alive: it needs session credentials'),
)

/**
 * `getbalance`: the account's credit.
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * console.log(E.isRight(Encode.getbalance(Encode.session('abc'))())) // true
 * @category commands
 * @since 0.1.0
 */
export const getbalance: (credentials: Credentials) => () => E.Either<InvalidInput, WireRequest> =
  withCredentials(inputless(Unbound.getbalance()))

/**
 * Requests for a planned submission: one per chunk of recipients, the same parameters in each.
 *
 * @example
 * import { Encode, Message } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: ['27991', '27992', '27993'].map((n) => n + '00001'), text: 'Hi' }))
 * const r = E.flatMap(Encode.submissionWith({ recipientsPerRequest: 2 })(Encode.session('abc')))(s)
 * console.log(E.isRight(r) && r.right.length) // 2
 * @category commands
 * @since 0.1.0
 */
export const submissionWith = (
  options: ChunkOptions,
): ((
  credentials: Credentials,
) => (submission: Submission) => E.Either<InvalidInput, ReadonlyArray<WireRequest>>) =>
  withCredentialsEach(Unbound.submissionWith(options))

/**
 * `sendmsg` with options: validates the message (`Message.decode`), plans it (`Submission.fromMessage`) and
 * splits the recipients into requests of at most `recipientsPerRequest` (default 300 for POST, 100 for GET),
 * in order, duplicates kept.
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const to = Array.from({ length: 250 }, (_, i) => String(27990000000 + i))
 * const r = Encode.sendmsgWith({ method: 'GET' })(Encode.session('abc'))({ to, text: 'Hi' })
 * console.log(E.isRight(r) && r.right.length) // 3 (100 + 100 + 50)
 * @category commands
 * @since 0.1.0
 */
export const sendmsgWith = (
  options: ChunkOptions,
): ((
  credentials: Credentials,
) => (input: MessageInput) => E.Either<InvalidInput | MessageTooLong, ReadonlyArray<WireRequest>>) =>
  withCredentialsEach(Unbound.sendmsgWith(options))

/**
 * `sendmsg` for POST (300 recipients a request). See `sendmsgWith`.
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Encode.sendmsg(Encode.session('abc'))({ to: '447901231234', text: 'Grüße', callback: 3 })
 * console.log(E.isRight(r) && r.right[0]!.params)
 * // [['session_id', 'abc'], ['to', '447901231234'], ['text', 'Grüße'], ['callback', '3'], ['req_feat', '8192']]
 * @category commands
 * @since 0.1.0
 */
export const sendmsg: (
  credentials: Credentials,
) => (input: MessageInput) => E.Either<InvalidInput | MessageTooLong, ReadonlyArray<WireRequest>> =
  sendmsgWith({})

/**
 * `querymsg`: a message's status, by `apiMsgId` or `clientMessageId`.
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Encode.querymsg(Encode.session('abc'))({ apiMsgId: '996f364775e24b8432f45d77da8eca47' })
 * console.log(E.isRight(r) && r.right.params[1]) // ['apimsgid', '996f364775e24b8432f45d77da8eca47']
 * @category commands
 * @since 0.1.0
 */
export const querymsg: (
  credentials: Credentials,
) => (input: Unbound.MessageRef) => E.Either<InvalidInput, WireRequest> = withCredentials(Unbound.querymsg)

/**
 * `delmsg`: stops a queued message, by `apiMsgId` or `clientMessageId`.
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * console.log(E.isRight(Encode.delmsg(Encode.session('abc'))({ clientMessageId: 'order42' }))) // true
 * @category commands
 * @since 0.1.0
 */
export const delmsg: (
  credentials: Credentials,
) => (input: Unbound.MessageRef) => E.Either<InvalidInput, WireRequest> = withCredentials(Unbound.delmsg)

/**
 * `getmsgcharge`: a message's status and charge, by `apiMsgId` or `clientMessageId`.
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * console.log(E.isRight(Encode.getmsgcharge(Encode.session('abc'))({ apiMsgId: 'abc123' }))) // true
 * @category commands
 * @since 0.1.0
 */
export const getmsgcharge: (
  credentials: Credentials,
) => (input: Unbound.MessageRef) => E.Either<InvalidInput, WireRequest> = withCredentials(
  Unbound.getmsgcharge,
)

/**
 * `routecoverage`: whether the gateway routes to a number or prefix (`msisdn`).
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Encode.routecoverage(Encode.session('abc'))({ msisdn: '447901231234' })
 * console.log(E.isRight(r) && r.right.path) // '/utils/routeCoverage'
 * @category commands
 * @since 0.1.0
 */
export const routecoverage: (
  credentials: Credentials,
) => (input: { readonly msisdn: string }) => E.Either<InvalidInput, WireRequest> = withCredentials(
  Unbound.routecoverage,
)

/**
 * `token_pay`: spends a voucher (`token`, digits only; 16 digits today).
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const r = Encode.token_pay(Encode.session('abc'))({ token: '1234567890123456' })
 * console.log(E.isRight(r) && r.right.params[1]) // ['token', '1234567890123456']
 * @category commands
 * @since 0.1.0
 */
export const token_pay: (
  credentials: Credentials,
) => (input: { readonly token: string }) => E.Either<InvalidInput, WireRequest> = withCredentials(
  Unbound.token_pay,
)

/**
 * The parameters a planned message adds to each of its single-recipient sends, between the recipient and the
 * client message id: its content and options (`MessageParams.params`, the rule `sendmsg` writes too), without a
 * `climsgid` of its own (each request carries its own).
 *
 * @example
 * import { Encode, Message } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: '447900000001', text: 'Hi', clientMessageId: 'm1' }))
 * console.log(E.isRight(s) && Encode.preparedParams(s.right)) // [['text', 'Hi']]
 * @category encoding
 * @since 0.1.0
 */
export const preparedParams = (submission: Submission): ReadonlyArray<Param> => {
  const all = submissionParams(submission)
  return submission.options.clientMessageId === undefined ? all : all.filter(([name]) => name !== 'climsgid')
}

/**
 * A planned message prepared once for many single-recipient sends: its parameters are built once, and each
 * request only adds the credentials, the recipient and the client message id. All three are already decoded
 * (a `ValidCredentials`, an `Msisdn`, a `ClientMessageId`), so a request is made without a check and cannot
 * fail. The client sends each recipient its own request (its own `climsgid`) this way.
 *
 * @example
 * import { Encode, Message } from 'clickatell-fp'
 * import { ClientMessageId } from '../message/IdCodecs.js'
 * import { Msisdn } from '../message/Msisdn.js'
 * import { decodeSession } from './Credentials.js'
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: '447900000001', text: 'Hi' }))
 * const c = decodeSession('abc')
 * const to = Msisdn.decode('447900000002')
 * const id = ClientMessageId.decode('c1')
 * if (E.isRight(s) && E.isRight(c) && E.isRight(to) && E.isRight(id)) {
 *   console.log(Encode.prepare(s.right)(c.right, to.right, id.right).params)
 *   // [['session_id', 'abc'], ['to', '447900000002'], ['text', 'Hi'], ['climsgid', 'c1']]
 * }
 * @category encoding
 * @since 0.1.0
 */
export const prepare = (
  submission: Submission,
): ((credentials: ValidCredentials, to: Msisdn, clientMessageId: ClientMessageId) => WireRequest) => {
  const rest = preparedParams(submission)
  return (credentials, to, clientMessageId) => {
    const params: Param[] = [['to', to]]
    for (const p of rest) params.push(p)
    params.push(['climsgid', clientMessageId])
    return bind(credentials)(unbound('sendmsg', params))
  }
}
