// Parse.sendmsg on a 600-line answer (the most recipients one POST may carry) and on a single `ID:` line,
// against a floor (splitting on `\n` and nothing more), in one process. Target: 100 MB/s on the 600 lines.
// Then UrlForm.parse at doubling sizes, to show it stays linear.
// Run: npx tsx bench/parse.bench.ts (or npm run bench -- parse).
import { cpus } from 'node:os'
import { Bench } from 'tinybench'
import * as UrlForm from '../src/core/callback/UrlForm.js'
import * as Parse from '../src/core/reply/Parse.js'

// Deterministic: every seventh recipient refused, some with `To:` and some without (quirk 10), leading zeros.
const hex = (n: number): string => (n * 2654435761).toString(16).padStart(8, '0').repeat(4).slice(0, 32)
const line = (i: number): string =>
  i % 7 === 3
    ? i % 2 === 0
      ? `ERR: 105, Invalid Destination Address To: 0${27990000000 + i}`
      : 'ERR: 301, No credit left'
    : `ID: ${hex(i + 1)} To: ${27990000000 + i}`
const multi = `${Array.from({ length: 600 }, (_, i) => line(i)).join('\n')}\n`
const single = 'ID: 996f364775e24b8432f45d77da8eca47'

// Checks the bodies parse as expected before timing them.
const check = Parse.sendmsg(multi)
if (check._tag !== 'Right' || check.right.outcomes.length !== 600)
  throw new Error('the 600-line body did not parse')
if (Parse.sendmsg(single)._tag !== 'Right') throw new Error('the single line did not parse')

let sink = 0
const bench = new Bench({ time: 2000, warmup: true, warmupTime: 500 })
bench
  .add('floor: split on \\n (600 lines)', () => {
    sink += multi.split('\n').length
  })
  .add('Parse.sendmsg, 600 mixed ID/ERR lines', () => {
    const r = Parse.sendmsg(multi)
    sink += r._tag === 'Right' ? r.right.outcomes.length : 0
  })
  .add('Parse.sendmsg, one ID: line', () => {
    const r = Parse.sendmsg(single)
    sink += r._tag === 'Right' ? r.right.outcomes.length : 0
  })

await bench.run()

const sizes = [multi.length, multi.length, single.length]
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}`)
console.log(`600-line body: ${multi.length} bytes; single line: ${single.length} bytes\n`)
console.log('| case | ops/s | MB/s | mean µs |')
console.log('| --- | ---: | ---: | ---: |')
bench.tasks.forEach((task, i) => {
  const r = task.result
  if (r === undefined || !('throughput' in r)) return
  const ops = r.throughput.mean
  console.log(
    `| ${task.name} | ${Math.round(ops).toLocaleString('en')} | ${((ops * sizes[i]!) / 1e6).toFixed(1)} | ${(1e6 / ops).toFixed(2)} |`,
  )
})

// UrlForm.parse (callback query strings and form bodies) at doubling sizes of the form that once made it
// quadratic, `a&a&a&…` (many pieces, no `=`, which a search for `=` from each piece rescans to the end). Linear:
// ns/byte stays flat and each doubling costs about 2x; quadratic: the ratio climbs towards 4x. This is a
// benchmark, not a unit test: below a few hundred kilobytes the per-piece work dwarfs a rescan (indexOf runs
// at memchr speed), so only large sizes tell the two apart, too slow and too noisy for a timed test.
const medianMs = (f: () => void): number => {
  const times: number[] = []
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now()
    f()
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[1]!
}
UrlForm.parse('a&'.repeat(1 << 12))
console.log('\n| UrlForm.parse, `a&` x n | bytes | ms (median of 3) | ns/byte | x previous size |')
console.log('| ---: | ---: | ---: | ---: | ---: |')
let previous = 0
for (let n = 1 << 15; n <= 1 << 19; n *= 2) {
  const form = 'a&'.repeat(n)
  const ms = medianMs(() => {
    sink += UrlForm.parse(form).length
  })
  const ratio = previous === 0 ? '' : `${(ms / previous).toFixed(2)}x`
  console.log(
    `| ${n.toLocaleString('en')} | ${form.length.toLocaleString('en')} | ${ms.toFixed(1)} | ${((ms * 1e6) / form.length).toFixed(1)} | ${ratio} |`,
  )
  previous = ms
}
if (sink === 0) console.log('(sink)')
