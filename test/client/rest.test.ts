// The REST client end to end against the simulator on 127.0.0.1: the same record of commands and the same
// outcomes as the HTTP client, one message per recipient with its own client message id, reads, a bad token,
// and a lost send answer reconciled by client message id (or reported Unknown, never resent blindly). What the
// gateway stored is checked against the outcomes, so the client and the simulator cannot agree on a mistake.
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type Client,
  type ClientEvent,
  make,
  type RestClient,
  type RestClientConfig,
} from '../../src/client/Client.js'
import { makePromises } from '../../src/client/Promises.js'
import type { RecipientOutcome } from '../../src/client/Send.js'
import { transportError } from '../../src/core/errors.js'
import { type ManualClock, manualClock, type Simulator, startSimulator } from '../../src/simulator/index.js'
import { nodeTransport } from '../../src/transport/NodeTransport.js'
import type { Transport } from '../../src/transport/Transport.js'
import { right, storedIn } from '../integration/harness.js'

const TOKEN = 'rest0token0for0tests'
const account = { apiId: '3000001', user: 'alice', password: 's3cret', credits: 100, restToken: TOKEN }
const START = Date.UTC(2024, 0, 1)
const A = '447700900001'
const B = '447700900002'
// Valid, but the simulator has no route to 999.
const N = '99912345678'

const transport = nodeTransport({ maxSockets: 16 })
afterAll(() => transport.close())

let sim: Simulator
let clock: ManualClock
beforeEach(async () => {
  clock = manualClock(START)
  sim = await startSimulator({ clock, seed: 7, accounts: [account] })
})
afterEach(() => sim.close())

const rest = (
  config: Partial<Omit<RestClientConfig, 'dialect'>> = {},
  over: Transport = transport,
): RestClient => {
  const made = make({
    dialect: 'rest',
    transport: over,
    credentials: { token: TOKEN },
    baseUrl: sim.url,
    // No real waits between the checks of a lost answer; the simulator's clock (deliverAt is checked by it).
    env: { sleep: async () => {}, now: () => clock.now() },
    ...config,
  })
  return right(made)
}

const http = (): Client =>
  right(
    make({
      transport,
      credentials: account,
      baseUrl: sim.url,
      env: { sleep: async () => {}, now: () => clock.now() },
    }),
  )

const credits = (): number => sim.state.account(account.apiId)!.credits

// The one message the gateway stored for an accepted outcome, carrying the caller's ids.
const storedFor = (o: RecipientOutcome | undefined) => storedIn(sim)(o)

/** `over`, with the answers of the first `n` sends lost after the gateway got them (a reset mid-answer). */
const losingSends = (n: number, over: Transport = transport) => {
  let lost = 0
  const seen: string[] = []
  const lossy: Transport = {
    send: (request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`)
      const sent = over.send(request)
      if (request.method !== 'POST' || lost >= n) return sent
      lost++
      return TE.flatMap(() => TE.left(transportError('network', 'socket hang up')))(sent)
    },
  }
  return { lossy, seen }
}

describe('REST client: configuration', () => {
  it('decodes the token once: a bad one is InvalidInput at credentials.token, never quoted', () => {
    const r = make({ dialect: 'rest', transport, credentials: { token: 'bad token\r\n' } })
    expect(E.isLeft(r) && r.left.problems).toEqual([
      {
        path: 'credentials.token',
        message: 'has a character that cannot go in an HTTP header (spaces, line breaks, non-ASCII)',
      },
    ])
    expect(JSON.stringify(r)).not.toContain('bad token')
  })

  it('refuses a dialect it does not know, and HTTP credentials without the REST dialect stay HTTP', () => {
    const r = make({ dialect: 'soap', transport, credentials: { token: TOKEN } } as never)
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual(['dialect'])
    const h = make({ transport, credentials: { token: TOKEN } } as never)
    expect(E.isLeft(h) && h.left.problems.map((p) => p.path)).toEqual([
      'credentials.apiId',
      'credentials.user',
      'credentials.password',
    ])
  })

  it('has the shared commands only (no session, voucher or batch)', () => {
    expect(Object.keys(rest()).sort()).toEqual(
      ['balance', 'cancel', 'charge', 'close', 'coverage', 'send', 'sendAll', 'status'].sort(),
    )
  })
})

describe('REST client against the simulator', () => {
  it('sends one message per recipient, each with its own client message id, stored once', async () => {
    const c = rest()
    const r = right(await c.send({ to: [A, B], text: 'Hello over REST' })())
    expect(r.outcomes.map((o) => [o._tag, o.to])).toEqual([
      ['Accepted', A],
      ['Accepted', B],
    ])
    const ids = r.outcomes.map((o) => o.clientMessageId)
    expect(new Set(ids).size).toBe(2)
    for (const o of r.outcomes) expect(storedFor(o).text).toBe('Hello over REST')
    expect(credits()).toBe(98)
  })

  it('sendAll streams outcomes in input order, with the message position', async () => {
    const c = rest()
    const out: Array<{ message: number; tag: string; to: string }> = []
    for await (const o of c.sendAll([
      { to: A, text: 'one' },
      { to: [N, B], text: 'two' },
      { to: A, text: 'three', deliverAfterMinutes: 5 },
    ]))
      out.push({ message: o.message, tag: o._tag, to: o.to })
    expect(out).toEqual([
      { message: 0, tag: 'Accepted', to: A },
      { message: 1, tag: 'Rejected', to: N },
      { message: 1, tag: 'Accepted', to: B },
      // REST has no delivery delay: refused before sending.
      { message: 2, tag: 'Rejected', to: A },
    ])
  })

  it('status, charge, cancel (by either id), balance and coverage', async () => {
    const c = rest()
    const [o] = right(
      await c.send({ to: A, text: 'Hi', clientMessageId: 'order42', deliverAt: START / 1000 + 3600 })(),
    ).outcomes
    if (o?._tag !== 'Accepted') throw new Error('not accepted')
    const byApi = right(await c.status({ apiMsgId: o.apiMsgId })())
    const byClient = right(await c.status({ clientMessageId: 'order42' })())
    expect(byApi).toEqual(byClient)
    expect(byApi.apiMsgId).toBe(o.apiMsgId)
    expect(right(await c.charge({ apiMsgId: o.apiMsgId })())).toMatchObject({
      apiMsgId: o.apiMsgId,
      charge: 1,
    })
    expect(right(await c.balance()())).toEqual({ credit: 99, raw: '99.000' })
    expect(right(await c.cancel({ clientMessageId: 'order42' })())).toMatchObject({
      apiMsgId: o.apiMsgId,
      status: { code: '006' },
    })
    expect(sim.state.messagesByCliMsgId('order42')[0]!.status).toBe('006')
    expect(right(await c.coverage(A)())).toMatchObject({ routable: true, charge: 1 })
    const unknown = right(await c.status({ apiMsgId: 'ffff' })())
    expect(unknown.status.code).toBe('001')
  })

  it('a bad token is the gateway error 001 on every command, and a send is Rejected, never resent', async () => {
    const made = make({ dialect: 'rest', transport, credentials: { token: 'wrong' }, baseUrl: sim.url })
    const c = right(made)
    expect(await c.balance()()).toMatchObject({ _tag: 'Left', left: { _tag: 'GatewayError', code: '001' } })
    const r = right(await c.send({ to: A, text: 'Hi' })())
    expect(r.outcomes).toMatchObject([{ _tag: 'Rejected', attempts: 1, error: { code: '001' } }])
    expect(sim.state.messages).toHaveLength(0)
  })

  it('a lost send answer is reconciled by client message id: Accepted, confirmed, sent once', async () => {
    const events: ClientEvent[] = []
    const { lossy, seen } = losingSends(1)
    const c = rest({ onEvent: (e) => events.push(e) }, lossy)
    const [o] = right(await c.send({ to: A, text: 'lost answer' })()).outcomes
    expect(o).toMatchObject({ _tag: 'Accepted', confirmed: true, attempts: 1 })
    expect(storedFor(o).text).toBe('lost answer')
    expect(seen).toEqual(['POST /rest/message', `GET /rest/message?clientMessageId=${o!.clientMessageId}`])
    expect(events.map((e) => e._tag)).toEqual(['Confirming'])
  })

  it('a send the gateway never got is resent with the same client message id once the query says so', async () => {
    // The first POST never reaches the gateway: the query finds nothing (104), so it is sent again.
    let dropped = false
    const dropping: Transport = {
      send: (request) => {
        if (request.method === 'POST' && !dropped) {
          dropped = true
          return TE.left(transportError('timeout', 'no answer'))
        }
        return transport.send(request)
      },
    }
    const [o] = right(await rest({}, dropping).send({ to: A, text: 'again' })()).outcomes
    expect(o).toMatchObject({ _tag: 'Accepted', confirmed: false, attempts: 2 })
    expect(storedFor(o).text).toBe('again')
  })

  it('a lost answer that no query can check is Unknown with its client message id, and not resent', async () => {
    let posts = 0
    const dark: Transport = {
      send: (request) => {
        if (request.method !== 'POST') return TE.left(transportError('network', 'connection reset'))
        posts++
        return TE.flatMap(() => TE.left(transportError('network', 'socket hang up')))(transport.send(request))
      },
    }
    const [o] = right(await rest({ retry: { retries: 0 } }, dark).send({ to: A, text: 'dark' })()).outcomes
    expect(o).toMatchObject({ _tag: 'Unknown', attempts: 1 })
    expect(posts).toBe(1)
    expect(sim.state.messagesByCliMsgId(o!.clientMessageId)).toHaveLength(1)
  })

  it('the Promises API works on a REST client', async () => {
    const made = makePromises({ dialect: 'rest', transport, credentials: { token: TOKEN }, baseUrl: sim.url })
    if (!made.ok) throw new Error('bad config')
    expect(await made.value.balance()).toEqual({ ok: true, value: { credit: 100, raw: '100.000' } })
  })
})

// The same messages through both dialects against one simulator: the same outcome shapes per recipient.
describe('REST and HTTP give the same outcomes', () => {
  const shape = (o: RecipientOutcome) =>
    o._tag === 'Accepted'
      ? { tag: o._tag, to: o.to, confirmed: o.confirmed, attempts: o.attempts }
      : { tag: o._tag, to: o.to, error: o.error._tag, code: 'code' in o.error ? o.error.code : '' }

  it.each([
    { reason: 'one recipient', message: { to: A, text: 'Hello' } },
    { reason: 'several, one refused by the gateway', message: { to: [A, N, B], text: 'Hi all' } },
    { reason: 'UCS-2 text', message: { to: B, text: 'Привет 👋' } },
    {
      reason: 'over its max parts: refused before sending',
      message: { to: A, text: 'x'.repeat(200), maxParts: 1 },
    },
    { reason: 'an unknown sender id', message: { to: A, text: 'Hi', from: 'Nobody' } },
    {
      reason: 'too dear for maxCredits',
      message: { to: A, text: 'x'.repeat(300), maxParts: 3, maxCredits: 1 },
    },
  ])('$reason', async ({ message }) => {
    const viaRest = await rest().send(message)()
    const viaHttp = await http().send(message)()
    expect(viaRest._tag).toBe(viaHttp._tag)
    if (E.isLeft(viaRest) || E.isLeft(viaHttp)) {
      expect(E.isLeft(viaRest) && viaRest.left._tag).toBe(E.isLeft(viaHttp) && viaHttp.left._tag)
      return
    }
    expect(viaRest.right.outcomes.map(shape)).toEqual(viaHttp.right.outcomes.map(shape))
  })

  it('the same reads answer the same values for a message sent by either', async () => {
    const [o] = right(await http().send({ to: A, text: 'Hi' })()).outcomes
    if (o?._tag !== 'Accepted') throw new Error('not accepted')
    const h = http()
    const r = rest()
    expect(right(await r.status({ apiMsgId: o.apiMsgId })())).toMatchObject(
      right(await h.status({ apiMsgId: o.apiMsgId })()),
    )
    expect(right(await r.balance()()).credit).toBe(right(await h.balance()()).credit)
    expect(right(await r.coverage(B)()).routable).toBe(right(await h.coverage(B)()).routable)
    h.close()
  })
})

describe("the simulator's demo account", () => {
  it('has the REST token docs/simulator.md gives for seed 1, and the REST client works with it', async () => {
    const demo = await startSimulator({})
    try {
      expect(demo.demo?.restToken).toBe('UsCkgT6Dtmd7CWY66n8ku7mw')
      const made = make({
        dialect: 'rest',
        transport,
        credentials: { token: demo.demo!.restToken },
        baseUrl: demo.url,
      })
      expect(right(await right(made).balance()())).toEqual({ credit: 100, raw: '100.000' })
    } finally {
      await demo.close()
    }
  })
})
