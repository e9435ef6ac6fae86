// Issue 15, server side, the callback handler: each attack a test. See docs/reliability.md, "Hostile peers".
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '../../src/core/callback/Report.js'
import {
  type CallbackHandler,
  type CallbackHandlerOptions,
  createCallbackHandler,
} from '../../src/handler/NodeCallbackHandler.js'
import { trickle } from './peer.js'

const QUERY =
  'api_id=12345&apiMsgId=996f364775e24b8432f45d77da8eca47&cliMsgId=abc123&timestamp=1218007814&to=279995631564&from=27833001171&status=003&charge=0.300000'
const basicAuth = { username: 'clickatell', password: 'a long random secret' }
const AUTHORIZATION = `Basic ${Buffer.from(`${basicAuth.username}:${basicAuth.password}`).toString('base64')}`

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections()
          s.close(() => resolve())
        }),
    ),
  )
})

// A server on 127.0.0.1 that also counts the bytes it read from each connection.
const serve = async (listener: RequestListener) => {
  const server = createServer(listener)
  servers.push(server)
  const sockets: Socket[] = []
  server.on('connection', (socket) => sockets.push(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return { port, url: `http://127.0.0.1:${port}/callback`, bytesRead: () => sockets[0]?.bytesRead ?? 0 }
}

const built = (options: CallbackHandlerOptions): CallbackHandler => {
  const handler = createCallbackHandler(options)
  if (handler._tag === 'Left') throw new Error(JSON.stringify(handler.left.problems))
  return handler.right
}

const onReport = (_: Report) => undefined
const HUGE = 100_000_000
const SLOWLY = { chunk: 1024, everyMs: 10, maxChunks: 200 } as const

describe('no secret in any output: the handler refuses to run without one', () => {
  it("refuses the README's example when HOOK_PASSWORD is unset, rather than accept the password 'undefined'", () => {
    const unset = process.env['CLICKATELL_FP_TEST_SURELY_UNSET']
    const handler = createCallbackHandler({ onReport, basicAuth: { username: 'hook', password: unset! } })
    expect(handler).toMatchObject({ _tag: 'Left', left: { problems: [{ path: 'basicAuth.password' }] } })
  })

  it.each([
    [{ username: 'hook', password: '' }, 'basicAuth.password'],
    [{ username: '', password: 'secret' }, 'basicAuth.username'],
  ])('refuses %j', (credentials, path) => {
    expect(createCallbackHandler({ onReport, basicAuth: credentials })).toMatchObject({
      _tag: 'Left',
      left: { problems: [{ path }] },
    })
  })

  it("has no unauthenticated mode unless asked for with authentication: 'none'", () => {
    expect(createCallbackHandler({ onReport } as unknown as CallbackHandlerOptions)).toMatchObject({
      _tag: 'Left',
      left: { problems: [{ path: 'basicAuth' }] },
    })
    expect(createCallbackHandler({ onReport, authentication: 'none' })._tag).toBe('Right')
  })
})

describe('time-outs by default: onReport cannot hold an answer forever', () => {
  it('answers 503 once onReport has run past reportTimeoutMs, and ignores its late result', async () => {
    const late: Array<() => void> = []
    const { url } = await serve(
      built({
        basicAuth,
        reportTimeoutMs: 100,
        onReport: () => new Promise<void>((resolve) => late.push(resolve)),
      }),
    )
    const started = Date.now()
    const res = await fetch(`${url}?${QUERY}`, { headers: { authorization: AUTHORIZATION } })
    expect(res.status).toBe(503)
    expect(await res.text()).toBe('report not processed in time')
    expect(Date.now() - started).toBeLessThan(5_000)
    // The late success answers nothing more (a second answer would throw inside node:http) ...
    for (const resolve of late.splice(0)) resolve()
    await new Promise((resolve) => setTimeout(resolve, 20))
    // ... and the handler serves the next request as usual.
    const again = await fetch(`${url}?${QUERY}`, { headers: { authorization: AUTHORIZATION } })
    expect(again.status).toBe(503)
  })

  it('ignores a rejection that comes after the time-out (nothing goes unhandled)', async () => {
    const { url } = await serve(
      built({
        authentication: 'none',
        reportTimeoutMs: 50,
        onReport: () => new Promise<void>((_, reject) => setTimeout(() => reject(new Error('late')), 150)),
      }),
    )
    expect((await fetch(`${url}?${QUERY}`)).status).toBe(503)
    await new Promise((resolve) => setTimeout(resolve, 200))
  })

  it('answers 200 to an onReport that finishes in time', async () => {
    const { url } = await serve(
      built({
        authentication: 'none',
        reportTimeoutMs: 2_000,
        onReport: () => new Promise<void>((resolve) => setTimeout(resolve, 20)),
      }),
    )
    expect((await fetch(`${url}?${QUERY}`)).status).toBe(200)
  })
})

describe('bounded work: a refused request is answered before its body, and its connection closed', () => {
  it.each<[string, string, number]>([
    ['no credentials', 'POST /callback HTTP/1.1\r\nHost: x\r\n', 401],
    ['wrong credentials', 'POST /callback HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YTpi\r\n', 401],
    ['a wrong method', `PUT /callback HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTHORIZATION}\r\n`, 405],
  ])('%s, claiming a 100 MB body sent slowly: answered at once, then closed', async (_, start, status) => {
    let reports = 0
    const server = await serve(built({ basicAuth, onReport: () => void reports++ }))
    const outcome = await trickle(server.port, `${start}Content-Length: ${HUGE}\r\n\r\n`, SLOWLY)
    expect(outcome.status).toBe(status)
    expect(outcome.headers['connection']).toBe('close')
    expect(outcome.sentBeforeAnswer).toBeLessThanOrEqual(2 * SLOWLY.chunk)
    expect(outcome.closedByServer).toBe(true)
    expect(outcome.sent).toBeLessThan(SLOWLY.maxChunks * SLOWLY.chunk)
    expect(server.bytesRead()).toBeLessThan(16 * 1024)
    expect(reports).toBe(0)
  })

  it('a declared body over the cap: 413 before any of it, and the connection closed', async () => {
    const server = await serve(built({ basicAuth, onReport, maxBodyBytes: 4096 }))
    const head = `POST /callback HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTHORIZATION}\r\nContent-Length: ${HUGE}\r\n\r\n`
    const outcome = await trickle(server.port, head, SLOWLY)
    expect(outcome.status).toBe(413)
    expect(outcome.sentBeforeAnswer).toBeLessThanOrEqual(2 * SLOWLY.chunk)
    expect(outcome.closedByServer).toBe(true)
    expect(server.bytesRead()).toBeLessThan(16 * 1024)
  })

  it('a chunked body that grows past the cap: 413 as soon as it does, and no more is read', async () => {
    const server = await serve(built({ basicAuth, onReport, maxBodyBytes: 4096 }))
    const head = `POST /callback HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTHORIZATION}\r\nTransfer-Encoding: chunked\r\n\r\n`
    const outcome = await trickle(server.port, head, { ...SLOWLY, chunked: true })
    expect(outcome.status).toBe(413)
    expect(outcome.sentBeforeAnswer).toBeGreaterThan(4096)
    expect(outcome.sentBeforeAnswer).toBeLessThanOrEqual(4096 + 3 * SLOWLY.chunk)
    expect(outcome.closedByServer).toBe(true)
    expect(server.bytesRead()).toBeLessThan(16 * 1024)
  })
})
