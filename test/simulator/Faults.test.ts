import { describe, expect, it, vi } from 'vitest'
import { faultController } from '../../src/simulator/Faults.js'
import { type FaultRule, random } from '../../src/simulator/index.js'
import { boot, CRED } from './harness.js'

const SEND = `${CRED}&to=447700900001&text=hi&climsgid=k1`

describe('faults seen from the client', () => {
  it('reset: the connection closes with no answer and nothing is stored', async () => {
    const { sim } = await boot({ faults: [{ kind: 'reset', commands: ['sendmsg'] }] })
    await expect(fetch(`${sim.url}/http/sendmsg?${SEND}`)).rejects.toThrow()
    expect(sim.state.messages).toEqual([])
    expect(sim.state.faults).toEqual([
      { request: 1, at: sim.clock.now(), command: 'sendmsg', kind: 'reset', processed: false },
    ])
  })

  it.each([
    ['http500', 500],
    ['http503', 503],
  ] as const)('%s: that status, an HTML body, and nothing stored', async (kind, status) => {
    const { sim, get } = await boot({ faults: [{ kind }] })
    const answer = await get('/http/sendmsg', SEND)
    expect(answer.status).toBe(status)
    expect(answer.body).toContain(String(status))
    expect(sim.state.messages).toEqual([])
    expect(sim.state.faults[0]).toMatchObject({ kind, processed: false })
  })

  it('garbage: 200 with bytes that are no answer, after the message was stored', async () => {
    const { sim, get } = await boot({ faults: [{ kind: 'garbage' }] })
    const answer = await get('/http/sendmsg', SEND)
    expect(answer.status).toBe(200)
    expect(answer.body).not.toMatch(/^(ID|ERR|OK)/)
    expect(answer.body.length).toBeGreaterThan(0)
    expect(sim.state.acceptedByCliMsgId.get('k1')).toBe(1)
  })

  it('truncated: the body ends before its Content-Length, after the message was stored', async () => {
    const { sim } = await boot({ faults: [{ kind: 'truncated' }] })
    const res = await fetch(`${sim.url}/http/sendmsg?${SEND}`)
    expect(res.status).toBe(200)
    expect(Number(res.headers.get('content-length'))).toBe(37)
    await expect(res.text()).rejects.toThrow()
    expect(sim.state.messages).toHaveLength(1)
    expect(sim.state.faults[0]).toMatchObject({ kind: 'truncated', processed: true })
  })

  it('slow: the answer arrives whole, in many small writes', async () => {
    const { sim } = await boot({ faults: [{ kind: 'slow', chunkBytes: 4, chunkDelayMs: 2 }] })
    const res = await fetch(`${sim.url}/http/sendmsg?${SEND}`)
    const reader = res.body!.getReader()
    const chunks: Uint8Array[] = []
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value)
    expect(chunks.length).toBeGreaterThan(1)
    expect(Buffer.concat(chunks).toString()).toMatch(/^ID: [0-9a-f]{32}$/)
  })

  it('expireSession: the session goes stale first, so the request and later ones get ERR: 001', async () => {
    const { sim, get, session } = await boot({
      faults: [{ kind: 'expireSession', commands: ['getbalance'] }],
    })
    const id = await session()
    expect((await get('/http/getbalance', `session_id=${id}`)).body).toBe('ERR: 001, Authentication failed')
    expect((await get('/http/ping', `session_id=${id}`)).body).toBe('ERR: 001, Authentication failed')
    expect(sim.state.sessions[0]?.forcedExpired).toBe(true)
  })

  it('acceptThenDrop: no answer, but the message was stored exactly once', async () => {
    const { sim } = await boot({ faults: [{ kind: 'acceptThenDrop', commands: ['sendmsg'] }] })
    await expect(fetch(`${sim.url}/http/sendmsg?${SEND}`)).rejects.toThrow()
    expect(sim.state.acceptedByCliMsgId.get('k1')).toBe(1)
    expect(sim.state.requests.sendmsg).toBe(1)
    expect(sim.state.faults[0]).toMatchObject({ kind: 'acceptThenDrop', processed: true })
  })

  it('latency: the answer comes late; a client that gave up still had its message stored', async () => {
    const { sim, get } = await boot({ faults: [{ kind: 'latency', latencyMs: 1_000, times: 1 }] })
    const controller = new AbortController()
    const pending = fetch(`${sim.url}/http/sendmsg?${SEND}`, { signal: controller.signal })
    // Give up once the request has reached the simulator and is being held back.
    await vi.waitFor(() => expect(sim.state.requests.sendmsg).toBe(1), { timeout: 5_000, interval: 5 })
    controller.abort()
    await expect(pending).rejects.toThrow()
    expect(sim.state.messages).toEqual([])
    await vi.waitFor(() => expect(sim.state.messages).toHaveLength(1), { timeout: 5_000 })
    expect((await get('/http/getbalance', CRED)).body).toBe('Credit: 99.000')
    expect(sim.state.faults).toHaveLength(1)
    expect(sim.state.faults[0]).toMatchObject({ kind: 'latency', processed: true })
  })

  it('latency combines with another fault', async () => {
    const { sim } = await boot({ faults: [{ kind: 'latency', latencyMs: 5 }, { kind: 'http503' }] })
    expect((await fetch(`${sim.url}/http/ping?${CRED}`)).status).toBe(503)
    expect(sim.state.faults.map((f) => [f.kind, f.processed])).toEqual([
      ['latency', false],
      ['http503', false],
    ])
  })
})

describe('choosing when to inject', () => {
  it('applies to the listed commands only, after skip, at most times', async () => {
    const { get } = await boot({ faults: [{ kind: 'http503', commands: ['sendmsg'], skip: 1, times: 2 }] })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await get('/http/getbalance', CRED)).status)
      statuses.push((await get('/http/sendmsg', SEND)).status)
    }
    expect(statuses).toEqual([200, 200, 200, 503, 200, 503, 200, 200])
  })

  it('is deterministic for a seed and a rate', async () => {
    const run = async (seed: number): Promise<ReadonlyArray<number>> => {
      const { sim, get } = await boot({ seed, faults: [{ kind: 'http500', rate: 0.3 }] })
      for (let i = 0; i < 40; i++) await get('/http/getbalance', CRED)
      return sim.state.faults.map((f) => f.request)
    }
    const a = await run(7)
    expect(a.length).toBeGreaterThan(2)
    expect(a.length).toBeLessThan(30)
    expect(await run(7)).toEqual(a)
    expect(await run(8)).not.toEqual(a)
  })

  it('changes at run time', async () => {
    const { sim, get } = await boot()
    expect((await get('/http/getbalance', CRED)).status).toBe(200)
    expect(sim.faults.set([{ kind: 'http500' }])._tag).toBe('Right')
    expect((await get('/http/getbalance', CRED)).status).toBe(500)
    sim.faults.clear()
    expect((await get('/http/getbalance', CRED)).status).toBe(200)
    expect(sim.faults.add({ kind: 'http503', times: 1 })._tag).toBe('Right')
    expect(sim.faults.rules()).toEqual([{ kind: 'http503', times: 1 }])
    expect((await get('/http/getbalance', CRED)).status).toBe(503)
    expect((await get('/http/getbalance', CRED)).status).toBe(200)
  })

  it('refuses malformed rules with every problem, and keeps the rules in force', async () => {
    const { sim } = await boot({ faults: [{ kind: 'reset', commands: ['sendmsg'] }] })
    const result = sim.faults.set([{ kind: 'explode', rate: 2, commands: ['send'] } as unknown as FaultRule])
    expect(result).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidInput',
        problems: [
          { path: 'faults.0.kind', message: expect.stringMatching(/^must be one of/) },
          { path: 'faults.0.commands', message: 'must be an array of command names' },
          { path: 'faults.0.rate', message: 'must be a number from 0 to 1' },
        ],
      },
    })
    expect(sim.faults.rules()).toEqual([{ kind: 'reset', commands: ['sendmsg'] }])
  })

  it('adding a rule keeps the counters of the others', () => {
    const faults = faultController([{ kind: 'http500', times: 1 }], random(1))
    expect(faults.decide('ping').fault?.kind).toBe('http500')
    faults.add({ kind: 'http503', skip: 1 })
    expect(faults.decide('ping').fault).toBeUndefined()
    expect(faults.decide('ping').fault?.kind).toBe('http503')
  })
})
