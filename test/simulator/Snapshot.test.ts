import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  type Gateway,
  type GatewayRequest,
  gateway,
  handle,
  manualClock,
  normalise,
} from '../../src/simulator/index.js'
import { restore, SimulatorSnapshot, snapshot, snapshotWith } from '../../src/simulator/Snapshot.js'
import { ACCOUNT, boot, CRED, T0 } from './harness.js'

const TO = '447700900001'

const fresh = (clock = manualClock(T0), more: Record<string, unknown> = {}): Gateway => {
  const config = normalise({ clock, accounts: [ACCOUNT], vouchers: { '1234567890123456': 50 }, ...more })
  if (E.isLeft(config)) throw new Error(JSON.stringify(config.left))
  return gateway(config.right)
}

const ask =
  (gw: Gateway) =>
  (command: GatewayRequest['command'], extra: Record<string, string> = {}): string =>
    handle(gw, {
      command,
      method: 'GET',
      params: new Map(Object.entries({ ...Object.fromEntries(new URLSearchParams(CRED)), ...extra })),
      duplicates: [],
      ip: '127.0.0.1',
      formEncoded: true,
    })

/** A snapshot through JSON, as the CLI's state file holds it. */
const throughJson = (gw: Gateway): unknown => JSON.parse(JSON.stringify(snapshot(gw)))

const restored = (input: unknown, clock = manualClock(T0)): Gateway => {
  const r = restore(fresh(clock), input)
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

describe('snapshot and restore', () => {
  it('give back credits, sessions, messages, batches and spent vouchers, through JSON', () => {
    const gw = fresh()
    const call = ask(gw)
    const session = call('auth').slice(4)
    const id = call('sendmsg', { to: TO, text: 'Hello', climsgid: 'order42' }).slice(4)
    const batch = call('startbatch', { template: 'Hi #field1#', from: 'Shop' }).slice(4)
    call('senditem', { batch_id: batch, to: TO, field1: 'Ann' })
    call('token_pay', { token: '1234567890123456' })
    const back = restored(throughJson(gw))
    expect(back.store.accounts.get(ACCOUNT.apiId)!.credits).toBe(
      gw.store.accounts.get(ACCOUNT.apiId)!.credits,
    )
    expect([...back.store.sessions.keys()]).toEqual([session])
    expect(back.store.messages).toEqual(gw.store.messages)
    expect(back.store.byApiMsgId.get(id)?.text).toBe('Hello')
    expect(back.store.byCliMsgId.get('order42')?.map((m) => m.apiMsgId)).toEqual([id])
    expect(back.store.batches.get(batch)).toEqual(gw.store.batches.get(batch))
    expect([...back.store.spentVouchers]).toEqual([['1234567890123456', ACCOUNT.apiId]])
    // What the restored gateway answers about them.
    const again = ask(back)
    expect(again('querymsg', { climsgid: 'order42' })).toBe(`ID: ${id} Status: 002`)
    expect(again('token_pay', { token: '1234567890123456' })).toBe('ERR: 101, Invalid or missing parameters')
    expect(again('senditem', { batch_id: batch, to: TO, field1: 'Bo' })).toMatch(/^ID: [0-9a-f]{32}$/)
  })

  it('law: a snapshot of a restored gateway is the snapshot it came from, but for the next id seed', () => {
    const gw = fresh()
    const call = ask(gw)
    for (const text of ['one', 'two', 'three']) call('sendmsg', { to: TO, text })
    const first = snapshot(gw)
    const second = snapshot(restored(first))
    expect({ ...second, idSeed: 0 }).toEqual({ ...first, idSeed: 0 })
    expect(SimulatorSnapshot.is(JSON.parse(JSON.stringify(first)))).toBe(true)
  })

  it('ids go on from the snapshot: a restored gateway hands out new ones', () => {
    const gw = fresh()
    const one = ask(gw)('sendmsg', { to: TO, text: 'x' })
    const back = restored(throughJson(gw))
    const two = ask(back)('sendmsg', { to: TO, text: 'x' })
    const twin = ask(fresh())('sendmsg', { to: TO, text: 'x' })
    // The same first id from the same seed; the restored one differs.
    expect(twin).toBe(one)
    expect(two).not.toBe(one)
  })

  it('a message restored before its final status goes on from where it was, on the clock', () => {
    const gw = fresh()
    const call = ask(gw)
    const now = call('sendmsg', { to: TO, text: 'now' }).slice(4)
    const later = call('sendmsg', { to: TO, text: 'later', deliv_time: '10' }).slice(4)
    const clock = manualClock(T0)
    const back = restored(throughJson(gw), clock)
    clock.advance(5_000)
    expect(ask(back)('querymsg', { apimsgid: now })).toBe(`ID: ${now} Status: 004`)
    expect(back.store.byApiMsgId.get(now)!.history.map((h) => [h.status, h.at - T0])).toEqual([
      ['002', 0],
      ['003', 1_000],
      ['004', 5_000],
    ])
    expect(back.store.byApiMsgId.get(later)!.status).toBe('011')
    clock.set(T0 + 10 * 60_000)
    expect(ask(back)('querymsg', { apimsgid: later })).toBe(`ID: ${later} Status: 002`)
  })

  it('keeps the latest messages and batches only', () => {
    const gw = fresh()
    const call = ask(gw)
    const ids = ['a', 'b', 'c'].map((text) => call('sendmsg', { to: TO, text }).slice(4))
    const s = snapshotWith({ messages: 2, batches: 0 })(gw)
    expect(s.messages.map((m) => m.apiMsgId)).toEqual(ids.slice(1))
    expect(s.batches).toEqual([])
  })

  it('credits only for the accounts the configuration has', () => {
    const gw = fresh()
    const s = {
      ...snapshot(gw),
      accounts: [{ apiId: 'other', credits: 9, mtWindow: { start: 0, count: 0 } }],
    }
    const back = restored(s)
    expect([...back.store.accounts.keys()]).toEqual([ACCOUNT.apiId])
    expect(back.store.accounts.get(ACCOUNT.apiId)!.credits).toBe(100)
  })

  it.each([
    ['not an object', 'junk'],
    ['another version', { version: 2 }],
    ['a status that is none', { ...snapshot(fresh()), messages: [{ status: '4' }] }],
  ])('refuses what is not a snapshot: %s', (_case, input) => {
    const r = restore(fresh(), input)
    expect(E.isLeft(r) && r.left.problems.length).toBeGreaterThan(0)
    expect(E.isLeft(r) && r.left.problems.every((p) => p.path.startsWith('state'))).toBe(true)
  })
})

describe('a simulator started from a snapshot', () => {
  it('answers about what the one before it did', async () => {
    const first = await boot()
    const id = (await first.call('/http/sendmsg', `to=${TO}&text=hi`)).slice(4)
    const state = JSON.parse(JSON.stringify(first.sim.snapshot()))
    const second = await boot({ state })
    expect(await second.call('/http/querymsg', `apimsgid=${id}`)).toBe(`ID: ${id} Status: 002`)
    expect(second.sim.state.account(ACCOUNT.apiId)!.credits).toBe(99)
  })

  it('refuses to start from something that is not a snapshot', async () => {
    await expect(boot({ state: { version: 9 } })).rejects.toThrow(/^clickatell-fp simulator: state/)
  })
})
