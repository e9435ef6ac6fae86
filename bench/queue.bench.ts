/**
 * Campaigns on BullMQ workers against the simulator: throughput with 1, 2 and 4 worker processes and no rate
 * limit, then with the shared limit on (it must sit at the limit, not above); Redis commands per message;
 * Redis memory per queued job and per recorded row; the job payload; and a worker's memory over a long
 * campaign (it must stay flat).
 *
 *   npm run bench -- queue     or     node --import tsx bench/queue.bench.ts [rows=2000] [long=100000]
 *
 * `rows` 0 runs only the long campaign.
 *
 * A redis-server (no persistence) on a free port and the simulator run here; each worker is a process of its
 * own (test/queue/workerProcess.ts), concurrency 16. Rates come from the simulator's records (first to last
 * acceptance), so worker start-up is not counted. The machine is shared: compare the ratios, not the figures.
 */
import { execFileSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { Redis } from 'ioredis'
import { jobIdOf } from '../src/queue/Campaign.js'
import { enqueue } from '../src/queue/Enqueue.js'
import { open } from '../src/queue/Store.js'
import { startSimulator } from '../src/simulator/index.js'
import { startRedis } from '../test/queue/redis.js'
import { startWorkerProcess } from '../test/queue/workers.js'

const rows = Number(process.argv[2] ?? 2000)
const long = Number(process.argv[3] ?? 100_000)
const account = { apiId: '3000001', user: 'alice', password: 's3cret' }

const redis = await startRedis()
const sim = await startSimulator({ seed: 1, accounts: [{ ...account, credits: 100_000_000 }] })
const store = open({ redis: redis.url })
const probe = new Redis(redis.url)

const info = async (section: string, field: string): Promise<number> =>
  Number(new RegExp(`${field}:(\\d+)`).exec(await probe.info(section))?.[1] ?? Number.NaN)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const rssKb = (pid: number): number =>
  Number(
    execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
      .toString()
      .trim(),
  )

let campaignNo = 0
const messagesOf = (n: number) => {
  const c = ++campaignNo
  return () =>
    (function* () {
      for (let i = 0; i < n; i++)
        yield {
          to: `44${String(c).padStart(2, '0')}${String(i).padStart(8, '0')}`,
          text: `Hello ${i}, this is campaign ${c}`,
        }
    })()
}

const env = (rate: number) => ({
  REDIS_URL: redis.url,
  GATEWAY_URL: sim.url,
  API_ID: account.apiId,
  API_USER: account.user,
  API_PASSWORD: account.password,
  RATE: String(rate),
  CONCURRENCY: '16',
  LOCK_MS: '30000',
  STALLED_MS: '30000',
  TIMEOUT_MS: '10000',
})

const accepted = (campaignId: string): ReadonlyArray<number> =>
  sim.state.messages.filter((m) => m.cliMsgId.startsWith(`${campaignId}r`)).map((m) => m.acceptedAt)

/** One campaign of `n` rows through `workers` processes at `rate` (0: no limit). */
const run = async (
  n: number,
  workers: number,
  rate: number,
  sample?: (pids: number[], done: number) => void,
) => {
  const queued = await enqueue(store, messagesOf(n))()
  if (queued._tag === 'Left') throw new Error(JSON.stringify(queued.left))
  const { campaignId } = queued.right
  const procs = await Promise.all(Array.from({ length: workers }, () => startWorkerProcess(env(rate))))
  const commands0 = await info('stats', 'total_commands_processed')
  const key = `clickatell:{${campaignId}}`
  for (;;) {
    const done = Number(await probe.hget(key, 'accepted'))
    sample?.(
      procs.map((p) => p.child.pid!),
      done,
    )
    if (done >= n) break
    await sleep(250)
  }
  const commands = (await info('stats', 'total_commands_processed')) - commands0
  for (const p of procs) p.child.kill('SIGTERM')
  await Promise.all(procs.map((p) => p.exited))
  const sent = procs.reduce(
    (sum, p) => sum + Number(/closed \d+ (\d+)/.exec(p.output())?.[1] ?? Number.NaN),
    0,
  )
  const at = [...accepted(campaignId)].sort((a, b) => a - b)
  const seconds = (at.at(-1)! - at[0]!) / 1000
  const busiest = Math.max(
    ...at.map((t, i) => {
      let k = i
      while (k < at.length && at[k]! < t + 1000) k++
      return k - i
    }),
  )
  return {
    campaignId,
    perSecond: Math.round((n - 1) / seconds),
    busiest,
    commandsPerMessage: commands / n,
    sentPerMessage: sent / n,
  }
}

console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
// `rows` 0: only the long campaign.
if (rows > 0) {
  console.log(`\nThroughput, ${rows} rows a run, concurrency 16 per worker:\n`)
  console.log(
    '| workers | limit /s | messages/s | busiest second | commands sent / message | executed / message |',
  )
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const [workers, rate, n] of [
    [1, 0, rows],
    [2, 0, rows],
    [4, 0, rows],
    [2, 100, Math.min(rows, 1500)],
    [4, 200, Math.min(rows, 2000)],
  ] as const) {
    const r = await run(n, workers, rate)
    console.log(
      `| ${workers} | ${rate === 0 ? 'off' : rate} | ${r.perSecond} | ${r.busiest} | ${r.sentPerMessage.toFixed(1)} | ${r.commandsPerMessage.toFixed(1)} |`,
    )
  }
}

// Redis memory: a campaign of `long` rows queued (jobs waiting), then sent (jobs removed; outcome stream and
// bitmaps kept); a worker's resident memory sampled as it goes.
const before = await info('memory', 'used_memory')
const source = messagesOf(long)
const t0 = Date.now()
const queued = await enqueue(store, source)()
const enqueueSeconds = (Date.now() - t0) / 1000
if (queued._tag === 'Left') throw new Error(JSON.stringify(queued.left))
const afterQueued = await info('memory', 'used_memory')
const payload = Buffer.byteLength(
  JSON.stringify((await store.queue.getJob(jobIdOf(queued.right.campaignId, 0)))?.data),
)
console.log(
  `\nQueued ${long} rows in ${enqueueSeconds.toFixed(1)} s (${Math.round(long / enqueueSeconds)} rows/s); Redis ${Math.round((afterQueued - before) / long)} bytes per queued job; job data ${payload} bytes`,
)
const samples: Array<readonly [number, number]> = []
let next = 0
const procs = [await startWorkerProcess(env(0))]
const key = `clickatell:{${queued.right.campaignId}}`
const t1 = Date.now()
for (;;) {
  const done = Number(await probe.hget(key, 'accepted'))
  if (done >= next) {
    samples.push([done, rssKb(procs[0]!.child.pid!)])
    next += long / 10
  }
  if (done >= long) break
  await sleep(500)
}
const longSeconds = (Date.now() - t1) / 1000
const afterSent = await info('memory', 'used_memory')
procs[0]!.child.kill('SIGTERM')
await procs[0]!.exited
console.log(
  `Sent by one worker in ${longSeconds.toFixed(0)} s (${Math.round(long / longSeconds)}/s); Redis after: ${Math.round((afterSent - before) / long)} bytes per recorded row (outcome stream and bitmaps)`,
)
console.log('\n| rows done | worker RSS (MiB) |\n| ---: | ---: |')
for (const [done, kb] of samples) console.log(`| ${done} | ${(kb / 1024).toFixed(1)} |`)

await probe.quit()
await store.close()
await sim.close()
await redis.stop()
