// Every TypeScript snippet of README.md type-checks against our sources, and runs: a snippet that talks to a
// gateway reads CLICKATELL_URL and the account's variables, which point here at a simulator on 127.0.0.1, so
// the tour a newcomer copies is the tour this test ran. A snippet that starts a long-lived server (`.listen(`)
// is only type-checked.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Simulator, startSimulator } from '../src/simulator/index.js'
import { typeCheck } from './support/typecheck.js'

const ROOT = join(import.meta.dirname, '..')
const OUT = join(ROOT, 'test-results', 'readme')

const SUBPATHS: Record<string, string> = {
  'clickatell-fp': 'src/index.ts',
  'clickatell-fp/node': 'src/node.ts',
  'clickatell-fp/ky': 'src/ky.ts',
  'clickatell-fp/simulator': 'src/simulator/index.ts',
  'clickatell-fp/testing': 'src/testing/index.ts',
  'clickatell-fp/handler': 'src/handler/index.ts',
}

interface Snippet {
  readonly line: number
  readonly code: string
}

/** The ```ts blocks of a Markdown text, with the line each starts on. */
const snippetsOf = (markdown: string): Snippet[] =>
  [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => ({
    line: markdown.slice(0, m.index).split('\n').length,
    code: m[1]!,
  }))

const toSources = (code: string): string =>
  code
    .replace(/from '(clickatell-fp(?:\/[\w-]+)?)'/g, (all, spec: string) =>
      SUBPATHS[spec] ? `from '${relative(OUT, join(ROOT, SUBPATHS[spec])).split('\\').join('/')}'` : all,
    )
    .replace(/from 'fp-ts\/(\w+)'/g, "from 'fp-ts/lib/$1.js'")

const snippets = snippetsOf(readFileSync(join(ROOT, 'README.md'), 'utf8'))
rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
const written = snippets.map((s) => {
  const path = join(OUT, `readme_${s.line}.ts`)
  writeFileSync(path, `// README.md:${s.line}\n${toSources(s.code)}\nexport {}\n`)
  return { ...s, path }
})

let sim: Simulator
const saved = { ...process.env }
beforeAll(async () => {
  sim = await startSimulator({
    accounts: [{ apiId: '3000001', user: 'reader', password: 'readme-secret', credits: 50 }],
  })
  Object.assign(process.env, {
    CLICKATELL_URL: sim.url,
    CLICKATELL_API_ID: '3000001',
    CLICKATELL_USER: 'reader',
    CLICKATELL_PASSWORD: 'readme-secret',
  })
})
afterAll(async () => {
  for (const k of ['CLICKATELL_URL', 'CLICKATELL_API_ID', 'CLICKATELL_USER', 'CLICKATELL_PASSWORD'])
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  await sim?.close()
})

/** What a snippet printed, each console.log call's arguments. */
const run = async (path: string): Promise<unknown[][]> => {
  const printed: unknown[][] = []
  const log = console.log
  console.log = (...args: unknown[]) => void printed.push(args)
  try {
    await import(path)
  } finally {
    console.log = log
  }
  return printed
}

const containing = (text: string) => {
  const found = written.filter((w) => w.code.includes(text))
  expect(found, text).toHaveLength(1)
  return found[0]!
}

describe('README.md snippets', () => {
  it('finds them', () => {
    expect(written.length).toBeGreaterThanOrEqual(5)
  })

  it('every snippet type-checks', () => {
    expect(
      typeCheck(
        written.map((w) => w.path),
        OUT,
      ),
    ).toEqual([])
  }, 120_000)

  it('the counting snippet prints what it says', async () => {
    const printed = await run(containing("Parts.count('Hello [world]')").path)
    expect(printed).toEqual([
      [{ encoding: 'gsm7', units: 15, parts: 1, perPart: 160, remaining: 145 }],
      ['not-latin1'],
    ])
  })

  it('the fp-ts snippet sends through the simulator and prints the outcome', async () => {
    const printed = await run(containing("from 'clickatell-fp/node'").path)
    expect(printed).toEqual([['sent', '447900000001', expect.stringMatching(/^[0-9a-f]{32}$/)]])
    expect(sim.state.messages.some((m) => m.text === 'Your code is 1234')).toBe(true)
  })

  it('the Promises snippet reads the balance from the simulator', async () => {
    const printed = await run(containing('Client.makePromises').path)
    expect(printed).toEqual([[expect.stringMatching(/^\d+(\.\d+)? credits$/)]])
  })

  it('the testing snippet sends to its own simulator and reads what it received', async () => {
    const printed = await run(containing("from 'clickatell-fp/simulator'").path)
    expect(printed).toEqual([['Hello']])
  })
})
