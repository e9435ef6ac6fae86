/**
 * A Node request handler for the gateway's callbacks: `(req, res) => void` for `node:http`, Express and Fastify
 * (raw `req`/`res`). It reads the query and a size-capped body, checks optional HTTP Basic credentials in
 * constant time, parses the report with `Callback.parse` and answers:
 *
 * | answer | when |
 * | --- | --- |
 * | 200 | a report, after `onReport(report)` resolved |
 * | 400 | anything that is not a report (the gateway will retry it, harmlessly) |
 * | 401 | Basic credentials configured and missing or wrong, with `WWW-Authenticate` |
 * | 405 | a method other than GET and POST, with `Allow` |
 * | 413 | a body over `maxBodyBytes` |
 * | 500 | `onReport` threw or rejected: the gateway retries later (docs/gateway.md, 'Callback values') |
 *
 * It never throws. See docs/callbacks.md.
 *
 * @since 0.1.0
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as E from 'fp-ts/lib/Either.js'
import { parseWith } from '../core/callback/Callback.js'
import type { Report } from '../core/callback/Report.js'
import { text } from '../core/callback/UrlForm.js'

/**
 * Options of `createCallbackHandler`.
 *
 * @category model
 * @since 0.1.0
 */
export interface CallbackHandlerOptions {
  /** Called once per valid report; the answer waits for its promise. */
  readonly onReport: (report: Report) => void | Promise<void>
  /** Largest body read, in bytes: 64 KiB by default. A real callback is under 2 KiB. */
  readonly maxBodyBytes?: number
  /** The callback username and password set in your Clickatell account (not your account's own). */
  readonly basicAuth?: { readonly username: string; readonly password: string }
}

/**
 * The default cap on a callback body: 65,536 bytes.
 *
 * @example
 * import { MAX_BODY_BYTES } from 'clickatell-fp/handler'
 * console.log(MAX_BODY_BYTES) // 65536
 * @category data
 * @since 0.1.0
 */
export const MAX_BODY_BYTES = 65_536

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

/**
 * Creates the handler. Mount it at your callback URL, before any body parser.
 *
 * @example
 * import { createServer } from 'node:http'
 * import { createCallbackHandler } from 'clickatell-fp/handler'
 * const handler = createCallbackHandler({
 *   onReport: async (report) => console.log(report._tag),
 *   basicAuth: { username: 'clickatell', password: 'a long random secret' },
 * })
 * createServer(handler).listen(8080)
 * @category constructors
 * @since 0.1.0
 */
export const createCallbackHandler = (options: CallbackHandlerOptions) => {
  const max =
    typeof options.maxBodyBytes === 'number' && options.maxBodyBytes >= 0
      ? options.maxBodyBytes
      : MAX_BODY_BYTES
  const expected =
    options.basicAuth === undefined
      ? undefined
      : digest(`${options.basicAuth.username}:${options.basicAuth.password}`)

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? '').toUpperCase()
    if (method !== 'GET' && method !== 'POST') {
      req.resume()
      return answer(res, 405, 'method not allowed', { allow: 'GET, POST' })
    }
    if (expected !== undefined && !authorised(req.headers.authorization, expected)) {
      req.resume()
      return answer(res, 401, 'unauthorised', {
        'www-authenticate': 'Basic realm="clickatell-callback", charset="UTF-8"',
      })
    }
    const body = await readBody(req, max)
    if (body._tag === 'TooLarge') {
      // Stop reading: answer, then close the connection rather than drain an endless body.
      answer(res, 413, 'payload too large', { connection: 'close' })
      res.once('finish', () => req.destroy())
      return
    }
    if (body._tag === 'Failed') return answer(res, 400, 'body could not be read')
    const url = req.url ?? ''
    const q = url.indexOf('?')
    const query = q < 0 ? '' : url.slice(q + 1)
    const contentType = req.headers['content-type']
    const report = parseWith({ maxChars: max + query.length })({
      method,
      query,
      body: body.text,
      ...(contentType === undefined ? {} : { contentType }),
    })
    if (E.isLeft(report)) return answer(res, 400, `malformed callback: ${report.left.reason}`)
    try {
      await options.onReport(report.right)
    } catch {
      return answer(res, 500, 'report not processed')
    }
    answer(res, 200, 'OK')
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    try {
      handle(req, res).catch(() => answer(res, 500, 'internal error'))
    } catch {
      answer(res, 500, 'internal error')
    }
  }
}
