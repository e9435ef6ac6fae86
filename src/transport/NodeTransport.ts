/**
 * A transport over `node:http` and `node:https` with keep-alive agents. The gateway supports persistent and
 * concurrent connections and asks for them at volume ("Using the HTTP API", about 100 messages per second):
 * a pool of kept-alive sockets saves a TCP and TLS handshake per request.
 *
 * Node only: reached through the `clickatell-fp/node` entry.
 *
 * @since 0.1.0
 */
import * as http from 'node:http'
import * as https from 'node:https'
import * as E from 'fp-ts/lib/Either.js'
import { type TransportError, transportError } from '../core/errors.js'
import type { HttpResponse } from '../core/http.js'
import {
  attempt,
  bodyCollector,
  declaredLength,
  headerRecord,
  maxBodyBytesOf,
  type Transport,
  tooLarge,
} from './Transport.js'

/**
 * Options of `nodeTransport`. Every field is optional.
 *
 * @category model
 * @since 0.1.0
 */
export interface NodeTransportOptions {
  /** Keep sockets open between requests. Default `true`. */
  readonly keepAlive?: boolean
  /** Sockets per host. Default 10. */
  readonly maxSockets?: number
  /** The cap on a response body. Default 1 MiB. */
  readonly maxBodyBytes?: number
  /** Agents of your own, used instead of the transport's; `close` leaves them alone (they are yours). */
  readonly agent?: { readonly http?: http.Agent; readonly https?: https.Agent }
}

/**
 * A transport with a `close` that destroys the sockets it keeps open (call it when done, or the process
 * stays up until the sockets time out).
 *
 * @category model
 * @since 0.1.0
 */
export interface NodeTransport extends Transport {
  readonly close: () => void
}

// How many parsed URLs a transport keeps.
const URL_CACHE = 64

const positiveOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : fallback

/**
 * A transport over Node's own HTTP client. Never follows redirects (Node's client does not), honours the
 * request's signal by destroying the request, caps the body, and writes the body exactly as given, UTF-8
 * encoded (the core writes ASCII form text) with its `content-length`.
 *
 * @example
 * import { nodeTransport } from 'clickatell-fp/node'
 * const transport = nodeTransport({ maxSockets: 4 })
 * // transport.send(request)() as with any transport; then, when the program is done:
 * transport.close()
 * console.log(typeof transport.send) // 'function'
 * @category constructors
 * @since 0.1.0
 */
export const nodeTransport = (options: NodeTransportOptions = {}): NodeTransport => {
  const maxBodyBytes = maxBodyBytesOf(options.maxBodyBytes)
  const pool = { keepAlive: options.keepAlive !== false, maxSockets: positiveOr(options.maxSockets, 10) }
  const own = {
    http: options.agent?.http === undefined ? new http.Agent(pool) : undefined,
    https: options.agent?.https === undefined ? new https.Agent(pool) : undefined,
  }
  const agents = { 'http:': options.agent?.http ?? own.http, 'https:': options.agent?.https ?? own.https }

  // URLs parsed before: a client sends to a handful of URLs (one per command and method), and parsing is a
  // visible cost of a request over loopback. At most URL_CACHE of them: past that (GET URLs carry their
  // parameters, so a GET client has one per message) a URL is parsed and not remembered. A URL that does not
  // parse throws here, and is not remembered either.
  const parsed = new Map<string, URL>()
  const parseUrl = (text: string): URL => {
    let url = parsed.get(text)
    if (url === undefined) {
      url = new URL(text)
      if (parsed.size < URL_CACHE) parsed.set(text, url)
    }
    return url
  }

  const send: Transport['send'] = (request) =>
    attempt(request, async () => {
      const url = parseUrl(request.url)
      const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined
      if (client === undefined)
        return E.left(transportError('network', `unsupported protocol ${url.protocol}`))
      const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8')
      if (request.signal?.aborted === true) throw request.signal.reason
      // A failure rejects, as the throw above does, and `attempt` makes it a Left: one conversion, one place.
      return new Promise<E.Either<TransportError, HttpResponse>>((resolve, reject) => {
        const signal = request.signal
        let done = false
        const end = (): boolean => {
          if (done) return false
          done = true
          signal?.removeEventListener('abort', onAbort)
          return true
        }
        const finish = (result: E.Either<TransportError, HttpResponse>): void => {
          if (end()) resolve(result)
        }
        const fail = (error: unknown): void => {
          if (end()) reject(error)
        }
        const req = client.request(url, {
          method: request.method,
          headers:
            body === undefined
              ? request.headers
              : { ...request.headers, 'content-length': String(body.length) },
          agent: agents[url.protocol as 'http:' | 'https:'],
        })
        function onAbort(): void {
          fail(signal?.reason)
          req.destroy()
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        req.on('error', fail)
        req.on('response', (res) => {
          const headers = headerRecord(Object.entries(res.headers))
          const declared = declaredLength(headers)
          if (declared !== undefined && declared > maxBodyBytes) {
            finish(E.left(tooLarge(maxBodyBytes)))
            return req.destroy()
          }
          const collected = bodyCollector(maxBodyBytes, headers['content-type'])
          res.on('data', (chunk: Buffer) => {
            if (collected.push(chunk)) return
            finish(E.left(tooLarge(maxBodyBytes)))
            req.destroy()
          })
          res.on('error', fail)
          // A reset in the middle of the body may end the stream without an error: `complete` tells.
          res.on('close', () => {
            if (!res.complete) fail(new Error('the connection closed before the body ended'))
          })
          res.on('end', () =>
            finish(E.right({ status: res.statusCode ?? 0, headers, body: collected.text() })),
          )
        })
        req.end(body)
      })
    })

  return {
    send,
    close: () => {
      own.http?.destroy()
      own.https?.destroy()
    },
  }
}
