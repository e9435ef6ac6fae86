// Every `@example` in the sources is a test, so the examples in the API reference cannot rot.
// - Examples of pure modules (src/core, and browser-safe transport code that opens no socket) are run, and a
//   `console.log(...) // expected` comment is checked: the comment is read as one JavaScript expression per
//   argument of console.log, and compared with toEqual.
// - Every example (including Node-only ones, which may start servers or open sockets) is type-checked.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { typeCheck } from './support/typecheck.js'

const ROOT = join(import.meta.dirname, '..')
const SRC = join(ROOT, 'src')
const OUT = join(ROOT, 'test-results', 'examples')

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )

interface Example {
  readonly file: string
  readonly line: number
  readonly code: string
}

const extractExamples = (file: string, text: string): Example[] => {
  const out: Example[] = []
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = m[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''))
    const start = text.slice(0, m.index).split('\n').length
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('@example')) continue
      const body: string[] = []
      for (let j = i + 1; j < lines.length && !lines[j]!.startsWith('@'); j++) body.push(lines[j]!)
      out.push({ file, line: start + i, code: body.join('\n').trim() })
    }
  }
  return out
}

// Import paths as a user writes them -> our sources.
const SUBPATHS: Record<string, string> = {
  'clickatell-fp': 'index.ts',
  'clickatell-fp/node': 'node.ts',
  'clickatell-fp/ky': 'ky.ts',
  'clickatell-fp/simulator': 'simulator/index.ts',
  'clickatell-fp/testing': 'testing/index.ts',
  'clickatell-fp/handler': 'handler/index.ts',
}
const rewriteImports = (code: string, fromDir: string, sourceFile: string): string =>
  code
    // An example of an internal function imports it by its path from the source file.
    .replace(/from '(\.\.?\/[^']+)'/g, (_all, spec: string) => {
      const target = join(ROOT, sourceFile, '..', spec.replace(/\.js$/, '.ts'))
      return `from '${relative(fromDir, target).split('\\').join('/')}'`
    })
    .replace(/from '(clickatell-fp(?:\/[\w-]+)?)'/g, (all, spec: string) =>
      SUBPATHS[spec] ? `from '${relative(fromDir, join(SRC, SUBPATHS[spec])).split('\\').join('/')}'` : all,
    )
    .replace(/from 'fp-ts\/(\w+)'/g, "from 'fp-ts/lib/$1.js'")

/** Splits an expected-output comment into top-level expressions: `'a' { b: 1 } 3` -> three. */
const splitExpressions = (s: string): string[] => {
  const out: string[] = []
  let depth = 0
  let quote = ''
  let cur = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (quote) {
      cur += c
      if (c === '\\') cur += s[++i] ?? ''
      else if (c === quote) quote = ''
      continue
    }
    if (c === "'" || c === '"' || c === '`') quote = c
    else if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    if (/\s/.test(c) && depth === 0 && !/[,:]\s*$/.test(cur) && !/^\s*[,:}\]]/.test(s.slice(i))) {
      if (cur.trim() !== '') out.push(cur.trim())
      cur = ''
    } else cur += c
  }
  if (cur.trim() !== '') out.push(cur.trim())
  return out
}

interface Prepared {
  readonly source: string
  readonly expectations: ReadonlyArray<{
    readonly id: number
    readonly expected: string
    readonly line: string
  }>
}

/** Replaces `console.log(args) // expected` with a call that records the values, and collects the expectations. */
const prepare = (code: string): Prepared => {
  const lines = code.split('\n')
  const expectations: { id: number; expected: string; line: string }[] = []
  const out: string[] = []
  let id = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const m = /^(\s*)console\.log\((.*)\)\s*(?:\/\/\s?(.*))?$/.exec(line)
    if (!m) {
      out.push(line)
      continue
    }
    let expected = m[3]
    // The expected value may continue on the following comment lines.
    if (expected === undefined) {
      const more: string[] = []
      while (i + 1 < lines.length && /^\s*\/\/ /.test(lines[i + 1]!))
        more.push(lines[++i]!.replace(/^\s*\/\/ /, ''))
      if (more.length > 0) expected = more.join(' ')
    } else {
      while (i + 1 < lines.length && /^\s*\/\/ {2,}/.test(lines[i + 1]!))
        expected += ` ${lines[++i]!.replace(/^\s*\/\//, '')}`
    }
    out.push(`${m[1]}__record(${id}, ${m[2]})`)
    if (expected !== undefined && expected.trim() !== '')
      expectations.push({ id, expected: expected.trim(), line })
    id++
  }
  return { source: out.join('\n'), expectations }
}

const files = walk(SRC)
const examples = files.flatMap((f) => extractExamples(relative(ROOT, f), readFileSync(f, 'utf8')))
const runnable = (e: Example): boolean =>
  e.file.startsWith('src/core/') ||
  e.file.startsWith('src/testing/') ||
  (e.file.startsWith('src/transport/') && !/Node|Ky/.test(e.file) && !/fetch\(|send\(/.test(e.code))

describe('doc examples', () => {
  it('every source file with exports has examples', () => {
    expect(examples.length).toBeGreaterThan(20)
  })

  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  const written = examples.map((e, k) => {
    const path = join(OUT, `${e.file.replace(/[/\\.]/g, '_')}_${e.line}_${k}.ts`)
    const p = prepare(rewriteImports(e.code, OUT, e.file))
    writeFileSync(
      path,
      `// ${e.file}:${e.line}\ndeclare const __record: (id: number, ...values: unknown[]) => void\n${p.source}\nexport {}\n`,
    )
    return { example: e, path, prepared: p }
  })

  it.each(
    written
      .filter((w) => runnable(w.example))
      .map((w) => [`${w.example.file}:${w.example.line}`, w] as const),
  )('runs %s', async (_name, w) => {
    const recorded = new Map<number, unknown[]>()
    ;(globalThis as Record<string, unknown>).__record = (id: number, ...values: unknown[]) =>
      recorded.set(id, values)
    await import(w.path)
    for (const x of w.prepared.expectations) {
      // A remark in parentheses may follow the values: `// 3 (100 + 100 + 50)`.
      const all = splitExpressions(x.expected)
      const arity = recorded.get(x.id)?.length ?? all.length
      const parts =
        all.length > arity && all.slice(arity).every((p) => p.startsWith('(')) ? all.slice(0, arity) : all
      let expected: unknown[]
      try {
        expected = new Function(`return [${parts.join(', ')}]`)() as unknown[]
      } catch {
        throw new Error(`cannot read the expected value of ${x.line} as JavaScript: ${x.expected}`)
      }
      expect(recorded.get(x.id), x.line).toEqual(expected)
    }
  })

  it('every example type-checks', () => {
    expect(
      typeCheck(
        written.map((w) => w.path),
        OUT,
      ),
    ).toEqual([])
  }, 120_000)
})
