// Hostile inputs, doubled: the servers' parsers must take about twice as long at 2n as at n (linear), never four
// times (quadratic). For each input family and each size, the fastest of 5 timed runs after a warm-up, in one
// process; the table gives the time, the ratio to the size before, and the exponent k of t ~ n^k over the whole
// range (1 linear, 2 quadratic). A reference keeps the simulator's pre-fix form parser (issue 15) to show what
// quadratic looks like on the same machine.
// Run: npx tsx bench/hostile.bench.ts (or npm run bench -- hostile).
import { cpus, loadavg } from 'node:os'
import { parseWith } from '../src/core/callback/Callback.js'
import { decode } from '../src/simulator/Form.js'

const KIB = 1024

// Families of hostile bodies, each made to `bytes` long (or about that).
const families: ReadonlyArray<readonly [string, (bytes: number) => string]> = [
  ['a&a&a&... (empty values, no =)', (n) => 'a&'.repeat(n / 2)],
  ['a=&a=&... (one name repeated)', (n) => 'a=&'.repeat(Math.floor(n / 3))],
  ['n1&n1&n2&n2&... (distinct names, each twice)', (n) => distinctTwice(n)],
  ['%41%41... (one long encoded value)', (n) => `text=${'%41'.repeat(Math.floor(n / 3))}`],
  ['x=1&y=2... (well-formed, distinct names)', (n) => distinctOnce(n)],
]

const distinctTwice = (bytes: number): string => {
  const out: string[] = []
  for (let i = 0, size = 0; size < bytes; i++, size += 2 * String(i).length + 4) out.push(`n${i}&n${i}`)
  return out.join('&')
}
const distinctOnce = (bytes: number): string => {
  const out: string[] = []
  for (let i = 0, size = 0; size < bytes; i++, size += 2 * String(i).length + 4) out.push(`k${i}=${i}`)
  return out.join('&')
}

// The simulator's form parser before issue 15, kept here only as the quadratic reference.
const decodeBefore = (text: string): number => {
  const params = new Map<string, string>()
  const duplicates: string[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('&', start)
    if (end < 0) end = text.length
    if (end > start) {
      const eq = text.indexOf('=', start)
      const split = eq >= 0 && eq < end
      const name = text.slice(start, split ? eq : end)
      if (params.has(name)) {
        if (!duplicates.includes(name)) duplicates.push(name)
      } else params.set(name, split ? text.slice(eq + 1, end) : '')
    }
    start = end + 1
  }
  return params.size + duplicates.length
}

const floor = (text: string): number => {
  const params = new Map<string, string>()
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=')
    if (eq < 0) params.set(pair, '')
    else params.set(pair.slice(0, eq), pair.slice(eq + 1))
  }
  return params.size
}

const callback = parseWith({ maxChars: Number.MAX_SAFE_INTEGER })
const postForm = (t: string) =>
  callback({ method: 'POST', query: '', body: t, contentType: 'application/x-www-form-urlencoded' })._tag
    .length

// Each parser: how it is run, the sizes, and the families (by index) it gets.
const parsers: ReadonlyArray<{
  readonly name: string
  readonly run: (text: string) => number
  readonly sizes: ReadonlyArray<number>
  readonly families: ReadonlyArray<number>
}> = [
  {
    name: 'simulator `Form.decode`',
    run: (t) => decode(t).params.size,
    sizes: [512 * KIB, 1024 * KIB, 2048 * KIB, 4096 * KIB],
    families: [0, 1, 2, 3, 4],
  },
  {
    // What the engine gives: split, one indexOf per pair, a Map; no decoding and no duplicate check.
    name: "floor: `split('&')`, `indexOf('=')` and `Map.set`",
    run: floor,
    sizes: [512 * KIB, 1024 * KIB, 2048 * KIB, 4096 * KIB],
    families: [0, 1, 2, 3, 4],
  },
  {
    // The handler caps a body at 64 KiB by default; beyond, this shows how the core's form parser grows.
    name: 'handler `Callback.parse` (POST form, core `UrlForm.parse`)',
    run: postForm,
    sizes: [64 * KIB, 128 * KIB, 256 * KIB, 512 * KIB],
    families: [0, 4],
  },
  {
    name: 'reference: simulator `Form.decode` before issue 15',
    run: decodeBefore,
    sizes: [64 * KIB, 128 * KIB, 256 * KIB, 512 * KIB],
    families: [0, 2],
  },
]

let sink = 0
const gc = (globalThis as { gc?: () => void }).gc
// The fastest of 5 runs after a warm-up (with --expose-gc, each after a full collection): on a shared machine the
// minimum is the figure least disturbed by other work.
const fastest = (f: () => number): number => {
  sink += f()
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < 5; i++) {
    gc?.()
    const t0 = performance.now()
    sink += f()
    best = Math.min(best, performance.now() - t0)
  }
  return best
}

console.log(
  `node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, load ${loadavg()[0]?.toFixed(1)}\n`,
)
for (const { name, run, sizes, families: chosen } of parsers) {
  console.log(`### ${name}\n`)
  console.log(`| input | ${sizes.map((s) => `${s / KIB} KiB`).join(' | ')} | exponent |`)
  console.log(`| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`)
  for (const [family, make] of chosen.map((i) => families[i]!)) {
    const times = sizes.map((size) => {
      const text = make(size)
      return fastest(() => run(text))
    })
    const ratios = times.slice(1).map((t, i) => t / times[i]!)
    const cells = times.map(
      (t, i) => `${t.toFixed(1)} ms${i === 0 ? '' : ` (${ratios[i - 1]!.toFixed(2)}x)`}`,
    )
    // t grows as n^k: k = log2(t(8n) / t(n)) / 3 over the whole range, 1 for linear, 2 for quadratic.
    const k =
      Math.log2(times[times.length - 1]! / times[0]!) / Math.log2(sizes[sizes.length - 1]! / sizes[0]!)
    console.log(`| ${family} | ${cells.join(' | ')} | ${k.toFixed(2)} |`)
  }
  console.log('')
}
if (sink === 0) console.log('(sink)')
