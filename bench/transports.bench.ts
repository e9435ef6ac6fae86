/**
 * sendmsg requests per second over loopback through each transport, and the client's overhead over the bare
 * transport. `npx tsx bench/transports.bench.ts [seconds-per-run=2] [in-flight=16] [rounds=3]`
 *
 * A minimal node:http gateway (answers `OK: <id>` to auth and `ID: <32 hex>` to sendmsg) runs in a worker
 * thread, so client and server each have a core. The `close` server answers with `Connection: close`, so a
 * client talking to it opens a connection per request: that is "without keep-alive" for fetch, whose own
 * connection pool cannot be switched off without another dependency. Runs are interleaved over `rounds`
 * rounds; medians are printed. Targets: Node transport with keep-alive at least 2x plain fetch without it;
 * client overhead under 15%.
 *
 * The client and the transports are the built ones (`dist/`, what users run; `npm run bench` builds first): run
 * from the TypeScript sources through tsx, every closure the client makes per message gets esbuild's `__name`
 * wrapper, which costs the client more than the bare transport. The client's overhead is measured per round,
 * from the bare run and the client run next to each other (their order alternates), and the median of the
 * rounds is reported with the spread: on a shared machine, load from elsewhere moves both runs of a pair alike.
 */

import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { Worker } from 'node:worker_threads'
import * as E from 'fp-ts/lib/Either.js'
import ky from 'ky'
import type * as ClientModule from '../src/client/Client.js'
import type { HttpRequest } from '../src/core/http.js'
import type * as FetchModule from '../src/transport/FetchTransport.js'
import type * as KyModule from '../src/transport/KyTransport.js'
import type * as NodeModule from '../src/transport/NodeTransport.js'
import type { Transport } from '../src/transport/Transport.js'

const dist = new URL('../dist/', import.meta.url)
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

const serverScript = `
const http = require('node:http')
const { parentPort } = require('node:worker_threads')
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
  parentPort.postMessage({ keep: keep.address().port, close: close.address().port })))
`

const worker = new Worker(serverScript, { eval: true })
const ports = await new Promise<{ keep: number; close: number }>((resolve) => worker.once('message', resolve))
const base = (closeServer: boolean) => `http://127.0.0.1:${closeServer ? ports.close : ports.keep}`

const request = (closeServer: boolean): HttpRequest => ({
  method: 'POST',
  url: `${base(closeServer)}/http/sendmsg`,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'session_id=0123456789abcdef0123456789abcdef&to=447900000001&text=Hello+world&climsgid=c1',
})

/** `inFlight` loops, each sending one request after the other until the deadline; answers per second. */
const bare = async (transport: Transport, closeServer: boolean): Promise<number> => {
  const req = request(closeServer)
  const deadline = performance.now() + seconds * 1000
  let ok = 0
  const loop = async () => {
    while (performance.now() < deadline) {
      const r = await transport.send(req)()
      if (E.isRight(r) && r.right.body.startsWith('ID: ')) ok++
      else throw new Error(`unexpected answer ${JSON.stringify(r)}`)
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: inFlight }, loop))
  return ok / ((performance.now() - t0) / 1000)
}

/** The client's safe send, one recipient per message, `inFlight` at once, no rate limit. */
const throughClient = async (transport: Transport): Promise<number> => {
  const made = make({
    transport,
    credentials: { apiId: '1', user: 'bench', password: 'bench' },
    baseUrl: base(false),
    bulk: { concurrency: inFlight, ratePerSecond: 0 },
  })
  if (E.isLeft(made)) throw new Error(JSON.stringify(made.left))
  const client = made.right
  const deadline = performance.now() + seconds * 1000
  function* messages() {
    let i = 0
    while (performance.now() < deadline)
      yield { to: String(447900000000 + (i++ % 100000)), text: 'Hello world' }
  }
  let ok = 0
  const t0 = performance.now()
  for await (const o of client.sendAll(messages())) {
    if (o._tag === 'Accepted') ok++
    else throw new Error(`unexpected outcome ${JSON.stringify(o)}`)
  }
  client.close()
  return ok / ((performance.now() - t0) / 1000)
}

const node = nodeTransport({ keepAlive: true, maxSockets: inFlight })
const nodeNoKeepAlive = nodeTransport({ keepAlive: false, maxSockets: inFlight })
const runs: ReadonlyArray<readonly [string, () => Promise<number>]> = [
  ['Node transport, keep-alive', () => bare(node, false)],
  ['Node transport, no keep-alive', () => bare(nodeNoKeepAlive, false)],
  ['fetch, keep-alive (undici pool)', () => bare(fetchTransport(), false)],
  ['fetch, no keep-alive (Connection: close)', () => bare(fetchTransport(), true)],
  ['ky, keep-alive', () => bare(kyTransport({ ky }), false)],
  ['client.sendAll over Node keep-alive', () => throughClient(node)],
]

const results = new Map<string, number[]>(runs.map(([name]) => [name, []]))
const overheads: number[] = []
await bare(node, false) // warm-up
await throughClient(node)
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of r % 2 === 0 ? runs : [...runs].reverse()) results.get(name)!.push(await run())
  // The pair that gives the client's overhead: bare and client back to back, in alternating order.
  const [b, c] =
    r % 2 === 0
      ? [await bare(node, false), await throughClient(node)]
      : await (async () => {
          const c = await throughClient(node)
          return [await bare(node, false), c]
        })()
  overheads.push(1 - c / b)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
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
const sorted = [...overheads].sort((a, b) => a - b)
console.log('')
console.log(`Node keep-alive / fetch without keep-alive: ${ratio.toFixed(2)}x (target >= 2x)`)
console.log(
  `client overhead over the bare Node transport: ${pct(median(overheads))} (target < 15%), median of ${rounds} back-to-back pairs; spread ${pct(sorted[0]!)} to ${pct(sorted.at(-1)!)}`,
)
node.close()
nodeNoKeepAlive.close()
await worker.terminate()
