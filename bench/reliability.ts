/**
 * Reliability benchmark: the no-loss run of test/integration/noloss.test.ts at volume, for each transport.
 *
 *   npx tsx bench/reliability.ts [messages=10000] [faultRate=0.1] [transport]
 *
 * For each transport, a client process of its own (so memory figures do not mix) sends `messages` messages
 * with `Client.sendAll` (16 in flight, no rate limit) through `withTimeout(2000)` to a simulator in a third
 * process, which faults `faultRate` of the sendmsg, querymsg and auth requests with every kind of fault. The
 * client hands each outcome to the simulator's process as it comes, and the simulator audits them against its
 * own records at the end. Prints, per transport: duration, messages/s, peak heap and RSS of the client process,
 * outcome counts, fault counts, and every broken law (there should be none). Exit code 1 if any law broke.
 */
import { type ChildProcess, fork, spawnSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { transports } from '../test/integration/harness.js'
import {
  FAULT_KINDS,
  type Gateway,
  type GatewayReport,
  localGateway,
  type Outcome,
  type RunReport,
  run,
} from '../test/integration/reliability.js'

const self = fileURLToPath(import.meta.url)
const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? undefined : process.argv[i + 1]
}
const positional = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'))
const messages = Number(positional[0] ?? 10_000)
const faultRate = Number(positional[1] ?? 0.1)
const only = positional[2]
const concurrency = Number(flag('concurrency') ?? 16)
const TIMEOUT_MS = 2_000
const SEED = 42
const BATCH = 500

type ToGateway = { readonly outcomes: ReadonlyArray<Outcome> } | { readonly finish: number }
type FromGateway = { readonly url: string } | { readonly report: GatewayReport }

/** The simulator's process: starts it, takes outcomes, audits when told to finish. */
const gatewayRole = async (): Promise<void> => {
  const gateway = await localGateway({ seed: SEED, faultRate, timeoutMs: TIMEOUT_MS })
  const send = (m: FromGateway): void => {
    process.send?.(m)
  }
  process.on('message', (m: ToGateway) => {
    if ('outcomes' in m) for (const o of m.outcomes) gateway.record(o)
    else
      void gateway.finish(m.finish).then((report) => {
        send({ report })
        process.disconnect?.()
      })
  })
  send({ url: gateway.url })
}

/** A `Gateway` over the simulator's process: outcomes go across in batches. */
const remoteGateway = async (child: ChildProcess): Promise<Gateway> => {
  const next = (): Promise<FromGateway> =>
    new Promise((resolve, reject) => {
      child.once('message', (m: FromGateway) => resolve(m))
      child.once('exit', (code) => reject(new Error(`the simulator's process ended (${code})`)))
    })
  const first = await next()
  if (!('url' in first)) throw new Error('the simulator did not start')
  let pending: Outcome[] = []
  const flush = (): void => {
    if (pending.length > 0) child.send({ outcomes: pending } satisfies ToGateway)
    pending = []
  }
  return {
    url: first.url,
    record: (o) => {
      pending.push(o)
      if (pending.length >= BATCH) flush()
    },
    finish: async (n) => {
      flush()
      const answer = next()
      child.send({ finish: n } satisfies ToGateway)
      const m = await answer
      if (!('report' in m)) throw new Error('no report from the simulator')
      return m.report
    },
  }
}

/** One transport's run, in this process. Prints the report as one JSON line. */
const clientRole = async (name: string): Promise<void> => {
  const entry = transports.find((t) => t.name === name)
  if (entry === undefined) throw new Error(`no transport ${name}`)
  const child = fork(self, ['--role', 'gateway', String(messages), String(faultRate)], {
    execArgv: ['--import', 'tsx'],
  })
  const gateway = await remoteGateway(child)
  ;(globalThis as { gc?: () => void }).gc?.()
  const opened = entry.open()
  try {
    const report = await run({
      transport: opened.transport,
      gateway,
      messages,
      timeoutMs: TIMEOUT_MS,
      concurrency,
    })
    console.log(JSON.stringify(report))
  } finally {
    opened.close()
    child.kill()
  }
}

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1)

const orchestrate = (): void => {
  const cpu = cpus()
  console.log(
    `${messages} messages a transport, ${faultRate * 100}% of requests faulted, ${concurrency} in flight, ` +
      `time-out ${TIMEOUT_MS} ms, ` +
      `seed ${SEED}\n${cpu[0]?.model} x ${cpu.length}, Node ${process.version}, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
  )
  const reports: Array<[string, RunReport]> = []
  let broken = 0
  for (const { name } of transports.filter((t) => only === undefined || t.name === only)) {
    const r = spawnSync(
      process.execPath,
      [
        ...['--expose-gc', '--import', 'tsx', self, '--role', 'client', '--transport', name],
        ...['--concurrency', String(concurrency), String(messages), String(faultRate)],
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 },
    )
    const line = r.stdout.trim().split('\n').pop() ?? ''
    if (r.status !== 0 || !line.startsWith('{')) {
      console.log(`${name}: the run failed (exit ${r.status})\n${r.stdout}`)
      broken++
      continue
    }
    const report = JSON.parse(line) as RunReport
    reports.push([name, report])
    broken += report.violations.length
  }

  const rows = reports.map(([name, r]) => {
    const o = r.outcomes
    return [
      name,
      (r.durationMs / 1000).toFixed(1),
      Math.round(r.messages / (r.durationMs / 1000)).toString(),
      `${mib(r.memory.baselineHeap)} / ${mib(r.memory.peakHeap)}`,
      `${mib(r.memory.baselineRss)} / ${mib(r.memory.peakRss)}`,
      `${o.accepted} (${o.confirmed} confirmed, ${o.resent} resent)`,
      String(o.rejected),
      String(o.unknown),
      String(r.violations.length),
    ]
  })
  const header = [
    'transport',
    's',
    'msg/s',
    'heap MiB base / peak',
    'RSS MiB base / peak',
    'accepted',
    'rejected',
    'unknown',
    'broken laws',
  ]
  const table = (head: ReadonlyArray<string>, body: ReadonlyArray<ReadonlyArray<string>>): string =>
    [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n')
  console.log(table(header, rows))
  console.log()
  console.log(
    table(
      ['transport', 'faulted requests', ...FAULT_KINDS, 'requests (auth / sendmsg / querymsg)'],
      reports.map(([name, r]) => [
        name,
        String(r.faultedRequests),
        ...FAULT_KINDS.map((k) => String(r.faults[k] ?? 0)),
        `${r.requests['auth'] ?? 0} / ${r.requests['sendmsg'] ?? 0} / ${r.requests['querymsg'] ?? 0}`,
      ]),
    ),
  )
  console.log()
  for (const [name, r] of reports) {
    console.log(`${name}: reasons ${JSON.stringify(r.reasons)}; client events ${JSON.stringify(r.events)}`)
    console.log(
      `  heap MiB after a full GC at ${r.memory.retained.map((c) => c.done).join(', ')} messages: ` +
        r.memory.retained.map((c) => mib(c.heap)).join(', '),
    )
    for (const v of r.violations.slice(0, 20)) console.log(`  BROKEN: ${v}`)
  }
  process.exit(broken === 0 ? 0 : 1)
}

const role = flag('role')
if (role === 'gateway') await gatewayRole()
else if (role === 'client') await clientRole(flag('transport') ?? '')
else orchestrate()
