// A real HTTP server on 127.0.0.1 for the transport contract, with a second one on another loopback address
// (127.0.0.2, or another port of 127.0.0.1 where only that exists) to prove a redirect is not followed there.
//
// Routes:
//   /echo                  200, JSON of what arrived (the raw body is in `received`, byte for byte)
//   /status/<code>         that status, body `status <code>`, a mixed-case header
//   /bytes/<n>[?chunked]   n bytes of `a`, with a content-length unless `chunked`
//   /raw?hex=..&type=..    the bytes of `hex` with that content type
//   /reset                 destroys the socket before answering
//   /reset-mid-body        sends 10 of 100 announced bytes, then destroys the socket
//   /stall-body            sends 10 of 100 announced bytes, then nothing
//   /delay/<ms>            answers `late` after ms
//   /redirect/<code>       that status, Location: the other host's /echo
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll } from 'vitest'

export interface Received {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
}

export interface Loopback {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** The other host's origin: a redirect target that must receive nothing. */
  readonly otherOrigin: string
  /** Requests the main server received, in order. */
  readonly received: Received[]
  /** Requests the other host received. */
  readonly otherReceived: Received[]
  /** TCP connections the main server accepted so far. */
  readonly connections: () => number
  /** Connections of the main server still open. */
  readonly openConnections: () => number
  /** A port on 127.0.0.1 where nothing listens. */
  readonly closedPort: number
  readonly close: () => Promise<void>
}

const listen = (server: Server, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })

const shut = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })

type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void

// Reads the whole body, records the request, then routes it.
const serve = (log: Received[], route: Route): Server =>
  createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      log.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      route(req, res, body)
    })
  })

export const startLoopback = async (): Promise<Loopback> => {
  const received: Received[] = []
  const otherReceived: Received[] = []
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let accepted = 0
  const open = new Set<Socket>()

  const other = serve(otherReceived, (_req, res) => res.end('you should not be here'))
  let otherHost = '127.0.0.2'
  const otherPort = await listen(other, otherHost).catch(() => {
    otherHost = '127.0.0.1'
    return listen(other, otherHost)
  })
  const otherOrigin = `http://${otherHost}:${otherPort}`

  const server = serve(received, (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://loopback')
    const [, route = '', arg = ''] = url.pathname.split('/')
    switch (route) {
      case 'echo':
        res.setHeader('content-type', 'application/json')
        return res.end(
          JSON.stringify({
            method: req.method,
            url: req.url,
            headers: req.headers,
            body: body.toString('hex'),
          }),
        )
      case 'status': {
        const status = Number(arg)
        res.writeHead(status, { 'X-Mixed-Case': 'Yes', 'Content-Type': 'text/html' })
        return res.end(status === 204 || status === 304 ? undefined : `status ${status}`)
      }
      case 'bytes': {
        const n = Number(arg)
        if (!url.searchParams.has('chunked')) res.setHeader('content-length', n)
        // Several writes, so a cap is met in the middle of the stream.
        const chunk = Buffer.alloc(16_384, 'a')
        for (let left = n; left > 0; left -= chunk.length)
          res.write(left >= chunk.length ? chunk : chunk.subarray(0, left))
        return res.end()
      }
      case 'raw':
        res.setHeader('content-type', url.searchParams.get('type') ?? 'text/html')
        return res.end(Buffer.from(url.searchParams.get('hex') ?? '', 'hex'))
      case 'reset':
        return req.socket.destroy()
      case 'reset-mid-body':
      case 'stall-body':
        res.writeHead(200, { 'content-length': '100' })
        res.write(Buffer.alloc(10, 'a'))
        if (route === 'reset-mid-body') setImmediate(() => req.socket.destroy())
        return
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer)
          res.end('late')
        }, Number(arg))
        timers.add(timer)
        return
      }
      case 'redirect':
        res.writeHead(Number(arg), { location: `${otherOrigin}/echo` })
        return res.end('moved')
      default:
        res.writeHead(404)
        return res.end('no such route')
    }
  })
  server.on('connection', (socket) => {
    accepted++
    open.add(socket)
    socket.on('close', () => open.delete(socket))
  })
  const port = await listen(server, '127.0.0.1')

  const probe = createServer()
  const closedPort = await listen(probe, '127.0.0.1')
  await shut(probe)

  return {
    origin: `http://127.0.0.1:${port}`,
    otherOrigin,
    received,
    otherReceived,
    connections: () => accepted,
    openConnections: () => open.size,
    closedPort,
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      await Promise.all([shut(server), shut(other)])
    },
  }
}

/** Starts a server before the tests of the enclosing `describe` and closes it after them. */
export const useLoopback = (): (() => Loopback) => {
  let server: Loopback | undefined
  beforeAll(async () => {
    server = await startLoopback()
  })
  afterAll(() => server?.close())
  return () => {
    if (server === undefined) throw new Error('the loopback server is not started yet')
    return server
  }
}
