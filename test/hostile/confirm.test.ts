// Issue 15, client side: ambiguous sends and delayed reporting. Status 001 means "unknown, or reporting is
// delayed": the simulator's `reportingDelayMs` hides a message from querymsg for a while after it is stored, as
// a lagging gateway does. The checks must outlast the lag, or a lost answer turns into a second SMS. See
// docs/reliability.md, "Hostile peers".
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientConfig } from '../../src/client/Client.js'
import type { BulkOutcome } from '../../src/client/Messages.js'
import { type FaultRule, type Simulator, startSimulator } from '../../src/simulator/index.js'
import { account, clientOf, right, transports } from '../integration/harness.js'

const A = '447700900001'
const running: Simulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()))
})

/** A simulator whose reports lag `reportingDelayMs`, with `faults` once the client has authenticated. */
const lagging = async (
  reportingDelayMs: number,
  faults: ReadonlyArray<FaultRule>,
  config: Partial<ClientConfig> = {},
) => {
  const sim = await startSimulator({ accounts: [{ ...account, credits: 1000 }], reportingDelayMs })
  running.push(sim)
  const opened = transports[2]!.open()
  const client = clientOf(sim, opened.transport, { timeoutMs: 2000, ...config })
  right(await client.ping()())
  right(sim.faults.set(faults))
  return { sim, client, close: opened.close }
}

const dropped: FaultRule = { kind: 'acceptThenDrop', commands: ['sendmsg'], times: 1 }

describe('a lost answer while the gateway reports 2.5 s late', () => {
  it('the old window (2 checks, 1 s apart) concludes "not there" and sends a second SMS', async () => {
    const { sim, client, close } = await lagging(2500, [dropped], {
      confirm: { checks: 2, checkDelayMs: 1000, maxCheckDelayMs: 1000 },
    })
    const o = right(await client.send({ to: A, text: 'Twice?' })()).outcomes[0]!
    expect(o).toMatchObject({ _tag: 'Accepted', confirmed: false, attempts: 2 })
    expect(sim.state.acceptedByCliMsgId.get(o.clientMessageId)).toBe(2)
    close()
  }, 15_000)

  it('the default window (checks at 1, 2, 4, 8, 16 s) finds it: one SMS, confirmed', async () => {
    const { sim, client, close } = await lagging(2500, [dropped])
    const o = right(await client.send({ to: A, text: 'Once' })()).outcomes[0]!
    expect(o).toMatchObject({ _tag: 'Accepted', confirmed: true, attempts: 1 })
    expect(sim.state.acceptedByCliMsgId.get(o.clientMessageId)).toBe(1)
    expect(sim.state.requests.sendmsg).toBe(1)
    close()
  }, 15_000)
})

describe('confirm: { resend: false }', () => {
  it('a request that never arrived, checked and not found, is Unknown: never sent again', async () => {
    const { sim, client, close } = await lagging(0, [{ kind: 'reset', commands: ['sendmsg'], times: 1 }], {
      confirm: { checks: 3, checkDelayMs: 20, resend: false },
    })
    const o = right(await client.send({ to: A, text: 'At most once' })()).outcomes[0]!
    expect(o).toMatchObject({ _tag: 'Unknown', attempts: 1, error: { _tag: 'TransportError' } })
    expect(sim.state.requests).toMatchObject({ sendmsg: 1, querymsg: 3 })
    expect(sim.state.messages).toHaveLength(0)
    close()
  })
})

describe('deadlineMs reached while checking', () => {
  it('leaves the message Unknown with its id, never resent', async () => {
    const { sim, client, close } = await lagging(60_000, [dropped], {
      deadlineMs: 1500,
      confirm: { checkDelayMs: 200 },
    })
    const o = right(await client.send({ to: A, text: 'Out of time' })()).outcomes[0]!
    expect(o).toMatchObject({ _tag: 'Unknown', attempts: 1 })
    expect(sim.state.requests.sendmsg).toBe(1)
    expect(sim.state.acceptedByCliMsgId.get(o.clientMessageId)).toBe(1)
    close()
  })
})

describe('a bulk send while one message waits out its checks', () => {
  it('the others are all sent meanwhile (one in flight at a time), and the order of outcomes is kept', async () => {
    const { sim, client, close } = await lagging(1500, [dropped], {
      confirm: { checkDelayMs: 500, maxCheckDelayMs: 4000 },
    })
    const messages = Array.from({ length: 10 }, (_, i) => ({ to: `4477009000${10 + i}`, text: `Bulk ${i}` }))
    const out: BulkOutcome[] = []
    let storedWhenFirstCame = -1
    for await (const o of client.sendAll(messages, { concurrency: 1, ratePerSecond: 0 })) {
      if (out.length === 0) storedWhenFirstCame = sim.state.messages.length
      out.push(o)
    }
    expect(out.map((o) => [o.message, o._tag])).toEqual(messages.map((_, i) => [i, 'Accepted']))
    expect(out[0]).toMatchObject({ confirmed: true, attempts: 1 })
    // The first message was confirmed only after its report showed (1.5 s); the other nine went out meanwhile.
    expect(storedWhenFirstCame).toBe(10)
    expect(sim.state.requests.sendmsg).toBe(10)
    close()
  }, 15_000)
})
