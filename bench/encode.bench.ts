// sendmsg from the caller's object to the rendered POST body (Message.decode + Submission + Encode + Render.http),
// for one recipient and for 300 (the most one POST may carry), against a baseline that only fills a
// URLSearchParams with the same fields and calls toString(). Target: within 3x of the baseline.
// Run: npx tsx bench/encode.bench.ts (or npm run bench -- encode).
import { cpus } from 'node:os'
import * as E from 'fp-ts/lib/Either.js'
import { Bench } from 'tinybench'
import type { MessageInput } from '../src/core/message/Message.js'
import { session } from '../src/core/request/Credentials.js'
import * as Encode from '../src/core/request/Encode.js'
import * as Render from '../src/core/request/Render.js'
import type { WireRequest } from '../src/core/request/Wire.js'

const credentials = session('3d8a1c0e5b7f4a2d9c6e1f0a8b7c6d5e')
const text =
  'Your order 40721 has shipped and will arrive on Thursday. Track it at example.com/t/40721. Reply STOP to opt out.'
const one: MessageInput = {
  to: '447901231234',
  text,
  from: 'Acme',
  callback: 3,
  clientMessageId: 'order40721',
}
const many: MessageInput = {
  ...one,
  to: Array.from({ length: 300 }, (_, i) => String(447900000000 + i * 7919)),
}
// Configured once, as a client does per session: the encoder for these credentials and the renderer.
const send = Encode.sendmsg(credentials)
const render = Render.http()

const ours = (input: MessageInput): string => {
  const requests = send(input)
  if (E.isLeft(requests)) throw new Error('encode failed')
  let body = ''
  for (const w of requests.right) {
    const r = render(w)
    if (E.isLeft(r)) throw new Error('render failed')
    body += r.right.body
  }
  return body
}

// The baseline writes the same fields our encoder writes (req_feat included), with no validation at all.
const fieldsOf = (input: MessageInput): ReadonlyArray<readonly [string, string]> => {
  const r = Encode.sendmsg(credentials)(input)
  if (E.isLeft(r) || r.right.length !== 1) throw new Error('expected one request')
  return (r.right[0] as WireRequest).params
}
const baseline = (input: MessageInput): string => {
  const to = typeof input.to === 'string' ? input.to : input.to.join(',')
  const p = new URLSearchParams()
  p.append('session_id', credentials.sessionId)
  p.append('to', to)
  p.append('text', input.text!)
  p.append('from', input.from!)
  p.append('climsgid', input.clientMessageId!)
  p.append('callback', String(input.callback))
  p.append('req_feat', '8208')
  return p.toString()
}

// Checks that both sides write the same body (the message is ASCII, so URLSearchParams agrees byte for byte).
for (const input of [one, many]) {
  if (ours(input) !== baseline(input)) throw new Error(`bodies differ:\n${ours(input)}\n${baseline(input)}`)
  if (fieldsOf(input).length !== 7) throw new Error('unexpected fields')
}

let sink = 0
const bench = new Bench({ time: 2000, warmup: true, warmupTime: 500 })
bench
  .add('baseline: URLSearchParams, 1 recipient', () => {
    sink += baseline(one).length
  })
  .add('sendmsg decode+encode+render, 1 recipient', () => {
    sink += ours(one).length
  })
  .add('baseline: URLSearchParams, 300 recipients', () => {
    sink += baseline(many).length
  })
  .add('sendmsg decode+encode+render, 300 recipients', () => {
    sink += ours(many).length
  })

await bench.run()

const ops = bench.tasks.map((t) =>
  t.result !== undefined && 'throughput' in t.result ? t.result.throughput.mean : 0,
)
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}\n`)
console.log('| case | ops/s | mean µs | ratio to baseline |')
console.log('| --- | ---: | ---: | ---: |')
bench.tasks.forEach((task, i) => {
  const base = ops[i - (i % 2)]!
  console.log(
    `| ${task.name} | ${Math.round(ops[i]!).toLocaleString('en')} | ${(1e6 / ops[i]!).toFixed(2)} | ${(base / ops[i]!).toFixed(2)}x |`,
  )
})
const worst = Math.max(ops[0]! / ops[1]!, ops[2]! / ops[3]!)
console.log(
  `\ntarget: within 3x of the baseline; worst ratio ${worst.toFixed(2)}x: ${worst <= 3 ? 'met' : 'NOT met'}`,
)
if (sink === 0) console.log('(sink)')
