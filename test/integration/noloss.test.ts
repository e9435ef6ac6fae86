// The no-loss proof. Through the client and each transport: many messages with a share of the requests
// faulted at random, audited by the simulator's own records (no message lost, none sent twice, every accepted
// id returned); then each fault kind alone on one message, with the exact requests it costs; then the
// limits of the guarantee, shown rather than claimed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ClientConfig } from '../../src/client/Client.js'
import {
  type FaultKind,
  type FaultRule,
  manualClock,
  type Simulator,
  startSimulator,
} from '../../src/simulator/index.js'
import { withTimeout } from '../../src/transport/middleware.js'
import { account, clientOf, left, type Opened, right, START, transports } from './harness.js'
import { FAULT_KINDS, localGateway, run } from './reliability.js'

const MESSAGES = process.env.CI ? 1_000 : 2_000
const FAULT_RATE = 0.1
const A = '447700900001'

/** Opens a transport for the suite it is called in, and closes it after; the suite reads it with the getter. */
const opening = (open: () => Opened): (() => Opened) => {
  let opened: Opened | undefined
  beforeAll(() => {
    opened = open()
  })
  afterAll(() => opened?.close())
  return () => opened!
}

// Every simulator a test started, closed after it.
const running: Simulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()))
})

/** A simulator with `faults`, and a client that gives each request `timeoutMs` and checks quickly. */
const setup = async (
  opened: Opened,
  faults: ReadonlyArray<FaultRule>,
  config: Partial<ClientConfig> = {},
  timeoutMs = 300,
) => {
  const sim = await startSimulator({
    clock: manualClock(START),
    seed: 3,
    accounts: [{ ...account, credits: 100 }],
    vouchers: { '1234567890123456': 50 },
  })
  running.push(sim)
  const client = clientOf(sim, withTimeout(timeoutMs)(opened.transport), {
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    confirm: { checks: 2, checkDelayMs: 5 },
    ...config,
  })
  // Authenticate first, so the fault meets the request it is meant for.
  right(await client.ping()())
  right(sim.faults.set(faults))
  return { sim, client }
}

/** One send the gateway holds back `latencyMs` before processing it, with a `timeoutMs` time-out. */
const heldBack = async (
  opened: Opened,
  latencyMs: number,
  timeoutMs: number,
  confirm: { readonly checks: number; readonly checkDelayMs: number },
) => {
  const rule: FaultRule = { kind: 'latency', commands: ['sendmsg'], times: 1, latencyMs }
  const { sim, client } = await setup(opened, [rule], { confirm }, timeoutMs)
  return { sim, o: right(await client.send({ to: A, text: 'Held back' })()).outcomes[0]! }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(transports)('$name: no message lost, none sent twice', ({ open }) => {
  const transport = opening(open)

  it(`${MESSAGES} messages with ${FAULT_RATE * 100}% of sendmsg, querymsg and auth requests faulted`, async () => {
    const timeoutMs = 1_000
    const report = await run({
      transport: transport().transport,
      gateway: await localGateway({ seed: 42, faultRate: FAULT_RATE, timeoutMs }),
      messages: MESSAGES,
      timeoutMs,
    })
    const { outcomes: o } = report
    console.info(
      `${MESSAGES} messages: ${o.accepted} accepted (${o.confirmed} confirmed by querymsg, ${o.resent} sent again), ` +
        `${o.rejected} rejected, ${o.unknown} unknown; ${report.faultedRequests} faulted requests ` +
        `${JSON.stringify(report.faults)}; reasons ${JSON.stringify(report.reasons)}; ` +
        `peak heap ${(report.memory.peakHeap / 2 ** 20).toFixed(0)} MiB`,
    )
    // The laws (see `audit`): one outcome per message; accepted exactly once with the gateway's id, rejected
    // never stored, unknown at most once; what arrived is what was sent; nothing stored that no caller knows.
    expect(report.violations).toEqual([])
    expect(o.accepted + o.rejected + o.unknown).toBe(MESSAGES)
    // Stored: every accepted message, and at most one copy for each unknown one.
    expect(report.stored - o.accepted).toBeGreaterThanOrEqual(0)
    expect(report.stored - o.accepted).toBeLessThanOrEqual(o.unknown)
    // The run did what it claims: every kind fired, on sends and on queries, and both recovery paths ran.
    expect(FAULT_KINDS.filter((k) => (report.faults[k] ?? 0) === 0)).toEqual([])
    expect(Object.keys(report.faultsByCommand).some((k) => k.endsWith(' querymsg'))).toBe(true)
    expect(o.confirmed).toBeGreaterThan(0)
    expect(o.resent).toBeGreaterThan(0)
    // Unknown is the honest answer when no query could tell; it must stay rare.
    expect(o.unknown).toBeLessThanOrEqual(MESSAGES / 100)
  }, 120_000)
})

/** What one fault on a send costs, by how the gateway treated the request (the confirm policy: 2 checks). */
interface OneFault {
  readonly rule?: Partial<FaultRule>
  readonly confirmed: boolean
  readonly attempts: number
  readonly requests: { readonly sendmsg: number; readonly querymsg: number; readonly auth: number }
  readonly reason: string
}
const answered = { confirmed: false, attempts: 1, requests: { sendmsg: 1, querymsg: 0, auth: 1 } }
const found = { confirmed: true, attempts: 1, requests: { sendmsg: 1, querymsg: 1, auth: 1 } }
const absent = { confirmed: false, attempts: 2, requests: { sendmsg: 2, querymsg: 2, auth: 1 } }
const ONE_FAULT: { readonly [K in FaultKind]-?: OneFault } = {
  latency: { ...answered, rule: { latencyMs: 100 }, reason: 'the answer comes late, within the time-out' },
  reset: { ...absent, reason: 'not processed: both checks find nothing (104), so it is sent again' },
  http500: { ...absent, reason: 'not processed: a 500 is ambiguous, the checks settle it' },
  http503: { ...absent, reason: 'not processed: as 500' },
  garbage: { ...found, reason: 'processed, answer unreadable: the first check finds it' },
  truncated: { ...found, reason: 'processed, answer cut short: the first check finds it' },
  slow: {
    ...found,
    rule: { chunkBytes: 1, chunkDelayMs: 20 },
    reason: 'processed, answer slower than the time-out: the first check finds it',
  },
  expireSession: {
    confirmed: false,
    attempts: 1,
    requests: { sendmsg: 2, querymsg: 0, auth: 2 },
    reason: 'refused with 001 before processing: authenticate again and repeat, no check needed',
  },
  acceptThenDrop: { ...found, reason: 'stored, then the connection closed: the first check finds it' },
}

describe.each(transports)('$name: each fault alone on one send', ({ open }) => {
  const transport = opening(open)

  it.each(Object.entries(ONE_FAULT).map(([kind, c]) => ({ kind: kind as FaultKind, ...c })))(
    '$kind: $reason',
    async ({ kind, rule, confirmed, attempts, requests }) => {
      const { sim, client } = await setup(transport(), [{ kind, commands: ['sendmsg'], times: 1, ...rule }])
      const { outcomes } = right(await client.send({ to: A, text: `After ${kind}` })())
      const o = outcomes[0]!
      expect(o).toMatchObject({ _tag: 'Accepted', confirmed, attempts })
      const stored = sim.state.messagesByCliMsgId(o.clientMessageId)
      expect(stored.map((m) => [m.apiMsgId, m.text])).toEqual([
        [(o as { apiMsgId: string }).apiMsgId, `After ${kind}`],
      ])
      expect(sim.state.requests).toMatchObject(requests)
      expect(sim.state.faults.map((f) => f.kind)).toEqual([kind])
    },
  )

  it('a lost answer the checks cannot settle is Unknown, with the id that finds it later', async () => {
    const { sim, client } = await setup(transport(), [
      { kind: 'acceptThenDrop', commands: ['sendmsg'], times: 1 },
      { kind: 'http500', commands: ['querymsg'] },
    ])
    const o = right(await client.send({ to: A, text: 'Maybe' })()).outcomes[0]!
    expect(o).toMatchObject({ _tag: 'Unknown', error: { _tag: 'TransportError' } })
    expect(sim.state.acceptedByCliMsgId.get(o.clientMessageId)).toBe(1)
    // Each of the two checks, with its read retries (3), met a 500 every time: eight queries, then no guess.
    expect(sim.state.requests).toMatchObject({ sendmsg: 1, querymsg: 8 })
    sim.faults.clear()
    const later = right(await client.status({ clientMessageId: o.clientMessageId })())
    expect(later.apiMsgId).toBe(sim.state.messagesByCliMsgId(o.clientMessageId)[0]!.apiMsgId)
  })

  it('a send that never arrives in three attempts is Rejected, and nothing is stored', async () => {
    const { sim, client } = await setup(transport(), [{ kind: 'reset', commands: ['sendmsg'] }])
    const o = right(await client.send({ to: A, text: 'Never' })()).outcomes[0]!
    expect(o).toMatchObject({
      _tag: 'Rejected',
      attempts: 3,
      error: { _tag: 'TransportError', kind: 'network' },
    })
    expect(sim.state.messages).toHaveLength(0)
    expect(sim.state.requests).toMatchObject({ sendmsg: 3, querymsg: 6 })
  })

  it('a session refused twice in a row: never stored twice, and stored once exactly when Accepted', async () => {
    const { sim, client } = await setup(transport(), [
      { kind: 'expireSession', commands: ['sendmsg'], times: 2 },
    ])
    const o = right(await client.send({ to: A, text: 'Twice refused' })()).outcomes[0]!
    expect(sim.state.acceptedByCliMsgId.get(o.clientMessageId) ?? 0).toBe(o._tag === 'Accepted' ? 1 : 0)
    expect(o._tag).not.toBe('Unknown')
  })

  it('an answer later than the time-out is found while the checks last (checks × checkDelayMs)', async () => {
    const { sim, o } = await heldBack(transport(), 300, 100, { checks: 4, checkDelayMs: 100 })
    expect(o).toMatchObject({ _tag: 'Accepted', confirmed: true, attempts: 1 })
    expect(sim.state.acceptedByCliMsgId.get(o.clientMessageId)).toBe(1)
  })
})

describe('the limits of the guarantee (fetchTransport)', () => {
  const transport = opening(transports[0]!.open)

  it('a request the gateway processes after the last check is stored twice: the checks must outlast its delay', async () => {
    const { sim, o } = await heldBack(transport(), 800, 50, { checks: 1, checkDelayMs: 10 })
    // The check found nothing (the first request was still held), so the client sent again.
    expect(o).toMatchObject({ _tag: 'Accepted', confirmed: false, attempts: 2 })
    await sleep(900)
    const stored = sim.state.messagesByCliMsgId(o.clientMessageId)
    expect(stored).toHaveLength(2)
    expect(stored.map((m) => m.apiMsgId)).toContain((o as { apiMsgId: string }).apiMsgId)
  })

  it('senditem carries no climsgid: a lost answer is Unknown with no id to ask by, though the item was stored', async () => {
    const { sim, client } = await setup(transport(), [
      { kind: 'acceptThenDrop', commands: ['senditem'], times: 1 },
    ])
    const { batchId } = right(await client.startBatch({ template: 'Hi #field1#' })())
    const o = right(await client.sendItem({ batchId, to: A, fields: ['Ann'] })())
    expect(o).toMatchObject({ _tag: 'Unknown' })
    expect(o).not.toHaveProperty('clientMessageId')
    expect(sim.state.messages.map((m) => [m.command, m.text])).toEqual([['senditem', 'Hi Ann']])
    expect(sim.state.requests.senditem).toBe(1)
  })

  it('quicksend carries no climsgid: every recipient of a lost answer is Unknown, though all were stored', async () => {
    const { sim, client } = await setup(transport(), [
      { kind: 'acceptThenDrop', commands: ['quicksend'], times: 1 },
    ])
    const { batchId } = right(await client.startBatch({ template: 'Hello all' })())
    const { outcomes } = right(await client.quickSend({ batchId, to: [A, '447700900002'] })())
    expect(outcomes.map((o) => [o._tag, o.to])).toEqual([
      ['Unknown', A],
      ['Unknown', '447700900002'],
    ])
    expect(sim.state.messages).toHaveLength(2)
    expect(sim.state.requests.quicksend).toBe(1)
  })

  it('token_pay is never repeated: a lost answer is a Left, though the voucher was spent', async () => {
    const { sim, client } = await setup(transport(), [
      { kind: 'acceptThenDrop', commands: ['token_pay'], times: 1 },
    ])
    expect(left(await client.voucher('1234567890123456')())).toMatchObject({ _tag: 'TransportError' })
    expect(sim.state.requests.token_pay).toBe(1)
    expect(sim.state.account(account.apiId)?.credits).toBe(150)
  })
})

// Found by the bulk run: `authenticated` in src/client/Client.ts re-authenticates once (`k > 0` ends the loop),
// so a request whose fresh session is dropped again (under concurrency: by any other request's `expireSession`
// in the same round trip) ends `Rejected` with `ERR: 001, Authentication failed` though the credentials are
// good and every auth succeeded. With 64 sends in flight and 10% faults, 7.4% of 5,000 messages ended so
// (and 0.9% Unknown, from the same rule on the confirming querymsg); with up to three re-auths, 0.2% and 0.06%.
// A 001 to a session request is refused before processing, and auth itself fails on bad credentials, so a
// bounded loop is safe. Remove `.fails` once the client repeats more than once.
describe('client defects found by the bulk run (fixed; kept as regression tests)', () => {
  const transport = opening(transports[0]!.open)

  it('a session dropped twice in a row is established again and the message is sent', async () => {
    const { sim, client } = await setup(transport(), [
      { kind: 'expireSession', commands: ['sendmsg'], times: 2 },
    ])
    const o = right(await client.send({ to: A, text: 'Twice refused' })()).outcomes[0]!
    expect(o).toMatchObject({ _tag: 'Accepted', confirmed: false })
    expect(sim.state.acceptedByCliMsgId.get(o.clientMessageId)).toBe(1)
    expect(sim.state.requests).toMatchObject({ auth: 3, sendmsg: 3 })
  })
})
