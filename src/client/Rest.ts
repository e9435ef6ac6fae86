/**
 * The client over the legacy REST API: the REST dialect's side of the gateway operations the client is made of.
 * There is no session: the token goes with every request. A request is built once per call by the core's REST
 * builders (the base URL and the token decoded once, in `Config`), sent through the transport and read by
 * `Rest.reply`, in the HTTP dialect's reply types and errors. The sends are the HTTP dialect's (`Messages`, with
 * its safe-send policy `Send`), each attempt a `POST /rest/message` to one recipient with its client message id;
 * a lost answer is checked with `GET /rest/message?clientMessageId=…`. The reads (status, charge, cancel,
 * balance, coverage) are repeated as the HTTP API's are (`Commands.retrying`).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { ClickatellError, InvalidInput } from '../core/errors.js'
import type { HttpRequest } from '../core/http.js'
import type { ClientMessageId } from '../core/message/IdCodecs.js'
import type { Msisdn } from '../core/message/Msisdn.js'
import type { BalanceReply, ChargeReply, CoverageReply, StatusReply } from '../core/reply/Replies.js'
import { type RestReplies, replyWith } from '../core/reply/RestParse.js'
import type { RestCommand } from '../core/request/Command.js'
import * as Rest from '../core/request/Rest.js'
import { prepareSend, type RestEndpoint, statusRequest } from '../core/request/RestRequests.js'
import { decodeRef, type MessageRef } from '../core/request/Unbound.js'
import { settle } from '../transport/Transport.js'
import type * as Commands from './Commands.js'
import type { RestSettings } from './Config.js'
import type * as Messages from './Messages.js'

/**
 * One exchange with the REST API: a request sent through the transport, its answer read as `command`'s.
 *
 * @category model
 * @since 0.1.0
 */
export type RestExchange = <C extends RestCommand>(
  command: C,
  request: HttpRequest,
  signal?: AbortSignal,
) => Promise<E.Either<ClickatellError, RestReplies[C]>>

/**
 * Makes the REST exchange. A transport that throws or rejects gives a `TransportError`, as a lost answer would.
 *
 * @example
 * import * as RestClient from './Rest.js'
 * import * as E from 'fp-ts/Either'
 * const exchange = RestClient.exchange({
 *   transport: { send: () => async () => E.right({ status: 200, headers: {}, body: '{"data":{"balance":"36.000"}}' }) },
 *   maxBodyChars: 1024,
 * })
 * console.log(await exchange('balance', { method: 'GET', url: 'http://127.0.0.1:1/rest/account/balance', headers: {} }))
 * // { _tag: 'Right', right: { credit: 36, raw: '36.000' } }
 * @category constructors
 * @since 0.1.0
 */
export const exchange = (deps: Pick<RestSettings, 'transport' | 'maxBodyChars'>): RestExchange => {
  const read = replyWith({ maxBodyChars: deps.maxBodyChars })
  return (command, request, signal) => {
    const sent = signal === undefined ? request : { ...request, signal }
    return settle(
      sent,
      () => deps.transport.send(sent)(),
      (response) => (E.isLeft(response) ? response : read(command, response.right)),
    )
  }
}

/**
 * The commands of the REST dialect besides the sends, with the HTTP dialect's signatures.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestCommands {
  readonly status: (ref: MessageRef) => TE.TaskEither<ClickatellError, StatusReply>
  /** The status answer carries the charge: a `GET /rest/message/…` too. */
  readonly charge: (ref: MessageRef) => TE.TaskEither<ClickatellError, ChargeReply>
  /** `DELETE /rest/message/{apiMessageId}`; by `clientMessageId`, the message is looked up first. */
  readonly cancel: (ref: MessageRef) => TE.TaskEither<ClickatellError, StatusReply>
  readonly balance: () => TE.TaskEither<ClickatellError, BalanceReply>
  readonly coverage: (msisdn: string) => TE.TaskEither<ClickatellError, CoverageReply>
}

/**
 * What the REST commands need: the exchange, the retry rule, and where to send with which token.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestDeps {
  readonly exchange: RestExchange
  readonly retry: Commands.Retry
  readonly endpoint: RestEndpoint
}

// A read built from raw input (checked, then sent and repeated as reads are).
const reading =
  (deps: RestDeps) =>
  <C extends RestCommand>(command: C, built: E.Either<InvalidInput, HttpRequest>) =>
  (): Promise<E.Either<ClickatellError, RestReplies[C]>> =>
    E.isLeft(built) ? Promise.resolve(built) : deps.retry(command, () => deps.exchange(command, built.right))

/**
 * The REST commands, each a `TaskEither`.
 *
 * @example
 * import * as RestClient from './Rest.js'
 * import * as E from 'fp-ts/Either'
 * const commands = RestClient.commands({
 *   exchange: (async (_command: string, request: { url: string }) => E.right({ credit: 1, raw: request.url })) as never,
 *   retry: (_command, run) => run(),
 *   endpoint: { baseUrl: 'http://127.0.0.1:1', token: 'tok3n' as never },
 * })
 * console.log(await commands.balance()()) // { _tag: 'Right', right: { credit: 1, raw: 'http://127.0.0.1:1/rest/account/balance' } }
 * @category constructors
 * @since 0.1.0
 */
export const commands = (deps: RestDeps): RestCommands => {
  const options = { baseUrl: deps.endpoint.baseUrl }
  const token = deps.endpoint.token
  const read = reading(deps)
  const status = Rest.statusWith(options)(token)
  const stop = Rest.stopWith(options)(token)
  const balance = Rest.balanceWith(options)(token)
  const coverage = Rest.coverageWith(options)(token)
  // REST stops by the gateway's id only: a client message id is first turned into the message's.
  const cancel = (ref: MessageRef) => async (): Promise<E.Either<ClickatellError, StatusReply>> => {
    const valid = decodeRef(ref)
    if (E.isLeft(valid)) return valid
    if ('apiMsgId' in valid.right) return read('stop', stop(valid.right))()
    const found = await read('status', status(valid.right))()
    return E.isLeft(found) ? found : read('stop', stop({ apiMsgId: found.right.apiMsgId }))()
  }
  return {
    status: (ref) => read('status', status(ref)),
    charge: (ref) => read('status', status(ref)),
    cancel,
    balance: () => read('balance', balance()),
    coverage: (msisdn) => read('coverage', coverage({ msisdn })),
  }
}

/**
 * The REST dialect's sends: `prepare` for `Messages` (the JSON written once, `RestRequests.prepareSend`; `Left`
 * for what REST cannot say), and the status query by client message id that checks a lost answer.
 *
 * @example
 * import * as RestClient from './Rest.js'
 * import { Message } from 'clickatell-fp'
 * import { fromMessage } from '../core/request/MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const { prepare } = RestClient.sends({
 *   exchange: (async () => E.right({})) as never,
 *   retry: (_command, run) => run(),
 *   endpoint: { baseUrl: 'http://127.0.0.1:1', token: 'tok3n' as never },
 * })
 * const s = E.flatMap(fromMessage)(Message.decode({ to: '447900000001', text: 'Hi', deliverAfterMinutes: 5 }))
 * const p = E.flatMap(prepare)(s)
 * console.log(p._tag === 'Left' && p.left._tag === 'InvalidInput' && p.left.problems[0]!.path) // 'deliverAfterMinutes'
 * @category constructors
 * @since 0.1.0
 */
export const sends = (deps: RestDeps): Pick<Messages.MessagesDeps, 'prepare' | 'query'> => ({
  prepare: (submission) =>
    E.map(
      (build: (to: RestEndpoint, recipient: Msisdn, id: ClientMessageId) => HttpRequest): Messages.Attempt =>
        (to, id, signal) =>
          deps.exchange('send', build(deps.endpoint, to, id), signal),
    )(prepareSend(submission)),
  query: (clientMessageId: ClientMessageId, signal?: AbortSignal) => {
    const request = statusRequest(deps.endpoint)({ clientMessageId })
    return deps.retry('status', () => deps.exchange('status', request, signal), signal)
  },
})
