import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type Client, type ClientConfig, type ClientEvent, make } from '../../src/client/Client.js'
import { manualEnv } from '../../src/client/Env.js'
import { promises } from '../../src/client/Promises.js'
import type { RecipientOutcome } from '../../src/client/Send.js'
import { stubGateway } from './stubGateway.js'

const credentials = { apiId: '3442105', user: 'me', password: 'secret' }

const setup = (config: Partial<ClientConfig> = {}) => {
  const env = manualEnv(1_000_000)
  const gw = stubGateway({ now: env.now })
  const events: ClientEvent[] = []
  const made = make({
    transport: gw.transport,
    credentials,
    baseUrl: 'http://127.0.0.1:1',
    env,
    onEvent: (e) => events.push(e),
    ...config,
  })
  if (E.isLeft(made)) throw new Error(JSON.stringify(made.left))
  return { client: made.right as Client, gw, env, events }
}

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected Right, got ${JSON.stringify(e.left)}`)
  return e.right
}

describe('Client.make', () => {
  it('lists every problem of a bad configuration', () => {
    const r = make({
      transport: {} as never,
      credentials: { apiId: '', user: 'me', password: 'secret' },
      baseUrl: 'ftp://x',
      retry: { retries: -1 },
    })
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path).sort()).toEqual(
      ['baseUrl', 'credentials.apiId', 'retry.retries', 'transport'].sort(),
    )
  })

  it('is total on nonsense', () => {
    expect(E.isLeft(make(null as never))).toBe(true)
  })
})

describe('sessions', () => {
  it('authenticates lazily, once for concurrent calls', async () => {
    const { client, gw } = setup()
    expect(gw.count('auth')).toBe(0)
    const rs = await Promise.all([client.balance()(), client.balance()(), client.ping()()])
    expect(rs.map((r) => r._tag)).toEqual(['Right', 'Right', 'Right'])
    expect(gw.count('auth')).toBe(1)
    // POST, credentials in the body only, the form content type the live service needs.
    const first = gw.requests[0]!.request
    expect(first.method).toBe('POST')
    expect(first.url).toBe('http://127.0.0.1:1/http/auth')
    expect(first.headers['content-type']).toBe('application/x-www-form-urlencoded')
  })

  it('authenticates again once when the gateway refuses the session (001, as the live service answers)', async () => {
    const { client, gw, events } = setup()
    right(await client.balance()())
    gw.sessions.clear()
    right(await client.balance()())
    expect(gw.count('auth')).toBe(2)
    expect(events.some((e) => e._tag === 'Reauthenticating')).toBe(true)
  })

  it.each(['001', '003', '005'])(
    'ERR: %s to a session request re-authenticates and repeats once',
    async (code) => {
      const { client, gw } = setup()
      right(await client.balance()())
      gw.fail('getbalance', { body: `ERR: ${code}, Session ID expired` })
      expect(right(await client.balance()())).toEqual({ credit: 12, raw: '12.000' })
      expect(gw.count('auth')).toBe(2)
    },
  )

  it('does not loop when the account itself is refused', async () => {
    const { client, gw } = setup({ credentials: { ...credentials, password: 'wrong' } })
    const r = await client.balance()()
    expect(r).toMatchObject({ _tag: 'Left', left: { _tag: 'GatewayError', command: 'auth', code: '001' } })
    expect(gw.count('getbalance')).toBe(0)
  })

  it('treats a session as expired after 15 idle minutes and authenticates before the request', async () => {
    const { client, gw, env } = setup()
    right(await client.balance()())
    env.advance(15 * 60_000)
    right(await client.balance()())
    expect(gw.count('auth')).toBe(2)
    expect(gw.count('getbalance')).toBe(2) // no wasted request with the stale id
  })

  it('keeps the session alive with a ping every 10 minutes while in use, and stops when idle', async () => {
    // The keep-alive timer is stepped by hand: each step lets the loop's wait end and moves the clock by it.
    const steps: Array<() => void> = []
    const env = manualEnv(0)
    const background = (ms: number) =>
      new Promise<void>((resolve) =>
        steps.push(() => {
          env.advance(ms)
          resolve()
        }),
      )
    const { client, gw } = setup({ keepAlive: true, env: { ...env, background } })
    const flush = () => new Promise((r) => setTimeout(r, 0))
    const step = async () => {
      steps.shift()!()
      await flush()
    }
    right(await client.balance()())
    await flush()
    expect(gw.count('ping')).toBe(0)
    await step() // 10 minutes idle: ping
    await step() // 20
    expect(gw.count('ping')).toBe(2)
    right(await client.balance()()) // real use at 20 minutes restarts the idle hour
    while (steps.length > 0) await step()
    // Pings at 30, 40, ... 70 minutes; at 80 the client has been idle for an hour and the loop stops.
    expect(gw.count('ping')).toBe(7)
    expect(gw.count('auth')).toBe(1)
    client.close()
  })

  it('sends the account with every request when asked to', async () => {
    const { client, gw } = setup({ authentication: 'per-request' })
    right(await client.balance()())
    expect(gw.count('auth')).toBe(0)
    expect(gw.requests[0]!.params).toMatchObject({ api_id: '3442105', user: 'me', password: 'secret' })
  })
})

describe('read-only commands retry', () => {
  it.each([
    ['a network failure', 'timeout-before'],
    ['a 503', 'http-503'],
    ['a garbled body', 'garbage'],
    ['901 internal error', { body: 'ERR: 901, Internal error' }],
  ] as const)('after %s, with backoff', async (_reason, fault) => {
    const { client, gw, env } = setup()
    right(await client.balance()())
    gw.fail('getbalance', fault, 2)
    const before = env.slept.length
    expect(right(await client.balance()())).toMatchObject({ credit: 12 })
    expect(gw.count('getbalance')).toBe(4)
    // Full jitter with random() = 0.5: 100, then 200 ms.
    expect(env.slept.slice(before)).toEqual([100, 200])
  })

  it('gives up after the configured retries', async () => {
    const { client, gw } = setup({ retry: { retries: 1 } })
    gw.fail('getbalance', 'http-503', 5)
    expect(await client.balance()()).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'HttpStatusError', status: 503 },
    })
    expect(gw.count('getbalance')).toBe(2)
  })

  it('does not retry a definite refusal', async () => {
    const { client, gw } = setup()
    gw.fail('querymsg', { body: 'ERR: 101, Invalid or missing parameters' })
    expect(await client.status({ apiMsgId: 'abc' })()).toMatchObject({ _tag: 'Left', left: { code: '101' } })
    expect(gw.count('querymsg')).toBe(1)
  })
})

describe('sends never go out twice', () => {
  const sendOne = async (s: ReturnType<typeof setup>, text = 'Hello') =>
    right(await s.client.send({ to: '447900000001', text })()).outcomes[0]!

  it('a plain send is accepted with a generated client message id', async () => {
    const s = setup()
    const o = await sendOne(s)
    expect(o).toMatchObject({
      _tag: 'Accepted',
      to: '447900000001',
      clientMessageId: 'c1',
      confirmed: false,
      attempts: 1,
    })
    expect(s.gw.messages.map((m) => m.cliMsgId)).toEqual(['c1'])
  })

  it('accepted, then the answer lost: the query finds it and nothing is resent', async () => {
    const s = setup()
    s.gw.fail('sendmsg', 'timeout-after')
    const o = await sendOne(s)
    expect(o).toMatchObject({ _tag: 'Accepted', confirmed: true, attempts: 1 })
    expect(s.gw.messages).toHaveLength(1)
    expect(o._tag === 'Accepted' && o.apiMsgId).toBe(s.gw.messages[0]!.apiMsgId)
  })

  it('lost before arriving: five queries, 1 to 16 s apart, say unknown, so it is resent with the same id', async () => {
    const s = setup()
    s.gw.fail('sendmsg', 'timeout-before')
    const o = await sendOne(s)
    expect(o).toMatchObject({ _tag: 'Accepted', confirmed: false, attempts: 2, clientMessageId: 'c1' })
    expect(s.gw.count('querymsg')).toBe(5)
    expect(s.gw.messages.map((m) => m.cliMsgId)).toEqual(['c1'])
  })

  it('when the query cannot tell, the outcome is Unknown with the client message id', async () => {
    const s = setup({ retry: { retries: 0 } })
    s.gw.fail('sendmsg', 'timeout-before')
    s.gw.fail('querymsg', 'http-503', 5)
    const o = await sendOne(s)
    expect(o).toMatchObject({
      _tag: 'Unknown',
      clientMessageId: 'c1',
      error: { _tag: 'TransportError', kind: 'timeout' },
    })
    expect(s.gw.count('sendmsg')).toBe(1)
  })

  it('a refused connection is resent without a query (nothing arrived)', async () => {
    const s = setup()
    right(await s.client.balance()())
    s.gw.fail('sendmsg', 'refused')
    const o = await sendOne(s)
    expect(o).toMatchObject({ _tag: 'Accepted', attempts: 2 })
    expect(s.gw.count('querymsg')).toBe(0)
  })

  it('a transport that throws or rejects, against its contract, counts as a lost answer: the query decides', async () => {
    for (const how of ['throws', 'rejects'] as const) {
      const s = setup()
      let broken = 1
      const transport = {
        send: (request: Parameters<typeof s.gw.transport.send>[0]) => {
          if (request.url.endsWith('/http/sendmsg') && broken-- > 0) {
            // The request reaches the gateway, then the transport fails.
            const sent = s.gw.transport.send(request)
            if (how === 'throws')
              return () => {
                void sent()
                throw new Error('transport bug')
              }
            return () => sent().then(() => Promise.reject(new Error('transport bug')))
          }
          return s.gw.transport.send(request)
        },
      }
      const made = make({ transport, credentials, baseUrl: 'http://127.0.0.1:1', env: s.env })
      const client = right(made)
      const o = right(await client.send({ to: '447900000001', text: 'Hello' })()).outcomes[0]!
      expect(o, how).toMatchObject({ _tag: 'Accepted', confirmed: true, attempts: 1 })
      expect(s.gw.count('sendmsg'), how).toBe(1)
    }
  })

  it('a gateway refusal is final', async () => {
    const s = setup()
    const o = right(await s.client.send({ to: '999000001', text: 'x' })()).outcomes[0]!
    expect(o).toMatchObject({ _tag: 'Rejected', error: { _tag: 'GatewayError', code: '105' }, attempts: 1 })
    expect(s.gw.count('sendmsg')).toBe(1)
  })

  it('gives up after `sends` attempts that never arrived: Rejected, not sent', async () => {
    const s = setup({ confirm: { sends: 2, checks: 1 } })
    s.gw.fail('sendmsg', 'timeout-before', 5)
    const o = await sendOne(s)
    expect(o).toMatchObject({ _tag: 'Rejected', attempts: 2, error: { kind: 'timeout' } })
    expect(s.gw.messages).toHaveLength(0)
  })

  it('a message refused before sending is a Left with every problem', async () => {
    const s = setup()
    const r = await s.client.send({ to: ['44790000000x', '447900000001'], text: '', maxParts: 99 })()
    expect(E.isLeft(r) && r.left._tag).toBe('InvalidInput')
    expect(s.gw.requests).toHaveLength(0)
  })

  it('a text over maxParts is refused before sending with the numbers', async () => {
    const s = setup()
    const r = await s.client.send({ to: '447900000001', text: 'x'.repeat(400), maxParts: 2 })()
    expect(r).toMatchObject({ _tag: 'Left', left: { _tag: 'MessageTooLong', parts: 3, limit: 2 } })
    expect(s.gw.requests).toHaveLength(0)
  })
})

describe('many recipients and bulk', () => {
  it('one request per recipient, in order, duplicates kept, each with its own id', async () => {
    const s = setup()
    const to = ['447900000001', '447900000002', '447900000001', '999000001']
    const { outcomes } = right(await s.client.send({ to, text: 'Hi' })())
    expect(outcomes.map((o) => [o._tag, o.to])).toEqual([
      ['Accepted', '447900000001'],
      ['Accepted', '447900000002'],
      ['Accepted', '447900000001'],
      ['Rejected', '999000001'],
    ])
    expect(new Set(outcomes.map((o) => o.clientMessageId)).size).toBe(4)
  })

  it('refuses a client message id shared by several recipients', async () => {
    const s = setup()
    const r = await s.client.send({
      to: ['447900000001', '447900000002'],
      text: 'Hi',
      clientMessageId: 'order42',
    })()
    expect(r).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidInput', problems: [{ path: 'clientMessageId' }] },
    })
  })

  it('streams outcomes in input order under concurrency, at the rate asked, with progress', async () => {
    const s = setup()
    const progress: number[] = []
    const messages = Array.from({ length: 30 }, (_, i) => ({
      to: `4479000000${String(i).padStart(2, '0')}`,
      text: `n${i}`,
    }))
    const t0 = s.env.now()
    const out: RecipientOutcome[] = []
    for await (const o of s.client.sendAll(messages, {
      concurrency: 5,
      ratePerSecond: 100,
      onProgress: (p) => progress.push(p.done),
    }))
      out.push(o)
    expect(out.map((o) => o.to)).toEqual(messages.map((m) => m.to))
    expect(out.every((o) => o._tag === 'Accepted')).toBe(true)
    expect(s.env.now() - t0).toBeGreaterThanOrEqual(290) // 30 starts, 10 ms apart
    expect(progress).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
  })

  it('an invalid message in a bulk run is a Rejected outcome, the others go out', async () => {
    const s = setup()
    const out: RecipientOutcome[] = []
    for await (const o of s.client.sendAll([
      { to: '447900000001', text: 'a' },
      { to: 'nope', text: 'b' },
      { to: '447900000002', text: 'c' },
    ]))
      out.push(o)
    expect(out.map((o) => o._tag)).toEqual(['Accepted', 'Rejected', 'Accepted'])
    expect(s.gw.count('sendmsg')).toBe(2)
  })
})

describe('batches, voucher, facade', () => {
  it('runs a batch: start, item, quick send, end', async () => {
    const s = setup()
    const b = right(await s.client.startBatch({ template: 'Hi #field1#' })())
    expect(b.batchId).toBe('b1')
    const item = right(await s.client.sendItem({ batchId: 'b1', to: '447900000001', fields: ['Jo'] })())
    expect(item._tag).toBe('Accepted')
    const quick = right(await s.client.quickSend({ batchId: 'b1', to: ['447900000001', '447900000002'] })())
    expect(quick.outcomes.map((o) => [o._tag, o.to])).toEqual([
      ['Accepted', '447900000001'],
      ['Accepted', '447900000002'],
    ])
    expect(right(await s.client.endBatch({ batchId: 'b1' })())).toEqual({ ok: true })
  })

  it('a senditem whose answer is lost is Unknown, never resent', async () => {
    const s = setup()
    s.gw.fail('senditem', 'timeout-after')
    const item = right(await s.client.sendItem({ batchId: 'b1', to: '447900000001', fields: [] })())
    expect(item._tag).toBe('Unknown')
    expect(s.gw.count('senditem')).toBe(1)
  })

  it('the Promise facade answers plain results with a message and no secret', async () => {
    const s = setup({ credentials: { ...credentials, password: 'wrong' } })
    const p = promises(s.client)
    const r = await p.balance()
    expect(r).toMatchObject({ ok: false, error: { _tag: 'GatewayError', code: '001' } })
    expect(!r.ok && r.message).not.toContain('wrong')
    const ok = await promises(setup().client).balance()
    expect(ok).toEqual({ ok: true, value: { credit: 12, raw: '12.000' } })
  })

  it('events carry no secrets', async () => {
    const s = setup()
    s.gw.fail('sendmsg', 'timeout-after')
    await s.client.send({ to: '447900000001', text: 'x' })()
    expect(JSON.stringify(s.events)).not.toMatch(/secret|s1000/)
    expect(s.events.map((e) => e._tag)).toContain('Confirming')
  })
})
