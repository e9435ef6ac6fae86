/**
 * One request and its answer on the simulator's HTTP server. Every answer is HTTP 200 with
 * `Content-Type: text/html; charset=UTF-8`, errors included (docs/gateway.md, quirk 1), unless a fault
 * says otherwise; an unknown path is 404, a method other than GET or POST 405, a body over the cap 413.
 * Faults are applied here (see `Faults`). Nothing a request causes can throw out of here into the process: a
 * throw is answered 500 and recorded in `state.errors`.
 *
 * @since 0.1.0
 */
import type * as http from 'node:http'
import type { Socket } from 'node:net'
import type { Command } from '../core/request/Command.js'
import { expireSession } from './Auth.js'
import { commandPaths, handle } from './Commands.js'
import type { Decision, FaultController, FaultRule } from './Faults.js'
import { decodeInto } from './Form.js'
import type { Gateway, GatewayRequest } from './Gateway.js'
import { isRestPath, restExchange } from './Rest.js'

const HTML = 'text/html; charset=UTF-8'

const reply = (res: http.ServerResponse, status: number, body: string): void => {
  res.writeHead(status, { 'Content-Type': HTML, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

const clientIp = (socket: Socket): string => {
  const ip = socket.remoteAddress ?? ''
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip
}

const isForm = (contentType: string | undefined): boolean =>
  (contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')

const INTERNAL_ERROR = '<html><body><h1>500 Internal Server Error</h1></body></html>'
const TOO_LARGE = '<html><body><h1>413 Content Too Large</h1></body></html>'

const FAULT_STATUS: Readonly<Record<string, readonly [number, string]>> = {
  http500: [500, INTERNAL_ERROR],
  http503: [503, '<html><body><h1>503 Service Unavailable</h1></body></html>'],
}

/**
 * What the request handling of one simulator needs besides the request.
 *
 * @category model
 * @since 0.1.0
 */
export interface Context {
  readonly gw: Gateway
  readonly faults: FaultController
  readonly garbage: () => Buffer
  /** Called after each command ran: it may have put status changes on the agenda. */
  readonly planned: () => void
  /** Timers of delayed and trickled answers, cleared when the simulator closes. */
  readonly timers: Set<NodeJS.Timeout>
  /** Largest request body read, in bytes. */
  readonly maxBodyBytes: number
  seq: number
}

// A throw while handling request `n` answers 500, or closes the connection once the answer has begun, and is
// recorded: it must never reach the event loop, where it would end the process and every other client's test.
const guarded = (ctx: Context, res: http.ServerResponse, n: number, f: () => void): void => {
  try {
    f()
  } catch (error) {
    ctx.gw.store.errors.push({ request: n, error })
    try {
      if (res.headersSent) res.destroy()
      else reply(res, 500, INTERNAL_ERROR)
    } catch {
      res.destroy()
    }
  }
}

// Timers run outside any request's stack, so each is guarded on its own.
const later = (ctx: Context, res: http.ServerResponse, n: number, ms: number, f: () => void): void => {
  const timer = setTimeout(() => {
    ctx.timers.delete(timer)
    guarded(ctx, res, n, f)
  }, ms)
  ctx.timers.add(timer)
}

const record = (ctx: Context, request: number, command: Command, kind: string, processed: boolean): void => {
  ctx.gw.store.faults.push({ request, at: ctx.gw.now(), command, kind, processed })
}

/** Writes the answer as a fault of the spoiling kinds says, or plainly. */
const deliver = (
  ctx: Context,
  res: http.ServerResponse,
  n: number,
  fault: FaultRule | undefined,
  body: string,
): void => {
  const socket = res.socket
  switch (fault?.kind) {
    case 'acceptThenDrop':
      socket?.destroy()
      return
    case 'garbage': {
      const bytes = ctx.garbage()
      res.writeHead(200, { 'Content-Type': HTML, 'Content-Length': bytes.length })
      res.end(bytes)
      return
    }
    case 'truncated': {
      const bytes = Buffer.from(body)
      res.writeHead(200, { 'Content-Type': HTML, 'Content-Length': bytes.length + 1 })
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => socket?.destroy())
      return
    }
    case 'slow': {
      const bytes = Buffer.from(body)
      const step = Math.max(1, fault.chunkBytes ?? 1)
      const pause = fault.chunkDelayMs ?? 50
      res.writeHead(200, { 'Content-Type': HTML, 'Content-Length': bytes.length })
      const trickle = (from: number): void => {
        if (res.destroyed || socket === null || socket.destroyed) return
        if (from >= bytes.length) {
          res.end()
          return
        }
        res.write(bytes.subarray(from, from + step))
        later(ctx, res, n, pause, () => trickle(from + step))
      }
      trickle(0)
      return
    }
    default:
      reply(res, 200, body)
  }
}

const run = (
  ctx: Context,
  req: GatewayRequest,
  res: http.ServerResponse,
  n: number,
  decision: Decision,
): void => {
  const fault = decision.fault
  const kind = fault?.kind
  if (decision.delayMs > 0)
    record(ctx, n, req.command, 'latency', kind !== 'reset' && kind !== 'http500' && kind !== 'http503')
  if (kind === 'reset') {
    record(ctx, n, req.command, kind, false)
    res.socket?.destroy()
    return
  }
  if (kind === 'http500' || kind === 'http503') {
    record(ctx, n, req.command, kind, false)
    const [status, body] = FAULT_STATUS[kind]!
    reply(res, status, body)
    return
  }
  if (kind === 'expireSession') expireSession(ctx.gw, req.params)
  const body = handle(ctx.gw, req)
  ctx.planned()
  if (kind !== undefined) record(ctx, n, req.command, kind, true)
  deliver(ctx, res, n, fault, body)
}

// Answers 413 without reading on, then closes the connection once the answer is on the wire, so a client that
// keeps sending gets nowhere.
const tooLarge = (req: http.IncomingMessage, res: http.ServerResponse): void => {
  res.writeHead(413, {
    'Content-Type': HTML,
    'Content-Length': Buffer.byteLength(TOO_LARGE),
    Connection: 'close',
  })
  res.end(TOO_LARGE)
  res.once('finish', () => req.destroy())
}

// Reads a body of at most `max` bytes and hands it to `then`; refuses a larger one, declared or streamed, as soon
// as it shows. A client that goes away mid-body gets no answer: there is no one to give it to.
const readBody = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  max: number,
  then: (body: Buffer) => void,
): void => {
  if (Number(req.headers['content-length']) > max) {
    tooLarge(req, res)
    return
  }
  const chunks: Buffer[] = []
  let size = 0
  let stopped = false
  req.on('data', (chunk: Buffer) => {
    if (stopped) return
    size += chunk.length
    if (size <= max) chunks.push(chunk)
    else {
      stopped = true
      chunks.length = 0
      tooLarge(req, res)
    }
  })
  req.on('end', () => {
    if (!stopped) then(Buffer.concat(chunks, size))
  })
  req.on('error', () => {
    stopped = true
  })
}

const route = (ctx: Context, req: http.IncomingMessage, res: http.ServerResponse, n: number): void => {
  const url = req.url ?? '/'
  if (isRestPath(url)) {
    restExchange(ctx, req, res)
    return
  }
  const q = url.indexOf('?')
  const command = commandPaths.get(q < 0 ? url : url.slice(0, q))
  if (command === undefined) {
    ctx.gw.store.unknownRequests++
    reply(res, 404, '<html><body><h1>404 Not Found</h1></body></html>')
    return
  }
  ctx.gw.store.requests[command]++
  const method = req.method
  if (method !== 'GET' && method !== 'POST') {
    reply(res, 405, '<html><body><h1>405 Method Not Allowed</h1></body></html>')
    return
  }
  const decision = ctx.faults.decide(command)
  const params = new Map<string, string>()
  const duplicates: string[] = []
  if (q >= 0) decodeInto(params, duplicates)(url.slice(q + 1))
  const go = (formEncoded: boolean): void => {
    const request: GatewayRequest = {
      command,
      method,
      params,
      duplicates,
      ip: clientIp(req.socket),
      formEncoded,
    }
    if (decision.delayMs > 0) later(ctx, res, n, decision.delayMs, () => run(ctx, request, res, n, decision))
    else run(ctx, request, res, n, decision)
  }
  if (method === 'GET') {
    go(true)
    return
  }
  readBody(req, res, ctx.maxBodyBytes, (body) =>
    guarded(ctx, res, n, () => {
      const formEncoded = isForm(req.headers['content-type'])
      // The gateway reads the bytes of a form as ISO-8859-1 (docs/gateway.md, 'Text and form encoding').
      if (formEncoded) decodeInto(params, duplicates)(body.toString('latin1'))
      go(formEncoded)
    }),
  )
}

/**
 * Handles one HTTP request: routes it to its command, reads the query and the form body (at most
 * `maxBodyBytes`) as ISO-8859-1, applies the faults decided for it, answers. It never throws: a throw inside is
 * answered 500 and recorded in `state.errors`, and the server goes on.
 *
 * @example
 * import { exchange } from './Exchange.js'
 * // http.createServer((req, res) => exchange(context, req, res))
 * console.log(exchange.length) // 3
 * @category server
 * @since 0.1.0
 */
export const exchange = (ctx: Context, req: http.IncomingMessage, res: http.ServerResponse): void => {
  const n = ++ctx.seq
  guarded(ctx, res, n, () => route(ctx, req, res, n))
}
