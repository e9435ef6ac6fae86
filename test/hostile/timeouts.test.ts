// Issue 15, client side: a gateway that takes the connection and never answers, or answers one byte every half
// second. Each transport's time-out covers the whole answer, body included, and the client has a time-out of its
// own by default, so nothing waits forever. See docs/reliability.md, "Hostile peers".
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Client, type ClientConfig, make } from '../../src/client/Client.js'
import { manualEnv } from '../../src/client/Env.js'
import type { TransportError } from '../../src/core/errors.js'
import { withTimeout } from '../../src/transport/middleware.js'
import { transports } from '../integration/harness.js'
import { ensureDist, ROOT } from '../support/dist.js'
import { type HostileServer, hostileServer } from './peer.js'

const credentials = { apiId: '3000001', user: 'alice', password: 's3cret' }
const HALF_SECOND = 500

const servers: HostileServer[] = []
const serve = async (kind: 'silent' | 'dribble'): Promise<HostileServer> => {
  const s = await hostileServer(kind === 'silent' ? { kind } : { kind, everyMs: HALF_SECOND })
  servers.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const timeoutOf = (r: E.Either<unknown, unknown>): TransportError => {
  if (E.isRight(r) || (r.left as { _tag?: string })._tag !== 'TransportError')
    throw new Error(`expected a TransportError, got ${JSON.stringify(r)}`)
  return r.left as TransportError
}

const clientOf = (
  server: HostileServer,
  transport: ClientConfig['transport'],
  config: Partial<ClientConfig>,
) => {
  const made = make({ transport, credentials, baseUrl: server.url, ...config })
  if (E.isLeft(made)) throw new Error(JSON.stringify(made.left))
  return made.right
}

// Time is read only to prove an answer came, bounded far above the time-out: nothing here measures speed.
const timed = async <A>(f: () => Promise<A>): Promise<{ readonly value: A; readonly ms: number }> => {
  const t0 = Date.now()
  const value = await f()
  return { value, ms: Date.now() - t0 }
}

describe.each(transports)('$name: a time-out covers the whole answer', ({ open }) => {
  it.each(['silent', 'dribble'] as const)(
    'withTimeout(1200) against a %s server: kind timeout, and the connection is closed',
    async (kind) => {
      const server = await serve(kind)
      const opened = open()
      try {
        const { value, ms } = await timed(() =>
          withTimeout(1200)(opened.transport).send({
            method: 'GET',
            url: `${server.url}/http/ping`,
            headers: {},
          })(),
        )
        expect(timeoutOf(value)).toMatchObject({ kind: 'timeout', message: 'no response in 1200 ms' })
        expect(ms).toBeGreaterThanOrEqual(1150)
        expect(ms).toBeLessThan(6000)
        // The dribbling server had its headers out and was inside the body when the time-out came.
        if (kind === 'dribble') expect(server.dribbled[0]).toBeGreaterThanOrEqual(1)
        await expect.poll(() => server.hungUp(), { timeout: 3000 }).toBeGreaterThanOrEqual(1)
      } finally {
        opened.close()
      }
    },
  )

  it.each(['silent', 'dribble'] as const)(
    'Client.make with no time-out middleware: balance against a %s server is a timeout Left',
    async (kind) => {
      const server = await serve(kind)
      const opened = open()
      try {
        const client = clientOf(server, opened.transport, { timeoutMs: 800, retry: { retries: 0 } })
        const { value, ms } = await timed(() => client.balance()())
        expect(timeoutOf(value).kind).toBe('timeout')
        expect(ms).toBeLessThan(6000)
        expect(server.commands).toEqual(['auth'])
        client.close()
      } finally {
        opened.close()
      }
    },
  )
})

describe('the client against a gateway that never answers', () => {
  const fetchOpen = transports[0]!.open

  it('a timed-out send is checked with querymsg, never sent again blindly: Unknown with its id', async () => {
    const server = await serve('silent')
    // `auth` answered by a stub so the send itself meets the silent server.
    const silent = fetchOpen().transport
    const client: Client = clientOf(
      server,
      {
        send: (request) =>
          request.url.endsWith('/http/auth')
            ? async () => E.right({ status: 200, headers: {}, body: 'OK: abc' })
            : silent.send(request),
      },
      { timeoutMs: 400, retry: { retries: 0 }, confirm: { checks: 2, checkDelayMs: 10 } },
    )
    const r = await client.send({ to: '447700900001', text: 'Hello' })()
    expect(E.isRight(r) && r.right.outcomes[0]).toMatchObject({
      _tag: 'Unknown',
      error: { _tag: 'TransportError', kind: 'timeout' },
      attempts: 1,
    })
    // Both checks timed out too, so nobody can tell: Unknown, and no second sendmsg.
    expect(server.commands).toEqual(['sendmsg', 'querymsg', 'querymsg'])
  })

  it('deadlineMs ends a whole call, retries included, with a clear timeout', async () => {
    const server = await serve('silent')
    const client = clientOf(server, fetchOpen().transport, {
      timeoutMs: 600,
      deadlineMs: 1000,
      retry: { retries: 5, baseDelayMs: 1, maxDelayMs: 1 },
    })
    const { value, ms } = await timed(() => client.balance()())
    expect(timeoutOf(value)).toMatchObject({
      kind: 'timeout',
      message: 'no answer within the deadline of 1000 ms',
    })
    expect(ms).toBeLessThan(4000)
    // One auth timed out at 600 ms, its retry was cut by the deadline at 1000 ms: no more.
    expect(server.commands).toEqual(['auth', 'auth'])
  })

  it('a deadline reached mid-confirmation leaves the message Unknown, never resent', async () => {
    const server = await serve('silent')
    const silent = fetchOpen().transport
    const client = clientOf(
      server,
      {
        send: (request) =>
          request.url.endsWith('/http/auth')
            ? async () => E.right({ status: 200, headers: {}, body: 'OK: abc' })
            : request.url.endsWith('/http/querymsg')
              ? async () => E.right({ status: 200, headers: {}, body: 'ERR: 104, Unknown client message ID' })
              : silent.send(request),
      },
      { timeoutMs: 300, deadlineMs: 900, confirm: { checks: 5, checkDelayMs: 200, maxCheckDelayMs: 3200 } },
    )
    const r = await client.send({ to: '447700900001', text: 'Hello' })()
    expect(E.isRight(r) && r.right.outcomes[0]).toMatchObject({ _tag: 'Unknown', attempts: 1 })
    expect(server.commands).toEqual(['sendmsg'])
  })

  it('with a manual clock, the time-out still runs on real time (a stalled peer is not stalled clock)', async () => {
    const server = await serve('dribble')
    const client = clientOf(server, fetchOpen().transport, {
      timeoutMs: 700,
      retry: { retries: 0 },
      env: manualEnv(0),
    })
    expect(timeoutOf(await client.ping()()).kind).toBe('timeout')
  })
})

describe('no timer keeps a process alive after the answer', () => {
  beforeAll(async () => {
    await ensureDist()
  }, 300_000)

  it('a client with the default 30 s time-out and a 60 s deadline exits as soon as its work is done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clickatell-timers-'))
    const script = join(dir, 'run.mjs')
    const dist = join(ROOT, 'dist')
    writeFileSync(
      script,
      `import { Client, fetchTransport } from ${JSON.stringify(join(dist, 'index.js'))}
import { startSimulator } from ${JSON.stringify(join(dist, 'simulator', 'index.js'))}
const sim = await startSimulator({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
const made = Client.make({ transport: fetchTransport(), credentials: { apiId: '1', user: 'u', password: 'p' }, baseUrl: sim.url, deadlineMs: 60000 })
const c = made.right
const b = await c.balance()()
const s = await c.send({ to: '447700900001', text: 'Hi' })()
for await (const o of c.sendAll([{ to: '447700900002', text: 'Ho' }])) void o
console.log(b._tag, s._tag)
c.close()
await sim.close()
`,
    )
    const { value, ms } = await timed(() =>
      promisify(execFile)(process.execPath, [script], { timeout: 25_000 }),
    )
    expect(value.stdout.trim()).toBe('Right Right')
    expect(ms).toBeLessThan(20_000)
  }, 60_000)
})
