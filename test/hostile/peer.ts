// A hostile peer on a raw socket: it sends a request head, then a body slowly, a chunk at a time, and records
// when the answer came, how much it had sent by then, and whether the server closed the connection. Every loop
// is bounded by `maxChunks`, so a server that never answers fails the test instead of hanging it.
import * as http from 'node:http'
import * as net from 'node:net'

export interface Trickle {
  /** Bytes per chunk and pause between chunks. */
  readonly chunk: number
  readonly everyMs: number
  /** The peer gives up after this many chunks. */
  readonly maxChunks: number
  /** Frame each chunk for `Transfer-Encoding: chunked`. */
  readonly chunked?: boolean
}

export interface Outcome {
  /** The status line and headers received (lower-cased names), or `undefined` if nothing came. */
  readonly status: number | undefined
  readonly headers: Readonly<Record<string, string>>
  /** Body bytes the peer had sent when the first byte of the answer arrived. */
  readonly sentBeforeAnswer: number
  /** Body bytes the peer sent in all. */
  readonly sent: number
  /** The server closed the connection before the peer gave up. */
  readonly closedByServer: boolean
}

const parseHead = (text: string): Pick<Outcome, 'status' | 'headers'> => {
  const end = text.indexOf('\r\n\r\n')
  const lines = (end < 0 ? text : text.slice(0, end)).split('\r\n')
  const status = /^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')
  const headers: Record<string, string> = {}
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status: status === null ? undefined : Number(status[1]), headers }
}

export const trickle = (port: number, head: string, t: Trickle): Promise<Outcome> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let received = ''
    let sent = 0
    let sentBeforeAnswer = -1
    let chunks = 0
    let timer: NodeJS.Timeout | undefined
    const payload = Buffer.alloc(t.chunk, 'a')
    const frame = t.chunked ? Buffer.from(`${t.chunk.toString(16)}\r\n`) : Buffer.alloc(0)
    let finished = false
    const done = (closedByServer: boolean) => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ ...parseHead(received), sentBeforeAnswer, sent, closedByServer })
    }
    const next = () => {
      if (chunks >= t.maxChunks) return done(false)
      chunks++
      if (socket.writable) {
        socket.write(Buffer.concat([frame, payload, t.chunked ? Buffer.from('\r\n') : Buffer.alloc(0)]))
        sent += t.chunk
      }
      timer = setTimeout(next, t.everyMs)
    }
    socket.on('connect', () => {
      socket.write(head)
      timer = setTimeout(next, t.everyMs)
    })
    socket.on('data', (data: Buffer) => {
      if (sentBeforeAnswer < 0) sentBeforeAnswer = sent
      received += data.toString('latin1')
    })
    socket.on('error', () => undefined) // a write after the server closed: the close event follows
    socket.on('close', () => done(true))
  })

// Hostile gateways for the client's side: a server on 127.0.0.1 that takes the request and never answers, and
// one that sends its headers and then a body one byte every `everyMs`, without end. Each records the commands
// it was asked (the path's last segment) and when the client hung up, and closes every socket on `close`.
export interface HostileServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** The commands received, in order (`sendmsg`, `querymsg`, ...). */
  readonly commands: string[]
  /** Body bytes written to each response so far, in order of the requests. */
  readonly dribbled: number[]
  /** Connections the client closed (after a time-out, an abort). */
  readonly hungUp: () => number
  readonly close: () => Promise<void>
}

export const hostileServer = async (
  behaviour: { readonly kind: 'silent' } | { readonly kind: 'dribble'; readonly everyMs: number },
): Promise<HostileServer> => {
  const commands: string[] = []
  const dribbled: number[] = []
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<net.Socket>()
  let hungUp = 0
  const server = http.createServer((req, res) => {
    commands.push((req.url ?? '').split('?')[0]!.split('/').pop() ?? '')
    req.resume()
    if (behaviour.kind === 'silent') return
    const n = dribbled.push(0) - 1
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' })
    const timer = setInterval(() => {
      if (res.writableEnded || res.destroyed) return clearInterval(timer)
      res.write('x')
      dribbled[n]!++
    }, behaviour.everyMs)
    timers.add(timer)
    res.on('close', () => {
      clearInterval(timer)
      timers.delete(timer)
    })
  })
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => {
      sockets.delete(socket)
      hungUp++
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    commands,
    dribbled,
    hungUp: () => hungUp,
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearInterval(t)
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
