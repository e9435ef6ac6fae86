/**
 * One exchange with the gateway: a request rendered as HTTP, sent through the transport, its answer parsed.
 * Nothing is repeated here; sessions, retries and safe sends are built on top.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ClickatellError } from '../core/errors.js'
import * as Parse from '../core/reply/Parse.js'
import type { Replies } from '../core/reply/Replies.js'
import type { Command } from '../core/request/Command.js'
import * as Render from '../core/request/Render.js'
import type { WireRequest } from '../core/request/Wire.js'
import { settle, type Transport } from '../transport/Transport.js'

/**
 * Sends one request of `command` and reads its answer.
 *
 * @category model
 * @since 0.1.0
 */
export type Exchange = <C extends Command>(
  command: C,
  wire: WireRequest,
  signal?: AbortSignal,
) => Promise<E.Either<ClickatellError, Replies[C]>>

/**
 * What an exchange needs: decoded settings (`Config.Settings` has them all).
 *
 * @category model
 * @since 0.1.0
 */
export interface ExchangeDeps {
  readonly transport: Transport
  readonly baseUrl: string
  readonly method: 'GET' | 'POST'
  readonly maxBodyChars: number
}

/**
 * Makes the exchange. A transport that throws or rejects (against its contract) gives a `TransportError`, as a
 * lost answer would.
 *
 * @example
 * import * as Exchange from './Exchange.js'
 * import * as Wire from '../core/request/Wire.js'
 * import * as E from 'fp-ts/Either'
 * const exchange = Exchange.make({
 *   transport: { send: () => async () => E.right({ status: 200, headers: {}, body: 'Credit: 12.000' }) },
 *   baseUrl: 'http://127.0.0.1:1', method: 'POST', maxBodyChars: 1024,
 * })
 * console.log(await exchange('getbalance', Wire.request('getbalance', [['session_id', 'abc']])))
 * // { _tag: 'Right', right: { credit: 12, raw: '12.000' } }
 * @category constructors
 * @since 0.1.0
 */
export const make = (deps: ExchangeDeps): Exchange => {
  const render = Render.http({ baseUrl: deps.baseUrl, method: deps.method })
  const read = Parse.responseWith({ maxBodyChars: deps.maxBodyChars })
  return (command, wire, signal) => {
    const rendered = render(wire)
    if (E.isLeft(rendered)) return Promise.resolve(rendered)
    const request = signal === undefined ? rendered.right : { ...rendered.right, signal }
    const parse = read(command)
    return settle(
      request,
      () => deps.transport.send(request)(),
      (response) => (E.isLeft(response) ? response : parse(response.right)),
    )
  }
}
