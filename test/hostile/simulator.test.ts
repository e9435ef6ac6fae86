// Issue 15, server side, the gateway simulator: each attack a test. See docs/reliability.md, "Hostile peers".
// Bodies are sized so the folder stays fast; the doubling benchmark is bench/hostile.bench.ts.
import { describe, expect, it } from 'vitest'
import { decode } from '../../src/simulator/Form.js'
import type { Clock } from '../../src/simulator/index.js'
import { boot, CRED } from '../simulator/harness.js'
import { trickle } from './peer.js'

// Past V8's longest string (0x1fffffe8 characters): read whole, as before issue 15, it ended the process.
const HUGE = 600_000_000
const SLOWLY = { chunk: 1024, everyMs: 10, maxChunks: 200 } as const
const FORM = 'Content-Type: application/x-www-form-urlencoded\r\n'
const MIB = 1_048_576

// A clock that throws while `broken` is set: what a throw deep inside a command looks like from outside.
const breakable = () => {
  const state = { broken: false }
  const clock: Clock = {
    now: () => {
      if (state.broken) throw new Error('the clock broke')
      return Date.UTC(2024, 0, 1)
    },
  }
  return { state, clock }
}

describe('bounded work: request bodies are capped', () => {
  it('a declared 600 MB body (over the 1 MiB default cap): 413 before any of it, then closed; others still served', async () => {
    const { sim, call } = await boot()
    const head = `POST /http/sendmsg HTTP/1.1\r\nHost: x\r\n${FORM}Content-Length: ${HUGE}\r\n\r\n`
    const outcome = await trickle(sim.port, head, SLOWLY)
    expect(outcome.status).toBe(413)
    expect(outcome.headers['connection']).toBe('close')
    expect(outcome.sentBeforeAnswer).toBeLessThanOrEqual(2 * SLOWLY.chunk)
    expect(outcome.closedByServer).toBe(true)
    expect(await call('/http/ping')).toBe('OK: ')
    expect(sim.state.errors).toEqual([])
  })

  it('a chunked body that grows past maxBodyBytes: 413 as soon as it does, and no more is read', async () => {
    const { sim, call } = await boot({ maxBodyBytes: 8192 })
    const head = `POST /http/sendmsg HTTP/1.1\r\nHost: x\r\n${FORM}Transfer-Encoding: chunked\r\n\r\n`
    const outcome = await trickle(sim.port, head, { ...SLOWLY, chunked: true })
    expect(outcome.status).toBe(413)
    expect(outcome.sentBeforeAnswer).toBeGreaterThan(8192)
    expect(outcome.sentBeforeAnswer).toBeLessThanOrEqual(8192 + 3 * SLOWLY.chunk)
    expect(outcome.closedByServer).toBe(true)
    expect(await call('/http/ping')).toBe('OK: ')
  })

  it('a body of exactly the cap is read', async () => {
    const { post } = await boot({ maxBodyBytes: 4096, strictParams: false })
    const body = `${CRED}&pad=`.padEnd(4096, 'x')
    expect(await post('/http/ping', body)).toMatchObject({ status: 200, body: 'OK: ' })
    expect((await post('/http/ping', `${body}x`)).status).toBe(413)
  })
})

describe('bounded work: nothing a request causes can end the process', () => {
  it('a throw while handling a GET, a POST or a delayed answer is answered 500 and recorded; the server goes on', async () => {
    const { state, clock } = breakable()
    const { sim, get, post } = await boot({ clock, autoTick: false })
    state.broken = true
    expect((await get('/http/auth', CRED)).status).toBe(500)
    // A POST is handled in the body's `end` event, where a throw used to reach the event loop.
    expect((await post('/http/auth', CRED)).status).toBe(500)
    sim.faults.set([{ kind: 'latency', latencyMs: 5 }])
    expect((await get('/http/auth', CRED)).status).toBe(500)
    expect(sim.state.errors.map((e) => [e.request, (e.error as Error).message])).toEqual([
      [1, 'the clock broke'],
      [2, 'the clock broke'],
      [3, 'the clock broke'],
    ])
    state.broken = false
    sim.faults.set([])
    expect((await get('/http/auth', CRED)).body).toMatch(/^OK: [0-9a-f]{32}$/)
  })
})

describe('bounded work: the form parser is linear', () => {
  // The old parser searched for '=' from each segment's start to the end of the text, and looked names up in a
  // list: 2 MiB of `a&a&...` took about 9 s, and 1 MiB of repeated distinct names longer still. Linear, each
  // takes tens of milliseconds; the bound is generous for a shared machine.
  it.each<[string, () => string]>([
    ['2 MiB of a&a&...', () => 'a&'.repeat(MIB)],
    [
      '1 MiB of distinct names each given twice',
      () => {
        const pairs: string[] = []
        for (let i = 0, size = 0; size < MIB; i++, size += 2 * String(i).length + 4) pairs.push(`n${i}&n${i}`)
        return pairs.join('&')
      },
    ],
    ['2 MiB of %41%41...', () => '%41'.repeat((2 * MIB) / 3)],
  ])('%s is parsed in well under 1.5 s', (_, make) => {
    const text = make()
    const started = performance.now()
    const form = decode(text)
    expect(performance.now() - started).toBeLessThan(1_500)
    expect(form.params.size).toBeGreaterThan(0)
  })

  it('2 MiB of a&a&... posted to the server is answered within 2 s, and another client is served meanwhile', async () => {
    const { sim, get } = await boot({ maxBodyBytes: 4 * MIB })
    const started = performance.now()
    const big = fetch(`${sim.url}/http/ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `${CRED}&${'a&'.repeat(MIB)}`,
    })
    const other = get('/http/ping', CRED)
    const [answer, ping] = await Promise.all([big, other])
    expect(answer.status).toBe(200)
    expect(await answer.text()).toBe('ERR: 101, Invalid or missing parameters')
    expect(ping.body).toBe('OK: ')
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})
