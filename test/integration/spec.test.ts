// The HTTP API v2.6 rules of issue 16 end to end: the client against the simulator on 127.0.0.1, with the
// simulator's clock and the client's the same manual one. What the gateway stored is the evidence.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ClientConfig } from '../../src/client/Client.js'
import { type ManualClock, manualClock, type Simulator, startSimulator } from '../../src/simulator/index.js'
import { account, clientOf, left, type Opened, right, START, transports } from './harness.js'

const DAY = 86_400_000

describe('HTTP API v2.6 limits, through the client, against the simulator', () => {
  let opened: Opened
  let sim: Simulator
  let clock: ManualClock
  beforeAll(() => {
    opened = transports[0]!.open()
  })
  afterAll(() => opened.close())
  beforeEach(async () => {
    clock = manualClock(START)
    sim = await startSimulator({ clock, seed: 7, accounts: [{ ...account, credits: 1000 }] })
  })
  afterEach(() => sim.close())

  const client = (config: Partial<ClientConfig> = {}) =>
    clientOf(sim, opened.transport, { env: { now: () => clock.now() }, ...config })

  it('deliverAt more than 7 days ahead, or in the past, is refused before sending, with the limit', async () => {
    const c = client()
    for (const at of [START + 8 * DAY, START - 60_000]) {
      const e = left(await c.send({ to: '447700900001', text: 'Hi', deliverAt: new Date(at) })())
      expect(e._tag === 'InvalidInput' && e.problems[0]!.path).toBe('deliverAt')
    }
    const batch = left(await c.startBatch({ template: 'Hi', deliverAt: new Date(START + 8 * DAY) })())
    expect(batch._tag === 'InvalidInput' && batch.problems[0]!.message).toMatch(/7 days \(10080 minutes\)/)
    expect(sim.state.messages).toHaveLength(0)
    expect(sim.state.batches).toHaveLength(0)
    // Inside the window it goes, and the gateway holds it until then.
    const ok = right(await c.send({ to: '447700900001', text: 'Hi', deliverAt: new Date(START + 6 * DAY) })())
    expect(ok.outcomes[0]!._tag).toBe('Accepted')
    expect(sim.state.messages[0]!.releaseAt).toBe(START + 6 * DAY)
  })

  it('defaultCountryCode turns a national number into an international one; without it, a clear refusal', async () => {
    const uk = client({ defaultCountryCode: '44' })
    const r = right(await uk.send({ to: ['07700900001', '447700900002'], text: 'Hi' })())
    expect(r.outcomes.map((o) => o.to)).toEqual(['447700900001', '447700900002'])
    // The two recipients go out concurrently: the simulator stores them in the order they arrive.
    expect(sim.state.messages.map((m) => m.to).sort()).toEqual(['447700900001', '447700900002'])
    const started = right(await uk.startBatch({ template: 'Hi #field1#' })())
    const item = right(await uk.sendItem({ batchId: started.batchId, to: '07700900003', fields: ['Jo'] })())
    expect(item.to).toBe('447700900003')
    const plain = left(await client().send({ to: '07700900001', text: 'Hi' })())
    expect(plain._tag === 'InvalidInput' && plain.problems[0]!.message).toMatch(/starts with 0/)
  })

  it('a sender id with punctuation is sent, with a warning in the result', async () => {
    const r = right(await client().send({ to: '447700900001', text: 'Hi', from: 'Dr.Smith' })())
    expect(r.outcomes[0]!._tag).toBe('Accepted')
    expect(r.warnings.map((w) => w.path)).toEqual(['from'])
    expect(sim.state.messages[0]!.from).toBe('Dr.Smith')
    const plain = right(await client().send({ to: '447700900001', text: 'Hi', from: 'Acme' })())
    expect(plain.warnings).toEqual([])
  })

  it("a batch's concat covers the items known in advance; a longer item is refused before sending", async () => {
    const c = client()
    const long = 'x'.repeat(200)
    const started = right(await c.startBatch({ template: 'Hi #field1#', items: [{ fields: [long] }] })())
    expect(started.plan.concat).toBe(2)
    const ok = right(
      await c.sendItem({
        batchId: started.batchId,
        plan: started.plan,
        to: '447700900001',
        fields: [long],
      })(),
    )
    expect(ok._tag).toBe('Accepted')
    const short = right(await c.startBatch({ template: 'Hi #field1#' })())
    const refused = left(
      await c.sendItem({ batchId: short.batchId, plan: short.plan, to: '447700900001', fields: [long] })(),
    )
    expect(refused).toEqual({
      _tag: 'MessageTooLong',
      encoding: 'gsm7',
      units: 203,
      parts: 2,
      limit: 1,
      perPart: 153,
    })
    // Without the plan the gateway is the judge: 113.
    const late = right(await c.sendItem({ batchId: short.batchId, to: '447700900001', fields: [long] })())
    expect(late._tag === 'Rejected' && late.error._tag === 'GatewayError' && late.error.code).toBe('113')
    expect(sim.state.messages).toHaveLength(1)
  })

  it('an 8-bit batch (udh, data) is counted in bytes; an item over its plan is refused before sending', async () => {
    const c = client()
    const udh = '06050415810000'
    const started = right(await c.startBatch({ udh, data: 'CAFE0102', from: '27831234567' })())
    expect(started.plan).toEqual({ template: 'CAFE0102', encoding: 'binary', concat: 1, udh })
    const item = right(
      await c.sendItem({ batchId: started.batchId, plan: started.plan, to: '447700900001' })(),
    )
    const quick = right(
      await c.quickSend({ batchId: started.batchId, to: ['447700900002', '447700900003'] })(),
    )
    expect([item._tag, ...quick.outcomes.map((o) => o._tag)]).toEqual(['Accepted', 'Accepted', 'Accepted'])
    expect(sim.state.messages.map((m) => [m.text, m.encoding, m.units, m.parts, m.batchId])).toEqual(
      Array(3).fill(['CAFE0102', '8bit', 11, 1, started.batchId]),
    )
    // 141 bytes take two parts of 134: concat 2 goes with the batch, and every item fits it.
    const long = right(await c.startBatch({ data: 'AB'.repeat(141) })())
    expect(long.plan.concat).toBe(2)
    right(await c.quickSend({ batchId: long.batchId, to: '447700900004' })())
    expect(sim.state.messages.at(-1)).toMatchObject({ encoding: '8bit', units: 141, parts: 2 })
    // A plan handed back with less room than the content: refused here, with the numbers, and nothing sent.
    const refused = left(
      await c.sendItem({ batchId: long.batchId, plan: { ...long.plan, concat: 1 }, to: '447700900005' })(),
    )
    expect(refused).toEqual({
      _tag: 'MessageTooLong',
      encoding: 'binary',
      units: 141,
      parts: 2,
      limit: 1,
      perPart: 134,
    })
    const fields = left(
      await c.sendItem({
        batchId: started.batchId,
        plan: started.plan,
        to: '447700900005',
        fields: ['Jo'],
      })(),
    )
    expect(fields._tag === 'InvalidInput' && fields.problems[0]!.path).toBe('fields')
    expect(sim.state.messages).toHaveLength(4)
  })

  it('senditem and quicksend carry the client message id, so a lost answer can be looked up', async () => {
    const c = client()
    const { batchId } = right(await c.startBatch({ template: 'Hi #field1#' })())
    const item = right(
      await c.sendItem({ batchId, to: '447700900001', fields: ['Jo'], clientMessageId: 'item1' })(),
    )
    const quick = right(await c.quickSend({ batchId, to: '447700900002', clientMessageId: 'quick1' })())
    expect([item.clientMessageId, quick.outcomes[0]!.clientMessageId]).toEqual(['item1', 'quick1'])
    expect(sim.state.messagesByCliMsgId('item1')).toHaveLength(1)
    expect(sim.state.messagesByCliMsgId('quick1')).toHaveLength(1)
    const status = right(await c.status({ clientMessageId: 'item1' })())
    expect(status.apiMsgId).toBe(item._tag === 'Accepted' ? item.apiMsgId : '')
  })
})
