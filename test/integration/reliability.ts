/**
 * The no-loss run, shared by test/integration/noloss.test.ts (1,000 messages a transport) and
 * bench/reliability.ts (10,000): many messages through the client's `sendAll` to a simulator that spoils a share
 * of the requests with every kind of fault, then an audit of the client's outcomes against the simulator's
 * own records. `audit` states the laws; a run also counts outcomes, faults and the client's decisions, and
 * samples memory.
 *
 * The simulator is behind `Gateway`: in the test it runs in the same process (`localGateway`); the bench runs
 * it in a process of its own, so the memory figures are the client's alone.
 */
import { type ClientEvent, make } from '../../src/client/Client.js'
import {
  type FaultKind,
  type FaultRule,
  manualClock,
  type Simulator,
  type SimulatorState,
  startSimulator,
} from '../../src/simulator/index.js'
import { withTimeout } from '../../src/transport/middleware.js'
import type { Transport } from '../../src/transport/Transport.js'
import { account, START } from './harness.js'

/** What each kind of fault does to a request here (Faults.ts); keyed by the type, so a new kind is a compile error. */
export const FAULTS: { readonly [K in FaultKind]-?: string } = {
  latency: 'the answer comes late, within the time-out',
  reset: 'the connection closes; nothing processed',
  http500: 'HTTP 500; nothing processed',
  http503: 'HTTP 503; nothing processed',
  garbage: 'processed; the answer is random bytes',
  truncated: 'processed; the answer is cut short',
  slow: 'processed; the answer trickles past the time-out',
  expireSession: 'the session goes stale first: ERR 001, nothing processed',
  acceptThenDrop: 'processed; the connection closes with no answer',
}

/** Every kind of fault the simulator injects. */
export const FAULT_KINDS = Object.keys(FAULTS) as ReadonlyArray<FaultKind>

/** The commands a bulk run sends, all of them faulted. */
export const FAULTED: ReadonlyArray<'sendmsg' | 'querymsg' | 'auth'> = ['sendmsg', 'querymsg', 'auth']

/**
 * One rule per kind, on sendmsg, querymsg and auth, each firing with the same probability `q`, so that a
 * request has at least one fault with probability `rate`: 1 - (1 - q)^9 = rate (the rules draw independently,
 * in order, until a spoiling one fires; latency adds to any other). Latency stays under the time-out, so its
 * answer still comes; a slow answer (1 byte every timeoutMs/30 ms, and every answer here has 36 bytes or more)
 * outlasts it, so the client gives up on a request the gateway processed.
 */
export const faultRules = (rate: number, timeoutMs: number): ReadonlyArray<FaultRule> => {
  const q = 1 - (1 - rate) ** (1 / FAULT_KINDS.length)
  return FAULT_KINDS.map((kind) => ({
    kind,
    commands: FAULTED,
    rate: q,
    ...(kind === 'latency' ? { latencyMs: Math.floor(timeoutMs / 4) } : {}),
    ...(kind === 'slow' ? { chunkBytes: 1, chunkDelayMs: Math.ceil(timeoutMs / 30) } : {}),
  }))
}

/** Message `i`: a number of its own, and a text that cycles through GSM-7, Latin-1 letters and UCS-2 with emoji. */
export const messageAt = (i: number): { readonly to: string; readonly text: string } => {
  const texts = [`Order ${i} is on its way`, `Grüße aus Köln, Nr. ${i}`, `Paket ${i} 🚚 kommt morgen ✓`]
  return { to: `4477${String(i).padStart(8, '0')}`, text: texts[i % 3]! }
}

function* messages(n: number) {
  for (let i = 0; i < n; i++) yield messageAt(i)
}

/** What the caller got back for message `i`: plain data, so it can cross to another process. */
export interface Outcome {
  readonly i: number
  readonly tag: 'Accepted' | 'Rejected' | 'Unknown'
  readonly clientMessageId: string
  readonly apiMsgId: string | undefined
  readonly error: string | undefined
}

/**
 * The laws, checked against the simulator's records. `outcomes[i]` is what the caller got for `messageAt(i)`.
 * Answers every broken law with the message it concerns; empty when all hold.
 *
 * - every message has exactly one outcome, with a client message id of its own;
 * - no client message id was accepted more than once;
 * - `Accepted`: accepted exactly once, and the caller's `apiMsgId` is the gateway's;
 * - `Rejected`: accepted zero times; `Unknown`: zero or one (the caller has the id to ask later);
 * - what the gateway stored is what was sent (recipient and decoded text);
 * - the gateway stored nothing under an id no caller was given.
 */
export const audit = (
  state: SimulatorState,
  outcomes: ReadonlyArray<Outcome | undefined>,
  n: number,
): ReadonlyArray<string> => {
  const broken: string[] = []
  const counts = state.acceptedByCliMsgId // a getter that builds a Map: read it once
  const ours = new Set<string>()
  for (let i = 0; i < n; i++) {
    const o = outcomes[i]
    if (o === undefined || o.i !== i) {
      broken.push(`message ${i}: no outcome`)
      continue
    }
    if (o.clientMessageId === '' || ours.has(o.clientMessageId))
      broken.push(`message ${i}: client message id ${JSON.stringify(o.clientMessageId)} missing or repeated`)
    ours.add(o.clientMessageId)
    const stored = state.messagesByCliMsgId(o.clientMessageId)
    const count = counts.get(o.clientMessageId) ?? 0
    if (count !== stored.length)
      broken.push(`message ${i}: acceptedByCliMsgId ${count}, records ${stored.length}`)
    if (count > 1) broken.push(`message ${i} (${o.clientMessageId}): accepted ${count} times`)
    if (o.tag === 'Accepted') {
      if (count !== 1) broken.push(`message ${i} (${o.clientMessageId}): Accepted but stored ${count} times`)
      else if (stored[0]!.apiMsgId !== o.apiMsgId)
        broken.push(`message ${i}: caller got apiMsgId ${o.apiMsgId}, gateway holds ${stored[0]!.apiMsgId}`)
    }
    if (o.tag === 'Rejected' && count !== 0)
      broken.push(`message ${i} (${o.clientMessageId}): Rejected (${o.error}) but stored ${count} times`)
    const sent = messageAt(i)
    for (const m of stored)
      if (m.to !== sent.to || m.text !== sent.text)
        broken.push(
          `message ${i}: stored ${m.to} ${JSON.stringify(m.text)}, sent ${sent.to} ${JSON.stringify(sent.text)}`,
        )
  }
  for (const m of state.messages)
    if (!ours.has(m.cliMsgId))
      broken.push(`stored message ${m.apiMsgId} under climsgid ${m.cliMsgId} no caller has`)
  return broken
}

/** What the gateway side reports after a run. */
export interface GatewayReport {
  readonly violations: ReadonlyArray<string>
  /** Injected faults by kind, and by `kind command`. */
  readonly faults: Readonly<Record<string, number>>
  readonly faultsByCommand: Readonly<Record<string, number>>
  /** Requests with at least one fault. */
  readonly faultedRequests: number
  /** Requests received per command. */
  readonly requests: Readonly<Record<string, number>>
  readonly stored: number
}

/** The simulator as a run sees it: where it is, where outcomes go, and the audit at the end. */
export interface Gateway {
  readonly url: string
  readonly record: (outcome: Outcome) => void
  /** Waits for requests still held back by a latency fault, audits, and stops the simulator. */
  readonly finish: (n: number) => Promise<GatewayReport>
}

/** How the simulator of a run is set up. */
export interface GatewayOptions {
  readonly seed: number
  readonly faultRate: number
  readonly timeoutMs: number
}

const bump = (tally: Record<string, number>, key: string): void => {
  tally[key] = (tally[key] ?? 0) + 1
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Counts the faults of a simulator and audits `outcomes` against it. */
export const report = (
  sim: Simulator,
  outcomes: ReadonlyArray<Outcome | undefined>,
  n: number,
): GatewayReport => {
  const faults: Record<string, number> = {}
  const faultsByCommand: Record<string, number> = {}
  const faulted = new Set<number>()
  for (const f of sim.state.faults) {
    bump(faults, f.kind)
    bump(faultsByCommand, `${f.kind} ${f.command}`)
    faulted.add(f.request)
  }
  return {
    violations: audit(sim.state, outcomes, n),
    faults,
    faultsByCommand,
    faultedRequests: faulted.size,
    requests: Object.fromEntries(Object.entries(sim.state.requests).filter(([, k]) => k > 0)),
    stored: sim.state.messages.length,
  }
}

/**
 * A simulator in this process, on a manual clock that never moves (sessions expire only by the
 * `expireSession` fault; messages stay at 002), with one account of ample credit and the run's faults.
 */
export const localGateway = async (options: GatewayOptions): Promise<Gateway> => {
  const sim = await startSimulator({
    clock: manualClock(START),
    seed: options.seed,
    accounts: [{ ...account, credits: 1e9 }],
    faults: faultRules(options.faultRate, options.timeoutMs),
  })
  const outcomes: Outcome[] = []
  return {
    url: sim.url,
    record: (o) => {
      outcomes[o.i] = o
    },
    finish: async (n) => {
      // A request held back by a latency fault lands after its delay: wait it out, so the audit sees it.
      await sleep(Math.floor(options.timeoutMs / 4) + 50)
      try {
        return report(sim, outcomes, n)
      } finally {
        await sim.close()
      }
    },
  }
}

/** Options of a run. */
export interface RunOptions {
  readonly transport: Transport
  readonly gateway: Gateway
  readonly messages: number
  /** The transport's time-out per request. */
  readonly timeoutMs: number
  /** Sends in flight (default 16). */
  readonly concurrency?: number
  /** Memory sampling interval (default 25 ms). */
  readonly sampleMs?: number
  /** How many times in the run to record the heap after a full collection (when `gc` is exposed; default 10). */
  readonly checkpoints?: number
}

/** The client's side of a run. */
export interface ClientReport {
  readonly outcomes: {
    readonly accepted: number
    /** Accepted after a lost answer, found by querymsg. */
    readonly confirmed: number
    /** Accepted after the gateway confirmed it had nothing and the client sent again. */
    readonly resent: number
    readonly rejected: number
    readonly unknown: number
  }
  /** Rejections and unknowns by the error's tag, code or kind. */
  readonly reasons: Readonly<Record<string, number>>
  /** The client's decisions by `onEvent` tag. */
  readonly events: Readonly<Record<string, number>>
  readonly durationMs: number
  readonly memory: {
    readonly baselineHeap: number
    readonly peakHeap: number
    readonly baselineRss: number
    readonly peakRss: number
    readonly samples: number
    /** Heap in use after a full collection at evenly spaced points of the run: flat when memory is bounded. */
    readonly retained: ReadonlyArray<{ readonly done: number; readonly heap: number }>
  }
}

/** What a run measured. */
export type RunReport = ClientReport & GatewayReport & { readonly messages: number }

const reasonOf = (e: { readonly _tag: string; readonly code?: string; readonly kind?: string }): string =>
  [e._tag, e.code, e.kind].filter((x) => x !== undefined).join(' ')

/**
 * Sends `messages` messages through a client over `transport` (each request given `timeoutMs`) to the
 * gateway, with retries and checks that do not wait long, then audits. The client makes each message's client
 * message id itself; the run hands every outcome to the gateway side as it comes.
 */
export const run = async (options: RunOptions): Promise<RunReport> => {
  const events: Record<string, number> = {}
  const made = make({
    transport: withTimeout(options.timeoutMs)(options.transport),
    credentials: account,
    baseUrl: options.gateway.url,
    retry: { baseDelayMs: 1, maxDelayMs: 20 },
    // Checks at T/10, doubling (5 checks: 3.1 T in all): a request the loaded simulator processes after the
    // client gave up on it (past T) is still found, where checks 5 and 10 ms after stored it twice.
    confirm: { checkDelayMs: Math.ceil(options.timeoutMs / 10) },
    onEvent: (e: ClientEvent) => bump(events, e._tag),
  })
  if (made._tag === 'Left') throw new Error(`bad client configuration: ${JSON.stringify(made.left)}`)
  const client = made.right

  const baseline = process.memoryUsage()
  const memory = {
    baselineHeap: baseline.heapUsed,
    peakHeap: baseline.heapUsed,
    baselineRss: baseline.rss,
    peakRss: baseline.rss,
    samples: 0,
    retained: [] as Array<{ done: number; heap: number }>,
  }
  const gc = (globalThis as { gc?: () => void }).gc
  const every = Math.max(1, Math.floor(options.messages / (options.checkpoints ?? 10)))
  let done = 0
  const checkpoint = (): void => {
    if (gc === undefined) return
    gc()
    memory.retained.push({ done, heap: process.memoryUsage().heapUsed })
  }
  const sample = (): void => {
    const m = process.memoryUsage()
    memory.peakHeap = Math.max(memory.peakHeap, m.heapUsed)
    memory.peakRss = Math.max(memory.peakRss, m.rss)
    memory.samples++
  }
  const sampler = setInterval(sample, options.sampleMs ?? 25)

  const reasons: Record<string, number> = {}
  const tally = { accepted: 0, confirmed: 0, resent: 0, rejected: 0, unknown: 0 }
  const started = performance.now()
  try {
    for await (const o of client.sendAll(messages(options.messages), {
      concurrency: options.concurrency ?? 16,
      ratePerSecond: 0, // no limit: Bulk.rateLimiter spaces starts 1000 / rate ms apart, and not at all at 0
      // Room for the others while a message waits out its checks (with no rate, the default is 16 x concurrency).
      window: 64 * (options.concurrency ?? 16),
    })) {
      if (++done % every === 0) checkpoint()
      if (o._tag === 'Accepted') {
        tally.accepted++
        if (o.confirmed) tally.confirmed++
        else if (o.attempts > 1) tally.resent++
        options.gateway.record({
          i: o.message,
          tag: o._tag,
          clientMessageId: o.clientMessageId,
          apiMsgId: o.apiMsgId,
          error: undefined,
        })
      } else {
        const error = reasonOf(o.error as never)
        if (o._tag === 'Rejected') tally.rejected++
        else tally.unknown++
        bump(reasons, `${o._tag}: ${error}`)
        options.gateway.record({
          i: o.message,
          tag: o._tag,
          clientMessageId: o.clientMessageId,
          apiMsgId: undefined,
          error,
        })
      }
    }
  } finally {
    sample()
    clearInterval(sampler)
    client.close()
  }
  const durationMs = performance.now() - started
  const gateway = await options.gateway.finish(options.messages)
  return { messages: options.messages, outcomes: tally, reasons, events, durationMs, memory, ...gateway }
}
