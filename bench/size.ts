// Bundle size: what a browser bundle pays for the library, measured with esbuild (bundled, tree-shaken, minified
// for the browser; fp-ts and io-ts external, as a user's app has them anyway), gzipped with node:zlib (level 9).
// `npx tsx bench/size.ts` (builds dist/ first if it is missing); `--check` exits 1 when the Parts.count-only
// import is over its budget. Not timed: sizes are the same on every machine, so this can run in CI.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { type BuildOptions, build, type Plugin, version } from 'esbuild'

const ROOT = join(import.meta.dirname, '..')
const BUDGET_GZIP = 5_000 // bytes: the Parts.count-only import, fp-ts excluded
const PEERS: string[] = ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*']

// `satisfies`, not a type annotation: esbuild's result types follow the literal `write: false` and `metafile: true`.
const common = {
  absWorkingDir: ROOT,
  bundle: true,
  write: false,
  metafile: true,
  treeShaking: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  external: PEERS,
  logLevel: 'error',
} as const satisfies BuildOptions

interface Case {
  readonly name: string
  readonly code: string
  readonly plugins?: ReadonlyArray<Plugin>
}

interface Measure {
  readonly raw: number
  readonly min: number
  readonly gzip: number
  readonly inputs: ReadonlyArray<readonly [string, number]>
}

const bundle = async (c: Case, minify: boolean) => {
  const r = await build({
    ...common,
    minify,
    stdin: { contents: c.code, resolveDir: join(ROOT, 'bench'), sourcefile: 'entry.js', loader: 'js' },
    plugins: [...(c.plugins ?? [])],
  })
  const out = r.outputFiles[0]!.contents
  const inputs = Object.entries(Object.values(r.metafile.outputs)[0]!.inputs)
    .map(([file, i]) => [file, i.bytesInOutput] as const)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
  return { bytes: out, inputs }
}

const measure = async (c: Case): Promise<Measure> => {
  const raw = await bundle(c, false)
  const min = await bundle(c, true)
  return {
    raw: raw.bytes.length,
    min: min.bytes.length,
    gzip: gzipSync(min.bytes, { level: 9 }).length,
    inputs: min.inputs,
  }
}

// What a single-file ES build of the root (tsup's or esbuild's bundled output) would give a user's bundler: the
// root bundled once, its dependencies left as imports, then imported by name as an app would.
const asOneFile = async (): Promise<Plugin> => {
  const r = await build({
    ...common,
    platform: 'neutral',
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    external: [...PEERS, 'fast-xml-parser'],
  })
  const text = r.outputFiles[0]!.text
  return {
    name: 'root-as-one-file',
    setup(b) {
      b.onResolve({ filter: /^clickatell-fp$/ }, () => ({ path: 'clickatell-fp', namespace: 'one-file' }))
      b.onLoad({ filter: /.*/, namespace: 'one-file' }, () => ({
        contents: text,
        loader: 'js',
        resolveDir: ROOT,
      }))
    },
  }
}

const main = async (): Promise<number> => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    if (b.status !== 0) return 1
  }
  const partsOnly = "import { Parts } from 'clickatell-fp'\nconsole.log(Parts.count('Hello'))\n"
  const cases: ReadonlyArray<Case> = [
    { name: '`Parts.count` only (dist, ES modules)', code: partsOnly },
    { name: 'the whole root entry (dist, ES modules)', code: "export * from 'clickatell-fp'\n" },
    {
      name: '`Parts.count` only, through `require` (dist, CommonJS)',
      code: "const { Parts } = require('clickatell-fp')\nconsole.log(Parts.count('Hello'))\n",
    },
    {
      name: '`Parts.count` only, if the ES build were one bundled file',
      code: partsOnly,
      plugins: [await asOneFile()],
    },
  ]
  const results: Array<readonly [Case, Measure]> = []
  for (const c of cases) results.push([c, await measure(c)])

  const n = (x: number) => x.toLocaleString('en-US')
  console.log(`esbuild ${version}, Node ${process.version}; fp-ts and io-ts external; gzip level 9\n`)
  console.log('| bundle | raw bytes | minified | gzipped |')
  console.log('| --- | ---: | ---: | ---: |')
  for (const [c, m] of results) console.log(`| ${c.name} | ${n(m.raw)} | ${n(m.min)} | ${n(m.gzip)} |`)

  const [first, measured] = results[0]!
  console.log(`\nWhat ${first.name} contains (minified bytes in the output, by input):\n`)
  for (const [file, bytes] of measured.inputs) console.log(`  ${String(n(bytes)).padStart(7)}  ${file}`)

  // The whole root by package: ours (dist/) against the dependencies a bundle takes in with it.
  const [whole, all] = results[1]!
  const byPackage = new Map<string, number>()
  for (const [file, bytes] of all.inputs) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/')[0]!
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytes)
  }
  console.log(`\nWhat ${whole.name} contains (minified bytes in the output, by package):\n`)
  for (const [pkg, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n(bytes)).padStart(7)}  ${pkg}`)

  const over = measured.gzip > BUDGET_GZIP
  console.log(
    `\nBudget: ${n(measured.gzip)} B gzipped for the Parts.count-only import, target under ${n(BUDGET_GZIP)} B: ` +
      (over ? 'OVER' : 'met'),
  )
  return process.argv.includes('--check') && over ? 1 : 0
}

process.exitCode = await main()
