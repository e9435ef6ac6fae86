// Campaigns across processes, proven on a real Redis and the simulator: several worker processes share a
// campaign, one is killed with SIGKILL mid-campaign and replaced, the gateway drops and garbles answers; the
// simulator's own records show every row arrived exactly once, the campaign's status and outcome stream hold
// every row, and the shared rate limit held across the processes. Then pause, resume and cancel, and what
// enqueue refuses.
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { make } from '../../src/client/Client.js'
import { clientMessageIdOf, keysOf, type RowOutcome } from '../../src/queue/Campaign.js'
import { enqueue } from '../../src/queue/Enqueue.js'
import { cancel, outcomes, pause, resume, status } from '../../src/queue/Status.js'
import { open, type Store } from '../../src/queue/Store.js'
import { startWorker } from '../../src/queue/Worker.js'
import { type Simulator, startSimulator } from '../../src/simulator/index.js'
import { fetchTransport } from '../../src/transport/FetchTransport.js'
import { type RedisServer, startRedis } from './redis.js'
import { startWorkerProcess, type WorkerProcess } from './workers.js'

const account = { apiId: '3000001', user: 'alice', password: 's3cret' } as const
const ROWS = 300
const RATE = 100

let redis: RedisServer
let sim: Simulator
let store: Store

beforeAll(async () => {
  redis = await startRedis()
  sim = await startSimulator({ seed: 7, accounts: [{ ...account, credits: 1_000_000 }] })
  store = open({ redis: redis.url })
}, 20_000)

afterAll(async () => {
  await store?.close()
  await sim?.close()
  await redis?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

const numberOf = (campaign: number, i: number) => `44770${campaign}${String(i).padStart(6, '0')}`

const messages = (campaign: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ to: numberOf(campaign, i), text: `Campaign ${campaign}, row ${i}` }))

const settled = async (campaignId: string, withinMs: number) => {
  const until = Date.now() + withinMs
  for (;;) {
    const s = right(await status(store, campaignId)())
    if (s.pending === 0 || Date.now() > until) return s
    await sleep(100)
  }
}

const workerEnv = {
  REDIS_URL: '',
  GATEWAY_URL: '',
  API_ID: account.apiId,
  API_USER: account.user,
  API_PASSWORD: account.password,
  RATE: String(RATE),
  CONCURRENCY: '4',
  LOCK_MS: '2000',
  STALLED_MS: '500',
}

describe('a campaign on several worker processes', () => {
  it(`${ROWS} rows, 3 workers, one SIGKILLed mid-campaign and replaced, faults on: each row sent exactly once`, async () => {
    const env = { ...workerEnv, REDIS_URL: redis.url, GATEWAY_URL: sim.url }
    // Every send takes a while (so the kill finds sends in flight); some answers are lost after the message
    // was stored, some requests reset or fail before it is.
    right(
      sim.faults.set([
        { kind: 'latency', commands: ['sendmsg'], latencyMs: 30 },
        { kind: 'acceptThenDrop', commands: ['sendmsg'], rate: 0.05 },
        { kind: 'reset', commands: ['sendmsg'], rate: 0.03 },
        { kind: 'http503', commands: ['sendmsg'], rate: 0.03 },
        { kind: 'garbage', commands: ['sendmsg'], rate: 0.02 },
      ]),
    )
    const { campaignId, preview } = right(await enqueue(store, messages(1, ROWS), { name: 'proof' })())
    expect(preview).toMatchObject({ messages: ROWS, rows: ROWS, parts: ROWS })
    const workers: WorkerProcess[] = await Promise.all([1, 2, 3].map(() => startWorkerProcess(env)))
    // Mid-campaign: a third of the way through at the rate.
    const t0 = Date.now()
    while (right(await status(store, campaignId)()).accepted < ROWS / 3) await sleep(50)
    workers[0]!.child.kill('SIGKILL')
    expect(await workers[0]!.exited).toBe(null)
    workers.push(await startWorkerProcess(env))
    const s = await settled(campaignId, 40_000)
    const seconds = (Date.now() - t0) / 1000
    for (const w of workers.slice(1)) w.child.kill('SIGTERM')
    expect(await Promise.all(workers.slice(1).map((w) => w.exited))).toEqual([0, 0, 0])
    right(sim.faults.set([]))

    // Every row accepted, each exactly once by the gateway's own records.
    expect(s).toMatchObject({ total: ROWS, accepted: ROWS, rejected: 0, unknown: 0, pending: 0 })
    const ids = Array.from({ length: ROWS }, (_, row) => clientMessageIdOf(campaignId, row))
    expect(ids.filter((id) => sim.state.acceptedByCliMsgId.get(id) !== 1)).toEqual([])
    const mine = sim.state.messages.filter((m) => m.cliMsgId.startsWith(`${campaignId}r`))
    expect(mine).toHaveLength(ROWS)
    // The killed worker's rows were looked up before they were sent again (as were the dropped answers).
    expect(sim.state.requests.querymsg).toBeGreaterThan(0)

    // Every outcome in the stream, once, with the gateway's id.
    const rows = new Map<number, string>()
    for await (const o of outcomes(store, campaignId, 64)) {
      const r = right(o)
      expect(rows.has(r.row)).toBe(false)
      rows.set(r.row, r.apiMsgId)
    }
    expect(rows.size).toBe(ROWS)
    expect(mine.every((m) => rows.get(Number(m.cliMsgId.split('r')[1])) === m.apiMsgId)).toBe(true)

    // The shared limit held: the whole ran no faster than the rate, and no second of it far above (the limiter
    // admits rows per 100 ms window; their sends reach the gateway with some jitter).
    const at = mine.map((m) => m.acceptedAt).sort((a, b) => a - b)
    const busiest = Math.max(...at.map((t, i) => at.filter((u, j) => j >= i && u < t + 1000).length))
    expect(busiest).toBeLessThanOrEqual(RATE * 1.25)
    expect(ROWS / seconds).toBeLessThanOrEqual(RATE * 1.05)
  }, 60_000)
})

describe('steering a campaign (a worker in this process)', () => {
  const worker = (rate = 0) =>
    startWorker(
      { redis: redis.url },
      // A short confirmation window (as the worker processes have): a row found absent is sent after 2 checks.
      right(
        make({
          transport: fetchTransport(),
          credentials: account,
          baseUrl: sim.url,
          confirm: { checks: 2, checkDelayMs: 20 },
        }),
      ),
      {
        ratePerSecond: rate,
        pausedRetryMs: 100,
      },
    )

  it('paused: nothing is sent and every row is pending; resumed: all are sent', async () => {
    const { campaignId } = right(await enqueue(store, messages(2, 40))())
    right(await pause(store, campaignId)())
    const w = worker()
    await sleep(800)
    expect(right(await status(store, campaignId)())).toMatchObject({
      state: 'paused',
      total: 40,
      pending: 40,
    })
    expect(sim.state.messages.filter((m) => m.cliMsgId.startsWith(`${campaignId}r`))).toHaveLength(0)
    right(await resume(store, campaignId)())
    expect(await settled(campaignId, 10_000)).toMatchObject({ state: 'running', accepted: 40, pending: 0 })
    await w.close()
  })

  it('cancelled: the rows not sent are recorded cancelled, never sent; a cancelled campaign stays so', async () => {
    const { campaignId } = right(await enqueue(store, messages(3, 30))())
    right(await cancel(store, campaignId)())
    const w = worker()
    expect(await settled(campaignId, 10_000)).toMatchObject({ state: 'cancelled', cancelled: 30, pending: 0 })
    expect(sim.state.messages.filter((m) => m.cliMsgId.startsWith(`${campaignId}r`))).toHaveLength(0)
    const again = await resume(store, campaignId)()
    expect(E.isLeft(again) && again.left._tag === 'InvalidInput').toBe(true)
    await w.close()
  })

  it('a row whose send began before (its worker died) is looked up first: found, recorded, not sent again', async () => {
    const { campaignId } = right(await enqueue(store, messages(6, 2))())
    const k = keysOf(campaignId)
    // A worker claimed both rows and died; row 0 had reached the gateway, row 1 had not.
    expect(await store.claim(k, 0)).toEqual({ _tag: 'send', startedBefore: false })
    await store.claim(k, 1)
    const direct = right(make({ transport: fetchTransport(), credentials: account, baseUrl: sim.url }))
    const id0 = clientMessageIdOf(campaignId, 0)
    right(await direct.send({ to: numberOf(6, 0), text: 'Campaign 6, row 0', clientMessageId: id0 })())
    direct.close()
    const w = worker()
    expect(await settled(campaignId, 15_000)).toMatchObject({ accepted: 2, pending: 0 })
    await w.close()
    const rows: RowOutcome[] = []
    for await (const o of outcomes(store, campaignId)) rows.push(right(o))
    rows.sort((a, b) => a.row - b.row)
    expect(rows.map((r) => [r.outcome, r.attempts])).toEqual([
      ['accepted', 0],
      ['accepted', 1],
    ])
    expect(sim.state.acceptedByCliMsgId.get(id0)).toBe(1)
    expect(sim.state.acceptedByCliMsgId.get(clientMessageIdOf(campaignId, 1))).toBe(1)
  }, 30_000)

  it('queuing the same campaign again adds no row twice', async () => {
    const first = right(await enqueue(store, messages(4, 20))())
    const again = right(await enqueue(store, messages(4, 20), { campaignId: first.campaignId })())
    expect(again.campaignId).toBe(first.campaignId)
    expect(await store.queue.getJobCountByTypes('waiting', 'prioritized')).toBeGreaterThanOrEqual(20)
    const w = worker()
    expect(await settled(first.campaignId, 10_000)).toMatchObject({ total: 20, accepted: 20 })
    await w.close()
    expect(sim.state.messages.filter((m) => m.cliMsgId.startsWith(`${first.campaignId}r`))).toHaveLength(20)
  })
})

describe('what enqueue refuses', () => {
  it('one bad message: InvalidInput naming it, and nothing queued', async () => {
    const before = await store.queue.count()
    const r = await enqueue(store, [...messages(5, 3), { to: 'nope', text: 'x' }])()
    expect(E.isLeft(r) && r.left._tag === 'InvalidInput' && r.left.problems[0]!.path).toMatch(
      /^messages\[3\]\.to/,
    )
    expect(await store.queue.count()).toBe(before)
  })

  it('a campaign id that is not one, and an unknown campaign', async () => {
    expect(E.isLeft(await enqueue(store, messages(5, 1), { campaignId: 'a-b' })())).toBe(true)
    const s = await status(store, 'nosuch')()
    expect(E.isLeft(s) && s.left._tag === 'InvalidInput').toBe(true)
  })

  it('a Redis that cannot be reached: RedisError', async () => {
    const gone = open({ redis: 'redis://127.0.0.1:1' })
    const r = await enqueue(gone, messages(5, 1))()
    expect(E.isLeft(r) && r.left._tag).toBe('RedisError')
    await gone.close()
  }, 20_000)
})
