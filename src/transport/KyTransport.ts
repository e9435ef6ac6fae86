/**
 * A transport over ky 1.x, for code that already configures ky (hooks, a custom fetch). ky's own policies are
 * switched off: no retries, no time-out, no error for a status, no redirects. Retries and time-outs are
 * middleware, and what a status means is the client's business, so each policy lives in one place.
 *
 * ky is an optional peer dependency: this file is the only one that imports it, reached through the
 * `clickatell-fp/ky` entry.
 *
 * @since 0.1.0
 */
import ky, { type KyInstance } from 'ky'
import { attempt, fromResponse, maxBodyBytesOf, requestInit, type Transport } from './Transport.js'

/**
 * Options of `kyTransport`. Every field is optional.
 *
 * @category model
 * @since 0.1.0
 */
export interface KyTransportOptions {
  /** The instance to extend. Default: ky's default instance. Its `prefixUrl` is cleared: requests carry absolute URLs. */
  readonly ky?: KyInstance
  /** The cap on a response body. Default 1 MiB. */
  readonly maxBodyBytes?: number
}

/**
 * A transport that sends with ky. Status, headers (lower-cased) and body (capped) pass through untouched.
 *
 * @example
 * import ky from 'ky'
 * import { kyTransport } from 'clickatell-fp/ky'
 * // ky's retries and time-out are switched off whatever the instance says.
 * const instance = ky.create({ retry: 5, fetch: async () => new Response('OK: ', { status: 200 }) })
 * const result = await kyTransport({ ky: instance }).send({ method: 'GET', url: 'https://api.clickatell.com/http/ping?session_id=x', headers: {} })()
 * console.log(result._tag === 'Right' && result.right.body) // 'OK: '
 * @category constructors
 * @since 0.1.0
 */
export const kyTransport = (options: KyTransportOptions = {}): Transport => {
  const read = fromResponse(maxBodyBytesOf(options.maxBodyBytes))
  const base = typeof options.ky === 'function' && typeof options.ky.extend === 'function' ? options.ky : ky
  const client = base.extend({
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    redirect: 'manual',
    prefixUrl: '',
  })
  return {
    send: (request) => attempt(request, async () => read(await client(request.url, requestInit(request)))),
  }
}
