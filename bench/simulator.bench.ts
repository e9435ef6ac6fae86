/**
 * Load benchmark of the gateway simulator: how many `sendmsg` requests per second it answers over loopback.
 *
 *   npx tsx bench/simulator.bench.ts [seconds=5] [sockets=32] [raw|http]
 *
 * The server runs in this process; the load runs in a worker thread (plain JavaScript: `sockets` keep-alive
 * connections, each keeping one request in flight), so client and server each have a core of this 2-core
 * machine. `raw` (default) writes HTTP/1.1 on TCP sockets and measures the server; `http` uses node:http with
 * a keep-alive Agent and is bounded by the client's own cost. Target: at least 5,000 sendmsg/s. The run fails (exit code 1) if any answer is
 * not `ID: <32 hex>` or the simulator did not store exactly one message per answer.
 */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { Worker } from 'node:worker_threads'
import { startSimulator } from '../src/simulator/index.js'

const seconds = Number(process.argv[2] ?? 5)
const sockets = Number(process.argv[3] ?? 32)
const mode = process.argv[4] === 'http' ? 'http' : 'raw'

// Two load generators, each a worker-thread script. Both keep `sockets` keep-alive connections, each with one
// request in flight, until the deadline.
// `raw`: HTTP/1.1 written and read on plain TCP sockets (as wrk and autocannon do), so the client's own cost is
// small and the figure measures the server.
const raw = `
const net = require('node:net')
const { workerData, parentPort } = require('node:worker_threads')
const { host, port, query, sockets, ms, prefix } = workerData
let ok = 0, bad = 0, errors = 0, n = 0
const deadline = Date.now() + ms
const ID = /^ID: [0-9a-f]{32}$/
const connection = () => new Promise((resolve) => {
  const socket = net.connect(port, host)
  socket.setNoDelay(true)
  let buffer = ''
  const next = () => {
    if (Date.now() >= deadline) { socket.end(); resolve(); return }
    socket.write('GET /http/sendmsg?' + query + '&climsgid=' + prefix + (n++) + ' HTTP/1.1\\r\\nHost: ' + host + '\\r\\n\\r\\n')
  }
  socket.setEncoding('latin1')
  socket.on('connect', next)
  socket.on('data', (chunk) => {
    buffer += chunk
    for (;;) {
      const head = buffer.indexOf('\\r\\n\\r\\n')
      if (head < 0) return
      const length = Number(/content-length: *([0-9]+)/i.exec(buffer.slice(0, head))?.[1] ?? -1)
      if (length < 0 || buffer.length < head + 4 + length) return
      const body = buffer.slice(head + 4, head + 4 + length)
      if (buffer.startsWith('HTTP/1.1 200') && ID.test(body)) ok++; else bad++
      buffer = buffer.slice(head + 4 + length)
      next()
    }
  })
  socket.on('error', () => { errors++; resolve() })
})
const started = Date.now()
Promise.all(Array.from({ length: sockets }, connection)).then(() =>
  parentPort.postMessage({ ok, bad, errors, elapsed: Date.now() - started }))
`

// `http`: node:http requests through a keep-alive Agent, as a Node client of the gateway would send them. The
// client then costs more CPU than the server, so on 2 cores this measures both.
const agent = `
const http = require('node:http')
const { workerData, parentPort } = require('node:worker_threads')
const { host, port, query, sockets, ms, prefix } = workerData
const agent = new http.Agent({ keepAlive: true, maxSockets: sockets })
let ok = 0, bad = 0, errors = 0, n = 0
const deadline = Date.now() + ms
const one = () => new Promise((resolve) => {
  const path = '/http/sendmsg?' + query + '&climsgid=' + prefix + (n++)
  const req = http.request({ host, port, path, agent }, (res) => {
    let body = ''
    res.setEncoding('latin1')
    res.on('data', (c) => { body += c })
    res.on('end', () => { if (/^ID: [0-9a-f]{32}$/.test(body)) ok++; else bad++; resolve() })
  })
  req.on('error', () => { errors++; resolve() })
  req.end()
})
const loop = async () => { while (Date.now() < deadline) await one() }
const started = Date.now()
Promise.all(Array.from({ length: sockets }, loop)).then(() => {
  agent.destroy()
  parentPort.postMessage({ ok, bad, errors, elapsed: Date.now() - started })
})
`

interface Result {
  readonly ok: number
  readonly bad: number
  readonly errors: number
  readonly elapsed: number
}

const QUERY = 'api_id=1&user=u&password=p&to=447700900000&text=Load+test+message+%E4%F6%FC'

const runLoad = (port: number, ms: number, prefix: string): Promise<Result> =>
  new Promise((resolve) =>
    new Worker(mode === 'raw' ? raw : agent, {
      eval: true,
      workerData: { host: '127.0.0.1', port, query: QUERY, sockets, ms, prefix },
    }).once('message', resolve),
  )

const perSecond = (r: Result): number => Math.round((r.ok / r.elapsed) * 1000)

// The baseline: a bare node:http server answering a fixed `ID:` body, under the same load. The ratio says how
// much of the machine's HTTP capacity the simulator's own work takes, whatever else the machine is doing.
const baseline = async (): Promise<number> => {
  const body = 'ID: 0123456789abcdef0123456789abcdef'
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': body.length })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as AddressInfo).port
  await runLoad(port, 1000, 'w')
  const result = await runLoad(port, seconds * 1000, 'c')
  server.closeAllConnections()
  server.close()
  return perSecond(result)
}

const main = async (): Promise<void> => {
  const sim = await startSimulator({
    seed: 1,
    accounts: [{ apiId: '1', user: 'u', password: 'p', credits: 1e9 }],
  })
  await runLoad(sim.port, 1000, 'w')
  const before = sim.state.messages.length
  const result = await runLoad(sim.port, seconds * 1000, 'c')
  const stored = sim.state.messages.length - before
  await sim.close()
  const bare = await baseline()
  const rate = perSecond(result)
  console.log(
    `node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()[0]?.toFixed(1)}`,
  )
  console.log(
    `${sockets} keep-alive sockets, ${mode} client in a worker thread, ${(result.elapsed / 1000).toFixed(1)} s`,
  )
  console.log(
    `sendmsg: ${result.ok} answered, ${result.bad} wrong, ${result.errors} errors, ${stored} stored`,
  )
  console.log(`simulator: ${rate} requests/s (target 5000)`)
  console.log(
    `bare node:http server, same load: ${bare} requests/s (simulator at ${Math.round((rate / bare) * 100)}%)`,
  )
  if (result.bad > 0 || result.errors > 0 || stored !== result.ok) process.exitCode = 1
}

void main()
