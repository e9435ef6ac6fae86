// The package as npm would publish it: what `npm pack` puts in the tarball, that every "exports" target and the
// bin are in it, and that each entry loads in Node both through `import` and through `require`, with the same
// exports. Builds dist/ first only when it is missing or older than the sources (CI builds it just before).
import { execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureDist, ROOT, targets } from './support/dist.js'

interface Manifest {
  readonly exports: Readonly<Record<string, unknown>>
  readonly bin: Readonly<Record<string, string>>
}
const manifest = (): Manifest => JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest

// Subpath -> source entry. A source entry that exists must be exported, and the other way round.
const ENTRIES: ReadonlyArray<readonly [subpath: string, source: string]> = [
  ['.', 'src/index.ts'],
  ['./ky', 'src/ky.ts'],
  ['./node', 'src/node.ts'],
  ['./handler', 'src/handler/index.ts'],
  ['./simulator', 'src/simulator/index.ts'],
  ['./testing', 'src/testing/index.ts'],
  ['./queue', 'src/queue/index.ts'],
]
const present = ENTRIES.filter(([, source]) => existsSync(join(ROOT, source)))

const run = (file: string, args: ReadonlyArray<string>): string =>
  execFileSync(file, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  })

/** Runs an ES module in a child Node (so Node's own resolver reads "exports") and parses what it logs. */
const inNode = (body: string): unknown =>
  JSON.parse(
    run(process.execPath, [
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module'\nconst require = createRequire(process.cwd() + '/package.json')\n${body}`,
    ]),
  )

let packed: ReadonlySet<string>

beforeAll(async () => {
  await ensureDist()
  // --ignore-scripts: the listing must not run `prepare` (a second build) behind the test's back.
  const [pack] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'])) as [
    { files: ReadonlyArray<{ path: string }> },
  ]
  packed = new Set(pack.files.map((f) => f.path))
}, 240_000)

describe('npm pack', () => {
  it('holds only dist/, the README, the docs pages, a licence and package.json', () => {
    const allowed = /^(dist\/.+|README\.md|LICEN[CS]E(\.\w+)?|docs\/[^/]+\.md|package\.json)$/
    expect([...packed].filter((p) => !allowed.test(p))).toEqual([])
  })

  it.each([
    ['src/', 'sources: users get dist/'],
    ['test/', 'tests and their fixtures'],
    ['bench/', 'benchmarks'],
    ['docs/preview/', 'the sources of the preview page'],
    ['site/', 'the built page and API reference'],
    ['test-results/', 'test output'],
  ])('holds nothing under %s (%s)', (prefix) => {
    expect([...packed].filter((p) => p.startsWith(prefix))).toEqual([])
  })

  it('holds every "exports" target and the bin, each existing on disk', () => {
    const all = [...targets(manifest().exports), ...Object.values(manifest().bin)].map((t) =>
      t.replace(/^\.\//, ''),
    )
    expect(all.filter((t) => !packed.has(t) || !existsSync(join(ROOT, t)))).toEqual([])
  })
})

describe('"exports"', () => {
  it('has exactly the entries whose sources exist, and ./package.json', () => {
    expect(Object.keys(manifest().exports).sort()).toEqual(
      [...present.map(([s]) => s), './package.json'].sort(),
    )
  })

  it.each(present)(
    '%s has import and require conditions, types first, ESM .js and CommonJS .cjs',
    (subpath) => {
      const entry = manifest().exports[subpath] as Record<string, Record<string, string>>
      expect(Object.keys(entry)).toEqual(['import', 'require'])
      // TypeScript reads conditions in order: "types" must come before "default".
      expect(Object.keys(entry['import']!)).toEqual(['types', 'default'])
      expect(Object.keys(entry['require']!)).toEqual(['types', 'default'])
      expect(entry['import']!['types']).toMatch(/\.d\.ts$/)
      expect(entry['import']!['default']).toMatch(/\.js$/)
      expect(entry['require']!['types']).toMatch(/\.d\.cts$/)
      expect(entry['require']!['default']).toMatch(/\.cjs$/)
    },
  )
})

describe('the built entries in Node', () => {
  it('load through import and require by package name, with the same exports two levels deep', () => {
    // The package imports itself by name, through its own "exports".
    const shapes = inNode(`
      const shape = (m) => Object.keys(m).filter((k) => k !== '__esModule' && k !== 'default').sort().map((k) =>
        m[k] !== null && typeof m[k] === 'object' ? k + ' {' + Object.keys(m[k]).sort().join(' ') + '}' : k)
      const out = {}
      for (const s of ${JSON.stringify(present.map(([s]) => s))}) {
        const name = 'clickatell-fp' + s.slice(1)
        out[s] = { esm: shape(await import(name)), cjs: shape(require(name)) }
      }
      console.log(JSON.stringify(out))`) as Record<string, { esm: string[]; cjs: string[] }>
    for (const [subpath] of present) {
      expect(shapes[subpath]!.esm.length, subpath).toBeGreaterThan(0)
      expect(shapes[subpath]!.cjs, subpath).toEqual(shapes[subpath]!.esm)
    }
  })

  it('./ky builds a transport on ky itself under require as under import (ky is ESM only)', () => {
    // The default import of an ESM-only package is where CommonJS bundles go wrong (see tsup.config.ts).
    const sends = inNode(`
      const viaImport = (await import('clickatell-fp/ky')).kyTransport()
      const viaRequire = require('clickatell-fp/ky').kyTransport()
      console.log(JSON.stringify([typeof viaImport.send, typeof viaRequire.send]))`)
    expect(sends).toEqual(['function', 'function'])
  })

  it('runs the bin as an executable file (shebang, mode) and prints its help', () => {
    const bin = join(ROOT, manifest().bin['clickatell']!)
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(() => accessSync(bin, constants.X_OK)).not.toThrow()
    expect(run(bin, ['--help'])).toContain('Usage: clickatell')
  })
})
