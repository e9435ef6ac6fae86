import { describe, expect, it } from 'vitest'
import { manualEnv, randomIds, systemEnv } from '../../src/client/Env.js'
import { ClientMessageId } from '../../src/core/message/IdCodecs.js'

// 24 base-32 characters over many ids: valid, distinct, and every character about equally often.
const checkIds = (next: () => string) => {
  const n = 20_000
  const ids = Array.from({ length: n }, next)
  expect(new Set(ids).size).toBe(n)
  for (const id of ids.slice(0, 500)) {
    expect(id).toMatch(/^[0-9a-v]{24}$/)
    expect(ClientMessageId.is(id)).toBe(true)
  }
  // 480,000 characters over 32 symbols: 15,000 each expected; a bias of 1/8 (as byte % 36 had) would show.
  const counts = new Map<string, number>()
  for (const id of ids) for (const c of id) counts.set(c, (counts.get(c) ?? 0) + 1)
  expect(counts.size).toBe(32)
  for (const k of counts.values()) expect(Math.abs(k - 15_000)).toBeLessThan(900)
}

describe('client message ids', () => {
  it('systemEnv.newClientMessageId makes valid, distinct ids of 24 base-32 characters, without bias', () => {
    checkIds(systemEnv.newClientMessageId)
  })

  it('randomIds, drawing many ids at a time, makes the same kind of ids', () => {
    checkIds(randomIds())
    checkIds(randomIds(1))
  })

  it('two sources share nothing', () => {
    const a = randomIds(4)
    const b = randomIds(4)
    const ids = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a() : b()))
    expect(new Set(ids).size).toBe(40)
  })
})

describe('manualEnv', () => {
  it('stands still until something sleeps, then moves by exactly the sleep; ids are c1, c2, ...', async () => {
    const env = manualEnv(100)
    expect(env.now()).toBe(100)
    await env.sleep(50)
    await env.sleep(0)
    env.advance(7)
    expect(env.now()).toBe(157)
    expect(env.slept).toEqual([50, 0])
    expect([env.newClientMessageId(), env.newClientMessageId()]).toEqual(['c1', 'c2'])
    expect(ClientMessageId.is(env.newClientMessageId())).toBe(true)
  })
})
