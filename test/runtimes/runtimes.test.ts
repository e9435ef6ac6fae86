// The promise to embedders (issue 18): the root entry (the core, the client, the fetch transport) runs on Bun,
// Deno, Vercel's edge runtime and Cloudflare's workerd. Each runtime runs a small program that imports the built
// package as an embedder would (Bun and Deno straight from dist/, by the package's name; the edge runtime and
// workerd a bundle of it made by esbuild for the browser platform), counts a text, parses a reply, and through
// fetchTransport sends a message to the simulator (in Node, on 127.0.0.1) and reads its status and the balance.
// Every answer is checked against what Node computes and what the simulator recorded. The runtimes are dev
// dependencies that ship their binaries; nothing is downloaded.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { EdgeRuntime } from 'edge-runtime'
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Parse from '../../src/core/reply/Parse.js'
import * as Parts from '../../src/core/text/Parts.js'
import { manualClock, type Simulator, startSimulator } from '../../src/simulator/index.js'
import { ensureDist, ROOT } from '../support/dist.js'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name)

const RUNTIMES = ['bun', 'deno', 'edge', 'workerd'] as const
type Runtime = (typeof RUNTIMES)[number]

// One account per runtime, so each program's balance is its own.
const account = (runtime: Runtime) => ({
  apiId: `300000${RUNTIMES.indexOf(runtime) + 1}`,
  user: runtime,
  password: `pw-${runtime}`,
  credits: 10,
})

/** What the test hands each program; the text needs UCS-2 (the euro sign is not in ISO-8859-1). */
const inputOf = (runtime: Runtime) => {
  const { apiId, user, password } = account(runtime)
  return {
    baseUrl: sim.url,
    credentials: { apiId, user, password },
    to: '447900000001',
    text: `Hello from ${runtime} {5€}`,
  }
}
type Input = ReturnType<typeof inputOf>

interface Answers {
  readonly count: unknown
  readonly parsed: unknown
  readonly sent: { readonly _tag: string; readonly right: { readonly outcomes: ReadonlyArray<unknown> } }
  readonly status: unknown
  readonly balance: unknown
}

/** The embedder's answers (fixtures/embedder.mjs), checked one by one. */
const expectAnswers = (runtime: Runtime, input: Input, answers: Answers): void => {
  expect(answers.count, 'Parts.count').toEqual(Parts.count(input.text))
  expect(answers.parsed, 'Parse.reply').toEqual(
    Parse.reply('sendmsg', 'ID: 0123456789abcdef0123456789abcdef'),
  )
  expect(answers.sent, 'client.send').toMatchObject({
    _tag: 'Right',
    right: {
      outcomes: [{ _tag: 'Accepted', to: input.to, apiMsgId: expect.stringMatching(/^[0-9a-f]{32}$/) }],
    },
  })
  const outcome = answers.sent.right.outcomes[0] as { apiMsgId: string; clientMessageId: string }
  // The simulator got exactly that message, from that runtime's account.
  expect(sim.state.message(outcome.apiMsgId)).toMatchObject({
    apiId: account(runtime).apiId,
    cliMsgId: outcome.clientMessageId,
    to: input.to,
    text: input.text,
    encoding: 'ucs2',
  })
  // The manual clock stands still: the message is still 002 (queued at the gateway).
  expect(answers.status, 'client.status').toEqual(
    Parse.reply('querymsg', `ID: ${outcome.apiMsgId} Status: 002`),
  )
  expect(answers.balance, 'client.balance').toEqual({ _tag: 'Right', right: { credit: 9, raw: '9.000' } })
}

let sim: Simulator
let scratch: string

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'clickatell-fp-runtimes-'))
  sim = await startSimulator({
    clock: manualClock(Date.UTC(2024, 0, 1)),
    accounts: RUNTIMES.map(account),
  })
  await ensureDist()
}, 240_000)

afterAll(async () => {
  await sim?.close()
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true })
})

const TIMEOUT_MS = 30_000

/** Runs a program in a runtime's own binary (asynchronously: the simulator answers from this process). */
const runProgram = async (
  file: string,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>> = {},
): Promise<string> => {
  const { stdout } = await promisify(execFile)(file, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: { PATH: process.env['PATH'] ?? '', HOME: scratch, NO_COLOR: '1', ...env },
  })
  return stdout
}

/** The program's answers: the last line it printed, as JSON. */
const lastLine = (stdout: string): Answers => JSON.parse(stdout.trim().split('\n').at(-1)!) as Answers

/** A bundle of a fixture with the package's root entry, for the browser platform, as an embedder's bundler makes it. */
const bundle = async (fixture: string, format: 'esm' | 'iife'): Promise<string> => {
  const built = await build({
    entryPoints: [join(FIXTURES, fixture)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'browser',
    format,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  return built.outputFiles[0]!.text
}

/** The JSON of a 200 answer; any other status fails with the body, which says what went wrong. */
const answersOf = async (response: { status: number; text: () => Promise<string> }): Promise<unknown> => {
  const body = await response.text()
  expect(response.status, body).toBe(200)
  return JSON.parse(body)
}

const within = async <A>(ms: number, what: string, p: Promise<A>): Promise<A> => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([p, late])
  } finally {
    clearTimeout(timer)
  }
}

describe('the root entry in other runtimes', () => {
  it('Bun runs it from dist/', { timeout: 60_000 }, async () => {
    const input = inputOf('bun')
    const out = await runProgram(bin('bun'), [join(FIXTURES, 'bun.mjs'), JSON.stringify(input)])
    expectAnswers('bun', input, lastLine(out))
  })

  it('Deno runs it from dist/, allowed to reach the simulator only', { timeout: 60_000 }, async () => {
    const input = inputOf('deno')
    const out = await runProgram(
      bin('deno'),
      [
        'run',
        '--no-prompt',
        '--no-lock',
        `--allow-net=127.0.0.1:${sim.port}`,
        join(FIXTURES, 'deno.mjs'),
        JSON.stringify(input),
      ],
      { DENO_DIR: join(scratch, 'deno'), DENO_NO_UPDATE_CHECK: '1' },
    )
    expectAnswers('deno', input, lastLine(out))
  })

  it("Vercel's edge runtime runs a browser bundle of it", { timeout: 60_000 }, async () => {
    const input = inputOf('edge')
    const runtime = new EdgeRuntime({ initialCode: await bundle('edge.mjs', 'iife') })
    const response = await within(
      TIMEOUT_MS,
      'edge-runtime',
      runtime.dispatchFetch('http://edge.test/', { method: 'POST', body: JSON.stringify(input) }),
    )
    expectAnswers('edge', input, (await answersOf(response)) as Answers)
  })

  it("Cloudflare's workerd runs a browser bundle of it, and the README's Worker", {
    timeout: 60_000,
  }, async () => {
    const input = inputOf('workerd')
    const mf = new Miniflare({
      modules: [{ type: 'ESModule', path: 'worker.mjs', contents: await bundle('workerd.mjs', 'esm') }],
      compatibilityDate: '2026-01-01',
      bindings: {
        CLICKATELL_API_ID: input.credentials.apiId,
        CLICKATELL_USER: input.credentials.user,
        CLICKATELL_PASSWORD: input.credentials.password,
        CLICKATELL_URL: sim.url,
      },
    })
    try {
      const post = (path: string, body: unknown) =>
        within(
          TIMEOUT_MS,
          'workerd',
          mf.dispatchFetch(`http://worker.test${path}`, { method: 'POST', body: JSON.stringify(body) }),
        )
      expectAnswers('workerd', input, (await answersOf(await post('/check', input))) as Answers)

      // The README's example: one message, its id back.
      const sent = await post('/', { to: '447900000002', text: 'Your code is 1234' })
      const { apiMsgId } = (await answersOf(sent)) as { apiMsgId: string }
      expect(sim.state.message(apiMsgId)).toMatchObject({
        apiId: input.credentials.apiId,
        to: '447900000002',
        text: 'Your code is 1234',
      })
      // Not a number: refused before sending, 400 with the reason.
      const invalid = await post('/', { to: 'not a number', text: 'x' })
      expect(invalid.status).toBe(400)
      expect(await invalid.json()).toEqual({ error: expect.stringMatching(/\S/) })
      // A number the gateway does not route (the reserved 999): its refusal, 502.
      const refused = await post('/', { to: '999000000001', text: 'x' })
      expect(refused.status).toBe(502)
      expect(await refused.json()).toEqual({
        outcome: 'Rejected',
        clientMessageId: expect.stringMatching(/^[0-9a-v]{24}$/),
        error: expect.stringContaining('114'),
      })
    } finally {
      await mf.dispose()
    }
  })
})

describe('the README', () => {
  it('shows the very Worker the workerd test runs (fixtures/worker.mjs)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!)
    const worker = readFileSync(join(FIXTURES, 'worker.mjs'), 'utf8')
    expect(blocks.filter((b) => b.includes('export default {'))).toEqual([worker])
  })
})
