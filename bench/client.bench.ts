/**
 * The client's own work: `client.sendAll` over an in-memory transport, messages per second and the heap as the
 * count grows. `node --expose-gc --import tsx bench/client.bench.ts [messages=200000] [concurrency=16]`
 *
 * The transport answers `auth` with a session id and every `sendmsg` with a fresh `ID: <32 hex>`, in memory (no
 * socket), so what is timed is the client: each message decoded and planned, given its client message id,
 * encoded, bound to the session, rendered, "sent", its answer parsed, its outcome streamed back in input order.
 * The messages are generated lazily (an iterable, not an array). The heap is read after a full collection at each
 * quarter of the run: it must stay flat, whatever the count (the window bounds what is held). Target: at least
 * 100,000 messages a second (the gateway takes about 100 a second per account, so this is the client's budget
 * with a wide margin, not a limit it meets in use).
 */
import { cpus, loadavg } from 'node:os'
import * as E from 'fp-ts/lib/Either.js'
import { make } from '../src/client/Client.js'
import type { HttpRequest } from '../src/core/http.js'
import type { Transport } from '../src/transport/Transport.js'

const total = Number(process.argv[2] ?? 200_000)
const concurrency = Number(process.argv[3] ?? 16)
const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) {
  console.error('run with node --expose-gc --import tsx bench/client.bench.ts')
  process.exit(1)
}

let ids = 0
const hex = () => (++ids).toString(16).padStart(32, '0')
const answer = (body: string) => E.right({ status: 200, headers: { 'content-type': 'text/html' }, body })
const memory: Transport = {
  send: (request: HttpRequest) => async () =>
    answer(request.url.endsWith('/http/auth') ? `OK: ${hex()}` : `ID: ${hex()}`),
}

function* messages(n: number) {
  for (let i = 0; i < n; i++) yield { to: String(447900000000 + (i % 100_000)), text: `Hello ${i}` }
}

interface Run {
  readonly perSecond: number
  /** Messages per second of this process's CPU time: steadier than the clock on a shared machine. */
  readonly perCpuSecond: number
  /** heapUsed after a full collection, at each checkpoint, in MiB. */
  readonly heap: ReadonlyArray<readonly [number, number]>
}

const run = async (n: number, checkpoints: ReadonlyArray<number>): Promise<Run> => {
  const made = make({
    transport: memory,
    credentials: { apiId: '1', user: 'bench', password: 'bench' },
    bulk: { concurrency, ratePerSecond: 0 },
  })
  if (E.isLeft(made)) throw new Error(JSON.stringify(made.left))
  const client = made.right
  const heap: Array<readonly [number, number]> = []
  let done = 0
  let paused = 0
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  for await (const o of client.sendAll(messages(n))) {
    if (o._tag !== 'Accepted') throw new Error(`unexpected outcome ${JSON.stringify(o)}`)
    done++
    if (checkpoints.includes(done)) {
      // The collection is not the client's work: its time is left out.
      const g0 = performance.now()
      gc()
      heap.push([done, process.memoryUsage().heapUsed / 2 ** 20])
      paused += performance.now() - g0
    }
  }
  const seconds = (performance.now() - t0 - paused) / 1000
  const cpu = process.cpuUsage(cpu0)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6 - paused / 1000
  client.close()
  if (done !== n) throw new Error(`${done} outcomes for ${n} messages`)
  return { perSecond: n / seconds, perCpuSecond: n / cpuSeconds, heap }
}

await run(20_000, []) // warm-up
const quarters = [1, 2, 3, 4].map((q) => Math.round((total * q) / 4))
const r = await run(total, quarters)

console.log(
  `client.sendAll over an in-memory transport: ${total.toLocaleString('en')} messages, ${concurrency} in flight`,
)
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`,
)
console.log('')
console.log(`messages/s: ${Math.round(r.perSecond).toLocaleString('en')} (target >= 100,000)`)
console.log(`messages per CPU second: ${Math.round(r.perCpuSecond).toLocaleString('en')}`)
console.log('')
console.log('| messages | heapUsed after gc (MiB) |')
console.log('|---:|---:|')
for (const [n, mib] of r.heap) console.log(`| ${n.toLocaleString('en')} | ${mib.toFixed(1)} |`)
