// The layers import one way (core <- transport <- client <- cli), and only files named Node* or under src/cli,
// src/simulator touch Node: the root entry must run in browsers and edge runtimes.
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..', 'src')

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )

const files = walk(SRC).map((f) => ({
  path: relative(SRC, f).split('\\').join('/'),
  text: readFileSync(f, 'utf8'),
}))

// Node may be used by files named Node*, and by the parts that only ever run on Node.
const mayUseNode = (path: string): boolean =>
  /(^|\/)Node[^/]*\.ts$/.test(path) ||
  path.startsWith('cli/') ||
  path.startsWith('simulator/') ||
  path.startsWith('queue/')

const importsOf = (text: string): string[] =>
  [
    ...text.matchAll(/(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => (m[1] ?? m[2])!)

// Strip comments and strings so a doc comment that mentions `process` is not a use of it.
const code = (text: string): string =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")

// The modules that must run everywhere (the root entry and ky's, with the core, the transports but Node's, the
// client and the arbitraries under them) use no Node global either, not even one a runtime may provide: Bun has
// `process` and `Buffer`, workerd and Vercel's edge runtime do not (test/runtimes runs them there).
const runsEverywhere = (path: string): boolean =>
  !/(^|\/)Node[^/]*\.ts$/.test(path) &&
  (/^(core|transport|client|testing)\//.test(path) || path === 'index.ts' || path === 'ky.ts')

// A name on its own, not a property (`x.process`) nor part of a longer name (`globalThis`).
const NODE_GLOBALS =
  /(?<![\w$.])(?:Buffer|process|global|__dirname|__filename|setImmediate|clearImmediate)(?![\w$])|(?<![\w$.])require\s*\(/g

/** The Node globals used in a module's code (comments and strings already stripped). */
const nodeGlobalsIn = (body: string): string[] => [...body.matchAll(NODE_GLOBALS)].map((m) => m[0])

const LAYERS = ['core', 'transport', 'handler', 'client', 'testing', 'simulator', 'queue', 'cli'] as const
const rank: Record<string, number> = {
  core: 0,
  transport: 1,
  handler: 1,
  client: 2,
  testing: 3,
  simulator: 3,
  queue: 3,
  cli: 4,
}

describe('source boundaries', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(3)
  })

  it.each(files.filter((f) => !mayUseNode(f.path)))('$path uses nothing Node-only', ({ text }) => {
    expect(
      importsOf(text).filter(
        (s) =>
          s.startsWith('node:') ||
          /^(fs|path|http|https|net|os|crypto|stream|url|buffer|child_process)$/.test(s),
      ),
    ).toEqual([])
    const body = code(text)
    expect(body).not.toMatch(/\bprocess\s*\./)
    expect(body).not.toMatch(/\bBuffer\s*\./)
    expect(body).not.toMatch(/\brequire\s*\(/)
  })

  it.each(files.filter((f) => runsEverywhere(f.path)))('$path uses no Node global', ({ text }) => {
    expect(nodeGlobalsIn(code(text))).toEqual([])
  })

  it.each(files.filter((f) => f.path.startsWith('core/')))(
    '$path is pure: no I/O, timers or globals',
    ({ path, text }) => {
      const body = code(text)
      expect(body).not.toMatch(
        /\b(fetch|setTimeout|setInterval|Date\.now|Math\.random|globalThis|window|document|console)\b/,
      )
      for (const spec of importsOf(text).filter((s) => s.startsWith('.')))
        expect(posix.join(posix.dirname(path), spec), 'core imports only core').toMatch(/^core\//)
    },
  )

  it.each(files.filter((f) => LAYERS.some((l) => f.path.startsWith(`${l}/`))))(
    '$path imports only from its own layer or below',
    ({ path, text }) => {
      const layer = path.split('/')[0]!
      for (const spec of importsOf(text).filter((s) => s.startsWith('.'))) {
        const target = join(path, '..', spec).split('\\').join('/').split('/')[0]!
        if (target in rank) expect(rank[target]!, `${path} -> ${spec}`).toBeLessThanOrEqual(rank[layer]!)
      }
    },
  )

  // bullmq and ioredis are optional peers: only the queue loads them, and the CLI only when a campaign command
  // runs (a type-only import loads nothing).
  it.each(files)('$path loads bullmq and ioredis only from src/queue', ({ path, text }) => {
    const loaded = [
      ...text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^'";]*?from\s*['"](bullmq|ioredis)['"]/gm),
      ...text.matchAll(/^\s*import\s*['"](bullmq|ioredis)['"]/gm),
    ]
    if (!path.startsWith('queue/')) expect(loaded.map((m) => m[1])).toEqual([])
    const queueStatically = [
      ...text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^'";]*?from\s*['"]([^'"]*\/queue\/[^'"]*)['"]/gm),
    ]
    if (path.startsWith('cli/')) expect(queueStatically.map((m) => m[1])).toEqual([])
  })
})

describe('the boundary checks catch what they look for', () => {
  it('finds node imports, dynamic imports and re-exports', () => {
    expect(
      importsOf(
        "import { readFileSync } from 'node:fs'\nexport * from './x.js'\nconst m = import('node:http')",
      ),
    ).toEqual(['node:fs', './x.js', 'node:http'])
  })

  it('sees process and Buffer in code but not in comments or strings', () => {
    expect(code('const a = process.env.X')).toMatch(/\bprocess\s*\./)
    expect(code('// process.env is not read here\nconst s = "Buffer.from"')).not.toMatch(
      /\b(process|Buffer)\s*\./,
    )
  })

  it('finds each Node global as a name, not as a property, part of a name, comment or string', () => {
    expect(
      nodeGlobalsIn(
        code(
          'Buffer.from(s); process.env.X; global.x; __dirname; __filename; setImmediate(f); clearImmediate(t); require("fs")',
        ),
      ),
    ).toEqual([
      'Buffer',
      'process',
      'global',
      '__dirname',
      '__filename',
      'setImmediate',
      'clearImmediate',
      'require(',
    ])
    expect(
      nodeGlobalsIn(
        code('globalThis.fetch; step.process(); processed; t.unref?.(); // Buffer\nconst s = "process"'),
      ),
    ).toEqual([])
  })

  it('knows which files must run everywhere', () => {
    expect(runsEverywhere('transport/FetchTransport.ts')).toBe(true)
    expect(runsEverywhere('transport/NodeTransport.ts')).toBe(false)
    expect(runsEverywhere('core/text/Parts.ts')).toBe(true)
    expect(runsEverywhere('client/Client.ts')).toBe(true)
    expect(runsEverywhere('testing/Messages.ts')).toBe(true)
    expect(runsEverywhere('index.ts')).toBe(true)
    expect(runsEverywhere('simulator/Server.ts')).toBe(false)
    expect(runsEverywhere('handler/NodeCallbackHandler.ts')).toBe(false)
  })

  it('knows which files may use Node', () => {
    expect(mayUseNode('transport/NodeTransport.ts')).toBe(true)
    expect(mayUseNode('transport/FetchTransport.ts')).toBe(false)
    expect(mayUseNode('queue/Worker.ts')).toBe(true)
    expect(mayUseNode('core/text/Parts.ts')).toBe(false)
  })
})
