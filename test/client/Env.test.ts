import { describe, expect, it } from 'vitest'
import { systemEnv } from '../../src/client/Env.js'
import { ClientMessageId } from '../../src/core/message/IdCodecs.js'

describe('systemEnv.newClientMessageId', () => {
  it('makes valid, distinct ids of 24 base-32 characters, every character about equally often', () => {
    const n = 20_000
    const ids = Array.from({ length: n }, () => systemEnv.newClientMessageId())
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
  })
})
