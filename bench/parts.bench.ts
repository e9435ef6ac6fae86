// Parts.count against a floor loop and the npm peers, on one deterministic workload, in one process.
// Run: npm run bench (or: node --expose-gc --import tsx bench/parts.bench.ts). Ratios are what we compare.
import { createRequire } from 'node:module'
import { cpus } from 'node:os'
import { count } from '../src/core/text/Parts.js'
import { makeWorkload } from './workload.js'

const require = createRequire(import.meta.url)
const splitSms = require('split-sms') as { split: (t: string) => { parts: unknown[] } }
const { SegmentedMessage } = require('sms-segments-calculator') as {
  SegmentedMessage: new (t: string) => { segmentsCount: number }
}
const smsLength = require('sms-length') as { count: (t: string) => { messages: number } }
const smsCounter = (require('sms-counter') as { default: { count: (t: string) => { messages: number } } })
  .default
const trt2 = require('@trt2/gsm-charset-utils') as { getCharCount: (t: string) => { msgCount: number } }

const messages = makeWorkload()
const utf8Bytes = messages.reduce((s, m) => s + Buffer.byteLength(m, 'utf8'), 0)

// The floor: read every charCodeAt and sum a Uint8Array lookup; nothing can count with less work.
const LUT = new Uint8Array(0x10000).fill(1)
const floor = (t: string): number => {
  let s = 0
  for (let i = 0; i < t.length; i++) s += LUT[t.charCodeAt(i)]!
  return s
}

type Counter = { name: string; parts: (t: string) => number }
const counters: Counter[] = [
  { name: 'floor loop (charCodeAt + Uint8Array sum)', parts: floor },
  { name: 'clickatell-fp Parts.count', parts: (t) => count(t).parts },
  { name: 'split-sms', parts: (t) => splitSms.split(t).parts.length },
  { name: 'sms-segments-calculator', parts: (t) => new SegmentedMessage(t).segmentsCount },
  { name: 'sms-length', parts: (t) => smsLength.count(t).messages },
  { name: 'sms-counter', parts: (t) => smsCounter.count(t).messages },
  { name: '@trt2/gsm-charset-utils', parts: (t) => trt2.getCharCount(t).msgCount },
]

let sink = 0
const pass = (c: Counter): number => {
  const t0 = performance.now()
  for (let i = 0; i < messages.length; i++) sink += c.parts(messages[i]!)
  return performance.now() - t0
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

// Warm up every counter, then interleave rounds so machine noise hits all of them alike.
const ROUNDS = Number(process.env.ROUNDS ?? 15)
for (const c of counters) for (let k = 0; k < 3; k++) pass(c)
const times = new Map<string, number[]>(counters.map((c) => [c.name, []]))
for (let r = 0; r < ROUNDS; r++)
  for (const c of r % 2 ? [...counters].reverse() : counters) times.get(c.name)!.push(pass(c))

// Agreement with our part counts, message by message (our counts are checked against a reference model in tests).
const ours = messages.map((m) => count(m).parts)
const agreement = (c: Counter): string => {
  if (c.parts === floor) return 'n/a'
  let same = 0
  for (let i = 0; i < messages.length; i++) if (c.parts(messages[i]!) === ours[i]) same++
  return same === messages.length ? 'all' : `${((100 * same) / messages.length).toFixed(1)}%`
}

// Allocation per call: heap growth over many calls on a short and a long text, with GC held off.
const gc = (globalThis as { gc?: () => void }).gc
const allocatedPerCall = (text: string): string => {
  if (!gc) return 'run with --expose-gc'
  const N = 2000
  gc()
  const before = process.memoryUsage().heapUsed
  for (let i = 0; i < N; i++) sink += count(text).units
  const after = process.memoryUsage().heapUsed
  return `${Math.max(0, Math.round((after - before) / N))} B`
}

const floorMs = median(times.get(counters[0]!.name)!)
console.log(`Parts.count benchmark: ${messages.length} messages, ${(utf8Bytes / 1e6).toFixed(2)} MB UTF-8`)
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, Node ${process.version}, ${ROUNDS} rounds, median`,
)
console.log('')
console.log('| counter | messages/s | MB/s | % of floor | parts agree with ours |')
console.log('|---|---:|---:|---:|---|')
for (const c of counters) {
  const ms = median(times.get(c.name)!)
  const mps = messages.length / (ms / 1000)
  const mbs = utf8Bytes / 1e6 / (ms / 1000)
  console.log(
    `| ${c.name} | ${Math.round(mps).toLocaleString('en')} | ${mbs.toFixed(1)} | ${((100 * floorMs) / ms).toFixed(1)}% | ${agreement(c)} |`,
  )
}
console.log('')
console.log(
  `allocated per Parts.count call: 10 chars ${allocatedPerCall('x'.repeat(10))}, 5,000 GSM chars ${allocatedPerCall('x{'.repeat(2500))}, 5,000 UCS-2 chars ${allocatedPerCall('ç😀'.repeat(1666))}`,
)
if (sink === 42) console.log('')
