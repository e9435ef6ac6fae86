import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type CallbackForm, startSimulator } from '../../src/simulator/index.js'
import { boot, T0 } from './harness.js'

const MINUTE = 60_000

interface Received {
  readonly method: string
  readonly path: string
  readonly query: URLSearchParams
  readonly authorization: string | undefined
  readonly contentType: string | undefined
  readonly body: string
}

// A local callback endpoint that records every request and answers with the next status of `statuses`
// (the last one repeats).
const receivers: http.Server[] = []
afterEach(async () => {
  await Promise.all(
    receivers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve())
          s.closeAllConnections()
        }),
    ),
  )
})

const receiver = async (statuses: ReadonlyArray<number> = [200]) => {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('latin1')
    req.on('data', (c: string) => {
      body += c
    })
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      received.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      })
      res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]!)
      res.end('ok')
    })
  })
  receivers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`, received }
}

const fieldsOf = (r: Received): Record<string, string> => {
  const params = r.method === 'GET' ? r.query : new URLSearchParams(r.body)
  const data = params.get('data')
  if (data === null) return Object.fromEntries(params)
  // XML and SOAP: the elements of the document, whatever their case.
  return Object.fromEntries([...data.matchAll(/<(\w+)(?: [^>]*)?>([^<]*)<\/\1>/g)].map((m) => [m[1]!, m[2]!]))
}

describe('status callbacks in the six forms', () => {
  const auth = { username: 'hook', password: 'p@ss' }
  const basic = `Basic ${Buffer.from('hook:p@ss').toString('base64')}`
  it.each([
    ['http-get', 'GET', 'apiMsgId', 'cliMsgId', true],
    ['http-post', 'POST', 'apiMsgId', 'cliMsgId', true],
    ['xml-get', 'GET', 'apiMsgId', 'cliMsgId', false],
    ['xml-post', 'POST', 'apiMsgId', 'cliMsgId', false],
    ['soap-get', 'GET', 'apimsgid', 'climsgid', true],
    ['soap-post', 'POST', 'apimsgid', 'climsgid', true],
  ] as const)(
    '%s: %s with Basic auth, one per reported status',
    async (form, method, apiKey, cliKey, hasApiId) => {
      const endpoint = await receiver()
      const { call, clock, sim } = await boot({
        callbackUrl: endpoint.url,
        callbackForm: form as CallbackForm,
        callbackAuth: auth,
      })
      const id = (
        await call('/http/sendmsg', 'to=447700900001&text=hi&callback=3&climsgid=c1&from=Shop')
      ).slice(4)
      clock.advance(1_000)
      await sim.tick()
      clock.advance(4_000)
      await sim.tick()
      expect(endpoint.received).toHaveLength(2)
      const [first, second] = endpoint.received.map(fieldsOf)
      for (const r of endpoint.received) {
        expect(r.method).toBe(method)
        expect(r.path).toBe('/cb')
        expect(r.authorization).toBe(basic)
        if (method === 'POST') expect(r.contentType).toBe('application/x-www-form-urlencoded')
      }
      expect(first).toMatchObject({
        [apiKey]: id,
        [cliKey]: 'c1',
        to: '447700900001',
        from: 'Shop',
        timestamp: String((T0 + 1_000) / 1000),
        status: '003',
        charge: '1.000000',
      })
      expect(second).toMatchObject({ status: '004', timestamp: String((T0 + 5_000) / 1000) })
      expect('api_id' in first!).toBe(hasApiId)
      if (hasApiId) expect(first!['api_id']).toBe('3000001')
      expect(sim.state.callbacks.map((c) => [c.status, c.attempt, c.outcome, c.httpStatus])).toEqual([
        ['003', 1, 'delivered', 200],
        ['004', 1, 'delivered', 200],
      ])
    },
  )

  it.each([
    [0, [], 'none'],
    [1, ['003'], 'intermediate only'],
    [2, ['004'], 'final only'],
    [4, [], 'errors only, and there were none'],
  ])('callback=%i sends %j (%s)', async (value, statuses) => {
    const endpoint = await receiver()
    const { call, clock, sim } = await boot({ callbackUrl: endpoint.url, callbackForm: 'http-get' })
    await call('/http/sendmsg', `to=447700900001&text=hi&callback=${value}`)
    clock.advance(5_000)
    await sim.tick()
    expect(endpoint.received.map((r) => r.query.get('status'))).toEqual(statuses)
  })

  it('reports error statuses to callback=4 and a cancelled message to nobody', async () => {
    const endpoint = await receiver()
    const { call, clock, sim } = await boot({
      callbackUrl: endpoint.url,
      callbackForm: 'http-get',
      routes: [{ prefix: '', charge: 1, finalStatus: '007' }],
    })
    await call('/http/sendmsg', 'to=447700900001&text=hi&callback=4')
    const stopped = (await call('/http/sendmsg', 'to=447700900002&text=hi&callback=7')).slice(4)
    await call('/http/delmsg', `apimsgid=${stopped}`)
    clock.advance(5_000)
    await sim.tick()
    expect(endpoint.received.map((r) => [r.query.get('to'), r.query.get('status')])).toEqual([
      ['447700900001', '007'],
    ])
  })

  it('on the wall clock, sends them without being asked to tick', async () => {
    const endpoint = await receiver()
    const sim = await startSimulator({
      accounts: [{ apiId: '1', user: 'u', password: 'p' }],
      callbackUrl: endpoint.url,
      callbackForm: 'http-get',
      delivery: { gatewayMs: 5, handsetMs: 10 },
    })
    try {
      await fetch(`${sim.url}/http/sendmsg?api_id=1&user=u&password=p&to=447700900001&text=x&callback=3`)
      await vi.waitFor(
        () => expect(endpoint.received.map((r) => r.query.get('status'))).toEqual(['003', '004']),
        {
          timeout: 5_000,
        },
      )
    } finally {
      await sim.close()
    }
  })

  it('sends nothing without a callback URL', async () => {
    const { call, clock, sim } = await boot()
    await call('/http/sendmsg', 'to=447700900001&text=hi&callback=7')
    clock.advance(5_000)
    await sim.tick()
    expect(sim.state.callbacks).toEqual([])
  })
})

describe('callback retries', () => {
  it('retries a failing endpoint 2, 4, 8, 16, 32, 64, 128 minutes and 3 days after the previous attempt, then stops', async () => {
    const endpoint = await receiver([500])
    const { call, clock, sim } = await boot({ callbackUrl: endpoint.url, callbackForm: 'http-post' })
    await call('/http/sendmsg', 'to=447700900001&text=hi&callback=1')
    clock.advance(1_000)
    await sim.tick()
    const first = T0 + 1_000
    const delays = [2, 4, 8, 16, 32, 64, 128, 3 * 24 * 60].map((m) => m * MINUTE)
    let due = first
    for (const delay of delays) {
      const before = endpoint.received.length
      clock.advance(delay - 1)
      await sim.tick()
      expect(endpoint.received.length, 'not before it is due').toBe(before)
      clock.advance(1)
      await sim.tick()
      due += delay
      expect(endpoint.received.length).toBe(before + 1)
      expect(sim.state.callbacks.at(-1)).toMatchObject({
        due,
        attempt: before + 1,
        outcome: 'failed',
        httpStatus: 500,
      })
    }
    clock.advance(30 * 24 * 60 * MINUTE)
    await sim.tick()
    expect(endpoint.received).toHaveLength(9)
    expect(sim.state.callbacks.map((c) => c.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(sim.state.callbacks.at(-1)?.nextDue).toBeUndefined()
    // Every attempt carries the same report.
    expect(new Set(endpoint.received.map((r) => r.body)).size).toBe(1)
  })

  it('stops retrying once an attempt succeeds', async () => {
    const endpoint = await receiver([503, 500, 200])
    const { call, clock, sim } = await boot({ callbackUrl: endpoint.url, callbackForm: 'http-get' })
    await call('/http/sendmsg', 'to=447700900001&text=hi&callback=1')
    clock.advance(1_000)
    await sim.tick()
    clock.advance(2 * MINUTE)
    await sim.tick()
    clock.advance(4 * MINUTE)
    await sim.tick()
    clock.advance(3 * 24 * 60 * MINUTE)
    await sim.tick()
    expect(sim.state.callbacks.map((c) => [c.attempt, c.outcome, c.httpStatus])).toEqual([
      [1, 'failed', 503],
      [2, 'failed', 500],
      [3, 'delivered', 200],
    ])
  })

  it('counts a refused connection as a failure', async () => {
    const endpoint = await receiver()
    const { call, clock, sim } = await boot({
      callbackUrl: 'http://127.0.0.1:1/cb',
      callbackRetriesMs: [MINUTE],
    })
    await call('/http/sendmsg', 'to=447700900001&text=hi&callback=1')
    clock.advance(1_000)
    await sim.tick()
    expect(sim.state.callbacks[0]).toMatchObject({
      outcome: 'failed',
      httpStatus: undefined,
      nextDue: T0 + 1_000 + MINUTE,
    })
    expect(sim.state.callbacks[0]?.error).toMatch(/ECONNREFUSED/)
    expect(endpoint.received).toEqual([])
  })
})
