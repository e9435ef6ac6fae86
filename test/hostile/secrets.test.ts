// Issue 15, "No secret in any output": a gateway, or a proxy in front of it, that echoes the request. Each error
// kind the client returns, and each message, holds no form of the password or of a session id. See
// docs/reliability.md, "Hostile peers".
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { afterEach, describe, expect, it } from 'vitest'
import { type ClientConfig, make } from '../../src/client/Client.js'
import { makePromises } from '../../src/client/Promises.js'
import { toMessage, transportError } from '../../src/core/errors.js'
import { nodeTransport } from '../../src/transport/NodeTransport.js'
import { type Answer, type Echoed, type EchoServer, leaks, proxyPage, startEcho } from './echo.js'

const PASSWORD = 'S3cr3t p@ss/é"<'
const SESSION = '7f3c2a9e41b04d6a8c5e1f2b3a4d5e6f'
const SECRETS = [PASSWORD, SESSION]

const servers: EchoServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

// A client of an echoing server; `auth` succeeds with SESSION unless the answer says otherwise.
const clientOf = async (answer: (e: Echoed) => Answer, more: Partial<ClientConfig> = {}) => {
  const server = await startEcho((e) =>
    e.path === '/http/auth' && !more.authentication ? { status: 200, body: `OK: ${SESSION}` } : answer(e),
  )
  servers.push(server)
  const made = make({
    transport: nodeTransport(),
    credentials: { apiId: '3442105', user: 'me', password: PASSWORD },
    baseUrl: server.url,
    retry: { retries: 0 },
    ...more,
  })
  if (E.isLeft(made)) throw new Error('no client')
  return { client: made.right, server }
}

const everything = (u: unknown): string =>
  JSON.stringify(u) + (E.isLeft(u as never) ? toMessage((u as E.Left<never>).left) : '')

describe('an echoing peer: no secret in any error value or message', () => {
  it.each([
    ['a proxy page, HTTP 502', 'HttpStatusError', (e: Echoed) => ({ status: 502, body: proxyPage(e) })],
    ['an HTML page with HTTP 200', 'MalformedResponse', (e: Echoed) => ({ status: 200, body: proxyPage(e) })],
    [
      'ERR: 001 that repeats the request',
      'GatewayError',
      (e: Echoed) => ({ status: 200, body: `ERR: 001, Authentication failed: ${e.decoded} ${e.raw}` }),
    ],
  ])('%s -> %s', async (_name, tag, answer) => {
    for (const authentication of ['session', 'per-request'] as const) {
      const { client, server } = await clientOf(
        answer,
        authentication === 'session' ? {} : { authentication },
      )
      const r = await client.balance()()
      expect(E.isLeft(r) && r.left._tag).toBe(tag)
      // The peer did see the secrets: the test can fail.
      expect(leaks(server.requests.map((q) => q.raw).join(' '), SECRETS).length).toBeGreaterThan(0)
      expect(leaks(everything(r), SECRETS)).toEqual([])
      client.close()
    }
  })

  it('the session id the client obtained, echoed by a later command', async () => {
    const { client, server } = await clientOf((e) => ({ status: 502, body: proxyPage(e) }))
    const r = await client.status({ apiMsgId: 'abc' } as never)()
    expect(server.requests.some((q) => q.raw.includes(SESSION))).toBe(true)
    expect(leaks(everything(r), SECRETS)).toEqual([])
  })

  it('a send: every recipient outcome, inside the Right', async () => {
    const { client } = await clientOf((e) => ({ status: 200, body: `ERR: 114, Cannot route: ${e.decoded}` }))
    const r = await client.send({ to: ['27999000001', '27999000002'], text: 'Hi' })()
    expect(E.isRight(r)).toBe(true)
    expect(JSON.stringify(r)).toContain('114')
    expect(leaks(JSON.stringify(r), SECRETS)).toEqual([])
  })

  it('sendAll: every outcome streamed', async () => {
    // A 503 leaves the send open: its checks (echoed too) run without real waits.
    const { client } = await clientOf((e) => ({ status: 503, body: proxyPage(e) }), {
      env: { sleep: async () => {} },
    })
    const outcomes: unknown[] = []
    for await (const o of client.sendAll([{ to: '27999000001', text: 'Hi' }])) outcomes.push(o)
    expect(outcomes).toHaveLength(1)
    expect(leaks(JSON.stringify(outcomes), SECRETS)).toEqual([])
  })

  it('the Promise client: error and message', async () => {
    const server = await startEcho((e) => ({ status: 502, body: proxyPage(e) }))
    servers.push(server)
    const made = makePromises({
      transport: nodeTransport(),
      credentials: { apiId: '1', user: 'me', password: PASSWORD },
      baseUrl: server.url,
      retry: { retries: 0 },
    })
    if (!made.ok) throw new Error('no client')
    const r = await made.value.ping()
    expect(r.ok).toBe(false)
    expect(leaks(JSON.stringify(r) + (r.ok ? '' : r.message), SECRETS)).toEqual([])
  })

  it('a transport (or middleware) whose error repeats the request: message and cause', async () => {
    const made = make({
      transport: {
        send: (req) =>
          TE.left(
            transportError('network', `failed: ${req.url} ${req.body}`, new Error(`${req.url} ${req.body}`)),
          ),
      },
      credentials: { apiId: '1', user: 'me', password: PASSWORD },
      method: 'GET',
      authentication: 'per-request',
      retry: { retries: 0 },
    })
    if (E.isLeft(made)) throw new Error('no client')
    const r = await made.right.balance()()
    expect(E.isLeft(r) && r.left._tag).toBe('TransportError')
    const cause = E.isLeft(r) && r.left._tag === 'TransportError' ? (r.left.cause as Error) : undefined
    expect(leaks(`${everything(r)} ${cause?.message} ${cause?.stack}`, SECRETS)).toEqual([])
  })

  it('auth answers a session id, which auth returns (the caller asked for it)', async () => {
    const { client } = await clientOf((e) => ({ status: 502, body: proxyPage(e) }))
    expect(await client.auth()()).toEqual(E.right({ sessionId: SESSION }))
  })
})

describe('a password in the base URL', () => {
  it('is refused at Client.make, and the error does not repeat it', () => {
    const made = make({
      transport: nodeTransport(),
      credentials: { apiId: '1', user: 'me', password: 'x' },
      baseUrl: 'http://me:S3cr3tInUrl@127.0.0.1:9/',
    })
    expect(E.isLeft(made) && made.left.problems.map((p) => p.path)).toEqual(['baseUrl'])
    expect(JSON.stringify(made) + (E.isLeft(made) ? toMessage(made.left) : '')).not.toMatch(/S3cr3tInUrl|me:/)
  })
})
