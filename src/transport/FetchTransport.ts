/**
 * A transport over the Fetch API: browsers, Deno, Bun, edge runtimes and Node 18+. Nothing Node-only.
 *
 * Redirects are not followed (`redirect: 'manual'`): a POST body holds the credentials, and a redirect to
 * another host must not carry them there. On Node (undici) the 3xx response comes back as it is; a browser
 * hides it behind an opaque response, which arrives here with status 0. Either way the client sees a
 * status that is not 2xx and reports it.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { transportError } from '../core/errors.js'
import { attempt, fromResponse, maxBodyBytesOf, requestInit, type Transport } from './Transport.js'

/**
 * Options of `fetchTransport`. Every field is optional.
 *
 * @category model
 * @since 0.1.0
 */
export interface FetchTransportOptions {
  /** The fetch to use. Default: `globalThis.fetch`, looked up at each send so a polyfill installed later works. */
  readonly fetch?: typeof globalThis.fetch
  /** The cap on a response body. Default 1 MiB. */
  readonly maxBodyBytes?: number
  /** `manual` (the default) hands back the 3xx response; `error` makes a redirect a `network` failure. Never `follow`. */
  readonly redirect?: 'manual' | 'error'
}

/**
 * A transport that sends with `fetch`. Status, headers (lower-cased) and body (capped) pass through
 * untouched: a 500 is a `Right`.
 *
 * @example
 * import { fetchTransport } from 'clickatell-fp'
 * // Any fetch-like function will do; here one that answers as the gateway answers a ping.
 * const transport = fetchTransport({ fetch: async () => new Response('OK: ', { status: 200 }), maxBodyBytes: 65_536 })
 * const result = await transport.send({ method: 'GET', url: 'https://api.clickatell.com/http/ping?session_id=x', headers: {} })()
 * console.log(result._tag === 'Right' && result.right.body) // 'OK: '
 * @category constructors
 * @since 0.1.0
 */
export const fetchTransport = (options: FetchTransportOptions = {}): Transport => {
  const maxBodyBytes = maxBodyBytesOf(options.maxBodyBytes)
  const redirect = options.redirect === 'error' ? 'error' : 'manual'
  const read = fromResponse(maxBodyBytes)
  return {
    send: (request) =>
      attempt(request, async () => {
        const fetch = typeof options.fetch === 'function' ? options.fetch : globalThis.fetch
        if (typeof fetch !== 'function') return E.left(transportError('network', 'no fetch in this runtime'))
        return read(await fetch(request.url, { ...requestInit(request), redirect }))
      }),
  }
}
