/**
 * A Node request handler for the gateway's callbacks: `(req, res) => void` for `node:http`, Express and Fastify
 * (raw `req`/`res`). It reads the query and a size-capped body, checks HTTP Basic credentials in constant time,
 * parses the report with `Callback.parse` and answers:
 *
 * | answer | when |
 * | --- | --- |
 * | 200 | a report, after `onReport(report)` resolved |
 * | 400 | anything that is not a report (the gateway will retry it, harmlessly) |
 * | 401 | credentials missing or wrong, with `WWW-Authenticate`; the body is not read, the connection closed |
 * | 405 | a method other than GET and POST, with `Allow`; the body is not read, the connection closed |
 * | 413 | a body over `maxBodyBytes`; reading stops, the connection is closed |
 * | 500 | `onReport` threw or rejected: the gateway retries later (docs/gateway.md, 'Callback values') |
 * | 503 | `onReport` took longer than `reportTimeoutMs`: the gateway retries later; its late result is ignored |
 *
 * It never throws. See docs/callbacks.md.
 *
 * @since 0.1.0
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as E from 'fp-ts/lib/Either.js'
import { parseWith } from '../core/callback/Callback.js'
import { text } from '../core/callback/UrlForm.js'
import type { InvalidInput } from '../core/errors.js'
import { type CallbackHandlerOptions, type Settings, settings } from './Options.js'

export { type BasicAuth, type CallbackHandlerOptions, MAX_BODY_BYTES } from './Options.js'

/**
 * The request listener `createCallbackHandler` builds: `(req, res) => void`, for `node:http`, Express and the
 * raw request and response of Fastify.
 *
 * @category model
 * @since 0.1.0
 */
export type CallbackHandler = (req: IncomingMessage, res: ServerResponse) => void

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

// Both sides hashed to 32 bytes, so timingSafeEqual compares equal lengths and the time tells nothing.
const authorised = (header: string | undefined, expected: Buffer): boolean => {
  const match = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header ?? '')
  const given = match === null ? '' : Buffer.from(match[1]!, 'base64').toString('utf8')
  return timingSafeEqual(digest(given), expected) && match !== null
}

const answer = (
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) => {
  if (res.headersSent || res.writableEnded) return
  try {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
    res.end(message)
  } catch {
    // The socket went away: there is no one left to answer.
  }
}

// Answers at once without reading the body, then closes the connection: a hostile or mistaken peer cannot make
// us read (or keep alive) a body of any size. `finish` means the answer was handed to the socket.
const refuse = (
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void => {
  answer(res, status, message, { ...headers, connection: 'close' })
  res.once('finish', () => req.destroy())
}

type Body =
  | { readonly _tag: 'Body'; readonly text: string }
  | { readonly _tag: 'TooLarge' }
  | { readonly _tag: 'Failed' }

// Reads the body up to `max` bytes. A body an Express or Fastify parser already read is taken from `req.body`.
const readBody = (req: IncomingMessage, max: number): Promise<Body> =>
  new Promise((resolve) => {
    const parsed: unknown = (req as { body?: unknown }).body
    if (req.readableEnded || typeof parsed === 'string' || Buffer.isBuffer(parsed)) {
      if (typeof parsed === 'string') return resolve({ _tag: 'Body', text: parsed })
      if (Buffer.isBuffer(parsed)) return resolve({ _tag: 'Body', text: text(parsed) })
      return resolve(req.method === 'GET' ? { _tag: 'Body', text: '' } : { _tag: 'Failed' })
    }
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > max) return resolve({ _tag: 'TooLarge' })
    const chunks: Array<Buffer> = []
    let size = 0
    let done = false
    const finish = (body: Body) => {
      if (done) return
      done = true
      resolve(body)
    }
    req.on('data', (chunk: Buffer | string) => {
      if (done) return
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      size += buffer.length
      if (size > max) finish({ _tag: 'TooLarge' })
      else chunks.push(buffer)
    })
    req.on('end', () => finish({ _tag: 'Body', text: text(Buffer.concat(chunks)) }))
    req.on('error', () => finish({ _tag: 'Failed' }))
    req.on('aborted', () => finish({ _tag: 'Failed' }))
  })

type Outcome = 'stored' | 'failed' | 'late'

// Runs `onReport` against the clock. The first of the three outcomes wins; a result that comes after the
// time-out is ignored (its rejection is still caught, so nothing goes unhandled).
const store = (onReport: () => void | Promise<void>, timeoutMs: number): Promise<Outcome> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve('late'), timeoutMs)
    const settle = (outcome: Outcome) => {
      clearTimeout(timer)
      resolve(outcome)
    }
    try {
      Promise.resolve(onReport()).then(
        () => settle('stored'),
        () => settle('failed'),
      )
    } catch {
      settle('failed')
    }
  })

const ANSWERS: { readonly [K in Outcome]: readonly [number, string] } = {
  stored: [200, 'OK'],
  failed: [500, 'report not processed'],
  late: [503, 'report not processed in time'],
}

interface Handling {
  readonly settings: Settings
  /** SHA-256 of `username:password`, or `undefined` with `authentication: 'none'`. */
  readonly expected: Buffer | undefined
}

const handleWith =
  ({ settings: config, expected }: Handling) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? '').toUpperCase()
    if (method !== 'GET' && method !== 'POST')
      return refuse(req, res, 405, 'method not allowed', { allow: 'GET, POST' })
    if (expected !== undefined && !authorised(req.headers.authorization, expected))
      return refuse(req, res, 401, 'unauthorised', {
        'www-authenticate': 'Basic realm="clickatell-callback", charset="UTF-8"',
      })
    const body = await readBody(req, config.maxBodyBytes)
    if (body._tag === 'TooLarge') return refuse(req, res, 413, 'payload too large')
    if (body._tag === 'Failed') return answer(res, 400, 'body could not be read')
    const url = req.url ?? ''
    const q = url.indexOf('?')
    const query = q < 0 ? '' : url.slice(q + 1)
    const contentType = req.headers['content-type']
    const report = parseWith({ maxChars: config.maxBodyBytes + query.length })({
      method,
      query,
      body: body.text,
      ...(contentType === undefined ? {} : { contentType }),
    })
    if (E.isLeft(report)) return answer(res, 400, `malformed callback: ${report.left.reason}`)
    const outcome = await store(() => config.onReport(report.right), config.reportTimeoutMs)
    const [status, message] = ANSWERS[outcome]
    answer(res, status, message)
  }

/**
 * Checks the options and builds the handler; mount it at your callback URL, before any body parser. Refuses,
 * with every problem, options without authentication (neither `basicAuth` nor `authentication: 'none'`), a
 * missing or empty username or password (an unset environment variable), and caps or time-outs that are not
 * whole numbers.
 *
 * @example
 * import { createServer } from 'node:http'
 * import { createCallbackHandler } from 'clickatell-fp/handler'
 * const handler = createCallbackHandler({
 *   onReport: async (report) => console.log(report._tag),
 *   basicAuth: { username: 'clickatell', password: process.env.HOOK_PASSWORD ?? '' },
 * })
 * if (handler._tag === 'Left') console.error(handler.left.problems) // [{ path: 'basicAuth.password', ... }]
 * else createServer(handler.right).listen(8080)
 * @category constructors
 * @since 0.1.0
 */
export const createCallbackHandler = (
  options: CallbackHandlerOptions,
): E.Either<InvalidInput, CallbackHandler> =>
  E.map((checked: Settings): CallbackHandler => {
    const { basicAuth } = checked
    const expected =
      basicAuth === undefined ? undefined : digest(`${basicAuth.username}:${basicAuth.password}`)
    const handle = handleWith({ settings: checked, expected })
    return (req, res) => {
      try {
        handle(req, res).catch(() => answer(res, 500, 'internal error'))
      } catch {
        answer(res, 500, 'internal error')
      }
    }
  })(settings(options))
