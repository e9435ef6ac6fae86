// A campaign worker as its own process, for the integration test and the benchmark: the settings come from the
// environment; it prints `ready` once started and exits 0 after a graceful close on SIGTERM.
import * as E from 'fp-ts/lib/Either.js'
import { Redis } from 'ioredis'
import { make } from '../../src/client/Client.js'
import { startWorker } from '../../src/queue/Worker.js'
import { fetchTransport } from '../../src/transport/FetchTransport.js'
import { withTimeout } from '../../src/transport/middleware.js'

// Commands this process sends to Redis (BullMQ's and ours, on every connection): the benchmark's round trips.
let commands = 0
const sendCommand = Redis.prototype.sendCommand
Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<Redis['sendCommand']>) {
  commands++
  return sendCommand.apply(this, args)
}

const env = (name: string, fallback?: string): string => {
  const v = process.env[name] ?? fallback
  if (v === undefined) throw new Error(`${name} is not set`)
  return v
}

const client = make({
  transport: withTimeout(Number(env('TIMEOUT_MS', '1000')))(fetchTransport()),
  credentials: { apiId: env('API_ID'), user: env('API_USER'), password: env('API_PASSWORD') },
  baseUrl: env('GATEWAY_URL'),
  retry: { baseDelayMs: 5, maxDelayMs: 50 },
  confirm: { checks: 2, checkDelayMs: 20 },
})
if (E.isLeft(client)) throw new Error(JSON.stringify(client.left))
const worker = startWorker({ redis: env('REDIS_URL') }, client.right, {
  concurrency: Number(env('CONCURRENCY', '4')),
  ratePerSecond: Number(env('RATE', '100')),
  lockDurationMs: Number(env('LOCK_MS', '2000')),
  stalledIntervalMs: Number(env('STALLED_MS', '1000')),
  pausedRetryMs: 200,
})
process.once('SIGTERM', () => {
  void worker.close().then(() => {
    client.right.close()
    process.stdout.write(`closed ${worker.processed()} ${commands}\n`)
    process.exit(0)
  })
})
process.stdout.write('ready\n')
