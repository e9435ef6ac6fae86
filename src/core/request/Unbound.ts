/**
 * The HTTP API's commands encoded without credentials: each input is validated once into an `UnboundRequest`
 * (or a list of them, where recipients are split), which `Wire.bind` binds to whatever credentials are current
 * when it is sent. `Encode` is these with credentials; the client encodes once with these and binds at each
 * attempt. The batch commands are in `UnboundBatch`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { InvalidInput, MessageTooLong } from '../errors.js'
import { ApiMessageId, ClientMessageId, Token } from '../message/IdCodecs.js'
import { decode, type MessageInput } from '../message/Message.js'
import { Prefix } from '../message/Msisdn.js'
import { fields, fromProblems, gather } from '../message/Validation.js'
import { fromMessage, type Submission, params as submissionParams } from './MessageParams.js'
import { type ChunkOptions, chunkSize, oneParam, type Param, type UnboundRequest, unbound } from './Wire.js'

/**
 * `auth`: opens a session (bound to account credentials).
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * console.log(Unbound.auth()) // { _tag: 'UnboundRequest', command: 'auth', params: [] }
 * @category commands
 * @since 0.1.0
 */
export const auth = (): UnboundRequest => unbound('auth', [])

/**
 * `ping`: keeps a session alive (bound to session credentials).
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * console.log(Unbound.ping().command) // 'ping'
 * @category commands
 * @since 0.1.0
 */
export const ping = (): UnboundRequest => unbound('ping', [])

/**
 * `getbalance`: the account's credit.
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * console.log(Unbound.getbalance().params) // []
 * @category commands
 * @since 0.1.0
 */
export const getbalance = (): UnboundRequest => unbound('getbalance', [])

/**
 * The `sendmsg` requests of a planned message: one per chunk of at most `size` recipients, in order, the
 * message's parameters (`MessageParams.params`) after the recipients in each.
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as Unbound from './Unbound.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: ['27990000001', '27990000002'], text: 'Hi' }))
 * console.log(E.isRight(s) && Unbound.sendmsgRequests(1)(s.right).map((u) => u.params))
 * // [[['to', '27990000001'], ['text', 'Hi']], [['to', '27990000002'], ['text', 'Hi']]]
 * @category commands
 * @since 0.1.0
 */
export const sendmsgRequests =
  (size: number) =>
  (submission: Submission): ReadonlyArray<UnboundRequest> => {
    const rest = submissionParams(submission)
    const to = submission.to
    const out: UnboundRequest[] = []
    for (let i = 0; i < to.length; i += size) {
      const params: Param[] = [
        ['to', size === 1 || to.length === 1 ? to[i]! : to.slice(i, i + size).join(',')],
      ]
      for (const p of rest) params.push(p)
      out.push(unbound('sendmsg', params))
    }
    return out
  }

/**
 * The requests of a planned submission with options: the chunk size is checked once.
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as Unbound from './Unbound.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: ['27990000001', '27990000002', '27990000003'], text: 'Hi' }))
 * const r = E.flatMap(Unbound.submissionWith({ recipientsPerRequest: 2 }))(s)
 * console.log(E.isRight(r) && r.right.length) // 2
 * @category commands
 * @since 0.1.0
 */
export const submissionWith = (
  options: ChunkOptions,
): ((submission: Submission) => E.Either<InvalidInput, ReadonlyArray<UnboundRequest>>) => {
  const size = chunkSize(options)
  return (submission) => E.map((n: number) => sendmsgRequests(n)(submission))(size)
}

/**
 * `sendmsg` with options: validates the message (`Message.decode`), plans it (`MessageParams.fromMessage`) and
 * splits the recipients into requests of at most `recipientsPerRequest` (default 300 for POST, 100 for GET).
 * Problems of the options come before those of the message.
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * import * as E from 'fp-ts/Either'
 * const to = Array.from({ length: 250 }, (_, i) => String(27990000000 + i))
 * const r = Unbound.sendmsgWith({ method: 'GET' })({ to, text: 'Hi' })
 * console.log(E.isRight(r) && r.right.length) // 3 (100 + 100 + 50)
 * @category commands
 * @since 0.1.0
 */
export const sendmsgWith = (
  options: ChunkOptions,
): ((input: MessageInput) => E.Either<InvalidInput | MessageTooLong, ReadonlyArray<UnboundRequest>>) => {
  const size = chunkSize(options)
  return (input) => {
    const checks = gather(size, decode(input))
    if (E.isLeft(checks)) return checks
    const [n, message] = checks.right
    return E.map(sendmsgRequests(n))(fromMessage(message))
  }
}

/**
 * `sendmsg` for POST (300 recipients a request). See `sendmsgWith`.
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * import * as E from 'fp-ts/Either'
 * const r = Unbound.sendmsg({ to: '447901231234', text: 'Hi' })
 * console.log(E.isRight(r) && r.right[0]!.params) // [['to', '447901231234'], ['text', 'Hi']]
 * @category commands
 * @since 0.1.0
 */
export const sendmsg: (
  input: MessageInput,
) => E.Either<InvalidInput | MessageTooLong, ReadonlyArray<UnboundRequest>> = sendmsgWith({})

/**
 * Which message a query is about: the gateway's id, or the caller's.
 *
 * @category model
 * @since 0.1.0
 */
export type MessageRef = { readonly apiMsgId: string } | { readonly clientMessageId: string }

const refFields = fields({ apiMsgId: ApiMessageId, clientMessageId: ClientMessageId })

/**
 * A message reference, decoded: the gateway's id or the caller's, exactly one of them.
 *
 * @category model
 * @since 0.1.0
 */
export type ValidRef = { readonly apiMsgId: ApiMessageId } | { readonly clientMessageId: ClientMessageId }

/**
 * Decodes a message reference from outside: `apiMsgId` or `clientMessageId`, exactly one. Both dialects
 * read their references with it.
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * console.log(Unbound.decodeRef({ apiMsgId: 'a1' })) // { _tag: 'Right', right: { apiMsgId: 'a1' } }
 * console.log(Unbound.decodeRef({} as never)) // { _tag: 'Left', left: { _tag: 'InvalidInput', problems: [{ path: '', message: 'give apiMsgId or clientMessageId' }] } }
 * @category decoding
 * @since 0.1.0
 */
export const decodeRef = (input: MessageRef): E.Either<InvalidInput, ValidRef> => {
  const { value, given, problems } = refFields(input)
  const count = (given.includes('apiMsgId') ? 1 : 0) + (given.includes('clientMessageId') ? 1 : 0)
  const shape =
    count === 1 || problems.some((p) => p.path === '')
      ? []
      : [{ path: '', message: `give apiMsgId or clientMessageId${count === 0 ? '' : ', not both'}` }]
  return fromProblems(
    [...problems, ...shape],
    (): ValidRef =>
      value.apiMsgId !== undefined
        ? { apiMsgId: value.apiMsgId }
        : { clientMessageId: value.clientMessageId! },
  )
}

/**
 * The parameter of a message reference: `apimsgid` or `climsgid`, exactly one.
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * console.log(Unbound.refParams({ clientMessageId: 'order42' })) // { _tag: 'Right', right: [['climsgid', 'order42']] }
 * @category encoding
 * @since 0.1.0
 */
export const refParams = (input: MessageRef): E.Either<InvalidInput, ReadonlyArray<Param>> =>
  E.map(
    (ref: ValidRef): ReadonlyArray<Param> =>
      'apiMsgId' in ref ? [['apimsgid', ref.apiMsgId]] : [['climsgid', ref.clientMessageId]],
  )(decodeRef(input))

const byRef =
  (command: 'querymsg' | 'delmsg' | 'getmsgcharge') =>
  (input: MessageRef): E.Either<InvalidInput, UnboundRequest> =>
    E.map((params: ReadonlyArray<Param>) => unbound(command, params))(refParams(input))

/**
 * `querymsg`: a message's status, by `apiMsgId` or `clientMessageId`.
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * import * as E from 'fp-ts/Either'
 * const r = Unbound.querymsg({ apiMsgId: '996f364775e24b8432f45d77da8eca47' })
 * console.log(E.isRight(r) && r.right.params) // [['apimsgid', '996f364775e24b8432f45d77da8eca47']]
 * @category commands
 * @since 0.1.0
 */
export const querymsg: (input: MessageRef) => E.Either<InvalidInput, UnboundRequest> = byRef('querymsg')

/**
 * `delmsg`: stops a queued message, by `apiMsgId` or `clientMessageId`.
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * console.log(Unbound.delmsg({ clientMessageId: 'order42' })._tag) // 'Right'
 * @category commands
 * @since 0.1.0
 */
export const delmsg: (input: MessageRef) => E.Either<InvalidInput, UnboundRequest> = byRef('delmsg')

/**
 * `getmsgcharge`: a message's status and charge, by `apiMsgId` or `clientMessageId`.
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * console.log(Unbound.getmsgcharge({ apiMsgId: 'abc123' })._tag) // 'Right'
 * @category commands
 * @since 0.1.0
 */
export const getmsgcharge: (input: MessageRef) => E.Either<InvalidInput, UnboundRequest> =
  byRef('getmsgcharge')

/**
 * `routecoverage`: whether the gateway routes to a number or prefix (`msisdn`).
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * import * as E from 'fp-ts/Either'
 * const r = Unbound.routecoverage({ msisdn: '447901231234' })
 * console.log(E.isRight(r) && r.right.params) // [['msisdn', '447901231234']]
 * @category commands
 * @since 0.1.0
 */
export const routecoverage: (input: { readonly msisdn: string }) => E.Either<InvalidInput, UnboundRequest> =
  oneParam('routecoverage', 'msisdn', 'msisdn', Prefix, 'the number or prefix to check')

/**
 * `token_pay`: spends a voucher (`token`, digits only; 16 digits today).
 *
 * @example
 * import * as Unbound from './Unbound.js'
 * import * as E from 'fp-ts/Either'
 * const r = Unbound.token_pay({ token: '1234567890123456' })
 * console.log(E.isRight(r) && r.right.params) // [['token', '1234567890123456']]
 * @category commands
 * @since 0.1.0
 */
export const token_pay: (input: { readonly token: string }) => E.Either<InvalidInput, UnboundRequest> =
  oneParam('token_pay', 'token', 'token', Token, 'the voucher number')
