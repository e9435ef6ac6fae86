/**
 * One encoder per command of the HTTP API v2.6: `(credentials) => (input) => Either<…, WireRequest>`, or a list
 * of requests where recipients are split (sendmsg, quicksend). Pure: nothing is sent. Credentials come first,
 * then the command's parameters in a fixed order. Every problem of the credentials and the input is listed
 * together.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type MessageTooLong, type Problem } from '../errors.js'
import { ApiMessageId, ClientMessageId, Token } from '../message/Codecs.js'
import { decode, type MessageInput } from '../message/Message.js'
import { Msisdn, Prefix } from '../message/Msisdn.js'
import { fields, fromProblems, gather } from '../message/Validation.js'
import type { Command } from './Command.js'
import { fromMessage, type Submission, params as submissionParams } from './MessageParams.js'
import {
  type ChunkOptions,
  type Credentials,
  chunkSetup,
  credentialParams,
  oneParam,
  type Param,
  request,
  type WireRequest,
  withCredentials,
} from './Wire.js'

export { endbatch, quicksend, quicksendWith, senditem, startbatch } from '../message/Batch.js'
export {
  type AccountCredentials,
  account,
  type Credentials,
  type SessionCredentials,
  session,
  type WireRequest,
} from './Wire.js'

// The other kind of credentials is a problem of its own; anything else is credentialParams' to judge.
const needs = (
  command: Command,
  credentials: Credentials,
  tag: Credentials['_tag'],
  why: string,
): Problem[] => {
  let actual: unknown
  try {
    actual = credentials !== null && typeof credentials === 'object' ? credentials._tag : undefined
  } catch {
    return []
  }
  return (actual === 'Session' || actual === 'Account') && actual !== tag
    ? [{ path: 'credentials', message: `${command} ${why}` }]
    : []
}

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
export const auth = (credentials: Credentials) => (): E.Either<InvalidInput, WireRequest> => {
  const wrong = needs('auth', credentials, 'Account', 'needs account credentials (apiId, user, password)')
  return wrong.length > 0 ? E.left(invalidInput(wrong)) : withCredentials('auth', credentials, E.right([]))
}

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
export const ping = (credentials: Credentials) => (): E.Either<InvalidInput, WireRequest> => {
  const wrong = needs('ping', credentials, 'Session', 'keeps a session alive: it needs session credentials')
  return wrong.length > 0 ? E.left(invalidInput(wrong)) : withCredentials('ping', credentials, E.right([]))
}

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
export const getbalance = (credentials: Credentials) => (): E.Either<InvalidInput, WireRequest> =>
  withCredentials('getbalance', credentials, E.right([]))

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
export const submissionWith = (options: ChunkOptions) => {
  const setupFor = chunkSetup(options)
  return (credentials: Credentials) => {
    // Checked once per credentials: they are configuration, not data.
    const setup = setupFor(credentials)
    return (submission: Submission): E.Either<InvalidInput, ReadonlyArray<WireRequest>> =>
      E.isLeft(setup) ? setup : E.right(requestsOf(setup.right[0], setup.right[1], submission))
  }
}

// One request per chunk of recipients, the other parameters shared.
const requestsOf = (
  auth: ReadonlyArray<Param>,
  size: number,
  submission: Submission,
): ReadonlyArray<WireRequest> => {
  const rest = submissionParams(submission)
  const to = submission.to
  const out: WireRequest[] = []
  for (let i = 0; i < to.length; i += size) {
    const params: Param[] = auth.slice()
    params.push(['to', size === 1 || to.length === 1 ? to[i]! : to.slice(i, i + size).join(',')])
    for (const p of rest) params.push(p)
    out.push(request('sendmsg', params))
  }
  return out
}

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
export const sendmsgWith = (options: ChunkOptions) => {
  const setupFor = chunkSetup(options)
  return (credentials: Credentials) => {
    const setup = setupFor(credentials)
    return (input: MessageInput): E.Either<InvalidInput | MessageTooLong, ReadonlyArray<WireRequest>> => {
      const message = decode(input)
      if (E.isLeft(setup) || E.isLeft(message)) return gather(setup, message) as E.Left<InvalidInput>
      const submission = fromMessage(message.right)
      return E.isLeft(submission)
        ? submission
        : E.right(requestsOf(setup.right[0], setup.right[1], submission.right))
    }
  }
}

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
 * Which message a query is about: the gateway's id, or the caller's.
 *
 * @category model
 * @since 0.1.0
 */
export type MessageRef = { readonly apiMsgId: string } | { readonly clientMessageId: string }

const decodeRef = fields({ apiMsgId: ApiMessageId, clientMessageId: ClientMessageId })

/**
 * The parameter of a message reference: `apimsgid` or `climsgid`, exactly one.
 *
 * @example
 * import { Encode } from 'clickatell-fp'
 * console.log(Encode.refParams({ clientMessageId: 'order42' })) // { _tag: 'Right', right: [['climsgid', 'order42']] }
 * @category encoding
 * @since 0.1.0
 */
export const refParams = (input: MessageRef): E.Either<InvalidInput, ReadonlyArray<Param>> => {
  const { value, given, problems } = decodeRef(input)
  const count = (given.includes('apiMsgId') ? 1 : 0) + (given.includes('clientMessageId') ? 1 : 0)
  const shape =
    count === 1 || problems.some((p) => p.path === '')
      ? []
      : [{ path: '', message: `give apiMsgId or clientMessageId${count === 0 ? '' : ', not both'}` }]
  return fromProblems(
    [...problems, ...shape],
    (): ReadonlyArray<Param> =>
      value.apiMsgId !== undefined ? [['apimsgid', value.apiMsgId]] : [['climsgid', value.clientMessageId!]],
  )
}

const byRef =
  (command: 'querymsg' | 'delmsg' | 'getmsgcharge') =>
  (credentials: Credentials) =>
  (input: MessageRef): E.Either<InvalidInput, WireRequest> =>
    withCredentials(command, credentials, refParams(input))

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
) => (input: MessageRef) => E.Either<InvalidInput, WireRequest> = byRef('querymsg')

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
) => (input: MessageRef) => E.Either<InvalidInput, WireRequest> = byRef('delmsg')

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
) => (input: MessageRef) => E.Either<InvalidInput, WireRequest> = byRef('getmsgcharge')

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
) => (input: { readonly msisdn: string }) => E.Either<InvalidInput, WireRequest> = oneParam(
  'routecoverage',
  'msisdn',
  'msisdn',
  Prefix,
  'the number or prefix to check',
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
) => (input: { readonly token: string }) => E.Either<InvalidInput, WireRequest> = oneParam(
  'token_pay',
  'token',
  'token',
  Token,
  'the voucher number',
)

/**
 * The parameters a planned message adds to each of its single-recipient sends, between the recipient and the
 * client message id: its content and options, without a `climsgid` of its own (each request carries its own).
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
 * request only adds the credentials, the recipient and the client message id. The client uses it to send one
 * request per recipient (each with its own `climsgid`) without planning the message again for every attempt.
 *
 * @example
 * import { Encode, Message } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: '447900000001', text: 'Hi' }))
 * if (E.isRight(s)) {
 *   const send = Encode.prepare(s.right)
 *   const r = send(Encode.session('abc'), '447900000002', 'c1')
 *   console.log(E.isRight(r) && r.right.params)
 *   // [['session_id', 'abc'], ['to', '447900000002'], ['text', 'Hi'], ['climsgid', 'c1']]
 * }
 * @category encoding
 * @since 0.1.0
 */
export const prepare = (
  submission: Submission,
): ((
  credentials: Credentials,
  to: string,
  clientMessageId: string,
) => E.Either<InvalidInput, WireRequest>) => {
  const rest = preparedParams(submission)
  return (credentials, to, clientMessageId) => {
    const auth = credentialParams(credentials)
    if (E.isLeft(auth)) return auth
    const goodNumber = Msisdn.is(to)
    const goodId = ClientMessageId.is(clientMessageId)
    if (!goodNumber || !goodId)
      return E.left(
        invalidInput([
          ...(goodNumber ? [] : [{ path: 'to', message: 'must be one international number, digits only' }]),
          ...(goodId ? [] : [{ path: 'clientMessageId', message: 'must be 1 to 32 letters and digits' }]),
        ]),
      )
    const params: Param[] = auth.right.slice()
    params.push(['to', to])
    for (const p of rest) params.push(p)
    params.push(['climsgid', clientMessageId])
    return E.right(request('sendmsg', params))
  }
}
