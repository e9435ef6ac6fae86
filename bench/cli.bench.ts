// The command line as a user meets it, through the built bin (dist/cli/main.js; `npm run bench` builds it):
// - start-up: `clickatell preview hi` against a bare `node -e 0`, median wall time of interleaved runs, in an
//   environment of PATH and HOME only (NODE_EXTRA_CA_CERTS, say, slows every Node start and flatters the ratio);
//   the bin is the esbuild bundle `npm run build` makes (cli.build.ts), and for comparison the same sources as
//   tsc compiles them, one file per module (what the bin was before it was bundled);
// - bulk: a dry run of a generated CSV of BULK_ROWS rows (default 1,000,000), its time and resident memory (GNU
//   time's maximum RSS), and a send of SEND_ROWS rows (default 1,000,000, 16 in flight, no rate limit) to a
//   simulator in a process of its own, so the memory measured is the CLI's alone (the embedded simulator would
//   keep every message in the CLI's process).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const BIN = join(ROOT, 'dist', 'cli', 'main.js')
const dir = mkdtempSync(join(tmpdir(), 'clickatell-cli-bench-'))
const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_STATE_HOME: join(dir, 'state') }
const TIME = '/usr/bin/time'

const median = (xs: ReadonlyArray<number>): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const wallMs = (args: ReadonlyArray<string>): number => {
  const t0 = process.hrtime.bigint()
  spawnSync(process.execPath, args, { env, stdio: 'ignore' })
  return Number(process.hrtime.bigint() - t0) / 1e6
}

/** The CLI as tsc compiles it, one file per module, under test-results/ so that it finds the package's node_modules. */
const unbundled = (): string => {
  const out = join(ROOT, 'test-results', 'cli-bench-tsc')
  mkdirSync(out, { recursive: true })
  const config = join(out, 'tsconfig.json')
  writeFileSync(
    config,
    JSON.stringify({
      extends: '../../tsconfig.build.json',
      compilerOptions: {
        outDir: '.',
        rootDir: '../../src',
        declaration: false,
        declarationMap: false,
        sourceMap: false,
      },
      include: ['../../src'],
      exclude: [],
    }),
  )
  execFileSync('npx', ['tsc', '-p', config], { cwd: ROOT, stdio: 'inherit' })
  return join(out, 'cli', 'main.js')
}

const startup = async (runs = 31): Promise<void> => {
  const tsc = unbundled()
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
    ['node -e 0 (bare Node)', ['-e', '0']],
    ['clickatell preview hi', [BIN, 'preview', 'hi']],
    ['clickatell --version', [BIN, '--version']],
    ['clickatell bulk --help', [BIN, 'bulk', '--help']],
    ['clickatell preview hi, unbundled (tsc, one file per module)', [tsc, 'preview', 'hi']],
  ]
  const times = cases.map(() => [] as number[])
  for (let i = 0; i < runs; i++) for (const [k, [, args]] of cases.entries()) times[k]!.push(wallMs(args))
  const bare = median(times[0]!)
  console.log('| command | median wall (ms) | / bare Node |')
  console.log('| --- | ---: | ---: |')
  cases.forEach(([name], k) => {
    const m = median(times[k]!)
    console.log(`| ${name} | ${m.toFixed(1)} | ${(m / bare).toFixed(2)}x |`)
  })
}

const writeCsv = async (rows: number): Promise<string> => {
  const path = join(dir, `rows-${rows}.csv`)
  const out = createWriteStream(path)
  out.write('name,number,time\n')
  for (let i = 0; i < rows; i++)
    if (!out.write(`Person ${i},${447800000000 + i},${10 + (i % 8)}:30\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  await new Promise<void>((resolve) => out.end(() => resolve()))
  return path
}

/** Runs the bin under GNU time: seconds and maximum resident memory (MB). */
const measured = (args: ReadonlyArray<string>, extra: Record<string, string> = {}) => {
  const report = join(dir, 'time.txt')
  const t0 = process.hrtime.bigint()
  execFileSync(TIME, ['-f', '%M', '-o', report, process.execPath, BIN, ...args], {
    env: { ...env, ...extra },
    stdio: 'ignore',
  })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { seconds, mb: Number(readFileSync(report, 'utf8').trim()) / 1024 }
}

const template = 'Hi #name#, see you at #time#'

const bulk = async (): Promise<void> => {
  if (!existsSync(TIME)) return console.log('(no GNU time at /usr/bin/time: bulk figures skipped)')
  const rows = Number(process.env.BULK_ROWS ?? 1_000_000)
  const sendRows = Number(process.env.SEND_ROWS ?? 1_000_000)
  console.log('\n| bulk | rows | seconds | max RSS (MB) |')
  console.log('| --- | ---: | ---: | ---: |')
  const csv = await writeCsv(rows)
  const dry = measured(['bulk', '--csv', csv, '--template', template, '--dry-run'])
  console.log(`| --dry-run | ${rows} | ${dry.seconds.toFixed(1)} | ${dry.mb.toFixed(0)} |`)
  const small = sendRows === rows ? csv : await writeCsv(sendRows)
  const sim = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { startSimulator } from ${JSON.stringify(join(ROOT, 'dist', 'simulator', 'index.js'))}
       const sim = await startSimulator({ accounts: [{ apiId: '1', user: 'bench', password: 'bench-pass', credits: 1e9 }] })
       console.log(sim.url)`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise<string>((resolve) =>
    sim.stdout.once('data', (d) => resolve(String(d).trim())),
  )
  const account = {
    CLICKATELL_URL: url,
    CLICKATELL_API_ID: '1',
    CLICKATELL_USER: 'bench',
    CLICKATELL_PASSWORD: 'bench-pass',
  }
  const sent = measured(
    ['bulk', '--csv', small, '--template', template, '--yes', '--rate', '1000000', '--concurrency', '16'],
    account,
  )
  console.log(
    `| send (--yes, no rate limit, 16 in flight) | ${sendRows} | ${sent.seconds.toFixed(1)} | ${sent.mb.toFixed(0)} |`,
  )
  sim.kill()
}

// CLI_BENCH=startup or CLI_BENCH=bulk runs one half.
const only = process.env.CLI_BENCH
if (only !== 'bulk') await startup()
if (only !== 'startup') await bulk()
rmSync(dir, { recursive: true, force: true })
