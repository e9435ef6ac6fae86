/**
 * A transport is a capability record: one function that sends an `HttpRequest` and answers with an
 * `HttpResponse` or a `TransportError`. It never rejects and never judges the status (a 500 is a `Right`):
 * policy (time-outs, retries, logging) is middleware, and what a status means is the client's business.
 *
 * This module also holds what every adapter shares, so each does it the same way and exactly once: the body
 * cap, the header record, the body decoding and the classification of a throw into a `TransportError`.
 * Browser-safe: nothing here needs Node.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { identity } from 'fp-ts/lib/function.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { type TransportError, transportError } from '../core/errors.js'
import type { HttpRequest, HttpResponse } from '../core/http.js'
import { text as redactText } from '../core/request/Redact.js'

/**
 * Sends one request. Never rejects: a failure to get a response is a `Left`, any response (whatever its
 * status) is a `Right`. Must honour `request.signal`, must not follow redirects, must cap the body.
 *
 * @example
 * import * as Transport from './Transport.js'
 * import * as TE from 'fp-ts/TaskEither'
 * const stub: Transport.Transport = { send: () => TE.right({ status: 200, headers: {}, body: 'OK: ' }) }
 * console.log((await stub.send({ method: 'GET', url: 'https://example.test/http/ping', headers: {} })())._tag)
 * // 'Right'
 * @category model
 * @since 0.1.0
 */
export interface Transport {
  readonly send: (request: HttpRequest) => TaskEither<TransportError, HttpResponse>
}

/**
 * The default cap on a response body: 1 MiB. The longest real answer (a multi-recipient send of 600 lines) is
 * a few dozen KiB; anything bigger is not the gateway talking.
 *
 * @example
 * import * as Transport from './Transport.js'
 * console.log(Transport.DEFAULT_MAX_BODY_BYTES) // 1048576
 * @category data
 * @since 0.1.0
 */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576

/**
 * Reads a `maxBodyBytes` option leniently: a whole number of at least 0, else the default.
 *
 * @example
 * import * as Transport from './Transport.js'
 * console.log(Transport.maxBodyBytesOf(2048), Transport.maxBodyBytesOf(-1)) // 2048 1048576
 * @category options
 * @since 0.1.0
 */
export const maxBodyBytesOf = (value: unknown): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : DEFAULT_MAX_BODY_BYTES

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined

const stringField = (value: unknown, key: string): string => {
  const v = field(value, key)
  return typeof v === 'string' ? v : ''
}

// `fetch failed: connect ECONNREFUSED 127.0.0.1:9`: the message and its causes, as far as three deep.
const describe = (error: unknown): string => {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    const message = typeof current === 'string' ? current : stringField(current, 'message')
    const code = stringField(current, 'code')
    const part = code !== '' && !message.includes(code) ? `${message} (${code})` : message
    if (part !== '' && !parts.includes(part)) parts.push(part)
    current = field(current, 'cause')
  }
  return parts.join(': ')
}

/**
 * How an abort reason reads: `TimeoutError` (from `AbortSignal.timeout` or `withTimeout`) is a time-out,
 * anything else the caller's abort.
 *
 * @example
 * import * as Transport from './Transport.js'
 * console.log(Transport.abortKind(new DOMException('late', 'TimeoutError'))) // 'timeout'
 * console.log(Transport.abortKind(new DOMException('stop', 'AbortError'))) // 'aborted'
 * @category classification
 * @since 0.1.0
 */
export const abortKind = (reason: unknown): 'timeout' | 'aborted' =>
  stringField(reason, 'name') === 'TimeoutError' ? 'timeout' : 'aborted'

/**
 * Turns whatever a send threw into a `TransportError`, once, at the adapter's edge. When the request's signal
 * has fired, the signal says why (`timeout` or `aborted`) whatever the thrown error looks like; a
 * `TimeoutError` otherwise is a `timeout`; everything else is `network`. The message is scrubbed of
 * secrets; `cause` keeps the thrown value as it was, for debugging, and is never printed by `Errors.toMessage`.
 *
 * @example
 * import * as Transport from './Transport.js'
 * const e = Transport.fromThrown(undefined)(new Error('connect ECONNREFUSED 127.0.0.1:9'))
 * console.log(e.kind, e.message) // 'network' 'connect ECONNREFUSED 127.0.0.1:9'
 * @category classification
 * @since 0.1.0
 */
export const fromThrown =
  (signal: AbortSignal | undefined) =>
  (error: unknown): TransportError => {
    if (signal?.aborted === true) {
      const kind = abortKind(signal.reason)
      const reason = describe(signal.reason)
      const fallback = kind === 'timeout' ? 'no response in time' : 'the caller aborted the request'
      return transportError(kind, redactText(reason === '' ? fallback : reason), error)
    }
    const message = describe(error)
    return transportError(
      stringField(error, 'name') === 'TimeoutError' ? 'timeout' : 'network',
      redactText(message === '' ? 'the request failed' : message),
      error,
    )
  }

/**
 * Runs a send that may throw or reject and hands its result to `k`: a throw or a rejection becomes a `Left`,
 * classified by `fromThrown` against the request's signal. `k` runs in the step that brings the answer, with no
 * promise between (the client parses each answer there). A throw inside `k` is `k`'s own and rejects the
 * result: it is never taken for a failure of the send. The one guard against a transport (or a fetch) we did
 * not write, shared by the adapters, the middleware and the client.
 *
 * @example
 * import * as Transport from './Transport.js'
 * const request = { method: 'GET', url: 'http://127.0.0.1:9/', headers: {} } as const
 * const kind = await Transport.settle(request, () => { throw new Error('socket hang up') }, (r) => r._tag === 'Left' && r.left.kind)
 * console.log(kind) // 'network'
 * @category combinators
 * @since 0.1.0
 */
export const settle = <R>(
  request: HttpRequest,
  run: () => Promise<E.Either<TransportError, HttpResponse>>,
  k: (result: E.Either<TransportError, HttpResponse>) => R | PromiseLike<R>,
): Promise<R> => {
  const thrown = (error: unknown): R | PromiseLike<R> => k(E.left(fromThrown(request.signal)(error)))
  try {
    // `then` inside the try: an answer that is not a promise throws here, and is a failure like any other.
    return run().then(k, thrown)
  } catch (error) {
    return Promise.resolve(thrown(error))
  }
}

/**
 * Runs a send that may throw or reject, and classifies the failure with `fromThrown` against the request's
 * signal: `settle` with nothing after it. The one place an adapter turns a throw into a `Left`.
 *
 * @example
 * import * as Transport from './Transport.js'
 * import * as E from 'fp-ts/Either'
 * const request = { method: 'GET', url: 'http://127.0.0.1:9/', headers: {} } as const
 * const result = await Transport.attempt(request, () => Promise.reject(new Error('socket hang up')))()
 * console.log(E.isLeft(result) && result.left.kind) // 'network'
 * @category constructors
 * @since 0.1.0
 */
export const attempt =
  (
    request: HttpRequest,
    run: () => Promise<E.Either<TransportError, HttpResponse>>,
  ): TaskEither<TransportError, HttpResponse> =>
  () =>
    settle(request, run, identity)

/**
 * The error for a body over the cap.
 *
 * @example
 * import * as Transport from './Transport.js'
 * console.log(Transport.tooLarge(1024).kind) // 'too-large'
 * @category constructors
 * @since 0.1.0
 */
export const tooLarge = (maxBodyBytes: number): TransportError =>
  transportError('too-large', `the response body is larger than ${maxBodyBytes} bytes`)

/**
 * Response headers as a plain record with lower-case names; repeated headers joined with `, `.
 *
 * @example
 * import * as Transport from './Transport.js'
 * console.log(Transport.headerRecord([['Content-Type', 'text/html'], ['Via', 'a'], ['via', 'b']]))
 * // { 'content-type': 'text/html', via: 'a, b' }
 * @category constructors
 * @since 0.1.0
 */
export const headerRecord = (
  entries: Iterable<readonly [string, string | ReadonlyArray<string> | undefined]>,
): Readonly<Record<string, string>> => {
  const joined = new Map<string, string>()
  for (const [name, value] of entries) {
    if (value === undefined) continue
    const key = name.toLowerCase()
    const text = typeof value === 'string' ? value : value.join(', ')
    const before = joined.get(key)
    joined.set(key, before === undefined ? text : `${before}, ${text}`)
  }
  // fromEntries defines properties, so a header named `__proto__` stays a header.
  return Object.fromEntries(joined)
}

/**
 * The length a response declares, when it declares one that is a number.
 *
 * @example
 * import * as Transport from './Transport.js'
 * console.log(Transport.declaredLength({ 'content-length': '4' }), Transport.declaredLength({})) // 4 undefined
 * @category destructors
 * @since 0.1.0
 */
export const declaredLength = (headers: Readonly<Record<string, string>>): number | undefined => {
  const value = headers['content-length']
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined
}

const decoderFor = (contentType: string | undefined): TextDecoder => {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]
  try {
    return new TextDecoder(charset ?? 'utf-8')
  } catch {
    // An unknown label: the gateway writes ASCII and UTF-8 (docs/gateway.md, 'Response shapes').
    return new TextDecoder('utf-8')
  }
}

/**
 * Collects a body chunk by chunk up to a cap and decodes it as it comes (by the `charset` of the content type,
 * UTF-8 when there is none or it is unknown), so nothing is concatenated. `push` answers `false` once the
 * body is over the cap: stop reading and destroy the stream.
 *
 * @example
 * import * as Transport from './Transport.js'
 * const body = Transport.bodyCollector(4, 'text/html')
 * console.log(body.push(new TextEncoder().encode('OK: ')), body.text()) // true 'OK: '
 * console.log(body.push(new Uint8Array(1))) // false
 * @category constructors
 * @since 0.1.0
 */
export const bodyCollector = (
  maxBodyBytes: number,
  contentType: string | undefined,
): { readonly push: (chunk: Uint8Array) => boolean; readonly text: () => string } => {
  const decoder = decoderFor(contentType)
  let size = 0
  let decoded = ''
  return {
    push: (chunk) => {
      size += chunk.byteLength
      if (size > maxBodyBytes) return false
      decoded += decoder.decode(chunk, { stream: true })
      return true
    },
    text: () => decoded + decoder.decode(),
  }
}

/**
 * What a fetch-like call needs of a request besides its URL: the method, the headers, and the body and the
 * signal when there are any. Shared by the fetch and ky adapters, so both hand over a request the same way.
 *
 * @example
 * import * as Transport from './Transport.js'
 * console.log(Transport.requestInit({ method: 'POST', url: 'https://api.clickatell.com/http/ping', headers: {}, body: 'session_id=x' }))
 * // { method: 'POST', headers: {}, body: 'session_id=x' }
 * @category constructors
 * @since 0.1.0
 */
export const requestInit = (request: HttpRequest): Omit<HttpRequest, 'url'> => ({
  method: request.method,
  headers: request.headers,
  ...(request.body === undefined ? {} : { body: request.body }),
  ...(request.signal === undefined ? {} : { signal: request.signal }),
})

/**
 * Reads a fetch `Response` into an `HttpResponse`: status as is, headers lower-cased, the body through the
 * stream reader with the cap (declared lengths over the cap are refused before reading). Rejects when the
 * stream fails (a reset, an abort): run it inside `attempt`. Shared by the fetch and ky adapters, and by any
 * transport built on a fetch-like function.
 *
 * @example
 * import * as Transport from './Transport.js'
 * const response = await Transport.fromResponse(1024)(new Response('OK: ', { status: 200 }))
 * console.log(response) // { _tag: 'Right', right: { status: 200, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: 'OK: ' } }
 * @category constructors
 * @since 0.1.0
 */
export const fromResponse =
  (maxBodyBytes: number) =>
  async (response: Response): Promise<E.Either<TransportError, HttpResponse>> => {
    const headers = headerRecord(response.headers)
    const stream = response.body
    const declared = declaredLength(headers)
    if (declared !== undefined && declared > maxBodyBytes) {
      void stream?.cancel().catch(() => undefined)
      return E.left(tooLarge(maxBodyBytes))
    }
    const body = bodyCollector(maxBodyBytes, headers['content-type'])
    if (stream !== null) {
      const reader = stream.getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        if (!body.push(value)) {
          void reader.cancel().catch(() => undefined)
          return E.left(tooLarge(maxBodyBytes))
        }
      }
    }
    return E.right({ status: response.status, headers, body: body.text() })
  }
