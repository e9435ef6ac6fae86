import { describe, expect, it } from 'vitest'
import { ACCOUNT, boot, T0 } from './harness.js'

const TO = '447700900001'
const MINUTE = 60_000

describe('status progression on the simulator clock', () => {
  it('002 at once, 003 after 1 s, 004 after 5 s, with the whole history kept', async () => {
    const { call, clock, sim } = await boot()
    const id = (await call('/http/sendmsg', `to=${TO}&text=hi`)).slice(4)
    const status = async () => (await call('/http/querymsg', `apimsgid=${id}`)).slice(-3)
    expect(await status()).toBe('002')
    clock.advance(999)
    expect(await status()).toBe('002')
    clock.advance(1)
    expect(await status()).toBe('003')
    clock.advance(4_000)
    expect(await status()).toBe('004')
    clock.advance(3_600_000)
    expect(await status()).toBe('004')
    expect(sim.state.message(id)?.history).toEqual([
      { status: '002', at: T0 },
      { status: '003', at: T0 + 1_000 },
      { status: '004', at: T0 + 5_000 },
    ])
  })

  it('moves with the clock alone: the state is current without a request', async () => {
    const { call, clock, sim } = await boot({ delivery: { gatewayMs: 10, handsetMs: 20 } })
    const id = (await call('/http/sendmsg', `to=${TO}&text=hi`)).slice(4)
    clock.advance(20)
    expect(sim.state.message(id)?.status).toBe('004')
  })

  it("ends in the route's final status", async () => {
    const { call, clock } = await boot({ routes: [{ prefix: '', charge: 1, finalStatus: '007' }] })
    const id = (await call('/http/sendmsg', `to=${TO}&text=hi`)).slice(4)
    clock.advance(5_000)
    expect(await call('/http/querymsg', `apimsgid=${id}`)).toBe(`ID: ${id} Status: 007`)
  })

  it('max_credits below the route charge: accepted, then routing error 009, not charged', async () => {
    const { call, clock } = await boot()
    const id = (await call('/http/sendmsg', `to=4915112345678&text=hi&max_credits=1`)).slice(4)
    expect(await call('/http/getbalance')).toBe('Credit: 100.000')
    clock.advance(1_000)
    expect(await call('/http/getmsgcharge', `apimsgid=${id}`)).toBe(`apiMsgId: ${id} charge: 0 status: 009`)
  })
})

describe('delayed delivery', () => {
  it('deliv_time holds the message as 011 for that many minutes, then delivers it', async () => {
    const { call, clock, sim } = await boot()
    const id = (await call('/http/sendmsg', `to=${TO}&text=hi&deliv_time=30`)).slice(4)
    expect(await call('/http/querymsg', `apimsgid=${id}`)).toBe(`ID: ${id} Status: 011`)
    clock.advance(30 * MINUTE - 1)
    expect(sim.state.message(id)?.status).toBe('011')
    clock.advance(1)
    expect(sim.state.message(id)?.status).toBe('002')
    clock.advance(5_000)
    expect(sim.state.message(id)?.history.map((h) => [h.status, h.at - T0])).toEqual([
      ['011', 0],
      ['002', 30 * MINUTE],
      ['003', 30 * MINUTE + 1_000],
      ['004', 30 * MINUTE + 5_000],
    ])
  })

  it.each([
    [String((T0 + 2 * 3_600_000) / 1000), T0 + 2 * 3_600_000, 'unix seconds'],
    ['2024-01-01T14:00:00Z', T0 + 2 * 3_600_000, 'UTC date and time'],
    [String((T0 - MINUTE) / 1000), T0, 'in the past: now'],
    [String((T0 + 8 * 24 * 3_600_000) / 1000), T0, 'more than 7 days ahead: now (section 5.2.16)'],
  ])('scheduled_time=%s releases at the right time (%s)', async (value, releaseAt) => {
    const { call, sim } = await boot()
    await call('/http/sendmsg', `to=${TO}&text=hi&scheduled_time=${value}`)
    expect(sim.state.messages[0]?.releaseAt).toBe(releaseAt)
    expect(sim.state.messages[0]?.status).toBe(releaseAt > T0 ? '011' : '002')
  })
})

describe('delmsg', () => {
  it('stops a scheduled message: 006, refunded, and it never goes out', async () => {
    const { call, clock, sim } = await boot()
    const id = (await call('/http/sendmsg', `to=${TO}&text=hi&deliv_time=60&climsgid=later`)).slice(4)
    expect(await call('/http/getbalance')).toBe('Credit: 99.000')
    expect(await call('/http/delmsg', 'climsgid=later')).toBe(`ID: ${id} Status: 006`)
    expect(await call('/http/getbalance')).toBe('Credit: 100.000')
    clock.advance(2 * 60 * MINUTE)
    expect(sim.state.message(id)?.history.map((h) => h.status)).toEqual(['011', '006'])
    expect(await call('/http/getmsgcharge', `apimsgid=${id}`)).toBe(`apiMsgId: ${id} charge: 0 status: 006`)
  })

  it('stops a queued message that has not reached the network yet', async () => {
    const { call } = await boot()
    const id = (await call('/http/sendmsg', `to=${TO}&text=hi`)).slice(4)
    expect(await call('/http/delmsg', `apimsgid=${id}`)).toBe(`ID: ${id} Status: 006`)
  })

  it('leaves a delivered message as it is', async () => {
    const { call, clock } = await boot()
    const id = (await call('/http/sendmsg', `to=${TO}&text=hi`)).slice(4)
    clock.advance(1_000)
    expect(await call('/http/delmsg', `apimsgid=${id}`)).toBe(`ID: ${id} Status: 003`)
    clock.advance(4_000)
    expect(await call('/http/delmsg', `apimsgid=${id}`)).toBe(`ID: ${id} Status: 004`)
    expect(await call('/http/getbalance')).toBe('Credit: 99.000')
  })

  it('answers status 001 for an unknown apimsgid', async () => {
    const { call } = await boot()
    expect(await call('/http/delmsg', 'apimsgid=abc')).toBe('ID: abc Status: 001')
  })

  it('refunds a message that expired (final status 010)', async () => {
    const { call, clock, sim } = await boot({ routes: [{ prefix: '', charge: 1, finalStatus: '010' }] })
    await call('/http/sendmsg', `to=${TO}&text=hi`)
    clock.advance(5_000)
    expect(sim.state.account(ACCOUNT.apiId)?.credits).toBe(100)
  })
})
