// Every command of the HTTP API v2.6 through the client and each of the three transports, against the
// simulator on 127.0.0.1. What the gateway stored (its own records: decoded text, encoding, parts, charge) is
// checked against what was sent, so an encoder and a decoder cannot agree on a mistake unseen.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ClientConfig, ClientEvent } from '../../src/client/Client.js'
import type { RecipientOutcome } from '../../src/client/Send.js'
import {
  type ManualClock,
  type MessageRecord,
  manualClock,
  type Simulator,
  startSimulator,
} from '../../src/simulator/index.js'
import type { Transport } from '../../src/transport/Transport.js'
import {
  account,
  clientOf,
  left,
  type Opened,
  recording,
  right,
  START,
  storedIn,
  transports,
} from './harness.js'

const VOUCHER = '1234567890123456'
const A = '447700900001'
const B = '447700900002'
const MINUTE = 60_000

describe.each(transports)('$name: every command against the simulator', ({ open }) => {
  let opened: Opened
  let sim: Simulator
  let clock: ManualClock
  beforeAll(() => {
    opened = open()
  })
  afterAll(() => opened.close())
  beforeEach(async () => {
    clock = manualClock(START)
    sim = await startSimulator({
      clock,
      seed: 7,
      accounts: [{ ...account, credits: 100 }],
      vouchers: { [VOUCHER]: 50 },
    })
  })
  afterEach(() => sim.close())

  const client = (config: Partial<ClientConfig> = {}, transport: Transport = opened.transport) =>
    clientOf(sim, transport, config)
  const credits = (): number => sim.state.account(account.apiId)!.credits

  /** The one message the gateway stored for an accepted outcome, checked to carry the caller's ids. */
  const storedFor = (o: RecipientOutcome | undefined): MessageRecord => storedIn(sim)(o)

  it('auth answers a session the gateway holds; ping answers OK', async () => {
    const c = client()
    const { sessionId } = right(await c.auth()())
    expect(sessionId).toMatch(/^[0-9a-f]{32}$/)
    expect(sim.state.sessions.map((s) => s.id)).toContain(sessionId)
    expect(right(await c.ping()())).toEqual({ ok: true })
  })

  it.each([
    {
      reason: 'GSM-7: 31 characters, 8 from the extension table (two septets each)',
      text: 'Hello {world} ~ [ok] ^ | \\ done',
      encoding: 'gsm7',
      units: 39,
      parts: 1,
    },
    {
      reason: 'Latin-1 letters travel as ISO-8859-1',
      text: 'Grüße aus Köln',
      encoding: 'gsm7',
      units: 14,
      parts: 1,
    },
    {
      reason: 'UCS-2: emoji (a surrogate pair, two units) and a dash outside GSM-7',
      text: 'Hi 👋 — ok',
      encoding: 'ucs2',
      units: 10,
      parts: 1,
    },
    {
      reason: 'multi-part: 400 septets are three parts of 153',
      text: 'x'.repeat(400),
      maxParts: 3,
      encoding: 'gsm7',
      units: 400,
      parts: 3,
    },
    {
      reason: 'multi-part UCS-2: 140 units are three parts of 67',
      text: 'ж'.repeat(140),
      maxParts: 3,
      encoding: 'ucs2',
      units: 140,
      parts: 3,
    },
  ])('send: $reason arrives exactly as sent', async ({ text, maxParts, encoding, units, parts }) => {
    const c = client()
    const { outcomes } = right(
      await c.send({ to: A, text, ...(maxParts === undefined ? {} : { maxParts }) })(),
    )
    const m = storedFor(outcomes[0])
    expect({ text: m.text, encoding: m.encoding, units: m.units, parts: m.parts }).toEqual({
      text,
      encoding,
      units,
      parts,
    })
    expect(outcomes).toHaveLength(1)
    // Credits drop by the parts sent (1 credit a part on this route).
    expect(credits()).toBe(100 - parts)
    expect(right(await c.balance()()).credit).toBe(100 - parts)
  })

  it('send: a text over maxParts is refused before anything is sent', async () => {
    const r = left(await client().send({ to: A, text: 'x'.repeat(500), maxParts: 3 })())
    expect(r).toMatchObject({ _tag: 'MessageTooLong', parts: 4, limit: 3 })
    expect(sim.state.requests.sendmsg).toBe(0)
  })

  it('send: several recipients, one outcome each in order, a repeated number twice, a refused one rejected', async () => {
    const { outcomes } = right(
      await client().send({ to: [A, B, A, '2801234567'], text: 'Team meeting at 10' })(),
    )
    expect(outcomes.map((o) => [o._tag, o.to])).toEqual([
      ['Accepted', A],
      ['Accepted', B],
      ['Accepted', A],
      ['Rejected', '2801234567'],
    ])
    // Each recipient its own request and client message id, so each can be confirmed on its own.
    expect(new Set(outcomes.map((o) => o.clientMessageId)).size).toBe(4)
    for (const o of outcomes.slice(0, 3)) expect(storedFor(o).text).toBe('Team meeting at 10')
    expect(outcomes[3]).toMatchObject({ error: { _tag: 'GatewayError', code: '114' } })
    expect(sim.state.acceptedByCliMsgId.get(outcomes[3]!.clientMessageId)).toBeUndefined()
    expect(sim.state.messages).toHaveLength(3)
    expect(credits()).toBe(97)
  })

  it('send: a malformed number refuses the whole message before anything is sent', async () => {
    const r = left(await client().send({ to: [A, '12ab'], text: 'x' })())
    expect(r).toMatchObject({ _tag: 'InvalidInput', problems: [{ path: 'to.1' }] })
    expect(sim.state.requests.sendmsg).toBe(0)
  })

  it('send: binary content with a UDH arrives as 8-bit, byte for byte', async () => {
    const udh = '050003CC0201'
    const data = '48656C6C6F'
    const { outcomes } = right(await client().send({ to: A, udh, data })())
    const m = storedFor(outcomes[0])
    expect({ encoding: m.encoding, text: m.text, units: m.units, parts: m.parts }).toEqual({
      encoding: '8bit',
      text: data,
      units: (udh.length + data.length) / 2,
      parts: 1,
    })
    expect(m.params.get('udh')).toBe(udh)
  })

  it('status by apiMsgId and by clientMessageId follow the message through 002, 003, 004', async () => {
    const c = client()
    const { outcomes } = right(await c.send({ to: A, text: 'Status please' })())
    const m = storedFor(outcomes[0])
    const both = async () => [
      right(await c.status({ apiMsgId: m.apiMsgId })()),
      right(await c.status({ clientMessageId: m.cliMsgId })()),
    ]
    for (const [advance, code] of [
      [0, '002'],
      [1_000, '003'],
      [5_000, '004'],
    ] as const) {
      clock.advance(advance)
      const [byApi, byClient] = await both()
      expect(byApi).toEqual(byClient)
      expect([byApi!.apiMsgId, byApi!.status.code]).toEqual([m.apiMsgId, code])
    }
  })

  it('charge by apiMsgId and by clientMessageId; the 27 route costs 0.8 a part', async () => {
    const c = client()
    const { outcomes } = right(await c.send({ to: '27831234567', text: 'y'.repeat(200), maxParts: 2 })())
    const m = storedFor(outcomes[0])
    expect(right(await c.charge({ apiMsgId: m.apiMsgId })())).toMatchObject({
      apiMsgId: m.apiMsgId,
      charge: 1.6,
      status: { code: '002' },
    })
    expect(right(await c.charge({ clientMessageId: m.cliMsgId })())).toMatchObject({
      cliMsgId: m.cliMsgId,
      apiMsgId: m.apiMsgId,
      charge: 1.6,
    })
    expect(credits()).toBe(98.4)
  })

  it('cancel: a delayed message becomes 006 and its charge comes back', async () => {
    const c = client()
    const { outcomes } = right(await c.send({ to: A, text: 'Later', deliverAfterMinutes: 10 })())
    const m = storedFor(outcomes[0])
    expect(right(await c.status({ apiMsgId: m.apiMsgId })()).status.code).toBe('011')
    expect(credits()).toBe(99)
    expect(right(await c.cancel({ clientMessageId: m.cliMsgId })())).toMatchObject({
      apiMsgId: m.apiMsgId,
      status: { code: '006' },
    })
    expect(sim.state.message(m.apiMsgId)?.status).toBe('006')
    expect(right(await c.balance()())).toEqual({ credit: 100, raw: '100.000' })
    // Cancelled stays cancelled when its delivery time comes.
    clock.advance(11 * MINUTE)
    expect(right(await c.status({ apiMsgId: m.apiMsgId })()).status.code).toBe('006')
  })

  it('coverage: a routable prefix with its charge, and one that is not routable', async () => {
    const c = client()
    expect(right(await c.coverage(A)())).toMatchObject({ routable: true, charge: 1 })
    expect(right(await c.coverage('49151234567')())).toMatchObject({ routable: true, charge: 1.5 })
    expect(right(await c.coverage('999123456')())).toMatchObject({ routable: false })
  })

  it('voucher: spent once, adds its credits; a second spend is refused', async () => {
    const c = client()
    expect(right(await c.voucher(VOUCHER)())).toEqual({ value: '605' })
    expect(right(await c.balance()()).credit).toBe(150)
    expect(left(await c.voucher(VOUCHER)())).toMatchObject({ _tag: 'GatewayError', code: '101' })
    expect(credits()).toBe(150)
  })

  it('batch: startBatch, sendItem with fields, quickSend to several, endBatch; an item after the end is refused', async () => {
    const c = client()
    const { batchId } = right(await c.startBatch({ template: 'Hi #field1#, your code is #field2#' })())
    const item = right(await c.sendItem({ batchId, to: A, fields: ['Zoë', '4711'] })())
    const quick = right(await c.quickSend({ batchId, to: [B, '447700900003'] })())
    expect(right(await c.endBatch({ batchId })())).toEqual({ ok: true })
    const late = right(await c.sendItem({ batchId, to: A, fields: ['x', 'y'] })())
    expect(late).toMatchObject({ _tag: 'Rejected', error: { code: '201' } })

    const ids = [item, ...quick.outcomes].map((o) => (o._tag === 'Accepted' ? o.apiMsgId : o._tag))
    expect(sim.state.batches[0]).toMatchObject({ batchId, apiMsgIds: ids })
    expect(ids.map((id) => sim.state.message(id)).map((m) => [m?.command, m?.to, m?.text])).toEqual([
      ['senditem', A, 'Hi Zoë, your code is 4711'],
      // quicksend has no fields: place-holders become empty.
      ['quicksend', B, 'Hi , your code is '],
      ['quicksend', '447700900003', 'Hi , your code is '],
    ])
    expect(credits()).toBe(97)
  })

  it("method 'GET': the same messages arrive, every request a GET", async () => {
    const spy = recording(opened.transport)
    const c = client({ method: 'GET' }, spy.transport)
    const { outcomes } = right(await c.send({ to: [A, B], text: 'Grüße 👋' })())
    for (const o of outcomes) expect(storedFor(o)).toMatchObject({ text: 'Grüße 👋', encoding: 'ucs2' })
    const latin = right(await c.send({ to: A, text: 'Grüße, Søren' })())
    expect(storedFor(latin.outcomes[0])).toMatchObject({ text: 'Grüße, Søren', encoding: 'gsm7' })
    expect(right(await c.status({ apiMsgId: storedFor(outcomes[0]).apiMsgId })()).status.code).toBe('002')
    expect(spy.seen.length).toBeGreaterThanOrEqual(5)
    expect(spy.seen.every((r) => r.method === 'GET' && r.body === undefined)).toBe(true)
  })

  it("authentication 'per-request': no session, credentials on every request", async () => {
    const spy = recording(opened.transport)
    const c = client({ authentication: 'per-request' }, spy.transport)
    const { outcomes } = right(await c.send({ to: A, text: 'No session' })())
    expect(storedFor(outcomes[0]).params.get('api_id')).toBe(account.apiId)
    expect(right(await c.balance()()).credit).toBe(99)
    expect(sim.state.sessions).toHaveLength(0)
    expect(sim.state.requests.auth).toBe(0)
    expect(spy.seen.every((r) => r.body?.includes(`user=${account.user}`))).toBe(true)
  })

  it('session expiry: after 15 minutes idle the gateway refuses the session and the client authenticates again', async () => {
    const events: ClientEvent[] = []
    const c = client({ onEvent: (e) => events.push(e) })
    right(await c.balance()())
    clock.advance(15 * MINUTE + 1_000)
    const { outcomes } = right(await c.send({ to: A, text: 'Still here' })())
    expect(storedFor(outcomes[0]).text).toBe('Still here')
    expect(outcomes[0]).toMatchObject({ _tag: 'Accepted', attempts: 1 })
    expect(sim.state.requests.auth).toBe(2)
    // The refused request was repeated once, with the new session: two sendmsg requests, one message.
    expect(sim.state.requests.sendmsg).toBe(2)
    expect(events.filter((e) => e._tag === 'Reauthenticating')).toEqual([
      { _tag: 'Reauthenticating', command: 'sendmsg' },
    ])
  })

  it('session expiry: a client on the same clock sees it coming and authenticates before the request', async () => {
    const events: ClientEvent[] = []
    const c = client({ env: { now: () => clock.now() }, onEvent: (e) => events.push(e) })
    right(await c.balance()())
    clock.advance(15 * MINUTE)
    expect(right(await c.balance()()).credit).toBe(100)
    expect(sim.state.requests).toMatchObject({ auth: 2, getbalance: 2 })
    expect(events.map((e) => e._tag)).toEqual(['Authenticated', 'SessionExpired', 'Authenticated'])
  })
})
