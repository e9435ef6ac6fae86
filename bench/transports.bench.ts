/**
 * sendmsg requests per second over loopback through each transport, and, for information, the client's overhead
 * over the bare transport. `npx tsx bench/transports.bench.ts [seconds-per-run=2] [in-flight=16] [rounds=3] [pairs=30]
 * [pair-seconds=1]`
 *
 * A minimal node:http gateway (answers `OK: <id>` to auth and `ID: <32 hex>` to sendmsg) runs in a child process,
 * so client and server each have a core and this process's CPU time is the client side's alone. The `close`
 * server answers with `Connection: close`, so a client talking to it opens a connection per request: that is
 * "without keep-alive" for fetch, whose own connection pool cannot be switched off without another dependency.
 * The transport runs are interleaved over `rounds` rounds; medians are printed. Target: Node transport with
 * keep-alive at least 2x plain fetch without it. (The former target of a client overhead under 15% is withdrawn:
 * the client's own budget is bench/client.bench.ts, docs/benchmarks.md.)
 *
 * The client's overhead is measured apart, over `pairs` pairs of short runs (`pair-seconds` each): a bare run and
 * a client run back to back, their order alternating. For each pair, the time per request through the client
 * over the time per request through the bare transport, less one; and the same for this process's CPU time per
 * request. The medians are printed with their interquartile ranges: on a shared machine a neighbour's load moves
 * both runs of a pair alike, where separate runs minutes apart drift by ten points and more. The bare run sends
 * one pre-rendered request; the client run sends messages from a list made before the clock starts (making the
 * input is not the client's work).
 *
 * The client and the transports are the built ones (`dist/`, what users run; `npm run bench` builds first): run
 * from the TypeScript sources through tsx, every closure the client makes per message gets esbuild's `__name`
 * wrapper, which costs the client more than the bare transport.
 */

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import * as E from 'fp-ts/lib/Either.js'
import ky from 'ky'
import type * as ClientModule from '../src/client/Client.js'
import type { HttpRequest } from '../src/core/http.js'
import type * as FetchModule from '../src/transport/FetchTransport.js'
import type * as KyModule from '../src/transport/KyTransport.js'
import type * as NodeModule from '../src/transport/NodeTransport.js'
import type { Transport } from '../src/transport/Transport.js'

const dist = new URL('../dist', import.meta.url)
if (!existsSync(new URL('client/Client.js', dist))) {
  console.error('bench/transports.bench.ts measures the build: run `npm run build` first')
  process.exit(1)
}
const load = <M>(path: string): Promise<M> => import(new URL(path, dist).href) as Promise<M>
const { make } = await load<typeof ClientModule>('client/Client.js')
const { fetchTransport } = await load<typeof FetchModule>('transport/FetchTransport.js')
const { kyTransport } = await load<typeof KyModule>('transport/KyTransport.js')
const { nodeTransport } = await load<typeof NodeModule>('transport/NodeTransport.js')

const seconds = Number(process.argv[2] ?? 2)
const inFlight = Number(process.argv[3] ?? 16)
const rounds = Number(process.argv[4] ?? 3)
const pairs = Number(process.argv[5] ?? 30)
const pairSeconds = Number(process.argv[6] ?? 1)

const serverScript = `
const http = require('node:http')
let n = 0
const hex = () => (++n).toString(16).padStart(32, '0')
const handler = (close) => (req, res) => {
  let body = ''
  req.setEncoding('latin1')
  req.on('data', (c) => { body += c })
  req.on('end', () => {
    const text = req.url.startsWith('/http/auth') ? 'OK: ' + hex() : 'ID: ' + hex()
    const headers = { 'content-type': 'text/html; charset=UTF-8', 'content-length': Buffer.byteLength(text) }
    if (close) headers.connection = 'close'
    res.writeHead(200, headers)
    res.end(text)
  })
}
const keep = http.createServer({ keepAliveTimeout: 60000 }, handler(false))
const close = http.createServer(handler(true))
keep.listen(0, '127.0.0.1', () => close.listen(0, '127.0.0.1', () =>
  process.stdout.write(JSON.stringify({ keep: keep.address().port, close: close.address().port }) + '\\n')))
`

const server = spawn(process.execPath, ['-e', serverScript], { stdio: ['ignore', 'pipe', 'inherit'] })
const ports = await new Promise<{ keep: number; close: number }>((resolve, reject) => {
  let out = ''
  server.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('latin1')
    if (out.includes('\n')) resolve(JSON.parse(out))
  })
  server.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)))
})
const base = (closeServer: boolean) => `http://127.0.0.1:${closeServer ? ports.close : ports.keep}`

const request = (closeServer: boolean): HttpRequest => ({
  method: 'POST',
  url: `${base(closeServer)}/http/sendmsg`,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'session_id=0123456789abcdef0123456789abcdef&to=447900000001&text=Hello+world&climsgid=c1',
})

interface Run {
  /** Answers per second. */
  readonly rps: number
  /** This process's CPU time per answer, in microseconds (the server is another process). */
  readonly cpuUs: number
}

const timed = async (body: () => Promise<number>): Promise<Run> => {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const answers = await body()
  const elapsed = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  return { rps: answers / elapsed, cpuUs: (cpu.user + cpu.system) / answers }
}

/** `inFlight` loops, each sending one request after the other until the deadline. */
const bare = (transport: Transport, closeServer: boolean, runSeconds = seconds): Promise<Run> => {
  const req = request(closeServer)
  return timed(async () => {
    const deadline = performance.now() + runSeconds * 1000
    let ok = 0
    const loop = async () => {
      while (performance.now() < deadline) {
        const r = await transport.send(req)()
        if (E.isRight(r) && r.right.body.startsWith('ID: ')) ok++
        else throw new Error(`unexpected answer ${JSON.stringify(r)}`)
      }
    }
    await Promise.all(Array.from({ length: inFlight }, loop))
    return ok
  })
}

// The recipients, made before any clock starts.
const RECIPIENTS = Array.from({ length: 4096 }, (_, i) => String(447900000000 + i))

/** The client's safe send, one recipient per message, `inFlight` at once, no rate limit. */
const throughClient = (transport: Transport, runSeconds = seconds): Promise<Run> => {
  const made = make({
    transport,
    credentials: { apiId: '1', user: 'bench', password: 'bench' },
    baseUrl: base(false),
    bulk: { concurrency: inFlight, ratePerSecond: 0 },
  })
  if (E.isLeft(made)) throw new Error(JSON.stringify(made.left))
  const client = made.right
  return timed(async () => {
    const deadline = performance.now() + runSeconds * 1000
    // The deadline is read every 16 messages: at most 16 more than a check each time would send.
    function* messages() {
      for (let i = 0; (i & 15) !== 0 || performance.now() < deadline; i++)
        yield { to: RECIPIENTS[i & 4095]!, text: 'Hello world' }
    }
    let ok = 0
    for await (const o of client.sendAll(messages())) {
      if (o._tag === 'Accepted') ok++
      else throw new Error(`unexpected outcome ${JSON.stringify(o)}`)
    }
    client.close()
    return ok
  })
}

const node = nodeTransport({ keepAlive: true, maxSockets: inFlight })
const nodeNoKeepAlive = nodeTransport({ keepAlive: false, maxSockets: inFlight })
const runs: ReadonlyArray<readonly [string, () => Promise<Run>]> = [
  ['Node transport, keep-alive', () => bare(node, false)],
  ['Node transport, no keep-alive', () => bare(nodeNoKeepAlive, false)],
  ['fetch, keep-alive (undici pool)', () => bare(fetchTransport(), false)],
  ['fetch, no keep-alive (Connection: close)', () => bare(fetchTransport(), true)],
  ['ky, keep-alive', () => bare(kyTransport({ ky }), false)],
  ['client.sendAll over Node keep-alive', () => throughClient(node)],
]

const results = new Map<string, number[]>(runs.map(([name]) => [name, []]))
await bare(node, false, 1) // warm-up
await throughClient(node, 1)
for (let r = 0; r < rounds; r++)
  for (const [name, run] of r % 2 === 0 ? runs : [...runs].reverse())
    results.get(name)!.push((await run()).rps)

// The client's overhead: short bare and client runs back to back, in alternating order.
const timeOverheads: number[] = []
const cpuOverheads: number[] = []
for (let p = 0; p < pairs; p++) {
  let b: Run
  let c: Run
  if (p % 2 === 0) {
    b = await bare(node, false, pairSeconds)
    c = await throughClient(node, pairSeconds)
  } else {
    c = await throughClient(node, pairSeconds)
    b = await bare(node, false, pairSeconds)
  }
  timeOverheads.push(b.rps / c.rps - 1)
  cpuOverheads.push(c.cpuUs / b.cpuUs - 1)
}

const sorted = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)
const quantile = (xs: ReadonlyArray<number>, q: number) => sorted(xs)[Math.round((xs.length - 1) * q)]!
const median = (xs: ReadonlyArray<number>) => quantile(xs, 0.5)
const rps = (name: string) => median(results.get(name)!)
console.log(
  `sendmsg over loopback: ${inFlight} in flight, ${seconds} s a run, ${rounds} interleaved rounds, medians`,
)
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`,
)
console.log('')
console.log('| transport | requests/s |')
console.log('|---|---:|')
for (const [name] of runs) console.log(`| ${name} | ${Math.round(rps(name)).toLocaleString('en')} |`)
const ratio = rps('Node transport, keep-alive') / rps('fetch, no keep-alive (Connection: close)')
const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const summary = (xs: ReadonlyArray<number>) =>
  `${pct(median(xs))} (interquartile ${pct(quantile(xs, 0.25))} to ${pct(quantile(xs, 0.75))})`
console.log('')
console.log(`Node keep-alive / fetch without keep-alive: ${ratio.toFixed(2)}x (target >= 2x)`)
console.log(
  `client overhead over the bare Node transport, ${pairs} back-to-back pairs of ${pairSeconds} s (for information):`,
)
console.log(`  time per request: ${summary(timeOverheads)}`)
console.log(`  CPU per request (client side): ${summary(cpuOverheads)}`)
node.close()
nodeNoKeepAlive.close()
server.kill()
